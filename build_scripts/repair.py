"""Stage 2, repair: undo the damage of PDF-to-text extraction and web scraping (文本修复).

Each repair is a small named processor over one line, registered in REPAIRS in
the order it runs (like Python-Markdown's processors). A processor returns the
new text and records every change as an AuditRecord, so the reading text plus
the audit always account for every character of the input.

Rules are derived from the shape of the text (column width, punctuation
context, repetition), never from strings of one book.
"""
from __future__ import annotations

import collections
import re
from typing import Callable

from .model import AuditRecord, Line

# CJK ideographs (basic block + extension A + compatibility) — the characters
# whose neighbourhood decides whether a space or half-width mark is Chinese context.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width Chinese punctuation that may touch a wrapped line's edge.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·"
_CJK_RE = re.compile(f"[{CJK}]")

# HTML tags left by a web scrape or an extraction tool (<mark>, </u>, <td …>).
# Only well-formed tag shapes with a known HTML element name are removed, so a
# literal "<" in text (a formula, 《》 typed as <>) is left alone.
_HTML_TAG = re.compile(
    r"</?(?:a|b|i|u|s|em|strong|mark|span|font|div|p|br|td|tr|th|table|tbody|thead|sup|sub|small|big|center)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
# Paywall / CMS markers such as ##paidbegin## that a scraper leaves in text,
# even in the middle of a word.
_CMS_MARKER = re.compile(r"##[A-Za-z]+##")
# A list marker "- " at line start that a converter added to a numbered item.
_LIST_MARKER = re.compile(r"^[-•]\s+(?=\S)")
# A space the PDF line-wrap left between two Chinese characters: wrap spaces
# fall at the printed column width (the sample's columns are 21–23 characters),
# so a space is a wrap space only when the run of text before it is at least
# this long. Deliberate spaces (name lists, 政法 综治) follow short runs.
WRAP_MIN_RUN = 16
# The space after an entry title's 】 is the title separator, never a wrap.
_CJK_SPACE = re.compile(f"(?<=[{CJK}{CJK_PUNCT.replace('】', '')}]) (?=[{CJK}{CJK_PUNCT}])")
# Non-breaking, ideographic and typographic spaces (web-page indents use NBSP).
_ODD_SPACE = re.compile(r"[\u00a0\u2002-\u200b\u3000]")
# Lines with sentence punctuation are running text; only there can spaces be wraps.
_SENTENCE_PUNCT = re.compile(r"[，。；：,;:、]")

# Half-width punctuation in Chinese context → GB/T 15834-2011 full-width forms.
# A mark is in Chinese context when a CJK character or full-width mark touches it
# on at least one side and no digit/Latin letter sits on both sides (12:30, 1,000).
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF_PUNCT = re.compile(
    f"(?<=[{CJK}{CJK_PUNCT}])\\s*([,:;?!])\\s?|([,:;?!])\\s?(?=[{CJK}])"
)
# A parenthesised run holding Chinese text: (区委宣传部提供) → （区委宣传部提供）.
_HALF_PARENS = re.compile(f"\\(([^()]*[{CJK}][^()]*)\\)")


Repair = Callable[[str, Line, list[AuditRecord]], str]


def _record(audit, line: Line, kind: str, before: str, after: str, reason: str) -> None:
    audit.append(AuditRecord(line.file, line.lineno, kind, before, after, reason))


def strip_html_tags(text: str, line: Line, audit: list[AuditRecord]) -> str:
    def repl(m: re.Match) -> str:
        _record(audit, line, "html-tag", m.group(0), "", "HTML markup left by extraction")
        return ""

    return _HTML_TAG.sub(repl, text)


def strip_cms_markers(text: str, line: Line, audit: list[AuditRecord]) -> str:
    def repl(m: re.Match) -> str:
        _record(audit, line, "cms-marker", m.group(0), "", "paywall/CMS marker from a web scrape")
        return ""

    return _CMS_MARKER.sub(repl, text)


def normalise_spaces(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """NBSP, ideographic and other odd spaces (web-page indents) become plain
    spaces; the line is trimmed. Plain layout whitespace is not text and is not
    recorded one by one."""
    out = _ODD_SPACE.sub(" ", text)
    if out != text:
        _record(audit, line, "odd-space", text, out, "non-breaking/ideographic spaces made plain")
    return out.strip(" \t") if out.strip() else ""


def strip_list_marker(text: str, line: Line, audit: list[AuditRecord]) -> str:
    m = _LIST_MARKER.match(text)
    if not m:
        return text
    _record(audit, line, "list-marker", m.group(0), "", "stray Markdown list marker from conversion")
    return text[m.end():]


def join_wrap_spaces(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Remove spaces the printed column width put inside Chinese running text."""
    if not _SENTENCE_PUNCT.search(text) or len(text) < 2 * WRAP_MIN_RUN:
        return text
    out = []
    run_start = 0
    last = 0
    for m in _CJK_SPACE.finditer(text):
        if m.start() - run_start >= WRAP_MIN_RUN:
            out.append(text[last : m.start()])
            last = m.end()
            _record(audit, line, "wrap-space", " ", "", f"line-wrap space at column {m.start() - run_start}")
        run_start = m.end()
    out.append(text[last:])
    return "".join(out)


def fullwidth_punctuation(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Half-width , : ; ? ! ( ) in Chinese context → full width (GB/T 15834-2011)."""
    if not _CJK_RE.search(text):
        return text

    def punct(m: re.Match) -> str:
        mark = m.group(1) or m.group(2)
        start = m.start()
        # Leave "12:30", "1,000", URLs and Latin text alone.
        before = text[start - 1] if start else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            return m.group(0)
        full = _HALF_TO_FULL[mark]
        _record(audit, line, "half-width-punct", m.group(0), full, "half-width mark in Chinese context")
        return full

    text = _HALF_PUNCT.sub(punct, text)

    def parens(m: re.Match) -> str:
        full = f"（{m.group(1)}）"
        _record(audit, line, "half-width-punct", "()", "（）", "half-width parentheses around Chinese text")
        return full

    return _HALF_PARENS.sub(parens, text)


# The repair pipeline, in order. Names are what the audit and tests refer to.
REPAIRS: dict[str, Repair] = {
    "html_tags": strip_html_tags,
    "cms_markers": strip_cms_markers,
    "spaces": normalise_spaces,
    "list_markers": strip_list_marker,
    "wrap_spaces": join_wrap_spaces,
    "punctuation": fullwidth_punctuation,
}

PART_BREAK = "\x00part-break"  # marker line put where a running head stood


def running_heads(lines: list[Line], min_repeats: int = 5) -> set[str]:
    """Lines that repeat as a page's running head (书眉): short, identical, and
    frequent. Derived from repetition, not from the book's title."""
    counts = collections.Counter(l.text.strip() for l in lines if l.text.strip())
    heads = set()
    for text, n in counts.items():
        if n >= min_repeats and len(text) <= 20 and _CJK_RE.search(text) and re.search(r"\d{4}", text):
            heads.add(text)
    return heads


def repair(lines: list[Line]) -> tuple[list[Line], list[AuditRecord]]:
    """Run every repair over every line. Running heads become PART_BREAK lines
    (they open each 篇 in a yearbook's extraction) and are audited as removed."""
    audit: list[AuditRecord] = []
    heads = running_heads(lines)
    out: list[Line] = []
    for line in lines:
        if line.text.strip() in heads:
            _record(audit, line, "running-head", line.text, "", "page running head (书眉)")
            out.append(Line(PART_BREAK, line.file, line.lineno))
            continue
        text = line.text
        for fn in REPAIRS.values():
            text = fn(text, line, audit)
        out.append(Line(text, line.file, line.lineno))
    return out, audit
