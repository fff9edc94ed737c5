"""Occurrences are found and marked in the render stage; footnotes link both ways."""
from __future__ import annotations

import re

import markdown
from glossary_helpers import chapter, entry, glossary_list, report, volume

from build_scripts.glossary.link import term_forms
from build_scripts.glossary.pages import prepare
from build_scripts.model import Block
from build_scripts.render import render_volume


def _site(tmp_path, *entries, extra: str | None = None):
    """Render a one-chapter volume with the glossary; return (glossary, HTML of the chapter page)."""
    if extra is not None:
        (tmp_path / "glossary-extra.yml").write_text(extra, encoding="utf-8")
    vol = volume(chapter(report(), glossary_list(), *entries))
    glossary = prepare([vol], tmp_path)
    rendered = render_volume(vol, glossary.linker.mark)
    page = next(p for p in rendered.pages if p.path == "town-2030/te-zai/index.md")
    return glossary, markdown.markdown(page.markdown, extensions=["attr_list", "tables"])


def _terms(html: str) -> list[str]:
    return re.findall(r'<a class="gl-term" href="[^"]*">(.*?)</a>', html)


def test_forms_drop_a_qualifier_before_a_head_noun_but_keep_it_alone():
    assert term_forms("全镇“1+5”实施方案") == ('全镇"1+5"实施方案', '"1+5"实施方案')
    assert term_forms("食品安全“两个责任”") == ('食品安全"两个责任"',)
    assert term_forms("“海棠计划”") == ('"海棠计划"', "海棠计划")
    assert term_forms("“四上”企业") == ('"四上"企业',)


def test_only_the_first_occurrence_per_entry_is_marked(tmp_path):
    later = entry("社区建设", "推进“海棠计划”。", "再推进“海棠计划”二期。", anchor="she-qu")
    glossary, html = _site(tmp_path, later)
    assert _terms(html).count("“海棠计划”") == 2  # once in the report, once in 社区建设
    term = next(t for t in glossary.terms if t.term == "“海棠计划”")
    assert [(o.anchor, o.count) for o in term.occurrences] == [("zheng-fu-gong-zuo-bao-gao", 1), ("she-qu", 2)]


def test_titles_and_subheadings_are_never_marked(tmp_path):
    titled = entry("“海棠计划”推进会", anchor="tui-jin-hui")
    titled.blocks = [Block("h", "“海棠计划”实施情况"), Block("p", "会议部署工作。")]
    glossary, html = _site(tmp_path, titled)
    assert re.search(r"<h2[^>]*>“海棠计划”推进会", html)
    assert "<strong>“海棠计划”实施情况</strong>" in html
    term = next(t for t in glossary.terms if t.term == "“海棠计划”")
    assert "tui-jin-hui" not in [o.anchor for o in term.occurrences]


def test_spaces_and_straight_quotes_do_not_hide_an_occurrence(tmp_path):
    glossary, html = _site(tmp_path, entry("社区建设", '推进" 海棠 计划 "二期。', anchor="she-qu"))
    assert '" 海棠 计划 "' in _terms(html)


def test_hostile_text_around_a_term_renders_literally(tmp_path):
    hostile = entry("社区建设", "<b>“海棠计划”</b> *星* [链](x) `码` {: #id } 1. 甲", anchor="she-qu")
    _, html = _site(tmp_path, hostile)
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "*星* [链](x) `码` {: #id } 1. 甲" in html
    assert "“海棠计划”" in _terms(html)


def test_hostile_definition_cannot_escape_its_data_block(tmp_path):
    extra = "terms:\n  - {term: “街巷长制”, definition: '</script><img src=x onerror=alert(1)>', source: 某文件}\n"
    _, html = _site(tmp_path, entry("社区建设", "推行“街巷长制”。", anchor="she-qu"), extra=extra)
    assert "<img" not in html and "</script><" not in html
    assert "\\u003c/script\\u003e" in html


