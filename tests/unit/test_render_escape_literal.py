"""render.escape: any book text shows literally once Python-Markdown (with the
site's extensions) has rendered it — each markup character, at a line's start
and inside it, one at a time, so a dropped character class or line-start rule
fails here."""
from __future__ import annotations

import html
import re

import markdown
import pytest

from build_scripts.render import escape, escape_inline

EXTENSIONS = ["attr_list", "tables", "toc"]


def shown(md: str) -> str:
    """The text a reader sees: the HTML with its tags removed, entities decoded."""
    out = markdown.markdown(md, extensions=EXTENSIONS)
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


INLINE = ["\\", "`", "*", "_", "{", "}", "[", "]", "#", "|", "!", "<", ">", "&"]
LINE_START = ["- 甲", "+ 甲", "> 甲", "= 甲", "1. 甲", "12) 甲", "  - 甲", "# 甲", "===", "---"]


@pytest.mark.parametrize("ch", INLINE)
def test_each_inline_markup_character_shows_literally(ch):
    for text in (f"甲{ch}乙{ch}丙", f"甲{ch}{ch}乙{ch}{ch}丙", f"{ch}甲"):
        assert shown("段落：" + escape(text)) == "段落：" + text


@pytest.mark.parametrize("text", LINE_START)
def test_line_start_markup_shows_literally(text):
    assert shown(escape(text)) == text.strip()


def test_markup_pairs_and_html_show_literally():
    for text in ["*星*", "**粗**", "_下_", "`码`", "[链](x)", "![图](y)", "<b>标</b>", "&amp;", "甲 {: #id .c }", "甲 {: .c }", "甲{.c}",
                 "a|b|c", "\\*", "<!-- 注 -->", "&#61;"]:
        assert shown("段落：" + escape(text)) == "段落：" + text, text


def test_attribute_lists_in_book_text_stay_text_in_a_heading_after_a_link_and_alone():
    for text in ("甲 {: .c }", "甲 {#x}", "{: .c }"):
        assert shown("## " + escape(text)) == text, text
        assert shown(f"段落[链](x){escape(text)}") == "段落链" + text, text
        assert shown("段落\n" + escape(text)) == "段落\n" + text, text


def test_a_line_of_rules_under_a_line_of_text_is_no_heading():
    # Setext headings: a line of = or - under text. escape() writes a leading = as &#61;.
    for rule in ("===", "= =", "---", "- -"):
        assert shown("前一行\n" + escape(rule)) == "前一行\n" + rule, rule


def test_escape_inline_leaves_line_starts_alone_but_escapes_inside():
    assert escape_inline("- 1. 甲*乙") == "- 1. 甲\\*乙"
    assert escape_inline("<&>") == "&lt;&amp;&gt;"
    assert escape_inline('"引"') == '"引"'  # quotes stay: text, not an attribute


def test_plain_text_is_unchanged():
    text = "2023年，全区实现地区生产总值 1234.5 亿元，同比增长 5.6%。"
    assert escape(text) == text


def test_a_ragged_table_is_padded_to_its_widest_row_and_every_cell_escaped():
    from build_scripts.render import _table

    assert _table([["项目", "数量", "备注*"], ["甲|乙"]]) == [
        "| 项目 | 数量 | 备注\\* |",
        "| --- | --- | --- |",
        "| 甲\\|乙 |  |  |",
        "",
    ]
    html = markdown.markdown("\n".join(_table([["项目", "数量"], ["甲"]])), extensions=EXTENSIONS)
    assert html.count("<td>") == 2 and "<th>数量</th>" in html
