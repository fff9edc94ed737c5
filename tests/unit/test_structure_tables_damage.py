"""附录/统计 tables (表格): one table per run of rows, damage marked and said
in a note, every removed or replaced cell audited with its line."""
from build_scripts.model import Block, Entry
from build_scripts.structure.tables import finish_tables


def _entry(blocks):
    entry = Entry(title="学校名录", file="book.txt")
    entry.blocks = blocks
    return entry


def _rows(texts, first_line=1):
    return [Block("table", t, first_line + i) for i, t in enumerate(texts)]


def test_the_damage_marker_is_the_printed_one():
    entry = _entry(_rows(["学校\t年级", "一中\tက"]))
    finish_tables(entry, [])
    assert entry.blocks[1].rows[1] == ["一中", "〔损〕"]


def test_two_runs_of_rows_split_by_a_paragraph_are_two_tables_in_place():
    entry = _entry([Block("p", "前言。", 1)] + _rows(["学校\t电话", "一中\t1"], 2) + [Block("p", "中段。", 4)]
                   + _rows(["医院\t床位", "县医院\t300"], 5))
    finish_tables(entry, [])
    assert [b.kind for b in entry.blocks] == ["p", "table", "p", "table"]
    assert entry.blocks[1].rows == [["学校", "电话"], ["一中", "1"]]
    assert entry.blocks[3].rows == [["医院", "床位"], ["县医院", "300"]]
    assert (entry.blocks[1].line, entry.blocks[3].line) == (2, 5)
    assert entry.blocks[3].text == "医院\t床位\n县医院\t300"


def test_a_table_already_built_is_not_built_again():
    done = Block("table", "甲\t乙", 1, rows=[["甲", "乙"]])
    entry = _entry([done] + _rows(["学校\t电话", "一中\t1"], 2))
    finish_tables(entry, [])
    assert entry.blocks[0] is done
    assert [b.rows for b in entry.blocks] == [[["甲", "乙"]], [["学校", "电话"], ["一中", "1"]]]


def test_cells_are_stripped_and_readable_print_is_kept():
    audit = []
    entry = _entry(_rows([" 单位 \t地址\t电话 ", "区政府办公室\t某路１号（东院）\t022-8888 8888",
                          "区档案馆·方志馆\t“红楼”3层、4层\tＡ座—201…"]))
    finish_tables(entry, audit)
    assert [b.kind for b in entry.blocks] == ["table"]
    assert entry.blocks[0].rows[0] == ["单位", "地址", "电话"]
    assert entry.blocks[0].rows[2] == ["区档案馆·方志馆", "“红楼”3层、4层", "Ａ座—201…"]
    assert audit == []


def test_each_unreadable_cell_is_audited_at_its_line_and_counted_in_the_note():
    audit = []
    entry = _entry(_rows(["学校\t年级\t人数", "一中\tက\tı", "二中\t6\t땤"], 10))
    finish_tables(entry, audit)
    note, table = entry.blocks
    assert note.kind == "note" and note.line == 10
    assert note.text == "原表有 3 个单元格在提取中无法辨认，以“〔损〕”标出。以原书为准。"
    assert [(r.file, r.line, r.kind, r.before, r.after) for r in audit] == [
        ("book.txt", 11, "table-damaged-cell", "က", "〔损〕"),
        ("book.txt", 11, "table-damaged-cell", "ı", "〔损〕"),
        ("book.txt", 12, "table-damaged-cell", "땤", "〔损〕"),
    ]
    assert all(r.reason for r in audit)
    assert table.rows[1:] == [["一中", "〔损〕", "〔损〕"], ["二中", "6", "〔损〕"]]


def test_an_empty_cell_is_no_damage():
    audit = []
    entry = _entry(_rows(["学校\t电话", "一中\t"]))
    finish_tables(entry, audit)
    assert [b.kind for b in entry.blocks] == ["table"] and audit == []
    assert entry.blocks[0].rows[1] == ["一中", ""]


