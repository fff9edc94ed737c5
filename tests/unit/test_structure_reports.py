"""The reports volume: 一、 entries, （一）/(一)/1. sections, lead-ins kept,
a web page's title/date/publisher as chapter metadata."""
from build_scripts.model import SourceSpec, VolumeSpec
from build_scripts.repair.webpage import strip_web_furniture
from build_scripts.structure.reports import parse_reports

from structure_fixtures import lines

WEB = [
    "首页 > 政务公开",
    "某市城市管理委员会关于整改情况的通报",
    "2031-03-04 10:00 来源:某市城市管理委员会",
    "根据统一部署,现将整改情况通报如下。",
    "一、总体情况",
    "(一)提高政治站位,强化责任担当。委党组专题学习5次。",
    "1.关于学习不深入问题。一是组织专题学习,二是开展研讨。",
    "二、下一步工作",
    "一是持续抓好整改。二是建立长效机制。",
    "版权所有:某市城市管理委员会",
]


def _chapter(texts):
    """The chapter of one document, after the repair that marks a web page's
    title and byline and removes its furniture (repair/webpage.py)."""
    spec = VolumeSpec(id="r", title="报告", year=2031, kind="reports", publisher="p", sources=(SourceSpec("a.txt"),))
    audit = []
    marked = strip_web_furniture(lines(texts, "a.txt"), audit)
    volume = parse_reports(spec, [marked], audit)
    return volume.parts[0].chapters[0], audit


def test_web_page_title_date_and_publisher_become_metadata():
    chapter, audit = _chapter(WEB)
    assert chapter.title == "某市城市管理委员会关于整改情况的通报"
    assert chapter.meta == {"date": "2031-03-04", "publisher": "某市城市管理委员会"}
    assert {r.kind for r in audit} >= {"web-boilerplate", "web-metadata"}


def test_numbered_headings_nest_and_run_in_ones_are_split():
    chapter, _ = _chapter(WEB)
    first = chapter.entries[1]
    assert first.title == "一、总体情况"
    heads = [(b.level, b.text) for b in first.blocks if b.kind == "h"]
    assert heads == [(1, "(一)提高政治站位,强化责任担当。"), (2, "1.关于学习不深入问题。")]


def test_lead_ins_stay_running_text():
    chapter, _ = _chapter(WEB)
    last = chapter.entries[-1]
    assert last.title == "二、下一步工作"
    assert [b.kind for b in last.blocks] == ["p"]
    assert "一是持续抓好整改" in last.text


def test_headings_indented_with_non_breaking_spaces_are_recognised():
    from build_scripts.repair import repair

    repaired, _ = repair(lines(["某区工作要点", "\u00a0\u00a0\u00a0一、总体要求", "\u00a0 （一）提升环卫作业水平", "做好清扫保洁。"], "a.txt"))
    spec = VolumeSpec(id="r", title="报告", year=2031, kind="reports", publisher="p", sources=(SourceSpec("a.txt"),))
    chapter = parse_reports(spec, [repaired], []).parts[0].chapters[0]
    entry = chapter.entries[-1]
    assert entry.title == "一、总体要求"
    assert [(b.kind, b.level, b.text) for b in entry.blocks][0] == ("h", 1, "（一）提升环卫作业水平")


def test_report_sentences_that_mention_footer_words_are_kept():
    # 无障碍 and 主办单位 are also footer words of a government site; in a
    # sentence they are report text and must reach the reader.
    sentence = "推进无障碍设施建设，主办单位为区城管委。"
    chapter, audit = _chapter(WEB[:-1] + [sentence, WEB[-1]])
    texts = [b.text for e in chapter.entries for b in e.blocks]
    assert sentence in texts
    assert [r.before for r in audit if r.kind == "web-boilerplate"] == ["首页 > 政务公开", "版权所有:某市城市管理委员会"]
