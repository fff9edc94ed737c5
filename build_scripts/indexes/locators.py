"""Where index headings point (索引出处): one `Target` per 条目 of the book.

Targets are taken from the structured volumes at build time and placed by
the build's layout (layout.SiteLayout, the placement render writes the pages
from), so a locator's page, anchor and id are the ones the site really has. The back-matter 篇 that holds
the book's own printed index is not a target: its text is the raw printed
index (kept on its page, linked from our 索引 overview), not content.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from ..layout import Placement, SiteLayout
from ..model import Chapter, Entry, Part, Volume
from ..render import INDEX_PART, is_index_part, page_path, page_url  # noqa: F401 (re-exported)
from ..text import CJK
# Whitespace the PDF extraction left inside Chinese text (“李学 义”, “紧 紧”).
_CJK_GAP = re.compile(rf"(?<=[{CJK}])[ \t\u3000]+(?=[{CJK}])")


def search_text(text: str) -> str:
    """Text as names and terms are looked for in it: NFKC, no gaps inside
    Chinese runs (the printed words are whole, the extraction split them)."""
    return _CJK_GAP.sub("", unicodedata.normalize("NFKC", text))


@dataclass
class Target:
    """One 条目 as an index can point to it."""

    volume: Volume
    part: Part
    chapter: Chapter
    entry: Entry
    placement: Placement  # where the entry is on the site (layout.SiteLayout)
    order: int  # reading order across the whole site

    @property
    def path(self) -> str:
        """The page, relative to docs/ (hexi-2024/fa-zhi/gong-an.md)."""
        return self.placement.md_path

    @property
    def id(self) -> str:
        """Same id as entries.json gives the entry."""
        return self.placement.id

    @property
    def url(self) -> str:
        return f"{self.placement.hosted_page}#{self.entry.anchor}"

    @property
    def place(self) -> str:
        """What tells repeated headings apart: the 章, or the 篇 when the
        entries stand directly under it."""
        return self.chapter.title or self.part.title

    @property
    def source_text(self) -> str:
        """Title and body as the book has them."""
        return self.entry.title + "\n" + self.entry.text

    @cached_property
    def text(self) -> str:
        """Title and body, as searched for names and terms (computed once: every index reads it)."""
        return search_text(self.source_text)


class TextMemo:
    """Each entry's Target.text under a digest of its source_text, so a
    rebuild prepares the text of the changed entries only (a one-character
    correction: one entry of the yearbook's 1,073, not all of them).
    `known`: an earlier build's (cache.py keys the file on the code);
    `memo` collects what this build used."""

    def __init__(self, known: dict[bytes, str] | None = None):
        self.known = known or {}
        self.memo: dict[bytes, str] = {}

    def fill(self, targets: list[Target]) -> None:
        """Set the text of `targets`, kept or made."""
        for t in targets:
            key = hashlib.sha1(t.source_text.encode("utf-8")).digest()
            text = self.known.get(key)
            if text is None:
                text = t.text
            else:
                t.text = text  # what the cached property would compute
            self.memo[key] = text


def targets(volumes: list[Volume], site: SiteLayout | None = None, texts: TextMemo | None = None) -> list[Target]:
    """Every entry an index can point to, in reading order. `site`: the
    build's layout, by default the volumes'; `texts`: their texts an earlier
    build prepared."""
    out: list[Target] = []
    for p in (site or SiteLayout(volumes)).placed:
        if not is_index_part(p.part):
            out.append(Target(p.volume, p.part, p.chapter, p.entry, p.placement, len(out)))
    if texts is not None:
        texts.fill(out)
    return out


def pages_label(pages: list[int], estimated: bool = False) -> str:
    """Printed page numbers as an index shows them: 63, 76–77, 219、229."""
    if not pages:
        return ""
    pages = sorted(set(pages))
    runs: list[list[int]] = [[pages[0]]]
    for p in pages[1:]:
        if p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    label = "、".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
    return ("约" + label) if estimated else label
