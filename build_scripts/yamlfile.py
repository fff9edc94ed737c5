"""Reading the editors' YAML files (volumes.yml, glossary-extra.yml,
pinyin-phrases.yml, mkdocs.yml) with one kind of error for every one of them,
and with bounds: a YAML file is small, shallow data written by a person, so a
huge file, deep nesting or an alias "bomb" (aliases of aliases that expand to
billions of nodes, exhausting memory in whatever walks the data) is refused
in one line before anything uses the data.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError

MAX_BYTES = 8 * 1024 * 1024  # a 10,000-term glossary is about 2 MB
MAX_NODES = 1_000_000  # values after expanding aliases; the sample files have < 1,000
MAX_DEPTH = 40  # nesting levels; the files the tool reads need fewer than 10


def read_yaml(path: Path, name: str, within: Path | None = None) -> tuple[str, object]:
    """Return the file's text and parsed data; raise InputError naming `name`
    (and the line, for a syntax error) when it is not UTF-8 YAML within the
    bounds. A BOM is tolerated: Windows editors add one. With `within`, the
    file (after following links) must lie inside that folder."""
    if within is not None and not path.resolve().is_relative_to(within.resolve()):
        raise InputError(name, f"leads outside {within.name}/ (a link?); the editors' files must lie in {within.name}/")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MB limit of a YAML file")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(name, "file not found") from None
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text") from None
    return text, parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> object:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_bounds(node, name)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "syntax error"
        raise InputError(name, f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    except RecursionError:
        raise InputError(name, f"nesting deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()


def _check_bounds(root: yaml.Node, name: str) -> None:
    """Count the values the document expands to (an alias counts again each
    time it is used) and its depth, without expanding anything: each node's
    expanded size is computed once."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise InputError(name, f"nesting deeper than {MAX_DEPTH} levels", node.start_mark.line + 1)
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise InputError(name, "an alias refers to a value that contains it", node.start_mark.line + 1)
        active.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        active.discard(key)
        sizes[key] = total
        if total > MAX_NODES:
            raise InputError(name, f"expands to more than {MAX_NODES:,} values (aliases of aliases?)", node.start_mark.line + 1)
        return total

    size(root, 1)
