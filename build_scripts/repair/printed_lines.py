"""Text kept line per printed line (逐行文本): most PDF and OCR tools hand
over every printed line as a line of its own, so a paragraph arrives as a
run of lines of the column's width and a short last line.

The signal is the file's own column: when a large share of its text lines
have (nearly) the same printed width and hardly any is wider, the file is
set line by line at that width. A line of the full width then carries on in
the next line, unless the next line opens something new (an entry 【…】, a
heading after a finished sentence, a numbered or dated item after a finished
sentence). A short line ends its paragraph — so a wrapped fragment is never
left alone to be taken for a heading. Page-number markers between two
printed lines move after the paragraph (its text begins on the earlier page).
"""
from __future__ import annotations

import collections
import re

from ..model import AuditRecord, Line
from . import columns
from .common import CJK, record, width

# A printed column is at least this wide (10 ideographs); narrower "columns"
# are lists of names or table cells.
MIN_COLUMN = 20
# ... and at most this wide (45 ideographs): no book sets a wider column, so
# lines of one greater width are paragraphs of one length, not printed lines.
MAX_COLUMN = 90
# Share of the text lines that must sit at the column width, and the most
# that may be wider, for the file to count as set line by line.
AT_COLUMN_SHARE = 0.3
WIDER_SHARE = 0.1
# A full line may fall short of the column by this much (punctuation
# squeezed at the line end, half-width digits and Latin letters): a tenth
# of the column, at least 4.
SLACK = 4
# Fewer text lines than this say nothing about a column.
MIN_LINES = 5


def _slack(col: int) -> int:
    return max(SLACK, col // 10)


_WIDEST = MAX_COLUMN + _slack(MAX_COLUMN)  # no column and its slack is wider
# Sentence-final marks: after one, a line may end a paragraph.
_SENTENCE_END = "。！？!?；;：:”’）)】…"
# A heading or label: short, no sentence punctuation.
_RUNNING = re.compile(r"[，。；！？,;!?]")
# Openings of a new paragraph or item after a finished sentence.
_OPENS = re.compile(
    r"^(?:【|——|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d)"
    r"|第[一二三四五六七八九十]+[，、]|\d{1,2}\s*[月日]|\d{4}\s*年|同日|是日|是月|[△☆●▲◆])"
)
_CJK = re.compile(f"[{CJK}]")


def _textual(line: Line) -> bool:
    return line.kind == "text" and bool(line.text.strip()) and "\t" not in line.text


def column(lines: list[Line]) -> int | None:
    """The printed column width the file is set at line by line, or None."""
    # (a line of more characters than the widest column and its slack is
    # wider than any column whatever its characters' widths: its length
    # stands for its width, which takes a pass over its characters)
    widths = [len(t) if len(t) > _WIDEST else width(t)
              for l in lines if _textual(l) and _CJK.search(l.text) for t in (l.text.strip(),)]
    if len(widths) < MIN_LINES:
        return None
    counts = collections.Counter(w for w in widths if MIN_COLUMN <= w <= MAX_COLUMN)
    if not counts:
        return None
    # the column is the widest width many lines share: the full lines pile up there
    best = max(counts, key=lambda w: (sum(counts[w - d] for d in range(_slack(w) + 1)), w))
    at = sum(1 for w in widths if best - _slack(best) <= w <= best + 1)
    wider = sum(1 for w in widths if w > best + _slack(best))
    if at < AT_COLUMN_SHARE * len(widths) or wider > WIDER_SHARE * len(widths):
        return None
    return best


# A biography's first words, the printed convention of 人物 entries: the
# name, then sex or native place ("孙某某，男，…" "杨某，天津人，…").
_BIOGRAPHY = re.compile(f"^[{CJK}]{{2,4}}[，,](?:男|女|[{CJK}]{{2,6}}人)[，,]")
# A sentence really ended (。！？, perhaps inside its closing quote): what a
# title follows — not a list item's closing bracket "王春红(女)".
_FULL_STOP = re.compile(r"[。！？!?][”’」』）)]*$")
# A title wrapped over printed lines holds at most this many characters
# (the longest 篇/章/条目 titles of yearbooks run to about 60).
TITLE_MAX = 60


def _carries_on(prev: str, nxt: str, col: int, after: list[str] = ()) -> bool:
    """Does printed line `prev` (of the full width) carry on in `nxt`?
    `after`: the printed lines after `nxt`, to see a title wrapped in two."""
    if nxt.startswith(("【", "——")):
        return False  # an entry, or the subtitle under a title that filled its line
    if _BIOGRAPHY.match(nxt):
        return False  # a person's entry opens: "孙某某，男，汉族，…" (after a list title that filled its lines)
    if prev[-1] in _SENTENCE_END:
        if _OPENS.match(nxt):
            return False
        if width(nxt) < col - _slack(col) and not _RUNNING.search(nxt):
            return False  # a heading after a finished sentence
        if _FULL_STOP.search(prev) and _wrapped_title(nxt, after, col):
            return False
    return True


def _wrapped_title(first: str, after: list[str], col: int) -> bool:
    """A title too long for one printed line, after a finished sentence:
    full printed lines and a short last one, none holding sentence
    punctuation, the whole no longer than a title. Running text of two
    printed lines or more always holds a ， or a 。."""
    run = [first]
    for t in after:
        if width(run[-1]) < col - _slack(col):
            break
        run.append(t)
    short_end = width(run[-1]) < col - _slack(col)
    text = "".join(run)
    return (short_end and len(run) >= 2 and len(text) <= TITLE_MAX and not _RUNNING.search(text)
            and text[-1] not in _SENTENCE_END)


def _glue(a: str, b: str) -> str:
    """Printed lines join without a space, except between two Latin words."""
    if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
        return f"{a} {b}"
    return a + b


def join_printed_lines(lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """Rebuild paragraphs of a file set line per printed line (audited)."""
    col = column(lines)
    if col is None:
        return lines
    lines = columns.reassemble_columns(lines, col, audit)
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not _textual(line):
            out.append(line)
            i += 1
            continue
        current = Line(line.text.rstrip(), line.file, line.lineno, line.kind)
        moved: list[Line] = []
        j = i + 1
        last_width = width(current.text.strip())
        while last_width >= col - _slack(col):
            # the last printed line so far is full: look at the next one
            k = j
            markers = []
            while k < n and lines[k].kind == "page":
                markers.append(lines[k])
                k += 1
            after = [l.text.strip() for l in lines[k + 1 : k + 4] if _textual(l)]
            if k >= n or not _textual(lines[k]) or not _carries_on(current.text.rstrip(), lines[k].text.strip(), col, after):
                break
            nxt = lines[k].text.strip()
            tail, head = current.text[-8:], nxt[:8]
            record(audit, lines[k], "printed-line-join", f"{tail}\n{head}", _glue(tail, head),
                   f"printed line of the {col}-column width carries on in line {lines[k].lineno}")
            last_width = width(nxt)
            current.page_breaks += tuple((len(current.text.rstrip()), m.page) for m in markers)
            current.text = _glue(current.text.rstrip(), nxt)
            moved += markers
            j = k + 1
        out.append(current)
        out.extend(moved)
        i = j
    return out
