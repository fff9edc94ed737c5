"""Parts without 【】 (特载, 专文, 人物·荣誉, 附录) line by line
(structure/special.parse_titled): which line opens an entry, which is a
byline, a section heading, a biography, a list, a table; and list lines that
ran into the next list's title are split at it."""
from types import SimpleNamespace

from build_scripts.model import Block, Entry, Line, Part
from build_scripts.structure.special import parse_titled, section_blocks, split_glued_titles
from build_scripts.structure.toc_index import parse_finding_aids

from structure_fixtures import lines


def _signals(index_lines=(), page=None, also_known=()):
    index = parse_finding_aids(lines(["条目索引"] + list(index_lines)))
    return SimpleNamespace(index=index, known_titles=index.keys | set(also_known), page=page, audit=[],
                           heading=lambda raw, line, entry=False: raw.strip())


def _titled(texts, index_lines=(), title="专文", page=None, ls=None, also_known=()):
    signals = _signals(index_lines, page, also_known)
    part = Part(title=title)
    parse_titled(part, ls if ls is not None else lines(texts), signals)
    return part, signals


def _entries(part):
    return [(e.section, e.title, [(b.kind, b.text) for b in e.blocks]) for c in part.chapters for e in c.entries]


# --- which line opens an entry ----------------------------------------------

def test_a_known_title_opens_an_entry_up_to_sixty_characters():
    long = "关于" + "甲" * 56 + "的报告"  # 61 characters
    title60 = long[1:]
    # (a cell of the printed index holds 60 characters at most: these are known from elsewhere)
    part, _ = _titled([title60, "正文。", long, "正文二。"], also_known=[title60, long])
    assert [t for _, t, _ in _entries(part)] == [title60]


def test_a_known_title_opens_no_entry_when_it_is_a_sentence_or_a_subtitle():
    part, _ = _titled(["区政府工作报告", "——区政府工作报告", "（区政府工作报告）", "区政府工作报告，正文。"],
                      ["区政府工作报告 5", "——区政府工作报告 5", "（区政府工作报告） 5", "区政府工作报告，正文。 5"])
    assert [t for _, t, _ in _entries(part)] == ["区政府工作报告"]


def test_a_known_title_far_from_the_page_reached_opens_no_entry():
    part, _ = _titled(["前言。", "年度工作回顾与展望", "正文。"], ["年度工作回顾与展望 300"], page=10)
    assert [t for _, t, _ in _entries(part)] == ["专文"]
    part, _ = _titled(["前言。", "年度工作回顾与展望", "正文。"], ["年度工作回顾与展望 12"], page=10)
    assert [t for _, t, _ in _entries(part)] == ["专文", "年度工作回顾与展望"]


def test_a_long_title_one_ocr_slip_from_a_known_one_opens_its_entry_a_short_one_does_not():
    part, _ = _titled(["前言。", "年度工作回顾与展朢", "正文。", "工作回頋", "正文二。"],
                      ["年度工作回顾与展望 5", "工作回顾 6"])
    assert [t for _, t, _ in _entries(part)] == ["专文", "年度工作回顾与展朢"]


def test_a_heading_shaped_line_over_a_subtitle_or_a_speaker_opens_an_entry():
    part, _ = _titled(["在全县大会上的讲话", "——2031年1月5日", "正文。", "县长在会上的发言", "县政府县长 王某某", "正文二。",
                       "另一个小标题", "正文三。"])
    assert [(t, [k for k, _ in b]) for _, t, b in _entries(part)] == [
        ("在全县大会上的讲话", ["byline", "p"]),
        ("县长在会上的发言", ["byline", "p", "h", "p"]),
    ]


def test_a_glossary_and_the_entry_index_open_entries_by_their_titles():
    part, _ = _titled(["前言。", "主要名词解释", "新质生产力：是指创新起主导作用的生产力。", "条目索引", "经济 5\t社会 6"],
                      title="附录")
    assert [t for _, t, _ in _entries(part)] == ["附录", "主要名词解释", "条目索引"]


def test_the_parts_own_title_line_opens_no_entry():
    part, _ = _titled(["专 文", "在全县大会上的讲话", "——2031年1月5日", "正文。"])
    assert [t for _, t, _ in _entries(part)][-1] == "在全县大会上的讲话"
    assert all(t != "专 文" for _, t, _ in _entries(part))


def test_everything_after_the_entry_index_heading_is_its_text():
    part, _ = _titled(["条目索引", "在全县大会上的讲话", "——2031年1月5日", "孙某某，男，汉族，1966年出生。", "经济 5\t社会 6"],
                      ["在全县大会上的讲话 5"], title="索引")
    [(_, title, blocks)] = _entries(part)
    assert title == "条目索引"
    assert "byline" not in [k for k, _ in blocks] and "h" not in [k for k, _ in blocks]


# --- bylines -------------------------------------------------------------------

def test_a_subtitle_and_a_speaker_right_under_the_title_are_its_byline():
    part, _ = _titled(["在全县大会上的讲话", "——2031年1月5日在县委全会上", "县委办公室主任 李某某", "同志们：", "今年工作很重要。"])
    [(_, _, blocks)] = _entries(part)
    assert blocks == [("byline", "——2031年1月5日在县委全会上"), ("byline", "县委办公室主任 李某某"), ("p", "同志们："),
                      ("p", "今年工作很重要。")]


