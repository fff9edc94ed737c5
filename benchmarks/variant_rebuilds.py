"""Incremental builds on the sample rewritten into other extractions' shapes.

    .venv/bin/python benchmarks/variant_rebuilds.py [variant …]    # default: three shapes

For each variant of tests/variants.py (the yearbook as another office's
extraction hands it over: no running heads, page numbers mid-paragraph, a
line per printed line, …), in a project of the sample's volumes with the
yearbook replaced by the variant:

1. a cold build;
2. one character of a body paragraph changed (build_bench.toggle_one_character)
   and a rebuild, which structures the yearbook alone (the reports come from
   the cache);
3. a cold build of the same seeds in a fresh copy.

Prints the time of the cold build and of the rebuild, and whether the rebuild
published exactly what the cold build of the same input did (docs/, site/,
dist/ byte for byte). Exits 1 if any differs.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import build_bench  # noqa: E402
import variants  # noqa: E402
from project import copy_project  # noqa: E402

DEFAULT = ["no_running_heads", "page_furniture", "line_per_line"]
YEARBOOK = build_bench.YEARBOOK


def project(dest: Path, yearbook: str) -> Path:
    root = copy_project(dest)
    (root / "seeds" / YEARBOOK).write_text(yearbook, encoding="utf-8")
    return root


def main(names: list[str]) -> int:
    print("| variant | cold | rebuild after one character | rebuild = cold build |\n|---|---:|---:|---|")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            root = project(Path(tmp) / name / "a", variants.make(name).text)
            cold = build_bench.ours(root)
            build_bench.toggle_one_character(root / "seeds" / YEARBOOK)
            rebuild = build_bench.ours(root)
            fresh = project(Path(tmp) / name / "b", (root / "seeds" / YEARBOOK).read_text(encoding="utf-8"))
            build_bench.ours(fresh)
            same = build_bench.digest(root) == build_bench.digest(fresh)
            failed |= not same
            print(f"| {name} | {cold['seconds']:.2f} s | {rebuild['seconds']:.2f} s | {'yes' if same else 'NO'} |",
                  flush=True)
            shutil.rmtree(Path(tmp) / name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or DEFAULT))
