"""The book's printed 条目索引 read row by row, rule by rule: the tabbed
cells, the untabbed second text layer (runs), wrapped headings, page lists,
and the coverage figure site/data/index.json reports from them."""
from build_scripts.indexes import entry_index, printed
from build_scripts.indexes.locators import targets

from _book import entry, volume

# The second text layer of one printed index page, repeated: `heading page …`
# without tabs; the 、 of a page list (94 、) glued to the next heading.
RUN = "法律监督 94 、安全宣传 120 督查工作 85 社保 33 对口帮扶 246"
RUN_AGAIN = "法律监督 94 、安全宣传 120 督查工作 85 社保 33 对外交流 236"


def _parse(*rows: str) -> dict[str, list[int]]:
    return {h.title: h.pages for h in printed.parse(["条目索引", *rows])}


# --- the untabbed second layer (runs) -----------------------------------------

def test_a_heading_of_the_second_layer_counts_when_two_of_its_lines_agree():
    found = _parse(RUN, RUN_AGAIN)
    # 对口帮扶 and 对外交流 are read on one line each: a noisy reading, left out.
    assert found == {"法律监督": [94], "安全宣传": [120], "督查工作": [85], "社保": [33]}
    assert {h.layer for h in printed.parse(["条目索引", RUN, RUN_AGAIN])} == {"runs"}


def test_a_run_of_three_pairs_is_a_run_and_a_cell_after_it_on_its_line_is_read():
    run = "全国文明城区创建 12 老旧小区改造提升 34 垃圾分类 56"
    assert len(run) == 31  # just longer than any cell of one heading
    found = _parse(run + "\t社区矫正 45", run)
    assert found == {"全国文明城区创建": [12], "老旧小区改造提升": [34], "垃圾分类": [56], "社区矫正": [45]}


def test_a_cell_of_one_heading_with_three_pages_is_no_run():
    cell = "河西区全国文明城区创建工作推进会暨动员大会 12、34、56"
    assert len(cell) == 30
    assert _parse(cell) == {"河西区全国文明城区创建工作推进会暨动员大会": [12, 34, 56]}
    assert _parse("法律监督 94、173、200") == {"法律监督": [94, 173, 200]}


def test_a_long_heading_with_one_page_is_no_run():
    title = "第三批全国法治政府建设示范区创建工作推动会暨首批全国守法普法示范区创建工作推动会"
    assert _parse(f"{title} 66") == {title: [66]}


def test_the_tabbed_rows_win_over_the_runs_and_take_a_page_they_lost_from_them():
    found = printed.parse(["条目索引", "督查工作 84\t社保", RUN, RUN_AGAIN])
    by_title = {h.title: h for h in found}
    assert by_title["督查工作"].pages == [84] and by_title["督查工作"].layer == "cells"
    assert by_title["社保"].pages == [33]  # the tabbed row lost it; the runs agree on it
    assert [h.title for h in found] == ["督查工作", "社保", "法律监督", "安全宣传"]  # in the book's order


def test_the_tabbed_rows_win_over_runs_printed_before_them():
    found = printed.parse(["条目索引", RUN, RUN_AGAIN, "督查工作 84\t社保"])
    assert [(h.title, h.pages, h.layer) for h in found] == [
        ("法律监督", [94], "runs"), ("安全宣传", [120], "runs"), ("督查工作", [84], "cells"), ("社保", [33], "cells")]


def test_a_one_character_heading_is_left_out_and_the_rest_kept():
    assert _parse("桥 12\t督查工作 85", "队伍建设 140") == {"督查工作": [85], "队伍建设": [140]}


# --- tabbed rows ----------------------------------------------------------------

def test_a_letter_bar_before_a_heading_on_its_row_is_skipped():
    assert _parse("B\t保障性住房 33") == {"保障性住房": [33]}


def test_markup_the_extraction_left_in_is_not_part_of_a_heading():
    assert _parse("<td>安全宣传</td><td>120</td>") == {"安全宣传": [120]}


def test_a_wrapped_heading_whose_page_has_a_cell_of_its_own_keeps_its_page():
    found = _parse(
        "第三批全国法治政府建设示范区创建工作推\t对口帮扶\t246",
        "动会暨首批全国守法普法示范区创建工作\t对外交流\t236",
        "推动会\t66\t多元调处化解\t111",
    )
    assert found == {
        "第三批全国法治政府建设示范区创建工作推动会暨首批全国守法普法示范区创建工作推动会": [66],
        "对口帮扶": [246], "对外交流": [236], "多元调处化解": [111],
    }


