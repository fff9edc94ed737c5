"""The book's own finding aids: the 目录 (contents, at the front) and the
条目索引 (entry index, at the back), parsed into titles with printed pages.

Both are printed in two columns; the extraction joins a line of each column
with a tab and wraps long titles over two or three lines, the page number
standing on the last of them ("常委会专题协商会议建言提升发展质效 建设" /
"经济强区119"). Titles whose cell has no page are kept as titles (the
extraction lost some page numbers) and also joined with the next cell of the
same column, so a wrapped title is known in its whole form.

These lists are the ground truth the structure stage repairs headings against
and takes printed pages from; `check` compares the recovered outline with them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Line
from ..text import CJK
from .shapes import norm
from .slips import SlipIndex

# The heading of the contents: 目录 / 目  录.
TOC_TITLE = re.compile(r"^目\s*录$")
# The heading of the entry index at the back.
INDEX_TITLE = "条目索引"
# A printed page locator at the end of a cell: "概况 56", "优化营商环境112、 186".
PAGE_TAIL = re.compile(r"\s*(\d{1,3}(?:\s*、\s*\d{1,3})*)\s*、?\s*$")
# The extraction's debris after a page number in a scrambled 目录 column:
# "社区建设30)0", "河湖林长29) 5". The title ends before it; the digits are
# no reliable page.
GARBLED_TAIL = re.compile(r"[\s\d)）°>|\]]*\d[\s\d)）°>|\]]*$")
# A page digit of the other column glued before a title: "5 河湖林长".
STRAY_LEAD = re.compile(f"^\\d{{1,3}}\\s+(?=[{CJK}])")
# A cell longer than this is not one title: the extraction read a stretch of
# the index (or a second, garbled text layer of it) as one line, e.g.
# "机关食堂 115 康复服务 157 …". The longest real title of the sample is 45.
MAX_CELL = 60
# A cell that is only a page number (the title's last line held no digits).
PAGE_ONLY = re.compile(r"^\d{1,3}$")
# A title fragment may be joined with at most this many following lines.
MAX_WRAP_LINES = 3
_HAS_CJK = re.compile(f"[{CJK}]")


@dataclass
class IndexItem:
    """One title of the 目录 or 条目索引, with its printed page(s)."""

    key: str  # norm() of the title
    text: str  # the title as printed (spaces kept)
    pages: list[int]
    source: str  # "toc" or "index"
    line: int
    joined: bool = False  # put together from a title wrapped over lines
    group: int = 0  # items read from one cell (a title and its wrapped forms) share a group
    col: int = 0  # printed column (0 left, 1 right) of a two-column page
    run: int = 0  # which run of two-column lines (a printed page, roughly) it came from


@dataclass
class BookIndex:
    """Every title the book's 目录 and 条目索引 know, with pages."""

    items: list[IndexItem] = field(default_factory=list)
    cells: int = 0  # cells read so far; numbers the groups
    dropped_pages: list = field(default_factory=list)  # (title, pages) contradicting reading order
    skipped_lines: list = field(default_factory=list)  # garbled lines of the 目录/索引, not read
    # The items by key and the answers of `pages`, kept while `items` grows no
    # further: the structure stage asks about each heading several times, and
    # a scan of every item per question made it quadratic in the book's size.
    _by_key: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _pages: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _keys: set = field(default_factory=set, init=False, repr=False, compare=False)
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)
    _slips: SlipIndex | None = field(default=None, init=False, repr=False, compare=False)
    _slips_of: int = field(default=-1, init=False, repr=False, compare=False)

    def add(self, item: IndexItem) -> None:
        item.group = self.cells
        self.items.append(item)

    def _lookup(self) -> dict[str, list[IndexItem]]:
        """The items of each key, in the order of `items`."""
        if self._indexed != len(self.items):
            self._by_key, self._pages = {}, {}
            for i in self.items:
                self._by_key.setdefault(i.key, []).append(i)
            self._keys = {i.key for i in self.items}
            self._indexed = len(self.items)
        return self._by_key

    @property
    def keys(self) -> set[str]:
        """Every title key (one set, shared: read it, do not change it)."""
        self._lookup()
        return self._keys

    def slips(self) -> SlipIndex:
        """The keys indexed for OCR-slip questions (slips.repair_candidates
        among every key), kept while `items` grows no further."""
        if self._slips_of != len(self.items):
            self._slips, self._slips_of = SlipIndex(self.keys), len(self.items)
        return self._slips

    def __getstate__(self) -> dict:
        # The slip tables are the structure stage's working state, rebuilt on
        # demand: a cached or returned Volume does not carry them.
        return dict(self.__dict__, _slips=None, _slips_of=-1)

    def printed(self, key: str) -> str | None:
        """The title as the book prints it in its 目录/索引 (first with a page)."""
        best = None
        for i in self._lookup().get(key, ()):
            if i.pages and not i.joined:
                return i.text
            best = best or i.text
        return best

    def spacing(self, key: str) -> str | None:
        """The title as printed on one line (a wrapped title lost its spaces
        at the wrap, so it cannot say which spaces are deliberate)."""
        for i in self._lookup().get(key, ()):
            if not i.joined:
                return i.text
        return None

    def pages(self, key: str, source: str | None = None, raw: bool = False) -> list[list[int]]:
        """Every distinct page list given for a title (by the index, the 目录 or
        both), without those cut short by the extraction unless `raw`."""
        items = self._lookup().get(key, ())
        answer = self._pages.get((key, source, raw))
        if answer is None:
            out: list[list[int]] = []
            for i in items:
                if i.pages and (source is None or i.source == source) and i.pages not in out:
                    out.append(i.pages)
            answer = self._pages[key, source, raw] = out if raw else [p for p in out if not any(_truncated(p, q) for q in out)]
        return list(answer)

    def toc_sequence(self) -> list[IndexItem]:
        """目录 items with a page, in printed reading order: a page's left
        column before its right one (the extraction interleaves them line by
        line), for alignment with the body."""
        toc = [i for i in self.items if i.source == "toc" and i.pages and not i.joined]
        return sorted(toc, key=lambda i: (i.run, i.col, i.line))


