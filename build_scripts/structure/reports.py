"""Stage 3, structure (reports): a collection of documents → one 篇, one 章 per
document, one 条目 per 一、 heading (报告汇编).

A document's own text decides its shape: 一、 headings open entries, （一）/(一)
and 1. headings become sub-headings (a run-in one is split at its first 。),
lead-ins such as 一是 stay running text. A scraped web page is recognised by
its date/来源 line under the title; navigation and footer lines around it are
removed and audited.
"""
from __future__ import annotations

import re

from .. import layout
from ..model import AuditRecord, Block, Chapter, Entry, Line, Part, Volume, VolumeSpec
from ..slugs import SlugRegistry
from . import shapes

# Heading levels of a report.
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．](?!\d))")
# The date/source line a government web page prints under its title.
_WEB_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\s+\d{2}:\d{2})?(?:\s*来源[:：]\s*(.+))?$")
# Footer and navigation of a government web page (copyright, ICP filing …).
# Government sites share these footer/navigation words (ICP filing, 版权所有,
# the 政务网 badge, 无障碍 accessibility link, the page's own "today is" clock).
_WEB_BOILERPLATE = re.compile(r"版权所有|ICP备|网站标识码|公网安备|主办单位|^附件$|^党政机关|政务网|无障碍|^头部背景图$|^今天是\d{4}年")
# Navigation and footers are never sentences: a line with 。 or ， is report
# text even when it mentions 无障碍 or 主办单位, and must never be dropped.
_SENTENCE = re.compile(r"[。，]")
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
    content = [l for l in lines if l.text.strip()]
    title_at, meta = _find_title(content)
    title = title_hint or content[title_at].text.strip()
    body = []
    for i, line in enumerate(content):
        if i < title_at:
            _drop(audit, line, "web-boilerplate", "web-page navigation before the title")
        elif i == title_at:
            continue
        elif _WEB_BOILERPLATE.search(line.text) and not _SENTENCE.search(line.text):
            _drop(audit, line, "web-boilerplate", "web-page header/footer")
        elif line.text.strip() == title or _WEB_DATE.match(line.text.strip()) or line.text.strip().startswith("来源"):
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


def _find_title(content: list[Line]) -> tuple[int, dict]:
    """The title is the line above the web page's date/来源 line, else the first line."""
    for i, line in enumerate(content[:30]):
        m = _WEB_DATE.match(line.text.strip())
        if m and i > 0:
            meta = {"date": m.group(1)}
            if m.group(2):
                meta["publisher"] = m.group(2).strip()
            return i - 1, meta
    return 0, {}


def _drop(audit: list[AuditRecord], line: Line, kind: str, reason: str) -> None:
    audit.append(AuditRecord(line.file, line.lineno, kind, line.text, "", reason))
