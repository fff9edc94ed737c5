"""Half-width punctuation in Chinese context → GB/T 15834-2011 forms (标点).

No blanket NFKC and no pangu-style spacing: only the marks named below, and
only where Chinese text touches them, so numbers (1,000 · 12:30), Latin text
and URLs keep their half-width marks, and the 间隔号 · is never touched.
"""
from __future__ import annotations

import re

from ..model import AuditRecord, Line
from .common import CJK, CJK_PUNCT, CJK_RE, context, record

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
# A half-width , : ; ? ! in Chinese context: a CJK character or full-width mark
# on at least one side (spaces the extraction put around it are absorbed).
_HALF_PUNCT = re.compile(
    f"(?<=[{CJK}{CJK_PUNCT}])\\s*([,:;?!])\\s?|([,:;?!])\\s?(?=[{CJK}{CJK_PUNCT}])"
)
# Any of those marks: most lines hold none, and _HALF_PUNCT, which opens
# with a look-behind, is tried at every position of a line it scans.
_HALF_MARK = re.compile("[,:;?!]")
# An innermost pair of half-width parentheses: (区委宣传部提供), (2024).
_HALF_PARENS = re.compile(r"\(([^()]*)\)")
# The katakana middle dot (U+30FB) a converter uses for the 间隔号 (U+00B7):
# 4・26 → 4·26, 财政・税务 → 财政·税务.
_KATAKANA_DOT = re.compile("\u30fb")
# A space just inside Chinese quotation marks (“ 保交楼 ”): the extraction's
# gap around a straight-quote glyph; Chinese setting never puts one there.
_QUOTE_INNER_SPACE = re.compile("“ +(?=\\S)|(?<=\\S) +”")
# A space between an ideograph and the outer side of a quotation mark
# (开展 “读书节” 活动): a full-width mark carries its own spacing, so Chinese
# setting puts no space there either. Between two quotations (“5.8” “9.9”)
# the space may separate list items and stays.
_QUOTE_OUTER_SPACE = re.compile(f"(?<=[{CJK}]) +(?=“)|(?<=”) +(?=[{CJK}])")
# Opening/closing Chinese context around a straight quote.
_CJK_SIDE = re.compile(f"[{CJK}{CJK_PUNCT}]")


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def fullwidth_punctuation(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Half-width , : ; ? ! ( ) in Chinese context → ，：；？！（）."""
    if not CJK_RE.search(text):
        return text

    def punct(m: re.Match) -> str:
        mark = m.group(1) or m.group(2)
        start, end = m.start(), m.end()
        # Between two digits or Latin letters it is a number's or Latin text's
        # own mark: 1,000 · 12:30 · http://
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if _ascii_alnum(before) and _ascii_alnum(after):
            return m.group(0)
        full = _HALF_TO_FULL[mark]
        b, a = context(text, start, end, full)
        record(audit, line, "half-width-punct", b, a, "half-width mark in Chinese context (GB/T 15834)")
        return full

    if _HALF_MARK.search(text):
        text = _HALF_PUNCT.sub(punct, text)

    def parens(m: re.Match) -> str:
        inner = m.group(1)
        left = text[m.start() - 1] if m.start() else ""
        right = text[m.end()] if m.end() < len(text) else ""
        chinese = CJK_RE.search(inner) or _CJK_SIDE.match(left or " ") or _CJK_SIDE.match(right or " ")
        if not chinese:
            return m.group(0)
        b, a = context(text, m.start(), m.end(), f"（{inner}）", 0)
        record(audit, line, "half-width-punct", b, a, "half-width parentheses in Chinese context (GB/T 15834)")
        return f"（{inner}）"

    # Twice: the inner pair of a nested one is converted first.
    for _ in range(2 if "(" in text else 0):
        text = _HALF_PARENS.sub(parens, text)

    def dot(m: re.Match) -> str:
        b, a = context(text, m.start(), m.end(), "·")
        record(audit, line, "middle-dot", b, a, "katakana middle dot → 间隔号 · (GB/T 15834)")
        return "·"

    return _KATAKANA_DOT.sub(dot, text) if "\u30fb" in text else text


def curly_quotes(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Straight double quotes in a Chinese paragraph → “ ” (GB/T 15834), paired
    in reading order. A quote between ASCII characters on both sides (Latin
    text) is left alone. An unpaired quote (a quotation that runs on into the
    next paragraph) opens when text follows it, else closes; it is flagged."""
    if '"' not in text or not CJK_RE.search(text):
        return text
    positions = [
        i for i in _positions(text, '"')
        if not (_ascii_alnum(text[i - 1] if i else "") and _ascii_alnum(text[i + 1] if i + 1 < len(text) else ""))
    ]
    if not positions:
        return text
    chars = list(text)
    paired = len(positions) - len(positions) % 2
    for k, i in enumerate(positions):
        if k < paired:
            full = "“" if k % 2 == 0 else "”"
            reason = "straight quotes in Chinese context (GB/T 15834)"
        else:
            nxt = text[i + 1] if i + 1 < len(text) else ""
            full = "“" if nxt and not re.match(r"[\s，。；：！？、）),.;:!?]", nxt) else "”"
            reason = "unpaired straight quote in Chinese context (GB/T 15834); direction from context, check"
        chars[i] = full
        b, a = context(text, i, i + 1, full)
        record(audit, line, "half-width-quote" if k < paired else "unpaired-quote", b, a, reason)
    text = _QUOTE_INNER_SPACE.sub(lambda m: _drop_quote_space(m, line, audit), "".join(chars))
    return _QUOTE_OUTER_SPACE.sub(lambda m: _drop_quote_space(m, line, audit), text)


def _positions(text: str, mark: str) -> list[int]:
    """Where `mark` stands in text (str.find's scan, not a loop over every
    character of a long paragraph)."""
    out, i = [], text.find(mark)
    while i >= 0:
        out.append(i)
        i = text.find(mark, i + 1)
    return out


def _drop_quote_space(m: re.Match, line: Line, audit: list[AuditRecord]) -> str:
    kept = m.group(0).replace(" ", "")
    b, a = context(m.string, m.start(), m.end(), kept)
    record(audit, line, "quote-space", b, a, "space beside a Chinese quotation mark, never typeset")
    return kept
