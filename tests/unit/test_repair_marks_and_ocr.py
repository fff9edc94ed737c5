"""Punctuation (标点, repair/punctuation.py) and OCR junk (识别错字, repair/ocr.py):
what the reader gets and what the 修订记录 tells the editor, record by record.

Every change is an audit record (kind, the text before with a little context,
the text after) on the right file and line: the editors' page and audit.json
show exactly these, and "nothing lost" is checked from them.
"""
from __future__ import annotations

import pytest

from build_scripts.model import Line
from build_scripts.repair.ocr import flag_foreign_script, repair_lone_letters, repair_table_digits
from build_scripts.repair.punctuation import curly_quotes, fullwidth_punctuation

LINE = Line("x", "town.txt", 7)


def _marks(fn, text):
    audit: list = []
    out = fn(text, LINE, audit)
    assert all((r.file, r.line) == ("town.txt", 7) for r in audit)
    return out, [(r.kind, r.before, r.after) for r in audit]


# --- half-width marks ------------------------------------------------------------

@pytest.mark.parametrize("text,out,records", [
    ("河西区,天津市", "河西区，天津市", [("half-width-punct", "西区,天津", "西区，天津")]),
    ("会议召开 : 讨论", "会议召开：讨论", [("half-width-punct", "召开 : 讨论", "召开：讨论")]),  # spaces absorbed
    ("你好?是的!", "你好？是的！", [("half-width-punct", "你好?是的", "你好？是的"),
                                ("half-width-punct", "是的!", "是的！")]),
    ("中;x", "中；x", [("half-width-punct", "中;x", "中；x")]),  # Chinese on the left is enough
    ("a,中", "a，中", [("half-width-punct", "a,中", "a，中")]),  # … or on the right
    ("中,", "中，", [("half-width-punct", "中,", "中，")]),  # at the end of the line
])
def test_a_half_width_mark_touching_chinese_becomes_full_width_and_is_recorded(text, out, records):
    assert _marks(fullwidth_punctuation, text) == (out, records)


@pytest.mark.parametrize("text", ["共1,000人", "12:30开会", "见http://a.cn/x 网站", "A,B", "A, B", "no Chinese, at all"])
def test_numbers_latin_and_urls_keep_their_marks(text):
    assert _marks(fullwidth_punctuation, text) == (text, [])


@pytest.mark.parametrize("text,out,before", [
    ("区委(2024)", "区委（2024）", "(2024)"),  # Chinese before
    ("(2024)年", "（2024）年", "(2024)"),  # Chinese after
    ("x(区委宣传部提供)", "x（区委宣传部提供）", "(区委宣传部提供)"),  # Chinese inside
    ("(区委宣传部提供)", "（区委宣传部提供）", "(区委宣传部提供)"),
    ("中，(a)", "中，（a）", "(a)"),  # a full-width mark counts as Chinese context
])
def test_parentheses_in_chinese_context_become_full_width(text, out, before):
    assert _marks(fullwidth_punctuation, text) == (out, [("half-width-punct", before, out[out.index("（"):out.rindex("）") + 1])])


def test_latin_parentheses_in_a_chinese_line_stay():
    assert _marks(fullwidth_punctuation, "采用GDP (gross domestic product) 核算")[0] == (
        "采用GDP (gross domestic product) 核算")


def test_nested_parentheses_are_converted_inside_out():
    out, records = _marks(fullwidth_punctuation, "((甲))")
    assert out == "（（甲））"
    assert records == [("half-width-punct", "(甲)", "（甲）"), ("half-width-punct", "(（甲）)", "（（甲））")]


def test_the_katakana_middle_dot_becomes_the_chinese_interpunct():
    assert _marks(fullwidth_punctuation, "财政・税务") == ("财政·税务", [("middle-dot", "财政・税务", "财政·税务")])
    assert _marks(fullwidth_punctuation, "4・26禁毒日")[0] == "4·26禁毒日"


# --- straight quotes -----------------------------------------------------------------

def test_straight_quotes_pair_in_reading_order():
    out, records = _marks(curly_quotes, '"甲"和"乙"')
    assert out == "“甲”和“乙”"
    assert [r[0] for r in records] == ["half-width-quote"] * 4


@pytest.mark.parametrize("text,out", [('中文"', "中文”"), ('"中文', "“中文"), ('中"，', "中”，"), ('中")', "中”)"),
                                      ('中" 好', "中”好")])
def test_an_unpaired_quote_turns_by_what_follows_and_is_flagged(text, out):
    converted, records = _marks(curly_quotes, text)
    assert converted == out
    assert records[0][0] == "unpaired-quote" and {r[0] for r in records[1:]} <= {"quote-space"}


