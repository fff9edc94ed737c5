"""Stage 2, repair: undo the damage of PDF-to-text extraction and web scraping (文本修复).

Each repair is a small named processor registered in REPAIRS in the order it
runs (like Python-Markdown's processors). A processor takes the file's lines
and returns them repaired, recording every change of text as an AuditRecord,
so the reading text plus the audit account for every character of the input.
Line rules (one line at a time) are lifted into processors by `per_line`.

Rules are derived from the shape of the text (column width, punctuation
context, repetition), never from strings of one book. One module per rule:
markup, controls, webpage, wrap, punctuation, captions, paragraphs, ocr.
"""
from __future__ import annotations

import collections
import functools
import re
from typing import Callable

from ..model import AuditRecord, Line
from . import captions, controls, furniture, letter_spacing, markup, ocr, paragraphs, printed_lines, punctuation, webpage, wrap
from .linewise import LineMemo, LineRepair, Tally, run_in_halves, runs
from ..text import title_key
from .common import CJK, CJK_PUNCT, CJK_RE, PART_BREAK, record

__all__ = ["repair", "REPAIRS", "LineMemo", "PART_BREAK", "CJK", "CJK_PUNCT", "running_heads"]

Processor = Callable[[list[Line], list[AuditRecord]], list[Line]]
LineRule = Callable[[str, Line, list[AuditRecord]], str]


def per_line(rule: LineRule) -> Processor:
    """A processor applying a line rule to every text/caption/credit line
    (linewise.LineRepair: consecutive ones may run over two cores)."""
    return LineRepair(rule)


def running_heads(lines: list[Line], min_repeats: int = 5) -> set[str]:
    """Lines that repeat as a page's running head (书眉): short, identical,
    frequent, carrying a year. Derived from repetition, not from the title."""
    counts = collections.Counter(l.text.strip() for l in lines if l.text.strip())
    heads = set()
    for text, n in counts.items():
        if n >= min_repeats and len(text) <= 20 and CJK_RE.search(text) and re.search(r"\d{4}", text):
            heads.add(text)
    return heads


def mark_running_heads(lines: list[Line], audit: list[AuditRecord], named: tuple[str, ...] = ()) -> list[Line]:
    """Running heads become break lines (they open each 篇 in a yearbook's
    extraction); the head's text is audited as removed. `named`: heads the
    volume's manifest gives (running_head), matched with spaces ignored."""
    heads = running_heads(lines)
    keys = {title_key(h) for h in named}
    out = []
    for line in lines:
        if line.text.strip() in heads or keys and line.text.strip() and title_key(line.text) in keys:
            record(audit, line, "running-head", line.text, "", "page running head (书眉)")
            out.append(Line(PART_BREAK, line.file, line.lineno, "break"))
        else:
            out.append(line)
    return out


# The body column: measured over the running text's lines (wrap.column_width).
_body_column = Tally(wrap.segment_widths, wrap.column_of, kinds=("text",))

wrap_spaces = LineRepair(wrap.join_wrap_spaces, measure=_body_column,
                         doc="Line-wrap spaces, measured against the file's own body column.")


# The repair pipeline, in order. Names are what the audit and tests refer to.
REPAIRS: dict[str, Processor] = {
    "page_furniture": furniture.remove_page_furniture,
    "running_heads": mark_running_heads,
    "html_tags": per_line(markup.strip_html_tags),
    "bidi_controls": per_line(controls.strip_bidi_controls),
    "web_furniture": webpage.strip_web_furniture,
    "cms_markers": per_line(markup.strip_cms_markers),
    "markdown_emphasis": per_line(markup.strip_markdown_emphasis),
    "spaces": per_line(markup.normalise_spaces),
    "list_markers": per_line(markup.strip_list_marker),
    "letter_spacing": per_line(letter_spacing.join_letter_spacing),
    "printed_lines": printed_lines.join_printed_lines,
    "wrap_spaces": wrap_spaces,
    "split_words": per_line(wrap.join_split_words),
    # Captions and paragraphs first: a quotation or a parenthesis cut by a
    # page break is whole again before its marks are paired.
    "captions": captions.classify_captions,
    "paragraphs": paragraphs.rejoin_paragraphs,
    "quotes": per_line(punctuation.curly_quotes),
    "punctuation": per_line(punctuation.fullwidth_punctuation),
    "table_digits": ocr.repair_table_digits,
    "lone_letters": ocr.repair_lone_letters,
    "foreign_script": ocr.flag_foreign_script,
}


def repair(lines: list[Line], running_heads: tuple[str, ...] = (),
           memo: LineMemo | None = None) -> tuple[list[Line], list[AuditRecord]]:
    """Run every processor over one file's lines. `running_heads`: the
    volume's manifest names them (VolumeSpec.running_heads); `memo`: the
    line rules' answers an earlier build kept (linewise.LineMemo), which
    collects this build's."""
    audit: list[AuditRecord] = []
    lines = [Line(l.text, l.file, l.lineno, l.kind) for l in lines]
    processors = [
        functools.partial(mark_running_heads, named=running_heads) if name == "running_heads" and running_heads else p
        for name, p in REPAIRS.items()
    ]
    for run in runs(processors):
        if isinstance(run[0], LineRepair):
            lines = run_in_halves(run, lines, audit, memo)
        else:
            lines = run[0](lines, audit)
    return lines, audit
