"""The 章/分目/条目 outline of a 篇 written as 【title】 entries
(structure/yearbook._parse_bracketed): which heading line opens a 章, which a
分目, which line is the tail of the entry before, and which known titles
open entries of their own without 【】."""
from build_scripts.model import VolumeSpec
from build_scripts.structure.yearbook import parse_yearbook

from structure_fixtures import lines

SPEC = VolumeSpec(id="x", title="某县年鉴", year=2030, kind="yearbook", publisher="某出版社", sources=())
BREAK = "\x00part-break"


def _parse(texts):
    audit = []
    volume = parse_yearbook(SPEC, lines(texts), audit)
    return volume, audit


def _outline(volume):
    return [(c.title, e.section, e.title, e.text) for _, c, e in volume.entries()]


def test_a_known_heading_before_a_stray_line_and_an_entry_opens_its_chapter_the_stray_line_ends_the_entry_before():
    volume, _ = _parse(["目 录", "交通 5\t水务 6", "道路养护 5\t供水 6", BREAK, "某篇",
                        "【综述】 全县交通", "交通", "稳步发展。", "【道路养护】 维修道路。"])
    assert _outline(volume) == [
        (None, None, "综述", "全县交通\n稳步发展。"),
        ("交通", None, "道路养护", "维修道路。"),
    ]


def test_an_unknown_heading_before_a_stray_line_is_text():
    volume, _ = _parse(["目 录", "道路养护 5", BREAK, "某篇", "【综述】 全县交通", "交通", "稳步发展。", "【道路养护】 维修道路。"])
    assert [c for c, _, _, _ in _outline(volume)] == [None, None]


def test_a_chapter_of_known_titles_without_brackets_opens_an_entry_per_title():
    volume, _ = _parse(["目 录", "街道 5\t东海街道 6", "某某社区 6\t友谊社区 7", BREAK, "街道", "【综述】 全区。",
                        "东海街道", "某某社区", "该社区有居民1万人。", "友谊社区", "该社区有居民2万人。", "未知小标题",
                        "该段属于友谊社区。"])
    assert _outline(volume) == [
        (None, None, "综述", "全区。"),
        ("东海街道", None, "某某社区", "该社区有居民1万人。"),
        ("东海街道", None, "友谊社区", "该社区有居民2万人。\n未知小标题\n该段属于友谊社区。"),
    ]
    assert [e.pages for _, _, e in volume.entries()][1:] == [[6], [7]]


def test_known_titles_open_no_entry_in_a_chapter_of_bracketed_entries():
    volume, _ = _parse(["目 录", "交通 5\t道路养护 6", "公路 7", BREAK, "某篇", "交通", "【概况】 全县。", "道路养护",
                        "全年维修道路。", "全年新建桥梁。", "【公路】 新建公路。"])
    assert [t for _, _, t, _ in _outline(volume)] == ["概况", "公路"]
    first = [e for _, _, e in volume.entries()][0]
    assert [b.text for b in first.blocks] == ["全县。", "道路养护", "全年维修道路。", "全年新建桥梁。"]


def test_a_heading_under_a_chapter_heading_is_its_section_and_so_are_its_like():
    volume, _ = _parse(["目 录", "重点企业 5", BREAK, "某篇", "【综述】 甲。", "重点企业", "某县城投集团有限公司",
                        "【概况】 乙。", "某县水务集团有限公司", "【概况】 丙。", "某县公交公司", "【概况】 丁。",
                        "重点项目", "【概况】 戊。"])
    assert [(c, s, t) for c, s, t, _ in _outline(volume)] == [
        (None, None, "综述"),
        ("重点企业", "某县城投集团有限公司", "概况"),
        ("重点企业", "某县水务集团有限公司", "概况"),
        ("重点企业", "某县公交公司", "概况"),
        ("重点项目", None, "概况"),
    ]