def test_the_third_of_three_quotes_is_the_unpaired_one():
    out, records = _marks(curly_quotes, '"甲"和"乙')
    assert out == "“甲”和“乙"
    assert [r[0] for r in records] == ["half-width-quote", "half-width-quote", "unpaired-quote"]
    assert records[2] == ("unpaired-quote", '"和"乙', '"和“乙')


@pytest.mark.parametrize("text", ['a"b"c中', "no quotes", 'Latin "only" text'])
def test_quotes_inside_latin_words_or_latin_lines_stay(text):
    assert _marks(curly_quotes, text) == (text, [])


def test_spaces_inside_and_outside_chinese_quotes_go_and_each_is_recorded():
    out, records = _marks(curly_quotes, '开展 "读书节" 活动')
    assert out == "开展“读书节”活动"
    assert records[2:] == [("quote-space", "开展 “读", "开展“读"), ("quote-space", "节” 活动", "节”活动")]
    out, records = _marks(curly_quotes, '中" 甲 "乙')
    assert out == "中“甲”乙"
    assert records[2:] == [("quote-space", "中“ 甲 ", "中“甲 "), ("quote-space", " 甲 ”乙", " 甲”乙")]


def test_the_space_between_two_quotations_stays():
    assert _marks(curly_quotes, '"5.8" "9.9"中')[0] == "“5.8” “9.9”中"


# --- OCR: digit look-alikes in number columns --------------------------------------------

def _lines(*texts):
    return [Line(t, "t.txt", i + 1, "text") for i, t in enumerate(texts)]


def _digits(*rows):
    audit: list = []
    out = repair_table_digits(_lines(*rows), audit)
    return [l.text for l in out], [(r.kind, r.before, r.after, r.line, r.reason) for r in audit], out


def test_a_look_alike_in_a_number_column_is_the_digit_and_says_its_column():
    texts, records, out = _digits("名称\t数量", "甲\t12", "乙\tက", "丙\t30", "丁\t4")
    assert texts == ["名称\t数量", "甲\t12", "乙\t3", "丙\t30", "丁\t4"]
    assert records == [("ocr-digit", "က", "3", 3, "OCR look-alike of 3 in a number column (column 2)")]
    assert (out[2].file, out[2].lineno, out[2].kind) == ("t.txt", 3, "text")


def test_a_column_needs_three_real_numbers():
    assert _digits("甲\t12", "乙\tက", "丙\t30")[1] == []


def test_a_column_may_be_damaged_up_to_its_share_of_numbers():
    # 3 numbers + 3 look-alikes of 10 cells = 0.6: a number column still
    rows = ["甲\t1", "乙\tက", "丙\tက", "丁\tက", "戊\t2", "己\t3", "a\t甲", "b\t乙", "c\t丙", "d\t丁"]
    assert len(_digits(*rows)[1]) == 3
    assert _digits(*rows, "e\t戊")[1] == []  # 6 of 11: below the share, a text column


def test_a_table_run_goes_on_over_blank_lines_and_stops_at_text():
    assert _digits("甲\tက", "乙\t1", "", "丙\t2", "丁\t3")[0][0] == "甲\t3"
    assert _digits("甲\tက", "乙\t1", "正文一行", "丙\t2", "丁\t3")[1] == []


def test_two_tables_are_judged_apart():
    texts = _digits("甲\t1", "乙\t2", "丙\t3", "正文", "a\tက", "b\t甲")[0]
    assert texts[4] == "a\tက"


# --- OCR: Cyrillic twins and foreign scripts ---------------------------------------------

def test_a_cyrillic_twin_standing_alone_in_a_cell_is_the_latin_letter():
    audit: list = []
    out = repair_lone_letters(_lines("В", "x\tН\t", "Ж", "BВ"), audit)
    assert [l.text for l in out] == ["B", "x\tH\t", "Ж", "BВ"]
    assert [(r.kind, r.before, r.after, r.line) for r in audit] == [("ocr-letter", "В", "B", 1), ("ocr-letter", "Н", "H", 2)]
    assert out[1].kind == "text" and out[1].lineno == 2


def test_characters_of_other_scripts_are_kept_and_flagged_once_per_line():
    audit: list = []
    lines = _lines("中文ကѣက文ѣ", "×±°—…‰¹²Ⅰ→≤√①─★　，中ＡＢ", "Ω")
    out = flag_foreign_script(lines, audit)
    assert [l.text for l in out] == [l.text for l in lines]
    assert [(r.kind, r.before, r.after, r.line) for r in audit] == [("ocr-suspect", "ကѣ", "ကѣ", 1),
                                                                    ("ocr-suspect", "Ω", "Ω", 3)]
    assert "check against the print" in audit[0].reason


