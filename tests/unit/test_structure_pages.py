"""Printed pages of the entries (structure/pages.py), one source at a time: the
index's single page, the 目录's runs of titles, the first entry of a 章 or 分目,
the reading-order check, the bracket between two known pages (issue 16:
mutants of these rules got past the suite)."""
from __future__ import annotations

from build_scripts.model import Chapter, Entry, Part, Volume, VolumeSpec
from build_scripts.structure.pages import assign_pages
from build_scripts.structure.toc_index import BookIndex, IndexItem

SPEC = VolumeSpec(id="x", title="某县年鉴", year=2030, kind="yearbook", publisher="某出版社", sources=())


def _book(*items: tuple[str, list[int], str]) -> BookIndex:
    """A BookIndex of (title, pages, source) items, in printed order."""
    book = BookIndex()
    for n, (title, pages, source) in enumerate(items, 1):
        book.add(IndexItem(key=title, text=title, pages=pages, source=source, line=n))
    return book


def _one_chapter(*titles: str, chapter: str = "综述", section: str | None = None) -> Volume:
    entries = [Entry(title=t, section=section) for t in titles]
    return Volume(spec=SPEC, parts=[Part(title="政务", chapters=[Chapter(title=chapter, entries=entries)])])


def _pages(volume: Volume) -> list[tuple[str, list[int], bool]]:
    return [(e.title, e.pages, e.pages_estimated) for _, _, e in volume.entries()]


def test_pages_the_extraction_kept_are_not_overridden_by_the_finding_aids():
    volume = _one_chapter("甲条目", "乙条目")
    volume.parts[0].chapters[0].entries[0].pages = [7]
    assign_pages(volume, _book(("甲条目", [30], "index"), ("乙条目", [31], "index")))
    assert _pages(volume) == [("甲条目", [7], False), ("乙条目", [], False)]


def test_a_unique_title_takes_its_index_pages_but_two_different_page_lists_say_nothing():
    volume = _one_chapter("甲条目", "乙条目", "丙条目")
    book = _book(("甲条目", [12, 13], "index"), ("乙条目", [20], "index"), ("乙条目", [40], "toc"),
                 ("丙条目", [50], "index"))
    assign_pages(volume, book)
    # 乙条目 has two page lists: no page, and no bracket (12-13 to 50 is far)
    assert _pages(volume) == [("甲条目", [12, 13], False), ("乙条目", [], False), ("丙条目", [50], False)]


def test_a_run_of_toc_titles_in_book_order_carries_its_pages_to_repeated_titles():
    """概况 is in every 章: only the 目录's order says which page is whose. A run
    of two or more titles shared by the outline and the 目录 carries pages; a
    lone shared title does not."""
    volume = Volume(spec=SPEC, parts=[Part(title="政务", chapters=[
        Chapter(title="人大", entries=[Entry(title="概况"), Entry(title="会议")]),
        Chapter(title="政协", entries=[Entry(title="概况"), Entry(title="提案")]),
    ])])
    book = _book(("人大", [10], "toc"), ("概况", [10], "toc"), ("会议", [11], "toc"),
                 ("其他", [15], "toc"), ("概况", [20], "toc"), ("某某", [21], "toc"))
    assign_pages(volume, book)
    # 人大/概况/会议 is a run of three: pages 10, 11. 政协's 概况 matches alone
    # (its neighbours differ): no page from the 目录, and 提案 has none either.
    assert _pages(volume) == [("概况", [10], False), ("会议", [11], False), ("概况", [], False), ("提案", [], False)]


def test_toc_alignment_reads_part_chapter_and_section_titles_as_landmarks():
    """The outline the 目录 is aligned with holds the 篇, 章 and 分目 titles:
    a 分目 title followed by its entry is a run of two."""
    entries = [Entry(title="概况", section="城市管理"), Entry(title="概况", section="环境卫生")]
    volume = Volume(spec=SPEC, parts=[Part(title="城建", chapters=[Chapter(title=None, entries=entries)])])
    book = _book(("城市管理", [33], "toc"), ("概况", [33], "toc"), ("环境卫生", [35], "toc"), ("概况", [35], "toc"))
    assign_pages(volume, book)
    assert _pages(volume) == [("概况", [33], False), ("概况", [35], False)]


def test_a_toc_run_does_not_override_a_page_the_index_gave():
    volume = _one_chapter("甲条目", "乙条目")
    book = _book(("甲条目", [5], "index"), ("综述", [4], "toc"), ("甲条目", [5], "toc"), ("乙条目", [6], "toc"),
                 ("乙条目", [6], "index"))
    assign_pages(volume, book)
    assert _pages(volume) == [("甲条目", [5], False), ("乙条目", [6], False)]