def test_a_section_title_of_four_characters_or_fewer_has_no_kind():
    volume, _ = _parse(["目 录", "重点企业 5", BREAK, "某篇", "【综述】 甲。", "重点企业", "城投公司", "【概况】 乙。",
                        "水务公司", "【概况】 丙。"])
    assert [(c, s) for c, s, _, _ in _outline(volume)][1:] == [("重点企业", "城投公司"), ("水务公司", None)]


def test_the_chapter_heading_repaired_against_the_contents_is_audited():
    volume, audit = _parse(["目 录", "道路养护管理 5", BREAK, "某篇", "【综述】 甲。", "道路养护管埋", "尾巴。", "【概况】 乙。"])
    assert _outline(volume) == [(None, None, "综述", "甲。\n尾巴。"), ("道路养护管理", None, "概况", "乙。")]
    assert [(r.kind, r.before, r.after) for r in audit if r.kind == "heading-repair"] == [
        ("heading-repair", "道路养护管埋", "道路养护管理")]


def test_an_entrys_text_on_its_title_line_keeps_its_page():
    ls = lines(["目 录", "交通 5", BREAK, "某篇", "交通", "【概况】 全县交通。"])
    ls[-1].page = 5
    volume = parse_yearbook(SPEC, ls, [])
    entry = [e for _, _, e in volume.entries()][0]
    assert entry.text == "全县交通。" and entry.blocks[0].line == 6


def test_text_before_the_first_chapter_is_the_parts_own_entry():
    volume, _ = _parse(["目 录", "交通 5", BREAK, "某篇", "本篇记述全县交通。", "交通", "【概况】 全县。"])
    assert _outline(volume)[0] == (None, None, "某篇", "本篇记述全县交通。")


def test_a_records_field_labels_are_its_text_not_entries():
    volume, _ = _parse(["目 录", "交通 5", BREAK, "某篇", "交通", "【概况】 全县交通。", "【作者】某编委会",
                        "【成文日期】2018-12-01", "【公路】 新建公路。"])
    assert [t for _, _, t, _ in _outline(volume)] == ["概况", "公路"]
    assert _outline(volume)[0][3] == "全县交通。\n【作者】某编委会\n【成文日期】2018-12-01"


def test_one_field_shaped_line_alone_is_an_entry():
    volume, _ = _parse(["目 录", "交通 5", BREAK, "某篇", "交通", "【概况】 全县交通。", "【公路】 新建公路",
                        "全年新建公路10公里。"])
    assert [t for _, _, t, _ in _outline(volume)] == ["概况", "公路"]


def test_field_labels_at_the_start_and_the_end_of_a_part():
    volume, _ = _parse(["目 录", "交通 5", BREAK, "某篇", "【作者】某编委会", "【成文日期】2018-12-01", "交通",
                        "【概况】 全县交通。", "【作者】某编委会", "【成文日期】2018-12-01"])
    assert [t for _, _, t, _ in _outline(volume)] == ["某篇", "概况"]


def test_a_roster_under_a_chapter_is_text_right_up_to_the_next_entry():
    volume, _ = _parse(["目 录", "领导名录 5", BREAK, "某篇", "领导名录", "【区委】 区委领导。", "书 记 张某某",
                        "副书记 李某某", "常 委 王某某", "检察长 徐某某", "【区政府】 区政府领导。"])
    titles = [(c, t) for c, _, t, _ in _outline(volume)]
    assert titles == [("领导名录", "区委"), ("领导名录", "区政府")]
    assert _outline(volume)[0][3].endswith("检察长 徐某某")


def test_the_numbered_chapter_with_its_stray_line_before_the_entry():
    volume, audit = _parse(["目 录", "工业 5", BREAK, "经济", "【综述】 全县经济", "一、工业", "稳中有进。",
                            "【概况】 工业增加值50亿元。"])
    assert _outline(volume) == [(None, None, "综述", "全县经济\n稳中有进。"), ("工业", None, "概况", "工业增加值50亿元。")]
    assert [(r.kind, r.before, r.line) for r in audit if r.kind == "heading-number"] == [("heading-number", "一、", 6)]


