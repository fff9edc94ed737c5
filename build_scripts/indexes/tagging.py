"""Part-of-speech tags (词性标注) of short stretches of text, by jieba.

Tagging is the slow part of the name indexes (jieba's HMM over unknown words),
so each distinct stretch is tagged once: `Tagger.tag_all` tags what is not
yet known, across worker processes when there is much of it (each process
forked after jieba's dictionary is loaded, so the dictionary is loaded once),
and keeps the tags in `memo`; tags of an earlier build can be handed in as
`known` (`cache.py`: the tags depend on the text and the jieba version only).

Most of jieba's tagging time is its Viterbi search over the tags of unknown
words (`jieba.posseg.viterbi`), which scores every pair of its 256 states at
each character and runs again for the same unknown run of characters in every
overlapping stretch. `viterbi` below gives the same result, scoring only the
pairs jieba's transition table has, once per run: `load_posseg` installs it,
and has each block of characters cut once (`_memoise_blocks`).
"""
from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os

from .. import workers
from ..segmenter import load_jieba

Tags = tuple[tuple[str, str], ...]  # (word, tag) pairs in text order, spaces included

PARALLEL_FROM = 2000  # stretches to tag before worker processes pay for themselves
CHUNK = 400  # stretches per task handed to a worker

_posseg = None  # jieba.posseg, loaded once per process


def load_posseg():
    """jieba's tagger with its dictionary loaded (once per process)."""
    global _posseg
    if _posseg is None:
        load_jieba()
        import jieba.posseg

        # jieba.posseg's tokenizer calls the module's `viterbi` by name.
        jieba.posseg.viterbi = viterbi
        _memoise_blocks(jieba.posseg.dt)
        _posseg = jieba.posseg
    return _posseg


def _memoise_blocks(tokenizer) -> None:
    """jieba's POS tokenizer cuts a text block by block (its runs of Han
    characters, letters and digits: `__cut_DAG`, whose answer depends on the
    block and the dictionary only, and no user dictionary is ever added), and
    the overlapping stretches the name indexes tag share a quarter of their
    blocks: each block is cut once per process (≈ 6 % of the tagging's CPU)."""
    cut_block = tokenizer._POSTokenizer__cut_DAG  # the name-mangled method of jieba 0.42.1

    @functools.lru_cache(maxsize=1 << 16)
    def memoised(block: str) -> tuple:
        return tuple(cut_block(block))

    # An attribute of the instance: `self.__cut_DAG` in __cut_internal finds it first.
    tokenizer._POSTokenizer__cut_DAG = memoised


