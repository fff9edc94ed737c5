"""Stage 4, render: Volume → Markdown pages, navigation and page URLs (渲染).

One page per 章 (a 篇 whose entries stand directly under it gets them on its
own index page). Every 条目 is a heading with an explicit id ({#anchor}) from
its title, so its URL does not move when other entries change.

All book text passes through `escape` first: a title or text that holds
Markdown or HTML control characters renders as the literal text.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import bulletin
from .cover import Cover, citation, cover_of
from .layout import SiteLayout, page_path, page_url  # noqa: F401 (page_path, page_url re-exported)
from .model import Block, Chapter, Entry, Part, Volume

# Characters Python-Markdown treats as markup anywhere in a line. `{` and `}`
# matter because attr_list reads a trailing {…} as attributes.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")
# Markup that only counts at the start of a line: lists, quotes, headings, rules.
# Groups: a marker Markdown lets us backslash (- + >), "=" (not escapable:
# written as an entity), a number before "." or ")" (the backslash goes before
# the punctuation: "1\." — "\1." would print the backslash).
_LINE_START = re.compile(r"^(\s*)(?:([-+>])|(=)|(\d+)([.)]))")


def _line_start(m: re.Match) -> str:
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    if m.group(3):
        return m.group(1) + "&#61;"
    return m.group(1) + m.group(4) + "\\" + m.group(5)


# Every character escape_inline changes: html.escape's & < > and _INLINE_SPECIAL's.
# Most book text holds none of them, and one search is cheaper than three
# replaces and a substitution (escape runs ≈ 35,000 times a build).
_ANY_SPECIAL = re.compile(r"[&<>\\`*_{}\[\]#|!]")


def escape(text: str) -> str:
    """Literal text for Markdown: HTML-escaped, markup characters backslashed."""
    return _LINE_START.sub(_line_start, escape_inline(text))


def escape_inline(text: str) -> str:
    """Literal text for a place inside a line (link text): no line-start rules."""
    if not _ANY_SPECIAL.search(text):
        return text
    return _INLINE_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


# The render hook for glossary marks (glossary/link.py): given the entry, a
# paragraph block and the page path, Markdown for that paragraph or None.
Mark = Callable[[Entry, Block, str], "str | None"]


@dataclass
class Page:
    """A generated Markdown page and where it sits in the navigation."""

    path: str  # relative to docs/, e.g. hexi-2024/te-zai/index.md
    title: str
    markdown: str


@dataclass
class RenderedVolume:
    pages: list[Page] = field(default_factory=list)
    nav: list = field(default_factory=list)
    # (part, chapter, entry, page url without fragment) in reading order
    placed: list[tuple[Part, Chapter, Entry, str]] = field(default_factory=list)


# The title of a yearbook's back-matter 篇 that reprints its printed index
# (索引, also spaced 索　引 by the typesetting): a finding aid for editors, kept
# on its own page but not in the reader's menu (see volume_home.py).
INDEX_PART = re.compile(r"^\s*索\s*引\s*$")


def is_index_part(part: Part) -> bool:
    return bool(INDEX_PART.match(part.title))


# A 大事记 day as an entry title: 1月6日, 3月1日至3日, 9月上旬, 10月内. A 章 whose
# entries are all days is a month of a chronicle (one heading per day, links
# between the months).
DAY_TITLE = re.compile(r"^\d{1,2}\s*月\s*(?:\d{1,2}\s*日(?:\s*[至—–-]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?|[上中下]旬|内|底|初)$")


def is_chronicle(chapter: Chapter) -> bool:
    return bool(chapter.entries) and all(DAY_TITLE.match(e.title) for e in chapter.entries)


def render_volume(volume: Volume, mark: Mark | None = None, site: SiteLayout | None = None) -> RenderedVolume:
    """The 篇 and 章 pages of a volume and its menu. The volume's home, its
    editors' page and its printable page are volume_home.py's. `site`: the
    build's layout (pipeline stage "layout"); by default this volume's own."""
    site = site or SiteLayout([volume])
    out = RenderedVolume()
    vid = volume.id
    cover = cover_of(volume)
    nav: list = [f"{vid}/index.md"]
    for part in volume.parts:
        part_nav: list = []
        has_index = any(c.title is None for c in part.chapters)
        if not has_index:
            path = f"{vid}/{part.slug}/index.md"
            out.pages.append(Page(path, part.title, _part_index(volume, part)))
            part_nav.append(path)
        for chapter in part.chapters:
            path = page_path(volume, part, chapter)
            title = chapter.title or part.title
            out.pages.append(Page(path, title, _chapter_page(volume, part, chapter, mark, cover, site)))
            part_nav.append(path if chapter.title is None else {chapter.title: path})
            for entry in chapter.entries:
                out.placed.append((part, chapter, entry, site.of(entry).hosted_page))
        if not is_index_part(part):
            nav.append({part.title: part_nav})
    out.nav = [{volume.spec.title: nav}]
    return out


def _part_index(volume: Volume, part: Part) -> str:
    lines = [f"# {escape(part.title)}", ""]
    if part.chapters and all(is_chronicle(c) for c in part.chapters):
        return "\n".join(lines + chronicle_index(part)) + "\n"
    for chapter in part.chapters:
        n = len(chapter.entries)
        lines.append(f"- [{escape(chapter.title or part.title)}]({chapter.slug}.md)（{n} 个条目）")
    return "\n".join(lines) + "\n"


def _chapter_page(
    volume: Volume, part: Part, chapter: Chapter, mark: Mark | None = None, cover: Cover | None = None,
    site: SiteLayout | None = None,
) -> str:
    site = site or SiteLayout([volume])
    path = page_path(volume, part, chapter)
    title = chapter.title or part.title
    lines = [f"# {escape(title)}", "", _breadcrumb(volume, part, chapter), "{: .breadcrumb }", ""]
    for key, label in (("publisher", "发布单位"), ("date", "发布日期")):
        if chapter.meta.get(key):
            lines += [f"{label}：{escape(chapter.meta[key])}", "{: .doc-meta }", ""]
    # An entry in a 分目 sits one level below the 分目's h2; an entry outside
    # any 分目 is the 分目s' sibling (h2), also when it follows one — else it
    # would read as part of the 分目 before it.
    if is_chronicle(chapter):
        lines += _month_bar(part, chapter)
    section = None
    day = None
    for entry in chapter.entries:
        if entry.section and entry.section != section:
            lines += [f"## {escape(entry.section)}", ""]
        section = entry.section
        # 大事记: the events of one day stand under one heading (the book
        # prints the date once, then 同日 …); each keeps its own anchor.
        same_day = is_chronicle(chapter) and entry.title == day
        day = entry.title
        lines += _entry(entry, "###" if entry.section else "##", mark, path, cover, heading=not same_day,
                        url=site.of(entry).url())
    if is_chronicle(chapter):
        lines += _month_bar(part, chapter)

    return "\n".join(lines) + "\n"


def _month_bar(part: Part, chapter: Chapter) -> list[str]:
    """大事记: links to every month of the chronicle, this one in bold."""
    items = []
    for other in part.chapters:
        if other is chapter:
            items.append(f"**{escape_inline(other.title or '')}**")
        elif other.title:
            items.append(f"[{escape_inline(other.title)}]({other.slug}.md)")
    return [f"{escape_inline(part.title)}各月：" + " · ".join(items), "{: .month-bar }", ""]


def chronicle_index(part: Part) -> list[str]:
    """大事记索引: the chronicle's days in date order, month by month, each a
    link to its events (the 条目索引 leaves dates out: see entry_index)."""
    lines = ["按日期排列的大事记索引：每月一行，点击日期即到当日大事。", ""]
    for chapter in part.chapters:
        days: list[str] = []
        seen: set[str] = set()
        for entry in chapter.entries:
            if entry.title in seen:
                continue
            seen.add(entry.title)
            count = sum(1 for e in chapter.entries if e.title == entry.title)
            label = escape_inline(entry.title) + (f"（{count} 件）" if count > 1 else "")
            days.append(f"[{label}]({chapter.slug}.md#{entry.anchor})")
        lines += [f"## [{escape_inline(chapter.title or part.title)}]({chapter.slug}.md)", "", " · ".join(days), "{: .chronicle-days }", ""]
    return lines


def _breadcrumb(volume: Volume, part: Part, chapter: Chapter) -> str:
    """面包屑: the volume and the 篇 as links (this page is the 章 or the 篇 itself)."""
    volume_link = f"[{escape_inline(volume.spec.title)}](../index.md)"
    if chapter.title is None:
        return f"{volume_link} › {escape_inline(part.title)}"
    return f"{volume_link} › [{escape_inline(part.title)}](index.md) › {escape_inline(chapter.title)}"


def printed_pages(entry: Entry) -> str:
    """原书第 N 页, or 原书约第 N 页（推算） when the page was estimated from the
    entries around it rather than read from the book's 目录/索引."""
    pages = "、".join(str(p) for p in entry.pages)
    if entry.pages_estimated:
        return f"原书约第 {pages} 页（据前后条目推算）"
    return f"原书第 {pages} 页"


