"""A volume's cover data and the citation of its entries (版权页 · 引用).

The cover data (题名, 编者, 出版地, 出版者, 年, ISBN) come from the manifest;
what it leaves out is read from the book's own 图书在版编目（CIP）数据, whose
imprint line has a fixed shape (GB/T 12451: 出版地：出版者，出版年) and
which carries the ISBN. Every printed Chinese book has one, so no rule here is
specific to one book.

An entry's citation follows GB/T 7714-2015 for a 析出文献 (a contribution in
a book), electronic edition ([M/OL]):

    析出题名[M/OL]//主要责任者. 专著题名. 出版地: 出版者, 出版年: 页码[引用日期]. 获取和访问路径.

The build writes everything up to the page; the reader's browser adds the
access date and the URL (assets/javascripts/cite.js), which only it knows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Block, Volume
from .text import CJK

# The CIP imprint: 出版地：出版者，出版年 (full-width or ASCII colon/comma).
_IMPRINT = re.compile(rf"(?:^|\s)([{CJK}]{{2,8}})\s*[:：]\s*([^,，:：\s][^,，:：]{{1,40}}?)\s*[,，]\s*((?:19|20)\d\d)")
# An ISBN-13 or ISBN-10 as printed (hyphens optional).
_ISBN = re.compile(r"ISBN\s*[:：]?\s*((?:97[89][- ]?)?(?:\d[- ]?){9}[\dXx])")
# GB/T 7714 marks information supplied by the cataloguer (not printed on the
# source) with square brackets: an unknown place or publisher, an estimated page.
PLACE_UNKNOWN = "[出版地不详]"
PUBLISHER_UNKNOWN = "[出版者不详]"


@dataclass(frozen=True)
class Cover:
    """What a title page and CIP block say about a volume (版权页)."""

    title: str
    editor: str | None
    publisher: str | None
    place: str | None
    year: int
    isbn: str | None


def cover_of(volume: Volume) -> Cover:
    spec = volume.spec
    text = "\n".join(b.text for b in volume.front_matter if isinstance(b, Block))
    place, publisher = spec.place, spec.publisher or None
    imprint = _IMPRINT.search(text)
    if imprint and (publisher is None or imprint.group(2).strip() == publisher):
        place = place or imprint.group(1)
        publisher = publisher or imprint.group(2).strip()
    isbn = spec.isbn
    if isbn is None:
        m = _ISBN.search(text)
        isbn = m.group(1).replace(" ", "") if m else None
    return Cover(spec.title, spec.editor, publisher, place, spec.year, isbn)


def pages_of(pages: list[int], estimated: bool) -> str:
    """Pages for a citation: ranges of consecutive pages as 57-58, several
    ranges comma-separated; an estimated page in brackets ([57])."""
    if not pages:
        return ""
    runs: list[list[int]] = []
    for p in sorted(set(pages)):
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    return f"[{text}]" if estimated else text


def citation(cover: Cover, title: str, pages: list[int], estimated: bool = False) -> str:
    """The citation of one entry without access date and URL:
    `概况[M/OL]//天津市河西区档案馆. 天津市河西年鉴（2024）. 郑州: 中州古籍出版社, 2024: 57`."""
    host = f"{cover.editor}. {cover.title}" if cover.editor else cover.title
    imprint = f"{cover.place or PLACE_UNKNOWN}: {cover.publisher or PUBLISHER_UNKNOWN}, {cover.year}"
    page = pages_of(pages, estimated)
    return f"{title}[M/OL]//{host}. {imprint}" + (f": {page}" if page else "")
