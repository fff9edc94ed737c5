"""The special parts: 大事记 timeline, 特载 speeches, 专文 articles,
人物·荣誉 name lists, 附录 tables (damage shown, never filled in)."""
from types import SimpleNamespace

from build_scripts.model import Block, Entry, Line, Part
from build_scripts.structure.special import parse_chronicle, parse_titled, section_blocks
from build_scripts.structure.tables import DAMAGED_CELL, finish_tables
from build_scripts.structure.toc_index import parse_finding_aids

from structure_fixtures import lines


def _signals(index_lines):
    return SimpleNamespace(
        index=parse_finding_aids(lines(["条目索引"] + index_lines)),
        known_titles=None,
        page=None,
        audit=[],
        heading=lambda raw, line, entry=False: raw.strip(),
    )


def _titled(texts, index_lines=()):
    signals = _signals(list(index_lines))
    signals.known_titles = signals.index.keys
    part = Part(title="特载")
    parse_titled(part, lines(texts), signals)
    return part, signals


def test_chronicle_month_chapters_and_events_anchored_by_date_with_same_day_resolved():
    part = Part(title="大事记")
    parse_chronicle(part, lines(["1月", "3日 召开全县大会。", "同日 县长调研。", "2月", "10日 举办活动。"]))
    assert [c.title for c in part.chapters] == ["1月", "2月"]
    assert [e.title for e in part.chapters[0].entries] == ["1月3日", "1月3日"]
    assert part.chapters[0].entries[1].anchor != part.chapters[0].entries[0].anchor
    assert part.chapters[0].entries[1].text == "同日 县长调研。"


def test_speech_has_byline_and_section_headings_nested_under_short_headings():
    part, _ = _titled([
        "在全县经济工作会议上的讲话",
        "——2031年1月5日在县委全会上",
        "县委书记 张某某",
        "同志们:",
        "2030 年工作回顾",
        "一、坚持稳中求进,经济运行回升向好",
        "全年地区生产总值增长5%。",
        "2031 年工作安排",
        "为实现上述目标,着力抓好以下工作: 一、聚焦产业升级,做强实体经济",
        "要加快建设产业园区。",
    ])
    entry = part.chapters[0].entries[0]
    assert entry.title == "在全县经济工作会议上的讲话"
    assert [b.text for b in entry.blocks if b.kind == "byline"] == ["——2031年1月5日在县委全会上", "县委书记 张某某"]
    heads = [(b.level, b.text) for b in entry.blocks if b.kind == "h"]
    assert heads == [
        (1, "2030年工作回顾"),
        (2, "一、坚持稳中求进,经济运行回升向好"),
        (1, "2031年工作安排"),
        (2, "一、聚焦产业升级,做强实体经济"),
    ]
    assert "为实现上述目标,着力抓好以下工作:" in entry.text


def test_article_numbered_part_run_into_its_paragraph_is_split_at_its_full_stop():
    entry = Entry(title="专文")
    blocks = section_blocks(entry, Line("一、聚焦干部成长,拓宽选拔路径。有意识地发现和储备优秀干部。", "f", 1))
    assert [(b.kind, b.text) for b in blocks] == [
        ("h", "一、聚焦干部成长,拓宽选拔路径。"),
        ("p", "有意识地发现和储备优秀干部。"),
    ]


def test_lead_ins_stay_running_text():
    entry = Entry(title="专文")
    assert section_blocks(entry, Line("一是加强组织领导,压实工作责任。二是强化督查。", "f", 1)) == []


def test_award_list_becomes_a_list_of_names_and_units():
    part, _ = _titled(
        ["2030年县劳动模范", "王某某 县人民医院副院长 李四(女) 赵五", "董 悦 某某有限公司"],
        ["2030年县劳动模范 320"],
    )
    entry = part.chapters[0].entries[0]
    assert [b.kind for b in entry.blocks] == ["list"]
    assert entry.blocks[0].items == ["王某某 县人民医院副院长", "李四(女)", "赵五", "董悦 某某有限公司"]


