"""Cover data from the manifest or the book's CIP block, and the GB/T 7714-2015
citation of an entry (析出文献) built from it."""
from build_scripts.cover import Cover, citation, cover_of, pages_of
from build_scripts.model import Block, Entry, Volume, VolumeSpec
from build_scripts.render import _entry


def _volume(front: list[str], **spec) -> Volume:
    base = dict(id="v", title="某县年鉴（2031）", year=2031, kind="yearbook", publisher="", sources=())
    return Volume(spec=VolumeSpec(**{**base, **spec}), front_matter=[Block("p", t) for t in front])


CIP = ["图书在版编目（CIP）数据", "某县年鉴．2031／某县地方志办公室编．", "成都：巴蜀书社，2031．10．-- ISBN 978-7-5531-0000-7"]


def test_place_publisher_and_isbn_are_read_from_the_cip_imprint():
    cover = cover_of(_volume(CIP, editor="某县地方志办公室"))
    assert (cover.place, cover.publisher, cover.isbn) == ("成都", "巴蜀书社", "978-7-5531-0000-7")


def test_the_manifest_wins_over_the_book_and_a_different_publisher_is_not_taken_for_the_place():
    cover = cover_of(_volume(CIP, publisher="某某出版社", isbn="978-7-0000-0000-0"))
    assert cover.publisher == "某某出版社" and cover.place is None and cover.isbn == "978-7-0000-0000-0"


def test_citation_is_a_gbt_7714_contribution_with_editor_place_publisher_year_and_page():
    cover = Cover("天津市河西年鉴（2024）", "天津市河西区档案馆", "中州古籍出版社", "郑州", 2024, None)
    assert citation(cover, "概况", [165]) == "概况[M/OL]//天津市河西区档案馆. 天津市河西年鉴（2024）. 郑州: 中州古籍出版社, 2024: 165"


def test_unknown_place_and_publisher_are_bracketed_and_an_entry_without_page_has_none():
    cover = Cover("工作文献", None, None, None, 2031, None)
    assert citation(cover, "工作总结", []) == "工作总结[M/OL]//工作文献. [出版地不详]: [出版者不详], 2031"


def test_page_ranges_join_consecutive_pages_and_an_estimated_page_is_bracketed():
    assert pages_of([57, 58, 60], False) == "57-58, 60"
    assert pages_of([12], True) == "[12]"


def test_entry_shows_its_printed_page_marked_when_estimated_and_a_cite_button():
    cover = Cover("某县年鉴（2031）", None, "某出版社", "某地", 2031, None)
    exact = Entry(title="概况", blocks=[Block("p", "正文。")], anchor="gai-kuang", pages=[12])
    guessed = Entry(title="交通", blocks=[Block("p", "正文。")], anchor="jiao-tong", pages=[13], pages_estimated=True)
    md = "\n".join(_entry(exact, "##", path="v/a/b.md", cover=cover) + _entry(guessed, "##", path="v/a/b.md", cover=cover))
    assert "原书第 12 页<" in md and "原书约第 13 页（据前后条目推算）" in md
    assert 'data-url="v/a/b/#gai-kuang"' in md and "某地: 某出版社, 2031: [13]" in md
    assert md.count(">引用本条</button>") == 2


def test_a_hostile_title_stays_text_in_the_citation_attribute():
    cover = Cover("某县年鉴", None, None, None, 2031, None)
    entry = Entry(title='"><img src=x onerror=alert(1)>', blocks=[], anchor="x")
    md = "\n".join(_entry(entry, "##", path="v/a/b.md", cover=cover))
    assert "<img" not in md.split("{#x")[1]

