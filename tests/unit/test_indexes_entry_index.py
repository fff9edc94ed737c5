"""The 条目索引: every entry and heading, linked, repeated titles told apart."""
from build_scripts.indexes import entry_index
from build_scripts.indexes.locators import targets
from build_scripts.indexes.pages import index_page

from _book import entry, volume


def _book():
    return volume({
        "中国共产党某区委员会": {
            "组织工作": [entry("概况", "全区党组织。", [69]), entry("干部队伍建设", "培训。", [69, 70])],
            "宣传工作": [entry("概况", "宣传。", [72])],
        },
        "特载": {None: [entry("政府工作报告", "报告。", [1])]},
        "街道和社区建设": {"东海街道": [entry("概况", "东海街。", [283], section="社区建设")]},
        "索引": {None: [entry("条目索引", "概况 50\t党校 87")]},
    })


def test_every_entry_is_reachable_except_the_printed_index_itself():
    headings = entry_index.build(targets([_book()]))
    assert len(entry_index.reachable(headings)) == 5


def test_a_repeated_title_is_one_heading_qualified_by_its_chapter():
    headings = {h.title: h for h in entry_index.build(targets([_book()]))}
    labels = [l.label for l in headings["概况"].locators]
    assert labels == ["组织工作", "宣传工作", "东海街道"]


def test_parts_chapters_and_sections_are_headings_too():
    headings = {h.title: h for h in entry_index.build(targets([_book()]))}
    assert headings["特载"].kind == "篇" and headings["组织工作"].kind == "章"
    assert headings["社区建设"].kind == "分目"
    # a 分目 has no id of its own: it points at its first entry
    assert headings["社区建设"].locators[0].anchor == "gai-kuang"


def test_locators_show_the_printed_pages():
    headings = {h.title: h for h in entry_index.build(targets([_book()]))}
    assert headings["干部队伍建设"].locators[0].pages == "69–70"
    assert headings["中国共产党某区委员会"].locators[0].pages == "69"


def test_the_page_has_a_letter_bar_and_links_to_anchors():
    headings = entry_index.build(targets([_book()]))
    md = index_page("indexes/entries.md", "条目索引", [], headings)
    assert "[G](#g-g)" in md and "## G {#g-g}" in md
    assert "(../book-2024/zhong-guo-gong-chan-dang-mou-qu-wei-yuan-hui/zu-zhi-gong-zuo.md#gan-bu-dui-wu-jian-she)" in md
    assert "(../book-2024/te-zai/index.md#zheng-fu-gong-zuo-bao-gao)" in md


def test_chronicle_days_and_numbered_report_sections_are_not_index_headings():
    book = volume({
        "2030年大事记": {"1月": [entry("1月6日", "6日 会议。"), entry("1月6日", "同日 活动。")]},
        "工作文献": {"工作总结": [entry("八、积极引导，营造浓厚宣传氛围", "正文。"), entry("（二）强化管理", "正文。"), entry("安全生产", "正文。")]},
    })
    titles = {h.title for h in entry_index.build(targets([book]))}
    assert "安全生产" in titles and "工作总结" in titles
    assert not {"1月6日", "八、积极引导，营造浓厚宣传氛围", "（二）强化管理"} & titles
