"""Where each 篇 opens (structure/parts.py), line by line: which title line
opens which 篇, what the front matter keeps, which lines each 篇 holds — from
the 编辑说明's list, from running heads, or from 第X篇 shapes."""
from build_scripts.model import Line
from build_scripts.repair import PART_BREAK
from build_scripts.structure.parts import split_parts, title_key

BODY = "2030年，全市完成固定资产投资120亿元。"
NAMES = ["政务", "经济", "社会", "文化"]


def _lines(texts):
    return [Line(t, "b.txt", i + 1, "break" if t == PART_BREAK else "text") for i, t in enumerate(texts)]


def _split(texts, names=NAMES, body_start=0):
    front, parts = split_parts(_lines(texts), names, body_start)
    return [l.text for l in front], [(t, [l.text for l in ls]) for t, ls in parts]


def test_each_listed_name_opens_its_part_and_a_later_repeat_stays_text():
    front, parts = _split(["某市年鉴", "政务", BODY, "经济", "政务", BODY, "社会", BODY, "文化", BODY], body_start=1)
    assert front == ["某市年鉴"]
    assert parts == [("政务", [BODY]), ("经济", ["政务", BODY]), ("社会", [BODY]), ("文化", [BODY])]


def test_the_longest_run_in_the_listed_order_wins_over_a_stray_name_before_it():
    # 文化 printed first (a caption, a quotation): the run 政务 经济 社会 is the outline
    front, parts = _split(["文化", BODY, "政务", BODY, "经济", BODY, "社会", BODY])
    assert front == ["文化", BODY]
    assert [t for t, _ in parts] == ["政务", "经济", "社会"]


def test_two_listed_names_in_order_with_the_others_missing():
    front, parts = _split(["政务", BODY, "社会", BODY])
    assert parts == [("政务", [BODY]), ("社会", [BODY])]
    front, parts = _split(["社会", BODY, "政务", BODY])
    assert parts == [("社会", [BODY, "政务", BODY])]  # out of order: one part only


def test_a_title_split_over_two_lines_opens_its_part_without_its_lines():
    names = ["特载", "专文", "大事记"]
    front, parts = _split(["特载", BODY, "专", "文", BODY, "大事记", BODY], names)
    assert parts == [("特载", [BODY]), ("专文", [BODY]), ("大事记", [BODY])]


def test_a_blank_line_inside_a_split_title_is_skipped():
    names = ["特载", "专文", "大事记"]
    front, parts = _split(["特载", BODY, "专", "", "文", BODY, "大事记", BODY], names)
    assert [t for t, _ in parts] == ["特载", "专文", "大事记"]
    assert parts[1] == ("专文", [BODY])


def test_a_title_on_the_last_two_lines_still_opens_its_part():
    names = ["特载", "专文", "大事记"]
    front, parts = _split(["特载", BODY, "大事", "记"], names)
    assert parts == [("特载", [BODY]), ("大事记", [])]


def test_a_line_of_a_split_title_is_not_the_title_of_another_part():
    names = ["城乡建设", "社会", "建设"]
    front, parts = _split(["城乡", "建设", BODY, "社会", BODY], names)
    assert parts == [("城乡建设", [BODY]), ("社会", [BODY])]


def test_names_printed_before_the_body_do_not_open_parts():
    # the 目录 prints the 篇 names on lines of their own
    texts = ["目录", "政务", "经济", "社会", "文化", "编后记", "政务", BODY, "经济", BODY, "社会", BODY, "文化", BODY]
    front, parts = _split(texts, body_start=6)
    assert front == texts[:6]
    assert [t for t, _ in parts] == NAMES and all(ls == [BODY] for _, ls in parts)


def test_a_title_line_with_the_ordinal_and_a_colon_opens_its_part():
    # the book prints some titles 第2篇：经济; the colon is the ordinal's, not a sentence's
    front, parts = _split(["政务", BODY, "第二篇：经济", BODY, "社会", BODY, "第4篇：文化", BODY])
    assert [t for t, _ in parts] == NAMES


def test_a_title_of_thirty_characters_is_still_a_title():
    long_name = "经" * 30
    names = ["政务", long_name, "社会"]
    front, parts = _split(["政务", BODY, long_name, BODY, "社会", BODY], names)
    assert [t for t, _ in parts] == names
    names = ["政务", long_name + "济", "社会"]
    front, parts = _split(["政务", BODY, long_name + "济", BODY, "社会", BODY], names)
    assert [t for t, _ in parts] == ["政务", "社会"]


def test_running_heads_split_the_text_and_the_front_matter_is_what_comes_before():
    front, parts = _split(["某市年鉴", "目录", PART_BREAK, "政务", BODY, PART_BREAK, "经济", BODY])
    assert front == ["某市年鉴", "目录"]
    assert parts == [(None, ["政务", BODY]), (None, ["经济", BODY])]


def test_part_shaped_titles_without_a_list_open_parts_after_the_contents():
    texts = ["目录", "第一篇 政务 1", "第二篇 经济 20", "正文", "第一篇 政务", BODY, "第二篇 经济", BODY]
    front, parts = _split(texts, names=[], body_start=3)
    assert front == texts[:4]
    assert parts == [("政务", [BODY]), ("经济", [BODY])]


def test_a_text_that_is_all_front_matter_has_no_part():
    texts = ["某市年鉴", "编辑说明"]
    front, parts = _split(texts, names=[], body_start=2)
    assert front == texts and parts == []
    front, parts = _split(texts, names=[], body_start=1)
    assert front == ["某市年鉴"] and parts == [("", ["编辑说明"])]


def test_decoration_after_the_ordinal_or_before_an_english_subtitle_goes():
    assert title_key("第八篇 ·法治·") == "法治"
    assert title_key("·法治· Rule of Law") == "法治"
    assert title_key("◎ 法 治 ◎") == "法治"


def test_an_excerpt_holding_only_the_last_listed_parts_opens_each():
    # the 编辑说明 lists four 篇; the text holds the last two, one body line each
    front, parts = _split(["社会", BODY, "文化", BODY])
    assert parts == [("社会", [BODY]), ("文化", [BODY])]


def test_a_decorated_title_with_its_ordinal_and_a_colon_opens_its_part():
    front, parts = _split(["政务", BODY, "◎第二篇：经济◎", BODY, "社会", BODY, "文化", BODY])
    assert [t for t, _ in parts] == NAMES