def test_a_page_list_split_over_two_cells_of_the_right_column_is_joined():
    assert _parse("环境卫生 224\t法律监督94、\t173") == {"环境卫生": [224], "法律监督": [94, 173]}
    assert _parse("环境卫生 224\t法律监督94、") == {"环境卫生": [224], "法律监督": [94]}  # at the row's end


def test_in_a_narrow_index_a_heading_filling_its_column_wraps_over_three_rows():
    found = _parse(
        "城市更新老旧小区\t社区网格化管理服务 30",
        "改造提升工程建设\t综合执法 31",
        "推进会 12\t文明创建 32",
    )
    assert found == {"城市更新老旧小区改造提升工程建设推进会": [12], "社区网格化管理服务": [30], "综合执法": [31], "文明创建": [32]}


def test_the_column_width_is_read_off_the_cells_not_the_runs():
    # The runs are wider than any cell: counted, they would hide the wrap.
    run = "全国文明城区创建工作推进会 12 老旧小区改造提升工程 34 垃圾分类工作 56"
    found = _parse(
        "第三批全国法治政府建设示范区创建工作推\t对口帮扶 246",
        "动会 66\t对外交流 236",
        run, run,
    )
    assert found["第三批全国法治政府建设示范区创建工作推动会"] == [66]


def test_a_wrapped_heading_ends_at_the_row_that_gives_its_page_however_wide():
    found = _parse(
        "第三批全国法治政府建设示范区创建工作推\t对口帮扶 246",
        "动会暨首批全国守法普法示范区创建工作 66\t对外交流 236",
        "队伍建设 140\t督查工作 85",
    )
    assert found["第三批全国法治政府建设示范区创建工作推动会暨首批全国守法普法示范区创建工作"] == [66]
    assert found["队伍建设"] == [140]


def test_a_row_opening_with_a_stray_page_number_still_reads_its_headings():
    assert _parse("安全宣传 120", "85\t队伍建设 140") == {"安全宣传": [120], "队伍建设": [140]}


def test_the_column_width_is_read_off_whole_cells_even_when_spaced_out():
    # The widest cells are letter-spaced; a heading that lost its page and is
    # half their width is no wrapped heading.
    found = _parse(
        "全 国 文 明 城 区 创 建 工 作 推 进 会 议 暨 动 员 部 署 会 12\t爱国卫生运动宣传教育",
        "队伍建设 140\t老 旧 小 区 改 造 提 升 工 程 建 设 推 进 会 议 暨 现 场 会 13",
    )
    assert found["爱国卫生运动宣传教育"] == [] and found["队伍建设"] == [140]


def test_a_wrapped_heading_that_lost_its_page_keeps_an_empty_page_list():
    found = _parse("第三批全国法治政府建设示范区创建工作推\t对口帮扶 246", "动会\t对外交流 236")
    assert found["第三批全国法治政府建设示范区创建工作推动会"] == []


# --- the coverage figure (site/data/index.json "printed_index") ----------------

def _coverage(rows, entries):
    book = volume({"纪检": {"督查": [entry(t, "正文。", pages) for t, pages in entries]}})
    return printed.coverage(printed.parse(["条目索引", *rows]), entry_index.build(targets([book])))


def test_coverage_counts_present_headings_with_a_page_and_on_that_page_give_or_take_one():
    cov = _coverage(
        ["督查工作 85\t队伍建设 140", "安全宣传 120\t爱国卫生", "对口帮扶 246\t对外交流 236"],
        [("督查工作", [86]), ("队伍建设", [142]), ("安全宣传", [120]), ("爱国卫生", [3]), ("对口帮扶", [245])],
    )
    assert (cov.printed, cov.present, cov.with_pages, cov.linked_to_printed_page) == (6, 5, 4, 3)
    assert cov.missing == ["对外交流"]


def test_coverage_as_published_in_index_json():
    cov = _coverage(["督查工作 85\t队伍建设 140", "安全宣传 120"], [("督查工作", [85]), ("队伍建设", [9])])
    assert cov.as_dict() == {
        "printed_headings": 3, "present": 2, "present_share": 0.6667, "present_with_printed_page": 2,
        "locator_on_printed_page": 1, "missing": ["安全宣传"],
    }
    assert printed.coverage([], []).as_dict()["present_share"] is None
