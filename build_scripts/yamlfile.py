"""Reading the editors' YAML files (volumes.yml, glossary-extra.yml,
pinyin-phrases.yml, mkdocs.yml) with one kind of error for every one of them."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError


def read_yaml(path: Path, name: str) -> tuple[str, object]:
    """Return the file's text and parsed data; raise InputError naming `name`
    (and the line, for a syntax error) when it is not UTF-8 YAML. A BOM is
    tolerated: Windows editors add one."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(name, "file not found") from None
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text") from None
    try:
        return text, yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "syntax error"
        raise InputError(name, f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
