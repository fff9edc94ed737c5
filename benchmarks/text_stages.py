"""CPU seconds of the text side of a cold build, stage by stage, in one process.

    python benchmarks/text_stages.py [--runs N]     # median of N runs (default 3)
    python benchmarks/text_stages.py --rebuild [--runs N]

Every stage of the pipeline (pipeline.STAGES and, per volume, VOLUME_STAGES)
runs on the sample as in a cold build — no cache, nothing kept from an earlier
run — but all in this process: the volumes one after the other, jieba's
tagging and the repair's line rules without worker processes, so that each figure is the CPU time of that
stage alone, comparable on a machine other builds share (build_bench.py
measures the whole build, workers and MkDocs included). jieba's dictionary
and its tagger's are loaded first and shown on their own lines; "names" is the
name indexes inside the indexes stage (jieba's POS tagging and the rules of
indexes/names.py), "indexes" the rest of that stage.

`--rebuild`: the wall and CPU seconds of read → repair → structure of each
volume as a rebuild after an edit runs them (in the build's process, pypinyin's
readings and jieba's word splits known from the volume's first pass, which is
not timed), median of N passes; with the repair's line rules as the build
runs them (repair/linewise.py: over two processes only when a core is free),
over two processes whatever the load, and all in one process. The CPU column
is this process's alone.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def one_run() -> dict[str, float]:
    """One cold pass over the stages in a fresh process state: {label: CPU seconds}."""
    from build_scripts import pipeline
    from build_scripts.cache import Cache
    from build_scripts.indexes import names, tagging
    from build_scripts.repair import linewise
    from build_scripts.repair.wrap import _segmenter

    times: dict[str, float] = defaultdict(float)

    def timed(label, function, *args):
        start = time.process_time()
        result = function(*args)
        times[label] += time.process_time() - start
        return result

    tagging.PARALLEL_FROM = float("inf")  # tag in this process
    linewise.PARALLEL_FROM = float("inf")  # and repair every line here
    timed("jieba dictionary", _segmenter)
    with tempfile.TemporaryDirectory() as tmp:
        run = pipeline.Run(ROOT, Cache(Path(tmp)), lambda message: None)
        build_names = names.build
        names.build = lambda *args: timed("names", build_names, *args)
        try:
            for stage in pipeline.STAGES:
                if stage.name == "volumes":
                    for spec in run.specs:
                        volume = pipeline.VolumeRun(spec, run.seeds, lambda message: None)
                        for step in pipeline.VOLUME_STAGES:
                            timed(f"{step.name} {spec.id}", step.run, volume)
                        run.volumes.append(volume.volume)
                    continue
                if stage.name == "indexes":
                    timed("jieba.posseg", tagging.load_posseg)
                before = times.get("names", 0.0)
                timed(stage.name, stage.run, run)
                if stage.name == "indexes":
                    times["indexes"] -= times.get("names", 0.0) - before
        finally:
            names.build = build_names
    return times


def rebuild_runs(runs: int) -> None:
    """Print the --rebuild table (see the module's docstring)."""
    import os

    from build_scripts import pipeline
    from build_scripts.manifest import load_manifest
    from build_scripts.repair import linewise

    seeds = ROOT / "seeds"
    specs = load_manifest(seeds / "volumes.yml")
    print(f"load average {os.getloadavg()[0]:.1f}; line rules over two cores now: {linewise._spare_core()}")
    print(f"| volume | line rules | wall s (median of {runs}) | CPU s |")
    print("|---|---|---:|---:|")
    split, spare = linewise.PARALLEL_FROM, linewise._spare_core
    ways = (("as the build runs them", split, spare), ("two processes", split, lambda: True),
            ("one process", float("inf"), spare))
    for spec in specs:
        pipeline.structure_volume(spec, seeds)  # readings and word splits learned, as a rebuild has them
        for label, threshold, free in ways:
            linewise.PARALLEL_FROM, linewise._spare_core = threshold, free
            walls, cpus = [], []
            for _ in range(runs):
                wall, cpu = time.perf_counter(), time.process_time()
                pipeline.structure_volume(spec, seeds)
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
            print(f"| {spec.id} | {label} | {statistics.median(walls):.2f} | {statistics.median(cpus):.2f} |")
        linewise.PARALLEL_FROM, linewise._spare_core = split, spare


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true", help="read → repair → structure as a rebuild runs them")
    args = parser.parse_args()
    if args.rebuild:
        rebuild_runs(args.runs)
        return 0

    runs = []
    for _ in range(args.runs):  # each run in a fresh interpreter: nothing loaded or cached
        out = subprocess.run([sys.executable, __file__, "--one"], capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(json.loads(out.stdout))
    labels = list(runs[0])
    print(f"| stage | CPU s (median of {len(runs)}) |")
    print("|---|---:|")
    for label in labels:
        print(f"| {label} | {statistics.median(r[label] for r in runs):.2f} |")
    total = statistics.median(sum(r.values()) for r in runs)
    print(f"| all of the above | {total:.2f} |")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--one"]:
        print(json.dumps(one_run()))
        sys.exit(0)
    sys.exit(main())
