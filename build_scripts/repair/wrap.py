"""Spaces the printed line-wrap left inside Chinese text (断行空格).

The PDF extraction joins the printed lines of a paragraph with a space. In
Chinese text a space between two ideographs is never typeset inside a line
except deliberately (a name list 姚 莉 孟冬梅, a two-part heading 政法 综治, a
职务 姓名 line, two joint names side by side), so the evidence that a space is
a wrap is *where* it falls: at the printed column width.

Two measures of the column:
- the document's column: the most common distance, in printed columns,
  between consecutive spaces of its running text (a yearbook's body column);
- a line's own column: a photo caption is set in a narrow column of its own;
  when three or more of its segments have the same width, its spaces are wraps.
"""
from __future__ import annotations

import bisect
import collections
import functools
import re
from dataclasses import dataclass

from ..model import AuditRecord, Line
from .common import CJK, CJK_PUNCT, CJK_RE, context, record, width

# A candidate space: one or more spaces with printed text on both sides that
# is Chinese on at least one side — ideograph or full-width mark (not 】, the
# space after an entry title's 】 separates title and text), a digit or Latin
# letter on the other (a wrap in "完成 28 组" / "《2017— 2021年").
_SIDE = f"{CJK}{CJK_PUNCT}"
# (Each pattern of spaces here opens with the space itself, the character
# before it looked at from behind the first space: a pattern that opened
# with the look-behind would be tried at every position of the line, this
# one only where a space stands — four times faster, the same matches.)
_CANDIDATE = re.compile(
    f" (?:(?<=[{_SIDE.replace('】', '')}] ) *(?=[{_SIDE}0-9A-Za-z])"
    f"|(?<=[0-9A-Za-z%] ) *(?=[{_SIDE}]))"
)
# Column measures below this many printed columns are not a text column
# (a list of two- and three-character names has equal "columns" of 4–6).
MIN_COLUMN = 14
# How far a wrapped segment may stray from the column: proportional digits
# and Latin letters, punctuation squeezed at a line end.
TOLERANCE = 3
# A paragraph's first printed line is indented by two ideographs.
INDENT = 4
# A space between two ideographs (not a number's spacing).
_IDEOGRAPH_SPACE = re.compile(f" (?<=[{CJK}] ) *(?=[{CJK}])")
# A space between Chinese characters or marks (not a number's spacing).
_TEXT_SPACE = re.compile(f"(?<=[{_SIDE}]) +(?=[{_SIDE}])")
# Running text holds sentence punctuation; a line without it (a name list, a
# heading, a 职务 姓名 line) keeps its spaces.
_RUNNING = re.compile(r"[，。；,;]")
# A photo caption opens with its date (10月20日， / 2023年，).
_DATED = re.compile(r"^\d{1,4}\s*[年月]")
# A trailing photo credit, kept apart from the caption's own column.
_TRAILING_CREDIT = re.compile(r"\s*[（(][^（）()]{1,40}(?:提供|摄)[）)]\s*$")


# Marks the extraction gives half-width that the page prints full width
# (Chinese marks of ambiguous width — — … “ ” · — are full width too).
_PRINTED_FULL = set(',:;?!()"')


@functools.lru_cache(maxsize=None)
def _char_width(c: str) -> float:
    return 0.5 if c == " " else 2 if c in _PRINTED_FULL or c in CJK_PUNCT else width(c)


def printed_width(text: str) -> float:
    """Width a run of extracted text took on the printed line: a space the
    extraction put around a number stands for the quarter-em gap the
    typesetter put there (half a column); marks it gives half-width were
    printed full width (，：（）“”)."""
    return sum(map(_char_width, text))


class _WidthClasses(dict):
    """str.translate table: each character to "w" (two columns), "n" (one)
    or " " (half a column, a space), as _char_width measures it."""

    def __missing__(self, code: int) -> int:
        cls = self[code] = ord({2: "w", 1: "n", 0.5: " "}[_char_width(chr(code))])
        return cls


_WIDTH_CLASSES = _WidthClasses()


def _widths_at(text: str, positions: list[int]) -> list[float]:
    """printed_width(text[:p]) for each p of `positions` (in ascending
    order), from counts over the text's width classes: the chain below asks
    for the width between any two of a line's spaces, and summing every
    character of a 300-character line to answer was most of its time. Each
    width is a sum of halves, so the counts give the very same floats."""
    classes = text.translate(_WIDTH_CLASSES)
    out, last, acc = [], 0, 0.0
    for p in positions:
        acc += (p - last) + classes.count("w", last, p) - 0.5 * classes.count(" ", last, p)
        last = p
        out.append(acc)
    return out


@dataclass
class Column:
    """The document's body column width in printed columns (None: no evidence)."""

    width: int | None


def column_width(lines: list[Line]) -> Column:
    """Most common distance between consecutive candidate spaces of running
    text — the body column of the printed page."""
    return column_of(w for line in lines for w in segment_widths(line.text))


