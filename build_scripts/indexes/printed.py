"""The book's own printed 条目索引, parsed, to measure what ours covers.

The printed index sits at the end of the yearbook's text: a line reading
条目索引, then two columns of `heading page` rows that the PDF extraction
interleaved with tabs, wrapped long headings onto the next row, dropped some
page numbers, and in places repeated as untabbed runs of `heading page
heading page …` (a second text layer of the same printed page). Both shapes
are read; headings are deduplicated by their normalised form.

Parsed once, by the structure stage (pipeline.structure_volume), into the volume's
FindingAids.printed_index; only used for measurement (README, benchmarks,
site/data/index.json "printed_index"): the site's 条目索引 is built
from the structured book, never from this text.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field

from ..text import CJK, CJK_RE
from .headings import norm_heading

# The heading line that opens a printed index: 条目索引 (also 索引, 主题索引),
# possibly spaced out by the typesetting.
INDEX_TITLE = re.compile(r"^\s*(条\s*目|主\s*题)?\s*索\s*引\s*$")
# A cell `heading 123` or `heading 219、229` or `heading 76、` (the rest of
# the page list fell into the next cell): the title, then its page numbers.
CELL = re.compile(rf"^(?P<title>.*?[{CJK}\"”)）].*?)\s*(?P<pages>(\d{{1,3}}\s*、\s*)*\d{{1,3}}\s*、?)?$")
# A cell that is only page numbers (the extraction put the page in its own cell).
PAGES_ONLY = re.compile(r"^(\d{1,3}\s*、\s*)*\d{1,3}\s*、?$")
# One `heading page` pair inside an untabbed run of the second text layer.
RUN_PAIR = re.compile(r"(?P<title>[^\s\d][^\d]*?)\s*(?P<pages>\d{1,3})(?=\s|$)")
# Markup the extraction left in (table cells of a layout detector).
MARKUP = re.compile(r"</?\w+[^>]*>")
_CJK = CJK_RE
# List and heading marks a layout detector put before a row (- 婚姻…, # 活力…).
LEAD_MARKS = re.compile(r"^[-#*>\s]+")


@dataclass
class PrintedHeading:
    title: str
    pages: list[int] = field(default_factory=list)
    line: int = 0
    layer: str = "cells"  # "cells" (tabbed rows) or "runs" (the untabbed repeat)


def find_start(lines: list[str]) -> int | None:
    """Index of the last line that opens a printed index (the 目录 near the
    front names it too, on a line of its own only at the back)."""
    starts = [i for i, l in enumerate(lines) if INDEX_TITLE.match(l)]
    return starts[-1] if starts else None


def parse(lines: list[str]) -> list[PrintedHeading]:
    start = find_start(lines)
    if start is None:
        return []
    body = [(i + 1, unicodedata.normalize("NFKC", MARKUP.sub(" ", l))) for i, l in enumerate(lines) if i > start]
    wrap = _wrap_width(body)
    found: list[PrintedHeading] = []
    pending: dict[int, PrintedHeading] = {}  # per column: a heading whose text went on
    for lineno, line in body:
        cells = [c.strip() for c in line.split("\t")]
        last = None  # the heading of this line's previous cell: a page-only cell is its page
        for k, cell in enumerate(cells):
            column = 0 if k == 0 else 1  # the left column is the line's first cell
            if not cell or not _CJK.search(cell) and not PAGES_ONLY.match(cell):
                continue  # letter bars (A, B …) and stray marks
            if _is_run(cell):
                found += [PrintedHeading(t, p, lineno, "runs") for t, p in _run_pairs(cell)]
                continue
            if PAGES_ONLY.match(cell):
                # also the end of a wrapped heading (推动会\t66), which began on an earlier line
                if last is not None and not last.pages:
                    last.pages = _pages(cell)
                    pending = {c: h for c, h in pending.items() if h is not last}  # it ends here
                continue
            m = CELL.match(cell)
            title, pages = LEAD_MARKS.sub("", m.group("title")).strip(), _pages(m.group("pages") or "")
            if column in pending:  # the rest of a wrapped heading
                head = pending.pop(column)
                head.title += title
                head.pages = pages
                if not pages and _width(title) >= wrap:
                    pending[column] = head
            else:
                head = PrintedHeading(title, pages, lineno)
                found.append(head)
                if not pages and _width(head.title) >= wrap:
                    pending[column] = head
            last = head
            if pages and k + 1 < len(cells) and PAGES_ONLY.match(cells[k + 1] or "-") and (m.group("pages") or "").rstrip().endswith("、"):
                head.pages += _pages(cells[k + 1])
    return _dedupe(found)


def _wrap_width(body: list[tuple[int, str]]) -> int:
    """Length from which a page-less cell is a heading the column wrapped:
    the column's full width, read off the longest cells of the index."""
    lengths = sorted(_width(c) for _, l in body for c in l.split("\t") if _CJK.search(c) and not _is_run(c))
    if not lengths:
        return 99
    return max(8, round(lengths[int(len(lengths) * 0.98)] * 0.9))