def test_section_titles_of_five_characters_have_a_kind_of_their_last_two():
    volume, _ = _parse(["目 录", "重点企业 5", BREAK, "某篇", "【综述】 甲。", "重点企业", "城投总公司", "【概况】 乙。",
                        "水务总公司", "【概况】 丙。", "公交集团", "【概况】 丁。"])
    assert [(c, s) for c, s, _, _ in _outline(volume)][1:] == [
        ("重点企业", "城投总公司"), ("重点企业", "水务总公司"), ("公交集团", None)]


def test_sections_of_another_ending_are_chapters():
    volume, _ = _parse(["目 录", "重点企业 5", BREAK, "某篇", "【综述】 甲。", "重点企业", "某县城投集团有限公司", "【概况】 乙。",
                        "某县第一中学校", "【概况】 丙。"])
    assert [(c, s) for c, s, _, _ in _outline(volume)][1:] == [("重点企业", "某县城投集团有限公司"), ("某县第一中学校", None)]


def test_a_bracketed_entry_ends_a_chapter_of_known_titles():
    volume, _ = _parse(["目 录", "街道 5\t东海街道 6", "某某社区 6\t友谊社区 7", BREAK, "街道", "【综述】 全区。",
                        "东海街道", "某某社区", "该社区有居民1万人。", "该社区有楼门100个。", "该社区有党员500人。",
                        "【社区服务】 开展服务。", "友谊社区", "该段是服务的。"])
    assert [t for _, _, t, _ in _outline(volume)] == ["综述", "某某社区", "社区服务"]


def test_a_numbered_chapter_ends_a_chapter_of_known_titles():
    volume, _ = _parse(["目 录", "街道 5\t东海街道 6", "某某社区 6\t友谊社区 7", BREAK, "街道", "【综述】 全区。",
                        "东海街道", "某某社区", "该社区有居民1万人。", "一、社区服务", "【概况】 开展服务。", "友谊社区", "该段是服务的。"])
    assert [(c, t) for c, _, t, _ in _outline(volume)] == [(None, "综述"), ("东海街道", "某某社区"), ("社区服务", "概况")]


def test_the_ordinal_of_a_numbered_chapter_is_audited_in_full():
    _, audit = _parse(["目 录", "工业 5", BREAK, "经济", "【综述】 全县经济。", "一、工业", "【概况】 工业增加值50亿元。"])
    [record] = [r for r in audit if r.kind == "heading-number"]
    assert (record.file, record.line, record.before, record.after) == ("book.txt", 6, "一、", "")
    assert record.reason == "the ordinal of a numbered 章/分目 heading; the outline keeps its order"


def test_a_repaired_entry_title_is_audited_at_its_line():
    _, audit = _parse(["目 录", "交通 5", BREAK, "某篇", "交通", "【概况】 全县。", "【道路养护管埋】 维修道路。"] + ["条目索引", "道路养护管理 6"])
    assert [(r.kind, r.line, r.before, r.after) for r in audit if r.kind == "heading-repair"] == [
        ("heading-repair", 7, "道路养护管埋", "道路养护管理")]


def test_a_part_title_spread_over_lines_is_read_whole():
    volume, _ = _parse(["编辑说明", "三、本卷分为篇目、章目、分目、条目 4 个层次。全书设置专文、政务、索引 3 篇。", BREAK, "专", "文", "【概况】 甲。", BREAK, "政务", "【综述】 乙。"])
    assert [p.title for p in volume.parts][:2] == ["专文", "政务"]
    assert [e.title for _, _, e in volume.entries()] == ["概况", "综述"]


