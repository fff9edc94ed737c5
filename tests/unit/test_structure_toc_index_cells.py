"""The 目录 and 条目索引 read cell by cell: where the 目录 ends, which column
and run a title stands in, wrapped titles, stray and garbled page digits,
and the look-ups the structure stage makes (printed form, spacing, pages)."""
from build_scripts.model import Line
from build_scripts.structure.toc_index import (
    BookIndex,
    IndexItem,
    TOC_END_MISSES,
    parse_finding_aids,
    toc_end,
)

from structure_fixtures import lines

BODY = ["第一行正文。", "第二行正文。", "第三行正文。", "第四行正文。"]


def _index(texts):
    return parse_finding_aids(lines(["条目索引"] + texts))


def _toc(texts):
    return parse_finding_aids(lines(["目 录"] + texts))


# --- where the 目录 ends --------------------------------------------------

def test_no_contents_heading_means_no_contents():
    assert toc_end(lines(["政务", "概况 10"])) == 0


def test_the_contents_heading_may_be_letter_spaced_or_not():
    assert toc_end(lines(["目录", "概况 10"] + BODY)) == 2
    assert toc_end(lines(["目  录", "概况 10"] + BODY)) == 2


def test_the_contents_end_at_the_first_of_four_lines_that_hold_no_cell():
    assert TOC_END_MISSES == 4
    texts = ["封面", "目 录", "概况 10", "", "政务\t综述 12"] + BODY + ["概况 99"]
    assert toc_end(lines(texts)) == 5


def test_three_lines_without_a_cell_do_not_end_the_contents():
    texts = ["目 录", "概况 10", "甲。", "乙。", "丙。", "综述 12"] + BODY
    assert toc_end(lines(texts)) == 6
    assert "综述" in parse_finding_aids(lines(texts)).keys


def test_the_contents_end_at_a_running_head():
    texts = ["目 录", "概况 10", "\x00part-break", "综述 12"]
    assert toc_end(lines(texts)) == 2


def test_contents_running_to_the_end_of_the_text_end_after_their_last_cell():
    assert toc_end(lines(["目 录", "概况 10", "综述 12", "", "甲。"])) == 3


def test_a_title_after_the_contents_end_is_no_contents_title():
    book = parse_finding_aids(lines(["目 录", "概况 10"] + BODY + ["综述 12"]))
    assert "概况" in book.keys and "综述" not in book.keys


def test_a_running_head_ends_the_contents_even_within_reach():
    book = parse_finding_aids(lines(["目 录", "概况 10", "\x00part-break", "政务", "综述 12"]))
    assert book.keys == {"概况"}


def test_the_entry_index_is_read_to_the_end_of_the_text():
    book = parse_finding_aids(lines(["条目索引"] + BODY + ["综述 12"]))
    assert book.pages("综述", source="index") == [[12]]


# --- cells, columns and runs ------------------------------------------------

def test_each_title_knows_its_column_and_its_run_of_two_column_lines():
    book = _toc(["政务 1\t城乡建设管理 20", "综述 10\t概况 20", "单栏标题 30", "交通 40\t水务 50"])
    where = {(i.text, i.col, i.run) for i in book.items}
    assert where == {("政务", 0, 1), ("城乡建设管理", 1, 1), ("综述", 0, 1), ("概况", 1, 1),
                     ("单栏标题", 0, 2), ("交通", 0, 3), ("水务", 1, 3)}


def test_a_page_in_a_cell_of_its_own_is_read_in_its_titles_column():
    book = _toc(["城区管理\t277\t交通 40"])
    cols = {i.text: i.col for i in book.items}
    assert book.pages("城区管理") == [[277]] and cols["城区管理"] == 0
    assert cols["交通"] == 1 and book.pages("交通") == [[40]]


def test_a_page_cell_after_a_title_with_its_page_is_the_next_columns():
    # "概况 10\t20": the right column's title lost its text, not the left one its page
    book = _toc(["概况 10\t20"])
    assert book.pages("概况") == [[10]]


def test_a_wrapped_title_continues_in_its_own_column_across_lines():
    book = _toc(["某县 城投\t道路", "集团 22\t养护 21"])
    assert book.pages("某县城投集团") == [[22]]
    assert book.pages("道路养护") == [[21]]
    assert "某县城投养护" not in book.keys