def test_a_bare_name_is_a_byline_only_under_a_subtitle():
    part, _ = _titled(["在全县大会上的讲话", "——2031年1月5日", "李某某", "同志们，今年工作很重要。"])
    assert _entries(part)[0][2][:2] == [("byline", "——2031年1月5日"), ("byline", "李某某")]
    part, _ = _titled(["年度工作回顾与展望", "李某某", "同志们，今年工作很重要。"], ["年度工作回顾与展望 5"])
    assert _entries(part)[0][2][0] != ("byline", "李某某")


def test_a_short_office_and_a_name_is_no_byline():
    part, _ = _titled(["年度工作回顾与展望", "县长 王某某", "正文。"], ["年度工作回顾与展望 5"])
    assert _entries(part)[0][2][0][0] != "byline"
    part, _ = _titled(["年度工作回顾与展望", "县政府县长 王某某", "正文。"], ["年度工作回顾与展望 5"])
    assert _entries(part)[0][2][0] == ("byline", "县政府县长 王某某")


# --- biographies ---------------------------------------------------------------

def test_a_biography_under_a_list_title_with_text_keeps_the_list_titles_entry():
    part, _ = _titled(["先进事迹", "本节收录先进人物事迹。", "孙某某，男，汉族，1966年出生。", "钱某，天津人，1970年入伍。",
                       "荣立三等功。"], ["先进事迹 5"])
    assert [(s, t) for s, t, _ in _entries(part)] == [(None, "先进事迹"), ("先进事迹", "孙某某"), ("先进事迹", "钱某")]
    assert _entries(part)[2][2] == [("p", "钱某，天津人，1970年入伍。"), ("p", "荣立三等功。")]


def test_a_biography_before_any_entry_is_text():
    part, _ = _titled(["孙某某，男，汉族，1966年出生。"])
    assert [t for _, t, _ in _entries(part)] == ["专文"]


# --- section headings ------------------------------------------------------------

def _sections(texts):
    entry = Entry(title="专文")
    out = []
    for i, t in enumerate(texts):
        blocks = section_blocks(entry, Line(t, "f", i + 1))
        out.append([(b.kind, b.level, b.text, b.line) for b in blocks])
        entry.blocks.extend(blocks or [Block("p", t, i + 1)])
    return out


def test_a_numbered_heading_without_a_full_stop_is_a_heading_up_to_eighty_characters():
    h78 = "一、" + "甲" * 78
    h81 = "一、" + "甲" * 79
    assert _sections([h78, h81]) == [[("h", 1, h78, 1)], []]


def test_a_numbered_heading_run_into_its_paragraph_is_split_at_a_full_stop_within_sixty():
    at59 = "一、" + "甲" * 57 + "。"
    at61 = "一、" + "甲" * 59 + "。"
    assert _sections([at59 + "后文。", at61 + "后文。", "一、加强组织领导。"]) == [
        [("h", 1, at59, 1), ("p", 0, "后文。", 1)], [], []]


def test_a_line_ending_in_a_colon_is_no_heading():
    assert _sections(["主要工作：", "主要工作:"]) == [[], []]


def test_a_section_run_in_after_a_colon_is_split_off_unless_its_paragraph_follows():
    assert _sections(["抓好以下工作： 一、聚焦产业升级", "抓好以下工作： 一、聚焦产业。要做好"]) == [
        [("p", 0, "抓好以下工作：", 1), ("h", 1, "一、聚焦产业升级", 1)], []]


def test_numbered_headings_under_short_headings_go_one_level_down():
    assert _sections(["年度工作回顾", "一、经济", "（一）工业", "抓好以下工作： 二、社会"]) == [
        [("h", 1, "年度工作回顾", 1)], [("h", 2, "一、经济", 2)], [("h", 3, "（一）工业", 3)],
        [("p", 0, "抓好以下工作：", 4), ("h", 2, "二、社会", 4)]]


def test_short_headings_under_numbered_ones_go_one_level_down():
    assert _sections(["一、综合", "财政收入", "（一）收入", "二、社会"]) == [
        [("h", 1, "一、综合", 1)], [("h", 2, "财政收入", 2)], [("h", 2, "（一）收入", 3)], [("h", 1, "二、社会", 4)]]
    assert _sections(["（一）综合", "财政收入"])[1] == [("h", 2, "财政收入", 2)]


# --- lists and tables at the end -------------------------------------------------

def test_a_list_keeps_the_spaces_of_its_printed_line_and_tables_are_built():
    part, _ = _titled(["2030年县劳动模范", "董 悦 某某有限公司", "李四 赵五 某某实验学校", "学校\t电话", "一中\t123"], ["2030年县劳动模范 320"])
    entry = part.chapters[0].entries[0]
    assert [b.kind for b in entry.blocks] == ["list", "table"]
    assert entry.blocks[0].items == ["董悦 某某有限公司", "李四", "赵五 某某实验学校"]
    assert entry.blocks[1].rows == [["学校", "电话"], ["一中", "123"]]


