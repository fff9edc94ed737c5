"""Photo captions and credits (图片说明 · 供稿署名, repair/captions.py): which line
a reader gets as the photo's caption, which as the source of the entry above, and
which stays running text — with nothing changed, moved or lost on the way.
"""
from __future__ import annotations

import pytest

from build_scripts.model import Line
from build_scripts.repair.captions import classify_captions


def _run(*texts, kinds=None):
    lines = [Line(t, "t.txt", i + 1, "text") for i, t in enumerate(texts)]
    for line, kind in zip(lines, kinds or []):
        line.kind = kind
    audit: list = []
    out = classify_captions(lines, audit)
    assert audit == []  # a classification changes no character
    return [(l.text, l.kind, l.lineno) for l in out]


@pytest.mark.parametrize("text", ["10月20日，开展活动 （九三学社提供）", "2023年，全区开展活动 （甲摄）",
                                  "10 月 20 日，开展活动 (甲提供)"])
def test_a_dated_line_ending_in_a_photo_credit_is_a_caption(text):
    assert _run(text) == [(text, "caption", 1)]


def test_a_credit_set_below_its_caption_joins_it_even_over_a_blank_line():
    assert _run("10月20日，开展活动", "（九三学社提供）") == [("10月20日，开展活动 （九三学社提供）", "caption", 1)]
    assert _run("10月20日，开展活动", "", "（九三学社提供）") == [
        ("10月20日，开展活动 （九三学社提供）", "caption", 1), ("", "text", 2)]


def test_a_credit_below_a_caption_that_has_one_stands_alone():
    assert _run("10月20日，开展活动 （甲提供）", "（乙提供）") == [
        ("10月20日，开展活动 （甲提供）", "caption", 1), ("（乙提供）", "credit", 2)]


@pytest.mark.parametrize("kind", ["heading", "break"])
def test_a_credit_never_reaches_back_over_a_line_that_is_no_text(kind):
    assert _run("10月20日，开展活动", "（九三学社提供）", kinds=[kind, "text"])[1] == ("（九三学社提供）", "credit", 2)
    assert _run("10月20日，开展活动", "x", "（九三学社提供）", kinds=["text", kind, "text"])[2] == (
        "（九三学社提供）", "credit", 3)


@pytest.mark.parametrize("credit", ["（区委办公室提供）", "（孙丹摄）", "（区志办供稿）", "（甲供图）", "（王文振）", "（王文振 李恩建）",
                                    "（王文振、李恩建）"])
def test_an_attribution_after_running_text_is_a_credit(credit):
    assert _run("全年完成任务。", credit) == [("全年完成任务。", "text", 1), (credit, "credit", 2)]


@pytest.mark.parametrize("text", ["（王）", "（王文振等五人）", "（" + "甲" * 41 + "提供）",
                                  "（见附表）", "（详见下表）", "（参见附录）"])
def test_a_parenthesis_that_is_no_attribution_stays_text(text):
    assert _run(text) == [(text, "text", 1)]


@pytest.mark.parametrize("text", ["10月20日，开展活动 （甲供稿）", "10月20日，开展活动。", "开展活动 （甲提供）"])
def test_a_line_that_is_not_dated_or_has_no_photo_credit_is_no_caption(text):
    assert _run(text) == [(text, "text", 1)]


def test_a_caption_may_be_120_characters_long_and_no_longer():
    body = "10月20日，" + "长" * (120 - 7 - len(" （甲提供）") - 1) + "动"
    assert len(body + " （甲提供）") == 120
    assert _run(body + " （甲提供）")[0][1] == "caption"
    assert _run("长" + body + " （甲提供）")[0][1] == "text"


def test_a_caption_glued_after_a_paragraph_is_split_off_on_the_same_line():
    assert _run("全年成效显著。 4月4日，在纯真小学开展读书活动 （区委宣传部提供）") == [
        ("全年成效显著。", "text", 1), ("4月4日，在纯真小学开展读书活动 （区委宣传部提供）", "caption", 1)]


