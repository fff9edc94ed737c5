"""Markdown → HTML benchmark: MkDocs' conversion of our pages with and without the fast paths.

    .venv/bin/python benchmarks/markdown_bench.py [--project DIR] [--runs N]

Converts every Markdown page of a built project the way the hosted build does
(MkDocs' Page.render with the build's own configuration, .build/mkdocs-hosted.yml,
so MkDocs' link rewriting and anchor collection included), in this one process,
alternating: Python-Markdown alone, then with build_scripts/inline_fastpath.py
and block_fastpath.py, `--runs` times each (default 5). Prints the median CPU
seconds of each, per Markdown phase (preprocessors, block parser, each tree
processor, serializer, postprocessors), and fails when any page's HTML differs.
Page templates (Jinja) are not timed here.

Without `--project`, the sample is built first in a temporary copy of the
project. CPU time (time.process_time) is quoted: less sensitive than wall time
to other jobs on a shared machine.
"""
from __future__ import annotations

import argparse
import collections
import statistics
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
FAST_PATHS = ("build_scripts.inline_fastpath", "build_scripts.block_fastpath")


def _pages(project: Path, fast: bool):
    """MkDocs' configuration and pages of the built project, with or without the fast paths."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    config = load_config(config_file=str(project / ".build" / "mkdocs-hosted.yml"), docs_dir=str(project / "docs"))
    extensions = [e for e in config["markdown_extensions"] if e not in FAST_PATHS]
    config["markdown_extensions"] = extensions + list(FAST_PATHS) if fast else extensions
    files = get_files(config)
    get_navigation(files, config)
    pages = [f.page for f in files.documentation_pages()]
    for page in pages:
        page.read_source(config)
    return config, files, pages


class _Phases:
    """CPU seconds per Markdown phase, by wrapping each processor's run."""

    def __init__(self):
        self.seconds: collections.Counter = collections.Counter()
        self._convert = markdown.Markdown.convert

    def __enter__(self):
        phases = self

        def convert(md, source):
            for kind, registry in (("pre", md.preprocessors), ("tree", md.treeprocessors), ("post", md.postprocessors)):
                for item in list(registry._priority):
                    phases._time(registry[item.name], "run", f"{kind}: {item.name}")
            phases._time(md.parser, "parseDocument", "block parser")
            phases._time(md, "serializer", "serializer")
            return phases._convert(md, source)

        markdown.Markdown.convert = convert
        return self

    def __exit__(self, *exc):
        markdown.Markdown.convert = self._convert

    def _time(self, owner, name: str, label: str) -> None:
        function = getattr(owner, name)

        def timed(*args):
            start = time.process_time()
            try:
                return function(*args)
            finally:
                self.seconds[label] += time.process_time() - start

        setattr(owner, name, timed)


def _convert_all(project: Path, fast: bool) -> tuple[float, dict, dict]:
    config, files, pages = _pages(project, fast)
    with _Phases() as phases:
        start = time.process_time()
        for page in pages:
            config._current_page = page
            page.render(config, files)
        seconds = time.process_time() - start
    return seconds, dict(phases.seconds), {p.file.src_uri: p.content for p in pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, help="a built project (default: build the sample in a temporary copy)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = args.project
        if project is None:
            from build_scripts.site import Progress, build
            from project import copy_project

            project = copy_project(Path(tmp) / "project")
            build(project, Progress(quiet=True))
        runs: dict[bool, list] = {False: [], True: []}
        html: dict[bool, dict] = {}
        for _ in range(args.runs):
            for fast in (False, True):
                seconds, phases, html[fast] = _convert_all(project, fast)
                runs[fast].append((seconds, phases))
        differing = [uri for uri in html[False] if html[False][uri] != html[True].get(uri)]
        _report(runs, len(html[False]))
        if differing:
            sys.exit(f"HTML differs with the fast paths on {len(differing)} pages: {', '.join(differing[:5])}")
        print(f"\nHTML identical on all {len(html[False])} pages.")


def _report(runs: dict[bool, list], pages: int) -> None:
    stock = statistics.median(s for s, _ in runs[False])
    fast = statistics.median(s for s, _ in runs[True])
    print(f"Markdown → HTML of {pages} pages, CPU s, median of {len(runs[False])} runs each\n")
    print(f"| phase | Python-Markdown | with fast paths |\n|---|---:|---:|")
    labels = sorted({k for _, p in runs[False] for k in p}, key=lambda k: -statistics.median(p.get(k, 0) for _, p in runs[False]))
    for label in labels:
        before = statistics.median(p.get(label, 0.0) for _, p in runs[False])
        after = statistics.median(p.get(label, 0.0) for _, p in runs[True])
        if max(before, after) >= 0.005:
            print(f"| {label} | {before:.3f} | {after:.3f} |")
    print(f"| **all pages (Page.render)** | **{stock:.2f}** | **{fast:.2f}** ({(fast - stock) / stock:+.0%}) |")


if __name__ == "__main__":
    main()
