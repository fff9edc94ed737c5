"""What the book says about itself while it is parsed (BookSignals): each
heading cleaned and repaired against the 目录/索引, and the printed page the
parse has reached — the median of the last five titles printed once, so one
misprinted page in the index does not throw it off."""
from build_scripts.model import Line
from build_scripts.structure.toc_index import parse_finding_aids
from build_scripts.structure.yearbook import BookSignals

from structure_fixtures import lines

INDEX = ["条目索引", "甲标题 10", "乙标题 11", "丙标题 12", "丁标题 300", "戊标题 13", "己标题 14", "庚标题 15",
         "综述 20、30", "概况 5", "概况 40", "道路养护管理 12", "道路养护管埋 90"]


def _signals():
    return BookSignals(index=parse_finding_aids(lines(INDEX)))


def _line(text):
    return Line(text, "b.txt", 1)


def test_the_page_reached_is_the_median_of_the_last_five_titles_printed_once():
    s = _signals()
    assert s.page is None
    s.heading("甲标题", _line("甲标题"))
    assert s.page == 10
    s.heading("乙标题", _line("乙标题"))
    assert s.page == 11  # of [10, 11], the upper middle
    s.heading("丁标题", _line("丁标题"))  # a misprint far ahead
    assert s.page == 11
    for t in ["丙标题", "戊标题", "己标题"]:
        s.heading(t, _line(t))
    assert s.seen == [10, 11, 300, 12, 13, 14]
    assert s.page == 13  # the last five: 11 300 12 13 14
    s.heading("庚标题", _line("庚标题"))
    assert s.page == 14  # 300 12 13 14 15


def test_a_title_with_several_pages_or_printed_twice_says_nothing_of_the_page():
    s = _signals()
    s.heading("甲标题", _line("甲标题"))
    s.heading("综述", _line("综述"))
    s.heading("概况", _line("概况"))
    s.heading("未知标题", _line("未知标题"))
    assert s.seen == [10] and s.page == 10


def test_a_heading_is_cleaned_of_its_typesetting_marks_and_repaired_and_audited():
    s = _signals()
    assert s.heading("·甲标题·", _line("·甲标题·")) == "甲标题"
    assert s.heading("◎乙标题", _line("◎乙标题")) == "乙标题"


def test_a_repair_never_makes_a_heading_into_a_sibling_the_part_prints():
    s = _signals()
    s.taken = {"道路养护管埋"}
    s.taken_entries = set()
    assert s.heading("道路养护管理", _line("道路养护管理")) == "道路养护管理"
    assert s.heading("道路养护管埋", _line("道路养护管埋")) == "道路养护管埋"
    # an entry's title is checked against the part's 【title】s, not its headings
    damaged = "道路养护管哩"
    s.taken_entries = {"道路养护管理"}
    assert s.heading(damaged, _line(damaged), entry=True) != "道路养护管理"


def test_known_titles_are_the_keys_of_the_finding_aids():
    s = _signals()
    assert {"甲标题", "综述", "概况"} <= s.known_titles
