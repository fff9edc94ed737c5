"""Letter-spaced text (字间空格): a passage set with a space after every
character (`全 区 普 通 中 学 30 所`, a spaced title `2006 年 通 州 区 大 事 记`),
as some PDF tools extract justified or display type.

The signal is the line's own rhythm: nearly every space-separated piece is
a single character (digits of a number stay one piece). Such a line has no
deliberate spaces left to keep, so every single space goes, except between
two Latin words. A name list (`刘 琳 孟冬梅`) or a 职务 姓名 line has pieces of
two to four characters and is left alone, and so is a roster that pads its
two-character names to the width of the three-character ones
(`刘 琳 孟冬梅 张 三`): there the single characters come in pairs beside whole
names, and joining them would lose where one name ends; a two-character heading (`农 业`)
is matched by its key elsewhere (spaces never count in a title's key).
"""
from __future__ import annotations

import re

from ..model import AuditRecord, Line
from .common import CJK, record

# At least this many pieces, and this share of them a single character.
MIN_PIECES = 4
SINGLE_SHARE = 0.8
_PIECE = re.compile(r"\S+")
_CJK = re.compile(f"[{CJK}]")
_SPACE = re.compile(r"(?<=\S) (?=\S)")


# A whole name in a padded roster: three ideographs, nothing else.
_NAME3 = re.compile(f"^[{CJK}]{{3}}$")
_ONE = re.compile(f"^[{CJK}]$")


def is_letter_spaced(text: str) -> bool:
    pieces = _PIECE.findall(text)
    if len(pieces) < MIN_PIECES or not _CJK.search(text) or _padded_roster(pieces):
        return False
    # a number or a Latin word is one piece however long; a CJK piece of one
    # character (with the mark after it) is the letter-spaced unit. (Counted
    # until the share is out of reach: a paragraph's pieces are whole
    # phrases, and its first few decide.)
    need = SINGLE_SHARE * len(pieces)
    single = 0
    for k, p in enumerate(pieces):
        if len(_CJK.findall(p)) <= 1 and (len(p) <= 2 or not _CJK.search(p)):
            single += 1
        elif single + len(pieces) - k - 1 < need:
            return False
    return single >= need and sum(1 for p in pieces if _CJK.search(p)) >= MIN_PIECES


def _padded_roster(pieces: list[str]) -> bool:
    """Names padded to one width (刘 琳 孟冬梅 张 三): every piece one ideograph or
    a three-ideograph name, at least one such name, and the single ideographs
    in runs of even length — the two halves of each spaced two-character name.
    A letter-spaced line has no whole three-character piece between its
    single characters (or numbers and marks among them)."""
    if not any(_NAME3.match(p) for p in pieces):
        return False
    run = 0
    for p in pieces + [""]:
        if _ONE.match(p):
            run += 1
            continue
        if run % 2 or (p and not _NAME3.match(p)):
            return False
        run = 0
    return True


def join_letter_spacing(text: str, line: Line, audit: list[AuditRecord]) -> str:
    """Remove the spaces of a letter-spaced line (audited)."""
    if "\t" in text or not is_letter_spaced(text):
        return text

    def keep(m: re.Match) -> str:
        a, b = text[m.start() - 1], text[m.end()]
        return " " if a.isascii() and a.isalpha() and b.isascii() and b.isalpha() else ""

    out = _SPACE.sub(keep, text)
    if out != text:
        record(audit, line, "letter-spacing", text, out, "letter-spaced line: a space after every character")
    return out
