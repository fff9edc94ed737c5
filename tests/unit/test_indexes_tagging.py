"""tagging.viterbi: jieba's Viterbi search over the tags of unknown words,
scoring only the transitions jieba's table has — the same tags as jieba's own
search, which the name indexes (people, organisations, places) are built on."""
from __future__ import annotations

import random
import sys

import pytest

from build_scripts.indexes import tagging


def _jieba_viterbi():
    tagging.load_posseg()
    return sys.modules["jieba.posseg.viterbi"].viterbi  # jieba's own, the module jieba.posseg imports it from


def _tables():
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    return char_state_tab_P, start_P, trans_P, emit_P


# Runs of characters jieba's dictionary route leaves to its HMM: names after
# offices, foreign names, rare characters no state emits, one character.
RUNS = ["李学义", "梁春早", "沙赫兰", "杜斯塔", "安平年", "胡学明", "孙长亭", "黄孝喜", "龘靐齉", "鱻", "犇骉羴",
        "张三李四王五", "区委书记李学义在开幕会上作了讲话", "尖山街道友谊路",
        # rare characters after common ones, where jieba's own scoring of every pair decides
        # (tagging._every_pair)
        "飓飕瀲槚畓", "觑胤众怴耦哼", "缤枨騒珕", "盐玌擛鸈裘飚"]


def _random_runs(n: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    common = "河西区民政局街道社区李王张刘陈杨赵黄周吴学义春早长亭明伟华"
    rare = [chr(c) for c in range(0x9F00, 0x9FA5)]  # seldom in jieba's emission table
    # Marks and Latin jieba's HMM never sees (it gets runs of ideographs): no
    # state is reachable there, where jieba falls back to scoring every state.
    other = "，。、abc12"
    pick = lambda r: common if r < 0.5 else rare if r < 0.85 else other  # noqa: E731
    return ["".join(rng.choice(pick(rng.random())) for _ in range(rng.randint(1, 9))) for _ in range(n)]


@pytest.mark.parametrize("run", RUNS + _random_runs(150))
def test_viterbi_gives_jiebas_score_and_route(run):
    expected_score, expected_route = _jieba_viterbi()(run, *_tables())
    score, route = tagging.viterbi(run, *_tables())
    assert score == expected_score
    assert list(route) == list(expected_route)


def test_the_runs_reach_jiebas_own_scoring_of_every_pair(monkeypatch):
    calls = []
    every_pair = tagging._every_pair
    monkeypatch.setattr(tagging, "_every_pair", lambda *a: calls.append(a) or every_pair(*a))
    tagging._viterbi.cache_clear()
    for run in RUNS:
        tagging.viterbi(run, *_tables())
    tagging._viterbi.cache_clear()
    assert calls


def test_tags_with_the_installed_viterbi_are_jiebas(monkeypatch):
    posseg = tagging.load_posseg()
    assert posseg.viterbi is tagging.viterbi  # installed by load_posseg
    texts = ["区委书记李学义在开幕会上作了讲话", "总队长安平年调研消防工作", "沙赫兰·杜斯塔一行到访河西区", "河西区民政局局长王伟出席"]
    ours = [tagging._cut(t) for t in texts]
    monkeypatch.setattr(posseg, "viterbi", _jieba_viterbi())
    assert [tagging._cut(t) for t in texts] == ours
    assert ("李学义", "nr") in ours[0]


def test_viterbi_refuses_other_tables():
    states, start, trans, emit = _tables()
    with pytest.raises(ValueError):
        tagging.viterbi("李学义", states, dict(start), trans, emit)


def test_tags_with_each_block_cut_once_are_jiebas(monkeypatch):
    """Stretches sharing a block (a run of Han characters between marks)
    get the tags jieba gives when it cuts every block anew."""
    posseg = tagging.load_posseg()
    texts = ["区委书记李学义、区长胡学明", "区长胡学明、副区长黄孝喜", "副区长黄孝喜、宗燕锋参加"]
    memoised = posseg.dt._POSTokenizer__cut_DAG
    memoised.cache_clear()
    ours = [tagging._cut(t) for t in texts]
    assert memoised.cache_info().hits == 2  # 区长胡学明 and 副区长黄孝喜, each cut once
    monkeypatch.delattr(posseg.dt, "_POSTokenizer__cut_DAG")  # jieba's own method of the class
    assert [tagging._cut(t) for t in texts] == ours
    assert ("胡学明", "nr") in ours[0]