def test_a_break_line_is_not_flagged():
    audit: list = []
    flag_foreign_script([Line("ကѣ", "t.txt", 1, "break")], audit)
    assert audit == []


# --- conversion markup (repair/markup.py) and bidi controls (repair/controls.py) ----------

from build_scripts.repair.controls import strip_bidi_controls  # noqa: E402
from build_scripts.repair.markup import (  # noqa: E402
    normalise_spaces, strip_cms_markers, strip_html_tags, strip_list_marker, strip_markdown_emphasis)


@pytest.mark.parametrize("text,out,tags", [
    ("北<mark>京</mark>", "北京", ["<mark>", "</mark>"]),
    ('<td class="x" colspan=2>甲</td>', "甲", ['<td class="x" colspan=2>', "</td>"]),
    ("<span style='x'>甲", "甲", ["<span style='x'>"]),
    ("甲<br/>乙<BR>", "甲乙", ["<br/>", "<BR>"]),
    ("<p id>甲", "甲", ["<p id>"]),
])
def test_html_tags_go_their_text_stays_and_each_tag_is_recorded(text, out, tags):
    assert _marks(strip_html_tags, text) == (out, [("html-tag", t, "") for t in tags])


@pytest.mark.parametrize("text", ["<foo>甲</foo>", "a<b 且 c>d", "《<甲>》", "<>"])
def test_what_is_no_html_tag_stays(text):
    assert _marks(strip_html_tags, text) == (text, [])


def test_a_cms_marker_goes_even_inside_a_word():
    assert _marks(strip_cms_markers, "城市##paidbegin##管理") == ("城市管理", [("cms-marker", "##paidbegin##", "")])
    assert _marks(strip_cms_markers, "第##1##号 ## a ##") == ("第##1##号 ## a ##", [])


def test_each_bold_pair_loses_its_marks_and_keeps_its_text():
    assert _marks(strip_markdown_emphasis, "**二是**开展**三是**") == (
        "二是开展三是", [("markdown-emphasis", "**二是**", "二是"), ("markdown-emphasis", "**三是**", "三是")])
    assert _marks(strip_markdown_emphasis, "** 二 ** a ** b")[1] == []


def test_odd_spaces_become_plain_and_the_line_is_trimmed():
    assert _marks(normalise_spaces, "\u3000\u3000正文\u2002x\u200b") == (
        "正文 x", [("odd-space", "\u3000\u3000正文\u2002x\u200b", "  正文 x ")])
    assert _marks(normalise_spaces, "\u00a0甲") == ("甲", [("odd-space", "\u00a0甲", " 甲")])


def test_plain_spaces_are_trimmed_unrecorded_and_tabs_stay():
    assert _marks(normalise_spaces, "  a  ") == ("a", [])
    assert _marks(normalise_spaces, "\t甲\t") == ("\t甲\t", [])
    assert _marks(normalise_spaces, " \u00a0 ")[0] == ""


@pytest.mark.parametrize("text,out,marker", [("- 一、本书", "一、本书", "- "), ("•  二", "二", "•  ")])
def test_a_list_marker_before_text_goes(text, out, marker):
    assert _marks(strip_list_marker, text) == (out, [("list-marker", marker, "")])


@pytest.mark.parametrize("text", ["-5℃以下", "- ", "-", "甲 - 乙"])
def test_a_minus_sign_or_a_lone_dash_stays(text):
    assert _marks(strip_list_marker, text) == (text, [])


def test_each_bidi_control_is_removed_and_named_by_its_code_point():
    audit: list = []
    assert strip_bidi_controls("\u2066甲\u202e乙\u2069", LINE, audit) == "甲乙"
    assert [(r.kind, r.before, r.after) for r in audit] == [
        ("bidi-control", "\u2066甲\u202e", "甲\u202e"), ("bidi-control", "\u2066甲\u202e乙\u2069", "\u2066甲乙\u2069"),
        ("bidi-control", "\u202e乙\u2069", "\u202e乙")]
    assert audit[1].reason == "bidirectional control U+202E removed (reorders text on screen)"
    assert strip_bidi_controls("阿拉伯文 العربية", LINE, []) == "阿拉伯文 العربية"


# --- what the first run of mutants showed untested ----------------------------------------

