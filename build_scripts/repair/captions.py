"""Photo captions and attributions (图片说明 · 供稿署名).

A yearbook prints photos with a caption that opens with the date and ends
with the credit: "10月20日，……活动 （九三学社河西区委会提供）". The extraction
puts it on one line or two (credit below), between paragraphs, or glues it to
the end of a paragraph. An attribution standing alone after running text
（区委办公室提供） / （王文振） names the source of the entries above it.

This pass only classifies and separates lines (Line.kind "caption" /
"credit"); it changes no character, so it records nothing in the audit.
"""
from __future__ import annotations

import re

from ..model import AuditRecord, Line
from ..text import CJK, CREDIT, DATED, NAME_CREDIT, TRAILING_CREDIT  # noqa: F401  (the shared caption vocabulary)
# A caption glued to the end of a paragraph, after its last sentence:
# "……成效。 4月4日，在纯真小学开展……活动 （区委宣传部提供）".
GLUED_CAPTION = re.compile(
    r"(?<=[。！？”\"?!])\s*((?:\d{4}\s*年|\d{1,2}\s*月)[^。]{4,100}[（(][^（）()]{1,40}(?:提供|摄)[）)])$"
)
# A caption opening a line whose rest is running text: the caption was set
# inside a paragraph cut by the photo ("6月8日，……协议（程雯雯摄） 续推广……").
LEADING_CAPTION = re.compile(
    r"^((?:\d{4}\s*年|\d{1,2}\s*月)[^。（）()]{4,100}[（(][^（）()]{1,40}(?:提供|摄)[）)])\s*(\S.*)$"
)
# An attribution glued after the last sentence of an entry: "……常态化。（区信访办提供）".
GLUED_CREDIT = re.compile(r"(?<=[。！？”\"?!])\s*([（(][^（）()]{1,40}(?:提供|摄|供稿|供图)[）)])$")
# An attribution opening a line, the next entry's 【title】 right after it:
# "（潘伟） 【民办教育】…" — the credit of the entry above, printed where the
# extraction ran the two together.
LEADING_CREDIT = re.compile(
    rf"^([（(](?:[^（）()]{{1,40}}(?:提供|摄|供稿|供图)|[{CJK}]{{2,4}}(?:[ 、，][{CJK}]{{2,4}})*)[）)])\s*(?=【)"
)
# How a line ends that GLUED_CREDIT or GLUED_CAPTION may match (`$` also
# matches before a final newline).
_CLOSING = ("）", ")", "）\n", ")\n")
# Captions are short: longer dated lines are running text (a 大事记 entry).
CAPTION_MAX = 120


def _is_caption_text(text: str) -> bool:
    return bool(DATED.match(text)) and len(text) <= CAPTION_MAX and not text.endswith("。")


def classify_captions(lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """Set kind "caption" on photo captions (with their credit joined on one
    line) and "credit" on attributions standing alone."""
    out: list[Line] = []
    # Index of the last non-empty line in `out`, to reach back over blank lines.
    last = None
    for line in lines:
        text = line.text
        if line.kind != "text" or not text:
            out.append(line)
            if line.kind != "text":
                last = None
            continue
        if CREDIT.match(text) or NAME_CREDIT.match(text):
            prev = out[last] if last is not None else None
            if prev is not None and prev.kind == "text" and _is_caption_text(prev.text) and not TRAILING_CREDIT.search(prev.text):
                # A caption whose credit was set on the line below.
                prev.text = f"{prev.text} {text}"
                prev.kind = "caption"
                continue
            out.append(Line(text, line.file, line.lineno, "credit"))
            last = len(out) - 1
            continue
        if _is_caption_text(text) and TRAILING_CREDIT.search(text):
            out.append(Line(text, line.file, line.lineno, "caption"))
            last = len(out) - 1
            continue
        lead_credit = LEADING_CREDIT.match(text)
        if lead_credit:
            out.append(Line(lead_credit.group(1), line.file, line.lineno, "credit"))
            out.append(Line(text[lead_credit.end():], line.file, line.lineno))
            last = len(out) - 1
            continue
        leading = LEADING_CAPTION.match(text)
        if leading and len(leading.group(1)) <= CAPTION_MAX:
            out.append(Line(leading.group(1), line.file, line.lineno, "caption"))
            out.append(Line(leading.group(2), line.file, line.lineno))
            last = len(out) - 1
            continue
        # (both glued patterns end in a closing parenthesis: a line ending
        # otherwise need not be searched, from every position, for them)
        closed = text.endswith(_CLOSING)
        credit = GLUED_CREDIT.search(text) if closed else None
        if credit:
            out.append(Line(text[: credit.start()].rstrip(), line.file, line.lineno))
            out.append(Line(credit.group(1), line.file, line.lineno, "credit"))
            last = len(out) - 1
            continue
        glued = GLUED_CAPTION.search(text) if closed else None
        if glued and not DATED.match(text):
            out.append(Line(text[: glued.start()].rstrip(), line.file, line.lineno))
            out.append(Line(glued.group(1), line.file, line.lineno, "caption"))
            last = len(out) - 1
            continue
        out.append(line)
        last = len(out) - 1
    return out