def test_a_caption_opening_a_paragraphs_continuation_is_lifted_out():
    assert _run("6月8日，签订合作协议（程雯雯摄） 续推广工作。") == [
        ("6月8日，签订合作协议（程雯雯摄）", "caption", 1), ("续推广工作。", "text", 1)]


def test_a_credit_glued_after_the_last_sentence_is_split_off():
    assert _run("……常态化。（区信访办提供）", "下一段。") == [
        ("……常态化。", "text", 1), ("（区信访办提供）", "credit", 1), ("下一段。", "text", 2)]
    assert _run("……常态化”（甲供稿）")[1] == ("（甲供稿）", "credit", 1)
    assert _run("……常态化（甲提供）") == [("……常态化（甲提供）", "text", 1)]  # no sentence ended before it


# --- what the first run of mutants showed untested ------------------------------------------

def _lines_of(*texts):
    lines = [Line(t, "t.txt", i + 1, "text") for i, t in enumerate(texts)]
    out = classify_captions(lines, [])
    assert {l.file for l in out} == {"t.txt"}
    return [(l.text, l.kind, l.lineno) for l in out]


@pytest.mark.parametrize("first", [
    "10月20日，开展活动",  # a caption whose credit is below it
    "10月20日，开展活动 （甲提供）",  # a caption
    "……常态化。（区信访办提供）",  # a glued credit
    "全年成效显著。 4月4日，在纯真小学开展读书活动 （区委宣传部提供）",  # a glued caption
    "6月8日，签订合作协议（程雯雯摄） 续推广工作。",  # a caption opening a paragraph
    "（区委办公室提供）",  # a credit
    "（潘伟） 【民办教育】全区民办学校30所",  # a credit run together with the next entry
])
def test_after_each_kind_of_line_a_credit_and_the_text_after_it_keep_their_place(first):
    out = _lines_of(first, "（乙提供）", "下一段。", "", "又一段。")
    assert [o for o in out if o[0] in ("下一段。", "又一段。")] == [("下一段。", "text", 3), ("又一段。", "text", 5)]
    assert sum(1 for o in out if "（乙提供）" in o[0]) == 1


def test_a_credit_as_the_very_first_line_is_a_credit():
    assert _lines_of("（王文振）", "正文。") == [("（王文振）", "credit", 1), ("正文。", "text", 2)]


def test_a_credit_below_a_caption_never_reaches_the_caption_shaped_line_above_it():
    out = _lines_of("10月1日，甲活动", "", "10月2日，乙活动 （甲提供）", "（乙提供）")
    assert out[-1] == ("（乙提供）", "credit", 4)
    assert out[0] == ("10月1日，甲活动", "text", 1)
    out = _lines_of("10月1日，甲活动", "10月2日，乙活动 （甲提供）", "（乙提供）")
    assert out == [("10月1日，甲活动", "text", 1), ("10月2日，乙活动 （甲提供）", "caption", 2), ("（乙提供）", "credit", 3)]


def test_a_caption_opening_a_paragraph_may_be_120_characters_long():
    def caption(n):  # date, 100 characters of description, a credit of n names' characters
        return "6月" + "签" * 100 + "（" + "甲" * n + "提供）"
    assert len(caption(14)) == 120
    assert _lines_of(caption(14) + " 续推广工作。")[0] == (caption(14), "caption", 1)
    assert _lines_of(caption(15) + " 续推广工作。")[0][1] == "text"


@pytest.mark.parametrize("credit", ["（潘伟）", "（区教育局提供）", "(王文振 李恩建)"])
def test_a_credit_run_together_with_the_next_entry_is_split_off_before_it(credit):
    out = _lines_of("全年完成任务。", f"{credit} 【民办教育】全区民办学校30所。", "下一段。")
    assert out == [("全年完成任务。", "text", 1), (credit, "credit", 2), ("【民办教育】全区民办学校30所。", "text", 2),
                   ("下一段。", "text", 3)]


def test_a_parenthesis_before_text_that_is_no_entry_stays_in_its_line():
    assert _lines_of("（潘伟） 全区民办学校30所。") == [("（潘伟） 全区民办学校30所。", "text", 1)]
