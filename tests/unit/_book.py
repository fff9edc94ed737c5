"""A small hand-made yearbook in the shape of the sample, for index tests."""
from __future__ import annotations

from build_scripts.model import Block, Chapter, Entry, Part, Volume, VolumeSpec
from build_scripts.slugs import SlugRegistry, slugify


def entry(title: str, text: str = "", pages=(), section=None) -> Entry:
    return Entry(title, [Block("p", p) for p in text.split("\n") if p], list(pages), section=section)


def volume(parts: dict, vid: str = "book-2024", title: str = "某区年鉴（2024）") -> Volume:
    """parts: {篇: {章 or None: [Entry, …]}}; slugs and anchors as render expects."""
    spec = VolumeSpec(vid, title, 2024, "yearbook", "某出版社", ())
    v = Volume(spec)
    for ptitle, chapters in parts.items():
        part = Part(ptitle, slugify(ptitle))
        for ctitle, entries in chapters.items():
            chapter = Chapter(ctitle, slugify(ctitle) if ctitle else "")
            anchors = SlugRegistry()
            for e in entries:
                e.anchor = anchors.take(e.title)
            chapter.entries = entries
            part.chapters.append(chapter)
        v.parts.append(part)
    return v
