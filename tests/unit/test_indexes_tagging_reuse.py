"""The tagger's bookkeeping a rebuild relies on (pipeline.py → cache.py): tags
kept from an earlier build are used as they are and never tagged again, each
stretch is tagged once, `memo` holds what this build used (what the cache
keeps), `tagged` counts what jieba itself tagged (the build's progress line),
and a dictionary handed in is the one the name rules read."""
from __future__ import annotations

import os

import pytest

from build_scripts.indexes import tagging

TEXT = "区委书记李学义在开幕会上作了讲话"
OTHER = "河西区民政局局长王伟出席"
# Tags no jieba run would give: seen only when the kept ones are used.
KEPT = (("区委书记", "n"), ("李学义", "nr"), ("在开幕会上作了讲话", "x"))


def test_tags_kept_from_an_earlier_build_are_used_without_tagging_again():
    tagger = tagging.Tagger(known={TEXT: KEPT}, processes=1)
    tagger.tag_all([TEXT])
    assert tagger.cut(TEXT) == KEPT
    assert tagger.memo == {TEXT: KEPT}  # what the cache will keep
    assert tagger.tagged == 0


def test_a_kept_stretch_cut_directly_is_not_tagged_either():
    tagger = tagging.Tagger(known={TEXT: KEPT}, processes=1)
    assert tagger.cut(TEXT) == KEPT and tagger.tagged == 0 and tagger.memo == {TEXT: KEPT}


def test_each_new_stretch_is_tagged_once_and_counted_once():
    tagger = tagging.Tagger(processes=1)
    tagger.tag_all([TEXT, OTHER, TEXT])
    assert tagger.tagged == 2
    first = tagger.cut(TEXT)
    tagger.tag_all([TEXT, OTHER])
    assert tagger.tagged == 2 and tagger.cut(TEXT) is first  # from the memo, not tagged again
    tagger.cut("总队长安平年调研消防工作")
    assert tagger.tagged == 3
    assert set(tagger.memo) == {TEXT, OTHER, "总队长安平年调研消防工作"}
    assert ("李学义", "nr") in tagger.memo[TEXT] and ("王伟", "nr") in tagger.memo[OTHER]


def test_stretches_after_one_already_known_are_still_tagged():
    tagger = tagging.Tagger(processes=1)
    tagger.cut(TEXT)  # 区委… sorts before 总队长… and 河西区…: the known one comes first
    tagger.tag_all([OTHER, TEXT, "总队长安平年调研消防工作"])
    assert set(tagger.memo) == {TEXT, OTHER, "总队长安平年调研消防工作"} and tagger.tagged == 3
    assert all(tagger.memo.values())


def test_kept_and_new_stretches_together():
    tagger = tagging.Tagger(known={TEXT: KEPT}, processes=1)
    tagger.tag_all([TEXT, OTHER])
    assert tagger.memo[TEXT] == KEPT and ("王伟", "nr") in tagger.memo[OTHER]
    assert tagger.tagged == 1


def test_a_dictionary_kept_from_an_earlier_build_is_the_one_read():
    words = {"李学义": "nr"}
    assert tagging.Tagger(known={TEXT: KEPT}, dictionary=words).dictionary is words


def test_a_tagger_uses_every_core_unless_told_otherwise():
    assert tagging.Tagger().processes == (os.cpu_count() or 1)
    assert tagging.Tagger(processes=1).processes == 1


def test_the_first_stretch_of_a_fresh_process_loads_jieba(monkeypatch):
    monkeypatch.setattr(tagging, "_posseg", None)  # as in a process that has not tagged yet
    tags = tagging.Tagger(processes=1).cut(TEXT)
    assert ("李学义", "nr") in tags
    assert tagging._posseg is not None  # loaded once, for the stretches after it


