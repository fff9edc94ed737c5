"""Glossary benchmark: time to collect terms and find every occurrence in the
structured sample, and to render all pages with and without the marks.

    .venv/bin/python benchmarks/glossary.py [--repeat N]

Reads seeds/ of the working tree (read → repair → structure once, untimed),
then times glossary.prepare and render_volume; prints the sample's figures
(terms, marked occurrences, entries reached) with the median times.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_scripts.glossary import pages as glossary_pages  # noqa: E402
from build_scripts.manifest import load_manifest  # noqa: E402
from build_scripts.render import render_volume  # noqa: E402
from build_scripts.pipeline import structure_volume  # noqa: E402


def _median(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    seeds = ROOT / "seeds"
    specs = load_manifest(seeds / "volumes.yml")

    def fresh():
        return [structure_volume(s, seeds) for s in specs]

    times = []
    for _ in range(args.repeat):
        vols = fresh()  # occurrences accumulate on terms: a fresh structure each run
        t0 = time.perf_counter()
        glossary = glossary_pages.prepare(vols, seeds)
        times.append(time.perf_counter() - t0)
        volumes = vols
    t_prepare = statistics.median(times)
    t_plain, _ = _median(lambda: [render_volume(v) for v in volumes], args.repeat)
    t_marked, _ = _median(lambda: [render_volume(v, glossary.linker.mark) for v in volumes], args.repeat)
    f = glossary.figures()
    print(f"terms {f['glossary_terms']}, marked occurrences {f['glossary_marks']}, entries reached {f['glossary_entries']}")
    print(f"| glossary.prepare {t_prepare * 1000:.0f} ms | render plain {t_plain * 1000:.0f} ms | render marked {t_marked * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
