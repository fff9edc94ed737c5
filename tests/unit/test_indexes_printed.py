"""Parsing the book's printed 条目索引 (two tabbed columns, wrapped titles)."""
from build_scripts.indexes import entry_index, printed
from build_scripts.indexes.locators import targets

from _book import entry, volume

PRINTED = [
    "目录",
    "港云里社区\t条目索引340",
    "正文……",
    "条目索引",
    "",
    "A\t",
    "爱国卫生\t督查工作\t85",
    "安全宣传 120\t队伍建设\t140",
    "第三批全国法治政府建设示范区创建工作推\t对口帮扶\t246",
    "动会暨首批全国守法普法示范区创建工作\t对外交流\t236",
    "推动会\t66\t多元调处化解\t111",
    "法律监督94、\t173",
]


def test_the_index_starts_at_its_own_heading_not_at_the_table_of_contents():
    assert printed.find_start(PRINTED) == 3


def test_both_columns_are_read_with_their_pages():
    found = {h.title: h.pages for h in printed.parse(PRINTED)}
    assert found["督查工作"] == [85] and found["对口帮扶"] == [246] and found["对外交流"] == [236]
    assert found["安全宣传"] == [120]
    assert found["爱国卫生"] == []  # the extraction lost its page


def test_a_heading_wrapped_over_three_rows_is_one_heading():
    titles = [h.title for h in printed.parse(PRINTED)]
    assert "第三批全国法治政府建设示范区创建工作推动会暨首批全国守法普法示范区创建工作推动会" in titles


def test_a_page_list_split_over_two_cells_is_joined():
    assert {h.title: h.pages for h in printed.parse(PRINTED)}["法律监督"] == [94, 173]


def test_coverage_counts_headings_present_and_on_the_printed_page():
    book = volume({"纪检": {"督查": [entry("督查工作", "督查。", [85]), entry("队伍建设", "建设。", [12])]}})
    cov = printed.coverage(printed.parse(PRINTED), entry_index.build(targets([book])))
    assert cov.present == 2 and cov.linked_to_printed_page == 1
    assert "对口帮扶" in cov.missing


def test_list_marks_the_extraction_put_before_a_row_are_not_part_of_the_heading():
    found = {h.title for h in printed.parse(["条目索引", "- 婚姻家庭矛盾纠纷排查\t环境卫生224"])}
    assert "婚姻家庭矛盾纠纷排查" in found
