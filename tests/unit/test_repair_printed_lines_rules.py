"""Line per printed line (repair/printed_lines.py), rule by rule: the file's
column, what a full line carries on into and what opens something new, the
page markers inside a paragraph (issue 16: mutants of these rules got past
the suite)."""
from __future__ import annotations

from build_scripts.model import AuditRecord, Line
from build_scripts.repair import printed_lines as pl

# 22 ideographs a printed line: a 44-column body.
FULL = "全区坚持稳中求进工作总基调完整准确全面贯彻新"
assert pl.width(FULL) == 44
FILLER = [FULL, "发展理念加快构建新发展格局着力推动高质量发展", "全年地区生产总值增长百分之四一般公共预算收入", "完成六十三亿元。"]


def _lines(texts, kind="text"):
    return [Line(t, "b.txt", i + 1, kind) for i, t in enumerate(texts)]


def _join(texts) -> tuple[list[str], list[AuditRecord]]:
    audit: list[AuditRecord] = []
    out = pl.join_printed_lines(_lines(texts), audit)
    return [l.text for l in out if l.text], audit


def test_the_column_is_the_width_most_lines_share():
    assert pl.column(_lines(FILLER * 2)) == 44
    assert pl.column(_lines([FULL] * 5)) == 44


def test_too_few_lines_say_nothing():
    assert pl.column(_lines([FULL] * 4)) is None
    assert pl.column(_lines([FULL] * 4 + ["1234567890123456789012345"])) is None  # no Chinese: not counted


def test_a_narrow_or_very_wide_width_is_no_column():
    assert pl.column(_lines(["张三丰李四光王五常"] * 8)) is None  # 18 columns: MIN is 20
    assert pl.column(_lines(["张三丰李四光王五常赵"] * 8)) == 20
    assert pl.column(_lines([FULL * 2 + "新发"] * 8)) is None  # 92: 90 columns is the widest
    assert pl.column(_lines([FULL * 2 + "新"] * 8)) == 90


def test_a_file_with_many_wider_lines_is_not_set_line_by_line():
    ten = FILLER * 2 + [FULL, FULL]
    assert pl.column(_lines(ten)) == 44
    assert pl.column(_lines(ten + [FULL + "新发展理念加快"])) == 44  # 1 wider of 11
    assert pl.column(_lines(ten + [FULL + "新发展理念加快"] * 2)) is None  # 2 of 12


def test_too_few_lines_at_the_column_is_no_column():
    short = ["完成六十三亿元。", "全年地区生产总值增长。"]
    assert pl.column(_lines([FULL] * 3 + short * 3 + ["全区"] * 1)) == 44  # 3 of 10
    assert pl.column(_lines([FULL] * 3 + short * 4)) is None  # 3 of 11


def test_a_full_line_carries_on_into_the_next_and_the_join_is_audited():
    out, audit = _join(FILLER * 2)
    assert out == ["".join(FILLER)] * 2
    joins = [r for r in audit if r.kind == "printed-line-join"]
    assert len(joins) == 6
    assert (joins[0].line, joins[0].before, joins[0].after) == (2, "整准确全面贯彻新\n发展理念加快构建", "整准确全面贯彻新发展理念加快构建")
    assert joins[0].reason == "printed line of the 44-column width carries on in line 2"


def test_a_line_a_little_short_of_the_column_is_still_full():
    squeezed = FULL[:-3] + "，"  # 40 columns: within the slack of 4
    out, _ = _join([squeezed, *FILLER[1:]] + FILLER)
    assert out[0] == squeezed + "".join(FILLER[1:])
    short = FULL[:-4] + "，"  # 38: short, the paragraph ends
    out, _ = _join([short, *FILLER[1:]] + FILLER)
    assert out[0] == short


def test_an_entry_or_a_subtitle_opens_after_a_full_line():
    for opening in ("【概况】全区坚持稳中求进工作总基调。", "——记全区优秀共产党员"):
        out, _ = _join(FILLER + [FULL, opening] + FILLER)
        assert opening in out, opening


def test_a_biography_opens_after_a_full_line():
    out, _ = _join(FILLER + [FULL, "孙某某，男，汉族，1960年生。"] + FILLER)
    assert "孙某某，男，汉族，1960年生。" in out


