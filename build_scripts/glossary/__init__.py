"""Glossary (名词解释): terms the books define, where they occur, and links.

- parse.py — the 名词解释 list printed after a 政府工作报告 (numbered items, each
  a term and its definition), found in the structured volumes;
- extra.py — terms editors add in seeds/glossary-extra.yml (with aliases for
  book terms);
- link.py — finds every occurrence, marks the first one per 条目 in the render
  stage, links footnote markers ¹…²⁶ to their definitions and back;
- pages.py — the glossary pages (one per volume and a combined one) and the
  public data file site/data/glossary.json.

Terms are matched on a normalised form of the text (no spaces, one quote
form), so extraction spaces (" 蔷薇工程 ") and either quote style ("…" / “…”)
never hide an occurrence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Every quote mark a Chinese text may use around a programme name: ASCII and
# full-width straight quotes, curly double quotes, corner brackets.
QUOTES = '"＂“”「」'
# Superscript digits: the footnote markers of a report (¹ … ²⁶). A run right
# after a Latin letter or a digit is a unit or a power (m², 10³), no marker.
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# (The pattern opens with a superscript, the character before it looked at
# from behind it: a pattern opening with the look-behind is tried at every
# position of a paragraph, this one only where a superscript stands — four
# times faster, the same matches.)
SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPT}](?<![A-Za-z0-9].)[{SUPERSCRIPT}]*")
# What folding drops: whitespace (ASCII, no-break, ideographic, typographic)
# and footnote markers.
_DROP = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000" + SUPERSCRIPT
# Two regular expressions rather than one str.translate table: on Chinese
# text translate looks every character up in its table, three times slower.
_DROP_RUN = re.compile(f"[{re.escape(_DROP)}]+")
_QUOTE = re.compile(f"[{re.escape(QUOTES)}]")


def superscript_value(run: str) -> int:
    return int("".join(str(SUPERSCRIPT.index(c)) for c in run))


def fold(text: str) -> tuple[str, list[int]]:
    """Comparison form of `text` and, for each of its characters, the index of
    the character of `text` it came from: whitespace and footnote markers
    dropped (a marker may stand inside a term: "双随机、一公开"²²监管), quotes
    unified."""
    return folded(text), [i for i, c in enumerate(text) if c not in _DROP]


def folded(text: str) -> str:
    """The comparison form alone (cheap: no index map)."""
    return _QUOTE.sub('"', _DROP_RUN.sub("", text))


def tidy_term(term: str) -> str:
    """Display form of a term: no extraction spaces, quotes paired as “…”
    (GB/T 15834) when the term uses straight quotes in pairs."""
    term = re.sub(r"\s+", "", term)
    if term.count('"') % 2 == 0 and "“" not in term and "”" not in term:
        parts = term.split('"')
        term = "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]
    return term


@dataclass
class Occurrence:
    """Where a term was found: one 条目 (entry id, page, anchor)."""

    entry_id: str
    volume: str
    title: str
    page: str  # Markdown page path, e.g. hexi-2024/te-zai/index.md
    anchor: str
    count: int = 1  # how often the term occurs in that entry (only the first is marked)
    where: str = ""  # the 篇 › 章 the entry stands in, for readers of the glossary page


@dataclass
class Term:
    """One glossary term (名词) with its definition (解释) and source (出处).

    `forms` are the folded strings that count as an occurrence of the term.
    """

    term: str
    definition: str
    source: str
    forms: tuple[str, ...]
    origin: str = "book"  # "book" (the book's 名词解释) or "extra" (seeds/glossary-extra.yml)
    volume: str | None = None  # volume that defines it (book terms)
    number: int | None = None  # item number in the book's list (its footnote number)
    file: str = ""
    line: int = 0
    slug: str = ""
    definition_page: str | None = None  # page path + anchor of the book's definition
    definition_anchor: str | None = None
    occurrences: list[Occurrence] = field(default_factory=list)
