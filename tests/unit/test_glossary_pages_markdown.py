"""The glossary pages line by line (what a reader sees for one term: its
heading, definition, source with its printed pages, where it occurs, the
link to the other volumes), the glossary.json records, and the warnings."""
from __future__ import annotations

from glossary_helpers import chapter, entry, glossary_list, report, volume

from build_scripts.glossary import pages as gp

EXTRA = (
    "terms:\n"
    "  - {term: “街巷长制”, definition: 每条街巷设街巷长。, source: 某区城管局2030年工作总结}\n"
    "  - {term: 口袋公园, definition: 小型公园。, source: 编者}\n"
    "  - {term: “无废城市”, definition: 固体废物减量的城市。, source: 编者}\n"
)


def _glossary(tmp_path):
    (tmp_path / "glossary-extra.yml").write_text(EXTRA, encoding="utf-8")
    listing = glossary_list()
    listing.pages = [12, 13]
    book = volume(chapter(report(), listing))
    reports = volume(
        chapter(entry("城管工作总结", "推行“街巷长制”，参与“海棠计划”。", anchor="zong-jie"),
                entry("街巷整治", "推行“街巷长制”。", anchor="zheng-zhi"), title="城管工作总结", slug="zong-jie"),
        vid="city-reports", part_title="文献",
    )
    reports.parts[0].slug = "documents"
    return gp.prepare([book, reports], tmp_path)


def _block(markdown: str, heading: str) -> list[str]:
    start = markdown.index(f"## {heading} ")
    return markdown[start:].split("\n## ")[0].split("\n")


def test_every_glossary_page_is_titled_and_the_menu_item_names_the_volumes_page(tmp_path):
    pages = gp.pages(_glossary(tmp_path))
    assert [(p.path, p.title) for p in pages] == [
        ("town-2030/glossary.md", "名词解释"), ("city-reports/glossary.md", "名词解释"), ("glossary.md", "名词解释")]
    assert gp.nav_item("town-2030") == {"名词解释": "town-2030/glossary.md"}


def test_a_volume_page_opens_with_its_breadcrumb_and_count(tmp_path):
    page = gp.pages(_glossary(tmp_path))[0].markdown.split("\n")
    assert page[:7] == [
        "# 名词解释", "", "某镇年鉴（2030） › 名词解释", "{: .breadcrumb }", "",
        "本卷出现或解释的名词 5 个。正文中每个条目第一次出现的名词都链接到这里；[全部各卷的名词解释](../glossary.md)。", "",
    ]


def test_a_book_term_shows_definition_source_with_printed_pages_uses_and_other_volumes(tmp_path):
    page = gp.pages(_glossary(tmp_path))[0].markdown
    assert _block(page, "“海棠计划”") == [
        "## “海棠计划” {#hai-tang-ji-hua .gl-entry}", "",
        "镇政府于2029年启动的社区微更新行动，以口袋公园和街巷绿化为重点。", "",
        "来源：[某镇年鉴（2030）·特载·某镇人民政府工作报告·主要名词解释第 1 条，原书第 12、13 页]"
        "(te-zai/index.md#fn-zhu-yao-ming-ci-jie-shi-1)",
        "{: .gl-source }", "",
        "出现于（1 个条目）：", "{: .gl-uses }", "",
        "- 特载：[某镇人民政府工作报告](te-zai/index.md#zheng-fu-gong-zuo-bao-gao)", "",
        "另见其他卷 1 个条目：[全部名词解释](../glossary.md#hai-tang-ji-hua)", "{: .gl-uses }", "",
    ]


def test_an_editors_term_shows_its_source_and_all_its_uses_in_one_chapter_on_one_line(tmp_path):
    page = gp.pages(_glossary(tmp_path))[1].markdown
    assert _block(page, "“街巷长制”") == [
        "## “街巷长制” {#jie-xiang-zhang-zhi .gl-entry}", "", "每条街巷设街巷长。", "",
        "来源：某区城管局2030年工作总结（编者补充）", "{: .gl-source }", "",
        "出现于（2 个条目）：", "{: .gl-uses }", "",
        "- 文献 › 城管工作总结：[城管工作总结](documents/zong-jie.md#zong-jie)、[街巷整治](documents/zong-jie.md#zheng-zhi)",
        "", "",
    ]


def test_a_term_that_never_occurs_is_warned_about_quoted_once(tmp_path):
    warnings = _glossary(tmp_path).warnings
    assert [w.split(": ", 1)[1] for w in warnings] == [
        "glossary term “口袋公园” never occurs in any volume",
        "glossary term “无废城市” never occurs in any volume",
    ]
    assert all("glossary-extra.yml:" in w.split(": ", 1)[0] for w in warnings)  # the file and line of the term


def test_a_list_with_no_report_before_it_is_its_own_source(tmp_path):
    (tmp_path / "glossary-extra.yml").write_text("terms: []\n", encoding="utf-8")
    glossary = gp.prepare([volume(chapter(glossary_list()))], tmp_path)
    term = glossary.terms[0]
    assert term.source == "某镇年鉴（2030）·特载·主要名词解释·主要名词解释第 1 条"  # no printed page known
    assert (term.origin, term.volume, term.number, term.file, term.line) == ("book", "town-2030", 1, "town.txt", 1)


