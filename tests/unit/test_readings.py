"""pypinyin's readings, memoised (build_scripts/readings.py) and kept for the
next build (cache.Cache.load_readings): the same answers as pypinyin, and a
rebuild that finds them in the cache asks pypinyin nothing."""
from __future__ import annotations

import pytest
from pypinyin import Style, lazy_pinyin

from build_scripts import pipeline, readings
from build_scripts.cache import Cache

from test_pipeline import Log, _project


@pytest.mark.parametrize("text", ["行政执法", "行业协会", "重庆", "长护险", "PM2.5年", "2024年河西区"])
def test_the_memo_answers_as_pypinyin_does(text):
    readings.MEMO.clear()
    for _ in range(2):  # computed, then from the memo
        assert list(readings.toned(text)) == lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=True)
        assert list(readings.plain(text)) == lazy_pinyin(text, style=Style.NORMAL)


def test_the_memo_converter_answers_as_pypinyin_does_over_many_texts():
    """The syllable memo (readings._converter) across texts that share
    syllables: polyphones read by phrase (重庆, 银行, 行走), ü (女, 绿, 略),
    neutral tones (的, 了, 们, 子), rare characters, Latin, digits, punctuation."""
    import random

    pool = "重庆银行行走长短女绿略掠的了们子着过和乐音樂還还区街道社区河西年鉴办主任李学义珺彧犇龘ABC x2024.,，。（）"
    rng = random.Random(13)
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 12))) for _ in range(600)]
    readings.MEMO.clear()
    for text in texts:
        assert list(readings.toned(text)) == lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=True), text
        assert list(readings.plain(text)) == lazy_pinyin(text, style=Style.NORMAL), text


def test_a_rebuild_reads_every_reading_from_the_cache_and_makes_the_same_book(tmp_path, monkeypatch):
    root = _project(tmp_path)
    readings.MEMO.clear()
    first = pipeline.run(root, Cache(root), Log())
    assert Cache(root).load_readings(), "the readings were not kept"
    readings.MEMO.clear()

    def no_pypinyin(*args, **kwargs):
        raise AssertionError(f"pypinyin asked again: {args}")

    monkeypatch.setattr(readings, "_pinyin", no_pypinyin)
    again = pipeline.run(root, Cache(root), Log())
    assert again.data == first.data and again.search_files == first.search_files


def test_readings_of_another_code_version_are_not_used(tmp_path, monkeypatch):
    root = _project(tmp_path)
    Cache(root).save_readings({("n", "河西"): ("stale",)})
    monkeypatch.setattr("build_scripts.cache._code", "another version")
    assert Cache(root).load_readings() == {}


def test_a_rebuild_answers_the_name_rules_from_the_kept_lookups_without_the_dictionary(tmp_path, monkeypatch):
    """jieba's 350,000-word table is not loaded by a rebuild that asks about
    the same words (tagging.KeptLookups); the indexes come out the same."""
    from build_scripts import cache as cache_module

    root = _project(tmp_path)
    first = pipeline.run(root, Cache(root), Log())
    assert Cache(root).load_word_lookups(), "the name rules' lookups were not kept"

    def no_table(self):
        raise AssertionError("the whole dictionary was loaded again")

    monkeypatch.setattr(cache_module.Cache, "load_word_tags", no_table)
    monkeypatch.setattr(pipeline, "loaded_word_tags", lambda: None)  # as in a new process: jieba not loaded
    again = pipeline.run(root, Cache(root), Log())
    assert again.data["index.json"] == first.data["index.json"]


def test_a_word_outside_the_kept_lookups_is_looked_up_in_the_whole_table():
    from build_scripts.indexes.tagging import KeptLookups

    loads = []
    lookups = KeptLookups({"河西": "ns", "李学义": None}, lambda: loads.append(1) or {"河西": "ns", "街道": "n"})
    assert lookups.get("河西") == "ns" and "李学义" not in lookups and lookups.get("李学义", "nr") == "nr"
    assert not loads and lookups.loaded is None
    assert "街道" in lookups and lookups.get("街道") == "n" and loads == [1]
    assert lookups.asked == {"河西": "ns", "李学义": None, "街道": "n"}
