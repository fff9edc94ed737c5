"""Bidirectional control characters (双向控制符).

U+202A–202E (embeddings, overrides) and U+2066–2069 (isolates) reorder the
text after them on screen: a title holding U+202E shows its characters
reversed, so it can pose as another title or hide what it says. Chinese (and
the Latin, digits it quotes) never needs them; they come from copying out of
right-to-left documents, or from someone who means to spoof. They are
removed wherever they stand in the text, each removal audited.
"""
from __future__ import annotations

from ..errors import BIDI_CONTROLS
from ..model import AuditRecord, Line
from .common import context, record


def strip_bidi_controls(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Remove bidi embedding/override/isolate controls (audited one by one)."""
    if BIDI_CONTROLS.isdisjoint(text):
        return text
    out = []
    for i, ch in enumerate(text):
        if ch in BIDI_CONTROLS:
            before, after = context(text, i, i + 1, "")
            record(audit, line, "bidi-control", before, after, f"bidirectional control U+{ord(ch):04X} removed (reorders text on screen)")
        else:
            out.append(ch)
    return "".join(out)
