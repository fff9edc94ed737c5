"""Two columns interleaved line by line (双栏串行): a flipbook or PDF tool
that reads a two-column page straight across hands over left line, right
line, left line, … so each printed line carries on two lines further down.

The evidence is the words the line breaks cut: where a printed line ends
inside a word (发展 cut as 发 / 展), the word is whole again joined with the
line that really follows. Over a block of lines (a page, between blank
lines or page numbers), count the cut words each line makes with the next
line and with the line after it. When joins two lines apart make clearly
more whole words than joins to the next line, the block is interleaved:
its even lines are the left column and its odd lines the right, and it is
put back in that order. When the evidence leans that way but is not clear,
the order is kept and the block is flagged in the audit ("columns-unclear")
for `check` to list.
"""
from __future__ import annotations

from ..model import AuditRecord, Line
from .common import record, width
from .wrap import cut_word

# Characters each side of a line break given to the word segmenter.
WINDOW = 4
# A block must hold this many lines, and the joins two lines apart this
# many more whole words than the joins to the next line, to be reassembled.
MIN_BLOCK = 8
MIN_WORDS = 3
CLEAR_RATIO = 2.0


def _cuts_word(a: str, b: str) -> bool:
    """Does the end of line a and the start of line b make one dictionary
    word? (wrap.cut_word: its answers are kept across builds, so a rebuild
    scores the pages of a line-per-line book without segmenting them again.)"""
    left, right = a.rstrip()[-WINDOW:], b.strip()[:WINDOW]
    return bool(left and right) and cut_word(left, right) is not None


def _blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """(start, end) of each run of text lines without blank lines or tabs."""
    out, start = [], None
    for i, line in enumerate(lines + [Line("", "", 0)]):
        ok = line.kind == "text" and line.text.strip() and "\t" not in line.text
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            out.append((start, i))
            start = None
    return out


def _score(texts: list[str], col: int) -> tuple[int, int]:
    """(words made joining each full line to the next, … to the one after)."""
    next_words = skip_words = 0
    for i in range(len(texts) - 2):
        if width(texts[i].strip()) < col - 6:
            continue  # a paragraph's last line carries on nowhere
        next_words += _cuts_word(texts[i], texts[i + 1])
        skip_words += _cuts_word(texts[i], texts[i + 2])
    return next_words, skip_words


def reassemble_columns(lines: list[Line], col: int, audit: list[AuditRecord]) -> list[Line]:
    """Put interleaved two-column blocks back in reading order (audited)."""
    out = list(lines)
    for start, end in _blocks(lines):
        if end - start < MIN_BLOCK:
            continue
        block = lines[start:end]
        next_words, skip_words = _score([l.text for l in block], col)
        if skip_words < MIN_WORDS or skip_words <= next_words:
            continue
        first = block[0]
        if skip_words >= CLEAR_RATIO * max(1, next_words):
            out[start:end] = block[0::2] + block[1::2]
            record(audit, first, "columns", "", "",
                   f"two columns interleaved line by line over lines {first.lineno}–{block[-1].lineno} "
                   f"({skip_words} words whole two lines apart, {next_words} with the next line): put back in order")
        else:
            record(audit, first, "columns-unclear", "", "",
                   f"lines {first.lineno}–{block[-1].lineno} may be two interleaved columns "
                   f"({skip_words} words whole two lines apart, {next_words} with the next line): order kept")
    return out
