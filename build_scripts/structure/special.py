"""The special parts of a yearbook, written without 【】 entries (特载, 专文,
大事记, 人物·荣誉, 统计资料, 附录, 索引).

- 大事记 (chronicle): a 章 per month, a 条目 per dated event, 同日 resolved
  to the date of the event before;
- titled parts: a line opens an entry when the 目录/索引 know it as a title,
  or when a speaker or subtitle line follows it (a speech). Inside an entry,
  the subtitle and speaker lines are a byline, short unpunctuated lines and
  numbered lines (一、 （一） 第一，) are section headings, also where the
  heading was run into its paragraph; lists of names become lists; tab rows
  become tables (tables.py).
"""
from __future__ import annotations

import re

from ..model import Block, Entry, Line, Part
from ..text import CJK
from . import shapes
from .builder import Builder, add_text
from .headings import clean_title, near
from .honours import is_name_list, name_items
from .shapes import norm
from .tables import finish_tables

# A numbered section of a speech or report, level 1: 一、 or 第一，
SECTION_1 = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[，,])")
# Level 2: （一） (一)
SECTION_2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
# A level-1 section run into the paragraph before it, after a colon:
# "…抓好以下重点工作： 一、聚焦协同发展……"
RUN_IN_SECTION = re.compile(r"(?<=[：:])\s*(?=[一二三四五六七八九十]+、)")
# A numbered heading run into its paragraph ends at its first 。 within this
# many characters (the sample's longest section heading is ~45).
RUN_IN_MAX = 60
# The glossary of a report: 主要名词解释 / 名词解释.
GLOSSARY = re.compile(r"名词解释$")
INDEX_TITLE = "条目索引"
# A biography opens with the person's name, then sex or native place, the
# printed convention of 人物 entries: "孙某某，男，汉族，…" "杨某，天津人，…"
BIOGRAPHY = re.compile(f"^([{CJK}]{{2,4}})[，,](?:男|女|[{CJK}]{{2,6}}人)[，,]")
# The longest line that may be a title known to the 目录/索引 (the sample's
# longest, an honours list title, has 43 characters).
LONG_TITLE_MAX = 60
# In a part without 【】, a line unknown to the 目录/索引 opens an entry by
# being one character away from a known title only from this length on.
REPAIRABLE_TITLE_MIN = 6


def month_at(lines: list[Line], i: int, month: int | None) -> int | None:
    """The month line i opens in a 大事记: `3月`, `三月`, or a bare number
    (`3`) that continues the months (greater than the month in force, 12 at
    most) and stands over a day line — so a stray number is not a month."""
    t = lines[i].text.strip()
    m = shapes.MONTH.match(t) or shapes.MONTH_WORD.match(t)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else shapes.ordinal(m.group(1))
        return n if n and 1 <= n <= 12 else None
    m = shapes.BARE_NUMBER.match(t)
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    if m and (month or 0) < int(m.group(1)) <= 12 and (shapes.DAY.match(nxt) or bare_day(nxt)):
        return int(m.group(1))
    return None


def bare_day(t: str) -> str | None:
    """The date of a day line that lost its 日 ("9  招商局…" → "9日"; "57  …",
    no day being 57, → "5—7日", a range that lost its dash too)."""
    m = shapes.BARE_DAY.match(t)
    if not m:
        return None
    n = m.group(1)
    if 1 <= int(n) <= 31:
        return f"{int(n)}日"
    if len(n) == 2 and 0 < int(n[0]) < int(n[1]):
        return f"{n[0]}—{n[1]}日"
    return None


def parse_chronicle(part: Part, lines: list[Line]) -> None:
    """大事记: a 章 per month, a 条目 per dated event; 同日 takes the date of the
    event before it, and the entry's title (its anchor) is that date."""
    b = Builder(part)
    month = None
    day = None
    for i, line in enumerate(lines):
        t = line.text
        opened = month_at(lines, i, month)
        if opened:
            month = opened
            day = None
            b.open_chapter(f"{month}月")
            continue
        bare = bare_day(t) if month is not None and not shapes.DAY.match(t) else None
        if bare:
            day = int(re.match(r"\d+", bare).group(0)) if "—" not in bare else None
            entry = b.open_entry(f"{month}月{bare}", line)
            entry.blocks.append(Block("p", t, line.lineno))
            continue
        d = shapes.DAY.match(t)
        if d and month is not None:
            if d.group(1):
                day = int(d.group(1))
            if d.group("range"):
                title = f"{month}月{re.sub(chr(32), '', d.group(0).strip())}"
            elif d.group("mark"):
                title = f"{month}月{day}日" if day else f"{month}月"  # a further event of that day
            else:
                title = f"{month}月{day}日" if day and (d.group(1) or d.group(0).startswith(("同日", "是日"))) else f"{month}月{d.group(0).strip()}"
            entry = b.open_entry(title, line)
            entry.blocks.append(Block("p", t, line.lineno))
            continue
        add_text(b, line, f"{month}月" if month else part.title)


