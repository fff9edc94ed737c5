"""篇/章/分目/条目 of a small book in the shape of an extracted yearbook."""
import pytest

from build_scripts.model import VolumeSpec
from build_scripts.structure.yearbook import parse_yearbook

from structure_fixtures import FRONT, PARTS, lines

SPEC = VolumeSpec(id="x", title="某县年鉴", year=2030, kind="yearbook", publisher="某出版社", sources=())


def _parse(texts, kinds=None):
    audit = []
    volume = parse_yearbook(SPEC, lines(texts, kinds=kinds), audit)
    return volume, audit


@pytest.fixture(scope="module")
def book():
    return _parse(FRONT + PARTS)


def _outline(volume):
    return [(p.title, c.title, e.section, e.title) for p, c, e in volume.entries()]


def test_parts_are_named_from_the_preface(book):
    volume, _ = book
    assert [p.title for p in volume.parts] == ["政务", "城乡建设管理", "索引"]


def test_damaged_chapter_headings_are_repaired_against_the_toc(book):
    volume, audit = book
    chapters = [c.title for c in volume.parts[0].chapters]
    assert chapters == ["综述", "退役军人事务"]
    repairs = {(r.before, r.after) for r in audit if r.kind == "heading-repair"}
    assert {("综迷", "综述"), ("退没军人事务", "退役军人事务")} <= repairs


def test_two_entries_run_together_on_one_line_are_split(book):
    volume, _ = book
    titles = [e.title for c in volume.parts[0].chapters for e in c.entries]
    assert titles == ["概况", "概况", "双拥共建"]
    assert volume.parts[0].chapters[1].entries[1].text == "开展双拥活动12次。"


def test_a_standalone_attribution_is_the_entry_source(book):
    volume, _ = book
    assert volume.parts[0].chapters[1].entries[1].source == "（县退役军人事务局提供）"


def test_a_heading_under_a_chapter_heading_is_a_section_and_so_are_its_like(book):
    volume, _ = book
    outline = [o for o in _outline(volume) if o[0] == "城乡建设管理"]
    assert outline == [
        ("城乡建设管理", None, None, "概况"),
        ("城乡建设管理", None, None, "道路养护"),
        ("城乡建设管理", "重点企业", "某县城投集团有限公司", "概况"),
        ("城乡建设管理", "重点企业", "某县水务集团有限公司", "概况"),
    ]


def test_pages_come_from_the_index_and_the_toc(book):
    volume, _ = book
    entries = {(c.title, e.title): e for _, c, e in volume.entries()}
    assert entries[("退役军人事务", "双拥共建")].pages == [11]
    assert entries[("退役军人事务", "双拥共建")].pages_estimated is False


def test_a_page_between_two_known_pages_on_the_same_page_is_estimated():
    texts = FRONT + [
        "\x00part-break", "政务", "综迷",
        "【概况】 甲。", "【未编入索引的条目】 乙。",
        "退没军人事务", "【概况】 丙。", "【双拥共建】 丁。",
    ]
    volume, _ = _parse(texts)
    entry = [e for _, _, e in volume.entries() if e.title == "未编入索引的条目"][0]
    assert entry.pages == [10] and entry.pages_estimated


def test_no_page_is_guessed_across_a_wide_gap():
    texts = FRONT + [
        "\x00part-break", "政务", "综迷", "【概况】 甲。", "【未编入索引的条目】 乙。",
        "\x00part-break", "城乡建设管理", "【概况】 丙。",
    ]
    volume, _ = _parse(texts)
    entry = [e for _, _, e in volume.entries() if e.title == "未编入索引的条目"][0]
    assert entry.pages == []


def test_front_matter_photo_captions_form_the_photo_list(book):
    volume, _ = book
    assert volume.photos[0].text.startswith("3月2日") and volume.photos[0].kind == "caption"
    assert any(b.kind == "h" and b.text == "编辑说明" for b in volume.front_matter)


def test_repair_stage_line_kinds_are_used_when_set():
    texts = FRONT + [
        "\x00part-break", "政务", "综迷", "【概况】 甲。",
        "县长调研春耕现场", "（县农业局提供）", "（张三）",
    ]
    kinds = {len(FRONT) + 4: "caption", len(FRONT) + 5: "credit", len(FRONT) + 6: "credit"}
    volume, _ = _parse(texts, kinds)
    entry = volume.parts[0].chapters[0].entries[0]
    assert [b.kind for b in entry.blocks] == ["p", "caption"]
    assert entry.text == "甲。"
    assert any(p.text.startswith("县长调研春耕现场") for p in volume.photos)
