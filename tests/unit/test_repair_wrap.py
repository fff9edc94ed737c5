"""Line-wrap spaces (repair/wrap.py), measured against a known column: the
body column's chain of wraps, a caption's own column, a number's own
spacing, the words a space cuts, and the column measure itself (issue 16:
the body-column chain was reached by no unit test before)."""
from __future__ import annotations

import pytest

from build_scripts.model import AuditRecord, Line
from build_scripts.repair import wrap

LINE = Line("x", "book.txt", 7)


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch):
    """The answers of earlier tests (and builds) are cached per process: each
    test here measures the rule, not a cached answer."""
    monkeypatch.setattr(wrap, "SPLITS", {})
    wrap._char_width.cache_clear()
    yield
    wrap._char_width.cache_clear()


def join(text: str, column: int | None = 40) -> tuple[str, list[tuple[str, str]]]:
    audit: list[AuditRecord] = []
    out = wrap.join_wrap_spaces(text, LINE, audit, wrap.Column(column))
    assert all(r.kind == "wrap-space" and (r.file, r.line) == ("book.txt", 7) for r in audit)
    return out, [(r.before, r.after) for r in audit]


# --- the body column: a chain of wraps ---------------------------------------

# Printed lines of a 40-column body (20 ideographs; the first indented by two),
# with a number's own spacing inside a line and a wrap after a number: the
# caption measure cannot read it, only the chain at the body column can.
BODY_LINES = [
    "常委会坚持围绕中心、服务大局，紧扣全",  # 36 + indent
    "区中心工作和人民群众期盼，开展活动 12 次",  # 39
    "，参加全区群众共计开展志愿服务活动2000",  # 38
    "人次，确保监督工作更有强度、更具实效，推",  # 40
    "动各项工作任务落实见效。",  # the short last line
]


def test_the_wraps_at_the_body_column_go_and_a_numbers_own_spaces_stay():
    out, audit = join(" ".join(BODY_LINES))
    assert out == ("常委会坚持围绕中心、服务大局，紧扣全区中心工作和人民群众期盼，开展活动 12 次，"
                   "参加全区群众共计开展志愿服务活动2000人次，确保监督工作更有强度、更具实效，推动各项工作任务落实见效。")
    assert audit == [("扣全 区中", "扣全区中"), (" 次 ，参", " 次，参"), ("00 人次", "00人次"), ("，推 动各", "，推动各")]


def test_the_chain_reason_names_the_body_column():
    audit: list[AuditRecord] = []
    wrap.join_wrap_spaces(" ".join(BODY_LINES), LINE, audit, wrap.Column(40))
    assert {r.reason for r in audit} == {"line-wrap space at the body column of 40 printed columns"}


def test_without_a_body_column_or_at_another_width_the_spaces_stay():
    text = " ".join(BODY_LINES)
    assert join(text, None) == (text, [])
    assert join(text, 60) == (text, [])


def test_four_printed_lines_in_one_segment_are_no_link():
    text = " ".join(["".join(BODY_LINES[:4]), BODY_LINES[4]])
    assert join(text) == (text, [])


def _with_fourth_line(line: str) -> tuple[float, list[tuple[str, str]]]:
    return wrap.printed_width(line), join(" ".join([*BODY_LINES[:3], line, BODY_LINES[4]]))[1]


def test_a_line_within_the_tolerance_of_the_column_is_full():
    # 37 = 40 - 3 and 43 = 40 + 3 (a digit is half an ideograph)
    for line, w in (("人次，确保监督工作更有强度、更具实1推", 37), ("人次，确保监督工作更有强度、更具实效，推动1", 43)):
        width, audit = _with_fourth_line(line)
        assert width == w and len(audit) == 4 and audit[-1][1].endswith("动各"), line


def test_only_the_first_printed_line_may_be_short_by_the_indent():
    """36 columns fits a first line (40 less a two-ideograph indent, less the
    tolerance: 33); a later line of 36 is not a full line, its wrap stays."""
    width, audit = _with_fourth_line("人次，确保监督工作更有强度、更具实推")
    assert width == 36
    # The only chain that ends where the rest fits on a last line runs through
    # the number's spaces in two-line segments, none a single line: no
    # evidence, nothing is removed (the chain at most one line short is not taken).
    assert audit == []