# A title the 目录/索引 know, glued to the end of a list line, holds at
# least this many characters: shorter known titles (概况, 综述) end many lines.
GLUED_TITLE_MIN = 8


def split_glued_titles(lines: list[Line], signals) -> list[Line]:
    """A list line with a known title glued to its end ("…数字电源班组2023年全国
    五一巾帼标兵获得者": the last item of one list and the next list's title,
    run together where the extraction joined two printed lines) is two
    lines again. Only lines without sentence punctuation; only a title the
    book's 目录/索引 print (or one OCR slip from one, as headings are repaired)."""
    index = signals.index
    out: list[Line] = []
    for k, line in enumerate(lines):
        t = line.text
        if t == INDEX_TITLE:  # the printed index runs to the end as one entry: its cells stay as printed
            return out + lines[k:]
        plain = "\t" not in t and not shapes.SENTENCE_PUNCT.search(t)  # (table rows keep their cells)
        cut = _glued_title_at(t, index) if plain and not _is_known(norm(t), index) else None
        if cut is None:
            out.append(line)
            continue
        out.append(Line(t[:cut].rstrip(), line.file, line.lineno, line.kind, page=line.page))
        out.append(Line(t[cut:].strip(), line.file, line.lineno, line.kind, page=line.page))
    return out


def _is_known(key: str, index) -> bool:
    """A title the 目录/索引 print (`index`: the BookIndex), or (a long one)
    one OCR slip from one."""
    return key in index.keys or len(key) >= REPAIRABLE_TITLE_MIN and bool(index.slips().candidates(key))


def _glued_title_at(t: str, index) -> int | None:
    """Where the longest known title ending the line begins, after at
    least one character of the line's own."""
    for start in range(1, len(t) - GLUED_TITLE_MIN + 1):
        key = norm(t[start:])
        if len(key) >= GLUED_TITLE_MIN and _is_known(key, index):
            return start
    return None


def parse_titled(part: Part, lines: list[Line], signals) -> None:
    """Parts without 【】: speeches, articles, lists and tables."""
    lines = split_glued_titles(lines, signals)
    b = Builder(part)
    b.open_chapter(None)
    raw_of: dict[int, str] = {}  # a heading block's line as printed (a list line keeps its spaces)
    for i, line in enumerate(lines):
        t = line.text
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        # a title the 目录/索引 know may be longer than a heading line usually is
        known = (norm(t) in signals.known_titles and near(signals.index, norm(t), signals.page)) or bool(
            _repairable(t, signals)
        )
        # a title the 目录/索引 know may be longer than a heading line usually is
        long_known = known and len(t) <= LONG_TITLE_MAX and not shapes.SENTENCE_PUNCT.search(t) and not t.startswith(("——", "（", "("))
        titled = long_known or _title_shape(t) and (
            known
            or shapes.SPEAKER.match(nxt)
            or shapes.SUBTITLE.match(nxt)
            or GLOSSARY.search(t)
            or t == INDEX_TITLE
        )
        in_index = b.entry is not None and b.entry.title == INDEX_TITLE  # the index is one entry to its end
        if titled and norm(t) != norm(part.title) and not in_index:
            b.section = None
            b.open_entry(signals.heading(t, line), line)
            continue
        bio = BIOGRAPHY.match(t)
        if bio and b.entry is not None and not in_index:
            _open_biography(b, bio.group(1), line)
            b.entry.blocks.append(Block("p", t, line.lineno))
            continue
        if b.entry is not None and _is_byline(b.entry, t):
            b.entry.blocks.append(Block("byline", t, line.lineno))
            continue
        if b.entry is not None and not b.entry.title == INDEX_TITLE and "\t" not in t:
            blocks = section_blocks(b.entry, line)
            if blocks:
                if len(blocks) == 1:
                    raw_of[id(blocks[0])] = t
                b.entry.blocks.extend(blocks)
                continue
        add_text(b, line, part.title)
    headers: set[str] = set()
    for chapter in part.chapters:
        for entry in chapter.entries:
            _finish_entry(entry, signals.audit, raw_of, headers)


