"""大事记 month and day lines read one by one (structure/special): which line
opens a month, which date a day line gives, and the title (the anchor a
citation points to) every kind of event line gets."""
import pytest

from build_scripts.model import Part
from build_scripts.structure.special import bare_day, month_at, parse_chronicle

from structure_fixtures import lines


@pytest.mark.parametrize("text, date", [
    ("9  招商局物流中心落户。", "9日"),
    ("1  元旦活动。", "1日"),
    ("31  年终总结。", "31日"),
    ("05  活动。", "5日"),
    ("57  活动。", "5—7日"),
    ("39 活动。", "3—9日"),
])
def test_a_day_that_lost_its_day_sign_gives_its_date(text, date):
    assert bare_day(text) == date


@pytest.mark.parametrize("text", ["75  活动。", "32  活动。", "33  活动。", "0  活动。", "00  活动。", "9日 活动。", "9", "9  12"])
def test_a_number_that_is_no_day_gives_no_date(text):
    assert bare_day(text) is None


def _months(texts, month):
    ls = lines(texts)
    return [month_at(ls, i, month) for i in range(len(ls))]


def test_month_lines_in_figures_and_words_open_their_month_whatever_came_before():
    assert _months(["3月", "三月", "12 月", "十二月", "一月"], 11) == [3, 3, 12, 12, 1]


def test_months_out_of_range_open_nothing():
    assert _months(["13月", "十三月", "0月", "二十月"], None) == [None, None, None, None]


def test_a_bare_number_is_a_month_only_after_a_smaller_month_and_over_a_day_line():
    texts = ["4", "9  事件。", "12", "5日 事件。", "13", "5日 事件。", "6", "事件。"]
    assert _months(texts, 3) == [4, None, 12, None, None, None, None, None]
    assert _months(texts, 4)[0] is None  # not greater than the month in force
    assert _months(texts, None)[:3] == [4, None, 12]  # a first month


def test_a_bare_number_on_the_last_line_is_no_month():
    assert _months(["事件。", "4"], 3) == [None, None]


def _chronicle(texts, title="大事记"):
    part = Part(title=title)
    parse_chronicle(part, lines(texts))
    return part, [(c.title, e.title, e.text) for c in part.chapters for e in c.entries]


def test_every_kind_of_day_line_gets_its_title():
    _, events = _chronicle([
        "1月", "3日 甲。", "上旬 乙。", "3日至5日 丙。", "△丁。", "同日 戊。", "是日 己。",
        "2月", "△庚。", "同日 辛。", "月内 壬。", "57  癸。", "同日 子。", "9  丑。", "续行。",
        "3月", "2－4日 寅。", "△卯。",
    ])
    assert [(c, t) for c, t, _ in events] == [
        ("1月", "1月3日"), ("1月", "1月上旬"), ("1月", "1月3日"), ("1月", "1月3日"), ("1月", "1月3日"),
        ("1月", "1月3日"),
        ("2月", "2月"), ("2月", "2月同日"), ("2月", "2月月内"), ("2月", "2月5—7日"), ("2月", "2月同日"),
        ("2月", "2月9日"),
        ("3月", "3月2－4日"), ("3月", "3月2日"),  # a range gives its first day to a further event
    ]
    # each event keeps its line as printed; a line of no date continues the event before
    assert events[11][2] == "9  丑。\n续行。"
    assert events[0][2] == "3日 甲。"


def test_a_range_keeps_its_dash_and_loses_its_spaces():
    _, events = _chronicle(["5月", "22 － 26 日 举办运动会。"])
    assert events[0][1] == "5月22－26日"


def test_a_new_month_forgets_the_day_of_the_last():
    _, events = _chronicle(["1月", "30日 甲。", "2月", "同日 乙。", "是日 丙。"])
    assert [t for _, t, _ in events] == ["1月30日", "2月同日", "2月是日"]


def test_a_day_range_that_lost_its_dash_leaves_no_day_for_the_same_day():
    _, events = _chronicle(["4月", "8日 甲。", "57  乙。", "同日 丙。"])
    assert [t for _, t, _ in events] == ["4月8日", "4月5—7日", "4月同日"]


def test_text_before_the_first_month_stays_in_the_part_and_no_day_is_read_there():
    part, events = _chronicle(["说明文字。", "9  无月份的编号行。", "1月", "3日 甲。"])
    assert events[0] == (None, "大事记", "说明文字。\n9  无月份的编号行。")
    assert events[1][:2] == ("1月", "1月3日")
    assert [c.title for c in part.chapters] == [None, "1月"]


def test_lines_after_a_month_before_its_first_event_are_its_text():
    _, events = _chronicle(["6月", "全月工作综述。"])
    assert events == [("6月", "6月", "全月工作综述。")]


# --- added after the mutation run (0752cf2) ---------------------------------------

def test_each_event_is_a_paragraph_at_its_own_line():
    part, _ = _chronicle(["1月", "3日 甲。", "9  乙。", "续行。"])
    blocks = [(b.kind, b.line) for c in part.chapters for e in c.entries for b in e.blocks]
    assert blocks == [("p", 2), ("p", 3), ("p", 4)]


def test_the_same_day_after_a_day_that_lost_its_day_sign_is_that_day():
    _, events = _chronicle(["1月", "3日 甲。", "9  乙。", "同日 丙。"])
    assert [t for _, t, _ in events] == ["1月3日", "1月9日", "1月9日"]
