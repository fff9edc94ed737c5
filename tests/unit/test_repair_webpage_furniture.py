"""Web-page furniture in the shapes other sites print it (repair/webpage.py):
bylines of labelled fields in any order, the page's controls, breadcrumbs,
the page's own address, table rules — removed or set aside by the shape of
the whole line, audited, and never a sentence of the text."""
from build_scripts.model import Line
from build_scripts.repair import repair

BODY = "2030年，全县实现地区生产总值100亿元，比上年增长5%。"


def _repair(texts):
    lines, audit = repair([Line(t, "p.txt", i + 1) for i, t in enumerate(texts)])
    return [(l.kind, l.text) for l in lines if l.text.strip()], audit


def test_a_byline_of_labelled_fields_in_any_order_marks_the_page_title():
    for byline in ["来源:本室 日期:2019-11-27 11:17", "日期:2008-04-01    来源:通州区政府",
                   "某区人民政府 发布时间:2024-08-27", "发布时间：2024-08-27 来源：某区政府办"]:
        lines, _ = _repair(["某县概况", byline, BODY])
        assert [k for k, _ in lines] == ["web-title", "web-meta", "text"], byline


def test_a_sentence_holding_a_date_and_a_source_is_not_a_byline():
    lines, _ = _repair(["某县概况", "据统计局发布时间:2024-08-27的数据，全县人口增长。", BODY])
    assert [k for k, _ in lines] == ["text", "text", "text"]


def test_share_and_font_size_controls_under_the_byline_are_removed_and_audited():
    lines, audit = _repair(["某县大事记", "日期:2008-04-01 来源:某区政府", "分享:", "字号: 大 中 小", BODY])
    assert [t for _, t in lines][-1] == BODY and not any(t.startswith(("分享", "字号")) for _, t in lines)
    assert {r.before for r in audit if r.kind == "web-boilerplate"} == {"分享:", "字号: 大 中 小"}


def test_the_same_words_in_the_text_stay():
    """分享 and 字号 as words of a sentence, or with no byline above, are text."""
    lines, _ = _repair(["分享:", "经验分享会在县文化馆举行。", BODY])
    assert [t for _, t in lines][0].startswith("分享")


def test_a_breadcrumb_at_the_top_is_removed_but_not_below_the_text():
    lines, audit = _repair(["您的当前位置:", "农 业", BODY, "当前位置：首页 > 农业"])
    texts = [t for _, t in lines]
    assert "您的当前位置:" not in texts and texts[-1] == "当前位置：首页 > 农业"
    assert [r.before for r in audit if r.kind == "web-boilerplate"] == ["您的当前位置:"]


def test_the_page_address_and_table_rules_on_lines_of_their_own_are_removed():
    lines, audit = _repair(["人口民族", "Original URL: http://lib.example.cn/bin/mse.exe?K=cg5&A=11", "|", BODY, "||"])
    assert [t for _, t in lines] == ["人口民族", BODY]
    assert len([r for r in audit if r.kind == "web-boilerplate"]) == 3


def test_an_address_inside_a_sentence_stays():
    text = "网址：http://www.example.gov.cn，欢迎访问。"
    lines, _ = _repair([text, BODY])
    assert "example.gov.cn" in lines[0][1]


MASTHEAD = ["某省地方志资料归档", "某省地情档案", "省级地情数据库的公开镜像。 关于本站", "档案浏览器"]


def test_a_masthead_with_a_link_naming_the_site_is_removed_with_its_navigation_row():
    lines, audit = _repair(MASTHEAD + ["【人口】" + BODY])
    assert [t for _, t in lines] == ["【人口】" + BODY]
    assert [r.before for r in audit if r.kind == "web-boilerplate"] == MASTHEAD
    assert all("masthead" in r.reason for r in audit if r.kind == "web-boilerplate")


def test_without_a_link_naming_the_site_the_top_lines_stay():
    # a heading that merely looks like a navigation label, or a masthead-like
    # line under a sentence, is the book's own text
    for texts in (["档案查询", "【人口】" + BODY], ["首页", "档案浏览器", "【人口】" + BODY], ["某省地情档案", BODY, "关于本站", "【人口】" + BODY],
                  [BODY, "省级地情数据库的公开镜像。 首页", "【人口】" + BODY]):
        lines, audit = _repair(texts)
        assert [t for _, t in lines] == texts and not [r for r in audit if r.kind == "web-boilerplate"], texts


def test_a_masthead_never_reaches_past_the_first_entry():
    lines, _ = _repair(["某省地情档案 首页", "【人口】" + BODY, "档案浏览器", "关于本站"])
    assert [t for _, t in lines] == ["【人口】" + BODY, "档案浏览器", "关于本站"]