def test_after_a_finished_sentence_an_item_or_a_date_opens_a_new_paragraph():
    ended = FULL[:-1] + "。"
    for opening in ("一、全区坚持稳中求进工作总基调，完整准确全面贯彻新", "（二）全区坚持稳中求进", "3．全区坚持", "3月，全区坚持",
                    "2023年，全区坚持", "同日，全区坚持", "△全区坚持", "第一，全区坚持"):
        out, _ = _join(FILLER + [ended, opening, "完成。"] + FILLER)
        assert ended in out, opening
    # mid-sentence, the same words carry on
    out, _ = _join(FILLER + [FULL, "3月，全区坚持", "完成。"] + FILLER)
    assert FULL + "3月，全区坚持" in out


def test_after_a_finished_sentence_a_short_line_without_punctuation_is_a_heading():
    ended = FULL[:-1] + "。"
    out, _ = _join(FILLER + [ended, "城市建设", *FILLER])
    assert "城市建设" in out and ended in out
    out, _ = _join(FILLER + [ended, "城市建设完成。", *FILLER])  # a sentence's short last line
    assert ended + "城市建设完成。" in out


def test_a_title_wrapped_over_two_printed_lines_after_a_finished_sentence_is_not_glued_on():
    ended = FULL[:-1] + "。"
    title = ["河西区深入学习贯彻习近平新时代中国特色社会主", "义思想主题教育"]
    assert pl.width(title[0]) == 44
    out, _ = _join(FILLER + [ended, *title, *FILLER])
    assert ended in out and "".join(title) in out


def test_a_full_sentence_carries_on_into_a_long_unpunctuated_run():
    """More than a title's 60 characters without a mark is running text."""
    ended = FULL[:-1] + "。"
    run = [FULL, FULL, "发展理念加快构建新发展格局着力推动高"]
    out, _ = _join(FILLER + [ended, *run, "完成。", *FILLER])
    assert ended + "".join(run) in out


def test_page_markers_inside_a_paragraph_move_after_it_and_its_breaks_are_kept():
    lines = _lines(FILLER * 2)
    lines.insert(1, Line("", "b.txt", 99, "page", page=12))
    out = pl.join_printed_lines(lines, [])
    assert [(l.kind, l.page) for l in out] == [("text", None), ("page", 12), ("text", None)]
    assert out[0].text == "".join(FILLER) and out[0].page_breaks == ((22, 12),)


def test_latin_words_across_a_printed_line_keep_a_space_between_them():
    assert pl._glue("全区建成Smart", "City平台") == "全区建成Smart City平台"
    assert pl._glue("全区建成5", "G基站") == "全区建成5G基站"
    assert pl._glue("全区建成", "City") == "全区建成City"


def test_a_file_without_a_column_comes_back_as_it_was():
    lines = _lines(["全区坚持稳中求进。", "城市建设"] * 4)
    assert pl.join_printed_lines(lines, []) is lines


def test_the_latin_word_test_reads_one_character_each_side():
    assert pl._glue("型号5S", "Plus") == "型号5S Plus"
    assert pl._glue("推广应用A", "B级") == "推广应用A B级"
    assert pl._glue("Smart", "C区") == "Smart C区"
    assert pl._glue("Smart", "G5网络") == "Smart G5网络"


def test_a_title_of_sixty_characters_over_three_lines_is_still_a_title():
    ended = FULL[:-1] + "。"
    title = ["河西区深入学习贯彻习近平新时代中国特色社会主", "义思想主题教育暨全区党员干部能力作风建设年动", "员部署大会工作会议召开情况通报会"]
    assert len("".join(title)) == 60
    out, _ = _join(FILLER + [ended, *title, *FILLER])
    assert ended in out and "".join(title) in out


def test_the_joined_paragraph_keeps_the_first_lines_file_number_and_kind():
    lines = _lines(FILLER * 2)
    out = pl.join_printed_lines(lines, [])
    assert [(l.file, l.lineno, l.kind) for l in out] == [("b.txt", 1, "text"), ("b.txt", 5, "text")]