def test_biography_with_sentences_is_not_a_list():
    part, _ = _titled(["县级劳动模范事迹", "孙某,男,汉族,1970年出生。长期扎根基层。"], ["县级劳动模范事迹 321"])
    assert [b.kind for b in part.chapters[0].entries[0].blocks] == ["p"]


def _table_entry(rows):
    entry = Entry(title="学校名录", file="book.txt")
    entry.blocks = [Block("table", r, i + 1) for i, r in enumerate(rows)]
    return entry


def test_table_rows_make_one_real_table():
    entry = _table_entry(["序号\t学校\t电话", "1\t一中\t123", "2\t二中\t456"])
    finish_tables(entry, [])
    assert [b.kind for b in entry.blocks] == ["table"]
    assert entry.blocks[0].rows == [["序号", "学校", "电话"], ["1", "一中", "123"], ["2", "二中", "456"]]


def test_unreadable_cells_are_marked_audited_and_noted_never_filled():
    audit = []
    entry = _table_entry(["学校\t年级数", "一中\tက", "二中\t6"])
    finish_tables(entry, audit)
    note, table = entry.blocks
    assert note.kind == "note" and "无法辨认" in note.text
    assert table.rows[1] == ["一中", DAMAGED_CELL]
    assert [(r.kind, r.before) for r in audit] == [("table-damaged-cell", "က")]
    assert "无法辨认" not in entry.text  # the note is not book text


def test_repeated_header_row_is_dropped_and_audited():
    audit = []
    entry = _table_entry(["学校\t电话", "一中\t1", "学校\t电话", "二中\t2"])
    finish_tables(entry, audit)
    assert entry.blocks[0].rows == [["学校", "电话"], ["一中", "1"], ["二中", "2"]]
    assert [r.kind for r in audit] == ["table-repeated-header"]


def test_transposed_table_is_shown_as_label_value_pairs_with_a_note():
    headers = set()
    finish_tables(_table_entry(["学校\t学生数\t校址\t电话", "一中\t800\t某路2号\t456"]), [], headers)
    entry = _table_entry(["电话\t123", "校址\t某路1号", "学生数\t900"])
    finish_tables(entry, [], headers)
    note, table = entry.blocks
    assert "转置" in note.text
    assert table.rows[0] == ["项目", "内容"] and table.rows[1] == ["电话", "123"]


def test_ragged_rows_are_said_to_be_ragged():
    entry = _table_entry(["学校\t电话\t地址", "一中\t1", "二中\t2\t某路"])
    finish_tables(entry, [])
    assert "列数与表头不符" in entry.blocks[0].text


def test_a_post_with_a_pause_mark_stays_one_item_while_names_split_at_it():
    from build_scripts.structure.honours import name_items

    assert name_items("张某 某公司负责人、高级工程师 李某、王某某") == ["张某 某公司负责人、高级工程师", "李某", "王某某"]


def test_numbered_subsections_of_a_biography_share_one_level():
    entry = Entry(title="事迹")
    for text in ["（一）工作方面。积极肯干。", "（二）表现方面。踏实。"]:
        entry.blocks.extend(section_blocks(entry, Line(text, "f", 1)))
    assert {b.level for b in entry.blocks if b.kind == "h"} == {2}


def test_the_entry_index_is_one_entry_to_its_end():
    part, _ = _titled(["条目索引", "经济管理 197\t就业创业 157", "净土保卫战 226"], ["经济管理 197"])
    assert [e.title for c in part.chapters for e in c.entries] == ["条目索引"]


def test_biographies_are_entries_titled_by_name_under_their_list_title():
    part, _ = _titled(
        ["荣获二等功以上奖励的退役军人事迹", "孙某某,男,汉族,1966年出生。服役20年。", "钱某,天津人,1970年入伍。", "荣立三等功。"],
        ["荣获二等功以上奖励的退役军人事迹 322"],
    )
    entries = part.chapters[0].entries
    assert [(e.section, e.title) for e in entries] == [
        ("荣获二等功以上奖励的退役军人事迹", "孙某某"),
        ("荣获二等功以上奖励的退役军人事迹", "钱某"),
    ]
    assert entries[1].text == "钱某,天津人,1970年入伍。\n荣立三等功。"
