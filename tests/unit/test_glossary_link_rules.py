"""Glossary marking rules that mutation testing showed untested: the tooltip's
data block exactly, the longest term winning, footnote markers around and
inside a term, repeated markers, a volume with no terms."""
from __future__ import annotations

import json
import re

import markdown
from glossary_helpers import chapter, entry, glossary_list, report, volume

from build_scripts.glossary.link import _data_block
from build_scripts.glossary.pages import prepare
from build_scripts.render import render_volume


def _page(tmp_path, *entries, extra: str | None = None, with_report: bool = True) -> str:
    if extra is not None:
        (tmp_path / "glossary-extra.yml").write_text(extra, encoding="utf-8")
    head = (report(), glossary_list()) if with_report else ()
    vol = volume(chapter(*head, *entries))
    glossary = prepare([vol], tmp_path)
    return render_volume(vol, glossary.linker.mark).pages[-1].markdown


def _html(md: str) -> str:
    return markdown.markdown(md, extensions=["attr_list", "tables"])


def _terms(html: str) -> list[str]:
    return re.findall(r'<a class="gl-term" href="[^"]*">(.*?)</a>', html)


def test_the_data_block_is_compact_sorted_literal_json_with_markup_characters_escaped():
    block = _data_block({"b-slug": {"term": "乙<&>", "definition": "定义", "source": "来源"}, "a-slug": {"term": "甲"}})
    assert block == (
        '<script type="application/json" class="gl-data">'
        '{"a-slug":{"term":"甲"},"b-slug":{"definition":"定义","source":"来源","term":"乙\\u003c\\u0026\\u003e"}}'
        "</script>"
    )


def test_each_mark_carries_term_definition_and_source_for_the_tooltip(tmp_path):
    html = _html(_page(tmp_path))
    (data,) = re.findall(r'<script type="application/json" class="gl-data">(.*?)</script>', html)[:1]
    item = json.loads(data)["hai-tang-ji-hua"]
    assert item == {
        "term": "“海棠计划”",
        "definition": "镇政府于2029年启动的社区微更新行动，以口袋公园和街巷绿化为重点。",
        "source": item["source"],
    }
    assert "某镇人民政府工作报告" in item["source"]


EXTRA = """\
terms:
  - {term: “街巷长制”, definition: 街巷设长的制度。, source: 某文件}
  - {term: “街巷长制”试点, definition: 先行试点。, source: 某文件}
"""


def test_at_one_place_the_longest_term_wins(tmp_path):
    html = _html(_page(tmp_path, entry("社区建设", "开展“街巷长制”试点工作。", anchor="she-qu"), extra=EXTRA))
    terms = _terms(html)
    assert "“街巷长制”试点" in terms and "“街巷长制”" not in terms


def test_a_volume_without_any_term_renders_plainly(tmp_path):
    md = _page(tmp_path, entry("社区建设", "开展工作。", anchor="she-qu"), with_report=False)
    assert "开展工作。" in md and "gl-term" not in md


def test_a_definition_split_over_paragraphs_renders_once_as_one_paragraph(tmp_path):
    html = _html(_page(tmp_path))
    definitions = re.findall(r'<p class="gl-def" id="fn-zhu-yao-ming-ci-jie-shi-1">(.*?)</p>', html, re.S)
    assert len(definitions) == 1 and "以口袋公园和街巷绿化为重点。" in definitions[0]
    # the continuation paragraph leaves nothing of its own
    section = html.split('id="zhu-yao-ming-ci-jie-shi">', 1)[1]
    # (the entry's own meta line — printed page, 引用本条 — is not a paragraph of the list)
    assert all('class="gl-def"' in p for p in re.findall(r'<p(?! class="entry-meta")[^>]*>', section))


def test_a_repeated_marker_links_without_a_second_id_and_the_definition_links_back_to_the_first(tmp_path):
    repeated = entry("某镇人民政府工作报告", "推进“海棠计划”¹。", "再谈海棠¹的成效。", anchor="bao-gao")
    vol = volume(chapter(repeated, glossary_list()))
    glossary = prepare([vol], tmp_path)
    html = _html(render_volume(vol, glossary.linker.mark).pages[-1].markdown)
    refs = re.findall(r'<a class="gl-ref" href="#fn-zhu-yao-ming-ci-jie-shi-1"( id="[^"]*")?>¹</a>', html)
    assert refs == [' id="fnref-zhu-yao-ming-ci-jie-shi-1"', ""]
    definition = re.search(r'<p class="gl-def" id="fn-zhu-yao-ming-ci-jie-shi-1">(.*?)</p>', html, re.S).group(1)
    assert 'href="#fnref-zhu-yao-ming-ci-jie-shi-1"' in definition


def _report_page(tmp_path, text: str) -> str:
    vol = volume(chapter(entry("某镇人民政府工作报告", text, anchor="bao-gao"), glossary_list()))
    glossary = prepare([vol], tmp_path)
    return render_volume(vol, glossary.linker.mark).pages[-1].markdown


def test_a_marker_just_before_a_term_leaves_the_term_whole(tmp_path):
    md = _report_page(tmp_path, "继续深化工作²“三通两联”工作。")
    assert "[“三通两联”工作](../glossary.md#san-tong-liang-lian-gong-zuo){: .gl-term }" in md


def test_markers_before_and_inside_a_term_mark_the_term_up_to_the_inner_one(tmp_path):
    md = _report_page(tmp_path, "继续深化²“三通两联”²工作。")
    assert "[“三通两联”](../glossary.md#san-tong-liang-lian-gong-zuo){: .gl-term }" in md


def test_a_marker_after_one_character_of_a_term_leaves_it_unmarked_but_later_terms_are_marked(tmp_path):
    md = _report_page(tmp_path, "深化“²三通两联”工作，推进“海棠计划”。")
    body = md.split('{: #zhu-yao-ming-ci-jie-shi')[0]
    assert "san-tong-liang-lian" not in body.split("gl-data")[0]
    assert _terms(_html(md))[:1] == ["“海棠计划”"]


def test_a_marker_after_two_characters_of_a_term_marks_those_two(tmp_path):
    md = _report_page(tmp_path, "深化“三²通两联”工作。")
    assert "[“三](../glossary.md#san-tong-liang-lian-gong-zuo){: .gl-term }" in md


def test_plain_digits_after_a_term_are_no_marker_where_the_report_prints_that_superscript(tmp_path):
    md = _report_page(tmp_path, "落实“双岗双责”监管⁴要求，“双岗双责”监管4项任务完成。")
    assert md.count("(#fn-zhu-yao-ming-ci-jie-shi-4)") == 1
    assert "[⁴](#fn-zhu-yao-ming-ci-jie-shi-4)" in md


def test_a_forged_placeholder_in_the_text_renders_literally(tmp_path):
    md = _report_page(tmp_path, "推进“海棠计划”¹\ue0000\ue001。")
    assert "\ue0000\ue001" in md and "gl-term" not in md.split('{: #zhu-yao-ming-ci-jie-shi')[0]


def test_an_occurrence_names_its_entry_by_its_entries_json_id_and_its_place(tmp_path):
    later = entry("社区建设", "推进“海棠计划”。", anchor="she-qu")
    vol = volume(chapter(report(), glossary_list(), later, title="社区", slug="she-qu-zhang"))
    glossary = prepare([vol], tmp_path)
    term = next(t for t in glossary.terms if t.term == "“海棠计划”")
    occ = term.occurrences[-1]
    assert (occ.entry_id, occ.where, occ.volume, occ.title) == ("town-2030/te-zai/she-qu-zhang/she-qu", "特载 › 社区", "town-2030", "社区建设")