def loaded_word_tags() -> dict[str, str] | None:
    """jieba's dictionary words and their tags if this process has its tagger
    loaded (or was forked from one that had), else None: reading them from
    the cache instead would unpickle a 5 MB table (≈ 0.15 s)."""
    return _posseg.dt.word_tag_tab if _posseg is not None else None


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
        self._pool = None  # the running workers
        self._keep = False  # whether they are kept for the next lot (`working`)

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

    def tag_all(self, texts: list[str], each=lambda tagged: None) -> None:
        """Tag every text not yet known; in parallel when there are many (or
        a few, when the workers of `working` are running already).
        `each(texts)` is called with each lot of the texts once their tags
        are in `memo` (the known ones first): the caller reads a lot while
        the workers tag the next, instead of reading all after the last."""
        todo, ready = [], []
        for text in sorted(set(texts)):
            if text in self.memo:
                ready.append(text)
                continue
            if text in self.known:
                self.memo[text] = self.known[text]
                ready.append(text)
            else:
                todo.append(text)
        each(ready)
        self.tagged += len(todo)
        if todo:
            load_posseg()  # before the workers fork: they inherit it
        many = len(todo) >= PARALLEL_FROM or (self._pool is not None and len(todo) >= self.processes)
        if not many or self.processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
            for text in todo:
                self.memo[text] = _cut(text)
            each(todo)
            return
        # Lots of CHUNK, or fewer: a lot for each worker at least, twice over.
        size = min(CHUNK, -(-len(todo) // (2 * self.processes)))
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        with self._workers() as pool:
            for chunk, tags in zip(chunks, pool.imap(_cut_chunk, chunks)):
                self.memo.update(zip(chunk, tags))
                each(chunk)

    @contextlib.contextmanager
    def working(self):
        """Inside, every lot tagged in parallel goes to the same workers,
        forked for the first one: a second, smaller lot costs no new pool,
        and its unknown runs may be ones the workers searched before (the
        memoised `viterbi`)."""
        self._keep = True
        try:
            yield self
        finally:
            self._keep = False
            self._close()

    @contextlib.contextmanager
    def _workers(self):
        if self._pool is None:
            # fork: the workers inherit the loaded dictionary instead of loading it again.
            self._pool = workers.pool(self.processes)
        try:
            yield self._pool
        finally:
            if not self._keep:
                self._close()

    def _close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None


# --- jieba's Viterbi search, the same answers for less work (see the module's docstring) ---


MIN_FLOAT = -3.14e100  # jieba.posseg.viterbi's score of a character a state never emits
MIN_INF = float("-inf")  # its score of a transition its table lacks


def viterbi(obs, states, start_p, trans_p, emit_p):
    """jieba.posseg.viterbi.viterbi (jieba 0.42.1), same result, once per text:
    the tables jieba.posseg hands in are its module constants."""
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    if any(mine is not jiebas for mine, jiebas in zip((states, start_p, trans_p, emit_p), (char_state_tab_P, start_P, trans_P, emit_P))):
        raise ValueError("tagging.viterbi serves jieba.posseg's own tables only")
    return _viterbi(obs)


@functools.cache
def _incoming() -> dict:
    """For each state, the states with a transition into it and its score
    (the table's 5,218 transitions, against 65,536 pairs of states)."""
    from jieba.posseg import trans_P

    into: dict = {}
    for y0, row in trans_P.items():
        for y, score in row.items():
            into.setdefault(y, []).append((y0, score))
    return into


@functools.lru_cache(maxsize=1 << 16)
def _viterbi(obs: str):
    """jieba's Viterbi search. jieba scores, at each character, every pair of
    a state y the character may have and a state y0 of the character before;
    a pair without a transition in its table scores -inf. Here only the pairs
    with one are scored (`_incoming`): y takes the best of those, the same
    winner, since -inf loses to any other score, and states with no such pair
    are left out, as jieba leaves out the states no transition leads to.
    Where jieba's answer comes from -inf scores alone (every pair of y
    scores -inf, or no state of the character is reachable), it is computed
    as jieba does. Ties are broken by the state, as by jieba's `max` over
    (score, state); scores are summed in jieba's order."""
    from jieba.posseg import char_state_tab_P as states, emit_P as emit_p, start_P as start_p, trans_P as trans_p

    into = _incoming()
    V = [{}]
    mem_path = [{}]
    all_states = trans_p.keys()
    for y in states.get(obs[0], all_states):
        V[0][y] = start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT)
        mem_path[0][y] = ""
    for t in range(1, len(obs)):
        before, now, path = V[t - 1], {}, {}
        V.append(now)
        mem_path.append(path)
        prev_states = [x for x in mem_path[t - 1].keys() if len(trans_p[x]) > 0]
        live = set(prev_states)
        char = obs[t]
        for y in set(states.get(char, all_states)):
            emit = emit_p[y].get(char, MIN_FLOAT)
            scored = [(before[y0] + score + emit, y0) for y0, score in into.get(y, ()) if y0 in live]
            if scored:
                best = max(scored)
                if best[0] == MIN_INF:
                    best = _every_pair(before, prev_states, trans_p, y, emit)
                now[y], path[y] = best
        if not now:  # no state of the character is reachable: jieba takes every state that is
            expect_next = {y for x in prev_states for y in trans_p[x].keys()}
            for y in expect_next or all_states:
                now[y], path[y] = _every_pair(before, prev_states, trans_p, y, emit_p[y].get(char, MIN_FLOAT))
    prob, state = max((V[-1][y], y) for y in mem_path[-1].keys())
    route = [None] * len(obs)
    i = len(obs) - 1
    while i >= 0:
        route[i] = state
        state = mem_path[i][state]
        i -= 1
    return prob, tuple(route)


def _every_pair(before: dict, prev_states: list, trans_p: dict, y, emit: float):
    """jieba's own choice of the best predecessor of y: every state scored."""
    return max((before[y0] + trans_p[y0].get(y, MIN_INF) + emit, y0) for y0 in prev_states)


class KeptLookups:
    """jieba's dictionary (word → tag, `Tagger.dictionary`) as far as an
    earlier build asked it: the answers it got, kept by the cache, and the
    whole table (≈ 350,000 words, a 5 MB file) loaded only for a word outside
    them. A rebuild after a small correction asks about the same words and
    so never loads the table. `asked` collects this build's answers (None:
    not a dictionary word) for the next one. The name rules use only `get`
    and `in`."""

    def __init__(self, kept: dict[str, str | None], load_table):
        self._kept = kept
        self._load_table = load_table
        self._table: dict[str, str] | None = None
        self.asked: dict[str, str | None] = {}

    @property
    def loaded(self) -> dict[str, str] | None:
        """The whole table if this build had to load it, else None."""
        return self._table

    @property
    def table(self) -> dict[str, str]:
        """The whole table (loaded on first use)."""
        if self._table is None:
            self._table = self._load_table()
        return self._table

    def note(self, answers: dict[str, str | None]) -> None:
        """Answers an earlier build's rules got, counted as asked again (the
        rules they answer were not run again: their result was kept)."""
        self.asked.update(answers)

    def _tag(self, word: str) -> str | None:
        tag = self._kept[word] if word in self._kept else self.table.get(word)
        self.asked[word] = tag
        return tag

    def get(self, word: str, default=None):
        tag = self._tag(word)
        return default if tag is None else tag

    def __contains__(self, word: str) -> bool:
        return self._tag(word) is not None
