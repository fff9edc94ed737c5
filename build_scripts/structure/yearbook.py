"""Stage 3, structure (yearbook): repaired lines → Volume of 篇 → 章 → 分目 → 条目.

Signals, all from the book itself:
- a running head (书眉) before a 篇's title page opens each 篇 (PART_BREAK);
- the 编辑说明 lists the 篇 names ("全书设置……24 篇");
- 【title】 opens a 条目; a short unpunctuated line before entries is a 章
  (a second one right after it, a 分目);
- the 条目索引 and 目录 give known titles (for parts written without 【】,
  such as 附录 and 人物·荣誉) and printed pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import AuditRecord, Block, Chapter, Entry, Line, Part, Volume, VolumeSpec
from ..repair import PART_BREAK
from ..slugs import SlugRegistry
from . import shapes
from .shapes import norm

_PART_LIST = re.compile(r"全书设置(.+?)(?:\d+|[一二三四五六七八九十]+)\s*个?篇")
_INDEX_TITLE = "条目索引"
_TOC_TITLE = re.compile(r"^目\s*录$")


@dataclass
class BookSignals:
    """What the book says about itself: its 篇 names, its known titles, pages."""

    part_names: list[str] = field(default_factory=list)
    known_titles: set[str] = field(default_factory=set)
    pages: dict[str, list[int]] = field(default_factory=dict)


def parse_yearbook(spec: VolumeSpec, lines: list[Line], audit: list[AuditRecord]) -> Volume:
    segments = _split_parts(lines)
    front = segments[0]
    signals = BookSignals(part_names=_part_names(front))
    for seg in segments:
        _collect_titles(seg, signals)
    volume = Volume(spec=spec, audit=audit)
    volume.front_matter = _front_matter(front)
    part_slugs = SlugRegistry(reserved=("index", "about", "data", "search", "assets"))
    for seg in segments[1:]:
        title, body = _take_part_title(seg, signals.part_names)
        part = Part(title=title, slug=part_slugs.take(title, "part"))
        _parse_part(part, body, signals)
        volume.parts.append(part)
    _assign_pages(volume, signals)
    return volume


# --- 篇 -------------------------------------------------------------------

def _split_parts(lines: list[Line]) -> list[list[Line]]:
    segments: list[list[Line]] = [[]]
    for line in lines:
        if line.text == PART_BREAK:
            segments.append([])
        else:
            segments[-1].append(line)
    return segments


def _part_names(front: list[Line]) -> list[str]:
    """The 篇 list of the 编辑说明: "全书设置特载、专文、……、索引 24 篇"."""
    text = " ".join(l.text for l in front)
    m = _PART_LIST.search(text)
    if not m:
        return []
    return [name.strip() for name in m.group(1).split("、") if name.strip()]


def _take_part_title(seg: list[Line], names: list[str]) -> tuple[str, list[Line]]:
    """The 篇 title opens the segment, sometimes spread over lines (专 / 文)."""
    keyed = {norm(n): n for n in names}
    content = [i for i, l in enumerate(seg) if l.text.strip()]
    acc = ""
    for k, i in enumerate(content[:4]):
        acc += norm(seg[i].text)
        if acc in keyed:
            return keyed[acc], seg[i + 1 :]
    if not content:
        return "（无题）", []
    first = content[0]
    return seg[first].text.strip(), seg[first + 1 :]


# --- what the book knows: 目录 and 条目索引 ---------------------------------

def _collect_titles(seg: list[Line], signals: BookSignals) -> None:
    """Titles and pages from the 目录 and 条目索引 cells (tab-separated columns)."""
    in_list = False
    for line in seg:
        t = line.text.strip()
        if _TOC_TITLE.match(t) or t == _INDEX_TITLE:
            in_list = True
            continue
        if not in_list or not t:
            continue
        for cell in t.split("\t"):
            cell = cell.strip()
            m = shapes.PAGE_TAIL.search(cell)
            title = cell[: m.start()] if m else cell
            key = norm(title)
            if len(key) < 2 or not re.search(f"[{shapes.CJK}]", key):
                continue
            signals.known_titles.add(key)
            if m:
                pages = [int(p) for p in re.findall(r"\d+", m.group(1))]
                signals.pages.setdefault(key, [])
                for p in pages:
                    if 0 < p < 1000 and p not in signals.pages[key]:
                        signals.pages[key].append(p)


def _assign_pages(volume: Volume, signals: BookSignals) -> None:
    """An entry takes the printed page(s) its title has in the index or 目录,
    when that title names one place only."""
    counts: dict[str, int] = {}
    for _, _, e in volume.entries():
        counts[norm(e.title)] = counts.get(norm(e.title), 0) + 1
    for _, _, e in volume.entries():
        key = norm(e.title)
        pages = signals.pages.get(key)
        if pages and counts[key] == 1 and len(pages) == 1:
            e.pages = list(pages)


# --- front matter ---------------------------------------------------------

def _front_matter(front: list[Line]) -> list[Block]:
    return [Block("pre" if "\t" in l.text else "p", l.text.strip(), l.lineno) for l in front if l.text.strip()]


# --- inside a 篇 ----------------------------------------------------------

def _content_lines(body: list[Line]) -> list[Line]:
    """Non-empty lines, with entries run together in one line split apart."""
    out: list[Line] = []
    for line in body:
        t = line.text.strip()
        if not t:
            continue
        pieces = shapes.ENTRY_RUN_IN.split(t)
        for piece in pieces:
            if piece.strip():
                out.append(Line(piece.strip(), line.file, line.lineno))
    return out


def _parse_part(part: Part, body: list[Line], signals: BookSignals) -> None:
    lines = _content_lines(body)
    if any(shapes.MONTH.match(l.text) for l in lines) and sum(bool(shapes.DAY.match(l.text)) for l in lines) > 20:
        _parse_chronicle(part, lines)
    elif any(shapes.ENTRY_OPEN.match(l.text) for l in lines):
        _parse_bracketed(part, lines, signals)
    else:
        _parse_titled(part, lines, signals)


class _Builder:
    """Collects chapters and entries of one 篇, with page-unique anchors."""

    def __init__(self, part: Part) -> None:
        self.part = part
        self.chapter: Chapter | None = None
        self.entry: Entry | None = None
        self.section: str | None = None
        self._chapter_slugs = SlugRegistry(reserved=("index",))
        self._anchors: SlugRegistry | None = None

    def open_chapter(self, title: str | None) -> None:
        slug = self._chapter_slugs.take(title, "chapter") if title else ""
        self.chapter = Chapter(title=title, slug=slug)
        self.part.chapters.append(self.chapter)
        self._anchors = SlugRegistry(reserved=("top",))
        self.entry = None
        self.section = None

    def open_entry(self, title: str, line: Line) -> Entry:
        if self.chapter is None:
            self.open_chapter(None)
        entry = Entry(title=title, file=line.file, line=line.lineno, section=self.section)
        entry.anchor = self._anchors.take(title, "entry")
        self.chapter.entries.append(entry)
        self.entry = entry
        return entry

    def add(self, block: Block, line: Line, untitled: str) -> None:
        if self.entry is None:
            self.open_entry(untitled, line)
        self.entry.blocks.append(block)


def _add_text(b: _Builder, line: Line, untitled: str) -> None:
    """A body line: a caption, a source note, a table row or a paragraph."""
    t = line.text
    if shapes.CREDIT.match(t) or shapes.NAME_CREDIT.match(t):
        prev = b.entry.blocks[-1] if b.entry and b.entry.blocks else None
        if prev is not None and prev.kind == "p" and _looks_like_caption(prev.text):
            prev.kind = "caption"
            prev.text = f"{prev.text} {t}"
        elif prev is not None and prev.kind == "caption" and not shapes.TRAILING_CREDIT.search(prev.text):
            prev.text = f"{prev.text} {t}"
        elif b.entry is not None:
            b.entry.source = t if not b.entry.source else f"{b.entry.source} {t}"
        else:
            b.add(Block("p", t, line.lineno), line, untitled)
        return
    if shapes.DATED.match(t) and shapes.TRAILING_CREDIT.search(t) and len(t) < 120:
        b.add(Block("caption", t, line.lineno), line, untitled)
        return
    kind = "table" if "\t" in t else "p"
    b.add(Block(kind, t, line.lineno), line, untitled)


def _looks_like_caption(text: str) -> bool:
    return bool(shapes.DATED.match(text)) and len(text) < 100 and not text.endswith("。")


def _parse_bracketed(part: Part, lines: list[Line], signals: BookSignals) -> None:
    """Parts written as 【title】 entries under 章 headings."""
    b = _Builder(part)
    for i, line in enumerate(lines):
        t = line.text
        m = shapes.ENTRY_OPEN.match(t)
        if m:
            entry = b.open_entry(m.group(1).strip(), line)
            rest = t[m.end() :].strip()
            if rest:
                _add_text(b, Line(rest, line.file, line.lineno), entry.title)
            continue
        if _is_chapter_heading(lines, i, signals):
            nxt = lines[i + 1].text if i + 1 < len(lines) else ""
            prev_heading = i > 0 and _is_chapter_heading(lines, i - 1, signals) and b.entry is None
            if prev_heading and b.chapter is not None and not b.chapter.entries:
                b.section = t  # a heading right under a 章 heading is a 分目
            else:
                b.open_chapter(t)
            continue
        _add_text(b, line, b.chapter.title if b.chapter and b.chapter.title else part.title)


def _is_chapter_heading(lines: list[Line], i: int, signals: BookSignals) -> bool:
    t = lines[i].text
    if not shapes.is_heading_shape(t):
        return False
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    if shapes.ENTRY_OPEN.match(nxt):
        return True
    if norm(t) in signals.known_titles and (shapes.is_heading_shape(nxt) or shapes.ENTRY_OPEN.match(nxt)):
        return True
    return False


def _parse_titled(part: Part, lines: list[Line], signals: BookSignals) -> None:
    """Parts without 【】: speeches, articles, lists and tables. A line opens an
    entry when the book's index/目录 knows it as a title, or when a speaker or
    subtitle line follows it."""
    b = _Builder(part)
    b.open_chapter(None)
    for i, line in enumerate(lines):
        t = line.text
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        titled = shapes.is_heading_shape(t) and (
            norm(t) in signals.known_titles
            or shapes.SPEAKER.match(nxt)
            or shapes.SUBTITLE.match(nxt)
            or t.endswith("名词解释")
            or t == _INDEX_TITLE
        )
        if titled and norm(t) != norm(part.title):
            b.open_entry(t, line)
            continue
        _add_text(b, line, part.title)


def _parse_chronicle(part: Part, lines: list[Line]) -> None:
    """大事记: a 章 per month, a 条目 per dated event; 同日 takes the date of the
    event before it."""
    b = _Builder(part)
    month = None
    day = None
    for line in lines:
        t = line.text
        m = shapes.MONTH.match(t)
        if m:
            month = int(m.group(1))
            day = None
            b.open_chapter(f"{month}月")
            continue
        d = shapes.DAY.match(t)
        if d and month is not None:
            if d.group(1):
                day = int(d.group(1))
            title = f"{month}月{day}日" if day else f"{month}月{d.group(0).strip()}"
            entry = b.open_entry(title, line)
            entry.blocks.append(Block("p", t, line.lineno))
            continue
        if month is None:
            _add_text(b, line, part.title)
        else:
            _add_text(b, line, f"{month}月")
