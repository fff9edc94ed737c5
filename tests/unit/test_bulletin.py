"""统计公报: its headline indicators read from the prose into one table."""
from build_scripts import bulletin
from build_scripts.model import Block, Entry
from build_scripts.render import _entry, escape_inline as escape

BULLETIN = Entry(title="2031年某县国民经济和社会发展统计公报", anchor="gong-bao", blocks=[
    Block("h", "一、经济发展", level=1),
    Block("h", "经济总量", level=2),
    Block("p", "统计快报显示，全年地区生产总值 512.30 亿元，按照不变价格计算，同比增长 5.1%。其中，第二产业增加值 60.1 亿元。"),
    Block("h", "固定资产投资", level=2),
    Block("p", "全年完成固定资产投资指标 80.5 亿元，下降2.0%。"),
    Block("h", "城区建设", level=2),
    Block("p", "建成口袋公园 12 个。"),
    Block("h", "人口", level=2),
    Block("p", "2031年某县常住人口 40.2 万人。"),
])


def test_headline_figure_per_sub_heading_with_unit_and_change():
    got = [(i.section, i.name, i.value, i.unit, i.change) for i in bulletin.indicators(BULLETIN)]
    assert got == [
        ("经济总量", "地区生产总值", "512.30", "亿元", "增长 5.1%"),
        ("固定资产投资", "固定资产投资", "80.5", "亿元", "下降 2.0%"),
        ("人口", "某县常住人口", "40.2", "万人", ""),
    ]  # 建成口袋公园 12 个: a count of things done, not a headline figure


def test_the_bulletin_entry_opens_with_the_table_and_keeps_its_text():
    md = "\n".join(_entry(BULLETIN, "##"))
    assert "| 经济总量 | 地区生产总值 | 512.30 亿元 | 增长 5.1% |" in md
    assert md.index("主要指标一览") < md.index("统计快报显示")
    assert "第二产业增加值 60.1 亿元" in md


def test_other_entries_get_no_table():
    entry = Entry(title="概况", anchor="gk", blocks=[Block("p", "全年地区生产总值 512.30 亿元，增长 5.1%。")])
    assert "主要指标一览" not in "\n".join(_entry(entry, "##"))
    assert bulletin.table(entry, escape) == [] or not bulletin.is_bulletin(entry)
