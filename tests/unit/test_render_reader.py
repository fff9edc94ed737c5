"""Reader-facing render: one heading per 大事记 day with links between the
months, the chronicle's own date index, linked breadcrumbs, and the volume's
home, editors' and printable pages."""
from build_scripts import volume_home
from build_scripts.model import Block
from build_scripts.render import _chapter_page, _part_index, render_volume

from _book import entry, volume


def _chronicle():
    return volume({
        "2030年大事记": {
            "1月": [entry("1月6日", "6日 全会召开。"), entry("1月6日", "同日 述法会。"), entry("1月11日", "11日 签约。")],
            "2月": [entry("2月1日", "1日 开工。")],
        },
        "法治": {"公安": [entry("概况", "全年。", [165])]},
        "索引": {None: [entry("条目索引", "概况 50")]},
    })


def test_a_chronicle_day_has_one_heading_and_each_event_keeps_its_anchor():
    book = _chronicle()
    part = book.parts[0]
    md = _chapter_page(book, part, part.chapters[0])
    heads = [l.split(" {")[0] for l in md.splitlines() if l.startswith("## ")]
    assert heads == ["## 1月6日", "## 1月11日"]
    assert 'id="1-yue-6-ri-2"' in md  # the second event of the day: still linkable


def test_chronicle_months_link_to_each_other():
    book = _chronicle()
    part = book.parts[0]
    md = _chapter_page(book, part, part.chapters[0])
    assert "**1月** · [2月](2-yue.md)" in md
    md2 = _chapter_page(book, part, part.chapters[1])
    assert "[1月](1-yue.md) · **2月**" in md2


def test_the_chronicle_part_page_is_its_date_index():
    book = _chronicle()
    md = _part_index(book, book.parts[0])
    assert "[1月6日（2 件）](1-yue.md#1-yue-6-ri) · [1月11日](1-yue.md#1-yue-11-ri)" in md
    assert "## [2月](2-yue.md)" in md


def test_breadcrumb_links_the_volume_and_the_part():
    book = _chronicle()
    part = book.parts[1]
    md = _chapter_page(book, part, part.chapters[0])
    assert "[某区年鉴（2024）](../index.md) › [法治](index.md) › 公安" in md


def test_the_printed_index_part_is_left_out_of_the_readers_menu():
    nav = render_volume(_chronicle()).nav[0]["某区年鉴（2024）"]
    titles = [next(iter(item)) for item in nav if isinstance(item, dict)]
    assert titles == ["2030年大事记", "法治"]


def test_volume_home_has_cover_figures_notes_and_a_linked_toc_with_pages():
    book = _chronicle()
    book.front_matter = [
        Block("p", "某市：某出版社，2024．5．-- ISBN 978-7-0000-0000-1"),
        Block("h", "编辑说明", level=2), Block("p", "一、本书记述2023年。"), Block("h", "目录", level=2), Block("pre", "概况 50"),
    ]
    book.photos = [Block("caption", "1月6日，全会召开")]
    md = volume_home.home(book)
    assert "<dt>ISBN</dt><dd>978-7-0000-0000-1</dd>" in md and "<dd>某市：某出版社，2024</dd>" in md
    assert "本卷 2 篇、3 章、5 个条目" in md and "原书照片 1 幅" in md and "不含照片本身" in md
    assert "## 编辑说明" in md and "一、本书记述2023年。" in md and "概况 50" not in md
    assert "    - [公安](fa-zhi/gong-an.md) <span class=\"toc-page\">第 165 页</span>" in md
    assert "索引" not in md.split("## 目录")[1]


def test_editors_page_holds_the_raw_front_matter_and_links_the_printed_index():
    book = _chronicle()
    book.front_matter = [Block("h", "目录", level=2), Block("pre", "32 重要会议57")]
    md = volume_home.editors_page(book)
    assert "32 重要会议57" in md and "](suo-yin/index.md)" in md


def test_printable_page_holds_every_entry_with_its_printed_page():
    md = volume_home.print_page(_chronicle())
    assert md.count("#### 1月6日") == 2 and "原书第 165 页" in md and "条目索引" not in md