def test_a_page_alone_on_the_next_line_closes_the_wrapped_title_above_it():
    book = _index(["现役军人", "名录", "321"])
    assert book.pages("现役军人名录") == [[321]]
    assert book.pages("名录") == [[321]]


def test_a_page_alone_with_no_title_before_it_is_dropped():
    book = _index(["321", "概况 5"])
    assert [(i.key, i.pages) for i in book.items] == [("概况", [5])]


def test_a_wrapped_title_is_joined_from_at_most_three_lines_before_its_page():
    book = _index(["第一行标题", "第二行标题", "第三行标题", "第四行标题", "第五行 7"])
    assert book.pages("第二行标题第三行标题第四行标题第五行") == [[7]]
    assert book.pages("第一行标题第二行标题第三行标题第四行标题第五行") == []


def test_joined_forms_are_marked_joined_and_start_at_their_first_fragment():
    book = _index(["某县城投", "集团 22"])
    whole = next(i for i in book.items if i.key == "某县城投集团")
    assert whole.joined and whole.line == 2 and whole.source == "index"
    last = [i for i in book.items if i.key == "集团"]
    assert last and not any(i.joined for i in last) and last[0].line == 3
    assert len({i.group for i in book.items}) == 2  # the fragments of one title: one group per cell read


def test_a_title_with_its_page_is_no_fragment_of_the_next():
    book = _index(["概况 5", "综述 6"])
    assert book.keys == {"概况", "综述"}


def test_a_cell_longer_than_sixty_characters_is_skipped_and_noted():
    long = "甲" * 61
    book = _index([long, "乙" * 58 + " 5"])
    assert book.skipped_lines == [2]
    assert book.pages("乙" * 58) == [[5]]


def test_a_cell_without_a_chinese_character_is_no_title():
    book = _index(["ABC 12", "概况 5"])
    assert [(i.key, i.pages) for i in book.items] == [("概况", [5])]


def test_a_page_digit_of_the_other_column_before_a_title_is_not_the_title():
    book = _index(["5 河湖林长 29"])
    assert [(i.text, i.pages) for i in book.items] == [("河湖林长", [29])]


def test_pages_outside_one_to_nine_hundred_ninety_nine_are_dropped():
    book = _index(["概况 0", "综述 999"])
    assert book.pages("综述") == [[999]]
    assert book.pages("概况") == []  # kept as a title without page, wrapped on into the next
    assert "概况综述" in book.keys


def test_several_pages_of_a_title_keep_their_order():
    assert _index(["优化营商环境 186、112"]).pages("优化营商环境") == [[186, 112]]


def test_garbled_page_digits_give_back_a_closing_bracket_they_took():
    book = _toc(["所(站30)0", "服务中心（站29） 5"])
    assert "所（站）" in book.keys
    texts = {i.text for i in book.items if not i.joined}
    assert {"所(站)", "服务中心（站）"} <= texts
    assert all(not i.pages for i in book.items)


def test_a_garbled_tail_with_nothing_before_it_is_no_title():
    book = _toc(["29) 5"])
    assert book.items == []


def test_a_title_without_a_page_is_kept_and_the_index_says_where_it_came_from():
    book = _index(["概况"])
    [item] = book.items
    assert (item.text, item.pages, item.source, item.line) == ("概况", [], "index", 2)


def test_titles_of_the_contents_and_the_index_are_told_apart():
    book = parse_finding_aids(lines(["目 录", "概况 10", "条目索引", "概况 12"]))
    assert book.pages("概况", source="toc") == [[10]]
    assert book.pages("概况", source="index") == [[12]]
    assert book.pages("概况") == [[10], [12]]


def test_a_new_contents_heading_forgets_the_fragments_before_it():
    book = parse_finding_aids(lines(["条目索引", "半个标题", "目 录", "另一半 5"]))
    assert "半个标题另一半" not in book.keys


def test_a_new_index_heading_forgets_the_fragments_before_it():
    book = parse_finding_aids(lines(["目 录", "半个标题", "条目索引", "另一半 5"]))
    assert "半个标题另一半" not in book.keys


# --- look-ups -----------------------------------------------------------------

def _item(text, pages, joined=False, source="index", key=None, **kw):
    return IndexItem(key or text.replace(" ", ""), text, pages, source, 1, joined=joined, **kw)


