"""Index order for Chinese headings (索引排序), after GB/T 13418 practice.

Headings are compared character by character (字序), the way the book's own
printed 条目索引 runs (大联席 … 大营门 before 代表 … 党的建设): each Chinese
character by its pinyin letters, then its tone (1–4, neutral 5), then — as the
documented tie-break for characters that share both (homophones) — its code
point; the standard's stroke count is not used because no maintained library
ships stroke data, and code point keeps one character's headings together.
Pinyin is phrase-aware (pypinyin reads 行业 háng but 行政 xíng, 调查 diào but
调解 tiáo); a book's own readings that pypinyin's phrase list lacks (such as
长护险, chang) come from seeds/ as data, never from code.

Digits sort before letters (the printed index opens with its 2022/2023 … rows),
numbers by value; Latin letters by letter; quotation marks and other
punctuation are ignored for order, so “保交楼”项目 files under B.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .. import readings
from ..errors import InputError
from ..text import CJK
from ..yamlfile import read_yaml

# A run of CJK unified ideographs (the characters pypinyin reads).
_HAN_RUN = re.compile(f"[{CJK}]+")
# A run of ASCII or full-width digits: compared as one number.
_DIGITS = re.compile(r"[0-9０-９]+")
# A pinyin syllable with its tone digit, as Style.TONE3 spells it (zhong4).
_TONED = re.compile(r"^([a-zü]+)([1-5])$")

DIGIT_GROUP = "0–9"  # the letter-bar group of headings that open with a number
OTHER_GROUP = "#"  # headings with no readable first character

_CLASS_DIGIT, _CLASS_LATIN, _CLASS_HAN = 0, 1, 2


# The book's own phrase readings (from seeds/), applied over pypinyin's. Kept
# here rather than pushed into pypinyin's global phrase table, which would also
# change the pinyin anchors that slugs.py derives from titles.
_PHRASES: dict[str, list[tuple[str, int]]] = {}


def load_phrase_readings(path: Path) -> None:
    """Read the book's phrase readings (seeds/pinyin-phrases.yml, lines like
    `长护险: chang2 hu4 xian3`), so e.g. 长护险 sorts under C."""
    _PHRASES.clear()
    if path.is_file():
        _, data = read_yaml(path, f"seeds/{path.name}", within=path.parent)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise InputError(f"seeds/{path.name}", "expected a mapping of phrase: toned pinyin")
        for phrase, reading in sorted(data.items()):
            syllables = [_TONED.match(s) for s in str(reading).split()]
            if len(syllables) == len(phrase) and all(syllables):
                _PHRASES[phrase] = [(m.group(1), int(m.group(2))) for m in syllables]
    sort_key.cache_clear()


def _syllables(han: str) -> list[tuple[str, int]]:
    out = []
    for s in readings.toned(han):
        m = _TONED.match(s)
        out.append((m.group(1), int(m.group(2))) if m else (s, 5))
    for phrase, reading in _PHRASES.items():
        start = han.find(phrase)
        while start >= 0:
            out[start : start + len(phrase)] = reading
            start = han.find(phrase, start + len(phrase))
    return out


@lru_cache(maxsize=None)
def sort_key(heading: str) -> tuple:
    """The collation key of one heading: a tuple of per-character keys."""
    text = unicodedata.normalize("NFKC", heading)
    key: list[tuple] = []
    pos = 0
    for m in _HAN_RUN.finditer(text):
        key += _other_keys(text[pos : m.start()])
        for ch, (letters, tone) in zip(m.group(), _syllables(m.group())):
            key.append((_CLASS_HAN, letters, tone, ord(ch)))
        pos = m.end()
    key += _other_keys(text[pos:])
    # END sorts before every character key, so a heading comes before the
    # longer headings it begins (安全生产 before 安全生产责任制, GB/T 13418's
    # 字序: "nothing before something"); last, the heading itself, so the
    # order is total.
    return tuple(key) + (_END, (9, heading))


_END = (-1,)


def _other_keys(run: str) -> list[tuple]:
    keys: list[tuple] = []
    pos = 0
    for m in _DIGITS.finditer(run):
        keys += _latin_keys(run[pos : m.start()])
        keys.append((_CLASS_DIGIT, int(m.group()), 0, 0))
        pos = m.end()
    return keys + _latin_keys(run[pos:])


def _latin_keys(run: str) -> list[tuple]:
    # Letters count (lower-cased); punctuation and spaces do not.
    return [(_CLASS_LATIN, c.lower(), 0, ord(c)) for c in run if c.isalpha() and c.isascii()]


def group_of(heading: str) -> str:
    """The letter-bar group: A–Z by the first readable character's pinyin or
    letter, DIGIT_GROUP for a leading number, OTHER_GROUP otherwise."""
    key = sort_key(heading)
    first = key[0]
    if first[0] == _CLASS_DIGIT:
        return DIGIT_GROUP
    if first[0] in (_CLASS_LATIN, _CLASS_HAN) and first[1][:1].isalpha():
        return first[1][0].upper().replace("Ü", "V")
    return OTHER_GROUP


def group_order(group: str) -> tuple:
    """Order of the letter-bar groups: digits, A–Z, then the rest."""
    return (0 if group == DIGIT_GROUP else 2 if group == OTHER_GROUP else 1, group)


def pinyin_of(heading: str) -> str:
    """The heading's plain pinyin, space separated (shown in index.json for
    readers and other tools that want to re-sort)."""
    return " ".join(k[1] + str(k[2]) if k[0] == _CLASS_HAN else str(k[1]) for k in sort_key(heading)[:-2])