def test_records_name_each_occurrences_entry_url_and_count(tmp_path):
    records = {r["term"]: r for r in gp.records(_glossary(tmp_path))}
    assert records["“街巷长制”"]["occurrences"] == [
        {"entry": "city-reports/documents/zong-jie/zong-jie", "url": "city-reports/documents/zong-jie/#zong-jie", "count": 1},
        {"entry": "city-reports/documents/zong-jie/zheng-zhi", "url": "city-reports/documents/zong-jie/#zheng-zhi", "count": 1},
    ]
    assert records["“海棠计划”"]["volume"] == "town-2030" and records["“海棠计划”"]["origin"] == "book"


def test_the_combined_page_lists_every_term_with_its_uses_per_volume(tmp_path):
    glossary = _glossary(tmp_path)
    page = gp.pages(glossary)[-1].markdown
    assert page.split("\n")[:4] == ["# 名词解释", "", "各卷名词 8 个，含年鉴名词解释和编者补充的名词。", ""]
    block = _block(page, "“海棠计划”")
    assert block[block.index("{: .gl-source }") + 1 :] == [
        "",
        "**某镇年鉴（2030）**", "{: .gl-volume }", "",
        "出现于（1 个条目）：", "{: .gl-uses }", "",
        "- 特载：[某镇人民政府工作报告](town-2030/te-zai/index.md#zheng-fu-gong-zuo-bao-gao)", "",
        "**某镇年鉴（2030）**", "{: .gl-volume }", "",
        "出现于（1 个条目）：", "{: .gl-uses }", "",
        "- 文献 › 城管工作总结：[城管工作总结](city-reports/documents/zong-jie.md#zong-jie)", "",
    ]
    unused = _block(page, "口袋公园")
    assert unused[unused.index("{: .gl-source }") + 1 :] == ["", "正文未出现。", "{: .gl-uses }", ""]
    assert page.endswith("{: .gl-uses }\n\n") and "\n\n\n\n" not in page


def test_a_term_a_volume_defines_but_never_uses_says_so_on_its_page(tmp_path):
    (tmp_path / "glossary-extra.yml").write_text("terms: []\n", encoding="utf-8")
    glossary = gp.prepare([volume(chapter(glossary_list()))], tmp_path)
    page = gp.pages(glossary)[0].markdown
    block = _block(page, "“海棠计划”")
    assert block[block.index("{: .gl-source }") + 1 :] == ["", "本卷正文未出现。", "{: .gl-uses }", ""]
    assert page.endswith("本卷正文未出现。\n{: .gl-uses }\n\n")
    # where the book defines each unused term: its file and line
    assert glossary.warnings[0] == "town.txt:1: glossary term “海棠计划” never occurs in any volume"


def test_an_item_without_a_term_is_warned_about_and_the_items_after_it_kept(tmp_path):
    (tmp_path / "glossary-extra.yml").write_text("terms: []\n", encoding="utf-8")
    listing = entry("名词解释", "1. “海棠计划”：社区微更新行动。", "2. 这一条没有词目。", "3. “三通两联”工作：路通、水通。")
    glossary = gp.prepare([volume(chapter(report(), listing))], tmp_path)
    assert [t.term for t in glossary.terms] == ["“海棠计划”", "“三通两联”工作"]
    assert glossary.warnings == ["town-2030: 名词解释 item 2 (line 2) has no recognisable term; not linked"]


def test_editors_terms_the_book_defines_and_aliases_of_no_book_term_are_warned_about(tmp_path):
    extra = (
        "terms:\n"
        "  - {term: “海棠计划”, definition: 另一个解释。, source: 编者}\n"
        "  - {term: “街巷长制”, definition: 每条街巷设街巷长。, source: 编者}\n"
        "aliases:\n"
        "  “三通两联”工作: [三通两联]\n"
        "  未定义的名词: [未定义]\n"
    )
    (tmp_path / "glossary-extra.yml").write_text(extra, encoding="utf-8")
    glossary = gp.prepare([volume(chapter(report(), glossary_list()))], tmp_path)
    assert [w for w in glossary.warnings if "never occurs" not in w] == [
        "glossary-extra.yml: aliases given for “未定义的名词”, which no 名词解释 list defines",
        "glossary-extra.yml: “海棠计划” is already defined by the book; the book's definition is used",
    ]
    terms = {t.term: t for t in glossary.terms}
    assert terms["“海棠计划”"].origin == "book" and "“街巷长制”" in terms  # the one after the duplicate is kept
    assert len([t for t in glossary.terms if t.term == "“海棠计划”"]) == 1


def test_no_term_takes_the_anchor_of_the_glossary_pages_own_heading(tmp_path):
    extra = "terms:\n  - {term: 名词解释, definition: 对名词的说明。, source: 编者}\n"
    (tmp_path / "glossary-extra.yml").write_text(extra, encoding="utf-8")
    glossary = gp.prepare([volume(chapter(report(), glossary_list()))], tmp_path)
    (term,) = [t for t in glossary.terms if t.term == "名词解释"]
    assert term.slug != "ming-ci-jie-shi" and term.slug.startswith("ming-ci-jie-shi")
