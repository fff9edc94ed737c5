"""Build-speed benchmark: our build against a stock MkDocs Material build of the same text.

    .venv/bin/python benchmarks/build_bench.py [--runs N] [--library 1,2,5,10] [--no-library]

In one run, alternating, several times each (`--runs`, default 3):

- ours, cold: `python -m build_scripts build` in a copy of the project with every
  generated file and cache removed (docs/ generated pages, site/, dist/, .build/
  with its cache); the venv is installed;
- stock: a naive conversion of the same text (every seed .txt concatenated and cut
  into 22 pages at line boundaries, each line a paragraph) built by stock
  MkDocs Material with its search plugin (lang zh, so jieba segments it);
- ours after one seed file changed (a report, then the yearbook, then the
  report again: one character replaced in a body paragraph), then ours with
  nothing changed. The first rebuild after a cold build writes a whole new
  site (no site replaced by an earlier swap to write into, see reuse.py);
  "one report again" is an editor's usual rebuild, after rebuilds.

Each build is its own process; its peak memory is `ru_maxrss` of `os.wait4`
(the largest of the process and the processes it waited for: MkDocs, workers)
and its CPU time user + system of the same (less sensitive than wall time to
other jobs on a shared machine). Stage times come from
the build's progress lines (`[  1.5s] label …`): the time up to a line is
charged to that line's first word (for "wrote …" lines, the words before the
colon), except for a line that announces a start (`mkdocs build (…)`,
`offline bundle: derived …`), whose stage runs until the next line.

Outputs are compared byte for byte: the incremental and no-change builds of a
run against the cold build of the same input in the next run.

Then a generated library of 1, 2, 5, 10 yearbook volumes, each the sample with
its own text: district name replaced, the sentences of each body paragraph
shuffled, synonyms swapped and digits of body paragraphs permuted, per volume;
each size built `--runs` times, the sizes alternating, and the medians compared.

The machine may be shared: the load average is printed before and after;
quote medians and ratios.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from project import copy_project  # noqa: E402

ENV = dict(os.environ, SOURCE_DATE_EPOCH="1704067200")
# Python keeps compiled modules (__pycache__) on an editor's machine, as it does
# for the installed MkDocs the stock build runs; a shell with
# PYTHONDONTWRITEBYTECODE set (this sandbox has it) would make every one of our
# builds compile the package again (≈ 0.2 s) and the stock build not.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
STOCK_PAGES = 22
STOCK_CONFIG = """\
site_name: 地方年鉴（原样转换）
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      lang: zh
      separator: '[\\s\\u200b\\-]'
