"""Heading text (标题文字的修整), edge by edge: which spaces of a heading stay,
which OCR slips are repaired against the book's own 目录/条目索引 — and which
are not (too far from where the book prints the title, too many slips, a
digit for a character) — and what the audit says of a repair."""
import pytest

from build_scripts.model import Line
from build_scripts.structure.headings import clean_title, repair_candidates, repair_heading
from build_scripts.structure.toc_index import parse_finding_aids

from structure_fixtures import lines

LINE = Line("", "book.txt", 7)


def _index(texts):
    return parse_finding_aids(lines(["条目索引"] + texts))


# -- spaces -------------------------------------------------------------------

def test_the_index_spacing_decides_each_space_of_a_heading():
    # The index prints two deliberate spaces; the body prints three, one of
    # them inside a name: only the index's two stay, where it prints them.
    index = _index(["政法 综治 信访 12"])
    assert clean_title("政法 综 治 信访", index) == "政法 综治 信访"
    assert clean_title("政 法 综治 信访", index) == "政法 综治 信访"
    assert clean_title("政法 综治 信 访", index) == "政法 综治 信访"


def test_a_heading_the_index_prints_without_spaces_is_not_repaired_but_closed_up():
    index = _index(["某某工作推动会议153"])
    assert repair_heading("某某工作推动 会议", LINE, index, []) == "某某工作推动会议"
    assert repair_heading("某某工作推动 会议", LINE, _index(["别的标题 5"]), []) == "某某工作推动 会议"


def test_a_single_character_after_a_name_is_its_wrapped_tail():
    assert clean_title("人大 政协 工 作") == "人大 政协工作"
    assert clean_title("工 作 人大 政协") == "工作人大 政协"


def test_a_run_of_wrap_length_before_a_space_is_a_wrapped_line():
    # twelve characters, then a space: the heading wrapped there
    assert clean_title("学习贯彻新时代中国特色社 会主义") == "学习贯彻新时代中国特色社会主义"
    # eleven: two names set side by side
    assert clean_title("学习贯彻新时代中国特色 会主义") == "学习贯彻新时代中国特色 会主义"


@pytest.mark.parametrize("raw", ["政法  综治", "政法\u3000综治", "政法\t综治", " 政法 \n 综治 "])
def test_any_run_of_white_space_counts_as_one_space(raw):
    assert clean_title(raw) == "政法 综治"


def test_a_latin_title_keeps_its_word_spaces():
    assert clean_title("Rule of Law") == "Rule of Law"


# -- which titles are one OCR slip away ------------------------------------------

def test_a_known_title_is_never_repaired_into_its_sibling():
    # 法院 and 法治 are both 章 of the book: 法院 is not a misread 法治
    index = _index(["法院 30", "法治 31"])
    audit = []
    assert repair_candidates("法院", index.keys) == []
    assert repair_heading("法院", LINE, index, audit) == "法院" and audit == []


def test_two_slips_are_too_many_for_a_short_title():
    assert repair_candidates("城布管埋", {"城市管理"}) == []
    assert repair_candidates("城布管理", {"城市管理"}) == ["城市管理"]


def test_a_title_of_twelve_characters_may_have_two_slips_but_not_three():
    known = {"退役军人事务服务中心工作站"[:12]}
    title = next(iter(known))
    assert len(title) == 12
    two = "退没军人事务服务中心工昨"  # 役→没, 作→昨
    assert repair_candidates(two, known) == [title]
    three = "退没军入事务服务中心工昨"
    assert repair_candidates(three, known) == []
    eleven = {"退役军人事务服务中心工"}
    assert repair_candidates("退没军人事务服务中心上", eleven) == []  # eleven characters: one slip only


def test_a_digit_is_no_ocr_slip_of_a_character():
    assert repair_candidates("1号线工程", {"一号线工程"}) == []
    assert repair_candidates("一号线工程", {"1号线工程"}) == []


def test_a_character_lost_in_the_middle_is_restored():
    assert repair_candidates("综执法", {"综合执法"}) == ["综合执法"]
    assert repair_candidates("综合法", {"综合执法"}) == ["综合执法"]


def test_a_substitution_and_a_loss_are_equally_near():
    assert repair_candidates("检查", {"检察", "检查站", "某某某"}) == ["检察", "检查站"]
    index = _index(["检察 40", "检查站 41"])
    assert repair_heading("检查", LINE, index, [], page=40) == "检查"  # two candidates: no guess


# -- where the book prints the title ----------------------------------------------

@pytest.mark.parametrize("printed, page, repaired", [
    (112, 100, True),    # twelve pages ahead: the book has not reached it yet
    (113, 100, False),   # thirteen: another entry
    (97, 100, True),     # three pages behind
    (96, 100, False),
    (20, 100, False),    # far behind
    (1, 103, True),      # a page number cut short by the extraction ("综 述1" for 103)
    (2, 125, False),     # cut short, but no page within reach (122–137) begins with 2
])
def test_a_title_is_repaired_only_near_where_the_book_prints_it(printed, page, repaired):
    index = _index([f"城市管理 {printed}"])
    audit = []
    out = repair_heading("城布管理", LINE, index, audit, page=page)
    assert (out == "城市管理") is repaired
    assert len(audit) == int(repaired)


def test_a_cut_short_page_near_where_the_book_is_lets_the_title_be_repaired():
    # the index prints the title twice: once with its page cut short (1 for
    # 1x) and once far away; the book is at page 12: the cut one is this entry
    index = _index(["城市管理 1", "城市管理 150"])
    assert repair_heading("城布管理", LINE, index, [], page=12) == "城市管理"


def test_a_generic_title_printed_in_four_places_is_repaired_anywhere():
    index = _index(["综述 10", "综述 60", "综述 110", "综述 160"])
    assert repair_heading("综迷", LINE, index, [], page=300) == "综述"
    index = _index(["综述 10", "综述 60", "综述 110"])
    assert repair_heading("综迷", LINE, index, [], page=300) == "综迷"


# -- the repair and its audit -----------------------------------------------------

def test_a_repaired_title_takes_the_index_spacing_and_is_audited_whole():
    index = _index(["政法 综治 12"])
    audit = []
    line = Line("", "河西年鉴.txt", 41)
    assert repair_heading(" 政法 综冶 ", line, index, audit, page=12) == "政法 综治"
    assert len(audit) == 1
    r = audit[0]
    assert (r.file, r.line, r.kind, r.before, r.after) == ("河西年鉴.txt", 41, "heading-repair", "政法 综冶", "政法 综治")
    assert r.reason == "heading unknown to the book's 目录/条目索引; one character away from a title they print"
