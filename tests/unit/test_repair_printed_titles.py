"""A title too long for one printed line, in a text set line per printed line
(repair/printed_lines.py): its printed lines are one title, never the tail
of the paragraph before it."""
from build_scripts.model import Line
from build_scripts.repair import repair

TEXT = ("2023年，全区坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，"
        "全年地区生产总值增长4.4%，一般公共预算收入完成63.8亿元。")
# a paragraph whose last printed line is full and ends its sentence
FULL = TEXT[:65] + "。"
TITLE = "以三个向前推动统一战线主动融进高质量发展主战场"  # 23 characters: one printed line and a bit


def _printed(text, width=22):
    return [text[i : i + width] for i in range(0, len(text), width)]


def _run(texts):
    out, _ = repair([Line(t, "b.txt", i + 1) for i, t in enumerate(texts)])
    return [l.text for l in out if l.text]


def test_a_title_wrapped_over_two_printed_lines_after_a_paragraph_is_its_own_line():
    given = []
    for k in range(4):
        given += _printed(FULL) + _printed(TITLE) + _printed(TEXT)
    out = _run(given)
    assert out.count(TITLE) == 4 and out.count(FULL) == 4 and out.count(TEXT) == 4


def test_running_text_without_a_full_stop_still_carries_on():
    """Two printed lines holding a comma are running text, not a title."""
    tail = "全年新建改造提升城市道路十二条，总长二十余公里"
    given = (_printed(FULL) + _printed(tail) + _printed(TEXT)) * 4
    out = _run(given)
    assert out.count(FULL + tail) == 4


def test_a_name_list_after_a_bracketed_note_carries_on():
    """A list of names wraps like a title (no ， or 。), but it follows a
    list item's "(女)", not a finished sentence."""
    names = "孟广学、姚丽红、季学欣、吕金云、王海兰、李桂敏、王雪萌、杨伟云、姜昊"
    first = "吕金云(女) 王海兰(女) 李桂敏(女) 王春红(女)"  # 22 columns wide as printed: full
    given = ([first] + _printed(names) + _printed(TEXT)) * 4
    out = _run(given)
    assert sum(o.startswith(first.replace(" ", "")[:3]) and names in o.replace(" ", "") for o in out) == 4


def test_a_biography_opens_its_own_paragraph_after_a_title_that_filled_its_lines():
    """人物: a list title as long as two printed lines, then "孙某某，男，…"."""
    # 44 characters: exactly two full printed lines, so nothing short ends the title
    title = "荣获二等功以上奖励的退役军人和获得省部级战区级或者二级以上表彰的退役军人事迹补遗名录汇编"
    bio = "孙某某，男，汉族，天津人，中共党员，1985年参加对越自卫反击战立个人二等功。"
    given = (_printed(TEXT) + ["博士后人员名单"] + _printed(title) + _printed(bio)) * 4
    out = _run(given)
    assert out.count(title) == 4 and out.count(bio) == 4
