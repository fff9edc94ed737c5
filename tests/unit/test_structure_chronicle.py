"""大事记 of any size and style (structure/special.parse_chronicle and the
yearbook parser's test for one): month lines as 3月, 三月 or a bare number,
days as 6日, ranges, 是月/同日, △ ☆ ● marks, days that lost their 日."""
import pytest

from build_scripts.model import Line, VolumeSpec
from build_scripts.repair import repair
from build_scripts.structure.yearbook import parse_yearbook

SPEC = VolumeSpec(id="x", title="某县年鉴", year=2031, kind="yearbook", publisher="p", sources=())


def _events(texts):
    lines, audit = repair([Line(t, "b.txt", i + 1) for i, t in enumerate(texts)])
    volume = parse_yearbook(SPEC, lines, audit)
    return [(c.title, e.title, e.text) for _, c, e in volume.entries() if e.title != SPEC.title]


def test_month_lines_in_words_open_their_month():
    events = _events(["一月", "3日 县委召开全会。", "5日 县政府召开常务会议。", "十二月", "20日 召开县人代会。"])
    assert [(c, t) for c, t, _ in events] == [("1月", "1月3日"), ("1月", "1月5日"), ("12月", "12月20日")]


@pytest.mark.parametrize("dash", ["—", "－", "~", "～", "-"])
def test_a_day_range_in_any_dash_is_one_event(dash):
    events = _events(["5月", f"22{dash}26日 举办县运动会。", "27日 召开表彰会。", "28日 召开总结会。"])
    assert events[0][1] == f"5月22{dash}26日" and events[0][2] == f"22{dash}26日 举办县运动会。"


@pytest.mark.parametrize("mark", ["△", "☆", "●", "▲"])
def test_a_marked_event_is_a_further_event_of_the_day_before(mark):
    events = _events(["6月", "8日 县委召开常委会。", f"{mark}县政府召开防汛会议。", "9日 召开县人代会。"])
    assert [t for _, t, _ in events] == ["6月8日", "6月8日", "6月9日"]
    assert events[1][2].endswith("县政府召开防汛会议。")


def test_the_same_day_and_the_whole_month():
    events = _events(["7月", "1日 召开党员大会。", "同日 县长调研。", "是月 全县开展植树活动。"])
    assert [t for _, t, _ in events] == ["7月1日", "7月1日", "7月是月"]


def test_bare_month_numbers_and_days_that_lost_their_day_sign():
    """The 通州 page's shape: months as bare numbers, days without 日."""
    events = _events(["1", "9  招商局物流中心落户物流基地。", "17  农村商业银行支行揭牌。", "2",
                      "8  市长到宋庄镇调研。", "15  副市长调研新城建设。"])
    assert [(c, t) for c, t, _ in events] == [("1月", "1月9日"), ("1月", "1月17日"), ("2月", "2月8日"), ("2月", "2月15日")]


def test_a_bare_number_out_of_sequence_is_not_a_month():
    """After 5月 a bare 3 over an event is a day of May, not a month."""
    events = _events(["5月", "3日 召开全会。", "3", "8  召开大会。", "9日 召开常务会议。"])
    assert {c for c, _, _ in events} == {"5月"}


def test_numbered_lines_without_months_are_not_a_chronicle():
    """Bare numbers before text are a list, not days, where nothing is a month."""
    events = _events(["概况", "1  全县有学校40所。", "2  全县有医院12家。", "3  全县有图书馆1个。"])
    assert not any(t.endswith("日") for _, t, _ in events)
