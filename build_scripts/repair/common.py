"""Shared character classes and the audit helper of the repair stage (文本修复)."""
from __future__ import annotations

import re
import unicodedata

from ..model import AuditRecord, Line

# CJK ideographs (basic block + extension A + compatibility) — the characters
# whose neighbourhood decides whether a space or half-width mark is Chinese context.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width Chinese punctuation that may touch a wrapped line's edge.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·"
CJK_RE = re.compile(f"[{CJK}]")
# Punctuation that ends a sentence (or a quoted/bracketed sentence) in print:
# a paragraph ending in one of these is complete.
SENTENCE_END = "。！？!?…”’）)》】；;：:"

PART_BREAK = "\x00part-break"  # marker line put where a running head stood


def width(text: str) -> int:
    """Printed width in columns: ideographs and full-width marks take two,
    digits, Latin letters and spaces one — the unit of a column's measure."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def record(audit: list[AuditRecord], line: Line, kind: str, before: str, after: str, reason: str) -> None:
    audit.append(AuditRecord(line.file, line.lineno, kind, before, after, reason))


def context(text: str, start: int, end: int, replacement: str, span: int = 2) -> tuple[str, str]:
    """before/after of a small change with `span` characters each side, so an
    editor can see where it was; the context cancels out in the accounting."""
    left = text[max(0, start - span) : start]
    right = text[end : end + span]
    return left + text[start:end] + right, left + replacement + right
