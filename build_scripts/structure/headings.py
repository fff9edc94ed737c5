"""Heading text: spaces and OCR damage (标题文字的修整).

A printed heading reaches us with two kinds of noise:
- spaces: letter-spacing of short headings (综 述, 法 院), line-wrap spaces of
  long ones (…思想主 题教育) and spaces the extraction put around quotes and
  digits (" 互联网 + 政务服务 ", 2023 年). Deliberate spaces between two
  names (政法 综治, 共青团河西区委员会 河西区青年联合会) stay.
- OCR substitutions and losses (综迷 for 综述, 河面区 for 河西区, 退没 for
  退役, a heading that lost a character). They are repaired only against the
  book's own 目录 and 条目索引: a heading the book does not know is replaced by
  the one known title it is one character away from. Every repair is an
  AuditRecord of kind "heading-repair".
"""
from __future__ import annotations

import re

from ..model import AuditRecord, Line
from ..text import CJK
from .shapes import norm
from .slips import repair_candidates  # noqa: F401 (the heading rule: check.py and the tests ask for it here)
from .toc_index import BookIndex

# A space touching something that is not a Chinese character (quotes, digits,
# Latin, punctuation): Chinese typesetting never prints one there.
_NON_CJK_SPACE = re.compile(f"\\s+(?=[^{CJK}\\s])|(?<=[^{CJK}\\s])\\s+")
# A space between two Chinese characters.
_CJK_SPACE = re.compile(f"(?<=[{CJK}]) +(?=[{CJK}])")
# A space after at least this many characters of a run is where a long heading
# wrapped (the sample's columns hold 21–23 characters; headings are set a
# little larger). Shorter runs are names set side by side on purpose.
WRAP_RUN = 12


def clean_title(raw: str, index: BookIndex | None = None) -> str:
    """The heading as a reader should see it: noise spaces removed, deliberate
    spaces kept. When the book's 目录/索引 prints the same title, its spacing
    decides; otherwise a space stays only between two runs of two or more
    characters where no line can have wrapped."""
    text = re.sub(r"\s+", " ", raw.strip())
    text = _NON_CJK_SPACE.sub("", text) if _has_cjk(text) else text
    if " " not in text:
        return text
    printed = index.spacing(norm(text)) if index else None
    kept = _space_positions(clean_title(printed)) if printed and printed != raw else None
    out = []
    pos = 0  # position in the space-free text
    runs = text.split(" ")
    for k, run in enumerate(runs):
        out.append(run)
        pos += len(run)
        if k == len(runs) - 1:
            break
        nxt = runs[k + 1]
        if kept is not None:
            keep = pos in kept
        else:
            keep = len(run) >= 2 and len(nxt) >= 2 and len(run) < WRAP_RUN
        out.append(" " if keep else "")
    return "".join(out)


def _space_positions(text: str) -> set[int]:
    positions, pos = set(), 0
    for ch in text:
        if ch == " ":
            positions.add(pos)
        else:
            pos += 1
    return positions


def _has_cjk(text: str) -> bool:
    return bool(re.search(f"[{CJK}]", text))


# A repaired title must be printed (by the 目录/索引) within this many pages
# after the last page the book has reached, or a few before it: a same-looking
# title fifty pages away is another entry, not this one.
PAGES_BEHIND, PAGES_AHEAD = 3, 12
# A title printed in this many places (综述, 概况) is a generic name: where it
# is printed says nothing about one occurrence.
GENERIC_TITLE_PLACES = 4


def near(index: BookIndex, key: str, page: int | None) -> bool:
    options = [p for pages in index.pages(key, raw=True) for p in pages]
    if page is None or not options or len(options) >= GENERIC_TITLE_PLACES:
        return True
    window = range(max(1, page - PAGES_BEHIND), page + PAGES_AHEAD + 1)
    # a page number the extraction cut short ("综 述1" for 103) fits any page it begins
    return any(p in window or any(str(q).startswith(str(p)) and q > p for q in window) for p in options)


def repair_heading(
    raw: str,
    line: Line,
    index: BookIndex,
    audit: list[AuditRecord],
    taken: set[str] = frozenset(),
    page: int | None = None,
) -> str:
    """The heading, repaired against the 目录/索引 when it has exactly one
    candidate there that is not itself a heading of the same 篇 (`taken`: two
    real siblings may differ by one character) and printed near `page`, the
    page the book has reached. Returns the cleaned title."""
    title = clean_title(raw, index)
    key = norm(title)
    candidates = [c for c in index.slips().candidates(key) if c not in taken and near(index, c, page)]
    if len(candidates) != 1:
        return title
    fixed = clean_title(index.printed(candidates[0]) or candidates[0], index)
    audit.append(
        AuditRecord(
            line.file,
            line.lineno,
            "heading-repair",
            raw.strip(),
            fixed,
            "heading unknown to the book's 目录/条目索引; one character away from a title they print",
        )
    )
    return fixed
