"""The shared text vocabulary (文本词汇): what counts as a Chinese character,
a sentence end, a printed width, and the key two spellings of one title
share. Every stage takes these from here, so a rule that reads "an
ideograph" means the same thing in repair, structure and check.

(Moving in step by step: repair/common.py re-exports these names and
structure/shapes.norm is title_key; glossary/, indexes/names.py, subjects.py,
locators.py, collation.py and reader.py still type their own class.)
"""
from __future__ import annotations

import re
import unicodedata

# CJK ideographs: the basic block, extension A and the compatibility block —
# the characters whose neighbourhood decides whether a space or a half-width
# mark is in Chinese context. (Named blocks composed, pangu.py-style.)
CJK_BASIC = "\u4e00-\u9fff"
CJK_EXT_A = "\u3400-\u4dbf"
CJK_COMPAT = "\uf900-\ufaff"
CJK = f"{CJK_EXT_A}{CJK_BASIC}{CJK_COMPAT}"
CJK_RE = re.compile(f"[{CJK}]")
# Full-width Chinese punctuation that may touch a wrapped line's edge.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·"
# Punctuation that ends a sentence (or a quoted/bracketed sentence) in print:
# a paragraph ending in one of these is complete.
SENTENCE_END = "。！？!?…”’）)》】；;：:"


def width(text: str) -> int:
    """Printed width in columns: ideographs and full-width marks take two,
    digits, Latin letters and spaces one — the unit of a column's measure."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def title_key(text: str) -> str:
    """Comparison key for titles: no spaces, one middle-dot form, full-width
    brackets and quotes unified, so a title matches its 目录/索引 form."""
    text = re.sub(r"\s+", "", text)
    text = text.replace("・", "·").replace("•", "·")
    text = text.replace("(", "（").replace(")", "）").replace('"', "").replace("“", "").replace("”", "")
    return text
