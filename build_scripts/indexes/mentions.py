"""Which texts mention which words (出处查找), in one pass over the text.

An index heading points to every entry whose text contains it. Testing each
heading against each entry grows as headings × entries, and both grow with
the library; an Aho–Corasick automaton (pyahocorasick) finds every heading in
a text in one pass, so the work grows with the text only.
"""
from __future__ import annotations

from collections.abc import Iterable

import ahocorasick


def automaton(words: Iterable[str]) -> ahocorasick.Automaton | None:
    a = ahocorasick.Automaton()
    for word in words:
        if word:
            a.add_word(word, word)
    if len(a) == 0:
        return None
    a.make_automaton()
    return a


def found_in(a: ahocorasick.Automaton | None, text: str) -> set[str]:
    """The words of the automaton that occur in text (overlapping ones too)."""
    return {word for _, word in a.iter(text)} if a is not None else set()


def mentions(words: Iterable[str], texts: list[str]) -> dict[str, list[int]]:
    """For each word, the indexes of the texts that contain it, in order
    (the same as `[i for i, x in enumerate(texts) if word in x]`)."""
    words = list(words)
    hits: dict[str, list[int]] = {w: [] for w in words}
    a = automaton(words)
    for i, text in enumerate(texts):
        for word in found_in(a, text):
            hits[word].append(i)
    return hits


def contained(words: Iterable[str]) -> dict[str, set[str]]:
    """For each word, the other words it contains as a substring."""
    words = list(words)
    a = automaton(words)
    return {w: found_in(a, w) - {w} for w in words}
