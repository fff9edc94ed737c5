"""The repair stage, one rule at a time, on small texts in the shape of a
yearbook's PDF-to-text extraction and of a scraped web page."""
from __future__ import annotations

import collections
import re

from build_scripts.model import Line
from build_scripts.repair import PART_BREAK, REPAIRS, repair
from build_scripts.repair import wrap
from build_scripts.repair.punctuation import curly_quotes, fullwidth_punctuation
from _wrapped import BODY, wrapped_paragraph

CJK = re.compile("[\u4e00-\u9fff]")


def lines_of(*texts: str, file: str = "book.txt") -> list[Line]:
    return [Line(t, file, i) for i, t in enumerate(texts, 1)]


def run(*texts: str):
    out, audit = repair(lines_of(*texts))
    return out, audit


def texts(out) -> list[str]:
    return [l.text for l in out if l.text]


def kinds(audit) -> collections.Counter:
    return collections.Counter(r.kind for r in audit)


# --- markup -----------------------------------------------------------------

def test_html_tags_are_removed_and_their_text_kept():
    out, audit = run("9月，团区委组织基层团干部赴北<mark>京开展专题培训。</mark>")
    assert texts(out) == ["9月，团区委组织基层团干部赴北京开展专题培训。"]
    assert kinds(audit)["html-tag"] == 2


def test_a_literal_angle_bracket_is_not_a_tag():
    out, _ = run("指标 a<b 且 c>d 时成立。")
    assert texts(out) == ["指标 a<b 且 c>d 时成立。"]


def test_markdown_bold_pair_is_removed_and_its_text_kept():
    out, audit = run("全年组织学习60余篇。**二是扎实开展理论普及。**充分发挥带动作用。")
    assert texts(out) == ["全年组织学习60余篇。二是扎实开展理论普及。充分发挥带动作用。"]
    assert [(r.kind, r.after) for r in audit] == [("markdown-emphasis", "二是扎实开展理论普及。")]


def test_a_lone_double_asterisk_is_not_emphasis():
    out, _ = run("注：标 ** 者为新设单位。")
    assert texts(out) == ["注：标 ** 者为新设单位。"]


def test_cms_marker_inside_a_word_is_removed():
    out, audit = run("推进城市##paidbegin##管理工作。")
    assert texts(out) == ["推进城市管理工作。"]
    assert audit[0].before == "##paidbegin##"


def test_nbsp_indent_is_trimmed_and_recorded():
    out, audit = run("\u00a0\u00a0一、总体情况")
    assert texts(out) == ["一、总体情况"]
    assert kinds(audit)["odd-space"] == 1


def test_stray_list_marker_is_removed_but_a_minus_sign_stays():
    out, _ = run("- 一、本书是资料工具书。", "-5℃以下停止施工。")
    assert texts(out) == ["一、本书是资料工具书。", "-5℃以下停止施工。"]


# --- wrap spaces ------------------------------------------------------------



def test_spaces_at_the_column_width_are_removed():
    paragraphs = [wrapped_paragraph(BODY[k:] + BODY[:k]) for k in range(0, 60, 3)]
    out, audit = run(*paragraphs)
    assert all(" " not in t for t in texts(out))
    assert kinds(audit)["wrap-space"] == sum(p.count(" ") for p in paragraphs)


def test_deliberate_spaces_are_kept():
    paragraphs = [wrapped_paragraph(BODY[k:] + BODY[:k]) for k in range(0, 60, 3)]
    keep = [
        "副主任：姚 莉 孟冬梅 李 东",  # name list
        "政法 综治",  # two-part heading
        "中共河西区委书记 李学义",  # 职务 姓名
        # two joint names inside a sentence, far from any column position
        "全书设置特载、专文、区情概览、中共河西区纪律检查委员会 河西区监察委员会、民主党派 工商联、群众团体等篇。",
        "开展活动 12 次，参加 300 人次。",  # spaces around numbers
    ]
    out, _ = run(*paragraphs, *keep)
    assert texts(out)[-len(keep):] == keep


def test_column_width_is_measured_from_the_text():
    paragraphs = [wrapped_paragraph(BODY[k:] + BODY[:k], column=24) for k in range(0, 60, 3)]
    assert wrap.column_width(lines_of(*paragraphs)).width in range(46, 51)


