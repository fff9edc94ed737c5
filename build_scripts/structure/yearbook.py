"""Stage 3, structure (yearbook): repaired lines → Volume of 篇 → 章 → 分目 → 条目.

Signals, all from the book itself:
- 篇: running heads, the 编辑说明's list of 篇, title shapes (parts.py);
- 【title】 opens a 条目; a short unpunctuated line before entries is a 章
  (a second one right after it, a 分目);
- the 条目索引 and 目录 give known titles (for parts written without 【】,
  such as 附录 and 人物·荣誉) and printed pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import layout
from ..model import AuditRecord, Block, Chapter, Entry, FindingAids, Line, Part, Volume, VolumeSpec
from ..slugs import SlugRegistry
from . import shapes
from .headings import clean_title, repair_heading
from .pages import assign_pages
from .shapes import norm
from .builder import Builder, add_text
from .special import bare_day, month_at, parse_chronicle, parse_titled
from . import parts
from .toc_index import TOC_TITLE, BookIndex, parse_finding_aids, toc_end



@dataclass
class BookSignals:
    """What the book says about itself: its 篇 names, its known titles, pages."""

    part_names: list[str] = field(default_factory=list)
    index: BookIndex = field(default_factory=BookIndex)
    audit: list[AuditRecord] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)  # 章/分目 heading keys of the current 篇
    taken_entries: set[str] = field(default_factory=set)  # 【title】 keys of the current 篇
    page: int | None = None  # the printed page the parse has reached, as far as known
    seen: list[int] = field(default_factory=list)

    @property
    def known_titles(self) -> set[str]:
        return self.index.keys

    def heading(self, raw: str, line: Line, entry: bool = False) -> str:
        """A heading, cleaned and repaired against the 目录/索引 (audited).
        A repair may not produce a title that is really printed at the same
        level in the same 篇 (two siblings may differ by one character)."""
        taken = self.taken_entries if entry else self.taken
        raw = parts.undecorated(raw)  # ·区政府办公室工作·, ◎概况: the marks are the typesetting's
        title = repair_heading(raw, line, self.index, self.audit, taken, self.page)
        options = self.index.pages(norm(title))
        if len(options) == 1 and len(options[0]) == 1:
            self.seen.append(options[0][0])  # a title printed once tells where we are
            # the median of the last few such pages: one misprinted page number
            # in the index must not throw the position off
            recent = sorted(self.seen[-5:])
            self.page = recent[len(recent) // 2]
        return title


def parse_yearbook(spec: VolumeSpec, lines: list[Line], audit: list[AuditRecord]) -> Volume:
    _carry_pages(lines)
    # a scraped page's byline (date, 来源: repair/webpage.py) is about the
    # page, not part of an entry: it goes to the "about this volume" page
    byline = [l for l in lines if l.kind == "web-meta"]
    lines = [l for l in lines if l.kind != "web-meta"]
    names = list(spec.parts) or parts.part_names(lines)
    front, segments = parts.split_parts(lines, names, toc_end(lines))
    signals = BookSignals(part_names=names, index=parse_finding_aids(lines), audit=audit)
    volume = Volume(spec=spec, audit=audit, finding_aids=FindingAids(titles=signals.index), part_list=names)
    volume.bracket_titles = _bracket_titles(lines)
    volume.printed_pages = any(l.kind == "page" for l in lines)
    volume.front_matter, volume.photos = _front_matter(front)
    volume.front_matter += [Block("p", l.text.strip(), l.lineno) for l in byline]
    part_slugs = SlugRegistry(reserved=tuple(sorted(layout.VOLUME_LEVEL)))
    for title, seg in segments:
        if title is None:
            title, body = _take_part_title(seg, signals.part_names)
        else:
            body = seg
        if title:  # (a text without 篇 signals has no title page to carry a subtitle)
            body = _drop_english_subtitle(body, audit)
        title = title or spec.title  # the one 篇 of a text without 篇 signals
        part = Part(title=title, slug=part_slugs.take(title, "part"))
        _parse_part(part, body, signals)
        volume.parts.append(part)
    for _, _, entry in volume.entries():
        volume.photos.extend(b for b in entry.blocks if b.kind == "caption")
    assign_pages(volume, signals.index)
    return volume


# --- 篇 -------------------------------------------------------------------

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


# An English subtitle on its own line under a 篇 title (法治 / Rule of Law):
# Latin letters and the marks of a title only.
_ENGLISH_SUBTITLE = re.compile(r"^[A-Za-z][A-Za-z\s&,'’.:·-]{1,80}$")


def _drop_english_subtitle(body: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """The 篇's English subtitle, printed on the line under its title, is
    the title page's decoration, not an entry's text: it is taken out of the
    篇 and audited (kind "part-subtitle")."""
    first = next((k for k, l in enumerate(body) if l.text.strip() and l.kind != "page"), None)
    if first is None or not _ENGLISH_SUBTITLE.match(body[first].text.strip()):
        return body
    line = body[first]
    audit.append(AuditRecord(line.file, line.lineno, "part-subtitle", line.text.strip(), "",
                             "the English subtitle printed under the 篇 title"))
    return body[:first] + body[first + 1 :]


# --- front matter ---------------------------------------------------------

# The heading the "about this volume" page gives the colour pages' captions.
PHOTO_SECTION = "彩页图片"
# A front-matter line that names a section: 编辑说明, 《…》编辑部, …编修…领导小组.
_FRONT_HEADING = re.compile(r"^(?:编辑说明|《[^》]+》\s*(?:编辑部|编委会|编辑委员会|编修.*领导小组)|[^，。]{0,20}(?:编辑部|编委会))$")


def _front_matter(front: list[Line]) -> tuple[list[Block], list[Block]]:
    """The pages before the first 篇: imprint, 编委会, 编辑部, 编辑说明, the
    colour pages' photo captions and the 目录 (kept as printed, in a
    preformatted block, since the extraction scrambled its columns).

    Returns (blocks for the "about this volume" page, photo captions)."""
    blocks: list[Block] = []
    photos: list[Block] = []
    in_toc = False

    def caption(block: Block) -> None:
        if not photos:  # the colour pages begin: give their captions a heading of their own
            blocks.append(Block("h", PHOTO_SECTION, block.line, level=2))
        photos.append(block)
        blocks.append(block)

    pending: Block | None = None  # a caption whose credit is on a later line
    for line in front:
        t = line.text.strip()
        if not t:
            continue
        if TOC_TITLE.match(t):
            in_toc = True
            blocks.append(Block("h", "目录", line.lineno, level=2))
            continue
        if in_toc:
            blocks.append(Block("pre", t, line.lineno))
            continue
        if _FRONT_HEADING.match(re.sub(r"\s+", "", t)) or re.sub(r"\s+", "", t) == "编辑说明":
            blocks.append(Block("h", clean_title(t), line.lineno, level=2))
            pending = None
            continue
        if line.kind == "caption":
            pending = None
            caption(Block("caption", t, line.lineno))
            continue
        if line.kind == "credit":
            if pending is not None:
                pending.text = f"{pending.text} {t}"
                pending = None
            elif photos and not shapes.TRAILING_CREDIT.search(photos[-1].text):
                photos[-1].text = f"{photos[-1].text} {t}"
            else:
                blocks.append(Block("p", t, line.lineno))
            continue
        if shapes.DATED.match(t) and not t.endswith("。") and len(t) < 120:
            # a caption whose credit stands on the next line
            pending = Block("caption", t, line.lineno)
            caption(pending)
            continue
        if pending is not None and not shapes.SENTENCE_PUNCT.search(t) and len(t) < 40 and not shapes.is_heading_shape(t):
            pending.text = f"{pending.text}{t}"
            continue
        pending = None
        blocks.append(Block("pre" if "\t" in t else "p", t, line.lineno))
    return blocks, photos


# --- inside a 篇 ----------------------------------------------------------

def _content_lines(body: list[Line]) -> list[Line]:
    """Non-empty lines, with entries run together in one line split apart."""
    out: list[Line] = []
    for line in body:
        t = line.text.strip()
        if not t or line.kind == "page":
            continue
        offset = len(line.text) - len(line.text.lstrip())
        # (only a line holding a 【 after its first character can hold a
        # run-in entry — the pattern's look-behinds need a character before
        # the 【 —, so the pattern, tried at every position of a line, need
        # not scan the others: most lines with a 【 open with it)
        for piece in shapes.ENTRY_RUN_IN.split(t) if t.find("【", 1) >= 0 else (t,):
            if piece.strip():
                page = line.page
                for at, p in line.page_breaks:  # the piece starts after a page number it ran across
                    if at <= offset:
                        page = p
                out.append(Line(piece.strip(), line.file, line.lineno, line.kind, page=page))
            offset += len(piece)
    return out


def _bracket_titles(lines: list[Line]) -> list[str]:
    """Title keys of every 【title】 in the text that opens an entry's shape
    (a record's field labels excepted): what `check` counts entries against."""
    content = _content_lines(lines)
    return [
        norm(m.group(1)) for i, l in enumerate(content)
        if (m := shapes.ENTRY_OPEN.match(l.text)) and not _field_label(content, i)
    ]


def _carry_pages(lines: list[Line]) -> None:
    """Each line learns the printed page it is on from the page-number
    markers before it (the extraction kept the book's page numbers)."""
    page = None
    for line in lines:
        if line.kind == "page":
            page = line.page
        elif page is not None:
            line.page = page
        for _, p in line.page_breaks:
            page = p


def _heading_keys(lines: list[Line]) -> tuple[set[str], set[str]]:
    """The titles the 篇 itself prints as headings and as 【title】s: a repair
    may not turn one heading into a sibling that really exists."""
    heads, entries = set(), set()
    for line in lines:
        m = shapes.ENTRY_OPEN.match(line.text)
        if m:
            entries.add(norm(m.group(1)))
        elif shapes.is_heading_shape(line.text):
            heads.add(norm(line.text))
    return heads, entries


def _parse_part(part: Part, body: list[Line], signals: BookSignals) -> None:
    lines = _content_lines(body)
    signals.taken, signals.taken_entries = _heading_keys(lines)
    if _is_chronicle(lines):
        parse_chronicle(part, lines)
    elif any(shapes.ENTRY_OPEN.match(l.text) for l in lines):
        _parse_bracketed(part, lines, signals)
    else:
        parse_titled(part, lines, signals)


# A 大事记 of any size: month lines and most lines dated (6日, 1—2日, 同日, △).
CHRONICLE_MIN_EVENTS = 3
CHRONICLE_DATED_SHARE = 0.4


def _is_chronicle(lines: list[Line]) -> bool:
    if any(shapes.ENTRY_OPEN.match(l.text) for l in lines):
        return False
    months, month = 0, None
    for i in range(len(lines)):
        opened = month_at(lines, i, month)
        if opened:
            months, month = months + 1, opened
    if not months:
        return False
    dated = sum(bool(shapes.DAY.match(l.text) or bare_day(l.text)) for l in lines)
    return dated >= CHRONICLE_MIN_EVENTS and dated >= CHRONICLE_DATED_SHARE * len(lines)


def _parse_bracketed(part: Part, lines: list[Line], signals: BookSignals) -> None:
    """Parts written as 【title】 entries under 章 headings.

    - a heading right before a 【 (or before a stray line and a 【, when the
      heading is one the 目录/索引 know) opens a 章;
    - a heading right under a 章 heading is a 分目, and so is a later heading
      of the same 章 that ends like that 分目 (…有限公司 after …有限公司);
    - under a 章 whose first line is a known title without 【】 (a list of
      社区 written as plain paragraphs), each known title opens an entry.
    """
    b = Builder(part)
    titled = False  # entries of this 章 are plain known titles, not 【】
    skip = set()
    numbered = _numbered_headings(lines, signals)
    numbered_chapters = False  # this 篇 numbers its 章 (一、): （一） headings are its 分目
    for i, line in enumerate(lines):
        if i in skip:
            continue
        t = line.text
        if i in numbered:
            numbered_chapters = _open_numbered(b, lines, i, numbered[i], signals, skip, numbered_chapters)
            titled = False
            continue
        m = shapes.ENTRY_OPEN.match(t)
        if m and _field_label(lines, i):
            m = None  # 【作者】… 【成文日期】…: a record's fields, not entries
        if m:
            titled = False
            title = signals.heading(m.group(1), line, entry=True)
            entry = b.open_entry(title, line)
            rest = t[m.end() :].strip()
            if rest:
                add_text(b, Line(rest, line.file, line.lineno, line.kind, page=line.page), entry.title)
            continue
        kind = _heading_kind(lines, i, signals) if not _numbered_line(t) else None
        if kind:
            title = signals.heading(t, line)
            if kind == "stray-before-entry":
                # the line between heading and 【 is the tail of the entry before
                add_text(b, lines[i + 1], part.title)
                skip.add(i + 1)
            prev_heading = i > 0 and (i - 1 in numbered or _heading_kind(lines, i - 1, signals)) and b.entry is None
            if prev_heading and b.chapter is not None and not b.chapter.entries:
                b.section = title  # a heading right under a 章 heading is a 分目
            elif b.section and _same_kind(b.section, title):
                b.section = title
                b.entry = None
            else:
                b.open_chapter(title)
                nxt = lines[i + 1].text if i + 1 < len(lines) else ""
                titled = kind == "titled-list"
            continue
        if titled and shapes.is_heading_shape(t) and norm(t) in signals.known_titles:
            b.open_entry(signals.heading(t, line), line)
            continue
        add_text(b, line, b.chapter.title if b.chapter and b.chapter.title else part.title)


# A field value after a bracketed label: short, no sentence punctuation.
_FIELD_VALUE_MAX = 30


def _is_field(line: Line) -> bool:
    m = shapes.ENTRY_OPEN.match(line.text)
    rest = line.text[m.end():].strip() if m else ""
    return bool(m) and 0 < len(rest) <= _FIELD_VALUE_MAX and not shapes.SENTENCE_PUNCT.search(rest)


def _field_label(lines: list[Line], i: int) -> bool:
    """A 【label】 of a database record's field list (【作者】某编委会 /
    【成文日期】2018-12-01): the line and a neighbour are both a label with a
    short unpunctuated value. An entry's text is running text."""
    return _is_field(lines[i]) and any(0 <= j < len(lines) and _is_field(lines[j]) for j in (i - 1, i + 1))


def _same_kind(a: str, b: str) -> bool:
    """Two 分目 titles of one kind end alike (…有限公司, …社区)."""
    return len(a) > 4 and len(b) > 4 and a[-2:] == b[-2:]


def _heading_text(text: str) -> str:
    """The title a heading-shaped line gives (a numbered one without its
    ordinal: 一、工业经济 → 工业经济); "" for a line of another shape."""
    if shapes.is_heading_shape(text):
        return text
    numbered = shapes.numbered_heading(text)
    return numbered[2] if numbered else ""


def _heading_kind(lines: list[Line], i: int, signals: BookSignals) -> str | None:
    t = _heading_text(lines[i].text)
    if not t or _continues_roster(lines, i):
        return None
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    nxt2 = lines[i + 2].text if i + 2 < len(lines) else ""
    # a record's field labels (【作者】…) under a title open no entry
    entry_next, entry_next2 = _opens_entry(lines, i + 1), _opens_entry(lines, i + 2)
    known = norm(t) in signals.known_titles or bool(signals.index.slips().candidates(norm(t)))
    if entry_next:
        return "heading"
    if _heading_text(nxt) and entry_next2 and (known or _opens_block(lines, i)):
        return "heading"  # a 章 and its 分目 over the first entry
    if known and entry_next2 and not shapes.is_heading_shape(nxt):
        return "stray-before-entry"
    if known and shapes.is_heading_shape(nxt) and norm(nxt) in signals.known_titles and not shapes.ENTRY_OPEN.match(nxt2):
        return "titled-list"
    return None


# A roster line: an office and names, or names alone, set apart by spaces
# ("副主席 余仲春 徐德元", "书 记 尤庆学", "朱 苇 王景亮"): short tokens, no sentence.
_ROSTER_TOKEN_MAX = 6
ROSTER_CONTEXT = 4  # lines above a candidate that show a roster is running (office lines between)


def _roster_line(text: str) -> bool:
    tokens = text.split()
    if shapes.numbered_heading(text):
        return False  # 第二节 畜牧业: a numbered heading, not an office and a name
    return len(tokens) >= 2 and not shapes.SENTENCE_PUNCT.search(text) and all(
        len(tok) <= _ROSTER_TOKEN_MAX and shapes.CJK_ONLY.match(tok) for tok in tokens
    )


def _continues_roster(lines: list[Line], i: int) -> bool:
    """Line i is one more line of a leaders' roster (领导名录) running above
    it — "检察长 徐迪辉" after "院 长 聂晴晓" — not a 章 heading, even right
    before an entry: most of the lines above it have the roster's shape."""
    if not _roster_line(lines[i].text):
        return False
    above = [l.text for l in lines[max(0, i - ROSTER_CONTEXT) : i]]
    return sum(_roster_line(t) for t in above) >= 2


def _opens_entry(lines: list[Line], j: int) -> bool:
    """Line j opens a 【title】 entry (not a record's field label)."""
    return j < len(lines) and bool(shapes.ENTRY_OPEN.match(lines[j].text)) and not _field_label(lines, j)


def _numbered_headings(lines: list[Line], signals: BookSignals) -> dict[int, tuple[int, str, str]]:
    """Numbered 章 and 分目 headings (一、工业经济 / （一）农业) of a 篇: line
    index → (level, title, its _heading_kind). A numbered line is one when
    it stands where a heading stands (before an entry, or before a heading
    over one: _heading_kind) and its ordinal is confirmed — by the 目录/索引 knowing its
    title, or by continuing its level's sequence (一 opens it, 二 follows an
    accepted 一; a 章 restarts its 分目 at （一）). A numbered list inside an
    entry's text is not: its 一 stands before its 二, not before an entry, and
    every later item up to the next 【】 belongs to that list, even the last
    one standing right before the next entry."""
    found: dict[int, tuple[int, str, str]] = {}
    last = {1: 0, 2: 0}
    in_list = {1: False, 2: False}  # a list numbered from 一 runs in this entry's text
    for i, line in enumerate(lines):
        if shapes.ENTRY_OPEN.match(line.text):
            in_list = {1: False, 2: False}
        numbered = shapes.numbered_heading(line.text)
        if not numbered:
            continue
        level, n, title = numbered
        known = norm(title) in signals.known_titles or norm(line.text) in signals.known_titles
        kind = _heading_kind(lines, i, signals)
        if in_list[level] or not (known or n in (1, last[level] + 1)) or not kind:
            in_list[level] = in_list[level] or n == 1
            continue
        found[i] = (level, title, kind)
        last[level] = n
        if level == 1:
            last[2] = 0
    return found


def _open_numbered(b: Builder, lines: list[Line], i: int, heading: tuple[int, str, str], signals: BookSignals,
                   skip: set[int], numbered_chapters: bool) -> bool:
    """Open the 章 (or, under numbered 章, the 分目) a confirmed numbered
    heading names. Returns whether the 篇 now numbers its 章."""
    level, title, kind = heading
    line = lines[i]
    title = signals.heading(_strip_number(line, title, signals.audit), line)
    if kind == "stray-before-entry":  # the line between heading and 【 ends the entry before
        add_text(b, lines[i + 1], b.part.title)
        skip.add(i + 1)
    if level == 2 and numbered_chapters and b.chapter is not None:
        b.section = title
        b.entry = None
        return numbered_chapters
    b.open_chapter(title)
    return numbered_chapters or level == 1


def _numbered_line(text: str) -> bool:
    """A numbered heading's shape (一、… / 第X章 …): a heading only where
    _numbered_headings confirms it."""
    return bool(shapes.numbered_heading(text))


def _strip_number(line: Line, title: str, audit: list[AuditRecord]) -> str:
    """The title of a numbered heading without its ordinal, audited: the
    site's outline keeps the order the number gave."""
    number = line.text.strip()[: len(line.text.strip()) - len(title)]
    audit.append(AuditRecord(line.file, line.lineno, "heading-number", number.strip(), "",
                             "the ordinal of a numbered 章/分目 heading; the outline keeps its order"))
    return title


def _opens_block(lines: list[Line], i: int) -> bool:
    """Line i opens the text or follows a finished paragraph: two heading
    lines there and an entry are a 章 and a 分目 by shape (社会生活 / 残疾人事业 /
    【…】), not the tail of a list."""
    if i == 0:
        return True
    prev = lines[i - 1].text.rstrip()
    return prev[-1:] in "。！？”）)" and not shapes.is_heading_shape(prev)
