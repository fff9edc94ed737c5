"""What structure/yearbook makes of a book around its entries: the "about
this volume" page (imprint, 编辑部, 编辑说明, the colour pages' captions and
their credits, the 目录 as printed), a scraped page's byline, the 篇's English
subtitle, the printed page every line is on, and the 【】 titles `check`
counts."""
from build_scripts.model import Line, VolumeSpec
from build_scripts.structure.yearbook import parse_yearbook

from structure_fixtures import PARTS, lines

SPEC = VolumeSpec(id="x", title="某县年鉴", year=2030, kind="yearbook", publisher="某出版社", sources=())

PREFACE = "三、本卷分为篇目、章目、分目、条目 4 个层次。全书设置政务、城乡建设管理、索引 3 篇。"
FRONT = [
    "某县年鉴(2030)",
    "《某县年鉴》编辑部",
    "主 编 张三",
    "编 辑 说 明",
    PREFACE,
    "3月2日,召开全县春耕动员会 (县融媒体中心提供)",
    "4月5日,全县开展植树活动",
    "（左起）县领导参加",
    "（李四 摄）",
    "县长调研春耕现场",
    "（县农业局提供）",
    "（王五）",
    "",
    "目 录",
    "政 务\t城乡建设管理 20",
    "综 述 10\t概况 20",
    "编辑说明 1",
]
TOC = ["目 录", "政务 1"]
KINDS = {9: "caption", 10: "credit", 11: "credit"}


def _parse(texts, kinds=None):
    audit = []
    return parse_yearbook(SPEC, lines(texts, kinds=kinds), audit), audit


def _blocks(blocks):
    return [(b.kind, b.text, b.line, b.level) for b in blocks]


def test_the_about_page_keeps_the_front_matter_in_order_with_headings_captions_and_the_contents():
    volume, _ = _parse(FRONT + PARTS, KINDS)
    assert _blocks(volume.front_matter) == [
        ("p", "某县年鉴(2030)", 1, 0),
        ("h", "《某县年鉴》编辑部", 2, 2),
        ("p", "主 编 张三", 3, 0),
        ("h", "编辑说明", 4, 2),
        ("p", PREFACE, 5, 0),
        ("h", "彩页图片", 6, 2),
        ("caption", "3月2日,召开全县春耕动员会 (县融媒体中心提供)", 6, 0),
        ("caption", "4月5日,全县开展植树活动（左起）县领导参加 （李四 摄）", 7, 0),
        ("caption", "县长调研春耕现场 （县农业局提供）", 10, 0),
        ("p", "（王五）", 12, 0),
        ("h", "目录", 14, 2),
        ("pre", "政 务\t城乡建设管理 20", 15, 0),
        ("pre", "综 述 10\t概况 20", 16, 0),
        ("pre", "编辑说明 1", 17, 0),
    ]


def test_the_photo_list_is_the_captions_of_the_about_page_then_those_of_the_entries():
    texts = FRONT + PARTS[:4] + ["县长调研现场", "（县农业局提供）"] + PARTS[4:]
    kinds = dict(KINDS)
    kinds[len(FRONT) + 4] = "caption"
    kinds[len(FRONT) + 5] = "credit"
    volume, _ = _parse(texts, kinds)
    about = [b for b in volume.front_matter if b.kind == "caption"]
    assert volume.photos[:3] == about
    assert [p.text for p in volume.photos] == [b.text for b in about] + ["县长调研现场 （县农业局提供）"]


def test_front_matter_headings_of_every_shape():
    volume, _ = _parse(["某县年鉴编委会", "某县地方志编修工作领导小组", "《某县年鉴》编修工作领导小组", "《某县年鉴》编 委 会",
                        "本书编辑部", "编辑说明：", "目 录", "政务 1"])
    assert [(b.kind, b.text) for b in volume.front_matter] == [
        ("h", "某县年鉴编委会"), ("p", "某县地方志编修工作领导小组"), ("h", "《某县年鉴》编修工作领导小组"),
        ("h", "《某县年鉴》编委会"), ("h", "本书编辑部"), ("p", "编辑说明："), ("h", "目录"), ("pre", "政务 1"),
    ]


