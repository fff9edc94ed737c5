"""The book's 目录 and 条目索引 parsed into titles with printed pages."""
from build_scripts.structure.toc_index import parse_finding_aids

from structure_fixtures import lines


def _index(texts):
    return parse_finding_aids(lines(["条目索引"] + texts))


def test_two_columns_each_give_a_title_and_page():
    book = _index(["道路养护21\t双拥共建 11"])
    assert book.pages("道路养护") == [[21]]
    assert book.pages("双拥共建") == [[11]]


def test_a_title_wrapped_over_lines_is_known_whole_with_the_page_of_its_last_line():
    book = _index(["常委会专题会议推动发展 建设", "经济强区119"])
    assert book.pages("常委会专题会议推动发展建设经济强区") == [[119]]


def test_a_page_standing_alone_belongs_to_the_title_above_it():
    book = _index(["现役军人名录", "321"])
    assert book.pages("现役军人名录") == [[321]]


def test_a_page_in_its_own_cell_belongs_to_the_title_cell_before_it():
    book = _index(["未保中心264\t城区管理\t277"])
    assert book.pages("城区管理") == [[277]]


def test_several_pages_of_one_title_are_kept():
    book = _index(["优化营商环境112、 186"])
    assert book.pages("优化营商环境") == [[112, 186]]


def test_garbled_page_digits_give_the_title_but_no_page():
    book = parse_finding_aids(lines(["目 录", "社区建设30)0"]))
    assert "社区建设" in book.keys
    assert book.pages("社区建设") == []


def test_a_page_number_cut_short_yields_to_the_full_one():
    book = parse_finding_aids(lines(["目 录", "综 述1", "条目索引", "综述103"]))
    assert book.pages("综述") == [[103]]
    assert [1] in book.pages("综述", raw=True)


def test_a_line_holding_a_whole_column_is_skipped_not_read_as_one_title():
    long = "机关食堂 115 康复服务 157 机关事务管理 114 科调研工作 88 基层蹲点 151 科技成果管理 237 纪律教育 133"
    book = _index([long])
    assert book.skipped_lines == [2]
    assert not any(len(k) > 40 for k in book.keys)
