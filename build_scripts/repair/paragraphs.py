"""Paragraphs broken mid-sentence (断段).

In this extraction a line is a paragraph. At a page or column break the
extraction may cut a paragraph in two, sometimes with a photo caption set
between the halves. A paragraph is cut when it is running text (it holds
sentence punctuation) that ends without a sentence-final mark, and the next
text paragraph carries on (it is not a heading, an entry, a numbered item or
a dated item). The halves are joined; captions between them move after the
joined paragraph, as the reader sees the photo after the sentence.
"""
from __future__ import annotations

import dataclasses
import re

from ..model import AuditRecord, Line
from .common import CJK, SENTENCE_END, record

# Sentence punctuation inside a line marks it as running text, not a heading
# (an enumeration comma alone does not: bylines and long headings use 、 too,
# "荣获二等功以上奖励的退役军人和获得省部级、战区级……事迹补遗").
_RUNNING = re.compile(r"[，。；,;]")
# A byline under a speech or article title: titles, a space, the name
# ("河西区委常委、区委组织部部长 李洪喜").
_BYLINE = re.compile(f"^[^，。；,;]{{2,60}} [{CJK}]{{2,4}}$")
# Openings of a new paragraph: an entry 【…】, a numbered heading (一、 （一）
# 1. (1) 第一，), a dated item (6日 / 3月7日 / 2023年，), a lead-in 一是.
_NEW_PARAGRAPH = re.compile(
    r"^(?:【|——|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d)"
    r"|第[一二三四五六七八九十]+[，、]|\d{1,2}\s*[月日]|\d{4}\s*年|同日|是日)"
)
# A numbered heading: its text may hold commas but it is not a sentence.
_NUMBERED_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
# What a cut paragraph's last character may be (the text is stripped: its
# last character is where the cut fell).
_LEADS_ON = re.compile(f"[{CJK}0-9A-Za-z，,、“‘\"《（(—]")
# A short line without sentence punctuation is a heading or label.
HEADING_MAX = 40


def _is_cut(text: str) -> bool:
    """Running text that stops without a sentence-final mark."""
    t = text.rstrip()
    if not t or "\t" in t or t[-1] in SENTENCE_END:
        return False
    if _BYLINE.match(t) or not _RUNNING.search(t):
        return False
    if _NUMBERED_HEAD.match(t) and "。" not in t:
        return False
    # It stops on a character or a mark that leads on (a comma, an opening
    # quote or bracket, a dash); half-width marks are not yet converted.
    return bool(_LEADS_ON.fullmatch(t[-1]))


def _continues(text: str) -> bool:
    """A paragraph that can carry on a cut one."""
    t = text.strip()
    if not t or "\t" in t or _NEW_PARAGRAPH.match(t):
        return False
    if len(t) <= HEADING_MAX and not _RUNNING.search(t) and t[-1] not in SENTENCE_END:
        return False  # a heading or a label
    return True


def _glue(a: str, b: str) -> str:
    """Join two halves: no space in Chinese text, one between Latin words."""
    if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum():
        return f"{a} {b}"
    return a + b


def _page_break_after(lines: list[Line], i: int) -> bool:
    """A printed page number (a "page" marker of the furniture repair) stands
    between line i and the next text, past blanks and captions."""
    k = i + 1
    while k < len(lines) and (not lines[k].text or lines[k].kind == "caption"):
        if lines[k].kind == "page":
            return True
        k += 1
    return False


def _cut_by_page(text: str) -> bool:
    """Text that stops without a sentence-final mark where the page ended:
    the page break is the evidence of a cut, even in a short half."""
    t = text.rstrip()
    return bool(t) and "\t" not in t and t[-1] not in SENTENCE_END


def _continues_page(text: str) -> bool:
    """What carries on a half cut by a page break only: running text."""
    t = text.strip()
    return _continues(t) and bool(_RUNNING.search(t)) and len(t) > HEADING_MAX


def rejoin_paragraphs(lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    out: list[Line] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.kind != "text" or not (_is_cut(line.text) or (_page_break_after(lines, i) and _cut_by_page(line.text))):
            out.append(line)
            i += 1
            continue
        current = dataclasses.replace(line)
        moved: list[Line] = []
        j = i + 1
        while True:
            # Look past blank lines and captions for the next text paragraph.
            k = j
            skipped: list[Line] = []
            while k < n and (not lines[k].text or lines[k].kind == "caption"):
                skipped.append(lines[k])
                k += 1
            if k >= n or lines[k].kind != "text":
                break
            by_page = not _is_cut(current.text)  # only the page break says it was cut
            if not (_continues_page(lines[k].text) if by_page else _continues(lines[k].text)):
                break
            nxt = lines[k]
            tail, head = current.text.rstrip()[-8:], nxt.text.strip()[:8]
            current.page_breaks += tuple((len(current.text.rstrip()), s.page) for s in skipped if s.kind == "page")
            current.text = _glue(current.text.rstrip(), nxt.text.strip())
            caption = any(s.kind == "caption" for s in skipped)
            record(
                audit, line, "paragraph-join", f"{tail}\n{head}", _glue(tail, head),
                f"paragraph cut mid-sentence, continued on line {nxt.lineno}"
                + (", across a photo caption" if caption else "")
                + (", across a page break" if any(s.kind == "page" for s in skipped) else ""),
            )
            moved += [s for s in skipped if s.kind in ("caption", "page")]
            j = k + 1
            if not (_is_cut(current.text) or (_page_break_after(lines, k) and _cut_by_page(current.text))):
                break
        out.append(current)
        out.extend(moved)
        i = j if j > i + 1 else i + 1
    return out
