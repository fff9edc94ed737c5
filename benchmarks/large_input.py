"""Large input: generate a yearbook of ~50 MB in the shape of the sample and
build it, recording wall time and peak memory (大样本压力测试).

    python benchmarks/large_input.py            # 50 MB, writes benchmarks/RESULTS.md "Large input"
    python benchmarks/large_input.py --mb 2     # a quick smoke run (still recorded)

The generated book has what the pipeline reads in the real one: an 编辑说明
listing its 篇 ("全书设置……N 篇"), a running head (书眉) opening each 篇, short
章 headings, 【】 entries whose paragraphs carry the PDF's column-wrap spaces
and half-width punctuation, and dated photo captions with a credit. Its
characters are drawn from the sample's own text, so word lengths and pinyin
slugs behave like the real book. The build runs as a child process (progress
on stderr, as a user sees it); peak memory is the largest resident set of any
process of the build (the pipeline or one of its MkDocs runs).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from project import copy_project  # noqa: E402  (one project layout for tests and benchmarks)
SAMPLE = ROOT / "seeds" / "hexi-yearbook-2024.txt"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SECTION = "## Large input"

PARTS = 24  # the sample's 篇 count
COLUMN = 22  # printed column width: where the PDF put its wrap spaces
ENTRIES_PER_CHAPTER = (8, 30)


class Book:
    """A deterministic random yearbook built from the sample's characters."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        text = SAMPLE.read_text(encoding="utf-8")
        # Characters weighted by how often the sample uses them.
        self.chars = re.findall(r"[\u4e00-\u9fff]", text)
        self.units = sorted(set(re.findall(r"[(（]([\u4e00-\u9fff]{2,8})提供[)）]", text))) or ["编辑部"]
        self.used_titles: set[str] = set()

    def word(self, lo: int, hi: int) -> str:
        return "".join(self.rnd.choices(self.chars, k=self.rnd.randint(lo, hi)))

    def title(self, lo: int = 3, hi: int = 8) -> str:
        # Mostly distinct titles, with the sample's share of repeats (概况 …).
        if self.used_titles and self.rnd.random() < 0.05:
            return self.rnd.choice(sorted(self.used_titles)[:50])
        t = self.word(lo, hi)
        self.used_titles.add(t)
        return t

    def sentence(self) -> str:
        clauses = [self.word(4, 14) for _ in range(self.rnd.randint(1, 4))]
        if self.rnd.random() < 0.3:
            clauses[-1] += f"{self.rnd.randint(2, 9999)}个"
        return ",".join(clauses) + "。"

    def paragraph(self) -> str:
        text = "".join(self.sentence() for _ in range(self.rnd.randint(2, 8)))
        # The PDF's column wrap: a space every COLUMN characters of running text.
        return " ".join(text[i : i + COLUMN] for i in range(0, len(text), COLUMN))

    def caption(self) -> str:
        m, d = self.rnd.randint(1, 12), self.rnd.randint(1, 28)
        return f"{m}月{d}日,{self.word(6, 20)} ({self.rnd.choice(self.units)}提供)"


def generate(path: Path, target_bytes: int, seed: int = 2024) -> dict:
    book = Book(seed)
    head = "某某区年鉴 2099"  # the running head repeats before every 篇
    parts = [book.word(2, 5) for _ in range(PARTS)]
    per_part = target_bytes // PARTS
    counts = {"parts": PARTS, "chapters": 0, "entries": 0, "lines": 0}
    with path.open("w", encoding="utf-8", newline="\n") as out:

        def write(line: str = "") -> None:
            out.write(line + "\n")
            counts["lines"] += 1

        write("某某区年鉴(2099)")
        write()
        write("编辑说明")
        write()
        write(f"一、本书分为篇目、章目、分目、条目 4 个层次。全书设置{'、'.join(parts)} {PARTS} 篇。")
        write()
        for name in parts:
            start = out.tell()
            write(head)
            write()
            write(name)
            write()
            while out.tell() - start < per_part:
                write(book.title(3, 7))
                write()
                counts["chapters"] += 1
                for _ in range(book.rnd.randint(*ENTRIES_PER_CHAPTER)):
                    write(f"【{book.title()}】 {book.paragraph()}")
                    write()
                    counts["entries"] += 1
                    for _ in range(book.rnd.randint(0, 2)):
                        write(book.paragraph())
                        write()
                    if book.rnd.random() < 0.1:
                        write(book.caption())
                        write()
    counts["bytes"] = path.stat().st_size
    return counts


def make_project(dest: Path, seed_file: Path) -> None:
    (dest / "seeds").mkdir(parents=True)
    shutil.move(str(seed_file), dest / "seeds" / "big.txt")
    (dest / "seeds" / "volumes.yml").write_text(
        "volumes:\n"
        "  - id: big-2099\n    title: 某某区年鉴（2099）\n    year: 2099\n    kind: yearbook\n"
        "    publisher: 基准测试\n    sources:\n      - file: big.txt\n",
        encoding="utf-8",
    )
    copy_project(dest, with_seeds=False)


