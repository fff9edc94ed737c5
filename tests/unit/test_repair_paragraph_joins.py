"""Paragraphs cut by a photo or a page break (断段, repair/paragraphs.py): the reader
gets the paragraph whole, the photo after it, the printed page still known where it
turned; the 修订记录 says what was joined, where it went on, and across what.
"""
from __future__ import annotations

from build_scripts.model import Line
from build_scripts.repair.paragraphs import rejoin_paragraphs

A = "全区开展垃圾分类工作，推进"
B = "示范小区建设，全年新增示范小区30个。"
CAPTION = "10月20日，开展活动 （甲提供）"


def _line(text, n, kind="text", page=None):
    line = Line(text, "t.txt", n, kind)
    line.page = page
    return line


def _join(*lines):
    audit: list = []
    out = rejoin_paragraphs(list(lines), audit)
    return [(l.text, l.kind, l.lineno, l.page_breaks) for l in out], [(r.kind, r.before, r.after, r.reason, r.line) for r in audit]


def test_a_paragraph_cut_by_a_photo_is_whole_and_the_photo_follows_it():
    out, records = _join(_line(A, 1), _line("", 2), _line(CAPTION, 3, "caption"), _line(B, 4))
    assert out == [(A + B, "text", 1, ()), (CAPTION, "caption", 3, ())]
    assert records == [("paragraph-join", "圾分类工作，推进\n示范小区建设，全", "圾分类工作，推进示范小区建设，全",
                        "paragraph cut mid-sentence, continued on line 4, across a photo caption", 1)]


def test_a_paragraph_cut_by_a_page_break_keeps_where_the_page_turned():
    out, records = _join(_line(A, 1), _line("", 2, "page", page=12), _line(B, 3))
    assert out == [(A + B, "text", 1, ((len(A), 12),)), ("", "page", 2, ())]
    assert records[0][3] == "paragraph cut mid-sentence, continued on line 3, across a page break"


def test_a_page_break_alone_is_evidence_of_a_cut_in_a_short_half():
    long_tail = "其中，" + "长" * 40 + "。"
    out, _ = _join(_line("全年完成任务", 1), _line("", 2, "page", page=12), _line(long_tail, 3))
    assert out[0] == ("全年完成任务" + long_tail, "text", 1, ((6, 12),))
    just_long = "其中，" + "长" * 37 + "。"  # 41 characters: longer than a heading
    assert _join(_line("全年完成任务", 1), _line("", 2, "page", page=12), _line(just_long, 3))[0][0][0] == (
        "全年完成任务" + just_long)


def test_after_a_page_break_a_short_line_or_a_heading_does_not_carry_on():
    for nxt in ("短句。", "其中，" + "长" * 36 + "。", "综合治理"):
        out, records = _join(_line("全年完成任务", 1), _line("", 2, "page", page=12), _line(nxt, 3))
        assert [o[0] for o in out] == ["全年完成任务", "", nxt] and records == [], nxt


def test_a_complete_paragraph_before_a_page_break_stays_apart():
    out, records = _join(_line("全年完成任务。", 1), _line("", 2, "page", page=12), _line("其中，" + "长" * 40 + "。", 3))
    assert len(out) == 3 and records == []


def test_a_heading_line_is_never_the_start_of_a_join():
    out, records = _join(_line(A, 1, "heading"), _line(B, 2))
    assert [o[0] for o in out] == [A, B] and records == []


def test_a_cut_paragraph_before_a_line_that_is_no_text_stays_cut():
    out, records = _join(_line(A, 1), _line("", 2), _line("综合治理", 3, "heading"), _line(B, 4))
    assert [o[0] for o in out] == [A, "", "综合治理", B] and records == []


def test_a_paragraph_cut_at_the_end_of_the_text_stays_as_it_is():
    out, records = _join(_line(B, 1), _line(A, 2), _line("", 3))
    assert [o[0] for o in out] == [B, A, ""] and records == []


def test_a_paragraph_cut_by_a_photo_and_then_a_page_joins_all_three():
    c = "设施配置，完成改造任务。"
    out, records = _join(_line(A, 1), _line(CAPTION, 2, "caption"), _line("示范小区建设，推进", 3),
                         _line("", 4, "page", page=13), _line(c, 5))
    assert out[0] == (A + "示范小区建设，推进" + c, "text", 1, ((len(A + "示范小区建设，推进"), 13),))
    assert [o[1] for o in out[1:]] == ["caption", "page"]
    assert [r[3] for r in records] == ["paragraph cut mid-sentence, continued on line 3, across a photo caption",
                                       "paragraph cut mid-sentence, continued on line 5, across a page break"]


# --- what the first run of mutants showed untested ------------------------------------------

def test_a_label_of_forty_characters_after_a_cut_is_a_label_and_of_41_carries_on():
    label, longer = "甲" * 40, "甲" * 41
    assert _join(_line(A, 1), _line(label, 2))[1] == []
    assert _join(_line(A, 1), _line(longer, 2))[0][0][0] == A + longer


def test_a_short_exclamation_carries_a_cut_paragraph_on():
    assert _join(_line(A, 1), _line("成效显著！", 2))[0][0][0] == A + "成效显著！"


def test_a_table_row_before_a_page_break_is_not_a_cut_paragraph():
    long_tail = "其中，" + "长" * 40 + "。"
    out, records = _join(_line("甲\t12", 1), _line("", 2, "page", page=12), _line(long_tail, 3))
    assert records == [] and out[0][0] == "甲\t12"


def test_a_page_break_behind_a_photo_is_still_a_page_break():
    long_tail = "其中，" + "长" * 40 + "。"
    out, records = _join(_line("全年完成任务", 1), _line("", 2), _line(CAPTION, 3, "caption"),
                         _line("", 4, "page", page=12), _line(long_tail, 5))
    assert out[0] == ("全年完成任务" + long_tail, "text", 1, ((6, 12),))
    assert [o[1] for o in out[1:]] == ["caption", "page"]


def test_a_paragraph_cut_by_two_page_breaks_keeps_both():
    b = "示范小区建设，推进"
    out, _ = _join(_line(A, 1), _line("", 2, "page", page=12), _line(b, 3), _line("", 4, "page", page=13),
                   _line("设施配置，完成改造任务。", 5))
    assert out[0][3] == ((len(A), 12), (len(A + b), 13))


def test_latin_then_chinese_across_a_cut_is_glued_without_a_space():
    out, _ = _join(_line("全区推广，使用GPS", 1), _line("定位系统，覆盖全部车辆。", 2))
    assert out[0][0] == "全区推广，使用GPS定位系统，覆盖全部车辆。"
    out, _ = _join(_line("全区推广，使用中A", 1), _line("B类车辆，覆盖全部线路。", 2))
    assert out[0][0] == "全区推广，使用中A B类车辆，覆盖全部线路。"
    out, _ = _join(_line("全年，依据第3", 1), _line("号文件，完成整改任务。", 2))
    assert out[0][0] == "全年，依据第3号文件，完成整改任务。"
