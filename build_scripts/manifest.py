"""Stage 0: read and validate seeds/volumes.yml into VolumeSpec values (卷清单).

Every problem is an InputError naming the manifest and the line of the
offending volume or key, so an editor with a typo is sent straight to it.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import InputError
from .yamlfile import read_yaml
from .model import SourceSpec, VolumeSpec

KINDS = ("yearbook", "reports")

# Volume ids become folder names and URL segments: keep them lowercase ASCII.
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
# Top-level folders and pages of the built site a volume folder must not replace.
RESERVED_IDS = frozenset({"assets", "data", "search", "index", "guide", "about", "site", "dist"})


class _Lines:
    """Line numbers (1-based) of the manifest's volumes and their keys, from
    the YAML node tree (plain safe_load forgets where things were)."""

    def __init__(self, text: str) -> None:
        self.volumes: list[tuple[int, dict[str, int], list[int]]] = []
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            return
        if not isinstance(root, yaml.MappingNode):
            return
        for key, value in root.value:
            if key.value == "volumes" and isinstance(value, yaml.SequenceNode):
                for item in value.value:
                    keys: dict[str, int] = {}
                    sources: list[int] = []
                    if isinstance(item, yaml.MappingNode):
                        for k, v in item.value:
                            keys[str(k.value)] = k.start_mark.line + 1
                            if k.value == "sources" and isinstance(v, yaml.SequenceNode):
                                sources = [s.start_mark.line + 1 for s in v.value]
                    self.volumes.append((item.start_mark.line + 1, keys, sources))

    def of(self, index: int, key: str | None = None, source: int | None = None) -> int | None:
        """Line of volume #index (1-based), of one of its keys, or of its n-th source."""
        if index > len(self.volumes):
            return None
        start, keys, sources = self.volumes[index - 1]
        if source is not None and source <= len(sources):
            return sources[source - 1]
        return keys.get(key, start) if key else start


def load_manifest(path: Path) -> list[VolumeSpec]:
    """Parse the manifest; raise InputError naming the file and line on any problem."""
    name = _display(path)
    if not path.is_file():
        raise InputError(name, "manifest not found")
    text, data = read_yaml(path, name)
    if not isinstance(data, dict) or not isinstance(data.get("volumes"), list):
        raise InputError(name, "expected a mapping with a 'volumes' list")
    lines = _Lines(text)
    volumes = [_volume(name, lines, i, v, path.parent) for i, v in enumerate(data["volumes"], 1)]
    seen: set[str] = set()
    for i, vol in enumerate(volumes, 1):
        if vol.id in seen:
            raise InputError(name, f"duplicate volume id '{vol.id}'", lines.of(i, "id"))
        seen.add(vol.id)
    if not volumes:
        raise InputError(name, "no volumes declared")
    return volumes


def _display(path: Path) -> str:
    """The manifest's path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _volume(name: str, lines: _Lines, index: int, raw, seeds_dir: Path) -> VolumeSpec:
    if not isinstance(raw, dict):
        raise InputError(name, f"volume #{index} is not a mapping", lines.of(index))
    for key in ("id", "title", "year", "kind", "sources"):
        if key not in raw:
            raise InputError(name, f"volume #{index} lacks '{key}'", lines.of(index))
    vid = str(raw["id"])
    if not _ID.match(vid):
        raise InputError(name, f"volume id '{vid}' must be lowercase letters, digits and '-'", lines.of(index, "id"))
    if vid in RESERVED_IDS:
        raise InputError(name, f"volume id '{vid}' is reserved for the site's own folders", lines.of(index, "id"))
    if raw["kind"] not in KINDS:
        raise InputError(
            name,
            f"volume '{vid}': unknown kind '{raw['kind']}' (expected one of {', '.join(KINDS)})",
            lines.of(index, "kind"),
        )
    try:
        year = int(raw["year"])
    except (TypeError, ValueError):
        raise InputError(name, f"volume '{vid}': year '{raw['year']}' is not a number", lines.of(index, "year")) from None
    sources = raw["sources"]
    if not isinstance(sources, list) or not sources:
        raise InputError(name, f"volume '{vid}': 'sources' must be a non-empty list", lines.of(index, "sources"))
    specs = tuple(
        _source(name, vid, s, seeds_dir, lines.of(index, source=n)) for n, s in enumerate(sources, 1)
    )
    parts = raw.get("parts") or []
    if not isinstance(parts, list) or not all(isinstance(p, str) and p.strip() for p in parts):
        raise InputError(name, f"volume '{vid}': 'parts' must be a list of 篇 titles", lines.of(index, "parts"))
    return VolumeSpec(
        id=vid,
        title=str(raw["title"]),
        year=year,
        kind=raw["kind"],
        publisher=str(raw.get("publisher") or ""),
        editor=raw.get("editor"),
        sources=specs,
        parts=tuple(p.strip() for p in parts),
    )


def _source(name: str, vid: str, raw, seeds_dir: Path, line: int | None) -> SourceSpec:
    if isinstance(raw, str):
        raw = {"file": raw}
    if not isinstance(raw, dict) or "file" not in raw:
        raise InputError(name, f"volume '{vid}': each source needs a 'file'", line)
    file = str(raw["file"])
    path = seeds_dir / file
    # Sources live in seeds/: a path leading out of it is a typo or worse.
    if not path.resolve().is_relative_to(seeds_dir.resolve()):
        raise InputError(name, f"volume '{vid}': seed file '{file}' lies outside {seeds_dir.name}/", line)
    if not path.is_file():
        raise InputError(name, f"volume '{vid}': seed file '{seeds_dir.name}/{file}' is missing", line)
    return SourceSpec(
        file=file,
        title=raw.get("title"),
        publisher=raw.get("publisher"),
        url_source=raw.get("url_source"),
    )
