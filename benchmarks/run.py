"""Build benchmark: time of a full build of seeds/ and the sizes of what it publishes.

    .venv/bin/python benchmarks/run.py [--repeat N]

Builds into a temporary copy of the project (the working tree is untouched) and
prints a Markdown table row per run plus the median; paste it into
benchmarks/RESULTS.md with the date.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from project import copy_project  # noqa: E402
from build_scripts.site import Progress, build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    times = []
    for i in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            root = copy_project(Path(tmp) / "p")
            t0 = time.perf_counter()
            figures = build(root, Progress(quiet=True))
            seconds = time.perf_counter() - t0
            times.append(seconds)
            entries = json.loads((root / "site/data/entries.json").read_text(encoding="utf-8"))
            per_volume = {}
            for e in entries:
                per_volume[e["volume"]] = per_volume.get(e["volume"], 0) + 1
            print(
                f"| run {i + 1} | {seconds:.1f} s | {figures['entries']} entries {per_volume} | "
                f"site {figures['site_bytes'] / 1e6:.1f} MB | bundle {figures['bundle_bytes'] / 1e6:.2f} MB |"
            )
    print(f"median build time: {statistics.median(times):.1f} s")


if __name__ == "__main__":
    main()
