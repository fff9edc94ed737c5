"""The Markdown of an index page (索引页, indexes/pages.py) and the locator helpers
(indexes/locators.py): what a reader sees on 条目索引 and the subject indexes —
the letter bar, the A–Z groups, one link per place with its 章 and printed pages,
the count of places, 参见 — and that every link leads to the page it names.
"""
from __future__ import annotations

import pytest

from build_scripts.indexes.headings import Heading, Locator
from build_scripts.indexes.locators import pages_label, search_text
from build_scripts.indexes.pages import group_id, index_page, link

GONG_AN = Locator("hexi-2024/fa-zhi/gong-an.md", "gai-kuang", "hexi-2024/fa-zhi/gong-an/#gai-kuang", "公安", "63")
HOME = Locator("hexi-2024/index.md", None, "hexi-2024/", "河西", "")
JING_JI = Locator("hexi-2024/jing-ji/a.md", "x", "hexi-2024/jing-ji/a/#x", "经济", "76–77")


def _page(show_kind=True):
    headings = [Heading("公安", [GONG_AN], kind="条目"),
                Heading("概况", [GONG_AN, HOME, JING_JI], kind="章", see_also=["概况*说明", "综述"]),
                Heading("2023年", [HOME]), Heading("Alpha", [JING_JI], kind="人名"), Heading("《书》", [JING_JI])]
    return index_page("indexes/entries.md", "条目索引 <x>", ["说明一行。", ""], headings, show_kind=show_kind)


def test_an_index_page_is_title_intro_letter_bar_and_groups_in_collation_order():
    assert _page() == """\
# 条目索引 &lt;x&gt;

说明一行。

[0–9](#g-0-9) · [A](#g-a) · [G](#g-g) · [S](#g-s)
{: .index-letterbar }

## 0–9 {#g-0-9}

- [2023年](../hexi-2024/index.md) <small>河西</small>

## A {#g-a}

- [Alpha](../hexi-2024/jing-ji/a.md#x) 〔人名〕 <small>经济 76–77</small>

## G {#g-g}

- [公安](../hexi-2024/fa-zhi/gong-an.md#gai-kuang) <small>公安 63</small>
- 概况 〔章〕 <small>（3 处）</small>　参见：概况\\*说明；综述
    - [公安 63](../hexi-2024/fa-zhi/gong-an.md#gai-kuang)
    - [河西](../hexi-2024/index.md)
    - [经济 76–77](../hexi-2024/jing-ji/a.md#x)

## S {#g-s}

- [《书》](../hexi-2024/jing-ji/a.md#x) <small>经济 76–77</small>

"""


def test_without_kinds_no_tag_is_shown():
    page = _page(show_kind=False)
    assert "〔" not in page and "- 概况 <small>（3 处）</small>" in page


@pytest.mark.parametrize("group,anchor", [("A", "g-a"), ("Z", "g-z"), ("0–9", "g-0-9"), ("其他", "g-other"),
                                          ("é", "g-other")])
def test_each_letter_group_has_its_anchor(group, anchor):
    assert group_id(group) == anchor


@pytest.mark.parametrize("page,loc,href", [
    ("indexes/entries.md", GONG_AN, "../hexi-2024/fa-zhi/gong-an.md#gai-kuang"),
    ("indexes/entries.md", HOME, "../hexi-2024/index.md"),
    ("index.md", GONG_AN, "hexi-2024/fa-zhi/gong-an.md#gai-kuang"),
    ("hexi-2024/fa-zhi/other.md", GONG_AN, "gong-an.md#gai-kuang"),
])
def test_a_link_is_relative_to_the_page_it_stands_on(page, loc, href):
    assert link(page, loc) == href


@pytest.mark.parametrize("pages,label", [
    ([77, 63, 76, 63], "63、76–77"),  # sorted, repeated pages once, a run as a range
    ([219, 229], "219、229"),
    ([1, 2, 3, 5, 7, 8], "1–3、5、7–8"),
    ([5], "5"),
    ([], ""),
])
def test_printed_pages_are_shown_as_the_book_shows_them(pages, label):
    assert pages_label(pages) == label


def test_estimated_pages_say_so():
    assert pages_label([5, 6], estimated=True) == "约5–6"
    assert pages_label([], estimated=True) == ""


def test_names_are_looked_for_without_the_extractions_gaps_inside_chinese():
    assert search_text("李学 义，紧\u3000紧\t好 ab c１２３ＡＢ") == "李学义,紧紧好 ab c123AB"


# --- merging and qualifying headings (indexes/headings.py) --------------------------------

from build_scripts.indexes.headings import merge, norm_heading, qualify  # noqa: E402


def _loc(path, anchor, order, label="概况", context=""):
    return Locator(path, anchor, path, label, "", None, "entry", order, context)


