"""OCR slips between a heading and the titles the book knows (识别误差).

A heading the 目录/条目索引 do not know may be a known title with one
character misread (two in a long title) or one character lost.
`repair_candidates` says which known titles a key is that near to;
`SlipIndex` gives the same answers for a fixed set of known titles without
comparing the key with every one of them: the structure stage asks for about
2,500 headings and lines against the book's ≈ 3,000 titles, and the scan
was a third of the stage.
"""
from __future__ import annotations

import re

from ..text import CJK

# Shortest heading that may have a character substituted: below two
# characters every substitution is a guess. A lost character may be restored
# even to a one-character heading (检 → 检察) when only one title fits.
MIN_REPAIR_LEN = 2
# From this length on a title may have two characters misread (现没…现没军人).
LONG_TITLE = 12

_CJK_CHAR = re.compile(f"[{CJK}]")


def _has_cjk(text: str) -> bool:
    return bool(_CJK_CHAR.search(text))


def _allowed(length: int) -> int:
    """How many characters of a title of this length may be misread."""
    return 2 if length >= LONG_TITLE else 1


def repair_candidates(key: str, known: set[str]) -> list[str]:
    """Known titles one OCR slip away from `key`: one character substituted
    (two in a title of LONG_TITLE characters or more, where two slips still
    leave it unmistakable) or one character lost (known title one longer).
    Only the nearest candidates are returned."""
    if not key or key in known:
        return []
    found: dict[str, int] = {}
    for k in known:
        slips = _slips(key, k)
        if slips:
            found[k] = slips
    return _nearest(found)


def _slips(key: str, k: str) -> int:
    """How many slips turn the known title k into key (0: none that count)."""
    if len(k) == len(key) >= MIN_REPAIR_LEN:
        allowed = _allowed(len(k))
        diff = _differences(k, key, allowed + 1)
        if 1 <= len(diff) <= allowed and all(_has_cjk(k[i]) and _has_cjk(key[i]) for i in diff):
            return len(diff)
    elif len(k) == len(key) + 1:
        for i in range(len(k)):
            if k[:i] + k[i + 1 :] == key and _has_cjk(k[i]):
                return 1
    return 0


def _nearest(found: dict[str, int]) -> list[str]:
    if not found:
        return []
    best = min(found.values())
    return sorted(k for k, d in found.items() if d == best)


def _differences(a: str, b: str, enough: int) -> list[int]:
    """Positions where two strings of one length differ, the first `enough`
    of them (more would not change the answer: most known titles differ from
    a heading at once)."""
    diff = []
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            diff.append(i)
            if len(diff) >= enough:
                break
    return diff


def _half(length: int) -> int:
    """Where a key of this length is cut into the halves a title one
    character longer shares one of."""
    return length // 2


def _pieces(length: int, count: int) -> list[tuple[int, int]]:
    """`count` consecutive stretches covering positions 0..length-1."""
    cuts = [length * c // count for c in range(count + 1)]
    return list(zip(cuts, cuts[1:]))


class SlipIndex:
    """`repair_candidates(key, keys)` for one set of known title keys, from
    tables of their pieces (the pigeonhole principle): a title with at most
    n characters misread has, cut into n + 1 stretches, one stretch as the
    key has it; a title that lost one character keeps either the first half
    of the key or its second half. Only the titles sharing such a piece
    with the key are compared with it, by the same rules. Answers are kept:
    the same line is asked about from several places."""

    def __init__(self, keys: set[str]) -> None:
        self._keys = keys
        self._same: dict[tuple, list[str]] = {}  # (length, stretch, its text) → keys of that length
        self._longer: dict[tuple, list[str]] = {}  # (length, "head"/"tail", text) → keys one longer
        for k in sorted(keys):
            n = len(k)
            if n >= MIN_REPAIR_LEN:
                for s, (a, b) in enumerate(_pieces(n, _allowed(n) + 1)):
                    self._same.setdefault((n, s, k[a:b]), []).append(k)
            if n:
                # k lost its character i: before the half, k's tail after it
                # is the key's tail; at or after it, k's head is the key's
                half = _half(n - 1)
                self._longer.setdefault((n - 1, "head", k[:half]), []).append(k)
                self._longer.setdefault((n - 1, "tail", k[half + 1 :]), []).append(k)
        self._answers: dict[str, list[str]] = {}

    def candidates(self, key: str) -> list[str]:
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = self._candidates(key)
        return list(answer)

    def _candidates(self, key: str) -> list[str]:
        if not key or key in self._keys:
            return []
        n = len(key)
        near: set[str] = set()
        if n >= MIN_REPAIR_LEN:
            for s, (a, b) in enumerate(_pieces(n, _allowed(n) + 1)):
                near.update(self._same.get((n, s, key[a:b]), ()))
        half = _half(n)
        near.update(self._longer.get((n, "head", key[:half]), ()))
        near.update(self._longer.get((n, "tail", key[half:]), ()))
        return _nearest({k: slips for k in near if (slips := _slips(key, k))})