def record(text: str) -> None:
    """Replace this script's section of RESULTS.md, keeping everyone else's."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"{re.escape(SECTION)}\n.*?(?=\n## |\Z)", re.S)
    new = pattern.sub(lambda _: text.rstrip("\n"), old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=50, help="size of the generated yearbook in MB (default 50)")
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temp folder, removed)")
    ap.add_argument("--no-record", action="store_true", help="do not write benchmarks/RESULTS.md")
    ap.add_argument("--time-limit", type=float, default=0,
                    help="stop the build after this many seconds and record how far it got (default: no limit)")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="yearbook-large-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.monotonic()
        print(f"generating {args.mb:g} MB yearbook …", file=sys.stderr, flush=True)
        counts = generate(work / "big.txt", int(args.mb * 1_000_000))
        gen_s = time.monotonic() - t0
        print(f"generated {counts['bytes'] / 1e6:.1f} MB, {counts['lines']} lines, "
              f"{counts['chapters']} 章, {counts['entries']} 条目 in {gen_s:.0f} s", file=sys.stderr, flush=True)
        project = work / "project"
        make_project(project, work / "big.txt")

        t1 = time.monotonic()
        run = _run_build(project, args.time_limit)
        build_s = time.monotonic() - t1
        peak_mb = run["peak_kb"] / 1024
        if run["returncode"] not in (0, None):
            print(f"build failed with exit {run['returncode']}: {run['last']}", file=sys.stderr)
            return run["returncode"]
        finished = run["returncode"] == 0
        site = project / "site"
        site_mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6 if finished else 0
        status = "finished" if finished else f"stopped at the {args.time_limit:g} s limit"
        print(f"build {status} after {build_s:.0f} s, peak memory {peak_mb:.0f} MB", file=sys.stderr)
        if not args.no_record:
            cmd = "python benchmarks/large_input.py" + (f" --mb {args.mb:g}" if args.mb != 50 else "")
            cmd += f" --time-limit {args.time_limit:g}" if args.time_limit else ""
            outcome = (
                f"Build output: `{run['summary']}`."
                if finished
                else f"The build was stopped at the time limit; its last progress line was `{run['last']}`."
            )
            record(
                f"{SECTION}\n\n"
                f"Command: `{cmd}` (generates the book, then runs "
                f"`python -m build_scripts --root <tmp project> build` as a child process; peak memory "
                f"is the largest peak resident set (VmHWM) of any process of the build, sampled each second).\n\n"
                f"| input | lines | 章 | 条目 | build | wall time | peak memory (largest process) | site/ |\n"
                f"|---|---|---|---|---|---|---|---|\n"
                f"| {counts['bytes'] / 1e6:.1f} MB | {counts['lines']} | {counts['chapters']} | {counts['entries']} "
                f"| {status} | {build_s:.0f} s | {peak_mb:.0f} MB | {f'{site_mb:.0f} MB' if finished else '–'} |\n\n"
                f"{outcome}\n\nProgress lines (time since the build started):\n\n"
                + "".join(f"    {line}\n" for line in run["stages"])
                + f"\nMachine: {_machine()}; other jobs shared the CPUs, so wall time is an upper bound.\n"
            )
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run_build(project: Path, time_limit: float) -> dict:
    """Run the build, echoing its progress, sampling the peak memory of every
    process of the build; stop it at the time limit (0: none)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "build_scripts", "--root", str(project), "build"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    lines: list[str] = []

    def pump() -> None:
        for line in proc.stderr:
            print(line, end="", file=sys.stderr, flush=True)
            lines.append(line.rstrip("\n"))

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    peaks: dict[int, int] = {}
    start = time.monotonic()
    stopped = False
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            peaks[pid] = max(peaks.get(pid, 0), _hwm_kb(pid))
        if time_limit and time.monotonic() - start > time_limit:
            os.killpg(proc.pid, signal.SIGTERM)  # the build and its MkDocs child
            stopped = True
            break
        time.sleep(1)
    summary = proc.stdout.read().strip()
    proc.wait()
    reader.join(timeout=5)
    # ru_maxrss of waited-for children covers a process that ended between samples.
    peak = max([*peaks.values(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss])
    progress = [l for l in lines if l.startswith("[")]
    # Keep the stage lines and only the last "pages written" line of each MkDocs run.
    stages = [l for i, l in enumerate(progress)
              if "pages written" not in l or i + 1 == len(progress) or "pages written" not in progress[i + 1]]
    return {
        "returncode": None if stopped else proc.returncode,
        "summary": summary,
        "last": (progress or lines or [""])[-1],
        "stages": stages,
        "peak_kb": peak,
    }


def _tree(root: int) -> list[int]:
    """The process and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _hwm_kb(pid: int) -> int:
    """Peak resident set (VmHWM) of a process, in KiB; 0 when it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _machine() -> str:
    import platform

    mem = ""
    try:
        kb = int(next(l for l in open("/proc/meminfo") if l.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{platform.machine()}, {os.cpu_count()} CPUs{mem}, Python {platform.python_version()}"


if __name__ == "__main__":
    sys.exit(main())