def test_a_caption_set_in_its_own_narrow_column_is_rejoined():
    out, _ = run("3月2日，召开河西区 统一战线主动融入经济建 设主战场动员会暨民营经 济发展促进大会 （区委统战部提供）")
    assert texts(out) == ["3月2日，召开河西区统一战线主动融入经济建设主战场动员会暨民营经济发展促进大会 （区委统战部提供）"]


def test_a_list_of_short_names_is_not_a_column():
    out, _ = run("王少华 王丽颖 于学斌 马骁骑 丁雨涵 王绍海")
    assert texts(out) == ["王少华 王丽颖 于学斌 马骁骑 丁雨涵 王绍海"]


# --- punctuation ------------------------------------------------------------

def test_half_width_marks_in_chinese_context_become_full_width():
    out, _ = run('委员:(按姓氏笔画为序)全年召开会议 33 次,研究事项;是否落实?')
    assert texts(out) == ["委员：（按姓氏笔画为序）全年召开会议 33 次，研究事项；是否落实？"]


def test_numbers_latin_and_urls_keep_their_marks():
    line = Line("", "f", 1)
    text = "投资 1,000 万元,12:30 开始,网址 http://www.tj.gov.cn/a,b 查询"
    out = fullwidth_punctuation(text, line, [])
    assert "1,000" in out and "12:30" in out and "http://www.tj.gov.cn/a,b" in out
    assert out.count("，") == 2


def test_parentheses_of_a_year_after_chinese_become_full_width_but_latin_ones_stay():
    line = Line("", "f", 1)
    assert fullwidth_punctuation("天津市河西年鉴(2024)", line, []) == "天津市河西年鉴（2024）"
    assert fullwidth_punctuation("ISBN 978 (pbk)", line, []) == "ISBN 978 (pbk)"


def test_straight_quotes_are_paired_into_chinese_quotes():
    out, audit = run('坚持"三个代表"重要思想和"1+10"实施方案。')
    assert texts(out) == ["坚持“三个代表”重要思想和“1+10”实施方案。"]
    assert kinds(audit)["half-width-quote"] == 4


def test_an_unpaired_quote_is_converted_by_context_and_flagged():
    audit = []
    assert curly_quotes('提出"建设经济强区', Line("", "f", 1), audit) == "提出“建设经济强区"
    assert audit[0].kind == "unpaired-quote"


def test_middle_dot_and_full_width_text_are_not_normalised():
    text = "财政·税务 人物·荣誉 ＡＢＣ１２３"
    out, audit = run(text)
    assert texts(out) == [text] and not audit


# --- captions and credits ---------------------------------------------------

def test_caption_with_credit_on_the_next_line_becomes_one_caption_line():
    out, _ = run("10月18日,组织参观市警示教育中心", "", "(民进河西区委会提供)")
    captions = [l for l in out if l.kind == "caption"]
    assert [l.text for l in captions] == ["10月18日，组织参观市警示教育中心 （民进河西区委会提供）"]
    assert not any("民进河西区委会提供" in l.text for l in out if l.kind != "caption")


def test_standalone_attributions_are_credits():
    out, _ = run("全年办理建议 179 件。", "", "(区委办公室提供)", "", "(王文振)")
    assert [l.text for l in out if l.kind == "credit"] == ["（区委办公室提供）", "（王文振）"]


def test_caption_glued_to_a_paragraph_is_split_off():
    out, _ = run("开展主题宣讲活动 30 余场。 4月4日,在纯真小学开展祭奠英烈活动 (区委宣传部提供)")
    assert [(l.kind, l.text) for l in out if l.text] == [
        ("text", "开展主题宣讲活动 30 余场。"),
        ("caption", "4月4日，在纯真小学开展祭奠英烈活动 （区委宣传部提供）"),
    ]


def test_a_dated_sentence_is_not_a_caption():
    out, _ = run("1月3日,区委召开全体会议,部署全年工作。")
    assert [l.kind for l in out if l.text] == ["text"]


# --- paragraphs -------------------------------------------------------------

def test_paragraph_cut_mid_sentence_is_rejoined():
    out, audit = run("【基层党建】 加强机关党建，推动区民政局、区教育局", "", "等单位完成换届。")
    assert texts(out) == ["【基层党建】 加强机关党建，推动区民政局、区教育局等单位完成换届。"]
    assert kinds(audit)["paragraph-join"] == 1


