"""How fast hostile input is refused, and what the environment check costs.

    python benchmarks/hostile_input.py

Each case runs `python -m build_scripts --root <tmp project> build` on a small
project whose seeds/volumes.yml is hostile, in a child process; reported: exit
code, wall time, the child's peak resident memory, and the one error line.
Then `python -m build_scripts.environment requirements-dev.txt` (what `make
site` / `make test` run first) is timed.
"""
from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from project import SMALL_MANIFEST, copy_project  # noqa: E402

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 10)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))

CASES = {
    "alias bomb (10^9 values) in volumes.yml": BOMB + "volumes: *i\n",
    "alias bomb as a volume title": BOMB + SMALL_MANIFEST.replace("title: 工作文献", "title: *i"),
    "nesting 3000 deep": "volumes: " + "[" * 3000 + "]" * 3000 + "\n",
    "9 MB volumes.yml": "# x\n" * (9 * 1024 * 1024 // 4),
    "year: .inf": SMALL_MANIFEST.replace("year: 2099", "year: .inf", 1),
}


def run(manifest: str) -> tuple[int, float, float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "p")
        (root / "seeds" / "volumes.yml").write_text(manifest, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "build_scripts", "--root", str(root), "--quiet", "build"],
                              cwd=ROOT, capture_output=True, text=True, timeout=600)
        wall = time.monotonic() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return proc.returncode, wall, max(peak, before) / 1024, proc.stderr.strip().splitlines()[-1][:110]


def main() -> None:
    print("| input | exit | wall time | peak memory (child) | message |")
    print("|---|---|---|---|---|")
    for name, manifest in CASES.items():
        code, wall, mb, line = run(manifest)
        print(f"| {name} | {code} | {wall:.2f} s | {mb:.0f} MB | `{line}` |")
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "build_scripts.environment", "requirements-dev.txt"], cwd=ROOT)
    print(f"\nenvironment check: exit {proc.returncode}, {time.monotonic() - t0:.2f} s")


if __name__ == "__main__":
    main()
