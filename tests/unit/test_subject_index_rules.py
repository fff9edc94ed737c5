"""The rules of the 主题索引 (indexes/subjects.py), each at its edge: a subject is a
term the book quotes in at least 2 entries and mentions in at least 3, in no more
than a quarter of the entries; 参见 joins subjects that contain one another or
share most of their entries (at most 6, most shared first); 名词解释 terms join
with the entries the glossary found them in.
"""
from __future__ import annotations

import pytest

from build_scripts.indexes import subjects
from build_scripts.indexes.locators import targets

from _book import entry, volume


def _build(texts, filler=20, glossary=()):
    entries = [entry(f"条目{i}", t) for i, t in enumerate(texts)]
    entries += [entry(f"工作{i}", "开展日常工作。") for i in range(filler)]
    ts = targets([volume({"区委": {"重要会议": entries}})])
    return {h.title: h for h in subjects.build(ts, glossary)}, ts


def test_a_term_quoted_twice_and_mentioned_three_times_is_a_subject():
    heads, _ = _build(["推进“双万双服”。", "开展“双万双服”。", "落实双万双服。"])
    assert [l.label for l in heads["双万双服"].locators] == ["重要会议 › 条目0", "重要会议 › 条目1", "重要会议 › 条目2"]
    assert heads["双万双服"].kind == "主题"


def test_a_term_quoted_once_is_no_subject_however_often_it_is_mentioned():
    heads, _ = _build(["推进“双万双服”。", "开展双万双服。", "落实双万双服。", "再提双万双服。"])
    assert "双万双服" not in heads


def test_a_term_mentioned_in_two_entries_only_is_no_subject():
    heads, _ = _build(["推进“双万双服”。", "开展“双万双服”。"])
    assert "双万双服" not in heads


def test_a_term_in_a_quarter_of_the_entries_is_a_subject_and_in_more_it_is_vocabulary():
    texts = ["推进“双万双服”。", "开展“双万双服”。", "落实双万双服。"]
    assert "双万双服" in _build(texts, filler=9)[0]  # 3 of 12: a quarter
    assert "双万双服" not in _build(texts, filler=8)[0]  # 3 of 11


@pytest.mark.parametrize("text,terms", [
    ("推进“ 双万 双服 ”工作", {"双万双服"}),  # spaces inside removed
    ('推进"双万双服"和"十项行动"', {"双万双服", "十项行动"}),
    ('推进"双万双服"和"十项', set()),  # unbalanced ASCII quotes: none is read as a term
    ('推进"双万双服"\n和"十项行动"', {"双万双服", "十项行动"}),  # paired within each paragraph
    ("“一”和“十六个字符的术语名称很长很长很长呀”", set()),  # 1 and 17 characters
    ("“十六字符术语名称很长很长很长很长”", {"十六字符术语名称很长很长很长很长"}),  # 16
    ("“GDP”“2023”“3+1+N”“5G+智慧”", set()),  # Latin letters, digits alone: no term
    ("“1+3+N”“乡村·振兴”“党建、治理”“党建、”", {"乡村·振兴", "党建、治理"}),
])
def test_what_counts_as_a_quoted_term(text, terms):
    assert subjects.quoted_terms(text) == terms


def test_subjects_that_contain_one_another_see_each_other_even_with_no_entry_shared():
    texts = ["推进“双万双服”。", "开展“双万双服”。", "落实双万双服。",
             "推进“双万双服促发展”。", "开展“双万双服促发展”。", "落实双万双服促发展。"]
    heads, _ = _build(texts, filler=30)
    assert heads["双万双服促发展"].see_also == ["双万双服"]
    assert heads["双万双服"].see_also == ["双万双服促发展"]


def test_subjects_sharing_half_their_entries_see_each_other_and_less_do_not():
    both = [f"推进“十项行动”和“美丽河西”{i}。" for i in range(3)]
    heads, _ = _build(both + ["落实“十项行动”。", "落实“美丽河西”。"], filler=30)  # 3 shared of 5: 0.6
    assert heads["十项行动"].see_also == ["美丽河西"]
    heads, _ = _build(both + [f"落实“十项行动”{i}。" for i in range(4)], filler=30)  # 3 shared of 7
    assert heads["十项行动"].see_also == []


def test_see_also_lists_at_most_six_the_most_shared_first():
    terms = ["十项行动" + c for c in "甲乙丙丁戊己庚"]
    texts = [f"推进“十项行动”{i}。" for i in range(3)]
    for n, term in enumerate(terms):  # 十项行动甲 in 3 entries … 十项行动庚 in 9
        texts += [f"开展“{term}”第{k}次。" for k in range(3 + n)]
    heads, _ = _build(texts, filler=200)
    assert heads["十项行动"].see_also == ["十项行动庚", "十项行动己", "十项行动戊", "十项行动丁", "十项行动丙", "十项行动乙"]


def test_a_glossary_term_joins_with_its_entries_without_its_quotation_marks():
    _, ts = _build([])
    heads, _ = _build([], glossary=[("“无废城市”", [ts[1].id, ts[0].id, "gone/id"]), ("不在书中", ["gone/id"])])
    assert [l.entry for l in heads["无废城市"].locators] == [ts[0].id, ts[1].id]
    assert [l.label for l in heads["无废城市"].locators] == ["重要会议 › 工作0", "重要会议 › 工作1"]
    assert heads["无废城市"].kind == "主题"
    assert "不在书中" not in heads


def test_sharing_exactly_half_their_entries_is_enough_for_see_also():
    both = [f"推进“十项行动”和“美丽河西”{i}。" for i in range(3)]  # 3 shared of 6 entries in all
    heads, _ = _build(both + ["落实“十项行动”1。", "落实“十项行动”2。", "落实“美丽河西”。"], filler=30)
    assert heads["十项行动"].see_also == ["美丽河西"]


def test_ascii_quotes_pair_within_a_paragraph_never_across_two():
    assert subjects.quoted_terms('他说"好\n"十项行动"等') == {"十项行动"}
