"""Is the Python environment whole? (`python -m build_scripts.environment requirements-dev.txt`)

`make site` and `make test` run this before anything else. A stamp file says
only that an install once ran; this looks at what is there now: every
requirement of the files (and, recursively, every package they depend on) is
installed, at a version the requirement allows, and every file its install
record lists is still on disk (a package folder deleted by hand, a half-done
upgrade). Exit 0 when whole; otherwise the problems go to stderr and the
requirements to reinstall to stdout, one a line, for `pip install
--force-reinstall`. Standard library only: it must run in a broken
environment.
"""
from __future__ import annotations

import argparse
import importlib.metadata as metadata
import re
import sys
from pathlib import Path

try:  # pip's own copy, present wherever pip is; else the packaging library
    from pip._vendor.packaging.requirements import InvalidRequirement, Requirement
except ImportError:  # pragma: no cover - depends on the environment
    try:
        from packaging.requirements import InvalidRequirement, Requirement
    except ImportError:
        Requirement = None  # type: ignore[assignment]
        InvalidRequirement = ValueError  # type: ignore[assignment,misc]

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def requirement_lines(path: Path) -> list[str]:
    """The requirement lines of a requirements file, following `-r` includes."""
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("-r ", "--requirement ")):
            out += requirement_lines(path.parent / line.split(None, 1)[1])
        elif not line.startswith("-"):
            out.append(line)
    return out


def problems(requirements: list[str], path: list[str] | None = None) -> tuple[list[str], list[str]]:
    """(what is wrong, requirements to reinstall) for the environment, or
    for the site-packages folders in `path`."""
    wrong: list[str] = []
    reinstall: list[str] = []
    seen: set[str] = set()
    queue = [(line, True) for line in requirements]
    while queue:
        line, pinned = queue.pop(0)
        name, spec, applies = _parse(line)
        key = re.sub(r"[-_.]+", "-", name).lower()
        if not applies or key in seen:
            continue
        seen.add(key)
        dist = _find(name, path)
        if dist is None:
            wrong.append(f"{name} is not installed")
            reinstall.append(line if pinned else name)
            continue
        version = dist.version
        if spec is not None and not spec.contains(version, prereleases=True):
            wrong.append(f"{name} {version} is installed, {line} is required")
            reinstall.append(line)
            continue
        missing = [f for f in dist.files or () if _expected(f) and not Path(f.locate()).exists()]
        if missing:
            wrong.append(f"{name} {version}: {len(missing)} installed files are missing (e.g. {missing[0]})")
            reinstall.append(f"{name}=={version}")
        queue += [(r, False) for r in dist.requires or ()]
    return wrong, reinstall


def _parse(line: str):
    """(name, specifier or None, whether it applies here)."""
    if Requirement is None:
        m = _NAME.match(line)
        return (m.group(1) if m else line), None, True
    try:
        req = Requirement(line)
    except InvalidRequirement:
        m = _NAME.match(line)
        return (m.group(1) if m else line), None, True
    applies = req.marker is None or req.marker.evaluate({"extra": ""})
    return req.name, (req.specifier if str(req.specifier) else None), applies


def _find(name: str, path: list[str] | None):
    try:
        if path is None:
            return metadata.distribution(name)
        return next(iter(metadata.distributions(name=name, path=path)), None)
    except metadata.PackageNotFoundError:
        return None


def _expected(file) -> bool:
    """Files an install must keep: not byte-code caches, nothing outside the
    package folders (scripts in bin/ are rewritten by some installers)."""
    text = str(file)
    return not (text.endswith(".pyc") or "__pycache__" in text or text.startswith(".."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.environment", description=__doc__.splitlines()[0])
    parser.add_argument("requirements", nargs="+", type=Path)
    parser.add_argument("--path", action="append", help="site-packages folder to look in (default: this Python's)")
    args = parser.parse_args(argv)
    lines = [line for file in args.requirements for line in requirement_lines(file)]
    wrong, reinstall = problems(lines, args.path)
    for problem in wrong:
        print(f"environment: {problem}", file=sys.stderr)
    for requirement in reinstall:
        print(requirement)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
