"""The reports volume (报告汇编, structure/reports.py) in full: every entry,
block, heading level, line number, anchor and slug a document gives, the
audit of the lines it drops, and the metadata of a web page's byline."""
import pytest

from build_scripts.model import Line, SourceSpec, VolumeSpec
from build_scripts.repair import PART_BREAK
from build_scripts.structure.reports import RUN_IN_MAX, parse_reports


def _doc(rows, file="a.txt"):
    """rows: text, or (text, kind)."""
    out = []
    for i, r in enumerate(rows):
        text, kind = (r, "text") if isinstance(r, str) else r
        out.append(Line(text, file, i + 1, kind))
    return out


def _spec(*sources):
    return VolumeSpec(id="r", title="报告", year=2031, kind="reports", publisher="p", sources=tuple(sources))


def _parse(docs, sources):
    audit = []
    volume = parse_reports(_spec(*sources), docs, audit)
    return volume, audit


def _entries(chapter):
    return [(e.title, e.file, e.line, e.anchor, [(b.kind, b.text, b.line, b.level) for b in e.blocks])
            for e in chapter.entries]


WEB = [
    ("首页 > 政务公开", "text"),                       # furniture the repair stage left (kind text)
    ("某市城市管理委员会关于整改情况的通报", "web-title"),
    ("2031-03-04 10:00", "web-meta"),
    ("来源：某市城市管理委员会办公室", "web-meta"),
    "",
    "根据统一部署，现将整改情况通报如下。",
    "一、总体情况",
    "（一）提高政治站位。委党组专题学习5次。",
    "1.关于学习不深入问题。一是组织专题学习。",
    "2.完善制度",
    (PART_BREAK, "break"),
    "二、下一步工作",
    "一是持续抓好整改。",
]


def test_a_web_page_becomes_one_chapter_every_block_in_place():
    volume, audit = _parse([_doc(WEB)], [SourceSpec("a.txt")])
    assert volume.audit is audit and volume.spec.id == "r"
    [part] = volume.parts
    assert (part.title, part.slug) == ("文献", "documents")
    [chapter] = part.chapters
    assert chapter.title == "某市城市管理委员会关于整改情况的通报"
    assert chapter.meta == {"date": "2031-03-04", "publisher": "某市城市管理委员会办公室"}
    assert _entries(chapter) == [
        ("导语", "a.txt", 1, "dao-yu", [("p", "首页 > 政务公开", 1, 0), ("p", "根据统一部署，现将整改情况通报如下。", 6, 0)]),
        ("一、总体情况", "a.txt", 7, "yi-zong-ti-qing-kuang", [
            ("h", "（一）提高政治站位。", 8, 1), ("p", "委党组专题学习5次。", 8, 0),
            ("h", "1.关于学习不深入问题。", 9, 2), ("p", "一是组织专题学习。", 9, 0),
            ("h", "2.完善制度", 10, 2),
        ]),
        ("二、下一步工作", "a.txt", 12, "er-xia-yi-bu-gong-zuo", [("p", "一是持续抓好整改。", 13, 0)]),
    ]
    # the byline lines are metadata now; their text is audited, nothing lost
    assert [(r.file, r.line, r.kind, r.before, r.after, r.reason) for r in audit] == [
        ("a.txt", 3, "web-metadata", "2031-03-04 10:00", "", "title/date/source repeated by the web page (kept as metadata)"),
        ("a.txt", 4, "web-metadata", "来源：某市城市管理委员会办公室", "",
         "title/date/source repeated by the web page (kept as metadata)"),
    ]


def test_the_manifest_title_replaces_the_page_title_which_is_audited():
    volume, audit = _parse([_doc(WEB)], [SourceSpec("a.txt", title="整改通报")])
    chapter = volume.parts[0].chapters[0]
    assert chapter.title == "整改通报" and chapter.slug == "zheng-gai-tong-bao"
    assert (audit[0].file, audit[0].line, audit[0].kind, audit[0].before, audit[0].after, audit[0].reason) == (
        "a.txt", 2, "web-metadata", "某市城市管理委员会关于整改情况的通报", "",
        "the document's own title line (the manifest gives its title)")
    assert "某市城市管理委员会关于整改情况的通报" not in [b.text for e in chapter.entries for b in e.blocks]


def test_a_title_line_equal_to_the_manifest_title_is_not_audited_twice():
    volume, audit = _parse([_doc(WEB)], [SourceSpec("a.txt", title="某市城市管理委员会关于整改情况的通报")])
    assert [r.line for r in audit] == [3, 4]


def test_without_a_web_title_the_first_line_names_the_document():
    volume, audit = _parse([_doc(["关于某事的报告", "一、情况", "正文。"])], [SourceSpec("a.txt")])
    chapter = volume.parts[0].chapters[0]
    assert chapter.title == "关于某事的报告" and audit == []
    assert [e.title for e in chapter.entries] == ["一、情况"]


def test_an_empty_document_is_an_empty_chapter_named_by_the_manifest_or_document():
    volume, _ = _parse([_doc(["", (PART_BREAK, "break")]), _doc([" "], "b.txt")],
                       [SourceSpec("a.txt", title="空白文件"), SourceSpec("b.txt")])
    chapters = volume.parts[0].chapters
    assert [(c.title, c.slug, c.entries) for c in chapters] == [("空白文件", "kong-bai-wen-jian", []),
                                                             ("document", "document", [])]


