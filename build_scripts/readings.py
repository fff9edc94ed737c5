"""Readings (拼音) of Chinese text, as pypinyin gives them: the one home of the
calls into pypinyin, memoised for the next build.

pypinyin is phrase-aware and costs ≈ 0.3 ms a call; a build asks for the
readings of the same ≈ 3,000 titles and headings every time (index order,
title pinyin for search, slugs), so a rebuild after a one-character change
would spend ≈ 0.7 s recomputing answers it had. `MEMO` holds them; the
pipeline loads it from the cache before the stages that read pinyin and saves
it after (cache.Cache.load_readings: keyed on the code and the installed
packages, pypinyin's version among them, so an answer is never stale). The
book's own phrase readings (collation.load_phrase_readings) are applied by
the caller over these, so they are not part of a memo key.
"""
from __future__ import annotations

import itertools


# (style, text) → pypinyin's syllables. "t": TONE3 with neutral tone 5 and ü
# (index order); "n": NORMAL (slugs, search).
MEMO: dict[tuple[str, str], tuple[str, ...]] = {}


def since(mark: int) -> dict[tuple[str, str], tuple[str, ...]]:
    """The answers added to MEMO after it held `mark` of them (a forked
    worker's own, to send back to the build, which keeps them): MEMO only
    grows, and a dict keeps its insertion order."""
    return dict(itertools.islice(MEMO.items(), mark, None))


def toned(han: str) -> tuple[str, ...]:
    """Syllables with their tone digit (zhong4; neutral tone 5; ü kept)."""
    key = ("t", han)
    if key not in MEMO:
        MEMO[key] = tuple(_pinyin("toned").lazy_pinyin(han, style=_style("TONE3")))
    return MEMO[key]


def plain(text: str) -> tuple[str, ...]:
    """Syllables without tones (zhong); what is not Chinese passes through as
    pypinyin's `errors="default"` leaves it."""
    key = ("n", text)
    if key not in MEMO:
        MEMO[key] = tuple(_pinyin("plain").lazy_pinyin(text, style=_style("NORMAL")))
    return MEMO[key]


def prepare() -> None:
    """Import pypinyin now (the build does when a core is idle, before the
    stages that ask it), not at the first miss."""
    _style("NORMAL")


_PINYIN: dict = {}  # "toned"/"plain" → its pypinyin.core.Pinyin, made on the first miss


def _pinyin(kind: str):
    """pypinyin's `lazy_pinyin` as a `Pinyin` of its own converter (what
    pypinyin.lazy_pinyin makes at every call), imported on the first miss:
    importing pypinyin loads its dictionaries (≈ 0.3 s), which a rebuild
    answered from the memo never needs."""
    if kind not in _PINYIN:
        from pypinyin.core import Pinyin

        options = {"neutral_tone_with_five": True, "v_to_u": True} if kind == "toned" else {}
        _PINYIN[kind] = Pinyin(_converter()(**options))
    return _PINYIN[kind]


def _converter():
    """pypinyin's UltimateConverter (lazy_pinyin's) with each syllable's style
    conversion done once: pypinyin converts the tone-marked reading of every
    character of every call anew (regular-expression substitutions: more than
    half of a call's time), while a book's ≈ 3,000 titles use a few hundred
    distinct syllables. The conversion reads only the syllable, the style and
    `strict` (the character is handed to its hooks, which these styles and
    options ignore): tests/unit/test_readings.py compares the answers with
    pypinyin.lazy_pinyin's."""
    from pypinyin.converter import UltimateConverter

    class SyllableMemo(UltimateConverter):
        def __init__(self, **options):
            super().__init__(**options)
            self._styled: dict = {}

        def convert_style(self, han, orig_pinyin, style, strict, **kwargs):
            if kwargs:  # an option this memo's key does not cover
                return super().convert_style(han, orig_pinyin, style, strict, **kwargs)
            key = (orig_pinyin, style, strict)
            if key not in self._styled:
                self._styled[key] = super().convert_style(han, orig_pinyin, style, strict)
            return self._styled[key]

    return SyllableMemo


def _style(name: str):
    from pypinyin import Style

    return getattr(Style, name)