def test_the_first_entry_of_a_chapter_starts_on_the_chapters_page():
    volume = _one_chapter("概况", "概况", chapter="人事")  # titles repeated: no page of their own
    assign_pages(volume, _book(("人事", [44], "index")))
    assert _pages(volume) == [("概况", [44], False), ("概况", [], False)]


def test_a_chapter_spanning_pages_or_listed_twice_gives_its_first_entry_nothing():
    for book in (_book(("人事", [44, 45], "index")), _book(("人事", [44], "index"), ("人事", [60], "toc"))):
        volume = _one_chapter("概况", "概况", chapter="人事")
        assign_pages(volume, book)
        assert _pages(volume) == [("概况", [], False), ("概况", [], False)]


def test_the_first_entry_of_each_section_starts_on_the_sections_page():
    entries = [Entry(title="概况", section="城市管理"), Entry(title="概况", section="城市管理"),
               Entry(title="概况", section="环境卫生"), Entry(title="概况", section="园林绿化")]
    volume = Volume(spec=SPEC, parts=[Part(title="城建", chapters=[Chapter(title="城市", entries=entries)])])
    book = _book(("城市管理", [70], "index"), ("环境卫生", [72], "index"), ("园林绿化", [80, 81], "index"))
    assign_pages(volume, book)
    # only the first entry of 城市管理 and of 环境卫生; 园林绿化 spans two pages
    assert [(e.section, e.pages) for _, _, e in volume.entries()] == [
        ("城市管理", [70]), ("城市管理", []), ("环境卫生", [72]), ("园林绿化", [])]


def test_a_section_page_does_not_override_the_chapter_page_of_the_first_entry():
    entries = [Entry(title="概况", section="城市管理"), Entry(title="概况")]
    volume = Volume(spec=SPEC, parts=[Part(title="城建", chapters=[Chapter(title="城市", entries=entries)])])
    assign_pages(volume, _book(("城市", [69], "index"), ("城市管理", [70], "index")))
    assert [e.pages for _, _, e in volume.entries()] == [[69], []]


def test_a_page_going_back_is_dropped_and_listed_for_check():
    volume = _one_chapter("甲条目", "乙条目", "丙条目", "丁条目")
    book = _book(("甲条目", [10], "index"), ("乙条目", [12], "index"), ("丙条目", [2], "index"), ("丁条目", [15], "index"))
    assign_pages(volume, book)
    assert [e.pages for _, _, e in volume.entries()] == [[10], [12], [], [15]]
    assert book.dropped_pages == [("丙条目", [2])]


def test_entries_between_two_pages_at_most_one_apart_start_on_the_first():
    titles = ["甲条目", "乙条目", "丙条目", "丁条目", "戊条目", "己条目", "庚条目"]
    volume = _one_chapter(*titles)
    # 甲 10, 乙 ?, 丙 ?, 丁 11 (one apart): 乙 丙 on 10, estimated.
    # 丁 11, 戊 ?, 己 13 (two apart): 戊 unknown. 庚 13, right after 己: nothing between.
    book = _book(("甲条目", [10], "index"), ("丁条目", [11], "index"), ("己条目", [13], "index"),
                 ("庚条目", [13], "index"))
    assign_pages(volume, book)
    assert _pages(volume) == [
        ("甲条目", [10], False), ("乙条目", [10], True), ("丙条目", [10], True), ("丁条目", [11], False),
        ("戊条目", [], False), ("己条目", [13], False), ("庚条目", [13], False)]


def test_an_entry_between_two_on_the_same_page_is_on_that_page():
    volume = _one_chapter("甲条目", "乙条目", "丙条目")
    assign_pages(volume, _book(("甲条目", [8], "index"), ("丙条目", [8], "index")))
    assert _pages(volume) == [("甲条目", [8], False), ("乙条目", [8], True), ("丙条目", [8], False)]


def test_the_bracket_reads_the_last_page_before_and_the_first_page_after():
    """甲 runs over 10–12 and 丙 starts on 11: the entry between them cannot
    start on 10 (the bracket is from 甲's last page, 12, back to 11)."""
    volume = _one_chapter("甲条目", "乙条目", "丙条目")
    assign_pages(volume, _book(("甲条目", [10, 11, 12], "index"), ("丙条目", [11, 14], "index")))
    assert _pages(volume) == [("甲条目", [10, 11, 12], False), ("乙条目", [], False), ("丙条目", [11, 14], False)]
    volume = _one_chapter("甲条目", "乙条目", "丙条目")
    assign_pages(volume, _book(("甲条目", [10, 12], "index"), ("丙条目", [13, 14], "index")))
    assert _pages(volume)[1] == ("乙条目", [12], True)