def _open_biography(b: Builder, name: str, line: Line) -> None:
    """A person's biography is an entry titled with the name, under the list
    title as its 分目; the list title's own entry, left empty, gives way."""
    if b.section is None:
        parent = b.entry
        b.section = parent.title
        if not any(bl.kind in ("p", "h", "list", "table") for bl in parent.blocks):
            b.chapter.entries.remove(parent)
    b.open_entry(name, line)


def _title_shape(t: str) -> bool:
    """A heading line; in these parts a title may start with its year
    (2023 年全国工人先锋号), which shapes.is_heading_shape takes for a caption."""
    if shapes.is_heading_shape(t):
        return True
    rest = shapes.DATED.sub("", t, count=1)
    return rest != t and shapes.is_heading_shape(rest) and not shapes.TRAILING_CREDIT.search(t)


def _repairable(t: str, signals) -> list[str]:
    # short sub-headings (城区建设) are too often one character from another
    # known title; only long damaged titles open an entry by similarity
    key = norm(t)
    return signals.index.slips().candidates(key) if len(key) >= REPAIRABLE_TITLE_MIN else []


def _is_byline(entry: Entry, t: str) -> bool:
    """Subtitle (——在…上 / （2024年1月16日）) or speaker line right under the
    title: an office and a name ("中共河西区委书记 李学义"), or a bare name
    under a subtitle. Two names side by side ("沈勇嵬 张俊辉") are a list."""
    if any(bl.kind != "byline" for bl in entry.blocks):
        return False
    if shapes.SUBTITLE.match(t):
        return True
    m = shapes.SPEAKER.match(t)
    if m and len(t[: m.start(1)].strip()) > 3:  # an office, not a second name
        return True
    return bool(entry.blocks) and bool(re.fullmatch(f"[{CJK}]{{2,4}}", t))


def section_blocks(entry: Entry, line: Line) -> list[Block]:
    """Section headings of a speech/article: a short unpunctuated line (level 1),
    a numbered line (一、: level 1, or 2 under short headings; （一）: one
    deeper), a numbered heading run into its paragraph (split at its 。) or
    run in after a colon. Returns [] for a plain paragraph."""
    t = line.text
    n = line.lineno
    heads = [b for b in entry.blocks if b.kind == "h"]
    # which kind of heading came first decides the nesting: short headings over
    # numbered ones (2023年主要工作回顾 › 一、…) or numbered over short (一、综合 › 财政收入)
    numbered_top = bool(heads) and bool(SECTION_1.match(heads[0].text) or SECTION_2.match(heads[0].text))
    has_top = bool(heads) and not numbered_top
    if _title_shape(t) and not t.endswith(("：", ":")):
        return [Block("h", clean_title(t), n, level=2 if numbered_top else 1)]
    run_in = RUN_IN_SECTION.search(t)
    if run_in and "。" not in t[run_in.end():]:
        return [Block("p", t[: run_in.start()].strip(), n), Block("h", clean_title(t[run_in.end():]), n, level=2 if has_top else 1)]
    for pattern, depth in ((SECTION_1, 1), (SECTION_2, 2)):
        if pattern.match(t):
            level = depth + (1 if has_top else 0)
            end = t.find("。")
            if end < 0 and len(t) <= RUN_IN_MAX + 20:
                return [Block("h", clean_title(t), n, level=level)]
            if 0 < end <= RUN_IN_MAX and end < len(t) - 1:
                return [Block("h", clean_title(t[: end + 1]), n, level=level), Block("p", t[end + 1 :].strip(), n)]
    return []


def _finish_entry(entry: Entry, audit, raw_of: dict[int, str], headers: set[str]) -> None:
    """Name lists → one list block; tab rows → tables (with damage noted)."""
    body = [b for b in entry.blocks if b.kind in ("p", "h", "byline")]
    unnumbered = all(not (SECTION_1.match(b.text) or SECTION_2.match(b.text)) for b in body)
    if body and unnumbered and is_name_list([b.text for b in body]):
        items: list[str] = []
        for b in body:
            items.extend(name_items(raw_of.get(id(b), b.text)))
        first = entry.blocks.index(body[0])
        rest = [b for b in entry.blocks if b not in body]
        entry.blocks = rest[:first] + [Block("list", "\n".join(items), body[0].line, items=items)] + rest[first:]
    finish_tables(entry, audit, headers)
