"""Pinyin of entry titles for Latin-letter queries (标题拼音检索).

A reader without a Chinese input method types lajifenlei or ljfl for 垃圾分类.
The build writes each title's reading as syllables (pypinyin, with its phrase
dictionary for polyphones such as 重庆); the browser matches a query of Latin
letters against the joined syllables from a syllable start, or against the
initials. Nothing is hand-made: the readings are pypinyin's.
"""
from __future__ import annotations

import functools
import re

from .. import readings
from ..text import CJK_RE

_LATIN_OR_DIGIT = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=None)  # the hosted and the offline index read the same titles
def title_syllables(title: str) -> str:
    """The title's reading, syllables separated by spaces, lower case ASCII
    only (digits and Latin words kept as one "syllable" each, punctuation
    dropped): 垃圾分类 → "la ji fen lei"; PM2.5年 → "pm2 5 nian". Empty when
    the title has no Han character (a Latin query matches those directly)."""
    if not CJK_RE.search(title):
        return ""
    out = []
    for piece in readings.plain(title):
        out += _LATIN_OR_DIGIT.findall(piece.lower().replace("ü", "v"))
    return " ".join(out)


__all__ = ["title_syllables"]