def test_a_repeated_header_is_audited_at_its_line_with_its_text():
    audit = []
    entry = _entry(_rows(["学校\t电话", "一中\t1", "学校\t电话", "二中\t2"], 20))
    finish_tables(entry, audit)
    [record] = audit
    assert (record.file, record.line, record.kind, record.before, record.after) == (
        "book.txt", 22, "table-repeated-header", "学校\t电话", "")
    assert record.reason
    assert [b.kind for b in entry.blocks] == ["table"]  # a repeat is no damage: no note


def test_ragged_rows_are_counted_in_the_note_and_padded_to_the_widest_row():
    entry = _entry(_rows(["学校\t电话", "一中\t1\t某路", "二中\t2\t某街\t备注", "三中\t3"]))
    finish_tables(entry, [])
    note, table = entry.blocks
    assert note.text == "原表有 2 行的列数与表头不符，按提取结果照录，列可能错位。以原书为准。"
    assert table.rows == [
        ["学校", "电话", "", ""],
        ["一中", "1", "某路", ""],
        ["二中", "2", "某街", "备注"],
        ["三中", "3", "", ""],
    ]


def test_a_header_alone_is_a_table_of_one_row():
    entry = _entry(_rows(["学校\t电话"]))
    finish_tables(entry, [])
    assert [b.kind for b in entry.blocks] == ["table"]
    assert entry.blocks[0].rows == [["学校", "电话"]]


def _transposed(pairs, known=("学校", "学生数", "校址", "电话")):
    headers = set(known)
    entry = _entry(_rows(pairs))
    finish_tables(entry, [], headers)
    return entry


def test_pairs_under_known_labels_are_a_transposed_table_from_three_rows_on():
    entry = _transposed(["电话\t123", "校址\t某路1号", "学生数\t900"])
    note, table = entry.blocks
    assert note.text == "原表在提取中被转置为“项目—内容”对，按提取顺序列出。以原书为准。"
    assert table.rows == [["项目", "内容"], ["电话", "123"], ["校址", "某路1号"], ["学生数", "900"]]
    # two pairs are an ordinary table with its header
    entry = _transposed(["电话\t123", "校址\t某路1号"])
    assert [b.kind for b in entry.blocks] == ["table"]
    assert entry.blocks[0].rows == [["电话", "123"], ["校址", "某路1号"]]


def test_half_the_labels_known_is_enough_fewer_is_not():
    entry = _transposed(["电话\t123", "校址\t某路1号", "邮编\t300000", "网址\twww"])
    assert entry.blocks[0].kind == "note" and entry.blocks[1].rows[0] == ["项目", "内容"]
    entry = _transposed(["电话\t123", "邮编\t300000", "网址\twww"])
    assert [b.kind for b in entry.blocks] == ["table"] and entry.blocks[0].rows[0] == ["电话", "123"]


def test_a_row_of_another_width_means_no_transposition():
    entry = _transposed(["电话\t123", "校址\t某路1号", "学生数\t900\t人"])
    assert entry.blocks[-1].rows[0] == ["电话", "123", ""]


def test_a_tables_header_teaches_the_labels_of_a_later_transposed_table():
    headers = set()
    finish_tables(_entry(_rows(["学校\t\t学生数\t校址"])), [], headers)
    assert headers == {"学校", "学生数", "校址"}
    entry = _entry(_rows(["学校\t一中", "学生数\t900", "校址\t某路"]))
    finish_tables(entry, [], headers)
    assert entry.blocks[0].kind == "note"


def test_without_a_shared_header_set_each_entry_stands_alone():
    entry = _entry(_rows(["学校\t学生数"]) + [Block("p", "说明。", 2)] + _rows(["学校\t一中", "学生数\t900", "校址\t某路"], 3))
    finish_tables(entry, [])
    # the first table's header, in the same entry, is known to the second
    assert [b.kind for b in entry.blocks] == ["table", "p", "note", "table"]


def test_a_table_both_damaged_and_ragged_says_both_in_one_note():
    entry = _entry(_rows(["学校\t电话", "一中\tက", "二中\t2\t某路"]))
    finish_tables(entry, [])
    assert entry.blocks[0].text == ("原表有 1 个单元格在提取中无法辨认，以“〔损〕”标出。"
                                    "原表有 1 行的列数与表头不符，按提取结果照录，列可能错位。以原书为准。")
