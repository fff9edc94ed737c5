"""Command line: python -m build_scripts build | check."""
from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from .errors import Interrupted, YearbookError, visible


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description="年鉴 site generator")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder holding seeds/, docs/, mkdocs.yml")
    parser.add_argument("--quiet", action="store_true", help="no progress messages")
    parser.add_argument("--traceback", action="store_true", help="show the Python traceback of an unexpected error")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="build site/ and dist/yearbook-offline.zip from seeds/")
    sub.add_parser("check", help="structure report: recovered outline against the book's 目录 and 条目索引")
    args = parser.parse_args(argv)

    if args.command == "build":
        # A build with nothing changed is a stamp check: done before importing
        # the pipeline (pypinyin, jieba, MkDocs take longer to import than it takes).
        from .cache import Cache

        try:
            cache = Cache(args.root.resolve())
            figures = cache.unchanged(cache.inputs_hash())
        except OSError:
            figures = None  # let the build report the problem
        if figures is not None:
            if not args.quiet:
                print("unchanged: no input changed since the last build; docs/, site/ and dist/ are current", file=sys.stderr)
            _print_figures(figures)
            return 0

    # SIGTERM (timeout, a CI cancel, kill) unwinds like Ctrl-C: MkDocs is
    # stopped, nothing half-written is published.
    signal.signal(signal.SIGTERM, _terminated)
    try:
        from .site import Progress, build
    except ModuleNotFoundError as exc:
        return _missing_package(exc)

    try:
        if args.command == "check":
            from .check import run_check

            text, ok = run_check(args.root)
            print(text, end="")
            return 0 if ok else 1
        if args.command == "build":
            _print_figures(build(args.root, Progress(quiet=args.quiet)))
    except YearbookError as exc:  # InputError (exit 2), BuildError (exit 1)
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        if getattr(exc, "published", False):
            print("error: interrupted just after the new site was published; site/ and dist/ are whole", file=sys.stderr)
        else:
            print("error: interrupted; the previous site is left intact", file=sys.stderr)
        return 128 + signum
    except ModuleNotFoundError as exc:
        return _missing_package(exc)
    except OSError as exc:
        # The file system refused (permissions, disk full, a file in the way).
        where = f"{exc.filename}: " if exc.filename else ""
        print(visible(f"error: {where}{exc.strerror or exc}; the previous site is left intact", 400), file=sys.stderr)
        return 1
    except Exception as exc:
        # Anything else is a bug, but the user still gets one line, not a traceback.
        if args.traceback:
            raise
        detail = visible(" ".join(str(exc).split()), 200)
        print(
            f"error: unexpected {type(exc).__name__}: {detail} (the previous site is left intact; "
            "rerun with --traceback and report it)",
            file=sys.stderr,
        )
        return 1
    return 0


def _missing_package(exc: ModuleNotFoundError) -> int:
    # The package to reinstall, not the submodule that failed first
    # (readings imports pypinyin.core: the repair is the package 'pypinyin').
    package = (exc.name or "?").split(".")[0]
    print(f"error: the Python package '{package}' is missing from this environment; "
          "run `make site` to repair it", file=sys.stderr)
    return 1


def _print_figures(figures: dict) -> None:
    print(
        f"built {figures['entries']} entries on {figures['pages']} pages; "
        f"site {figures['site_bytes'] / 1e6:.1f} MB, offline bundle {figures['bundle_bytes'] / 1e6:.1f} MB; "
        f"{figures['audit_records']} audited changes"
    )


def _terminated(signum, frame):
    raise Interrupted(signum)


def _exit(status: int) -> None:
    """End the process without the interpreter's teardown: a build leaves
    ≈ 400 MB of objects (the book, MkDocs' pages, jieba's tables) whose
    freeing one by one costs a third of a second and changes nothing. What
    is written is flushed first; every file the build writes is closed by
    then (with blocks), and no worker is left (the pools are joined). Under a
    profiler or a tracer (cProfile, coverage), which write their results at
    exit, the process exits as usual."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(status)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: what Python's own exit would report
        status = status or 120
    os._exit(status)


if __name__ == "__main__":
    _exit(main())
