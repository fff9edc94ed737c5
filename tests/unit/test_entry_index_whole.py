"""The whole 条目索引 of a small book (indexes/entry_index.py), as index.json and
the index page get it: every 篇, 章, 分目 and 条目 heading once, in pinyin order,
each place with its link, label, first printed page and kind — and the entries
the index reaches. One table: a wrong kind, page, URL or a doubled heading shows."""
from __future__ import annotations

from build_scripts.indexes import entry_index
from build_scripts.indexes.locators import targets

from _book import entry, volume

P, C = "book-2024/zhong-guo-gong-chan-dang-mou-qu-wei-yuan-hui", "book-2024/jie-dao-he-she-qu-jian-she"


def _book():
    return volume({
        "中国共产党某区委员会": {"组织工作": [entry("概况", "全区党组织。", [69]), entry("干部队伍建设", "培训。", [69, 70])],
                         "宣传工作": [entry("概况", "宣传。", [72])]},
        "特载": {None: [entry("政府工作报告", "报告。", [1])]},
        "街道和社区建设": {"东海街道": [entry("概况", "东海街。", [283], section="社区建设"),
                                 entry("党建", "党建。", [284], section="社区建设"), entry("综合", "综合。")]},
        "索引": {None: [entry("条目索引", "概况 50")]},
    })


def _row(h):
    return (h.title, h.kind, [(l.url, l.label, l.pages, l.entry, l.kind, l.path, l.anchor) for l in h.locators])


def test_the_whole_index_of_a_small_book():
    got = [_row(h) for h in entry_index.build(targets([_book()]))]
    assert got == [
        ("党建", "条目", [(f"{C}/dong-hai-jie-dao/#dang-jian", "东海街道", "284", f"{C}/dong-hai-jie-dao/dang-jian", "entry",
                       f"{C}/dong-hai-jie-dao.md", "dang-jian")]),
        ("东海街道", "章", [(f"{C}/dong-hai-jie-dao/", "街道和社区建设", "283", None, "chapter", f"{C}/dong-hai-jie-dao.md", None)]),
        ("概况", "条目", [
            (f"{P}/zu-zhi-gong-zuo/#gai-kuang", "组织工作", "69", f"{P}/zu-zhi-gong-zuo/gai-kuang", "entry",
             f"{P}/zu-zhi-gong-zuo.md", "gai-kuang"),
            (f"{P}/xuan-chuan-gong-zuo/#gai-kuang", "宣传工作", "72", f"{P}/xuan-chuan-gong-zuo/gai-kuang", "entry",
             f"{P}/xuan-chuan-gong-zuo.md", "gai-kuang"),
            (f"{C}/dong-hai-jie-dao/#gai-kuang", "东海街道", "283", f"{C}/dong-hai-jie-dao/gai-kuang", "entry",
             f"{C}/dong-hai-jie-dao.md", "gai-kuang")]),
        ("干部队伍建设", "条目", [(f"{P}/zu-zhi-gong-zuo/#gan-bu-dui-wu-jian-she", "组织工作", "69–70",
                              f"{P}/zu-zhi-gong-zuo/gan-bu-dui-wu-jian-she", "entry", f"{P}/zu-zhi-gong-zuo.md",
                              "gan-bu-dui-wu-jian-she")]),
        ("街道和社区建设", "篇", [(f"{C}/", "某区年鉴（2024）", "283", None, "part", f"{C}/index.md", None)]),
        # a 分目 has no id of its own: it points at its first entry, labelled by its 章
        ("社区建设", "分目", [(f"{C}/dong-hai-jie-dao/#gai-kuang", "东海街道", "283", f"{C}/dong-hai-jie-dao/gai-kuang",
                           "section", f"{C}/dong-hai-jie-dao.md", "gai-kuang")]),
        ("特载", "篇", [("book-2024/te-zai/", "某区年鉴（2024）", "1", None, "part", "book-2024/te-zai/index.md", None)]),
        ("宣传工作", "章", [(f"{P}/xuan-chuan-gong-zuo/", "中国共产党某区委员会", "72", None, "chapter",
                          f"{P}/xuan-chuan-gong-zuo.md", None)]),
        ("政府工作报告", "条目", [("book-2024/te-zai/#zheng-fu-gong-zuo-bao-gao", "特载", "1",
                              "book-2024/te-zai/zheng-fu-gong-zuo-bao-gao", "entry", "book-2024/te-zai/index.md",
                              "zheng-fu-gong-zuo-bao-gao")]),
        ("中国共产党某区委员会", "篇", [(f"{P}/", "某区年鉴（2024）", "69", None, "part", f"{P}/index.md", None)]),
        ("综合", "条目", [(f"{C}/dong-hai-jie-dao/#zong-he", "东海街道", "", f"{C}/dong-hai-jie-dao/zong-he", "entry",
                       f"{C}/dong-hai-jie-dao.md", "zong-he")]),
        ("组织工作", "章", [(f"{P}/zu-zhi-gong-zuo/", "中国共产党某区委员会", "69", None, "chapter", f"{P}/zu-zhi-gong-zuo.md",
                          None)]),
    ]