@pytest.mark.parametrize("text,out", [
    ('"A是中文b', "“A是中文b"),  # a quote opening the line is no Latin-internal quote
    ('A中文b"', "A中文b”"),  # … nor one closing it
    ('A中b"c', 'A中b"c'),  # between two Latin letters it stays
])
def test_a_quote_at_either_end_of_the_line_is_judged_by_its_one_neighbour(text, out):
    assert _marks(curly_quotes, text)[0] == out


@pytest.mark.parametrize("text", ["(abc)x中", "中a(bc)d"])
def test_latin_parentheses_are_judged_by_their_own_neighbours_only(text):
    assert _marks(fullwidth_punctuation, text) == (text, [])


def test_each_punctuation_record_says_why_to_the_editor():
    audit: list = []
    fullwidth_punctuation("中,(甲)财政・税务", LINE, audit)
    curly_quotes('开展 "读书节" 和"甲', LINE, audit)
    assert {(r.kind, r.reason) for r in audit} == {
        ("half-width-punct", "half-width mark in Chinese context (GB/T 15834)"),
        ("half-width-punct", "half-width parentheses in Chinese context (GB/T 15834)"),
        ("middle-dot", "katakana middle dot → 间隔号 · (GB/T 15834)"),
        ("half-width-quote", "straight quotes in Chinese context (GB/T 15834)"),
        ("unpaired-quote", "unpaired straight quote in Chinese context (GB/T 15834); direction from context, check"),
        ("quote-space", "space beside a Chinese quotation mark, never typeset"),
    }


def test_a_repaired_row_keeps_its_place_and_kind_and_a_short_row_is_no_problem():
    texts = ["甲\t1\t12", "乙\t2\tက", "丙\t3\t30", "丁\t4", "戊\t5\t4"]  # 丁's row lacks the third cell
    rows = [Line(t, "t.txt", i + 1, "table") for i, t in enumerate(texts)]
    out = repair_table_digits(rows, [])
    assert [l.text for l in out] == ["甲\t1\t12", "乙\t2\t3", "丙\t3\t30", "丁\t4", "戊\t5\t4"]
    assert (out[1].file, out[1].lineno, out[1].kind) == ("t.txt", 2, "table")
    letters = repair_lone_letters([Line("x\tН", "t.txt", 5, "heading")], [])
    assert (letters[0].text, letters[0].file, letters[0].lineno, letters[0].kind) == ("x\tH", "t.txt", 5, "heading")


def test_foreign_script_after_a_break_line_is_still_flagged():
    audit: list = []
    flag_foreign_script([Line("ѣ", "t.txt", 1, "break"), Line("中文က", "t.txt", 2)], audit)
    assert [(r.kind, r.before, r.line) for r in audit] == [("ocr-suspect", "က", 2)]


def test_each_ocr_record_says_why_to_the_editor():
    audit: list = []
    flag_foreign_script([Line("中文က", "t.txt", 1)], audit)
    repair_lone_letters([Line("В", "t.txt", 2)], audit)
    repair_table_digits(_lines("甲\t12", "乙\tက", "丙\t30", "丁\t4"), audit)
    assert [(r.kind, r.reason) for r in audit] == [
        ("ocr-suspect", "kept: character of a script the book does not use (likely OCR junk); check against the print"),
        ("ocr-letter", "Cyrillic look-alike of a Latin capital standing alone (index letter head)"),
        ("ocr-digit", "OCR look-alike of 3 in a number column (column 2)"),
    ]


def test_a_line_of_tabs_and_spaces_only_is_empty_and_a_final_x_stays():
    assert _marks(normalise_spaces, "\t \t") == ("", [])
    assert _marks(normalise_spaces, " 型号X ")[0] == "型号X"


def test_each_markup_record_says_why_to_the_editor():
    audit: list = []
    for fn, text in [(strip_html_tags, "北<mark>京"), (strip_cms_markers, "城##paidbegin##市"),
                     (strip_markdown_emphasis, "**二是**"), (normalise_spaces, "\u3000甲"), (strip_list_marker, "- 甲")]:
        fn(text, LINE, audit)
    assert [(r.kind, r.reason) for r in audit] == [
        ("html-tag", "HTML markup left by extraction"),
        ("cms-marker", "paywall/CMS marker from a web scrape"),
        ("markdown-emphasis", "Markdown bold marks left by a web scrape"),
        ("odd-space", "non-breaking/ideographic spaces made plain"),
        ("list-marker", "stray Markdown list marker from conversion"),
    ]


def test_a_line_of_bidi_controls_only_becomes_empty():
    audit: list = []
    assert strip_bidi_controls("\u202e\u202c", LINE, audit) == "" and len(audit) == 2
