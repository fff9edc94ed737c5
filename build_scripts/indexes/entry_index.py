"""The 条目索引: every 条目 and every 篇/章/分目 heading in pinyin order.

Unlike the printed index, which lists a selection of entries with a page
number, this one lists every heading of the structured book and makes each
locator a link to its anchor, still showing the printed page. A heading that
occurs in many places (概况 opens most 章) is one index heading whose
locators name their 章.
"""
from __future__ import annotations

from ..render import DAY_TITLE
from ..structure.shapes import NUMBERED
from .headings import Heading, Locator, entry_locator, merge, qualify
from .locators import Target, pages_label

KIND_ENTRY, KIND_PART, KIND_CHAPTER, KIND_SECTION = "条目", "篇", "章", "分目"


def build(targets: list[Target]) -> list[Heading]:
    """Headings of the 条目索引, sorted, merged and qualified."""
    raw: list[Heading] = []
    seen_parts, seen_chapters, seen_sections = set(), set(), set()
    for t in targets:
        if is_heading(t.entry.title):
            raw.append(Heading(t.entry.title, [entry_locator(t)], KIND_ENTRY))
        part_key = (t.volume.id, t.part.slug)
        if part_key not in seen_parts:
            seen_parts.add(part_key)
            raw.append(_part_heading(t, targets))
        chapter_key = part_key + (t.chapter.slug,)
        if t.chapter.title and chapter_key not in seen_chapters:
            seen_chapters.add(chapter_key)
            raw.append(_chapter_heading(t, targets))
        section_key = chapter_key + (t.entry.section,)
        if t.entry.section and section_key not in seen_sections:
            seen_sections.add(section_key)
            # A 分目 heading has no id of its own on the page: point to its
            # first 条目, which follows the 分目 heading directly.
            loc = entry_locator(t, label=f"{t.chapter.title or t.part.title}")
            loc.kind = "section"
            raw.append(Heading(t.entry.section, [loc], KIND_SECTION))
    headings = merge(raw)
    for h in headings:
        qualify(h)
    return headings


def is_heading(title: str) -> bool:
    """Whether an entry's title is an index heading. Not: a 大事记 day
    (1月6日: a date, listed in the chronicle's own index by date, see
    volume_home.chronicle_index) and a report's numbered section title
    (八、积极引导…: a sentence under its ordinal, which would file it under 八 B)."""
    return not (DAY_TITLE.match(title) or NUMBERED.match(title))


def _first_pages(members: list[Target]) -> str:
    pages = [p for t in members for p in t.entry.pages]
    return pages_label([min(pages)]) if pages else ""


def _part_heading(first: Target, targets: list[Target]) -> Heading:
    members = [t for t in targets if t.volume is first.volume and t.part is first.part]
    path = f"{first.volume.id}/{first.part.slug}/index.md"
    url = path[: -len("index.md")]
    label = first.volume.spec.title
    loc = Locator(path, None, url, label, _first_pages(members), None, "part", first.order)
    return Heading(first.part.title, [loc], KIND_PART)


def _chapter_heading(first: Target, targets: list[Target]) -> Heading:
    members = [t for t in targets if t.chapter is first.chapter]
    url = first.url.split("#")[0]
    label = first.part.title
    loc = Locator(first.path, None, url, label, _first_pages(members), None, "chapter", first.order)
    return Heading(first.chapter.title, [loc], KIND_CHAPTER)


def reachable(headings: list[Heading]) -> set[str]:
    """Entry ids the index links to (every 条目 with a heading-shaped title)."""
    return {l.entry for h in headings for l in h.locators if l.entry and l.kind == "entry"}


__all__ = ["build", "reachable", "pages_label"]
