"""Special parts render the way a reader expects: real tables, numbered
section headings, bylines, name lists, visible notes; all text escaped."""
from build_scripts.model import Block, Entry
from build_scripts.render import _chapter_page, _entry


def _md(blocks):
    entry = Entry(title="条目", blocks=blocks, anchor="tiao-mu")
    return "\n".join(_entry(entry, "##"))


def test_table_block_renders_a_markdown_table():
    md = _md([Block("table", "", rows=[["学校", "电话"], ["一中", "123"]])])
    assert "| 学校 | 电话 |" in md and "| 一中 | 123 |" in md


def test_section_headings_render_one_level_deeper_per_level():
    md = _md([Block("h", "2030年工作回顾", level=1), Block("h", "一、稳中求进", level=2)])
    assert "### 2030年工作回顾" in md and "#### 一、稳中求进" in md


def test_second_level_heads_without_a_first_level_do_not_skip_a_heading_level():
    md = _md([Block("h", "（一）工作绩效方面。", level=2), Block("p", "正文。"), Block("h", "（二）现实表现方面。", level=2)])
    heads = [l.split(" ", 1)[0] for l in md.splitlines() if l.startswith("#")]
    assert heads == ["##", "###", "###"]  # entry h2, then h3 (not h4)


def test_name_list_renders_as_a_list_and_is_escaped():
    md = _md([Block("list", "", items=["王某某 县医院", "*李四*"])])
    assert "- 王某某 县医院" in md and r"- \*李四\*" in md


def test_byline_and_note_are_marked_for_styling():
    md = _md([Block("byline", "县委书记 张某某"), Block("note", "注：原表有 1 个单元格无法辨认。")])
    assert "{: .byline }" in md and "{: .editor-note }" in md


def test_an_entry_outside_any_section_is_not_nested_under_the_section_before_it():
    from build_scripts.model import Chapter, Part, Volume, VolumeSpec

    spec = VolumeSpec(id="v", title="某县年鉴", year=2030, kind="yearbook", publisher="", sources=())
    chapter = Chapter(title="人物·荣誉", slug="ren-wu", entries=[
        Entry(title="先进集体", blocks=[Block("p", "甲单位")], anchor="xian-jin"),
        Entry(title="王某", blocks=[Block("p", "事迹。")], anchor="wang", section="立功人员名录"),
        Entry(title="专家名单", blocks=[Block("p", "李某")], anchor="zhuan-jia"),
    ])
    part = Part(title="人物·荣誉", slug="ren-wu", chapters=[chapter])
    md = _chapter_page(Volume(spec=spec, parts=[part]), part, chapter)
    heads = [l.split(" {")[0] for l in md.splitlines() if l.startswith("#")]
    assert heads == ["# 人物·荣誉", "## 先进集体", "## 立功人员名录", "### 王某", "## 专家名单"]