def test_a_dated_line_is_a_caption_only_when_it_is_no_sentence_and_short():
    volume, _ = _parse(["3月2日,召开全县大会。", "3月3日,全县植树" + "甲" * 120, "3月4日,全县春耕", "目 录", "政务 1"])
    assert [(b.kind, b.text[:8]) for b in volume.front_matter] == [
        ("p", "3月2日,召开全"), ("p", "3月3日,全县植"), ("h", "彩页图片"), ("caption", "3月4日,全县春"), ("h", "目录"), ("pre", "政务 1"),
    ]


def test_a_caption_takes_on_only_short_unpunctuated_non_heading_lines():
    volume, _ = _parse(["3月2日,全县春耕", "县领导参加", "3月3日,全县植树", "（左起）县长、副县长", "3月4日,全县植树",
                        "（" + "甲" * 40 + "）", "3月5日,全县植树", "这是一段说明文字。", "目 录", "政务 1"])
    assert [(b.kind, b.text) for b in volume.front_matter][:9] == [
        ("h", "彩页图片"), ("caption", "3月2日,全县春耕"), ("p", "县领导参加"),
        ("caption", "3月3日,全县植树（左起）县长、副县长"),
        ("caption", "3月4日,全县植树"), ("p", "（" + "甲" * 40 + "）"),
        ("caption", "3月5日,全县植树"), ("p", "这是一段说明文字。"), ("h", "目录"),
    ]


def test_a_heading_or_a_caption_line_ends_a_caption_waiting_for_its_credit():
    kinds = {2: "caption", 3: "credit", 5: "credit"}
    volume, _ = _parse(["3月2日,全县春耕", "编辑说明", "县长调研", "（张三）", "3月3日,全县植树", "（李四）"] + TOC, kinds)
    assert [(b.kind, b.text) for b in volume.front_matter] == [
        ("h", "彩页图片"), ("caption", "3月2日,全县春耕"), ("h", "编辑说明"),
        ("caption", "县长调研 （张三）"), ("caption", "3月3日,全县植树 （李四）"), ("h", "目录"), ("pre", "政务 1"),
    ]


def test_a_credit_before_any_photo_is_a_paragraph():
    volume, _ = _parse(["（县农业局提供）", "封面题字"] + TOC, {0: "credit"})
    assert [(b.kind, b.text) for b in volume.front_matter][:2] == [("p", "（县农业局提供）"), ("p", "封面题字")]
    assert volume.photos == []


def test_a_tab_line_outside_the_contents_is_kept_preformatted():
    volume, _ = _parse(["主编\t张三", "编辑\t李四"] + TOC)
    assert [(b.kind, b.text) for b in volume.front_matter][:2] == [("pre", "主编\t张三"), ("pre", "编辑\t李四")]


def test_a_scraped_pages_byline_goes_to_the_about_page_not_to_an_entry():
    texts = ["某县城市管理工作报告", "2030-05-06 来源：某县城管委", "一、概况", "全县城市管理工作稳步推进。"]
    volume, _ = _parse(texts, {1: "web-meta"})
    assert ("p", "2030-05-06 来源：某县城管委", 2, 0) in _blocks(volume.front_matter)
    assert all("来源" not in e.text for _, _, e in volume.entries())


def test_the_english_subtitle_under_a_part_title_is_taken_out_and_audited():
    texts = ["目 录", "政务 1", "\x00part-break", "政务", "Government Affairs", "综述", "【概况】 全县。"]
    volume, audit = _parse(texts)
    assert [(r.kind, r.line, r.before, r.after) for r in audit if r.kind == "part-subtitle"] == [
        ("part-subtitle", 5, "Government Affairs", "")]
    [record] = [r for r in audit if r.kind == "part-subtitle"]
    assert record.file == "book.txt" and record.reason == "the English subtitle printed under the 篇 title"
    assert all("Government" not in e.text for _, _, e in volume.entries())


