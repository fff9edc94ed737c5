"""Web-page furniture is recognised by where it stands and by the shape of the
whole line (repair/webpage.py), never by a word report text can contain."""
from __future__ import annotations

from build_scripts.model import SourceSpec, VolumeSpec
from build_scripts.repair import repair
from build_scripts.structure.reports import parse_reports

from structure_fixtures import lines

SPEC = VolumeSpec(id="r", title="报告", year=2099, kind="reports", publisher="p", sources=(SourceSpec("a.txt"),))


def _document(texts):
    # Paragraphs apart, as reports are written (a line-per-line text is another shape).
    spaced = [t for text in texts for t in (text, "")]
    repaired, audit = repair(lines(spaced, "a.txt"))
    chapter = parse_reports(SPEC, [repaired], audit).parts[0].chapters[0]
    kept = [b.text for e in chapter.entries for b in e.blocks] + [e.title for e in chapter.entries]
    removed = [r.before for r in audit if r.kind == "web-boilerplate"]
    return chapter, kept, removed


REPORT = [
    "某区数据局2099年工作总结",
    "一、主要工作",
    "（一）推进政务网建设",
    "全年完成政务网改版。",
    "（二）无障碍设施改造",
    "改造盲道12公里。",
    "来源于群众反映的问题全部办结。",
    "党政机关带头节约用电",
    "二、附件说明",
    "附件",
    "1．项目清单",
]


def test_report_headings_and_lines_that_share_words_with_web_furniture_are_kept():
    chapter, kept, removed = _document(REPORT)
    assert removed == []
    for text in ["（一）推进政务网建设", "（二）无障碍设施改造", "来源于群众反映的问题全部办结。", "党政机关带头节约用电", "附件"]:
        assert text in kept, text
    assert chapter.title == "某区数据局2099年工作总结"


def test_a_notice_ending_with_a_date_keeps_its_body_and_title():
    notice = ["关于暂停供水的通知", "各居民：", "因管道检修，5月1日暂停供水。", "某某水务公司", "2099-05-01"]
    chapter, kept, removed = _document(notice)
    assert chapter.title == "关于暂停供水的通知"
    assert removed == []
    assert "因管道检修，5月1日暂停供水。" in kept and "某某水务公司" in kept and "2099-05-01" in kept


PAGE = [
    "头部背景图",
    "今天是2099年10月31日星期三",
    "简体| 繁體| 无障碍服务| 长者模式",
    "首页 > 政务公开",
    "某市城市管理委员会关于整改情况的通报",
    "2099-03-04 10:00 来源: 某市城市管理委员会",
    "某市城市管理委员会关于整改情况的通报",
    "2099-03-04 10:00",
    "来源: 某市城市管理委员会",
    "根据统一部署，现将整改情况通报如下。",
    "一、总体情况",
    "（一）推进政务网建设",
    "来源于群众反映的问题全部办结。",
    "附件",
    "1．整改清单",
    "某市城市管理委员会",
    "2099年3月4日",
    "附件",
    "党政机关",
    "网站标识码:1200000099 某ICP备10200891号-1 徽标 某公网安备 12010402000859号",
    "某市政务网",
    "版权所有:某市城市管理委员会办公室",
]


def test_a_scraped_page_loses_header_and_footer_by_position_and_keeps_its_text():
    chapter, kept, removed = _document(PAGE)
    assert chapter.title == "某市城市管理委员会关于整改情况的通报"
    assert chapter.meta == {"date": "2099-03-04", "publisher": "某市城市管理委员会"}
    assert removed[:4] == PAGE[:4]
    assert removed[-5:] == PAGE[-5:]
    # The body between them, with its own 附件 and signature, stays.
    for text in ["（一）推进政务网建设", "来源于群众反映的问题全部办结。", "附件", "1．整改清单", "某市城市管理委员会", "2099年3月4日"]:
        assert text in kept, text


def test_a_page_whose_top_lines_are_sentences_is_not_taken_for_a_web_page():
    texts = ["各单位：", "现将有关事项通知如下，请遵照执行。", "关于某事的通知", "2099-05-01 09:00", "一、工作要求", "按时完成。"]
    chapter, kept, removed = _document(texts)
    assert removed == [] and chapter.title == "各单位："


def test_footer_words_inside_the_text_are_not_a_footer():
    texts = ["某局工作总结", "一、主要工作", "版权所有人权益保护宣传周活动顺利举办。", "落实网站标识码管理要求，完成备案。", "二、下一步", "继续推进。"]
    _, kept, removed = _document(texts)
    assert removed == []
