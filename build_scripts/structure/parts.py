"""Where each 篇 opens (篇目), from the book's own signals, several combined,
none required:

1. running heads the repair stage turned into break lines, each before a
   篇's title page (the sample's extraction);
2. otherwise the 篇 list of the 编辑说明 ("全书设置特载、专文……24 篇", "全书共设
   …等 20 个篇目", "分为…8 篇"): the body's title lines that print those names
   in the listed order (the longest such chain after the 目录, earliest first);
3. otherwise title lines of a 篇 shape (`第三篇 法治`);
4. otherwise the whole text is one 篇 (a web page, a short excerpt).

A title line may be decorated (`·法治·`, `◎法治`, `第八篇 法治`), letter-spaced
(`法 治`), followed by an English subtitle (`法治 Rule of Law`) or split over
two lines (`专` / `文`).
"""
from __future__ import annotations

import re

from ..model import Line
from ..text import CJK_RE
from .shapes import SENTENCE_PUNCT, norm

# The 编辑说明's list of 篇: a verb of setting up, the names joined by 、, a count.
_PART_LIST = re.compile(
    r"(?:全书|本书|本卷|本年鉴|全卷)?(?:设置|共设|设有|分设|分为|包括|设)([^。；;：:]+?)等?\s*"
    r"(?:\d+|[一二三四五六七八九十]+)\s*个?(?:篇目|篇|部类|类目)"
)
# A 篇 title's decoration: ·法治·  ◎法治  ■法治  第八篇 法治  第8篇：法治.
_DECOR = re.compile(r"^[·•◎●■◆□◇★☆〓\s]+|[·•◎●■◆□◇★☆〓\s]+$")
_ORDINAL = re.compile(r"^第\s*[一二三四五六七八九十百\d]+\s*篇\s*[：:·]?\s*")
# An English subtitle after the Chinese title (法治 Rule of Law).
_LATIN_TAIL = re.compile(r"\s*[A-Za-z][A-Za-z\s&,'’.-]*$")
# A line of a 篇 shape on its own (no list needed): 第三篇 法治. (·法治· and
# ◎法治 mark a 篇 only where a list names it: books print 章 that way too.)
_PART_SHAPE = re.compile(r"^第\s*[一二三四五六七八九十百\d]+\s*篇\s*\S.{0,30}$")
# A title line is short.
_TITLE_MAX = 30


def part_names(lines: list[Line]) -> list[str]:
    """The 篇 list of the 编辑说明 (the first list of at least three names)."""
    for line in lines:
        for m in _PART_LIST.finditer(line.text):
            names = [n.strip() for n in m.group(1).split("、") if n.strip()]
            if len(names) >= 3:
                return names
    return []


def undecorated(text: str) -> str:
    """A heading without the marks around it (·法治·, ◎概况), spaces kept."""
    return _DECOR.sub("", text.strip()) or text.strip()


def title_key(text: str) -> str:
    """A title line reduced to its name: decoration, ordinal, English subtitle
    and spaces dropped."""
    t = _DECOR.sub("", text.strip())
    t = _ORDINAL.sub("", t)
    if CJK_RE.search(t):
        t = _LATIN_TAIL.sub("", t)
    return norm(_DECOR.sub("", t))


def _candidates(lines: list[Line], start: int, names: list[str]) -> list[tuple[int, int, int]]:
    """(line index, name index, lines used) of each line (or two lines) that
    prints a listed name."""
    keyed = {norm(n): k for k, n in enumerate(names)}
    out = []
    content = [i for i in range(start, len(lines)) if lines[i].text.strip() and lines[i].kind == "text"]
    for pos, i in enumerate(content):
        t = lines[i].text.strip()
        key = title_key(t)  # (a letter-spaced title is twice as long as its key)
        if len(key) > _TITLE_MAX or _punctuated(t):
            continue
        if key in keyed:
            out.append((i, keyed[key], 1))
            continue
        if pos + 1 < len(content):
            j = content[pos + 1]
            u = lines[j].text.strip()
            both = key + title_key(u)
            if len(title_key(u)) <= _TITLE_MAX and both in keyed and key and not _punctuated(u):
                out.append((i, keyed[both], j - i + 1))
    return out


def _punctuated(text: str) -> bool:
    """Sentence punctuation outside the ordinal: the colon of 第8篇：法治 is the
    title's own."""
    return bool(SENTENCE_PUNCT.search(_ORDINAL.sub("", _DECOR.sub("", text.strip()))))


def _chain(cands: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest run of candidates whose names follow the list's order,
    earliest lines first among the longest (a 篇's title page comes before
    any running head repeating its name)."""
    n = len(cands)
    if not n:
        return []
    names = max(c[1] for c in cands) + 1
    # after[k]: longest chain starting at candidate k (computed back to front)
    after = [0] * n
    best_from = [0] * (names + 1)  # best chain length starting with name ≥ index, among later candidates
    for k in range(n - 1, -1, -1):
        _, name, _ = cands[k]
        after[k] = 1 + best_from[name + 1]
        for m in range(name, -1, -1):
            if best_from[m] >= after[k]:
                break
            best_from[m] = after[k]
    length = max(after)
    chain, need, last_name, last_line = [], length, -1, -1
    for k, c in enumerate(cands):
        if after[k] == need and c[1] > last_name and c[0] > last_line:
            chain.append(c)
            need -= 1
            last_name, last_line = c[1], c[0] + c[2] - 1
            if not need:
                break
    return chain


def split_parts(lines: list[Line], names: list[str], body_start: int) -> tuple[list[Line], list[tuple[str | None, list[Line]]]]:
    """(front matter, [(篇 title or None, its lines)]). A None title: the
    segment opens at a break line and carries its title on its first lines."""
    if any(l.kind == "break" for l in lines):
        segments: list[list[Line]] = [[]]
        for line in lines:
            if line.kind == "break":
                segments.append([])
            else:
                segments[-1].append(line)
        return segments[0], [(None, s) for s in segments[1:]]
    chain = _chain(_candidates(lines, body_start, names)) if names else []
    if not chain:
        shaped = [
            (i, k, 1) for k, i in enumerate(i for i in range(body_start, len(lines))
                                            if lines[i].kind == "text" and _PART_SHAPE.match(lines[i].text.strip()))
        ]
        if len(shaped) >= 2:
            chain = shaped
            names = [title_key(lines[i].text) for i, _, _ in shaped]
    if not chain:
        return lines[:body_start], [("", lines[body_start:])] if body_start < len(lines) else []
    front = lines[: chain[0][0]]
    out = []
    for (i, k, used), nxt in zip(chain, chain[1:] + [(len(lines), 0, 0)]):
        out.append((names[k], lines[i + used : nxt[0]]))
    return front, out
