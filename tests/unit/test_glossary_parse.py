"""The 名词解释 list is read faithfully from a structured volume."""
from __future__ import annotations

from glossary_helpers import chapter, entry, glossary_list, report, volume

from build_scripts.glossary import tidy_term
from build_scripts.glossary.parse import find_lists, parse_items, split_by_shape
from build_scripts.model import Block


def _items(*paragraphs, marked=()):
    return parse_items([Block("p", p, line=i + 1) for i, p in enumerate(paragraphs)], list(marked))


def test_list_of_its_own_entry_is_found_with_its_report():
    rep, gl = report(), glossary_list()
    (found,) = find_lists(volume(chapter(rep, gl)))
    assert found.entry is gl and found.referrer is rep
    assert [i.number for i in found.items] == [1, 2, 3, 4, 5]


def test_list_inside_the_report_entry_after_a_heading_paragraph_is_found():
    rep = report()
    rep.blocks += [Block("p", "名词解释"), Block("p", "1. “海棠计划”：社区微更新行动。"), Block("p", "2. “三通两联”工作：路通、水通。")]
    (found,) = find_lists(volume(chapter(rep)))
    assert found.entry is rep and found.referrer is rep
    assert [tidy_term(i.term) for i in found.items] == ["“海棠计划”", "“三通两联”工作"]


def test_definition_running_onto_the_next_paragraph_is_joined():
    items = _items("1. “海棠计划”：社区微更新行动，以口袋公园和", "街巷绿化为重点。", "2. “三通两联”工作：路通。")
    assert items[0].definition == "社区微更新行动，以口袋公园和街巷绿化为重点。"
    assert len(items[0].blocks) == 2 and items[1].term == "“三通两联”工作"


def test_mixed_item_markers_are_all_read():
    items = _items("- 1. “甲”：一。", '2." 乙 ":二。', "3. “丙”：三。", "- 4.“丁”：四。")
    assert [tidy_term(i.term) for i in items] == ["“甲”", "“乙”", "“丙”", "“丁”"]
    assert [i.definition for i in items] == ["一。", "二。", "三。", "四。"]


def test_colon_inside_quotes_does_not_split_the_term():
    (item,) = _items("1. “甲：乙”工作：两项内容。")
    assert item.term == "“甲：乙”工作" and item.definition == "两项内容。"


def test_colonless_item_takes_its_term_from_the_text_before_the_footnote_marker():
    marked = ["建成覆盖全镇的“一张网、一平台”的“2211”数字乡镇体系⁷，实现共享。"]
    items = _items(*[f"{n}. “项{n}”：内容。" for n in range(1, 7)], '7." 2211"数字乡镇体系"一张网"，即物联网络。', marked=marked)
    assert tidy_term(items[6].term) == "“2211”数字乡镇体系"
    assert items[6].definition == '"一张网"，即物联网络。'


def test_colonless_item_without_marker_falls_back_to_the_quoted_name_shape():
    assert split_by_shape("“2211”数字乡镇体系“一张网”，即物联网络。") == ("“2211”数字乡镇体系", "“一张网”，即物联网络。")


def test_list_ends_at_an_unnumbered_paragraph_after_a_finished_sentence():
    items = _items("1. “甲”：一。", "2. “乙”：二。", "中国人民政治协商会议某镇委员会工作报告")
    assert len(items) == 2 and items[1].definition == "二。"


def test_a_decimal_or_a_skipped_number_does_not_open_an_item():
    items = _items("1. “甲”：全年投入", "1.5亿元。", "3. 不是第二条。")
    assert len(items) == 1 and items[0].definition == "全年投入1.5亿元。"


def test_curly_and_straight_quotes_and_spaces_give_the_same_list():
    straight = _items('1. " 海棠计划 ":社区行动。')
    curly = _items("1. “海棠计划”：社区行动。")
    assert tidy_term(straight[0].term) == tidy_term(curly[0].term) == "“海棠计划”"


def test_no_list_without_the_heading():
    rep = report()
    assert find_lists(volume(chapter(rep, entry("附录", "1. “甲”：一。")))) == []


def test_a_report_split_into_several_entries_refers_with_all_of_them():
    part_one = entry("某镇人民政府工作报告", "全力推进“海棠计划”¹。", anchor="bao-gao")
    part_two = entry("2031年工作安排", "继续实施“三通两联”工作²。", anchor="an-pai")
    earlier = entry("区委全会讲话", "没有脚注。", anchor="jiang-hua")
    (found,) = find_lists(volume(chapter(earlier, part_one, part_two, glossary_list())))
    assert found.referrers == [part_one, part_two]