# The 目录 has ended after this many non-empty lines in a row that are
# neither two-column cells nor end in a page number (the body has begun).
TOC_END_MISSES = 4


def toc_end(lines: list[Line]) -> int:
    """Index of the first line after the 目录 (0 without one): the first
    break line, or the first of TOC_END_MISSES lines in a row that hold no
    cell of a contents list (no tab, no page number at the end)."""
    start = next((i for i, l in enumerate(lines) if TOC_TITLE.match(l.text.strip())), None)
    if start is None:
        return 0
    misses, first_miss, last_hit = 0, None, start
    for i in range(start + 1, len(lines)):
        t = lines[i].text.strip()
        if lines[i].kind == "break":
            return i
        if not t:
            continue
        if "\t" in t or PAGE_TAIL.search(t):
            misses, last_hit = 0, i
            continue
        if misses == 0:
            first_miss = i
        misses += 1
        if misses >= TOC_END_MISSES:
            return first_miss
    return last_hit + 1


def parse_finding_aids(lines: list[Line]) -> BookIndex:
    """Collect the 目录 and 条目索引 of a book from its repaired lines."""
    book = BookIndex()
    source = None
    pending: dict[int, list[tuple[str, int]]] = {}
    run, in_run = 0, False
    end = toc_end(lines)
    for k, line in enumerate(lines):
        t = line.text.strip()
        if source == "toc" and k >= end:
            source = None  # the 目录 ends where the body begins
        if TOC_TITLE.match(t):
            source, pending = "toc", {}
            continue
        if t == INDEX_TITLE:
            source, pending = "index", {}
            continue
        if source is None or not t or line.kind == "break":
            if line.kind == "break" and source == "toc":
                source = None  # the 目录 ends where the first 篇 opens
            continue
        two_columns = "\t" in t
        if two_columns != in_run:
            run, in_run = run + 1, two_columns
        cells = [c.strip() for c in t.split("\t")]
        if any(len(c) > MAX_CELL for c in cells):
            book.skipped_lines.append(line.lineno)
            continue
        col = 0
        for k, cell in enumerate(cells):
            if not cell:
                col += 1  # an empty left cell: the title stands in the right column
                continue
            if PAGE_ONLY.match(cell) and k > 0 and cells[k - 1] and not PAGE_TAIL.search(cells[k - 1]):
                col -= 1  # "城区管理\t277": the page of the title just before, in its own cell
            before = len(book.items)
            _take_cell(book, pending, col, cell, source, line.lineno)
            for item in book.items[before:]:
                item.col, item.run = min(col, 1), run
            col += 1
    return book


def _take_cell(book: BookIndex, pending: dict, col: int, cell: str, source: str, lineno: int) -> None:
    book.cells += 1
    frags = pending.setdefault(col, [])
    if PAGE_ONLY.match(cell):
        if frags:
            _emit(book, frags, [int(cell)], source)
            frags.clear()
        return
    cell = STRAY_LEAD.sub("", cell)
    m = PAGE_TAIL.search(cell)
    title = cell[: m.start()].strip() if m else cell
    pages = [int(p) for p in re.findall(r"\d+", m.group(1))] if m else []
    pages = [p for p in pages if 0 < p < 1000]
    g = GARBLED_TAIL.search(title)
    if g and re.search(f"[{CJK}]", title[: g.start()]):
        title, pages = _balance(title[: g.start()].strip(), title[g.start():]), []
    if not _HAS_CJK.search(title):
        return
    if frags:
        # a wrapped title: the earlier fragments and this one, with this page
        # (this fragment alone is added just below, once)
        _emit(book, frags + [(title, lineno)], pages, source, last_alone=False)
    book.add(IndexItem(norm(title), title, pages, source, lineno))
    if pages:
        frags.clear()
    else:
        frags.append((title, lineno))
        del frags[:-MAX_WRAP_LINES]


def _emit(book: BookIndex, frags: list[tuple[str, int]], pages: list[int], source: str, last_alone: bool = True) -> None:
    """The forms of a title wrapped over `frags`: every run of fragments ending
    at the last one; the last fragment alone only with `last_alone`."""
    for start in range(len(frags) - (0 if last_alone else 1)):
        part = frags[start:]
        text = "".join(t for t, _ in part)
        if len(part) > 1 or pages:
            book.add(IndexItem(norm(text), text, pages, source, part[0][1], joined=len(part) > 1))


def _balance(title: str, tail: str) -> str:
    """Give back a closing bracket the garbled tail took: 所(站 + ")0" → 所(站)."""
    for open_, close in (("(", ")"), ("（", "）")):
        if title.count(open_) > title.count(close) and close in tail:
            return title + close
    return title


def _truncated(short: list[int], full: list[int]) -> bool:
    """A page list the extraction cut short: [1] for [110], [28] for [285]."""
    return len(short) == len(full) and short != full and all(
        str(f).startswith(str(s_)) and len(str(f)) > len(str(s_)) or s_ == f for s_, f in zip(short, full)
    )
