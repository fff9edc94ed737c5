"""人物·荣誉: award lists as lists of names (名单).

A list is printed as names (or units) separated by spaces or 、, a person's
name optionally followed by a bracketed note (女) and by their post. Nothing
here is a sentence, which is how a list is told from a biography.
"""
from __future__ import annotations

import re

from ..text import CJK

# Sentence punctuation: a biography or account, not a list.
_SENTENCE = re.compile(r"[，。；！？]")
# A person's name as a list prints it: 2–4 characters, maybe a note (女)(融媒).
_NAME = re.compile(rf"^[{CJK}]{{2,4}}(?:[（(][^（）()]{{1,6}}[）)])?$")
# A single character: half of a two-character name set with a space (董 悦).
_ONE = re.compile(rf"^[{CJK}]$")


def is_name_list(lines: list[str]) -> bool:
    """Lines that hold no sentence, only space- or 、-separated names/units."""
    text = " ".join(lines)
    return bool(re.search(f"[{CJK}]", text)) and not _SENTENCE.search(text)


def name_items(line: str) -> list[str]:
    """The items of one list line: a name with its post stays one item
    ("石振华 天津市河西区中医医院副院长"); "董 悦" is one name."""
    tokens = []
    for tok in line.split():
        parts = tok.split("、")
        # 、 separates names in a list of names, but is part of a post ("负责人、高级工程师")
        tokens.extend(parts if all(_NAME.match(p) for p in parts if p) else [tok])
    tokens = [t for t in tokens if t]
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if _ONE.match(tok) and i + 1 < len(tokens) and _ONE.match(tokens[i + 1]):
            tok = tok + tokens[i + 1]  # a two-character name letter-spaced to three
            i += 1
        merged.append(tok)
        i += 1
    items: list[str] = []
    for tok in merged:
        if items and _NAME.match(items[-1]) and not _NAME.match(tok):
            items[-1] = f"{items[-1]} {tok}"  # name followed by its post or unit
        else:
            items.append(tok)
    return items
