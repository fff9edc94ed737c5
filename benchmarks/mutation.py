"""Mutation testing of the core modules with mutmut (too slow for CI: not in `make test`).

    .venv/bin/python benchmarks/mutation.py [MODULE ...] [--children 1] [--tests tests/unit] [--rev HEAD]

For each module (a path under build_scripts/, e.g. `glossary/link.py`; default: MODULES) it
lays a scratch copy of the committed project (HEAD) in `.build/mutation/<module>/` with a `setup.cfg` that tells
mutmut to mutate that one file and to kill mutants with the fast unit tests, runs
`mutmut run --max-children N` there (N = 1 by default: the machine is shared), and prints the
score: killed / (all mutants - those mutmut could not run). Surviving mutants are listed with
their diff in `.build/mutation/<module>/survivors.txt`, to be triaged (a test added, or a line in
benchmarks/RESULTS.md saying why the mutant is equivalent).

Why a scratch copy per module: mutmut reads its configuration from the current folder's
setup.cfg and rewrites the sources into `mutants/` there; keeping it out of the work tree means
no mutmut configuration or output in the repository, and runs of different modules never share
a stale `mutants/` folder.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent

# Core modules, least in flux first (see issue 16).
MODULES = [
    "glossary/link.py",
    "indexes/collation.py",
    "indexes/headings.py",
    "indexes/pages.py",
    "indexes/locators.py",
    "indexes/entry_index.py",
    "indexes/subjects.py",
    "render.py",
    "manifest.py",
    "layout.py",
    "slugs.py",
    "repair/punctuation.py",
    "repair/ocr.py",
    "repair/markup.py",
    "repair/controls.py",
    "repair/captions.py",
    "repair/wrap.py",
    "repair/paragraphs.py",
    "structure/pages.py",
]

# What the unit tests read besides the package and themselves.
ALSO_COPY = ["seeds", "mkdocs.yml", "docs", "overrides", "pytest.ini"]

# Unit tests of the machine, not of the package: they read the Makefile, .ci and the venv
# of a real checkout (`make -n test`), which a scratch copy is not; no mutated module is theirs.
NOT_KILLERS = ["tests/unit/test_environment.py"]


def _lay_out(module: str, tests: list[str], rev: str = "HEAD") -> Path:
    work = ROOT / ".build" / "mutation" / module.replace("/", "__").removesuffix(".py")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    # A committed tree (HEAD by default), not the work tree: a run measures code that
    # can be named by its commit, and edits made while it runs do not leak into it.
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "build_scripts", "tests", *ALSO_COPY],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(work)], input=archive, check=True)
    selection = "\n    ".join(tests)
    (work / "setup.cfg").write_text(
        "[mutmut]\n"
        "source_paths = build_scripts\n"
        f"only_mutate = build_scripts/{module}\n"
        "also_copy =\n" + "".join(f"    {n}\n" for n in ALSO_COPY)
        + f"pytest_add_cli_args_test_selection =\n    {selection}\n"
        + "pytest_add_cli_args =\n    -q\n    -p\n    no:cacheprovider\n"
        + "".join(f"    --ignore={t}\n" for t in NOT_KILLERS)
        + "use_git_change_detection = false\n",
        encoding="utf-8",
    )
    return work


def _results(work: Path) -> dict[str, str]:
    """mutant name -> status, from `mutmut results --all true`."""
    out = subprocess.run([str(VENV_BIN / "mutmut"), "results", "--all", "true"], cwd=work,
                         capture_output=True, text=True).stdout
    status = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\S+):\s*(\S.*)$", line)
        if m:
            status[m.group(1)] = m.group(2).strip()
    return status


def _diff(work: Path, name: str) -> str:
    return subprocess.run([str(VENV_BIN / "mutmut"), "show", name], cwd=work,
                          capture_output=True, text=True).stdout


def _commit(rev: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev],
                          capture_output=True, text=True).stdout.strip()


def run_module(module: str, children: int, tests: list[str], rev: str = "HEAD") -> dict:
    work = _lay_out(module, tests, rev)
    start = time.monotonic()
    with (work / "run.log").open("w", encoding="utf-8") as log:  # progress readable while it runs
        proc = subprocess.run([str(VENV_BIN / "mutmut"), "run", "--max-children", str(children)],
                              cwd=work, stdout=log, stderr=subprocess.STDOUT, text=True)
    seconds = time.monotonic() - start
    status = _results(work)
    counts: dict[str, int] = {}
    for s in status.values():
        counts[s] = counts.get(s, 0) + 1
    killed = counts.get("killed", 0) + counts.get("timeout", 0) + counts.get("caught by type check", 0)
    # "no tests": no selected test runs the mutated function at all, a survivor too.
    not_run = counts.get("not checked", 0) + counts.get("segfault", 0) + counts.get("suspicious", 0)
    total = sum(counts.values()) - not_run
    survivors = sorted(n for n, s in status.items() if s in ("survived", "no tests"))
    with (work / "survivors.txt").open("w", encoding="utf-8") as fh:
        for name in survivors:
            fh.write(f"### {name} ({status[name]})\n{_diff(work, name)}\n")
    return {"module": module, "commit": _commit(rev), "score": killed / total if total else None, "killed": killed,
            "mutants": total, "counts": counts, "survivors": survivors, "seconds": round(seconds),
            "returncode": proc.returncode, "work": str(work.relative_to(ROOT))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("modules", nargs="*", default=MODULES)
    ap.add_argument("--children", type=int, default=1, help="parallel mutant runs (default 1)")
    ap.add_argument("--tests", nargs="+", default=["tests/unit"],
                    help="the mutant-killing tests (default: the fast unit tests)")
    ap.add_argument("--rev", default="HEAD", help="the commit to measure (default HEAD), e.g. a base to compare with")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    rev = _commit(args.rev)  # resolved once: every module of the run measures the same commit
    rows = []
    for module in args.modules:
        row = run_module(module, args.children, args.tests, rev)
        rows.append(row)
        score = "n/a" if row["score"] is None else f"{100 * row['score']:.1f} %"
        print(f"{row['commit']} {module:28} {score:>8}  killed {row['killed']}/{row['mutants']}  "
              f"survivors {len(row['survivors'])}  {row['seconds']} s  {row['counts']}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
