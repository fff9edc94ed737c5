"""Reading a report's 名词解释 list, rule by rule: where the list starts,
which 条目 are its report (whose footnote markers point into it), and how a
colon-less item's term is read off the text the report prints before its
marker. The cases use items whose term no quoted-name shape gives, so only
the marker can give it."""
from __future__ import annotations

from glossary_helpers import chapter, entry, volume

from build_scripts.glossary.parse import find_lists, parse_items
from build_scripts.model import Block

# A colon-less item without a quoted name: only the report's marker ⁵ tells
# where its term ends.
ITEMS = [f"{n}. “项{n}”：内容。" for n in range(1, 5)] + ["5. 海河英才行动计划指天津市引进人才的政策。"]
MARKED = "全面实施海河英才行动计划⁵，引进人才2000人。"


def _items(*paragraphs, marked=()):
    return parse_items([Block("p", p, line=10 + i) for i, p in enumerate(paragraphs)], list(marked))


def _report_with_list(heading_kind="p", heading="名词解释", before=(MARKED,)):
    rep = entry("某镇人民政府工作报告", *before, anchor="bao-gao")
    rep.blocks.append(Block(heading_kind, heading))
    rep.blocks += [Block("p", p, line=20 + i) for i, p in enumerate(ITEMS)]
    return rep


# --- the term of a colon-less item, from the report's marker -------------------

def test_a_colonless_items_term_is_what_the_report_prints_before_its_marker():
    item = _items(*ITEMS, marked=[MARKED])[4]
    assert (item.term, item.definition) == ("海河英才行动计划", "指天津市引进人才的政策。")


def test_without_a_matching_marker_a_colonless_item_has_no_term():
    # Neither a marker text ending in the item's start nor a quoted name: the
    # item is kept with no term (the glossary stage warns), not a made-up one.
    assert _items(*ITEMS)[4].term == ""
    assert _items(*ITEMS, marked=["加快人才引进⁵。"])[4].term == ""
    assert _items(*ITEMS, marked=["深化与上海⁵的合作。"])[4].term == ""  # one character in common is no term


def test_a_two_character_term_is_read_off_the_marker():
    (item,) = _items("1. 双碳指碳达峰与碳中和。", marked=["推进双碳¹工作。"])
    assert (item.term, item.definition) == ("双碳", "指碳达峰与碳中和。")


def test_the_first_marker_of_a_number_is_the_one_read():
    item = _items(*ITEMS, marked=[MARKED, "再次提到海河⁵。"])[4]
    assert item.term == "海河英才行动计划"


# --- where the list is and what its report is ---------------------------------

def test_a_list_inside_the_report_reads_its_terms_from_the_report_text_before_it():
    rep = _report_with_list()
    (found,) = find_lists(volume(chapter(rep)))
    assert found.referrers == [rep] and found.entry is rep
    assert found.items[4].term == "海河英才行动计划"


def test_a_list_under_a_sub_heading_is_found():
    rep = _report_with_list(heading_kind="h", heading="主要名词解释")
    (found,) = find_lists(volume(chapter(rep)))
    assert found.heading == "主要名词解释" and len(found.items) == 5


def test_a_letter_spaced_list_heading_is_found():
    heading = "有  关  名  词  解  释  ： "
    assert len(heading) == 20  # as long as a heading line gets
    (found,) = find_lists(volume(chapter(_report_with_list(heading=heading))))
    assert len(found.items) == 5


def test_a_list_of_its_own_entry_reads_its_terms_from_the_report_entry_before_it():
    rep = entry("某镇人民政府工作报告", "一年来成绩显著。", MARKED, anchor="bao-gao")
    listing = entry("名词解释", *ITEMS, anchor="ming-ci")
    ch = chapter(rep, listing, title="政府工作报告", slug="bao-gao")
    (found,) = find_lists(volume(ch))
    assert found.referrers == [rep] and found.chapter is ch and found.entry is listing
    assert found.items[4].term == "海河英才行动计划"
    assert [i.line for i in found.items] == [1, 2, 3, 4, 5]  # the lines the warnings name


def test_the_report_of_a_list_is_looked_for_in_its_own_chapter_only():
    earlier = entry("区委全会报告", "落实“双碳”¹要求。", anchor="quan-hui")
    rep = entry("某镇人民政府工作报告", MARKED, anchor="bao-gao")
    listing = entry("名词解释", *ITEMS, anchor="ming-ci")
    v = volume(chapter(earlier, title="区委全会", slug="quan-hui"), chapter(rep, listing, title="政府工作报告", slug="bao-gao"))
    (found,) = find_lists(v)
    assert found.referrers == [rep]


def test_a_second_list_in_a_chapter_belongs_to_the_report_after_the_first():
    first_report = entry("区委全会报告", "落实海河英才行动计划⁵。", anchor="quan-hui")
    first_list = entry("名词解释", "1. “双碳”：碳达峰与碳中和。", anchor="ming-ci-1")
    second_report = entry("某镇人民政府工作报告", MARKED, anchor="bao-gao")
    second_list = entry("主要名词解释", *ITEMS, anchor="ming-ci-2")
    lists = find_lists(volume(chapter(first_report, first_list, second_report, second_list)))
    assert [l.referrers for l in lists] == [[first_report], [second_report]]


def test_a_heading_shaped_line_with_no_items_after_it_does_not_hide_the_list_that_follows():
    rep = _report_with_list(heading="主要名词解释", before=("名词说明：", "本报告所用数据为初步统计数。", MARKED))
    (found,) = find_lists(volume(chapter(rep)))
    assert found.heading == "主要名词解释" and found.items[4].term == "海河英才行动计划"


# --- the items ----------------------------------------------------------------

def test_items_given_as_preformatted_runs_are_read_and_the_list_ends_at_a_heading():
    blocks = [Block("pre", "1. “甲”：一。"), Block("p", "2. “乙”：二。"), Block("h", "3. 下一节"), Block("p", "3. “丙”：三。")]
    items = parse_items(blocks)
    assert [(i.number, i.term, i.definition) for i in items] == [(1, "“甲”", "一。"), (2, "“乙”", "二。")]


# --- the colon between term and definition ------------------------------------

def test_a_colon_inside_straight_quotes_does_not_split_the_term():
    (item,) = _items('1. "甲：乙"工作：两项内容。')
    assert (item.term, item.definition) == ('"甲：乙"工作', "两项内容。")


def test_a_colon_after_a_clause_is_no_term_colon():
    # 全区完成投资，其中： — a sentence, not a term, stands before this colon.
    (item,) = _items("1. 全区完成投资，其中：基建5亿元。")
    assert (item.term, item.definition) == ("", "全区完成投资，其中：基建5亿元。")


def test_a_term_of_up_to_forty_characters_is_split_at_its_colon():
    term = "“十四五”时期河西区全面推进城市更新行动暨老旧小区改造提升工程三年行动计划之第一"
    assert len(term) == 40
    (item,) = _items(f"1. {term}：全区城市更新的总体安排。")
    assert (item.term, item.definition) == (term, "全区城市更新的总体安排。")
    (longer,) = _items(f"1. {term}甲：全区城市更新的总体安排。")  # 41 characters is no term
    assert longer.term == ""
