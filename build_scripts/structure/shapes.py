"""Line shapes shared by the structure parsers (行的形态).

Each constant says which printed convention it recognises; the parsers combine
these signals with the book's own 目录 and 索引 rather than with strings of one
book.
"""
from __future__ import annotations

import re

# The caption vocabulary (CREDIT, TRAILING_CREDIT, DATED) is text.py's; the
# repair stage (repair/captions.py) sets Line.kind "caption"/"credit".
from ..text import CJK, CREDIT, DATED, TRAILING_CREDIT, title_key  # noqa: F401

# An entry title in square brackets opens a 条目: 【概况】, 【 水利建设 】 (spaces
# inside are the extraction's).
ENTRY_OPEN = re.compile(r"【\s*([^【】]{1,60}?)\s*】")
# A title run in after a word rather than after a sentence holds at least
# two ideographs: a bracketed glyph code or note inside a sentence
# (按【12-03字】, 【注】) is not one.
_TITLE = f"(?=[^【】]*?[{CJK}][^【】]*?[{CJK}])[^【】]{{1,60}}?"
# Where a 【 may open an entry in the middle of a line: after the end of a
# sentence or an attribution (two entries run together), or after any
# character when it holds a title (a 章 printed before its first entry, a
# title at the end of the line before its text).
ENTRY_RUN_IN = re.compile(
    f"(?<=[。！？”）)\\]])\\s*(?=【[^【】]{{1,60}}】)|(?<=\\S)\\s*(?=【\\s*{_TITLE}\\s*】)"
)
# A run of Chinese characters only (a name, an office).
CJK_ONLY = re.compile(f"^[{CJK}]+$")
# Sentence punctuation: a line holding it is running text, not a heading.
SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]|：.")
# Numbered headings inside a text: 一、  （一） (一)  1.  第一，
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．](?!\d)|第[一二三四五六七八九十]+[，、])")
# A numbered 章 or 分目 heading of a yearbook (一、工业经济 / （一）农业 /
# 第三章 工业 / 第二节 农业): the ordinal, then the title. Level 1 (一、, 第X章)
# numbers 章, level 2 (（一）, 第X节) 分目.
NUMBERED_HEADING = re.compile(
    r"^(?:(?P<one>[一二三四五六七八九十]{1,3})、|第(?P<chapter>[一二三四五六七八九十]{1,3})章\s*[：:·]?"
    r"|[（(](?P<two>[一二三四五六七八九十]{1,3})[）)]|第(?P<section>[一二三四五六七八九十]{1,3})节\s*[：:·]?)"
    r"\s*(?P<title>\S.*)$"
)
_ORDINALS = "一二三四五六七八九"
# 大事记: a month heading (1月) and a day entry (6日 …, 同日 …).
MONTH = re.compile(r"^(\d{1,2})\s*月$")
# A month in words (一月, 十二月), and a month number standing alone on its
# line (1 / 12: a 大事记 whose extraction dropped the 月). A bare number is a
# month only in a 大事记, in sequence, over a day line (special.month_at).
MONTH_WORD = re.compile(r"^([一二三四五六七八九十]{1,3})\s*月$")
BARE_NUMBER = re.compile(r"^(\d{1,2})$")
# A day whose 日 the extraction dropped: a number, spaces, the event
# ("9  招商局…"); a number above 31 is a range that lost its dash (57: 5—7日).
BARE_DAY = re.compile(r"^(\d{1,2})\s+(?=[^\s\d])")
# A day may be a range (1—2日, 1~4日, 22－26日); 是月 is an event of the month;
# △ ☆ ● ▲ mark a further event of the day before.
DAY = re.compile(
    r"^(?:(\d{1,2})\s*(?:日(?:至\s*\d{1,2}\s*日)?|(?P<range>[—–~～－-]\s*\d{1,2}\s*日))"
    r"|同日|是日|是月|月内|本月|(上|中|下)旬|(?P<mark>[△☆●▲]))\s*"
)
# A speaker or author line under a speech title: "中共河西区委书记 李学义"
SPEAKER = re.compile(rf"^[^，。；]{{2,60}}[ ]([{CJK}]{{2,3}})$")
# A subtitle or date line under a speech title: ——在… / （2024年1月16日）
SUBTITLE = re.compile(r"^(?:——|[（(]\d{4}\s*年)")
# A printed page locator at the end of an index or 目录 cell: "概况 56", "法律监督94、173"
PAGE_TAIL = re.compile(r"\s*(\d{1,3}(?:\s*、\s*\d{1,3})*)\s*$")

HEADING_MAX = 40


# Comparison key for titles (no spaces, one middle dot, unified brackets and quotes).
norm = title_key


def ordinal(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20 (the ordinals of numbered headings)."""
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        # One digit each side, or none: 十十 二二十 (an OCR slip) is no
        # ordinal, and must not reach index() with a digit it lacks.
        if len(tens) > 1 or len(units) > 1 or units == "十":
            return None
        t = _ORDINALS.index(tens) + 1 if tens else 1
        u = _ORDINALS.index(units) + 1 if units else 0
        return t * 10 + u
    return _ORDINALS.index(numeral) + 1 if len(numeral) == 1 else None


def numbered_heading(text: str) -> tuple[int, int, str] | None:
    """(level, ordinal, title) of a numbered heading line — `一、工业经济` is
    (1, 1, "工业经济"), `（三）农业` (2, 3, "农业") — when what follows the
    number has a heading's shape (short, no sentence punctuation). A numbered
    paragraph of body text (`一、加强领导，…。`) is not one."""
    m = NUMBERED_HEADING.match(text.strip())
    if not m or not is_heading_shape(m.group("title")):
        return None
    numeral = m.group("one") or m.group("chapter") or m.group("two") or m.group("section")
    level = 1 if m.group("one") or m.group("chapter") else 2
    n = ordinal(numeral)
    return (level, n, m.group("title").strip()) if n else None


def is_heading_shape(text: str) -> bool:
    """A short line without sentence punctuation: a 章/分目/title candidate."""
    t = text.strip()
    if not t or len(t) > HEADING_MAX or "\t" in t:
        return False
    if SENTENCE_PUNCT.search(t) or t.startswith(("【", "（", "(", "——")):
        return False
    if CREDIT.match(t) or DATED.match(t) or NUMBERED.match(t):
        return False
    if re.fullmatch(r"[\d\s.,%-]+", t):
        return False
    return bool(re.search(f"[{CJK}]", t))
