"""Stage 3, structure (reports): a collection of documents → one 篇, one 章 per
document, one 条目 per 一、 heading (报告汇编).

A document's own text decides its shape: 一、 headings open entries, （一）/(一)
and 1. headings become sub-headings (a run-in one is split at its first 。),
lead-ins such as 一是 stay running text. A scraped web page's furniture was
removed by repair (repair/webpage.py); its title (Line.kind "web-title") names
the chapter and its byline ("web-meta") becomes the chapter's metadata.
"""
from __future__ import annotations

import re

from .. import layout
from ..text import WEB_DATE, WEB_SOURCE
from ..model import AuditRecord, Block, Chapter, Entry, Line, Part, Volume, VolumeSpec
from ..slugs import SlugRegistry
from . import shapes

# Heading levels of a report.
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．](?!\d))")
# A heading is run in when it ends at a 。 within this many characters.
RUN_IN_MAX = 40

PART_TITLE = "文献"
PART_SLUG = "documents"


def parse_reports(spec: VolumeSpec, documents: list[list[Line]], audit: list[AuditRecord]) -> Volume:
    volume = Volume(spec=spec, audit=audit)
    part = Part(title=PART_TITLE, slug=PART_SLUG)
    slugs = SlugRegistry(reserved=tuple(sorted(layout.PART_LEVEL)))
    for source, lines in zip(spec.sources, documents):
        chapter = _parse_document(lines, audit, source.title)
        chapter.slug = slugs.take(chapter.title or "document", "document")
        part.chapters.append(chapter)
    volume.parts.append(part)
    return volume


def _parse_document(lines: list[Line], audit: list[AuditRecord], title_hint: str | None) -> Chapter:
    content = [l for l in lines if l.text.strip() and l.kind != "break"]
    if not content:
        return Chapter(title=title_hint or "document")
    title_at = next((i for i, l in enumerate(content) if l.kind == "web-title"), 0)
    title = title_hint or content[title_at].text.strip()
    meta = _web_meta([l.text.strip() for l in content if l.kind == "web-meta"])
    body = []
    for i, line in enumerate(content):
        if i == title_at:
            if line.text.strip() != title:  # the manifest's title is used instead
                _drop(audit, line, "web-metadata", "the document's own title line (the manifest gives its title)")
        elif line.kind == "web-meta":
            _drop(audit, line, "web-metadata", "title/date/source repeated by the web page (kept as metadata)")
        else:
            body.append(line)
    chapter = Chapter(title=title)
    anchors = SlugRegistry(reserved=("top",))
    entry = None
    for line in body:
        t = line.text.strip()
        if _LEVEL1.match(t) and len(t) <= 60 and "。" not in t[:-1]:
            entry = Entry(title=t, file=line.file, line=line.lineno)
            entry.anchor = anchors.take(t, "entry")
            chapter.entries.append(entry)
            continue
        if entry is None:
            entry = Entry(title="导语", file=line.file, line=line.lineno)
            entry.anchor = anchors.take("导语")
            chapter.entries.append(entry)
        blocks = _level2_blocks(t, line.lineno)
        for b in blocks:
            if b.kind == "h":
                b.level = _heading_level(b.text, entry.blocks)
        entry.blocks.extend(blocks)
    chapter.meta = meta
    return chapter


# （一） / (一): a section under a 一、 entry; 1. / 1．: one level below it.
_PAREN_NUMBER = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")


def _heading_level(text: str, before: list[Block]) -> int:
    """（一） headings are level 1; 1. headings are level 2 under a （一）
    heading of the same entry, else level 1."""
    if _PAREN_NUMBER.match(text):
        return 1
    return 2 if any(b.kind == "h" and _PAREN_NUMBER.match(b.text) for b in before) else 1


def _level2_blocks(t: str, lineno: int) -> list[Block]:
    if _LEVEL2.match(t):
        end = t.find("。")
        if 0 < end <= RUN_IN_MAX and end < len(t) - 1:
            return [Block("h", t[: end + 1], lineno), Block("p", t[end + 1 :].strip(), lineno)]
        if shapes.is_heading_shape(t) or len(t) <= RUN_IN_MAX and not t.endswith("。"):
            return [Block("h", t, lineno)]
    return [Block("p", t, lineno)]


def _web_meta(texts: list[str]) -> dict:
    """The date and publisher (来源) of the web page's byline lines."""
    meta: dict = {}
    for t in texts:
        m = WEB_DATE.match(t)
        if m:
            meta.setdefault("date", m.group(1))
            if m.group(3):
                meta.setdefault("publisher", m.group(3).strip())
        m = WEB_SOURCE.match(t)
        if m:
            meta.setdefault("publisher", m.group(1).strip())
    return meta


def _drop(audit: list[AuditRecord], line: Line, kind: str, reason: str) -> None:
    audit.append(AuditRecord(line.file, line.lineno, kind, line.text, "", reason))