def test_headings_differing_only_in_spaces_quotes_or_width_are_one_and_the_first_spelling_wins():
    a, b, c = _loc("a.md", "x", 3), _loc("b.md", "y", 1), _loc("c.md", "z", 2)
    merged = merge([Heading(" “乐活”工程 ", [a], "条目"), Heading("乐活 工程", [b], "章"), Heading("《乐活》工程", [c], "条目")])
    assert len(merged) == 1
    h = merged[0]
    assert h.title == "“乐活”工程"  # trimmed
    assert h.kind == "条目·章"  # each kind once, in the order met
    assert [l.path for l in h.locators] == ["b.md", "c.md", "a.md"]  # reading order
    assert norm_heading("ＡＢ 1") == "AB1"


def test_a_place_reached_twice_is_listed_once_and_see_also_once():
    a = _loc("a.md", "x", 1)
    merged = merge([Heading("公安", [a], "条目", ["治安"]), Heading("公安", [_loc("a.md", "x", 1), _loc("a.md", "y", 2)], "条目",
                                                                 ["治安", "交警"])])
    assert [(l.path, l.anchor) for l in merged[0].locators] == [("a.md", "x"), ("a.md", "y")]
    assert merged[0].see_also == ["治安", "交警"] and merged[0].kind == "条目"


def test_merged_headings_come_out_in_index_order_and_blank_ones_are_dropped():
    titles = ["综述", "2023年", "安全", "“ ”", "Alpha", "爱国"]
    merged = merge([Heading(t, [_loc(f"{i}.md", None, i)]) for i, t in enumerate(titles)])
    assert [h.title for h in merged] == ["2023年", "Alpha", "爱国", "安全", "综述"]


def test_merging_does_not_change_the_headings_it_was_given():
    first = Heading("公安", [_loc("a.md", "x", 1)], "条目")
    merge([first, Heading("公安", [_loc("b.md", "x", 2)], "章")])
    assert len(first.locators) == 1 and first.kind == "条目"


def test_repeated_labels_are_told_apart_by_their_part_then_by_number():
    locs = [_loc("a.md", "1", 1, "概况", "经济"), _loc("b.md", "2", 2, "概况", "政务"),
            _loc("c.md", "3", 3, "综述", "经济"), _loc("d.md", "4", 4, "综述", "经济"), _loc("e.md", "5", 5, "党建", "政务")]
    h = Heading("概况", locs)
    qualify(h)
    assert [l.label for l in h.locators] == ["概况（经济）", "概况（政务）", "综述（1）", "综述（2）", "党建"]


def test_a_heading_in_index_json_carries_its_pinyin_group_and_places():
    h = Heading("公安", [Locator("a.md", "x", "a/#x", "法治", "63", "v/p/c/x", "entry", 1)], "条目", ["治安"])
    assert h.as_dict() == {"heading": "公安", "pinyin": "gong1 an1", "group": "G", "kind": "条目",
                           "locators": [{"url": "a/#x", "label": "法治", "pages": "63", "entry": "v/p/c/x",
                                         "kind": "entry"}], "see_also": ["治安"]}


# --- what the first run of mutants showed untested ------------------------------------------

from build_scripts.indexes import entry_index  # noqa: E402
from build_scripts.indexes.locators import targets  # noqa: E402

from _book import entry, volume  # noqa: E402


def test_kinds_are_not_shown_unless_asked_and_symbols_come_last():
    headings = [Heading("αβ", [HOME], kind="章"), Heading("公安", [GONG_AN], kind="章"), Heading("1号", [HOME])]
    page = index_page("indexes/x.md", "索引", [], headings)
    assert "〔" not in page
    assert "[0–9](#g-0-9) · [G](#g-g) · [\\#](#g-other)" in page
    assert page.index("## G") < page.index("## \\# {#g-other}")


def test_repeated_labels_are_told_apart_by_part_or_for_entries_under_a_part_by_volume():
    a = volume({"经济": {"综合": [entry("概况", "甲。")]}, "政务": {"综合": [entry("概况", "乙。")]}}, vid="a-2024",
               title="甲年鉴")
    b = volume({"特载": {None: [entry("报告", "丙。")]}}, vid="b-2024", title="乙年鉴")
    c = volume({"特载": {None: [entry("报告", "丁。")]}}, vid="c-2024", title="丙年鉴")
    headings = {h.title: h for h in entry_index.build(targets([a, b, c]))}
    assert [l.label for l in headings["概况"].locators] == ["综合（经济）", "综合（政务）"]
    assert [l.label for l in headings["报告"].locators] == ["特载（乙年鉴）", "特载（丙年鉴）"]


def test_an_estimated_page_is_shown_as_estimated():
    e = entry("概况", "甲。", [12])
    e.pages_estimated = True
    headings = {h.title: h for h in entry_index.build(targets([volume({"经济": {"综合": [e]}})]))}
    assert headings["概况"].locators[0].pages == "约12"


def test_parts_after_the_reprinted_printed_index_are_still_indexed():
    book = volume({"索引": {None: [entry("条目索引", "概况 50")]}, "附录": {"统计": [entry("人口", "正文。")]}})
    assert [t.entry.title for t in targets([book])] == ["人口"]
