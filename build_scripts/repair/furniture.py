"""Page furniture (版面元素): page numbers, running heads and footers,
flipbook page marks — what the page prints around the text, which an
extraction hands over as lines in the middle of it.

Signals, each from the text's own shape:
- a page number is a line holding only a number (`56`, `- 56 -`, `· 56 ·`,
  `第56页`), and the numbers of such lines run in reading order: a chain of
  at least MIN_CHAIN of them, each a few pages after the one before. A lone
  number that is not in the chain (a table cell, a 目录 page) stays;
- a flipbook page mark (`Page 12 - 《某某年鉴（2020）》`, `P. 12`) by its shape,
  when the file has several;
- a running head or footer is a short line printed next to a page number
  whose text is mostly printed there: at least twice, and at least half of
  its occurrences; one per page number (the neighbour most often printed
  beside numbers), so a 篇 title opening the page after the number, which
  the odd-page heads repeat, stays.

Each removal is audited; a page number (of either kind) leaves a "page"
marker line carrying the number, so the structure stage gives each entry its
exact printed page. The page number is taken to head the page it stands on
when it is followed by the page's text (the usual top-of-page head with its
number); the marker stands where the number stood.
"""
from __future__ import annotations

import collections
import re

from ..model import AuditRecord, Line
from .common import record

# A page number alone on its line: 56 / - 56 - / — 56 — / · 56 · / 第56页.
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–·•]\s*)?(?:第\s*)?(\d{1,4})(?:\s*页)?(?:\s*[-—–·•])?\s*$")
# A flipbook page mark: "Page 12 - 《…》", "Page 12", "P. 12", "P12".
_FLIP_MARK = re.compile(r"^\s*(?:Page\s*(\d{1,4})(?:\s*[-–—|]\s*.*)?|P\.?\s?(\d{1,4}))\s*$", re.IGNORECASE)
# A chain of page numbers is this long at least: fewer could be chance.
MIN_CHAIN = 4
# Consecutive page numbers may skip this many pages (photo pages, blanks).
MAX_STEP = 4
# A running head or footer is a short line without sentence punctuation.
_HEAD_MAX = 30
_SENTENCE = re.compile(r"[，。；！？,;!?]")
# How far (in non-blank lines) a head may stand from its page number.
_NEAR = 2


def _page_chain(candidates: list[tuple[int, int]]) -> set[int]:
    """The line indexes of the longest chain of increasing page numbers
    ((index, number) in reading order), each within MAX_STEP of the last."""
    best: list[tuple[int, int]] = []  # (length, previous candidate) per candidate
    for k, (_, n) in enumerate(candidates):
        top = (1, -1)
        for j in range(k - 1, max(-1, k - 50), -1):  # a chain never skips 50 number lines
            m = candidates[j][1]
            if 0 < n - m <= MAX_STEP and best[j][0] + 1 > top[0]:
                top = (best[j][0] + 1, j)
        best.append(top)
    if not best:
        return set()
    k = max(range(len(best)), key=lambda i: (best[i][0], -i))
    if best[k][0] < MIN_CHAIN:
        return set()
    chain = set()
    while k >= 0:
        chain.add(candidates[k][0])
        k = best[k][1]
    return chain


def _page_numbers(lines: list[Line]) -> dict[int, int]:
    """{line index: page number} of the lines that are page numbers or marks."""
    plain = [(i, int(m.group(1))) for i, l in enumerate(lines) if l.kind == "text" and (m := _PAGE_NUMBER.match(l.text))]
    pages = {i: n for i, n in plain if i in _page_chain(plain)}
    marks = [(i, int(m.group(1) or m.group(2))) for i, l in enumerate(lines) if (m := _FLIP_MARK.match(l.text))]
    if len(marks) >= 2:
        pages.update(marks)
    return pages


def _neighbours(lines: list[Line], i: int) -> list[int]:
    """Indexes of the non-blank lines within _NEAR of line i, either side."""
    out = []
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(lines) and seen < _NEAR:
            if lines[j].text.strip():
                out.append(j)
                seen += 1
            j += step
    return out


def _heads(lines: list[Line], pages: dict[int, int]) -> set[int]:
    """Line indexes of running heads/footers: short lines next to page numbers
    whose text is mostly printed there. Each page number has one head at
    most (the neighbour most often printed beside numbers): the other
    neighbour is the page's text, which may be a title the head repeats."""
    near: dict[int, list[int]] = {}
    beside: dict[str, set[int]] = collections.defaultdict(set)
    for i in pages:
        near[i] = [
            j for j in _neighbours(lines, i)
            if j not in pages and len(t := lines[j].text.strip()) <= _HEAD_MAX and not _SENTENCE.search(t)
        ]
        for j in near[i]:
            beside[lines[j].text.strip()].add(j)
    counts = collections.Counter(l.text.strip() for l in lines)

    def score(j: int) -> tuple[float, int]:
        t = lines[j].text.strip()
        return len(beside[t]) / counts[t], counts[t]

    out = set()
    for i, js in near.items():
        # printed beside numbers twice, or once when printed once more (the
        # title of a short 篇 that its one odd-page head repeats)
        heads = [j for j in js if counts[lines[j].text.strip()] >= 2 and score(j)[0] >= 0.5]
        if heads:
            out.add(max(heads, key=lambda j: (score(j), -abs(j - i))))
    return out


def remove_page_furniture(lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """Page numbers, flipbook marks and running heads/footers removed (audited);
    a page number leaves a "page" marker line."""
    pages = _page_numbers(lines)
    if not pages:
        return lines
    heads = _heads(lines, pages)
    out = []
    for i, line in enumerate(lines):
        if i in pages:
            record(audit, line, "page-number", line.text, "", f"printed page number {pages[i]} (page furniture)")
            out.append(Line("", line.file, line.lineno, "page", page=pages[i]))
        elif i in heads:
            record(audit, line, "running-head", line.text, "", "running head or footer printed beside a page number")
        else:
            out.append(line)
    return out
