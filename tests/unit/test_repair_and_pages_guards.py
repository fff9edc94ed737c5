"""Guards that a reviewer's one-line bug would drop, each pinned by a test that
fails without it (issue 16: these mutants got past the whole suite)."""
from __future__ import annotations

from build_scripts.model import Chapter, Entry, Line, Part, Volume, VolumeSpec
from build_scripts.repair import repair
from build_scripts.structure.pages import assign_pages
from build_scripts.structure.toc_index import BookIndex, IndexItem

SPEC = VolumeSpec(id="x", title="某县年鉴", year=2030, kind="yearbook", publisher="某出版社", sources=())


def run(*texts: str):
    return repair([Line(t, "book.txt", i) for i, t in enumerate(texts, 1)])


def shown(out) -> list[tuple[str, str]]:
    return [(l.kind, l.text) for l in out if l.text]


# --- a dated sentence is text, even with a credit below it ---------------------

def test_a_dated_sentence_with_a_credit_below_stays_text_and_the_credit_is_its_source():
    """A 大事记-like sentence ending in 。 is running text: the attribution below
    it is the entry's source, not a photo credit to glue it into a caption
    (which would take the entry's last sentence out of the entry)."""
    out, _ = run("1月3日,区委召开全体会议,部署全年工作。", "", "(区委办公室提供)")
    assert shown(out) == [("text", "1月3日，区委召开全体会议，部署全年工作。"), ("credit", "（区委办公室提供）")]


def test_an_undated_line_with_a_credit_below_is_no_caption():
    out, _ = run("召开全体会议,部署全年工作", "", "(区委办公室提供)")
    assert [k for k, _ in shown(out)] == ["text", "credit"]


def test_a_long_dated_line_is_running_text_not_a_caption():
    long_line = "10月20日," + "开展主题教育活动" * 16 + " (区委宣传部提供)"
    out, _ = run(long_line)
    assert "caption" not in [k for k, _ in shown(out)]


# --- printed pages: equal pages are in order -------------------------------------

def _volume(titles: list[str]) -> Volume:
    entries = [Entry(title=t) for t in titles]
    return Volume(spec=SPEC, parts=[Part(title="政务", chapters=[Chapter(title="综述", entries=entries)])])


def _index(pages: dict[str, list[int]]) -> BookIndex:
    book = BookIndex()
    for n, (title, p) in enumerate(pages.items()):
        book.add(IndexItem(key=title, text=title, pages=p, source="index", line=n + 1))
    return book


def test_entries_sharing_a_page_all_keep_it():
    """Two or three entries often start on one printed page: pages in reading
    order never go back, but they may stay; only a page that goes back is dropped."""
    titles = ["甲条目", "乙条目", "丙条目", "丁条目", "戊条目", "己条目"]
    pages = {"甲条目": [10], "乙条目": [10], "丙条目": [10], "丁条目": [3], "戊条目": [14], "己条目": [14]}
    volume, index = _volume(titles), _index(pages)
    assign_pages(volume, index)
    got = {e.title: e.pages for _, _, e in volume.entries()}
    assert got == {"甲条目": [10], "乙条目": [10], "丙条目": [10], "丁条目": [], "戊条目": [14], "己条目": [14]}
    assert index.dropped_pages == [("丁条目", [3])]


def test_a_title_printed_twice_takes_no_page_from_the_index():
    """概况 occurs in many 章: one index page cannot say which one it is."""
    volume = Volume(spec=SPEC, parts=[Part(title="政务", chapters=[
        Chapter(title="综述", entries=[Entry(title="概况"), Entry(title="甲条目")]),
        Chapter(title="人事", entries=[Entry(title="概况"), Entry(title="乙条目")]),
    ])])
    assign_pages(volume, _index({"概况": [40], "甲条目": [20], "乙条目": [30]}))
    got = [(e.title, e.pages) for _, _, e in volume.entries()]
    assert got == [("概况", []), ("甲条目", [20]), ("概况", []), ("乙条目", [30])]
