"""Index headings and their locators (索引款目与出处), shared by every index.

A `Heading` is one line of an index: the word a reader looks up, and the
places (`Locator`s) it points to. Headings are merged by their normalised
form, so the same title spelt with or without the extraction's stray spaces
is one heading.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .collation import group_of, pinyin_of, sort_key
from .locators import Target, pages_label

# Characters that do not make two headings different: spaces, quotation
# marks, the middle dot variants the extraction mixes.
_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉]")


def norm_heading(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


@dataclass
class Locator:
    """One place a heading points to: a page, and the anchor on it (None for
    the top of the page)."""

    path: str  # page relative to docs/
    anchor: str | None
    url: str  # site-relative URL (directory URLs), like entries.json's url
    label: str  # what tells this place apart from the heading's others (its 章)
    pages: str = ""  # printed pages as shown, e.g. 63 or 76–77
    entry: str | None = None  # entries.json id of the 条目, when it is one
    kind: str = "entry"  # entry | part | chapter | section
    order: int = 0  # reading order, for listing a heading's places
    context: str = ""  # the wider place (the 篇), used when labels repeat

    def as_dict(self) -> dict:
        return {"url": self.url, "label": self.label, "pages": self.pages, "entry": self.entry, "kind": self.kind}


@dataclass
class Heading:
    title: str
    locators: list[Locator] = field(default_factory=list)
    kind: str = ""  # what the heading is (条目/篇/章/分目, 人名 …), shown as a tag
    see_also: list[str] = field(default_factory=list)  # other headings of the same index (参见)

    @property
    def group(self) -> str:
        return group_of(self.title)

    def as_dict(self) -> dict:
        return {
            "heading": self.title,
            "pinyin": pinyin_of(self.title),
            "group": self.group,
            "kind": self.kind,
            "locators": [l.as_dict() for l in self.locators],
            "see_also": list(self.see_also),
        }


def entry_locator(target: Target, label: str | None = None, with_title: bool = False) -> Locator:
    """A locator of one 条目, labelled by its 章 — and by its own title too
    (with_title) in indexes whose headings are not entry titles, so that a
    name's places read 重要会议 › 区委常委会扩大会议."""
    entry = target.entry
    if label is None:
        label = f"{target.place} › {entry.title}" if with_title else target.place
    return Locator(
        path=target.path,
        anchor=entry.anchor,
        url=target.url,
        label=label,
        pages=pages_label(entry.pages, entry.pages_estimated),
        entry=target.id,
        order=target.order,
        context=target.part.title if target.chapter.title else target.volume.spec.title,
    )


def merge(headings: list[Heading]) -> list[Heading]:
    """One heading per normalised title (the first spelling wins), sorted in
    index order, each heading's locators in reading order."""
    merged: dict[str, Heading] = {}
    for h in headings:
        key = norm_heading(h.title)
        if not key:
            continue
        if key in merged:
            have = merged[key]
            have.locators += h.locators
            have.kind = have.kind if h.kind in have.kind.split("·") else f"{have.kind}·{h.kind}"
            have.see_also += [s for s in h.see_also if s not in have.see_also]
        else:
            merged[key] = Heading(h.title.strip(), list(h.locators), h.kind, list(h.see_also))
    for h in merged.values():
        seen, unique = set(), []
        for l in sorted(h.locators, key=lambda l: l.order):
            if (l.path, l.anchor) not in seen:
                seen.add((l.path, l.anchor))
                unique.append(l)
        h.locators = unique
    return sorted(merged.values(), key=lambda h: sort_key(h.title))


def qualify(heading: Heading) -> None:
    """Make a repeated heading's locators tell apart (概况 occurs in most 章):
    each shows its 章; where two still read alike, add the 篇, and number what
    is left (the printed page is shown beside every locator anyway)."""
    for detail in (lambda l: l.context, None):
        for same in _clashes(heading):
            values = [detail(l) if detail else str(i) for i, l in enumerate(same, 1)]
            if len(set(values)) > 1:
                for loc, value in zip(same, values):
                    if value:
                        loc.label = f"{loc.label}（{value}）"


def _clashes(heading: Heading) -> list[list[Locator]]:
    by_label: dict[str, list[Locator]] = {}
    for loc in heading.locators:
        by_label.setdefault(loc.label, []).append(loc)
    return [same for same in by_label.values() if len(same) > 1]