"""
YEARBOOK = "hexi-yearbook-2024.txt"
REPORT = "nankai-urban-management-2022-plan.txt"
PROGRESS = re.compile(r"^\[\s*([0-9.]+)s\] (.*)$")
DISTRICTS = ["河西", "河东", "南开", "和平", "红桥", "河北", "东丽", "西青", "津南", "北辰", "武清", "宝坻"]
SYNONYMS = [("开展", "组织"), ("推进", "推动"), ("完成", "实现"), ("加强", "强化"), ("全年", "年内"),
            ("提升", "提高"), ("召开", "举行"), ("积极", "主动"), ("工作", "事务"), ("群众", "居民")]


def run(cmd: list[str], cwd: Path) -> dict:
    """Run one build process; wall time, peak memory (MB), progress lines."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - t0
        err.seek(0)
        log = err.read()
    if proc.returncode != 0:
        sys.exit(f"build failed ({' '.join(cmd)}):\n{log[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime  # the process and the processes it waited for
    return {"seconds": seconds, "cpu": cpu, "peak_mb": usage.ru_maxrss / 1024, "stages": stages(log)}


def ours(root: Path) -> dict:
    return run([sys.executable, "-m", "build_scripts", "--root", str(root), "build"], ROOT)


def stages(log: str) -> dict[str, float]:
    """Seconds per stage from the progress lines (see the module docstring)."""
    out: dict[str, float] = {}
    previous_t, previous_label, previous_starts = 0.0, "", False
    for line in log.splitlines():
        m = PROGRESS.match(line)
        if not m:
            continue
        t, message = float(m.group(1)), m.group(2)
        if "pages written" in message:
            continue  # a report during a long MkDocs run, not a stage of its own
        label = message.split(":")[0].split(" ")[0]
        if label == "wrote":  # "wrote the 繁體 copy", "wrote offline bundle"
            label = message.split(":")[0]
        starts = message.startswith(("mkdocs build (", "offline bundle: derived"))
        if starts:
            label = message
        charged = previous_label if previous_starts else label
        if charged:
            out[charged] = out.get(charged, 0.0) + t - previous_t
        previous_t, previous_label, previous_starts = t, label, starts
    return out


def clean(root: Path) -> None:
    """Remove everything a build writes: generated docs/ pages, site/, dist/, .build/ (caches too)."""
    listing = root / "docs" / ".generated"
    if listing.is_file():
        for name in listing.read_text(encoding="utf-8").split():
            path = root / "docs" / name
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        listing.unlink()
    for name in ("site", "dist", ".build"):
        shutil.rmtree(root / name, ignore_errors=True)


def digest(root: Path) -> str:
    """One hash of every published file: docs/, site/, dist/."""
    h = hashlib.sha256()
    for top in ("docs", "site", "dist"):
        for path in sorted(p for p in (root / top).rglob("*") if p.is_file()):
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def toggle_one_character(path: Path) -> None:
    """A one-character correction: the character before the first 。 of a body
    paragraph in the middle of the file becomes 事 (or 务 if it is 事), so
    each call changes exactly one character."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i in range(len(lines) // 2, len(lines)):
        j = lines[i].find("。")
        if j > 20:
            lines[i] = lines[i][: j - 1] + ("务" if lines[i][j - 1] == "事" else "事") + lines[i][j:]
            break
    path.write_text("\n".join(lines), encoding="utf-8")


def stock_project(dest: Path) -> Path:
    """The naive conversion: all seed text in 22 pages, one paragraph per line."""
    lines = [l.strip() for f in sorted((ROOT / "seeds").glob("*.txt")) for l in f.read_text(encoding="utf-8").splitlines()]
    lines = [l for l in lines if l]
    docs = dest / "docs"
    docs.mkdir(parents=True)
    size = -(-len(lines) // STOCK_PAGES)
    for k in range(STOCK_PAGES):
        chunk = lines[k * size : (k + 1) * size]
        body = "\n\n".join(chunk)
        (docs / ("index.md" if k == 0 else f"part-{k:02d}.md")).write_text(f"# 第{k + 1}部分\n\n{body}\n", encoding="utf-8")
    (dest / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    return dest


def stock(root: Path) -> dict:
    shutil.rmtree(root / "site", ignore_errors=True)
    return run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(root / "mkdocs.yml")], root)


def volume_text(text: str, k: int) -> str:
    """Volume k of the generated library: the sample with its own wording."""
    if k == 0:
        return text
    rng = random.Random(k)
    district = DISTRICTS[k % len(DISTRICTS)]
    digits = list("0123456789")
    rng.shuffle(digits)
    digit_map = str.maketrans("0123456789", "".join(digits))
    swaps = [pair if rng.random() < 0.5 else pair[::-1] for pair in SYNONYMS if rng.random() < 0.7]
    out = []
    for line in text.replace("河西", district).split("\n"):
        if "。" in line and not line.lstrip().startswith("【"):
            sentences = [s for s in re.split(r"(?<=。)", line) if s]
            tail = [] if sentences[-1].endswith("。") else [sentences.pop()]
            rng.shuffle(sentences)
            line = "".join(sentences + tail).translate(digit_map)
            for a, b in swaps:
                line = line.replace(a, b)
        out.append(line)
    return "\n".join(out)


def library_project(dest: Path, n: int) -> Path:
    copy_project(dest, with_seeds=False)
    seeds = dest / "seeds"
    seeds.mkdir()
    text = (ROOT / "seeds" / YEARBOOK).read_text(encoding="utf-8")
    manifest = ["volumes:"]
    for k in range(n):
        district = DISTRICTS[k % len(DISTRICTS)]
        name = f"volume-{k:02d}.txt"
        (seeds / name).write_text(volume_text(text, k), encoding="utf-8")
        manifest += [
            f"  - id: lib-{k:02d}",
            f"    title: 天津市{district}年鉴（{2024 - k}）",
            f"    year: {2024 - k}",
            "    kind: yearbook",
            "    publisher: 某某出版社",
            "    sources:",
            f"      - file: {name}",
        ]
    (seeds / "volumes.yml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    for extra in ("pinyin-phrases.yml",):
        shutil.copy2(ROOT / "seeds" / extra, seeds / extra)
    return dest


def _median_run(runs: list[dict]) -> dict:
    """The medians of the runs' time, CPU time and peak memory, with the
    stages of the run of median time."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    middle = dict(ordered[(len(ordered) - 1) // 2])
    for figure in ("seconds", "cpu", "peak_mb"):
        middle[figure] = med([r[figure] for r in runs])
    return middle


def med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--library", default="1,2,5,10", help="volume counts of the generated library")
    parser.add_argument("--no-library", action="store_true")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "build_scripts")], env=ENV, check=True)
    load_before = os.getloadavg()
    results: dict[str, list[dict]] = {k: [] for k in ("cold", "stock", "one report", "one yearbook", "one report again", "no change")}
    same: list[bool] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        project = copy_project(tmp / "ours")
        stock_root = stock_project(tmp / "stock")
        pending: list[tuple[str, str]] = []  # digests of incremental builds awaiting the next cold build
        for i in range(args.runs):
            clean(project)
            results["cold"].append(ours(project))
            cold = digest(project)
            for label, expected in pending:
                same.append(cold == expected)
                print(f"run {i + 1}: {label} build {'byte-identical to' if cold == expected else 'DIFFERS from'} the cold build", flush=True)
            results["stock"].append(stock(stock_root))
            toggle_one_character(project / "seeds" / REPORT)
            results["one report"].append(ours(project))
            toggle_one_character(project / "seeds" / YEARBOOK)
            results["one yearbook"].append(ours(project))
            toggle_one_character(project / "seeds" / REPORT)
            results["one report again"].append(ours(project))
            after_change = digest(project)
            results["no change"].append(ours(project))
            pending = [("one-seed", after_change), ("no-change", digest(project))]
            c, s = results["cold"][-1]["seconds"], results["stock"][-1]["seconds"]
            print(f"run {i + 1}: cold {c:.1f} s, stock {s:.1f} s, one report {results['one report'][-1]['seconds']:.1f} s, "
                  f"one yearbook {results['one yearbook'][-1]['seconds']:.1f} s, one report again {results['one report again'][-1]['seconds']:.1f} s, no change {results['no change'][-1]['seconds']:.1f} s", flush=True)
        library = []
        if not args.no_library:
            # Each size built `--runs` times, the sizes alternating (one
            # sample of a 40 s build is as noisy as the machine), the median
            # build of each size reported.
            counts = [int(x) for x in args.library.split(",")]
            made: dict[int, list[dict]] = {n: [] for n in counts}
            for i in range(args.runs):
                for n in counts:
                    root = library_project(tmp / f"library-{n}", n)
                    r = ours(root)
                    made[n].append(r)
                    print(f"run {i + 1}: library of {n}: {r['seconds']:.1f} s, peak {r['peak_mb']:.0f} MB", flush=True)
                    shutil.rmtree(root)
            library = [(n, _median_run(made[n])) for n in counts]
    load_after = os.getloadavg()
    report(results, same, library, load_before, load_after, args.runs)