def test_only_the_first_line_under_the_part_title_is_its_subtitle():
    texts = ["目 录", "政务 1", "\x00part-break", "政务", "综述", "Government Affairs", "【概况】 全县。"]
    _, audit = _parse(texts)
    assert not [r for r in audit if r.kind == "part-subtitle"]
    texts = ["目 录", "政务 1", "\x00part-break", "政务", "Rule of Law: 2030 & more", "综述", "【概况】 全县。"]
    _, audit = _parse(texts)
    assert not [r for r in audit if r.kind == "part-subtitle"]  # digits: no title's English


def test_a_text_without_part_signals_keeps_an_english_first_line():
    volume, audit = _parse(["Annual Report", "【概况】 全县。"])
    assert not [r for r in audit if r.kind == "part-subtitle"]
    assert [p.title for p in volume.parts] == ["某县年鉴"]


def test_each_line_carries_the_printed_page_of_the_marker_before_it():
    ls = [Line("【概况】 甲。", "b.txt", 1), Line("", "b.txt", 2, "page", page=12), Line("【综述】 乙。", "b.txt", 3),
          Line("【交通】 丙。", "b.txt", 4), Line("", "b.txt", 5, "page", page=13), Line("【水务】 丁。", "b.txt", 6)]
    volume = parse_yearbook(SPEC, ls, [])
    assert volume.printed_pages
    assert [l.page for l in ls] == [None, 12, 12, 12, 13, 13]


def _paged(text, breaks, page=29):
    first = Line(text, "b.txt", 2, page=None)
    first.page_breaks = breaks
    ls = [Line("", "b.txt", 1, "page", page=page), first, Line("【交通】 丙。", "b.txt", 3)]
    volume = parse_yearbook(SPEC, ls, [])
    return ls, {e.title: e.pages for _, _, e in volume.entries()}


def test_an_entry_run_in_after_a_page_number_starts_on_the_new_page():
    # "  【概况】 甲乙丙丁。" ends at column 12: the run-in entry starts there, past the page number 30
    ls, pages = _paged("  【概况】 甲乙丙丁。【综述】 戊己。", [(12, 30)])
    assert pages == {"概况": [29], "综述": [30], "交通": [30]}
    assert ls[2].page == 30  # the lines after it are on page 30 too


def test_a_page_number_after_the_start_of_a_run_in_entry_is_no_page_of_its_opening():
    _, pages = _paged("  【概况】 甲乙丙丁。【综述】 戊己。", [(13, 30)])
    assert pages["综述"] == [29]
    _, pages = _paged("【概况】 甲乙丙丁。【综述】 戊己。【水务】 庚。", [(10, 30), (17, 31)])
    assert (pages["概况"], pages["综述"], pages["水务"]) == ([29], [30], [31])


def test_lines_without_text_or_only_a_page_marker_open_nothing():
    volume = parse_yearbook(SPEC, [Line("【概况】 甲。", "b.txt", 1), Line("   ", "b.txt", 2),
                                   Line("页", "b.txt", 3, "page", page=5), Line("续。", "b.txt", 4)], [])
    [entry] = [e for _, _, e in volume.entries()]
    assert entry.text == "甲。\n续。"
    assert entry.blocks[-1].line == 4 and entry.file == "b.txt"


def test_without_page_markers_the_volume_says_so():
    volume, _ = _parse(["【概况】 甲。"])
    assert volume.printed_pages is False


def test_the_bracket_titles_check_counts_are_every_entry_opening_but_a_records_field_labels():
    texts = ["【概况】 全县。【双拥 共建】 开展活动。", "【作者】某编委会", "【成文日期】2018-12-01",
             "正文提到【注】一处。", "【交通】 修路。"]
    volume, _ = _parse(texts)
    assert volume.bracket_titles == ["概况", "双拥共建", "交通"]