def test_numbered_lines_are_never_a_list():
    part, _ = _titled(["主要任务", "一、产业升级", "二、城市更新"], ["主要任务 5"])
    assert [b.kind for b in part.chapters[0].entries[0].blocks] == ["h", "h"]


def test_table_headers_are_shared_by_the_entries_of_a_part():
    part, _ = _titled(["学校名录", "学校\t学生数\t校址", "一中\t800\t某路", "学校简况", "学校\t二中", "学生数\t900", "校址\t某街"],
                      ["学校名录 5", "学校简况 6"], title="附录")
    second = part.chapters[0].entries[-1]
    assert [b.kind for b in second.blocks] == ["note", "table"]
    assert second.blocks[1].rows[0] == ["项目", "内容"]


# --- glued titles ------------------------------------------------------------------

INDEX = ["2023年全国工人先锋号 320", "2023年全国五一巾帼标兵获得者 320", "天津市五一劳动奖章 321"]


def _split(texts):
    signals = _signals(INDEX)
    return [(l.text, l.lineno, l.kind, l.page) for l in split_glued_titles(texts, signals)]


def test_a_split_line_keeps_its_number_kind_and_page_in_both_halves():
    line = Line("某某电源股份有限公司数字电源班组 2023年全国五一巾帼标兵获得者", "b.txt", 7, "text", page=320)
    assert _split([line]) == [("某某电源股份有限公司数字电源班组", 7, "text", 320),
                              ("2023年全国五一巾帼标兵获得者", 7, "text", 320)]


def test_the_longest_known_title_at_the_line_end_is_split_off():
    line = Line("某某公司2023年全国五一巾帼标兵获得者", "b.txt", 1)
    assert [t for t, *_ in _split([line])] == ["某某公司", "2023年全国五一巾帼标兵获得者"]


def test_a_title_of_eight_characters_is_split_off_one_of_seven_is_not():
    signals = _signals(["天津市劳动模范 5", "天津市五一劳动奖章 6"])
    out = split_glued_titles([Line("王某某天津市劳动模范", "b", 1), Line("王某某天津市五一劳动奖章", "b", 2)], signals)
    assert [l.text for l in out] == ["王某某天津市劳动模范", "王某某", "天津市五一劳动奖章"]


def test_a_glued_title_one_slip_from_a_known_one_is_split_off():
    line = Line("某某公司2023年全国五一巾帼标兵获得着", "b.txt", 1)
    assert [t for t, *_ in _split([line])] == ["某某公司", "2023年全国五一巾帼标兵获得着"]
    lost = Line("某某公司2023年全国五一巾帼标兵获者", "b.txt", 1)
    assert [t for t, *_ in _split([lost])] == ["某某公司", "2023年全国五一巾帼标兵获者"]


def test_a_line_that_is_a_known_title_a_table_row_or_after_the_index_is_not_split():
    texts = [Line("2023年全国五一巾帼标兵获得者", "b", 1), Line("班组\t2023年全国工人先锋号", "b", 2),
             Line("条目索引", "b", 3), Line("某某班组2023年全国工人先锋号", "b", 4)]
    assert [t for t, *_ in _split(texts)] == ["2023年全国五一巾帼标兵获得者", "班组\t2023年全国工人先锋号", "条目索引",
                                             "某某班组2023年全国工人先锋号"]


# --- added after the mutation run (0752cf2) ---------------------------------------

def test_a_list_block_stands_at_the_line_of_its_first_name_and_reads_one_name_a_line():
    part, _ = _titled(["2030年县劳动模范", "王某 李某", "赵某某"], ["2030年县劳动模范 320"])
    [block] = part.chapters[0].entries[0].blocks
    assert (block.kind, block.line, block.text) == ("list", 2, "王某\n李某\n赵某某")


def test_a_damaged_table_in_a_titled_part_is_audited():
    part, signals = _titled(["学校名录", "学校\t年级", "一中\tက"], ["学校名录 5"], title="附录")
    assert [(r.kind, r.before) for r in signals.audit] == [("table-damaged-cell", "က")]


def test_a_list_title_with_a_heading_a_list_or_a_table_keeps_its_entry_before_biographies():
    for body in (["一、概述"], ["学校\t年级", "一中\t6"]):
        part, _ = _titled(["先进事迹"] + body + ["孙某某，男，汉族，1966年出生。"], ["先进事迹 5"])
        assert [t for _, t, _ in _entries(part)] == ["先进事迹", "孙某某"], body


def test_bylines_and_biography_paragraphs_keep_their_line_numbers():
    part, _ = _titled(["在全县大会上的讲话", "——2031年1月5日", "县委办公室主任 李某某", "同志们，今年工作很重要。",
                       "先进事迹", "孙某某，男，汉族，1966年出生。"], ["先进事迹 5"])
    lines_of = [(b.kind, b.line) for c in part.chapters for e in c.entries for b in e.blocks]
    assert lines_of == [("byline", 2), ("byline", 3), ("p", 4), ("p", 6)]
