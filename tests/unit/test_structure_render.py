"""Special parts render the way a reader expects: real tables, numbered
section headings, bylines, name lists, visible notes; all text escaped."""
from build_scripts.model import Block, Entry
from build_scripts.render import _entry


def _md(blocks):
    entry = Entry(title="条目", blocks=blocks, anchor="tiao-mu")
    return "\n".join(_entry(entry, "##"))


def test_table_block_renders_a_markdown_table():
    md = _md([Block("table", "", rows=[["学校", "电话"], ["一中", "123"]])])
    assert "| 学校 | 电话 |" in md and "| 一中 | 123 |" in md


def test_section_headings_render_one_level_deeper_per_level():
    md = _md([Block("h", "2030年工作回顾", level=1), Block("h", "一、稳中求进", level=2)])
    assert "### 2030年工作回顾" in md and "#### 一、稳中求进" in md


def test_name_list_renders_as_a_list_and_is_escaped():
    md = _md([Block("list", "", items=["王某某 县医院", "*李四*"])])
    assert "- 王某某 县医院" in md and r"- \*李四\*" in md


def test_byline_and_note_are_marked_for_styling():
    md = _md([Block("byline", "县委书记 张某某"), Block("note", "注：原表有 1 个单元格无法辨认。")])
    assert "{: .byline }" in md and "{: .editor-note }" in md
