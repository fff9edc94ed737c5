"""Heading text: noise spaces removed, deliberate ones kept; OCR damage
repaired against the book's own 目录/索引 and audited."""
from build_scripts.model import Line
from build_scripts.structure.headings import clean_title, repair_candidates, repair_heading
from build_scripts.structure.toc_index import parse_finding_aids

from structure_fixtures import lines

LINE = Line("", "book.txt", 7)


def _index(texts):
    return parse_finding_aids(lines(["条目索引"] + texts))


def test_letter_spaced_short_heading_is_closed_up():
    assert clean_title("综 述") == "综述"
    assert clean_title("法 院") == "法院"


def test_wrap_space_inside_a_long_heading_is_removed():
    assert clean_title("学习贯彻新时代中国特色社会主义思想主 题教育工作会议") == "学习贯彻新时代中国特色社会主义思想主题教育工作会议"


def test_space_between_two_names_is_kept():
    assert clean_title("政法 综治") == "政法 综治"


def test_spaces_around_quotes_and_digits_are_removed():
    assert clean_title('" 互联网 + 政务服务 "') == '"互联网+政务服务"'
    assert clean_title("庆祝 2030 年教师节大会") == "庆祝2030年教师节大会"


def test_the_index_decides_which_space_is_deliberate():
    index = _index(["团县委 县青年联合会153"])
    assert clean_title("团县委 县青年联合会", index) == "团县委 县青年联合会"
    index = _index(["某某工作推动会议153"])
    assert clean_title("某某工作推动 会议", index) == "某某工作推动会议"


def test_one_substituted_character_is_repaired_and_audited():
    index = _index(["综述 10"])
    audit = []
    assert repair_heading("综迷", LINE, index, audit) == "综述"
    assert [(r.kind, r.before, r.after, r.line) for r in audit] == [("heading-repair", "综迷", "综述", 7)]


def test_a_lost_character_is_restored():
    index = _index(["检察 170"])
    assert repair_heading("检", LINE, index, []) == "检察"


def test_no_repair_when_two_titles_are_equally_near():
    index = _index(["综述 10", "综治 12"])
    audit = []
    assert repair_heading("综迷", LINE, index, audit) == "综迷"
    assert audit == []


def test_no_repair_into_a_sibling_the_part_really_prints():
    index = _index(["社区建设 30"])
    assert repair_heading("园区建设", LINE, index, [], taken={"社区建设"}) == "园区建设"


def test_no_repair_into_a_title_printed_far_from_here():
    index = _index(["招商引资 186"])
    assert repair_heading("招商引才", LINE, index, [], page=76) == "招商引才"
    assert repair_heading("招商引才", LINE, index, [], page=184) == "招商引资"


def test_a_long_title_may_have_two_misread_characters():
    known = {"现役荣获二等功以上奖励现役军人名录"}
    assert repair_candidates("现没荣获二等功以上奖励现没军人名录", known) == sorted(known)
    assert repair_candidates("退没管理", {"退役军人"}) == []