def report(results, same, library, load_before, load_after, runs) -> None:
    stock_s = med([r["seconds"] for r in results["stock"]])
    print()
    print(f"load average before {load_before[0]:.2f} / after {load_after[0]:.2f} (1-min), {os.cpu_count()} cores; {runs} runs each")
    print()
    stock_cpu = med([r["cpu"] for r in results["stock"]])
    print("| build | median time | × stock | median CPU time | × stock | peak memory (median) |")
    print("|---|---:|---:|---:|---:|---:|")
    for key, rs in results.items():
        t, c = med([r["seconds"] for r in rs]), med([r["cpu"] for r in rs])
        print(f"| {key} | {t:.2f} s | {t / stock_s:.2f} | {c:.2f} s | {c / stock_cpu:.2f} | {med([r['peak_mb'] for r in rs]):.0f} MB |")
    if same:
        print(f"\nincremental and no-change outputs byte-identical to the next cold build: {sum(same)} of {len(same)}")
    labels = list(dict.fromkeys(k for r in results["cold"] for k in r["stages"]))
    print("\n| stage (cold build, from progress lines) | median s |\n|---|---:|")
    for label in labels:
        print(f"| {label} | {med([r['stages'].get(label, 0.0) for r in results['cold']]):.2f} |")
    if library:
        one = library[0][1]
        print("\n| library volumes | median time | × one volume | median CPU time | × one volume | peak memory (median) | × one volume |\n|---:|---:|---:|---:|---:|---:|---:|")
        for n, r in library:
            print(f"| {n} | {r['seconds']:.1f} s | {r['seconds'] / one['seconds']:.2f} | {r['cpu']:.1f} s | {r['cpu'] / one['cpu']:.2f} "
                  f"| {r['peak_mb']:.0f} MB | {r['peak_mb'] / one['peak_mb']:.2f} |")
        for n, r in library:
            top = sorted(r["stages"].items(), key=lambda kv: -kv[1])[:6]
            print(f"library of {n}, slowest stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in top))


if __name__ == "__main__":
    main()
