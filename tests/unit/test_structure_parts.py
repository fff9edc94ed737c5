"""Where 篇 open without running heads (structure/parts.py), entries in
other books' 【】 habits, and `check` failing when structure is lost."""
from build_scripts.check import check_volume
from build_scripts.model import Line, VolumeSpec
from build_scripts.repair import repair
from build_scripts.structure.parts import part_names, title_key
from build_scripts.structure.yearbook import parse_yearbook

SPEC = VolumeSpec(id="x", title="某市年鉴", year=2031, kind="yearbook", publisher="p", sources=())
BODY = "2030年，全市完成固定资产投资120亿元，比上年增长5.2%。"


def _volume(texts):
    lines, audit = repair([Line(t, "b.txt", i + 1) for i, t in enumerate(texts)])
    return parse_yearbook(SPEC, lines, audit)


def _outline(volume):
    return [(p.title, e.title) for p, _, e in volume.entries()]


FRONT = ["某市年鉴（2031）", "编辑说明", "二、本年鉴共设概况、政务、经济、附录等4个篇目，篇下设章、节、条目。",
         "目 录", "概 况 1\t经济 30", "政 务 10\t附录 50"]


def test_parts_come_from_the_list_of_the_editorial_notes_in_any_wording():
    assert part_names([Line(FRONT[2], "b", 1)]) == ["概况", "政务", "经济", "附录"]
    assert part_names([Line("全书分为特载、大事记、法治8篇。", "b", 1)]) == ["特载", "大事记", "法治"]


def test_title_lines_in_other_shapes_have_the_name_as_key():
    for line in ["·法治·", "◎法治", "第八篇 法治", "法 治", "法治 Rule of Law"]:
        assert title_key(line) == "法治"


def test_without_running_heads_each_listed_title_opens_its_part():
    body = ["·概 况·", "【自然地理】" + BODY, "政务", "【政务公开】" + BODY, "第三篇 经济",
            "工业", "【概况】" + BODY, "附", "录", "【文件目录】" + BODY]
    volume = _volume(FRONT + body)
    assert [p.title for p in volume.parts] == ["概况", "政务", "经济", "附录"]
    assert _outline(volume)[2] == ("经济", "概况")
    failures = check_volume(volume).failures()
    assert not [f for f in failures if f.startswith(("entries", "bracket_entries", "parts_listed", "headings_whole"))]


def test_parts_of_a_title_shape_without_any_list():
    body = ["第一篇 概况", "【自然地理】" + BODY, "第二篇 经济", "【工业】" + BODY]
    assert [p.title for p in _volume(body).parts] == ["概况", "经济"]


def test_a_text_without_part_signals_is_one_part_of_its_entries():
    volume = _volume(["农业", "【 水利建设 】" + BODY, "按【12-03字】号文件执行。" + BODY + "【畜牧业】" + BODY])
    assert [e.title for _, _, e in volume.entries()] == ["水利建设", "畜牧业"]
    entry = next(e for _, _, e in volume.entries() if e.title == "水利建设")
    assert "【12-03字】" in entry.text


def test_a_title_alone_on_its_line_takes_the_text_of_the_next():
    volume = _volume(["【小学数学竞赛】", "", BODY, "【中学生运动会】", BODY])
    assert [(e.title, e.text) for _, _, e in volume.entries()] == [("小学数学竞赛", BODY), ("中学生运动会", BODY)]


def test_a_chapter_printed_on_the_line_of_its_first_entry():
    volume = _volume(["党建工作 【基层党组织建设】" + BODY, "【党员教育】" + BODY])
    assert [(c.title, e.title) for _, c, e in volume.entries()] == [("党建工作", "基层党组织建设"), ("党建工作", "党员教育")]


def test_a_short_chronicle_of_a_few_events():
    volume = _volume(["大事记", "3月", "1~4日 全市召开两会。", "是月 全市开展植树活动。", "5日 市委召开全会。", "△ 市政府召开常务会议。"])
    titles = [e.title for _, _, e in volume.entries() if e.title != SPEC.title]  # (the page's heading 大事记)
    assert titles == ["3月1~4日", "3月是月", "3月5日", "3月5日"]


def test_check_fails_when_the_entries_of_the_text_are_lost():
    volume = _volume(FRONT + ["概况", "【自然地理】" + BODY, "政务", "【政务公开】" + BODY])
    for part in volume.parts:  # as if every entry were swallowed by the paragraph before
        part.chapters = []
    failures = check_volume(volume).failures()
    assert any(f.startswith("entries") for f in failures) and any(f.startswith("bracket_entries") for f in failures)


def test_check_fails_when_the_parts_do_not_match_the_editorial_list():
    volume = _volume(FRONT + ["·概况·", "【自然地理】" + BODY, "【政务公开】" + BODY])
    assert any(f.startswith("parts_listed") for f in check_volume(volume).failures())


def test_check_applies_page_figures_only_with_a_source_of_pages():
    volume = _volume(["【自然地理】" + BODY, "【政务公开】" + BODY])
    report = check_volume(volume)
    assert not report.page_source and report.failures() == []


def test_the_manifest_may_name_the_parts_of_a_text_that_names_them_nowhere():
    from dataclasses import replace

    lines, audit = repair([Line(t, "b.txt", i + 1) for i, t in enumerate(
        ["农业", "【种植业】" + BODY, "工业", "【制造业】" + BODY])])
    volume = parse_yearbook(replace(SPEC, parts=("农业", "工业")), lines, audit)
    assert [(p.title, e.title) for p, _, e in volume.entries()] == [("农业", "种植业"), ("工业", "制造业")]


def test_decorated_chapter_headings_lose_their_marks():
    volume = _volume(["·区政府办公室工作·", "【概况】" + BODY, "◎信访工作", "【信访接待】" + BODY])
    assert [c.title for _, c, _ in volume.entries()] == ["区政府办公室工作", "信访工作"]