def test_paragraph_is_rejoined_across_a_photo_caption():
    out, _ = run(
        "充分借助新闻发布平台，围绕“十项行动”部署和重点工",
        "",
        "4月4日,在纯真小学开展祭奠英烈活动",
        "",
        "(区委宣传部提供)",
        "",
        "作安排，制定全年新闻发布计划。",
    )
    assert [(l.kind, l.text) for l in out if l.text] == [
        ("text", "充分借助新闻发布平台，围绕“十项行动”部署和重点工作安排，制定全年新闻发布计划。"),
        ("caption", "4月4日，在纯真小学开展祭奠英烈活动 （区委宣传部提供）"),
    ]


def test_headings_entries_and_complete_paragraphs_are_not_joined():
    given = [
        "一、加强党的领导，强化使命担当，为推进政治机关建设凝心铸魂",
        "常委会始终把政治建设摆在首位。",
        "全年共任免国家机关工作人员，提拔",
        "【公务员管理】 全面推进公务员选育管用工作。",
        "2023 年主要工作回顾",
    ]
    out, audit = run(*given)
    assert texts(out) == given
    assert not kinds(audit)["paragraph-join"]


# --- footnotes, OCR, running heads -----------------------------------------

def test_footnote_superscripts_are_kept():
    text = "认真落实“十项行动”和“1+10”实施方案¹，建成“无废细胞”¹¹80个。"
    out, _ = run(text)
    assert texts(out) == [text]


def test_digit_lookalike_in_a_number_column_is_repaired():
    rows = ["园名\t教工\t年级", "六一保育院\t16\t3", "蓝天幼儿园\t16\tက", "金湾幼儿园\t28\t2", "启明幼儿园\t42\t3"]
    out, audit = run(*rows)
    assert texts(out)[2] == "蓝天幼儿园\t16\t3"
    assert [r.kind for r in audit if r.kind == "ocr-digit"] == ["ocr-digit"]


def test_foreign_script_outside_a_number_column_is_kept_and_flagged():
    rows = ["园名\t教工", "Щ幼儿园\t16", "蓝天幼儿园\t16", "金湾幼儿园\t28"]
    out, audit = run(*rows)
    assert texts(out)[1] == "Щ幼儿园\t16"
    assert [(r.kind, r.before) for r in audit] == [("ocr-suspect", "Щ")]


def test_running_heads_become_break_lines():
    head = "天津市河西年鉴（2024）"
    given = []
    for k in range(5):
        given += [head, f"第{k}篇正文内容。"]
    out, audit = run(*given)
    assert [l.kind for l in out].count("break") == 5
    assert all(l.text == PART_BREAK for l in out if l.kind == "break")
    assert kinds(audit)["running-head"] == 5


# --- the registry and the accounting -----------------------------------------

def test_every_processor_is_registered_in_order():
    # page furniture first: a running head printed beside a page number is furniture, not a 篇 break
    assert list(REPAIRS)[:3] == ["page_furniture", "running_heads", "html_tags"]
    assert {"wrap_spaces", "punctuation", "captions", "paragraphs", "quotes", "table_digits"} <= set(REPAIRS)


def test_every_removed_character_is_in_the_audit():
    given = [
        "- 9月,团区委<u>组织</u>培训##paidbegin##活动 (团区委提供)",
        "常委会坚持围绕中心、服务大局，紧扣全区 中心工作和人民群众期盼",
        "",
        "，确保监督工作更有强度。",
    ]
    out, audit = run(*given)
    have = collections.Counter(CJK.findall("".join(l.text for l in out)))
    for r in audit:
        have.update(CJK.findall(r.before))
        have.subtract(CJK.findall(r.after))
    assert +have == collections.Counter(CJK.findall("".join(given)))


def test_cyrillic_twin_of_a_latin_index_letter_is_repaired():
    out, audit = run("В\t城市管理222", "Т\t推广经验做法\t261")
    assert texts(out) == ["B\t城市管理222", "T\t推广经验做法\t261"]
    assert [r.kind for r in audit] == ["ocr-letter", "ocr-letter"]