def test_chapter_slugs_are_unique_and_fall_back_to_document():
    docs = [_doc(["一、甲", "正文。"], f) for f in ("a.txt", "b.txt", "c.txt", "d.txt")]
    sources = [SourceSpec("a.txt", title="工作报告"), SourceSpec("b.txt", title="工作报告"),
               SourceSpec("c.txt", title="※※※"), SourceSpec("d.txt", title="※※")]
    volume, _ = _parse(docs, sources)
    assert [c.slug for c in volume.parts[0].chapters] == ["gong-zuo-bao-gao", "gong-zuo-bao-gao-2",
                                                         "document", "document-2"]


def test_entry_anchors_are_unique_within_the_document():
    volume, _ = _parse([_doc(["t", "一、情况", "正文。", "二、情况", "正文。"])], [SourceSpec("a.txt", title="t")])
    assert [e.anchor for e in volume.parts[0].chapters[0].entries] == ["yi-qing-kuang", "er-qing-kuang"]


@pytest.mark.parametrize("text, entry", [
    ("一、" + "经" * 58, True),          # sixty characters
    ("一、" + "经" * 59, False),         # sixty-one: a paragraph
    ("一、总体情况。现将情况通报如下。", False),
    ("一、总体情况。1", False),
    ("一、推进“三个到位”。", True),      # a 。 at the very end belongs to the title
])
def test_which_numbered_lines_open_an_entry(text, entry):
    volume, _ = _parse([_doc(["t", "导言。", text, "正文。"])], [SourceSpec("a.txt", title="t")])
    titles = [e.title for e in volume.parts[0].chapters[0].entries]
    assert (text in titles) is entry


def _blocks(line):
    volume, _ = _parse([_doc(["t", "一、情况", line])], [SourceSpec("a.txt", title="t")])
    return [(b.kind, b.text, b.line, b.level) for b in volume.parts[0].chapters[0].entries[0].blocks]


def test_a_run_in_heading_is_split_at_its_first_full_stop_within_reach():
    head = "（一）" + "经" * (RUN_IN_MAX - 3) + "。"   # its 。 at index RUN_IN_MAX
    assert _blocks(head + "正文。") == [("h", head, 3, 1), ("p", "正文。", 3, 0)]
    far = "（一）" + "经" * (RUN_IN_MAX - 2) + "。"    # one further: not a run-in heading
    assert _blocks(far + "正文。") == [("p", far + "正文。", 3, 0)]
    assert _blocks("（一）学习。好") == [("h", "（一）学习。", 3, 1), ("p", "好", 3, 0)]
    assert _blocks("（一）学习。 正文") == [("h", "（一）学习。", 3, 1), ("p", "正文", 3, 0)]


def test_a_numbered_sentence_alone_is_a_paragraph_not_a_heading():
    assert _blocks("（一）提高政治站位。") == [("p", "（一）提高政治站位。", 3, 0)]
    assert _blocks("1.完成全年任务。") == [("p", "1.完成全年任务。", 3, 0)]


def test_a_numbered_line_without_a_full_stop_is_a_heading_up_to_the_limit():
    short = "1." + "经" * (RUN_IN_MAX - 2)                 # forty characters
    assert _blocks(short) == [("h", short, 3, 1)]
    longer = "1." + "经，" * 20                             # a list of clauses, no 。
    assert _blocks(longer) == [("p", longer, 3, 0)]


def test_a_numbered_item_is_level_two_only_under_a_parenthesised_heading():
    volume, _ = _parse([_doc(["t", "一、情况", "1.工作", "（一）重点", "1.项目", "（二）一般"])],
                       [SourceSpec("a.txt", title="t")])
    blocks = volume.parts[0].chapters[0].entries[0].blocks
    assert [(b.text, b.level) for b in blocks] == [("1.工作", 1), ("（一）重点", 1), ("1.项目", 2), ("（二）一般", 1)]


def test_a_paragraph_opening_with_a_parenthesised_number_does_not_nest_what_follows():
    volume, _ = _parse([_doc(["t", "一、情况", "（一）是指全市范围内的各项工作，包括城市管理、环境卫生等方面的内容和具体的要求，共计十二项内容。", "1.工作"])],
                       [SourceSpec("a.txt", title="t")])
    blocks = volume.parts[0].chapters[0].entries[0].blocks
    assert [(b.kind, b.level) for b in blocks] == [("p", 0), ("h", 1)]


def test_a_source_line_names_the_publisher_and_a_dated_byline_comes_first():
    doc = _doc([("标题", "web-title"), ("2031-03-04 来源：甲单位", "web-meta"), ("来源：乙单位", "web-meta"), "正文。"])
    volume, _ = _parse([doc], [SourceSpec("a.txt")])
    assert volume.parts[0].chapters[0].meta == {"date": "2031-03-04", "publisher": "甲单位"}
    doc = _doc([("标题", "web-title"), ("来源：乙单位", "web-meta"), "正文。"])
    volume, _ = _parse([doc], [SourceSpec("a.txt")])
    assert volume.parts[0].chapters[0].meta == {"publisher": "乙单位"}
