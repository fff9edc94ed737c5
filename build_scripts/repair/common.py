"""Shared character classes and the audit helper of the repair stage (文本修复)."""
from __future__ import annotations

import re

from ..model import AuditRecord, Line
from ..text import CJK, CJK_PUNCT, CJK_RE, SENTENCE_END, width  # noqa: F401  (the shared vocabulary)

PART_BREAK = "\x00part-break"  # marker line put where a running head stood


def record(audit: list[AuditRecord], line: Line, kind: str, before: str, after: str, reason: str) -> None:
    audit.append(AuditRecord(line.file, line.lineno, kind, before, after, reason))


def context(text: str, start: int, end: int, replacement: str, span: int = 2) -> tuple[str, str]:
    """before/after of a small change with `span` characters each side, so an
    editor can see where it was; the context cancels out in the accounting."""
    left = text[max(0, start - span) : start]
    right = text[end : end + span]
    return left + text[start:end] + right, left + replacement + right