def segment_widths(text: str) -> tuple[int, ...]:
    """A line's measures of the column: the printed widths between its
    consecutive candidate spaces, those wide enough to be a column line."""
    if "\t" in text:
        return ()
    starts = [m.end() for m in _CANDIDATE.finditer(text)]
    out = []
    for a, b in zip(starts, starts[1:]):
        # (no character is wider than two columns: most segments, a
        # number's spacing apart, are too short to measure at all)
        if 2 * (b - a) < 2 * MIN_COLUMN - 0.5:
            continue
        seg = text[a:b].rstrip(" ")
        w = round(printed_width(seg))
        if w >= 2 * MIN_COLUMN:
            out.append(w)
    return tuple(out)


def column_of(widths) -> Column:
    """The body column the segment widths of a document's lines show."""
    counts: collections.Counter[int] = collections.Counter(widths)
    if not counts or sum(counts.values()) < 20:
        return Column(None)
    # Smooth over ±TOLERANCE: a column shows as a spread of neighbouring widths.
    best = max(sorted(counts), key=lambda w: sum(counts[w + d] for d in range(-1, 2)))
    return Column(best)


def _line_column(text: str, spaces: list[re.Match]) -> float | None:
    """A line's own column, from its spaces between ideographs: ≥3 segments,
    the inner ones of equal width, the first and last no wider. Returns that
    width or None."""
    if len(spaces) < 2:
        return None
    widths = _widths_at(text, [0] + [m.start() for m in spaces] + [len(text)])
    segs = [b - a for a, b in zip(widths, widths[1:])]
    inner = segs[1:-1]
    col = max(inner)
    if col < MIN_COLUMN or min(inner) < col - 2:
        return None
    if segs[0] > col + 2 or segs[-1] > col + 2:
        return None
    return col


def _lines_at_column(w: float, column: int, first: bool) -> int:
    """How many full column lines (1–3) a segment of printed width w makes, or
    0. (A wrap that fell on a mark the extraction joined without a space
    leaves a segment of two lines.) The first segment of a line may carry
    the paragraph indent."""
    for k in (1, 2, 3):
        low = k * column - TOLERANCE - (INDENT if first else 0)
        if low <= w <= k * (column + TOLERANCE):
            return k
    return 0


def _wraps_by_document_column(text: str, spaces: list[re.Match], column: int) -> list[re.Match]:
    """Spaces at the document's column: the chosen spaces cut the line into
    segments of a whole number of column lines each (the first may carry the
    indent, the last is the paragraph's short last line). Among the candidate
    spaces — wraps and deliberate spaces around numbers alike — the best such
    chain is found by dynamic programming, so a number's space that happens to
    fall near the column does not throw off the wraps after it. A segment
    holding two spaces between ideographs is a spaced list (names, units),
    whose spaces are deliberate, and never part of a chain. At least one
    segment must be exactly one line, else the agreement is chance."""
    cuts = [(0, 0)] + [(m.start(), m.end()) for m in spaces]
    # Printed width and spaces between ideographs up to where each cut
    # begins (`before`) and ends (`after`).
    bounds = _widths_at(text, [p for cut in cuts for p in cut] + [len(text)])
    before, after, total = bounds[0:-1:2], bounds[1:-1:2], bounds[-1]
    ideograph_spaces = [g.start() + 1 for g in _IDEOGRAPH_SPACE.finditer(text)]
    gaps_before = [bisect.bisect_right(ideograph_spaces, a) for a, _ in cuts]
    gaps_after = [bisect.bisect_right(ideograph_spaces, b) for _, b in cuts]
    longest = 3 * (column + TOLERANCE)
    # best[i] = (score, single-line segments, previous cut) for a chain ending at cut i
    best: list[tuple[float, int, int] | None] = [(0.0, 0, -1)] + [None] * len(spaces)
    for i in range(1, len(cuts)):
        stop, gaps_stop = before[i], gaps_before[i]
        for j in range(i - 1, -1, -1):
            w = stop - after[j]
            if w > longest:
                break
            if best[j] is None or gaps_stop - gaps_after[j] >= 2:
                continue
            k = _lines_at_column(w, column, j == 0)
            if k:
                gain = 1.0 if k == 1 else 0.5
            elif j == 0 and MIN_COLUMN <= w <= column + TOLERANCE:
                # The line's first printed line may be short: a 大事记 day
                # number hung in the margin, a run-in title. It fits on one
                # line, which is weak evidence, so it scores little.
                gain = 0.25
            else:
                continue
            score = best[j][0] + gain
            if best[i] is None or score > best[i][0]:
                best[i] = (score, best[j][1] + (k == 1), j)
    # The chain ends where the rest of the line fits on a last printed line.
    ends = [
        i for i in range(1, len(cuts))
        if best[i] is not None and total - after[i] <= column + TOLERANCE
    ] or [i for i in range(1, len(cuts)) if best[i] is not None]
    if not ends:
        return []
    end = max(ends, key=lambda i: (best[i][0], -i))
    if not best[end][1]:
        return []
    chain = []
    while end > 0:
        chain.append(spaces[end - 1])
        end = best[end][2]
    return chain[::-1]


