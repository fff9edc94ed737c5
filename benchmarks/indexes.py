"""Index figures on the sample: coverage of the printed 条目索引, reachability,
heading and locator counts, and the 30 name headings for the precision spot check.

    .venv/bin/python benchmarks/indexes.py            # evenly spaced spot check
    .venv/bin/python benchmarks/indexes.py --seed 7   # random spot check (random.Random(7).sample)

Prints JSON; the spot-check verdicts are a person's reading, recorded in
benchmarks/RESULTS.md ("Indexes").
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_scripts.glossary import pages as glossary_pages  # noqa: E402
from build_scripts.indexes import build_indexes  # noqa: E402
from build_scripts.manifest import load_manifest  # noqa: E402
from build_scripts.render import render_volume  # noqa: E402
from build_scripts.pipeline import structure_volume  # noqa: E402

SPOT_PER_INDEX = 10  # evenly spaced headings from each of the three name indexes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, help="draw the spot check at random with this seed instead of evenly spaced")
    args = parser.parse_args()
    specs = load_manifest(ROOT / "seeds" / "volumes.yml")
    volumes = [structure_volume(s, ROOT / "seeds") for s in specs]
    glossary = glossary_pages.prepare(volumes, ROOT / "seeds")
    for v in volumes:
        render_volume(v, glossary.linker.mark)  # as the pipeline's render stage does
    terms = [(t.term, [o.entry_id for o in t.occurrences]) for t in glossary.terms]
    t0 = time.monotonic()
    built = build_indexes(volumes, ROOT / "seeds", terms)
    seconds = time.monotonic() - t0
    figures = {"index_build_seconds": round(seconds, 1)}
    for key in ("entries", "subjects", "people", "organisations", "places"):
        heads = built.data[key]
        figures[key] = {"headings": len(heads), "avg_locators": round(sum(len(h["locators"]) for h in heads) / len(heads), 2)}
    figures["entries_reachable"] = f"{built.figures['entries_reachable']}/{built.figures['entries_total']}"
    figures["printed_index"] = [{k: v for k, v in p.items() if k != "missing"} | {"missing_count": len(p["missing"])} for p in built.data["printed_index"]]
    spot = []
    for key in ("people", "organisations", "places"):
        heads = built.data[key]
        if args.seed is None:
            picked = [heads[int(i * len(heads) / SPOT_PER_INDEX)] for i in range(SPOT_PER_INDEX)]
        else:  # one generator per index, so each index's draw does not depend on the others' sizes
            picked = sorted(random.Random(f"{args.seed}-{key}").sample(heads, SPOT_PER_INDEX), key=heads.index)
        spot += [(key, h["heading"]) for h in picked]
    figures["spot_check"] = spot
    print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