def _width(cell: str) -> int:
    """Printed width in characters, page numbers and spaces aside."""
    return len(re.sub(r"[\s\d、]", "", cell))


def _is_run(cell: str) -> bool:
    """An untabbed `heading page heading page …` run holds several numbers."""
    return len(re.findall(r"(?<!\d)\d{1,3}(?!\d)", cell)) >= 3 and len(cell) > 30


def _run_pairs(cell: str) -> list[tuple[str, list[int]]]:
    out = []
    for m in RUN_PAIR.finditer(cell):
        title = m.group("title").strip(" .。、")
        if len(_CJK.findall(title)) >= 2:
            out.append((title, [int(m.group("pages"))]))
    return out


def _pages(text: str) -> list[int]:
    return [int(p) for p in re.findall(r"\d{1,3}", text)]


def _dedupe(found: list[PrintedHeading]) -> list[PrintedHeading]:
    """One heading per normalised title; the tabbed rows win over the runs.
    The runs are a noisy second reading of the page, repeated several times:
    a pair counts only when two lines of runs agree on it."""
    lines_of: dict[str, set[int]] = {}
    for h in found:
        if h.layer == "runs":
            lines_of.setdefault(norm_heading(h.title), set()).add(h.line)
    found = [h for h in found if h.layer == "cells" or len(lines_of[norm_heading(h.title)]) >= 2]
    out: dict[str, PrintedHeading] = {}
    for h in sorted(found, key=lambda h: h.layer != "cells"):
        key = norm_heading(h.title)
        if len(_CJK.findall(key)) < 2:
            continue
        if key not in out:
            out[key] = h
        elif not out[key].pages:
            out[key].pages = h.pages
    return sorted(out.values(), key=lambda h: h.line)


@dataclass
class Coverage:
    printed: int  # distinct headings parsed from the printed index
    present: int  # of those, headings our 条目索引 has
    linked_to_printed_page: int  # present headings with a locator on a printed page
    with_pages: int  # present headings whose printed row kept a page number
    missing: list[str]

    def as_dict(self) -> dict:
        return {
            "printed_headings": self.printed,
            "present": self.present,
            "present_share": round(self.present / self.printed, 4) if self.printed else None,
            "present_with_printed_page": self.with_pages,
            "locator_on_printed_page": self.linked_to_printed_page,
            "missing": self.missing,
        }


def coverage(printed: list[PrintedHeading], headings) -> Coverage:
    """How many printed headings our index has (same normalised title), and
    for how many one of ours sits on the page the book printed (±1, as
    an entry's first page and the index's page may differ by a page turn)."""
    ours = {norm_heading(h.title): h for h in headings}
    present = linked = with_pages = 0
    missing = []
    for p in printed:
        h = ours.get(norm_heading(p.title))
        if h is None:
            missing.append(p.title)
            continue
        present += 1
        if p.pages:
            with_pages += 1
            have = {int(n) for l in h.locators for n in re.findall(r"\d+", l.pages)}
            if any(abs(a - b) <= 1 for a in p.pages for b in have):
                linked += 1
    return Coverage(len(printed), present, linked, with_pages, missing)


def median_width(printed: list[PrintedHeading]) -> float:
    return statistics.median(len(p.title) for p in printed) if printed else 0.0
