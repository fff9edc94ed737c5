"""Markup left by conversion and scraping: HTML tags, CMS markers, odd
spaces, stray list markers (转换残留)."""
from __future__ import annotations

import re

from ..model import AuditRecord, Line
from .common import record

# HTML tags left by a web scrape or an extraction tool (<mark>, </u>, <td …>).
# Only well-formed tag shapes with a known HTML element name are removed, so a
# literal "<" in text (a formula, 《》 typed as <>) is left alone; attributes
# must have the name=value shape.
_HTML_TAG = re.compile(
    r"</?(?:a|b|i|u|s|em|strong|mark|span|font|div|p|br|td|tr|th|table|tbody|thead|sup|sub|small|big|center)"
    r"(?:\s+[a-zA-Z-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s<>]+))?)*\s*/?>",
    re.IGNORECASE,
)
# Paywall / CMS markers such as ##paidbegin## that a scraper leaves in text,
# even in the middle of a word.
_CMS_MARKER = re.compile(r"##[A-Za-z]+##")
# Markdown strong emphasis **…** a scraper kept from the web page's <strong>
# (a run-in "二是……。" lead): a balanced pair inside one line, the text
# inside starting and ending with a non-space, so a lone "**" or "a ** b"
# (a footnote mark, a power) is left alone.
_MD_EMPHASIS = re.compile(r"\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*")
# A list marker "- " (or "• ") at line start that a converter added to a
# numbered paragraph of the original.
_LIST_MARKER = re.compile(r"^[-•]\s+(?=\S)")
# Non-breaking, ideographic and typographic spaces (web-page indents use NBSP).
_ODD_SPACE = re.compile(r"[\u00a0\u2002-\u200b\u3000]")


def strip_html_tags(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Remove HTML tags; the text between them stays."""

    def repl(m: re.Match) -> str:
        record(audit, line, "html-tag", m.group(0), "", "HTML markup left by extraction")
        return ""

    return _HTML_TAG.sub(repl, text)


def strip_cms_markers(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Remove ##paidbegin##-style markers, also when glued inside a word."""

    def repl(m: re.Match) -> str:
        record(audit, line, "cms-marker", m.group(0), "", "paywall/CMS marker from a web scrape")
        return ""

    return _CMS_MARKER.sub(repl, text)


def strip_markdown_emphasis(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Remove the ** of a Markdown bold pair, as a <strong> tag is removed:
    the site escapes book text, so the marks would show literally."""

    def repl(m: re.Match) -> str:
        record(audit, line, "markdown-emphasis", m.group(0), m.group(1), "Markdown bold marks left by a web scrape")
        return m.group(1)

    return _MD_EMPHASIS.sub(repl, text)


def normalise_spaces(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """NBSP, ideographic and other odd spaces (web-page indents) become plain
    spaces; the line is trimmed of spaces. Tabs stay: a leading tab is an
    empty table cell, and removing it would shift the row's columns. Plain
    layout whitespace carries no text and is not recorded one by one."""
    out = _ODD_SPACE.sub(" ", text)
    if out != text:
        record(audit, line, "odd-space", text, out, "non-breaking/ideographic spaces made plain")
    return out.strip(" ") if out.strip() else ""


def strip_list_marker(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Remove a "- " list marker a converter put before a paragraph."""
    m = _LIST_MARKER.match(text)
    if not m:
        return text
    record(audit, line, "list-marker", m.group(0), "", "stray Markdown list marker from conversion")
    return text[m.end() :]
