"""Glossary pages (per volume and combined) and site/data/glossary.json."""
from __future__ import annotations

from glossary_helpers import chapter, entry, glossary_list, report, volume

from build_scripts.glossary import pages as gp


def _two_volumes(tmp_path):
    extra = "terms:\n  - {term: “街巷长制”, definition: 每条街巷设街巷长。, source: 某区城管局2030年工作总结}\n"
    (tmp_path / "glossary-extra.yml").write_text(extra, encoding="utf-8")
    book = volume(chapter(report(), glossary_list()))
    reports = volume(
        chapter(entry("城管工作总结", "推行“街巷长制”，参与“海棠计划”。", anchor="zong-jie"), title="城管工作总结", slug="zong-jie"),
        vid="city-reports",
        part_title="文献",
    )
    reports.parts[0].slug = "documents"
    glossary = gp.prepare([book, reports], tmp_path)
    return glossary, {p.path: p.markdown for p in gp.pages(glossary)}


def test_one_page_per_volume_and_a_combined_one(tmp_path):
    _, pages = _two_volumes(tmp_path)
    assert set(pages) == {"town-2030/glossary.md", "city-reports/glossary.md", "glossary.md"}


def test_each_term_has_definition_source_and_links_to_where_it_occurs(tmp_path):
    _, pages = _two_volumes(tmp_path)
    page = pages["town-2030/glossary.md"]
    block = page[page.index("## “海棠计划”") :].split("\n## ")[0]
    assert "镇政府于2029年启动的社区微更新行动" in block
    assert "来源：[某镇年鉴（2030）·特载·某镇人民政府工作报告·主要名词解释第 1 条](te-zai/index.md#fn-zhu-yao-ming-ci-jie-shi-1)" in block
    assert "出现于（1 个条目）：" in block
    assert "- 特载：[某镇人民政府工作报告](te-zai/index.md#zheng-fu-gong-zuo-bao-gao)" in block
    assert "另见其他卷 1 个条目" in block


def test_volume_page_lists_only_terms_that_volume_defines_or_uses(tmp_path):
    _, pages = _two_volumes(tmp_path)
    reports = pages["city-reports/glossary.md"]
    assert "## “街巷长制”" in reports and "## “海棠计划”" in reports
    assert "## “三通两联”工作" not in reports
    assert "来源：某区城管局2030年工作总结（编者补充）" in reports


def test_combined_page_groups_occurrences_by_volume(tmp_path):
    _, pages = _two_volumes(tmp_path)
    block = pages["glossary.md"][pages["glossary.md"].index("## “海棠计划”") :].split("\n## ")[0]
    assert "**某镇年鉴（2030）**" in block
    assert "[城管工作总结](city-reports/documents/zong-jie.md#zong-jie)" in block


def test_data_records_hold_term_definition_source_and_every_occurrence(tmp_path):
    glossary, _ = _two_volumes(tmp_path)
    records = {r["term"]: r for r in gp.records(glossary)}
    r = records["“海棠计划”"]
    assert list(r) == ["id", "term", "definition", "source", "origin", "volume", "number", "url", "definition_url", "occurrences"]
    assert r["definition_url"] == "town-2030/te-zai/#fn-zhu-yao-ming-ci-jie-shi-1"
    assert [o["url"] for o in r["occurrences"]] == [
        "town-2030/te-zai/#zheng-fu-gong-zuo-bao-gao",
        "city-reports/documents/zong-jie/#zong-jie",
    ]
    assert records["“街巷长制”"]["origin"] == "extra" and records["“街巷长制”"]["definition_url"] is None


def test_figures_count_terms_marks_and_entries_reached(tmp_path):
    glossary, _ = _two_volumes(tmp_path)
    assert glossary.figures() == {"glossary_terms": 6, "glossary_marks": 7, "glossary_entries": 2}


def test_same_input_gives_identical_pages_and_data(tmp_path):
    first, pages_one = _two_volumes(tmp_path)
    second, pages_two = _two_volumes(tmp_path)
    assert pages_one == pages_two
    assert gp.records(first) == gp.records(second)
