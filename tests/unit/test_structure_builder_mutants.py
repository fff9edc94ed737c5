"""Collecting a 篇's chapters and entries (structure/builder.py): chapter
slugs, entry anchors, printed pages, the 分目 an entry stands under, and where
a body line goes — paragraph, table row, caption, or the credit that closes a
caption or names the entry's source."""
from build_scripts.model import Block, Line, Part
from build_scripts.structure.builder import Builder, add_text


def _line(text, n=1, kind="text", page=None):
    return Line(text, "b.txt", n, kind, page=page)


def _builder():
    b = Builder(Part(title="政务", slug="zheng-wu"))
    return b


def test_chapters_get_unique_slugs_and_never_the_part_index_name():
    b = _builder()
    for title in ("综述", "综述", "Index", None):
        b.open_chapter(title)
    assert [(c.title, c.slug) for c in b.part.chapters] == [
        ("综述", "zong-shu"), ("综述", "zong-shu-2"), ("Index", "index-2"), (None, "")]


def test_a_chapter_whose_title_has_no_letter_falls_back_to_chapter():
    b = _builder()
    b.open_chapter("※※")
    b.open_chapter("※")
    assert [c.slug for c in b.part.chapters] == ["chapter", "chapter-2"]


def test_entries_get_anchors_unique_within_their_chapter_and_never_top():
    b = _builder()
    b.open_chapter("综述")
    for n, title in enumerate(("概况", "概况", "Top", "※"), 1):
        b.open_entry(title, _line("", n))
    b.open_chapter("党建")
    b.open_entry("概况", _line("", 9))
    entries = [e for c in b.part.chapters for e in c.entries]
    assert [(e.title, e.anchor, e.file, e.line) for e in entries] == [
        ("概况", "gai-kuang", "b.txt", 1), ("概况", "gai-kuang-2", "b.txt", 2), ("Top", "top-2", "b.txt", 3),
        ("※", "entry", "b.txt", 4), ("概况", "gai-kuang", "b.txt", 9)]


def test_an_entry_before_any_chapter_opens_an_untitled_chapter():
    b = _builder()
    e = b.open_entry("概况", _line("", 3))
    assert [(c.title, c.slug, c.entries) for c in b.part.chapters] == [(None, "", [e])]
    assert b.entry is e and b.chapter is b.part.chapters[0]


def test_an_entry_stands_under_the_current_section_until_a_new_chapter():
    b = _builder()
    b.open_chapter("经济")
    b.section = "工业"
    first = b.open_entry("概况", _line("", 1))
    b.open_chapter("社会")
    second = b.open_entry("概况", _line("", 2))
    assert (first.section, second.section) == ("工业", None)
    assert b.section is None


def test_an_entry_keeps_every_printed_page_it_runs_onto_once():
    b = _builder()
    b.open_chapter("经济")
    e = b.open_entry("概况", _line("【概况】", 1, page=12))
    for n, page in ((2, 12), (3, None), (4, 13), (5, 13), (6, 14)):
        b.add(Block("p", "正文。", n), _line("正文。", n, page=page), "概况")
    assert e.pages == [12, 13, 14]
    assert [bl.line for bl in e.blocks] == [2, 3, 4, 5, 6]
    unpaged = b.open_entry("党建", _line("【党建】", 7))
    assert unpaged.pages == []


def test_a_new_chapter_forgets_the_open_entry():
    b = _builder()
    b.open_chapter("经济")
    b.open_entry("概况", _line("", 1))
    b.open_chapter("社会")
    add_text(b, _line("社会事业稳步发展。", 2), "综述")
    [e] = b.part.chapters[1].entries
    assert e.title == "综述" and [bl.text for bl in e.blocks] == ["社会事业稳步发展。"]


def _blocks(b):
    return [(bl.kind, bl.text, bl.line) for bl in b.entry.blocks]


def test_a_body_line_is_a_paragraph_a_table_row_or_a_caption():
    b = _builder()
    add_text(b, _line("全区工业增长。", 1), "概况")
    add_text(b, _line("项目\t金额", 2), "概况")
    add_text(b, _line("3月2日，召开春耕动员会", 3, kind="caption"), "概况")
    assert b.entry.title == "概况"
    assert _blocks(b) == [("p", "全区工业增长。", 1), ("table", "项目\t金额", 2),
                          ("caption", "3月2日，召开春耕动员会", 3)]


def test_a_credit_under_a_dated_line_makes_it_a_caption():
    b = _builder()
    add_text(b, _line("3月2日，召开春耕动员会", 1), "概况")
    add_text(b, _line("（区融媒体中心提供）", 2, kind="credit"), "概况")
    assert _blocks(b) == [("caption", "3月2日，召开春耕动员会 （区融媒体中心提供）", 1)]
    assert b.entry.source is None


def test_a_credit_under_a_sentence_is_the_source_of_the_entry():
    for text in ("3月2日，召开春耕动员会。", "全区工业增长", "3月2日，" + "经" * 95):
        b = _builder()
        add_text(b, _line(text, 1), "概况")
        add_text(b, _line("（区委办公室提供）", 2, kind="credit"), "概况")
        assert _blocks(b) == [("p", text, 1)], text
        assert b.entry.source == "（区委办公室提供）"


def test_a_long_dated_line_is_no_caption_even_with_a_credit():
    b = _builder()
    text = "3月2日，" + "经" * 94   # 99 characters: still a caption
    add_text(b, _line(text, 1), "概况")
    add_text(b, _line("（甲提供）", 2, kind="credit"), "概况")
    assert _blocks(b)[0][0] == "caption"


def test_a_second_credit_joins_a_caption_without_one_then_the_source():
    b = _builder()
    add_text(b, _line("3月2日，召开春耕动员会", 1, kind="caption"), "概况")
    add_text(b, _line("（甲摄）", 2, kind="credit"), "概况")
    assert _blocks(b) == [("caption", "3月2日，召开春耕动员会 （甲摄）", 1)]
    add_text(b, _line("（乙提供）", 3, kind="credit"), "概况")
    add_text(b, _line("（丙提供）", 4, kind="credit"), "概况")
    assert _blocks(b) == [("caption", "3月2日，召开春耕动员会 （甲摄）", 1)]
    assert b.entry.source == "（乙提供） （丙提供）"


def test_a_credit_of_an_entry_without_text_is_its_source():
    b = _builder()
    b.open_entry("概况", _line("", 1))
    add_text(b, _line("（区委办公室提供）", 2, kind="credit"), "概况")
    assert b.entry.blocks == [] and b.entry.source == "（区委办公室提供）"


def test_a_credit_before_any_entry_is_kept_as_text():
    b = _builder()
    add_text(b, _line("（区委办公室提供）", 5, kind="credit"), "综述")
    assert b.entry.title == "综述" and _blocks(b) == [("p", "（区委办公室提供）", 5)]
    assert b.entry.source is None