def test_the_printed_form_is_the_first_one_line_title_with_a_page():
    book = BookIndex()
    for it in [_item("综 述", [], key="综述"), _item("综述", [5], joined=True), _item("综  述", [7], key="综述")]:
        book.add(it)
    assert book.printed("综述") == "综  述"


def test_without_a_one_line_title_with_a_page_the_first_form_is_printed():
    book = BookIndex()
    book.add(_item("综 述", [], key="综述"))
    book.add(_item("综述", [5], joined=True))
    assert book.printed("综述") == "综 述"
    assert book.printed("概况") is None


def test_the_spacing_comes_from_a_title_printed_on_one_line():
    book = BookIndex()
    book.add(_item("综述", [5], joined=True))
    book.add(_item("综 述", [], key="综述"))
    assert book.spacing("综述") == "综 述"
    only_joined = BookIndex()
    only_joined.add(_item("综述", [5], joined=True))
    assert only_joined.spacing("综述") is None


def test_a_page_list_cut_short_gives_way_to_the_full_one_unless_raw():
    book = BookIndex()
    for pages in ([28], [285], [285], [1, 110]):
        book.add(_item("概况", pages))
    assert book.pages("概况", raw=True) == [[28], [285], [1, 110]]
    assert book.pages("概况") == [[285], [1, 110]]


def test_two_different_pages_of_one_length_are_both_kept():
    book = BookIndex()
    for pages in ([28], [35], [2, 110], [2, 11]):
        book.add(_item("概况", pages))
    assert book.pages("概况") == [[28], [35], [2, 110]]


def test_lists_of_other_lengths_do_not_cut_each_other_short():
    book = BookIndex()
    for pages in ([1], [1, 110]):
        book.add(_item("概况", pages))
    assert book.pages("概况") == [[1], [1, 110]]


def test_the_contents_sequence_reads_a_pages_left_column_before_its_right():
    book = _toc(["政务 1\t城乡建设管理 20", "综述 10\t概况 20", "单栏 30", "交通 40\t水务 50"])
    book.add(_item("索引条目", [3]))  # the index is no part of it
    assert [i.text for i in book.toc_sequence()] == ["政务", "综述", "城乡建设管理", "概况", "单栏", "交通", "水务"]


def test_the_contents_sequence_leaves_out_titles_without_page_and_joined_forms():
    book = _toc(["某县城投", "集团 22", "无页码"])
    # the wrapped title's last fragment once (it was listed twice, 16a's finding)
    assert [i.text for i in book.toc_sequence()] == ["集团"]
    assert [(i.text, i.joined) for i in book.items if i.pages] == [("某县城投集团", True), ("集团", False)]


def test_groups_number_the_cells_read():
    book = BookIndex()
    book.cells = 7
    book.add(_item("概况", [5]))
    assert book.items[0].group == 7
    line = Line("概况 5", "f", 1)
    assert line.text  # (Line is what parse_finding_aids reads)


# --- added after the mutation run (a2879e6) ------------------------------------------

def test_a_blank_line_inside_the_contents_does_not_end_them():
    book = parse_finding_aids(lines(["目 录", "概况 10", "", "综述 12"] + BODY))
    assert book.keys == {"概况", "综述"}


def test_the_first_line_after_the_contents_is_no_title_of_theirs():
    book = parse_finding_aids(lines(["目 录", "概况 10"] + BODY + ["综述 12"]))
    assert book.keys == {"概况"}


def test_contents_with_no_cell_at_all_end_at_their_first_line():
    assert toc_end(lines(["目 录"] + BODY)) == 1


def test_two_column_lines_without_pages_keep_the_contents_going():
    texts = ["目 录", "政务\t城乡建设管理", "综述\t交通", "概况\t水务", "双拥\t供水", "单栏 5"] + BODY
    assert toc_end(lines(texts)) == 6


def test_a_title_wrapped_over_two_lines_without_a_page_is_known_whole():
    book = _index(["某县城投", "集团"])
    assert "某县城投集团" in book.keys


def test_a_running_head_inside_the_entry_index_does_not_end_it():
    book = parse_finding_aids(lines(["条目索引", "概况 5", "\x00part-break", "综述 6"]))
    assert book.pages("综述") == [[6]]
