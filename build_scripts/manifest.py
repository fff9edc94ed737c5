"""Stage 0: read and validate seeds/volumes.yml into VolumeSpec values (卷清单)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import InputError
from .model import SourceSpec, VolumeSpec

KINDS = ("yearbook", "reports")

# Volume ids become folder names and URL segments: keep them lowercase ASCII.
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def load_manifest(path: Path) -> list[VolumeSpec]:
    """Parse the manifest; raise InputError naming the file and line on any problem."""
    name = str(path)
    if not path.is_file():
        raise InputError(name, "manifest not found")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(name, "manifest is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(name, f"invalid YAML: {problem}", line) from None
    if not isinstance(data, dict) or not isinstance(data.get("volumes"), list):
        raise InputError(name, "expected a mapping with a 'volumes' list")
    volumes = [_volume(name, i, v, path.parent) for i, v in enumerate(data["volumes"], 1)]
    seen: set[str] = set()
    for vol in volumes:
        if vol.id in seen:
            raise InputError(name, f"duplicate volume id '{vol.id}'")
        seen.add(vol.id)
    if not volumes:
        raise InputError(name, "no volumes declared")
    return volumes


def _volume(name: str, index: int, raw, seeds_dir: Path) -> VolumeSpec:
    if not isinstance(raw, dict):
        raise InputError(name, f"volume #{index} is not a mapping")
    for key in ("id", "title", "year", "kind", "sources"):
        if key not in raw:
            raise InputError(name, f"volume #{index} lacks '{key}'")
    vid = str(raw["id"])
    if not _ID.match(vid):
        raise InputError(name, f"volume id '{vid}' must be lowercase letters, digits and '-'")
    if raw["kind"] not in KINDS:
        raise InputError(name, f"volume '{vid}': unknown kind '{raw['kind']}' (expected one of {', '.join(KINDS)})")
    try:
        year = int(raw["year"])
    except (TypeError, ValueError):
        raise InputError(name, f"volume '{vid}': year '{raw['year']}' is not a number") from None
    sources = raw["sources"]
    if not isinstance(sources, list) or not sources:
        raise InputError(name, f"volume '{vid}': 'sources' must be a non-empty list")
    specs = tuple(_source(name, vid, s, seeds_dir) for s in sources)
    return VolumeSpec(
        id=vid,
        title=str(raw["title"]),
        year=year,
        kind=raw["kind"],
        publisher=str(raw.get("publisher") or ""),
        editor=raw.get("editor"),
        sources=specs,
    )


def _source(name: str, vid: str, raw, seeds_dir: Path) -> SourceSpec:
    if isinstance(raw, str):
        raw = {"file": raw}
    if not isinstance(raw, dict) or "file" not in raw:
        raise InputError(name, f"volume '{vid}': each source needs a 'file'")
    file = str(raw["file"])
    if not (seeds_dir / file).is_file():
        raise InputError(str(seeds_dir / file), f"seed file listed in {name} is missing")
    return SourceSpec(
        file=file,
        title=raw.get("title"),
        publisher=raw.get("publisher"),
        url_source=raw.get("url_source"),
    )