def test_a_part_title_spread_over_more_than_four_lines_is_not_read_whole():
    volume, _ = _parse(["编辑说明", "三、本卷分为篇目、章目、分目、条目 4 个层次。全书设置城乡建设、政务、索引 3 篇。", BREAK, "城", "乡", "建", "设", "【概况】 甲。", BREAK, "政务", "【综述】 乙。"])
    assert [p.title for p in volume.parts][1] == "政务"
    volume, _ = _parse(["编辑说明", "三、本卷分为篇目、章目、分目、条目 4 个层次。全书设置城乡建设管理、政务、索引 3 篇。", BREAK, "城", "乡", "建", "设", "管理", "【概况】 甲。",
                        BREAK, "政务", "【综述】 乙。"])
    assert [p.title for p in volume.parts][0] == "城"


def test_parts_have_slugs_of_their_titles():
    volume, _ = _parse(["编辑说明", "三、本卷分为篇目、章目、分目、条目 4 个层次。全书设置专文、政务、索引 3 篇。", BREAK, "专文", "【概况】 甲。", BREAK, "政务", "【综述】 乙。"])
    assert [p.slug for p in volume.parts][:2] == ["zhuan-wen", "zheng-wu"]


def _chapters_and_titles(texts):
    volume, _ = _parse(texts)
    return [(c.title, e.title) for _, c, e in volume.entries()]


def test_numbered_sections_restart_at_one_under_each_chapter():
    assert _chapters_and_titles(["某篇", "工业", "（一）种植业", "【概况】 甲。", "（二）畜牧业", "【概况】 乙。", "农业", "（一）粮食",
                                 "【概况】 丙。"])[1:] == [("种植业", "概况"), ("畜牧业", "概况"), ("粮食", "概况")]


def test_a_numbered_heading_may_open_the_part_before_any_entry():
    assert _chapters_and_titles(["某篇", "（一）种植业", "【概况】 甲。", "（二）畜牧业", "【概况】 乙。"]) == [
        ("种植业", "概况"), ("畜牧业", "概况")]


def test_a_sequence_cannot_begin_at_two():
    outline = _chapters_and_titles(["某篇", "【综述】 全县。", "二、农业", "【概况】 甲。"])
    assert [c for c, _ in outline] == ["某篇", "某篇"]  # (the part title line, a heading before the first entry)


def test_field_values_of_one_to_thirty_characters_are_a_records_fields():
    outline = _chapters_and_titles(["某篇", "【概况】 甲。", "【性别】男", "【民族】汉", "【作者】" + "某" * 30, "【单位】" + "某" * 30,
                                    "【公路】 新建公路。"])
    assert [t for _, t in outline] == ["概况", "公路"]
    outline = _chapters_and_titles(["某篇", "【概况】 甲。", "【作者】" + "某" * 31, "【单位】" + "某" * 31, "【公路】 新建公路。"])
    assert [t for _, t in outline] == ["概况", "作者", "单位", "公路"]


def test_a_field_shaped_last_line_after_running_text_is_an_entry():
    assert [t for _, t in _chapters_and_titles(["某篇", "【概况】 全县。", "【公路】 新建"])] == ["概况", "公路"]


def test_an_entry_title_is_not_repaired_into_a_sibling_the_part_prints():
    volume, audit = _parse(["目 录", "交通 5", BREAK, "某篇", "交通", "【道路养护管理】 甲。", "【道路养护管埋】 乙。",
                            "条目索引", "道路养护管理 6"])
    assert [e.title for _, _, e in volume.entries()][:2] == ["道路养护管理", "道路养护管埋"]
    assert not [r for r in audit if r.kind == "heading-repair"]


def test_a_chapter_heading_is_not_repaired_into_a_sibling_the_part_prints():
    volume, audit = _parse(["目 录", "道路养护管理 5", BREAK, "某篇", "道路养护管理", "【概况】 甲。", "道路养护管埋", "【概况】 乙。"])
    assert [c.title for c in volume.parts[0].chapters] == ["道路养护管理", "道路养护管埋"]
    assert not [r for r in audit if r.kind == "heading-repair"]
