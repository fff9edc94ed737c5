"""A scraped page's header and footer (repair/webpage.py), line by line: which
lines the reader loses (each audited), which become the document's title and
byline, and which stay because their shape or place says they are the report's.
"""
from __future__ import annotations

import pytest

from build_scripts.model import Line
from build_scripts.repair.webpage import furniture_shaped, is_byline, strip_web_furniture

HEADER = "web-page header before the title (navigation, clock, image placeholders)"
FOOTER = "web-page footer (filing numbers, copyright, site badges)"


def _strip(*texts, kinds=None):
    lines = [Line(t, "a.txt", i + 1, (kinds or {}).get(i, "text")) for i, t in enumerate(texts)]
    audit: list = []
    out = strip_web_furniture(lines, audit)
    assert all(r.kind == "web-boilerplate" and r.after == "" for r in audit)
    return [(l.text, l.kind, l.lineno) for l in out], [(r.before, r.reason, r.line) for r in audit]


def test_a_whole_page_loses_its_header_and_footer_and_marks_title_and_byline():
    out, removed = _strip("首页", "今天是2099年3月4日", "通报标题", "2099-03-04 15:25 来源：某委", "通报标题", "2099-03-04",
                          "来源：某委", "正文一句。", "京ICP备12345号", "网站标识码：1100000001", "主办单位 某委")
    assert out == [("通报标题", "web-title", 3), ("2099-03-04 15:25 来源：某委", "web-meta", 4), ("通报标题", "web-meta", 5),
                   ("2099-03-04", "web-meta", 6), ("来源：某委", "web-meta", 7), ("正文一句。", "text", 8)]
    assert removed == [("首页", HEADER, 1), ("今天是2099年3月4日", HEADER, 2), ("京ICP备12345号", FOOTER, 9),
                       ("网站标识码：1100000001", FOOTER, 10), ("主办单位 某委", FOOTER, 11)]


def test_a_date_with_its_source_on_the_next_line_is_a_byline():
    out, removed = _strip("首页", "标题", "2099-03-04", "来源：某委", "正文。")
    assert [o[1] for o in out] == ["web-title", "web-meta", "web-meta", "text"] and removed == [("首页", HEADER, 1)]


@pytest.mark.parametrize("texts", [
    ("首页", "标题", "2099-03-04", "正文。"),  # a bare date: a signature's, not a web page's
    ("首页", "标题。", "2099-03-04 10:00", "正文。"),  # a title never ends a sentence
    ("首页", "标题：", "2099-03-04 10:00", "正文。"),
    ("欢迎访问，请登录", "标题", "2099-03-04 10:00", "正文。"),  # a sentence above: no header
])
def test_what_does_not_open_like_a_web_page_is_left_whole(texts):
    out, removed = _strip(*texts)
    assert [o[0] for o in out] == list(texts) and {o[1] for o in out} == {"text"} and removed == []


def test_the_byline_is_looked_for_in_the_first_twelve_lines_only():
    menu = [f"栏目{i}" for i in range(10)]
    assert _strip(*menu, "标题", "2099-03-04 10:00", "正文。")[1] != []  # byline is the 12th line
    assert _strip(*menu, "栏目10", "标题", "2099-03-04 10:00", "正文。")[1] == []  # the 13th


def test_a_footer_runs_from_its_anchor_to_the_end_and_up_over_short_lines():
    out, removed = _strip("正文第一句。", "正文。", "关于我们", "版权所有 某委", "联系我们")
    assert [o[0] for o in out] == ["正文第一句。", "正文。"]
    assert [r[0] for r in removed] == ["关于我们", "版权所有 某委", "联系我们"]


@pytest.mark.parametrize("end", ["2099年3月4日", "一、联系方式", "（二）附件"])
def test_a_footer_stops_at_the_documents_signature_date_or_numbered_heading(end):
    out, removed = _strip("正文。", end, "关于我们", "©某委")
    assert [o[0] for o in out] == ["正文。", end] and [r[0] for r in removed] == ["关于我们", "©某委"]


def test_a_footer_never_reaches_over_a_line_that_is_no_text():
    out, removed = _strip("正文。", "标题", "关于我们", "©某委", kinds={1: "heading"})
    assert [r[0] for r in removed] == ["关于我们", "©某委"]


def test_a_footer_anchor_with_a_sentence_after_it_is_no_footer():
    assert _strip("正文第一句。", "关于我们", "Copyright 2099", "正文又一句。")[1] == []
    assert _strip("正文。", "本站ICP备案号为京ICP备12345号。")[1] == []  # a sentence holding a filing number


def test_a_footer_is_found_only_among_the_last_twelve_lines():
    body = [f"第{i}句。" for i in range(3)]
    assert _strip(*body, "京ICP备12345号", *[f"链接{i}" for i in range(11)])[1] != []
    assert _strip(*body, "京ICP备12345号", *[f"链接{i}" for i in range(12)])[1] == []


@pytest.mark.parametrize("text,following,byline", [
    ("2099-03-04", "", False), ("2099-03-04", "来源: 某委", True), ("2099/3/4 9:05", "", True),
    ("2099.3.4 来源：某委", "", True), ("2099-03-04 09:05:33", "", True), ("发布于2099-03-04 10:00", "", False),
])
def test_a_web_pages_byline_is_a_date_with_a_time_or_a_source(text, following, byline):
    assert is_byline(text, following) is byline


def test_furniture_is_at_most_forty_characters_and_no_sentence():
    assert furniture_shaped("栏" * 40) and not furniture_shaped("栏" * 41)
    assert not furniture_shaped("无障碍,") and not furniture_shaped("首页；")


# --- what the first run of mutants showed untested ------------------------------------------

def test_a_page_opening_with_its_title_has_no_header_to_remove():
    out, removed = _strip("通报标题", "2099-03-04 15:25", "正文。")
    assert out == [("通报标题", "web-title", 1), ("2099-03-04 15:25", "web-meta", 2), ("正文。", "text", 3)]
    assert removed == []


def test_a_title_ending_with_a_half_width_colon_is_no_title():
    assert _strip("首页", "各单位:", "2099-03-04 10:00", "正文。")[1] == []


def test_running_heads_between_menu_lines_do_not_count_as_lines():
    lines = [Line(t, "a.txt", i + 1, k) for i, (t, k) in enumerate(
        [("首页", "text"), ("某某年鉴 2099", "break"), ("标题", "text"), ("2099-03-04 10:00", "text"), ("正文。", "text")])]
    out = strip_web_furniture(lines, [])
    assert [(l.text, l.kind, l.file) for l in out] == [("某某年鉴 2099", "break", "a.txt"), ("标题", "web-title", "a.txt"),
                                                       ("2099-03-04 10:00", "web-meta", "a.txt"), ("正文。", "text", "a.txt")]


def test_each_kind_of_web_furniture_says_why_it_went():
    _, removed = _strip("通报标题", "2099-03-04 15:25 来源：某委", "分享到", "正文一句。", "http://www.x.gov.cn/a/b.html",
                        "|||", "正文二句。")
    assert removed == [("分享到", "web-page controls beside the byline (share, font size, print)", 3),
                       ("http://www.x.gov.cn/a/b.html", "the page's own web address on a line of its own", 5),
                       ("|||", "a line of the page layout's table rules (|) only", 6)]
    _, removed = _strip("您的当前位置：首页 > 新闻动态", "某局工作总结", "一、主要工作", "正文一句。")
    assert removed == [("您的当前位置：首页 > 新闻动态", "web-page breadcrumb (您的当前位置：…) at the top of the page", 1)]
