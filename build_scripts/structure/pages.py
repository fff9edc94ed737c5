"""Printed page numbers of the entries (原书页码).

Sources, from most to least certain:
1. the 条目索引 / 目录 give the title one page list, and the book has that
   title once;
2. the 目录 in printed order: aligning its sequence of titles with the
   recovered sequence of entries places titles that occur many times (概况);
3. the first entry of a 章 (or 分目) starts on the page the 目录 gives it;
4. pages only ever grow in reading order: a page that contradicts the
   longest non-decreasing run of the entries' pages is a misread number in
   the 目录/索引 ("综 述1" for 103) and is dropped (listed for `check`);
5. an entry between two entries whose pages are known and at most one page
   apart starts on the first of them: derived, so `pages_estimated` is set.
Nothing else: a page is never guessed across a wider gap.
"""
from __future__ import annotations

import difflib

from ..model import Volume
from .shapes import norm
from .toc_index import BookIndex

# Neighbours may bracket an entry only this many pages apart: within one page
# the entry must start on the first page or the next; wider gaps are guesses.
MAX_BRACKET_GAP = 1


def assign_pages(volume: Volume, index: BookIndex) -> None:
    entries = [e for _, _, e in volume.entries()]
    if any(e.pages for e in entries):
        # The extraction kept the printed page numbers (structure put them on
        # the entries): exact, better than any finding aid.
        return
    counts: dict[str, int] = {}
    for e in entries:
        counts[norm(e.title)] = counts.get(norm(e.title), 0) + 1
    for e in entries:
        options = index.pages(norm(e.title))
        if counts[norm(e.title)] == 1 and len(options) == 1:
            e.pages = list(options[0])
    _align_with_toc(volume, index)
    for part in volume.parts:
        for chapter in part.chapters:
            if chapter.title and chapter.entries and not chapter.entries[0].pages:
                options = index.pages(norm(chapter.title))
                if len(options) == 1 and len(options[0]) == 1:
                    chapter.entries[0].pages = list(options[0])
            section = None
            for e in chapter.entries:
                # the first entry of a 分目 starts on the page the 目录/索引 give the 分目
                if e.section and e.section != section and not e.pages:
                    options = index.pages(norm(e.section))
                    if len(options) == 1 and len(options[0]) == 1:
                        e.pages = list(options[0])
                section = e.section
    for e in _out_of_order(entries):
        index.dropped_pages.append((e.title, e.pages))
        e.pages = []
    _bracket(entries)


def _out_of_order(entries) -> list:
    """Entries whose first page breaks the longest non-decreasing sequence of
    first pages in reading order (patience sorting, O(n log n))."""
    import bisect

    placed = [(i, min(e.pages)) for i, e in enumerate(entries) if e.pages]
    tails: list[int] = []  # smallest tail page of a run of each length
    tail_at: list[int] = []  # index into placed of that tail
    parent = [-1] * len(placed)
    for k, (_, page) in enumerate(placed):
        pos = bisect.bisect_right(tails, page)
        if pos == len(tails):
            tails.append(page)
            tail_at.append(k)
        else:
            tails[pos] = page
            tail_at[pos] = k
        parent[k] = tail_at[pos - 1] if pos else -1
    keep = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(k)
        k = parent[k]
    return [entries[placed[k][0]] for k in range(len(placed)) if k not in keep]


def _align_with_toc(volume: Volume, index: BookIndex) -> None:
    """The 目录 lists 篇, 章, 分目 and 条目 in book order; so does the recovered
    outline. Runs of titles both have in the same order carry the 目录's pages
    over to the entries (a lone common title such as 概况 does not)."""
    toc = index.toc_sequence()
    outline: list[tuple[str, object]] = []
    for part in volume.parts:
        outline.append((norm(part.title), None))
        for chapter in part.chapters:
            if chapter.title:
                outline.append((norm(chapter.title), None))
            section = None
            for e in chapter.entries:
                if e.section and e.section != section:
                    section = e.section
                    outline.append((norm(section), None))
                outline.append((norm(e.title), e))
    entries = [e for _, e in outline]
    a = [k for k, _ in outline]
    b = [i.key for i in toc]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for block in matcher.get_matching_blocks():
        # single-title matches of a common title (概况) are chance; runs are not
        if block.size < 2:
            continue
        for k in range(block.size):
            e = entries[block.a + k]
            if e is not None and not e.pages:
                e.pages = list(toc[block.b + k].pages)


def _bracket(entries) -> None:
    known = [i for i, e in enumerate(entries) if e.pages and not e.pages_estimated]
    for left, right in zip(known, known[1:]):
        p1, p2 = max(entries[left].pages), min(entries[right].pages)
        if right - left < 2 or not 0 <= p2 - p1 <= MAX_BRACKET_GAP:
            continue
        for i in range(left + 1, right):
            entries[i].pages = [p1]
            entries[i].pages_estimated = True