def test_the_index_reaches_every_entry_and_not_the_pages_of_parts_and_chapters():
    reached = entry_index.reachable(entry_index.build(targets([_book()])))
    assert reached == {f"{P}/zu-zhi-gong-zuo/gai-kuang", f"{P}/zu-zhi-gong-zuo/gan-bu-dui-wu-jian-she",
                       f"{P}/xuan-chuan-gong-zuo/gai-kuang", "book-2024/te-zai/zheng-fu-gong-zuo-bao-gao",
                       f"{C}/dong-hai-jie-dao/gai-kuang", f"{C}/dong-hai-jie-dao/dang-jian", f"{C}/dong-hai-jie-dao/zong-he"}


def test_a_chapter_or_part_without_printed_pages_shows_none():
    book = volume({"篇甲": {"章乙": [entry("条目丙", "正文。")]}})
    rows = {h.title: h.locators[0].pages for h in entry_index.build(targets([book]))}
    assert rows == {"篇甲": "", "章乙": "", "条目丙": ""}


def test_two_volumes_each_keep_their_own_parts_and_chapters():
    a = volume({"综述": {"概况": [entry("面积", "正文。", [3])]}}, vid="a-2024", title="甲年鉴")
    b = volume({"综述": {"概况": [entry("面积", "正文。", [5])]}}, vid="b-2024", title="乙年鉴")
    headings = {h.title: h for h in entry_index.build(targets([a, b]))}
    assert [l.url for l in headings["综述"].locators] == ["a-2024/zong-shu/", "b-2024/zong-shu/"]
    assert [l.pages for l in headings["概况"].locators] == ["3", "5"]
    assert [l.label for l in headings["综述"].locators] == ["甲年鉴", "乙年鉴"]


# --- what the first run of mutants showed untested ------------------------------------------

def test_a_heading_that_is_both_an_entry_and_a_later_part_lists_them_in_reading_order():
    book = volume({"经济": {"概览": [entry("综合", "甲。")]}, "综合": {"工作": [entry("概况", "乙。")]},
                   "社会": {"工作": [entry("概况", "丙。")]}})
    headings = {h.title: h for h in entry_index.build(targets([book]))}
    assert [l.kind for l in headings["综合"].locators] == ["entry", "part"]
    assert headings["综合"].kind == "条目·篇"
    assert [l.kind for l in headings["工作"].locators] == ["chapter", "chapter"]


def test_a_chapter_named_like_an_earlier_entry_comes_after_it():
    book = volume({"经济": {"概览": [entry("商务", "甲。")], "商务": [entry("概况", "乙。")]}})
    headings = {h.title: h for h in entry_index.build(targets([book]))}
    assert [l.kind for l in headings["商务"].locators] == ["entry", "chapter"]


def test_every_section_is_a_heading_not_only_the_first():
    book = volume({"街道": {"东海街道": [entry("概况", "甲。", section="社区建设")],
                          "西海街道": [entry("概况", "乙。", section="党的建设")]}})
    titles = {h.title: h.kind for h in entry_index.build(targets([book]))}
    assert titles["社区建设"] == titles["党的建设"] == "分目"


def test_a_section_opening_with_a_numbered_entry_does_not_make_it_reachable():
    book = volume({"文献": {"总结": [entry("八、积极引导", "正文。", section="工作回顾")]}})
    assert entry_index.reachable(entry_index.build(targets([book]))) == set()