def test_a_paragraph_of_an_indented_line_and_its_last_line_loses_its_wrap():
    out, audit = join("常委会坚持围绕中心、服务大局，紧扣全 区中心工作。")
    assert out == "常委会坚持围绕中心、服务大局，紧扣全区中心工作。" and len(audit) == 1


def test_a_segment_holding_a_spaced_name_list_is_no_link():
    """Two spaces between ideographs inside one printed line are a spaced list
    (names), deliberate: the chain may not run through that line, so it stops
    before it (the wraps after it stay: spaces kept, nothing joined wrongly)."""
    lines = ["常委会坚持围绕中心、服务大局，紧扣全", "区中心工作，出席的有姚 莉 孟冬梅等同志，", "参加全区群众共计开展志愿服务活动二千余", "人次，确保监督工作更有强度、更具实效，推", "动各项工作任务落实见效。"]
    assert [wrap.printed_width(l) for l in lines] == [36, 39, 38, 40, 24]
    out, audit = join(" ".join(lines))
    assert audit == [("扣全 区中", "扣全区中")]
    lines[1] = "区中心工作，出席的有姚莉孟冬梅 等同志，好"  # one space: a link
    assert len(join(" ".join(lines))[1]) == 4


def test_a_wrap_before_a_number_that_ends_the_text_goes():
    out, audit = join(" ".join([*BODY_LINES[:4], "2000"]))
    assert out.endswith("更具实效，推2000") and len(audit) == 4


def test_an_opening_line_that_fits_one_line_chains_weakly():
    """A 大事记 day hung in the margin: the first printed line is short but on
    one line; the wraps after it still go."""
    lines = ["3日 区委召开全体会议", "，部署全年工作任务，紧扣全区中心工作和人", "民群众期盼，坚持正确监督、有效监督，确保", "监督工作更有强度。"]
    out, _ = join(" ".join(lines))
    assert out == "3日 区委召开全体会议，部署全年工作任务，紧扣全区中心工作和人民群众期盼，坚持正确监督、有效监督，确保监督工作更有强度。"


# --- a number's own spacing ----------------------------------------------------

def test_a_wrap_after_a_number_spaced_on_its_left_stays():
    lines = ["常委会坚持围绕中心、服务大局，紧扣完成 28", "组图片整理和配套录音的录制工作，服务全区", "中心工作和人民群众期盼，坚持正确监督。"]
    out, audit = join(" ".join(lines))
    assert out == "常委会坚持围绕中心、服务大局，紧扣完成 28 组图片整理和配套录音的录制工作，服务全区中心工作和人民群众期盼，坚持正确监督。"
    assert audit == [("全区 中心", "全区中心")]


def test_a_wrap_before_a_number_spaced_on_its_right_stays():
    lines = ["常委会坚持围绕中心、服务大局，紧扣完成", "28 组图片整理和配套录音的录制工作，服务全", "区中心工作和人民群众期盼，坚持正确监督。"]
    out, audit = join(" ".join(lines))
    assert out == "常委会坚持围绕中心、服务大局，紧扣完成 28 组图片整理和配套录音的录制工作，服务全区中心工作和人民群众期盼，坚持正确监督。"
    assert audit == [("务全 区中", "务全区中")]


def test_a_number_at_the_start_of_the_text_is_not_spaced_on_its_left():
    lines = ["2023 年，常委会坚持围绕中心、服务大局，紧", "扣全区中心工作和人民群众期盼，坚持正确监", "督、有效监督。"]
    out, _ = join(" ".join(lines))
    assert out == "2023 年，常委会坚持围绕中心、服务大局，紧扣全区中心工作和人民群众期盼，坚持正确监督、有效监督。"


# --- a caption's own column -----------------------------------------------------

def _caption(*segments: str) -> str:
    return " ".join(segments)


def test_a_caption_of_three_segments_is_a_column():
    out, audit = join(_caption("3月2日，召开河西区", "统一战线主动融入", "经济建设主战场"), None)
    assert out == "3月2日，召开河西区统一战线主动融入经济建设主战场"
    assert audit == [("西区 统一", "西区统一"), ("融入 经济", "融入经济")]