def _two_chapters(chapter_a: str = "人大", chapter_b: str = "政协") -> Volume:
    return Volume(spec=SPEC, parts=[Part(title="政务", chapters=[
        Chapter(title=chapter_a, entries=[Entry(title="概况"), Entry(title="会议")]),
        Chapter(title=chapter_b, entries=[Entry(title="概况"), Entry(title="会议")]),
    ])])


def test_only_the_toc_alignment_places_titles_every_chapter_repeats():
    """Every title twice, the 章 on two pages each: no other source applies;
    the 目录's run of titles in book order places all four."""
    volume = _two_chapters()
    book = _book(("人大", [10, 11], "toc"), ("概况", [10], "toc"), ("会议", [11], "toc"),
                 ("政协", [20, 21], "toc"), ("概况", [20], "toc"), ("会议", [21], "toc"))
    assign_pages(volume, book)
    assert [e.pages for _, _, e in volume.entries()] == [[10], [11], [20], [21]]


def test_a_run_of_two_toc_titles_is_enough_and_a_lone_match_before_it_does_not_stop_it():
    volume = _two_chapters()
    # 政务 matches alone (a block of one, first), then 概况 会议 (a block of two)
    book = _book(("政务", [1, 2], "toc"), ("某某", [3], "toc"), ("概况", [10], "toc"), ("会议", [11], "toc"))
    assign_pages(volume, book)
    assert [e.pages for _, _, e in volume.entries()] == [[10], [11], [], []]


def test_section_titles_are_landmarks_of_the_toc_alignment():
    entries = [Entry(title="概况", section="城市管理"), Entry(title="概况", section="环境卫生")]
    volume = Volume(spec=SPEC, parts=[Part(title="城建", chapters=[Chapter(title=None, entries=entries)])])
    # each 分目 spans two pages: its first entry takes no page from it, only from the alignment
    book = _book(("城市管理", [33, 34], "toc"), ("概况", [33], "toc"), ("环境卫生", [35, 36], "toc"), ("概况", [35], "toc"))
    assign_pages(volume, book)
    assert [e.pages for _, _, e in volume.entries()] == [[33], [35]]


def test_a_repeated_title_takes_no_page_from_the_index_even_alone():
    volume = _one_chapter("概况", "甲条目", "概况")
    assign_pages(volume, _book(("概况", [40], "index")))
    assert _pages(volume) == [("概况", [], False), ("甲条目", [], False), ("概况", [], False)]


def test_the_longest_run_in_order_is_kept_and_the_shorter_run_going_back_is_dropped():
    titles = ["甲条目", "乙条目", "丙条目", "丁条目", "戊条目", "己条目"]
    volume = _one_chapter(*titles)
    pages = [10, 11, 12, 2, 3, 15]
    book = _book(*((t, [p], "index") for t, p in zip(titles, pages)))
    assign_pages(volume, book)
    assert [e.pages for _, _, e in volume.entries()] == [[10], [11], [12], [], [], [15]]
    assert book.dropped_pages == [("丁条目", [2]), ("戊条目", [3])]


def test_a_gap_too_wide_to_bracket_does_not_stop_the_brackets_after_it():
    volume = _one_chapter("甲条目", "乙条目", "丙条目", "丁条目", "戊条目")
    assign_pages(volume, _book(("甲条目", [10], "index"), ("丙条目", [20], "index"), ("戊条目", [21], "index")))
    assert [(e.pages, e.pages_estimated) for _, _, e in volume.entries()] == [
        ([10], False), ([], False), ([20], False), ([20], True), ([21], False)]


def test_a_first_page_beyond_all_that_follow_is_the_one_dropped():
    volume = _one_chapter("甲条目", "乙条目", "丙条目", "丁条目")
    book = _book(*((t, [p], "index") for t, p in zip(["甲条目", "乙条目", "丙条目", "丁条目"], [10, 2, 3, 4])))
    assign_pages(volume, book)
    assert [e.pages for _, _, e in volume.entries()] == [[], [2], [3], [4]]


def test_the_toc_alignment_keeps_the_titles_a_whole_book_repeats_in_every_chapter():
    """A book's outline runs to hundreds of titles, 概况 in every 章: the
    matcher must not treat a title that frequent as junk (difflib's autojunk)."""
    chapters, items = [], []
    for k in range(1, 121):
        chapters.append(Chapter(title=f"专题{chr(0x4e00 + 2 * k)}", entries=[Entry(title="概况"), Entry(title="会议")]))
        items += [(f"专题{chr(0x4e00 + 2 * k)}", [2 * k, 2 * k + 1], "toc"), ("概况", [2 * k], "toc"), ("会议", [2 * k + 1], "toc")]
    volume = Volume(spec=SPEC, parts=[Part(title="政务", chapters=chapters)])
    assign_pages(volume, _book(*items))
    pages = [e.pages for _, _, e in volume.entries()]
    assert pages == [[p] for k in range(1, 121) for p in (2 * k, 2 * k + 1)]