def join_wrap_spaces(text: str, line: Line, audit: list[AuditRecord], column: Column) -> str:
    """Remove the spaces a printed line-wrap left inside Chinese running text."""
    if "\t" in text or not CJK_RE.search(text):
        return text
    # (the credit's words first: most lines hold none, and the pattern's
    # search tries every position of the line)
    credit = _TRAILING_CREDIT.search(text) if "提供" in text or "摄" in text else None
    body = text[: credit.start()] if credit else text
    spaces = list(_CANDIDATE.finditer(body))
    if not spaces:
        return text
    between_ideographs = [m for m in spaces if _TEXT_SPACE.match(body, m.start())]
    own = _line_column(body, between_ideographs) if (_DATED.match(body) or credit or re.search("[，,。]", body)) else None
    if own is not None:
        wraps, why = between_ideographs, f"caption column of {own} printed columns"
    elif column.width and _RUNNING.search(body):
        wraps, why = _wraps_by_document_column(body, spaces, column.width), f"body column of {column.width} printed columns"
    else:
        return text
    if not wraps:
        return text
    kept = ((m, f"line-wrap space at the {why}") for m in wraps if not _number_spacing(body, m))
    return _drop_spaces(body, kept, line, audit) + (text[credit.start() :] if credit else "")


def _drop_spaces(text: str, spaces, line: Line, audit: list[AuditRecord]) -> str:
    """Remove the matched wrap spaces of `spaces` ((match, reason) pairs, in
    order), auditing each with its context."""
    out, last = [], 0
    for m, reason in spaces:
        out.append(text[last : m.start()])
        last = m.end()
        before, after = context(text, m.start(), m.end(), "")
        record(audit, line, "wrap-space", before, after, reason)
    out.append(text[last:])
    return "".join(out)


# A number or Latin word as the print sets it inside Chinese text: its characters.
_NUMBER = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%+-")


def _number_spacing(text: str, m: re.Match) -> bool:
    """A wrap that falls next to a number spaced on its other side too
    ("完成 28 组" wrapped after 28) is also the number's own spacing: the
    space stays, so the number keeps the print's spacing on both sides."""
    # (the number's ends found stepping out from the space: a pattern
    # searched up to it would be tried from every position of the line)
    start, end = m.start(), m.end()
    left = start
    while left > 0 and text[left - 1] in _NUMBER:
        left -= 1
    if 0 < left < start and text[left - 1] == " ":
        return True
    right = end
    while right < len(text) and text[right] in _NUMBER:
        right += 1
    return end < right < len(text) and text[right] == " "


# Characters each side of a space given to the word segmenter.
WORD_WINDOW = 6


@functools.lru_cache(maxsize=1)
def _segmenter():
    """jieba's dictionary segmenter (no HMM guessing of unknown words, so the
    result is a dictionary word or nothing — deterministic)."""
    from ..segmenter import load_jieba

    return load_jieba()


# The answers of `cut_word` by the text either side of the break (a pure
# function of it and jieba's dictionary): the build hands in those of earlier
# builds (cache.py), so a rebuild loads jieba's dictionary only for a break it
# has not seen before.
SPLITS: dict[tuple[str, str], str | None] = {}


def cut_word(left: str, right: str) -> str | None:
    """The dictionary word a break between `left` and `right` cuts in two,
    if any (memoised in SPLITS): asked of a space inside a line here and of
    a printed line's end by the column check (columns.py)."""
    if (left, right) in SPLITS:
        return SPLITS[left, right]
    pos = 0
    word = None
    for token in _segmenter().cut(left + right, HMM=False):
        if pos < len(left) < pos + len(token) and len(token) >= 2:
            word = token
            break
        pos += len(token)
    SPLITS[left, right] = word
    return word


def _split_word(text: str, start: int, end: int) -> str | None:
    """The dictionary word the space at text[start:end] cuts in two, if any."""
    return cut_word(text[max(0, start - WORD_WINDOW) : start], text[end : end + WORD_WINDOW])


def join_split_words(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """A space left between two ideographs of running text that cuts a word in
    two (活 动, 职称 评 审 → 评审) is a wrap the column measure missed (a page
    set in another column width, a line the extraction joined irregularly).
    Deliberate spaces in running text separate whole phrases (“万名党员进社区
    万名团员做公益”), so they cut no word and stay."""
    if "\t" in text or not _RUNNING.search(text):
        return text
    cuts = (
        (m, f"line-wrap space cutting the word “{word}”")
        for m in _IDEOGRAPH_SPACE.finditer(text)
        if (word := _split_word(text, m.start(), m.end())) is not None
    )
    return _drop_spaces(text, cuts, line, audit)