def test_a_caption_reason_names_its_own_column():
    audit: list[AuditRecord] = []
    wrap.join_wrap_spaces(_caption("3月2日，召开河西区", "统一战线主动融入", "经济建设主战场"), LINE, audit, wrap.Column(None))
    assert audit[0].reason == "line-wrap space at the caption column of 16.5 printed columns"


def test_one_space_is_no_column():
    text = _caption("3月2日，召开河西区", "统一战线主动融入经济建设主战场")
    assert join(text, None)[0] == text


def test_inner_segments_may_differ_by_two_columns_not_more():
    assert " " not in join(_caption("3月2日，召开河西区", "统一战线主动融入", "经济建设主战场", "动员会"), None)[0]
    text = _caption("3月2日，召开河西区", "统一战线主动融入", "经济建设主3战", "动员会")  # 13.5 < 16.5 - 2
    assert join(text, None)[0] == text


def test_a_column_narrower_than_seven_ideographs_is_a_list():
    text = _caption("3月2日，召开", "统一战线主", "经济建设主", "战场")  # inner 10.5
    assert join(text, None)[0] == text


def test_the_first_and_last_segments_may_not_be_wider_than_the_column():
    assert " " not in join(_caption("3月2日，召开河西区", "统一战线主动融入", "员会议在区政府召开"), None)[0]  # last 18.5
    for text in (_caption("10月2日，召开河西区", "统一战线主动融入", "经济建设"),  # first 19 > 18.5
                 _caption("3月2日，召开河西区", "统一战线主动融入", "员会议在区政府召开了")):  # last 20.5
        assert join(text, None)[0] == text


def test_a_caption_needs_a_date_a_credit_or_a_sentence_mark():
    text = _caption("召开河西区统一", "战线主动融入经", "济建设主战场")
    assert join(text, None)[0] == text
    out, _ = join(_caption("召开河西区统一", "战线主动融入经", "济建设主战场，"), None)
    assert out == "召开河西区统一战线主动融入经济建设主战场，"
    out, _ = join(_caption("召开河西区统一", "战线主动融入经", "济建设主战场（区委统战部提供）"), None)
    assert out == "召开河西区统一战线主动融入经济建设主战场（区委统战部提供）"


def test_a_trailing_credit_is_not_measured_with_the_caption_and_comes_back_whole():
    out, _ = join("3月2日，召开河西区 统一战线主动融入 经济建设主战场 （区委 统战部提供）", None)
    assert out == "3月2日，召开河西区统一战线主动融入经济建设主战场 （区委 统战部提供）"


def test_a_table_row_and_a_line_without_chinese_are_left_alone():
    for text in ("3月2日，召开河西区\t统一战线主动融入 经济建设主战场", "Page 12 of the 2030 yearbook"):
        assert join(text, None) == (text, [])


# --- spaces cutting a word -------------------------------------------------------

def _split(text: str) -> tuple[str, list[str]]:
    audit: list[AuditRecord] = []
    out = wrap.join_split_words(text, LINE, audit)
    return out, [r.reason for r in audit]


def test_a_space_cutting_a_dictionary_word_goes_and_the_answer_is_kept_for_the_next_build():
    out, reasons = _split("全年开展手工物品制作等志愿服务活 动 164 场。")
    assert out == "全年开展手工物品制作等志愿服务活动 164 场。"
    assert reasons == ["line-wrap space cutting the word “活动”"]
    assert wrap.SPLITS == {("等志愿服务活", "动 164 "): "活动"}


def test_a_known_answer_is_taken_from_the_cache():
    wrap.SPLITS[("等志愿服务活", "动 164 ")] = None  # an earlier build found no word here
    text = "全年开展手工物品制作等志愿服务活 动 164 场。"
    assert _split(text) == (text, [])


def test_a_space_between_whole_words_stays_and_that_too_is_cached():
    text = "对河西区“万名党员进社区 万名团员做公益”活动进行表彰。"
    assert _split(text) == (text, [])
    assert wrap.SPLITS == {("名党员进社区", "万名团员做公"): None}


def test_the_word_window_reaches_six_characters_each_side_from_the_start_of_the_text():
    out, reasons = _split("评 审工作，完成。")
    assert out == "评审工作，完成。" and reasons == ["line-wrap space cutting the word “评审”"]
    assert list(wrap.SPLITS) == [("评", "审工作，完成")]