def test_footnote_markers_link_to_their_definitions_and_back(tmp_path):
    _, html = _site(tmp_path)
    ref = re.search(r'<a class="gl-ref" href="#(fn-[^"]+-1)" id="(fnref-[^"]+-1)">¹</a>', html)
    assert ref, html
    definition = re.search(rf'<p class="gl-def" id="{ref.group(1)}">(.*?)</p>', html, re.S)
    assert definition and f'href="#{ref.group(2)}"' in definition.group(1)
    assert "街巷绿化为重点。" in definition.group(1)  # the definition's continuation paragraph is part of it


def test_a_marker_flattened_to_plain_digits_after_its_term_still_links(tmp_path):
    vol = volume(chapter(
        entry("某镇人民政府工作报告", "推进“海棠计划”¹，落实“双岗双责”监管4项要求。", anchor="bao-gao"),
        glossary_list(),
    ))
    glossary = prepare([vol], tmp_path)
    page = render_volume(vol, glossary.linker.mark).pages[-1].markdown
    assert "[4](#fn-zhu-yao-ming-ci-jie-shi-4)" in page


def test_a_marker_inside_a_term_splits_the_mark(tmp_path):
    vol = volume(chapter(entry("某镇人民政府工作报告", "深化“三通两联”²工作。", anchor="bao-gao"), glossary_list()))
    glossary = prepare([vol], tmp_path)
    page = render_volume(vol, glossary.linker.mark).pages[-1].markdown
    assert "[“三通两联”](../glossary.md#san-tong-liang-lian-gong-zuo){: .gl-term }[²]" in page


def test_marks_carry_their_definition_for_the_tooltip(tmp_path):
    _, html = _site(tmp_path)
    data = re.findall(r'<script type="application/json" class="gl-data">(.*?)</script>', html)
    assert any('"hai-tang-ji-hua":{' in d and "社区微更新行动" in d for d in data)


def test_the_glossary_list_itself_is_not_marked(tmp_path):
    _, html = _site(tmp_path)
    definitions = re.findall(r'<p class="gl-def".*?</p>', html, re.S)
    assert definitions and not any("gl-term" in d for d in definitions)


def test_markers_in_a_report_split_over_entries_all_link_and_link_back(tmp_path):
    vol = volume(chapter(
        entry("某镇人民政府工作报告", "全力推进“海棠计划”¹。", anchor="bao-gao"),
        entry("2031年工作安排", "继续实施“三通两联”工作²。", anchor="an-pai"),
        glossary_list(),
    ))
    glossary = prepare([vol], tmp_path)
    html = markdown.markdown(render_volume(vol, glossary.linker.mark).pages[-1].markdown, extensions=["attr_list"])
    assert 'id="fnref-zhu-yao-ming-ci-jie-shi-2">²</a>' in html
    definition = re.search(r'<p class="gl-def" id="fn-zhu-yao-ming-ci-jie-shi-2">(.*?)</p>', html, re.S).group(1)
    assert 'href="#fnref-zhu-yao-ming-ci-jie-shi-2"' in definition


def test_a_unit_or_power_is_not_a_footnote_marker(tmp_path):
    vol = volume(chapter(entry("某镇人民政府工作报告", "推进“海棠计划”¹，新增绿地3万m²。", anchor="bao-gao"), glossary_list()))
    glossary = prepare([vol], tmp_path)
    page = render_volume(vol, glossary.linker.mark).pages[-1].markdown
    assert "3万m²。" in page and "[²]" not in page


def test_a_definition_opening_with_its_number_shows_no_stray_backslash(tmp_path):
    _, html = _site(tmp_path, entry("社区建设", "44.56%的社区完成改造。", anchor="she-qu"))
    assert '">4. “双岗双责”监管：' in html
    assert "<p>44.56%的社区完成改造。</p>" in html and "\\4" not in html