def test_a_blank_line_or_a_page_marker_before_the_english_subtitle_does_not_hide_it():
    ls = lines(["目 录", "政务 1", "\x00part-break", "政务", "", "Government Affairs", "综述", "【概况】 全县。"])
    ls.insert(4, Line("", "book.txt", 99, "page", page=3))
    _, audit = parse_yearbook(SPEC, ls, []), None
    volume = parse_yearbook(SPEC, ls, audit := [])
    assert [r.before for r in audit if r.kind == "part-subtitle"] == ["Government Affairs"]
    assert [(c.title, e.title) for _, c, e in volume.entries()] == [("综述", "概况")]


def test_a_part_with_only_its_title_is_an_empty_part():
    volume, audit = _parse(["目 录", "政务 1\t城乡建设管理 2", "\x00part-break", "政务", "\x00part-break", "城乡建设管理",
                            "【概况】 甲。"])
    assert [p.title for p in volume.parts] == ["政务", "城乡建设管理"]
    assert not [r for r in audit if r.kind == "part-subtitle"]


def _chapters(texts):
    volume, _ = _parse(texts)
    return [c.title for p in volume.parts for c in p.chapters]


def test_a_chronicle_needs_a_month_line():
    assert "1月" not in _chapters(["3日 甲。", "4日 乙。", "5日 丙。", "6日 丁。"])


def test_a_chronicle_needs_three_dated_lines():
    assert _chapters(["1月", "3日 甲。", "4日 乙。"]) != ["1月"]
    assert _chapters(["1月", "3日 甲。", "4日 乙。", "5日 丙。"]) == ["1月"]


def test_a_chronicle_needs_two_lines_in_five_dated():
    dated = ["1月", "3日 甲。", "4日 乙。", "5日 丙。", "6日 丁。"]
    assert _chapters(dated + ["续一。"] * 5) == ["1月"]  # 4 dated of 10 lines
    assert "1月" not in _chapters(dated + ["续一。"] * 6)  # 4 of 11


def test_a_bare_number_after_a_month_line_is_read_in_sequence():
    # 3 after 5月 is no month; read with no month in force it would be one
    chapters = _chapters(["5月", "3日 甲。", "3", "8  乙。", "9日 丙。", "10日 丁。"])
    assert chapters == ["5月"]


def test_a_scraped_pages_byline_comes_after_the_front_matter():
    volume, _ = _parse(["封面题字", "目 录", "政务 1", "2030-05-06 来源：某县城管委", "【概况】 全县。"], {3: "web-meta"})
    assert [b.text for b in volume.front_matter] == ["封面题字", "目录", "政务 1", "2030-05-06 来源：某县城管委"]


def test_a_credit_right_after_a_front_heading_is_a_paragraph_a_second_credit_joins_the_caption():
    volume, _ = _parse(["编辑说明", "（县农业局提供）", "3月2日,全县春耕", "（张三）", "（李四）", "封面题字"] + TOC,
                       {1: "credit", 3: "credit", 4: "credit"})
    assert [(b.kind, b.text) for b in volume.front_matter][:5] == [
        ("h", "编辑说明"), ("p", "（县农业局提供）"), ("h", "彩页图片"), ("caption", "3月2日,全县春耕 （张三） （李四）"),
        ("p", "封面题字")]


def test_the_caption_and_continuation_lengths_are_bounded():
    dated119 = "3月2日,全县春耕" + "甲" * 110  # 119 characters: a caption
    dated120 = "3月3日,全县春耕" + "甲" * 111  # 120: a paragraph
    volume, _ = _parse([dated119, dated120] + TOC)
    assert [b.kind for b in volume.front_matter][:3] == ["h", "caption", "p"]
    tail39 = "（" + "乙" * 37 + "）"
    tail40 = "（" + "乙" * 38 + "）"
    volume, _ = _parse(["3月2日,全县春耕", tail39, "3月3日,全县春耕", tail40] + TOC)
    assert [(b.kind, b.text) for b in volume.front_matter][1:4] == [
        ("caption", "3月2日,全县春耕" + tail39), ("caption", "3月3日,全县春耕"), ("p", tail40)]