def test_a_single_character_across_the_space_is_no_word():
    text = "完成年度工作 任务，推进改革。"  # 工作 | 任务: two words, the space between
    assert _split(text) == (text, [])


def test_split_words_leave_headings_and_table_rows_alone():
    for text in ("志愿服务活 动", "志愿服务活 动\t164，场"):
        assert _split(text) == (text, [])


# --- the document's column --------------------------------------------------------

def _paragraphs(n: int, column: int = 20) -> list[Line]:
    body = ("常委会坚持围绕中心、服务大局，紧扣全区中心工作和人民群众期盼，坚持正确监督、有效监督，"
            "确保监督工作更有强度、更具实效，推动各项工作任务落实见效，为建设经济强区凝聚合力。")
    out = []
    for k in range(n):
        s = body[k:] + body[:k]
        parts = [s[: column - 2]] + [s[i : i + column] for i in range(column - 2, len(s), column)]
        out.append(Line(" ".join(parts), "book.txt", k + 1))
    return out


def test_the_column_is_the_most_common_distance_between_spaces():
    assert wrap.column_width(_paragraphs(12)).width == 40
    assert wrap.column_width(_paragraphs(12, column=24)).width == 48


def test_fewer_than_twenty_measures_say_nothing():
    # each paragraph gives 3 distances between its 4 wraps (the first and last lines are not whole)
    assert wrap.column_width(_paragraphs(6)).width is None  # 18 measures
    assert wrap.column_width(_paragraphs(7)).width == 40  # 21


def test_table_rows_are_not_measured():
    rows = [Line(l.text.replace(" ", "\t", 1), l.file, l.lineno) for l in _paragraphs(7)]
    assert wrap.column_width(rows).width is None


def test_a_narrow_list_is_not_a_column():
    names = [Line(" ".join(["张三丰", "李四光", "王五常", "赵六合", "孙七巧"] * 3), "book.txt", k) for k in range(30)]
    assert wrap.column_width(names).width is None


def _measured(counts: dict[int, int]) -> list[Line]:
    """Lines of three segments of the given printed widths (one measure each)."""
    seg = {w: "中" * (w // 2) + ("1" if w % 2 else "") for w in counts}
    return [Line(" ".join([seg[w]] * 3), "book.txt", k) for w, n in counts.items() for k in range(n)]


def test_the_column_is_smoothed_over_neighbouring_widths():
    """Widths 40, 41 and 42 (digits and squeezed marks spread a column) belong
    together, against a sharper but lonelier 36: the middle of the spread wins."""
    assert wrap.column_width(_measured({40: 6, 41: 6, 42: 6, 36: 14})).width == 41
    assert wrap.column_width(_measured({40: 6, 41: 6, 42: 6, 36: 19})).width == 36


def test_a_table_row_among_the_lines_is_skipped_not_the_end_of_the_measure():
    lines = [Line("项目\t数量 中 中", "book.txt", 0), *_measured({40: 21})]
    assert wrap.column_width(lines).width == 40


def test_printed_width_counts_marks_printed_full_width_and_a_space_as_half():
    assert wrap.printed_width("中文") == 4
    assert wrap.printed_width("a1") == 2
    assert wrap.printed_width(",:;?!()\"") == 16
    assert wrap.printed_width("，。") == 4
    assert wrap.printed_width(" ") == 0.5


def test_only_dictionary_words_count_not_a_guessed_name():
    """A space inside a name (孟 冬梅, as a roster spaces it) cuts no dictionary
    word; a statistical guess (jieba's HMM) would take 孟冬梅 for one."""
    text = "由区委书记孟 冬梅主持召开会议，部署工作。"
    assert _split(text) == (text, [])


def test_twenty_measures_are_enough_and_a_measure_of_fourteen_ideographs_counts():
    assert wrap.column_width(_measured({40: 20})).width == 40
    assert wrap.column_width(_measured({40: 19})).width is None
    assert wrap.column_width(_measured({28: 20})).width == 28  # 2 × MIN_COLUMN
    assert wrap.column_width(_measured({27: 20})).width is None


def test_table_rows_add_no_measure():
    rows = [Line("项目\t" + l.text, l.file, l.lineno) for l in _measured({40: 5})]
    assert wrap.column_width(_measured({40: 19}) + rows).width is None