def test_katakana_middle_dot_becomes_the_chinese_interpunct():
    out, _ = run("开展“4・26”知识产权宣传周活动。")
    assert texts(out) == ["开展“4·26”知识产权宣传周活动。"]


def test_spaces_just_inside_quotation_marks_are_removed():
    out, audit = run('推动" 保交楼 "项目落实，开展"我们的节日"活动。')
    assert texts(out) == ["推动“保交楼”项目落实，开展“我们的节日”活动。"]
    assert kinds(audit)["quote-space"] == 2


def test_caption_opening_the_continuation_of_a_paragraph_is_lifted_out():
    out, _ = run(
        "持续推进绿色建筑，新建分类箱房，持",
        "",
        "6月8日,签订战略合作协议(程雯雯摄) 续推广装配式建筑。",
    )
    assert [(l.kind, l.text) for l in out if l.text] == [
        ("text", "持续推进绿色建筑，新建分类箱房，持续推广装配式建筑。"),
        ("caption", "6月8日，签订战略合作协议（程雯雯摄）"),
    ]


def test_attribution_glued_after_the_last_sentence_is_a_credit():
    out, _ = run("推进《条例》宣传的制度化、常态化。(区信访办提供)")
    assert [(l.kind, l.text) for l in out if l.text] == [
        ("text", "推进《条例》宣传的制度化、常态化。"),
        ("credit", "（区信访办提供）"),
    ]


def test_a_space_cutting_a_word_in_running_text_is_a_wrap():
    out, audit = run("全年开展手工物品制作等志愿服务活 动 164 场，服务时长 2000 小时。")
    assert texts(out) == ["全年开展手工物品制作等志愿服务活动 164 场，服务时长 2000 小时。"]
    assert "活动" in audit[0].reason


def test_a_space_between_two_phrases_of_a_slogan_stays():
    text = "对河西区“万名党员进社区 万名团员做公益”新时代文明实践活动进行表彰。"
    out, _ = run(text)
    assert texts(out) == [text]


def test_leading_empty_cells_of_a_table_row_are_kept():
    rows = ["园名\t书记\t教工\t年级", "六一保育院\t王\t16\t3", "\t\t72\tက", "金湾幼儿园\t李\t28\t2", "启明幼儿园\t张\t42\t3"]
    out, _ = run(*rows)
    assert texts(out)[2] == "\t\t72\t3"


def test_a_wrap_next_to_a_spaced_number_keeps_the_number_spacing():
    paragraphs = [wrapped_paragraph(BODY[k:] + BODY[:k]) for k in range(0, 60, 3)]
    cases = [
        # first printed line ends on a number spaced on its left: "完成 28 组"
        "常委会坚持围绕中心服务大局紧扣完成 28 组图片整理和配套录音的录制，服务全区。",
        # first printed line ends on a dash, the wrap space before the year
        "常委会坚持围绕中心服务大局做好《2017— 2021年河西区党史大事记》编写工作。",
    ]
    out, _ = run(*cases, *paragraphs)
    assert texts(out)[:2] == [
        "常委会坚持围绕中心服务大局紧扣完成 28 组图片整理和配套录音的录制，服务全区。",
        "常委会坚持围绕中心服务大局做好《2017—2021年河西区党史大事记》编写工作。",
    ]


def test_spaces_outside_quotation_marks_go_but_a_space_between_two_quotations_stays():
    out, _ = run('以组建 "乐活联盟" 为契机，获"5.8" "9.9"筹资优秀奖。')
    assert texts(out) == ["以组建“乐活联盟”为契机，获“5.8” “9.9”筹资优秀奖。"]


def test_a_byline_is_not_a_cut_paragraph():
    given = ["河西区委常委、区委组织部部长、区级机关工委书记 李洪喜", "习近平总书记指出，培养选拔优秀年轻干部是一件大事。"]
    out, _ = run(*given)
    assert texts(out) == given


def test_a_long_heading_with_enumeration_commas_is_not_a_cut_paragraph():
    given = [
        "荣获二等功以上奖励的退役军人和获得省部级、战区级或者二级以上表彰的退役军人事迹补遗",
        "孙长亭，男，汉族，天津人，中共党员，1983年11月入伍。",
    ]
    out, _ = run(*given)
    assert texts(out) == given