def _entry_meta(entry: Entry, path: str, cover: Cover | None, anchor: bool = False, url: str = "") -> list[str]:
    """The line under an entry's heading: its printed page and the 引用本条
    button (raw HTML: a <button> has no Markdown form). With `anchor`, the
    line carries the entry's id (an entry without a heading of its own).
    `url`: the entry's hosted URL (its layout.Placement), by default from `path`."""
    parts = []
    if entry.pages:
        parts.append(f'<span class="entry-pages">{html.escape(printed_pages(entry))}</span>')
    if cover is not None:
        cite = html.escape(citation(cover, entry.title, entry.pages, entry.pages_estimated), quote=True)
        url = html.escape(url or f"{page_url(path)}#{entry.anchor}", quote=True)
        label = html.escape(f"引用本条：{entry.title}", quote=True)
        parts.append(
            f'<button type="button" class="cite-button" data-cite="{cite}" data-url="{url}" '
            f'aria-label="{label}">引用本条</button>'
        )
    ident = f' id="{html.escape(entry.anchor, quote=True)}"' if anchor else ""
    if not parts and not anchor:
        return []
    return [f'<p class="entry-meta"{ident}>{" ".join(parts)}</p>', ""]


def _entry(
    entry: Entry, level: str, marker: Mark | None = None, path: str = "", cover: Cover | None = None,
    heading: bool = True, url: str = "",
) -> list[str]:
    lines = [f"{level} {escape(entry.title)} {{#{entry.anchor} .entry}}", ""] if heading else []
    lines += _entry_meta(entry, path, cover, anchor=not heading, url=url)
    if bulletin.is_bulletin(entry):
        lines += bulletin.table(entry, escape_inline)
    # A numbered section heading's id extends the entry's (`<anchor>--1` …): its link (¶)
    # survives edits elsewhere on the page, as Python-Markdown's `_1`, `_2` … would not.
    lines += _blocks(entry.blocks, depth=len(level), mark=(lambda b: marker(entry, b, path)) if marker else None,
                     ids=entry.anchor)
    if entry.source:
        lines += [escape(entry.source), "{: .entry-source }", ""]
    return lines


