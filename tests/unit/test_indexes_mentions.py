"""Mentions found in one pass (Aho–Corasick) and tags computed once: the same
results as the plain per-pair scans they replace."""
from __future__ import annotations

import random

from build_scripts.indexes import tagging
from build_scripts.indexes.mentions import contained, mentions


def _texts(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    alphabet = "河西区民政局街道社区双万双服促发展工作"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(n)]


def test_mentions_equal_a_substring_scan_including_overlapping_words():
    texts = _texts(300)
    words = ["河西", "河西区", "西区", "民政局", "双万双服", "双服促发展", "社区", "区民", "不在其中"]
    found = mentions(words, texts)
    for word in words:
        assert found[word] == [i for i, x in enumerate(texts) if word in x], word
    assert found["不在其中"] == []


def test_mentions_of_no_words_and_no_texts():
    assert mentions([], ["河西区"]) == {}
    assert mentions(["河西区"], []) == {"河西区": []}


def test_contained_lists_the_words_inside_each_word():
    inside = contained(["双万双服", "双万双服促发展", "促发展", "十项行动"])
    assert inside["双万双服促发展"] == {"双万双服", "促发展"}
    assert inside["双万双服"] == set() and inside["十项行动"] == set()


def test_parallel_tagging_gives_the_tags_of_one_process(monkeypatch):
    texts = ["区委书记李学义在开幕会上作了讲话", "河西区民政局局长王伟出席", "东海街道尖山街道友谊路街道"] * 3
    texts += [f"第{i}次区长办公会议" for i in range(30)]
    one = tagging.Tagger(processes=1)
    one.tag_all(texts)
    monkeypatch.setattr(tagging, "PARALLEL_FROM", 1)
    monkeypatch.setattr(tagging, "CHUNK", 4)
    two = tagging.Tagger(processes=2)
    two.tag_all(texts)
    assert two.memo == one.memo
    assert ("李学义", "nr") in one.cut("区委书记李学义在开幕会上作了讲话")
