"""Stage 0: read and validate seeds/volumes.yml into VolumeSpec values (卷清单).

Every problem is an InputError naming the manifest and the line of the
offending volume or key, so an editor with a typo is sent straight to it.
"""
from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import yaml

from . import layout
from .errors import BIDI_CONTROLS, InputError, visible
from .yamlfile import read_yaml
from .model import SourceSpec, VolumeSpec

KINDS = ("yearbook", "reports")
YEARS = range(1, 10000)


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


def load_manifest(path: Path, handwritten: frozenset[str] = frozenset()) -> list[VolumeSpec]:
    """Parse the manifest; raise InputError naming the file and line on any
    problem. `handwritten`: top-level names of the hand-written docs/ pages,
    which a volume id must not take either."""
    name = _display(path)
    if not path.is_file():
        raise InputError(name, "manifest not found")
    text, data = read_yaml(path, name, within=path.parent)
    if not isinstance(data, dict) or not isinstance(data.get("volumes"), list):
        raise InputError(name, "expected a mapping with a 'volumes' list")
    lines = _Lines(text)
    volumes = [_volume(name, lines, i, v, path.parent, handwritten) for i, v in enumerate(data["volumes"], 1)]
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


def _volume(name: str, lines: _Lines, index: int, raw, seeds_dir: Path, handwritten=frozenset()) -> VolumeSpec:
    if not isinstance(raw, dict):
        raise InputError(name, f"volume #{index} is not a mapping", lines.of(index))
    for key in ("id", "title", "year", "kind", "sources"):
        if key not in raw:
            raise InputError(name, f"volume #{index} lacks '{key}'", lines.of(index))
    if isinstance(raw["id"], bool) or not isinstance(raw["id"], (str, int)):
        raise InputError(name, f"volume #{index}: 'id' must be text, not {_kind_of(raw['id'])}", lines.of(index, "id"))
    vid = str(raw["id"])
    problem = layout.volume_id_problem(vid, handwritten)
    if problem:
        raise InputError(name, f"volume id '{visible(vid)}' {problem}", lines.of(index, "id"))
    if not isinstance(raw["kind"], str) or raw["kind"] not in KINDS:
        raise InputError(
            name,
            f"volume '{vid}': unknown kind '{visible(str(raw['kind']))}' (expected one of {', '.join(KINDS)})",
            lines.of(index, "kind"),
        )
    year = _year(raw["year"])
    if year is None:
        raise InputError(name, f"volume '{vid}': year '{visible(str(raw['year']))}' is not a year such as 2024", lines.of(index, "year"))
    texts = {key: _text(name, vid, key, raw.get(key), lines.of(index, key)) for key in ("title", "publisher", "editor", "place", "isbn")}
    if not texts["title"]:
        raise InputError(name, f"volume '{vid}': 'title' is empty", lines.of(index, "title"))
    sources = raw["sources"]
    if not isinstance(sources, list) or not sources:
        raise InputError(name, f"volume '{vid}': 'sources' must be a non-empty list", lines.of(index, "sources"))
    specs = tuple(
        _source(name, vid, s, seeds_dir, lines.of(index, source=n)) for n, s in enumerate(sources, 1)
    )
    parts = raw.get("parts") or []
    if not isinstance(parts, list) or not all(isinstance(p, str) and p.strip() for p in parts):
        raise InputError(name, f"volume '{vid}': 'parts' must be a list of 篇 titles", lines.of(index, "parts"))
    heads = raw.get("running_head") or []
    heads = [heads] if isinstance(heads, str) else heads
    if not isinstance(heads, list) or not all(isinstance(h, str) and h.strip() for h in heads):
        raise InputError(name, f"volume '{vid}': 'running_head' must be a running head's text or a list of them",
                         lines.of(index, "running_head"))
    return VolumeSpec(
        id=vid,
        title=texts["title"],
        year=year,
        kind=raw["kind"],
        publisher=texts["publisher"] or "",
        editor=texts["editor"],
        sources=specs,
        parts=tuple(p.strip() for p in parts),
        running_heads=tuple(h.strip() for h in heads),
        place=texts["place"] or None,
        isbn=texts["isbn"] or None,
    )


def _kind_of(value) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false", float: "a number"}.get(type(value), type(value).__name__)


def _year(value) -> int | None:
    """A year as written (2024 or "2024"); .inf, 2024.5, true and lists are not."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and value in YEARS else None


def _text(name: str, vid: str, key: str, value, line: int | None) -> str | None:
    """A one-line text field (title, publisher, editor …): a string or a
    number, never a list or mapping; no line breaks, control characters or
    bidi overrides (which make a title display as something else)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(name, f"volume '{vid}': '{key}' must be text, not {_kind_of(value)}", line)
    text = str(value).strip()
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise InputError(
                name, f"volume '{vid}': '{key}' holds the bidirectional control U+{ord(ch):04X}, "
                "which reorders text on screen (remove it)", line)
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            raise InputError(name, f"volume '{vid}': '{key}' holds a line break or control character: '{visible(text)}'", line)
    return text


def _source(name: str, vid: str, raw, seeds_dir: Path, line: int | None) -> SourceSpec:
    if isinstance(raw, str):
        raw = {"file": raw}
    if not isinstance(raw, dict) or "file" not in raw:
        raise InputError(name, f"volume '{vid}': each source needs a 'file'", line)
    if not isinstance(raw["file"], str):
        raise InputError(name, f"volume '{vid}': a source 'file' must be a file name, not {_kind_of(raw['file'])}", line)
    file = raw["file"]
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in file):
        raise InputError(name, f"volume '{vid}': seed file name '{visible(file)}' holds a control character", line)
    path = seeds_dir / file
    # Sources live in seeds/: a path leading out of it is a typo or worse.
    if not path.resolve().is_relative_to(seeds_dir.resolve()):
        raise InputError(name, f"volume '{vid}': seed file '{file}' lies outside {seeds_dir.name}/", line)
    if not path.is_file():
        raise InputError(name, f"volume '{vid}': seed file '{seeds_dir.name}/{file}' is missing", line)
    return SourceSpec(
        file=file,
        title=_text(name, vid, "title", raw.get("title"), line) or None,
        publisher=_text(name, vid, "publisher", raw.get("publisher"), line),
        url_source=_text(name, vid, "url_source", raw.get("url_source"), line),
    )


def load_site_config(root: Path) -> dict:
    """The hand-written mkdocs.yml; a typo there is bad input like any other."""
    path = root / "mkdocs.yml"
    _, config = read_yaml(path, "mkdocs.yml")
    if not isinstance(config, dict):
        raise InputError("mkdocs.yml", "expected a mapping of MkDocs settings")
    return config