def _forks(monkeypatch, processes: int, texts: list[str], parallel_from: int = 6) -> list[int]:
    """Tag `texts` with a tagger of `processes`; the sizes of the worker pools it started."""
    pools = []
    real = tagging.multiprocessing.get_context

    def get_context(method=None):
        context = real(method)
        pool = context.Pool

        def counted(processes=None, *args, **kwargs):
            pools.append(processes)
            return pool(processes, *args, **kwargs)

        context.Pool = counted
        return context

    monkeypatch.setattr(tagging.multiprocessing, "get_context", get_context)
    monkeypatch.setattr(tagging, "PARALLEL_FROM", parallel_from)
    monkeypatch.setattr(tagging, "CHUNK", 2)
    tagger = tagging.Tagger(processes=processes)
    tagger.tag_all(texts)
    assert set(tagger.memo) == set(texts) and tagger.tagged == len(set(texts))
    assert tagger.memo == {t: tagging._cut(t) for t in texts}  # the same tags either way
    return pools


def test_many_stretches_are_tagged_by_as_many_workers_as_the_tagger_has(monkeypatch):
    texts = [f"第{i}次区长办公会议" for i in range(6)]  # as many as PARALLEL_FROM
    assert _forks(monkeypatch, 2, texts) == [2]


def test_a_single_process_tagger_or_a_small_batch_never_starts_workers(monkeypatch):
    texts = [f"第{i}次区长办公会议" for i in range(6)]
    assert _forks(monkeypatch, 1, texts) == []
    assert _forks(monkeypatch, 2, texts[:5]) == []  # fewer than PARALLEL_FROM: not worth a pool


@pytest.mark.parametrize("processes", [1, 2])
def test_each_stretch_is_handed_over_once_when_its_tags_are_in(monkeypatch, processes):
    """Tagger.tag_all's `each`: the caller reads each lot as it is tagged
    (the kept ones first), every stretch once, its tags already there."""
    monkeypatch.setattr(tagging, "PARALLEL_FROM", 6)
    monkeypatch.setattr(tagging, "CHUNK", 2)
    texts = [f"第{i}次区长办公会议" for i in range(6)]
    tagger = tagging.Tagger(known={TEXT: KEPT}, processes=processes)
    lots = []
    tagger.tag_all([TEXT] + texts + texts[:2], lambda lot: lots.append({t: tagger.memo[t] for t in lot}))
    assert lots[0] == {TEXT: KEPT}
    assert sorted(t for lot in lots[1:] for t in lot) == sorted(texts)
    assert all(tags == tagging._cut(t) for lot in lots[1:] for t, tags in lot.items())
    assert len(lots) == (4 if processes == 2 else 2)  # by the workers' lots, or all at once


def test_a_second_lot_goes_to_the_workers_of_the_first(monkeypatch):
    """Inside `working`, one pool for every lot: a lot too small for a pool
    of its own (the bodies' first uses, names._build) is tagged by the
    workers already running; after it, none are left."""
    import multiprocessing

    pools = []
    real = tagging.multiprocessing.get_context

    def get_context(method=None):
        context = real(method)
        pool = context.Pool
        context.Pool = lambda processes=None, *a, **k: pools.append(processes) or pool(processes, *a, **k)
        return context

    monkeypatch.setattr(tagging.multiprocessing, "get_context", get_context)
    monkeypatch.setattr(tagging, "PARALLEL_FROM", 6)
    tagger = tagging.Tagger(processes=2)
    first, second = [f"第{i}次区长办公会议" for i in range(6)], ["区长王伟出席", "局长李强出席"]
    with tagger.working():
        tagger.tag_all(first)
        cut = tagging._cut
        monkeypatch.setattr(tagging, "_cut", lambda text: pytest.fail("tagged in this process"))
        tagger.tag_all(second)
        monkeypatch.setattr(tagging, "_cut", cut)
    assert pools == [2]
    assert tagger.memo == {t: tagging._cut(t) for t in first + second} and tagger.tagged == 8
    assert not multiprocessing.active_children()
    tagger.tag_all(["镇长赵刚出席"])  # outside: too few for a pool
    assert pools == [2]