def _blocks(blocks: list[Block], depth: int = 2, mark: Callable[[Block], "str | None"] | None = None,
            ids: str = "") -> list[str]:
    """Markdown of an entry's blocks. `depth` is the entry heading's level: a
    numbered section heading (Block.level ≥ 1) renders one level deeper per
    level the entry uses, at most h6; run-in sub-headings (level 0) stay bold
    paragraphs. `ids`: the entry's id, which the section headings' ids
    extend (`<ids>--1`, `--2` …; else Python-Markdown's own)."""
    lines: list[str] = []
    table: list[list[str]] = []
    # Numbered levels in use, in order: an entry whose first numbered heads
    # are （一） (level 2) with no 一、 gets them one level below its heading,
    # not two (headings never skip a level).
    rank = {lv: n for n, lv in enumerate(sorted({b.level for b in blocks if b.kind == "h" and b.level}), 1)}
    heads = 0
    for block in blocks + [Block("end", "")]:
        if block.kind == "table" and block.rows:
            if table:
                lines += _table(table)
                table = []
            lines += _table(block.rows)
            continue
        if block.kind in ("table", "pre") and "\t" in block.text:
            table.append([c.strip() for c in block.text.split("\t")])
            continue
        if table:
            lines += _table(table)
            table = []
        if block.kind == "end":
            break
        if block.kind == "h" and block.level:
            hashes = "#" * min(6, depth + rank[block.level])
            heads += 1
            ident = f"#{ids}--{heads} " if ids else ""
            lines += [f"{hashes} {escape(block.text)} {{: {ident}.section-head }}", ""]
        elif block.kind == "h":
            lines += [f"**{escape(block.text)}**", "{: .subhead }", ""]
        elif block.kind == "byline":
            lines += [escape(block.text), "{: .byline }", ""]
        elif block.kind == "note":
            lines += [escape(block.text), "{: .editor-note }", ""]
        elif block.kind == "list":
            lines += [f"- {escape(item)}" for item in (block.items or [])] + [""]
        elif block.kind == "caption":
            lines += [escape(block.text), "{: .caption }", ""]
        else:
            marked = mark(block) if mark and block.kind == "p" else None
            lines += [escape(block.text) if marked is None else marked, ""]
    return lines


def _table(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    out = ["| " + " | ".join(escape(c) for c in rows[0]) + " |", "|" + " --- |" * width]
    out += ["| " + " | ".join(escape(c) for c in r) + " |" for r in rows[1:]]
    return out + [""]
