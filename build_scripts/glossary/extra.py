"""Terms editors add: seeds/glossary-extra.yml (编者补充名词).

The books define only the terms of their 名词解释 lists; the reports and the
rest of the yearbook use many more programme names without explanation. An
editor adds them here, each with its definition and where that comes from,
and may give book terms extra spellings (aliases) to match:

    terms:
      - term: “三级递进”
        definition: 巡视整改中……的整改机制。
        source: 《……通报》（2024）
        aliases: ["三级递进"]          # optional: more spellings to match
    aliases:                            # optional: spellings for book terms
      城市管理“一网统管”: ["“一网统管”"]

The file is optional. A malformed file stops the build with one line naming
the file and the problem.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import BIDI_CONTROLS, InputError
from ..yamlfile import read_yaml
from . import Term, folded, tidy_term

FILE = "glossary-extra.yml"
_TERM_KEYS = {"term", "definition", "source", "aliases"}


@dataclass
class Extra:
    terms: list[Term] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # folded book term → spellings


def load_extra(path: Path) -> Extra:
    """Read and validate the editors' glossary file (missing file: nothing added)."""
    if not path.is_file():
        return Extra()
    name = f"{path.parent.name}/{path.name}"
    # Like the seed texts, the editors' file lies in seeds/: a link leading out
    # of it (to /etc/…, another project) is refused.
    text, data = read_yaml(path, name, within=path.parent)
    if data is None:
        return Extra()
    if not isinstance(data, dict) or set(data) - {"terms", "aliases"}:
        raise InputError(name, "expected a mapping with the keys 'terms' and 'aliases'")
    extra = Extra()
    terms = data.get("terms") or []
    if not isinstance(terms, list):
        raise InputError(name, "'terms' must be a list")
    seen: set[str] = set()
    lines = _item_lines(text, "terms")
    for k, raw in enumerate(terms, 1):
        line = lines[k - 1] if k <= len(lines) else None
        term = _term(name, k, raw, line)
        key = folded(term.term)
        if key in seen:
            raise InputError(name, f"term {k} “{term.term}” is listed twice", line)
        seen.add(key)
        extra.terms.append(term)
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise InputError(name, "'aliases' must map a book term to a list of spellings")
    for book_term, spellings in aliases.items():
        extra.aliases[folded(str(book_term))] = _strings(name, f"aliases of “{book_term}”", spellings)
    return extra


def _item_lines(text: str, key: str) -> list[int]:
    """Line number of each item of the top-level list `key` (for error messages)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return []
    for k, v in root.value:
        if k.value == key and isinstance(v, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []


def _term(name: str, k: int, raw, line: int | None = None) -> Term:
    if not isinstance(raw, dict):
        raise InputError(name, f"term {k} must be a mapping with term, definition, source", line)
    unknown = set(raw) - _TERM_KEYS
    if unknown:
        raise InputError(name, f"term {k}: unknown key '{sorted(unknown)[0]}'", line)
    values = {}
    for key in ("term", "definition", "source"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InputError(name, f"term {k}: '{key}' is missing or empty", line)
        if any(ch in BIDI_CONTROLS for ch in value):
            raise InputError(name, f"term {k}: '{key}' holds a bidirectional control character, which reorders text on screen (remove it)", line)
        values[key] = value.strip()
    display = tidy_term(values["term"])
    forms = [folded(values["term"])] + [folded(a) for a in _strings(name, f"term {k} aliases", raw.get("aliases") or [])]
    return Term(
        term=display,
        definition=values["definition"],
        source=values["source"],
        forms=tuple(dict.fromkeys(f for f in forms if f)),
        origin="extra",
        file=name,
        line=line or 0,
    )


def _strings(name: str, what: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(name, f"{what} must be a list of non-empty strings")
    return [v.strip() for v in value]
