"""Part-of-speech tags (词性标注) of short stretches of text, by jieba.

Tagging is the slow part of the name indexes (jieba's HMM over unknown words),
so each distinct stretch is tagged once: `Tagger.tag_all` tags what is not
yet known, across worker processes when there is much of it (each process
forked after jieba's dictionary is loaded, so the dictionary is loaded once),
and keeps the tags in `memo`; tags of an earlier build can be handed in as
`known` (`cache.py`: the tags depend on the text and the jieba version only).
"""
from __future__ import annotations

import logging
import multiprocessing
import os

from ..errors import worker_signals

Tags = tuple[tuple[str, str], ...]  # (word, tag) pairs in text order, spaces included

PARALLEL_FROM = 2000  # stretches to tag before worker processes pay for themselves
CHUNK = 400  # stretches per task handed to a worker

_posseg = None  # jieba.posseg, loaded once per process


def load_posseg():
    """jieba's tagger with its dictionary loaded (once per process)."""
    global _posseg
    if _posseg is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        import jieba.posseg

        _posseg = jieba.posseg
    return _posseg


def jieba_version() -> str:
    """Installed jieba's version, from its package metadata: importing jieba
    to ask (≈ 0.3 s, pkg_resources included) would cost a rebuild that needs
    no jieba at all (every stretch tagged before)."""
    from importlib.metadata import version

    return version("jieba")


def _cut(text: str) -> Tags:
    return tuple((w.word, w.flag) for w in _posseg.cut(text))


def _cut_chunk(chunk: list[str]) -> list[Tags]:
    return [_cut(text) for text in chunk]


class Tagger:
    """Tags of stretches of text. `known`: tags kept from an earlier build;
    `memo` collects the tags this build used (what is worth keeping)."""

    def __init__(self, known: dict[str, Tags] | None = None, processes: int | None = None,
                 dictionary: dict[str, str] | None = None):
        # jieba's tagger is loaded only when a text must be tagged (importing
        # jieba.posseg parses its whole dictionary): a rebuild whose texts were
        # all tagged before, with the dictionary's tags kept (`dictionary`,
        # cache.py), never loads it.
        self.known: dict[str, Tags] = known or {}
        self.memo: dict[str, Tags] = {}
        self.processes = processes if processes is not None else (os.cpu_count() or 1)
        self._dictionary = dictionary
        self.tagged = 0  # stretches this build tagged itself (not kept from an earlier one)

    @property
    def dictionary(self) -> dict[str, str]:
        """jieba's dictionary words and their tags."""
        if self._dictionary is None:
            self._dictionary = load_posseg().dt.word_tag_tab
        return self._dictionary

    def cut(self, text: str) -> Tags:
        tags = self.memo.get(text)
        if tags is None:
            tags = self.known.get(text)
            if tags is None:
                load_posseg()
                tags = _cut(text)
                self.tagged += 1
            self.memo[text] = tags
        return tags

    def tag_all(self, texts: list[str]) -> None:
        """Tag every text not yet known; in parallel when there are many."""
        todo = []
        for text in sorted(set(texts)):
            if text in self.memo:
                continue
            if text in self.known:
                self.memo[text] = self.known[text]
            else:
                todo.append(text)
        self.tagged += len(todo)
        if todo:
            load_posseg()  # before the workers fork: they inherit it
        if len(todo) < PARALLEL_FROM or self.processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
            for text in todo:
                self.memo[text] = _cut(text)
            return
        chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
        # fork: the workers inherit the loaded dictionary instead of loading it again.
        with multiprocessing.get_context("fork").Pool(self.processes, initializer=worker_signals) as pool:
            for chunk, tags in zip(chunks, pool.imap(_cut_chunk, chunks)):
                self.memo.update(zip(chunk, tags))
