"""A leaders' roster (领导名录: office lines, then "post name name" lines)
before a page's first entry: its last line is not a 章, while a real 章
whose name holds a deliberate space still is."""
from build_scripts.model import Line, VolumeSpec
from build_scripts.repair import repair
from build_scripts.structure.yearbook import parse_yearbook

SPEC = VolumeSpec(id="x", title="某市年鉴", year=2031, kind="yearbook", publisher="p", sources=())
BODY = "2030年，全市完成固定资产投资120亿元，比上年增长5.2%。"
ROSTER = ["市人民政府", "市 长 张某某", "副市长 李某某 王某某", "市人民法院", "院 长 赵某某", "市人民检察院", "检察长 钱某某"]


def _outline(texts):
    lines, audit = repair([Line(t, "b.txt", i + 1) for i, t in enumerate(texts)])
    return [(c.title, e.title) for _, c, e in parse_yearbook(SPEC, lines, audit).entries()]


def test_the_roster_line_before_the_first_entry_is_no_chapter():
    assert ("检察长 钱某某", "概况") not in _outline(ROSTER + ["【概况】" + BODY])
    assert (None, "概况") in _outline(ROSTER + ["【概况】" + BODY])


def test_a_chapter_with_a_space_after_a_paragraph_is_a_chapter():
    outline = _outline(["【概况】" + BODY, "政法 综治", "【社会治安】" + BODY])
    assert outline[-1] == ("政法 综治", "社会治安")
