"""Numbered 章 and 分目 headings (一、工业经济 / （一）农业) of a yearbook that
numbers its outline: headings where the 目录 or the sequence and position
confirm them, never a numbered list inside an entry's text."""
from build_scripts.model import VolumeSpec
from build_scripts.structure import shapes
from build_scripts.structure.yearbook import parse_yearbook

from structure_fixtures import lines

SPEC = VolumeSpec(id="x", title="某县年鉴", year=2030, kind="yearbook", publisher="某出版社", sources=())

# A county book without running heads, 编辑说明 naming its 篇, 章 numbered
# 一、 二、, 分目 numbered （一） （二）, and inside an entry a numbered list
# whose items are short unpunctuated lines (the trap).
BOOK = [
    "某县年鉴(2030)",
    "编辑说明",
    "本卷设经济、社会、文化 3 篇。",
    "经济",
    "一、工业",
    "【概况】 2030年，全县工业增加值50亿元。",
    "【重点项目】 全年实施重点项目12个，主要有：",
    "一、新材料产业园",
    "二、物流中心",
    "【安全生产】 全年未发生较大事故。",
    "二、农业",
    "（一）种植业",
    "【粮食生产】 全年粮食总产量30万吨。",
    "（二）畜牧业",
    "【生猪养殖】 年末生猪存栏10万头。",
    "社会",
    "一、教育",
    "【概况】 全县有中小学40所。",
    "二、卫生",
    "【概况】 全县有医疗卫生机构300个。",
    "文化",
    "一、文化馆",
    "【概况】 县文化馆全年举办展览8场。",
]


def _outline(texts):
    audit = []
    volume = parse_yearbook(SPEC, lines(texts), audit)
    return volume, audit, [(p.title, c.title, e.section, e.title) for p, c, e in volume.entries()]


def test_numbered_chapters_and_sections_make_the_outline():
    _, _, outline = _outline(BOOK)
    assert outline == [
        ("经济", "工业", None, "概况"),
        ("经济", "工业", None, "重点项目"),
        ("经济", "工业", None, "安全生产"),
        ("经济", "农业", "种植业", "粮食生产"),
        ("经济", "农业", "畜牧业", "生猪养殖"),
        ("社会", "教育", None, "概况"),
        ("社会", "卫生", None, "概况"),
        ("文化", "文化馆", None, "概况"),
    ]


def test_a_numbered_list_inside_an_entry_stays_its_text():
    volume, _, _ = _outline(BOOK)
    entry = next(e for _, _, e in volume.entries() if e.title == "重点项目")
    assert entry.text.split("\n")[1:] == ["一、新材料产业园", "二、物流中心"]


def test_the_removed_ordinal_is_audited():
    _, audit, _ = _outline(BOOK)
    numbers = [(r.line, r.before) for r in audit if r.kind == "heading-number"]
    assert numbers == [(5, "一、"), (11, "二、"), (12, "（一）"), (14, "（二）"), (17, "一、"), (19, "二、"), (22, "一、")]


def test_a_numbered_heading_the_toc_knows_opens_its_chapter_out_of_sequence():
    """三、 with no 二、 before it: the 目录 printing 交通 confirms it."""
    toc = ["目 录", "经济", "工业 1", "交通 5", "社会 9", "文化 12"]
    texts = BOOK[:3] + toc + BOOK[3:10] + ["三、交通", "【公路建设】 新建公路20公里。"] + BOOK[15:]
    _, _, outline = _outline(texts)
    assert ("经济", "交通", None, "公路建设") in outline
    # without the 目录, 三、 does not follow an accepted 二、: the line stays text
    texts = BOOK[:10] + ["三、交通", "【公路建设】 新建公路20公里。"] + BOOK[15:]
    _, _, outline = _outline(texts)
    assert ("经济", "工业", None, "公路建设") in outline


def test_numbered_body_text_is_not_a_heading_shape():
    assert shapes.numbered_heading("一、加强党的领导，推进全面从严治党") is None
    assert shapes.numbered_heading("三、") is None
    assert shapes.numbered_heading("十二、社会生活") == (1, 12, "社会生活")
    assert shapes.numbered_heading("（三）农业") == (2, 3, "农业")


def test_chapters_and_sections_numbered_in_words():
    texts = [t.replace("一、工业", "第一章 工业").replace("二、农业", "第二章 农业")
             .replace("（一）种植业", "第一节 种植业").replace("（二）畜牧业", "第二节 畜牧业") for t in BOOK]
    _, _, outline = _outline(texts)
    assert outline[:5] == [
        ("经济", "工业", None, "概况"), ("经济", "工业", None, "重点项目"), ("经济", "工业", None, "安全生产"),
        ("经济", "农业", "种植业", "粮食生产"), ("经济", "农业", "畜牧业", "生猪养殖")]
    assert shapes.numbered_heading("第十二章：社会生活") == (1, 12, "社会生活")
