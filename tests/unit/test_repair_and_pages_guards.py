"""Guards that a reviewer's one-line bug would drop, each pinned by a test that
fails without it (issue 16: these mutants got past the whole suite)."""
from __future__ import annotations

from build_scripts.model import Chapter, Entry, Line, Part, Volume, VolumeSpec
from build_scripts.repair import repair
from build_scripts.structure.pages import assign_pages
from build_scripts.structure.toc_index import BookIndex, IndexItem
from _wrapped import BODY, wrapped_paragraph

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


# --- wrap spaces: only running text, never a table row ---------------------------

COLUMN = [wrapped_paragraph(BODY[k:] + BODY[:k]) + "。" for k in range(0, 60, 3)]  # gives the document its column


def test_a_table_row_keeps_its_spaces_even_at_the_column_width():
    row = wrapped_paragraph(BODY) + "\t附注"
    out, audit = run(*COLUMN, row)
    assert [l.text for l in out if l.text][-1] == row
    assert not [r for r in audit if r.line == len(COLUMN) + 1]


def test_a_line_without_sentence_punctuation_keeps_its_spaces_even_at_the_column_width():
    plain = wrapped_paragraph(BODY.replace("，", "").replace("、", "").replace("。", ""))
    out, audit = run(*COLUMN, plain)
    assert [l.text for l in out if l.text][-1] == plain
    assert not [r for r in audit if r.line == len(COLUMN) + 1]


def test_a_space_cutting_a_word_stays_in_a_heading_and_in_a_table_row():
    given = ["职称 评审工作", "专业技术职称 评审\t完成，共 12 人。"]
    out, _ = run(*given)
    assert [l.text for l in out if l.text] == ["职称 评审工作", "专业技术职称 评审\t完成，共 12 人。"]


# --- paragraph joins: only running text that carries on ----------------------------

def test_a_cut_paragraph_is_not_joined_with_a_short_heading_after_it():
    given = ["全年共任免国家机关工作人员，提拔", "干部管理", "【公务员管理】 全面推进公务员选育管用工作。"]
    out, audit = run(*given)
    assert [l.text for l in out if l.text] == given
    assert not audit


def test_a_cut_paragraph_is_not_joined_with_a_dated_item_or_a_table_row():
    for after in ("6日 区委召开全体会议，部署全年工作。", "完成改造任务，共计\t12\t个"):
        given = ["全年共任免国家机关工作人员，提拔", after]
        out, _ = run(*given)
        assert [l.text for l in out if l.text] == given, after


def test_a_table_row_ending_without_a_full_stop_is_not_a_cut_paragraph():
    given = ["项目，名称\t完成情况", "全区完成改造任务。"]
    out, _ = run(*given)
    assert [l.text for l in out if l.text] == given


def test_a_paragraph_cut_twice_is_joined_whole():
    out, audit = run("加强机关党建，推动区民政局、", "区教育局、区卫健委等单位完成换届，", "全面提升组织力。")
    assert [l.text for l in out if l.text] == ["加强机关党建，推动区民政局、区教育局、区卫健委等单位完成换届，全面提升组织力。"]
    assert len([r for r in audit if r.kind == "paragraph-join"]) == 2


def test_latin_words_joined_across_the_cut_keep_one_space():
    out, _ = run("推广应用建筑信息模型，采用 BIM", "technology 完成设计，节约工期。")
    assert [l.text for l in out if l.text] == ["推广应用建筑信息模型，采用 BIM technology 完成设计，节约工期。"]
