"""Collecting a 篇's chapters and entries, and placing a body line in an
entry (as paragraph, caption, source note or table row). Shared by the
yearbook parser and the parsers of the special parts."""
from __future__ import annotations

from .. import layout
from ..model import Block, Chapter, Entry, Line, Part
from ..slugs import SlugRegistry
from . import shapes


class Builder:
    """Collects chapters and entries of one 篇, with page-unique anchors."""

    def __init__(self, part: Part) -> None:
        self.part = part
        self.chapter: Chapter | None = None
        self.entry: Entry | None = None
        self.section: str | None = None
        self._chapter_slugs = SlugRegistry(reserved=tuple(sorted(layout.PART_LEVEL)))
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
        if line.page is not None:
            entry.pages = [line.page]  # the page number the extraction printed
        entry.anchor = self._anchors.take(title, "entry")
        self.chapter.entries.append(entry)
        self.entry = entry
        return entry

    def add(self, block: Block, line: Line, untitled: str) -> None:
        if self.entry is None:
            self.open_entry(untitled, line)
        self.entry.blocks.append(block)
        if line.page is not None and line.page not in self.entry.pages:
            self.entry.pages.append(line.page)  # the entry runs onto the next printed page


def add_text(b: Builder, line: Line, untitled: str) -> None:
    """A body line: a caption, a source note, a table row or a paragraph.

    The repair stage's Line.kind decides ("caption", "credit": repair/
    captions.py); structure does not detect captions again."""
    t = line.text
    if line.kind == "caption":
        b.add(Block("caption", t, line.lineno), line, untitled)
        return
    if line.kind == "credit":
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
    kind = "table" if "\t" in t else "p"
    b.add(Block(kind, t, line.lineno), line, untitled)


def _looks_like_caption(text: str) -> bool:
    return bool(shapes.DATED.match(text)) and len(text) < 100 and not text.endswith("。")
