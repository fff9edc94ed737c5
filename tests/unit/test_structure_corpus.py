"""Real pages of other places' yearbooks (tests/fixtures/corpus/, copied
unchanged from the shared corpus; its README describes each shape): each
comes out as a reader expects — its 【】 entries found with their text, no
entry invented where the page has none, nothing lost."""
from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from build_scripts.model import Line, SourceSpec, VolumeSpec
from build_scripts.repair import CJK, repair
from build_scripts.structure.yearbook import parse_yearbook

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
SPEC = VolumeSpec("page", "某地年鉴", 2030, "yearbook", "某出版社", (SourceSpec("page.txt"),))

# file → [(entry title, words its text holds)], in reading order; pages
# whose README counts 0 entries expect none.
ENTRIES = {
    "harbin-c56043-r121": [("小学数学竞赛", "市第七届")],
    "harbin-c21607-r7": [("国内募捐、海外捐助", "1992年哈尔滨市残联共募集资金65万元")],
    "harbin-c56386-r29": [("文明小区建设", "哈尔滨市文明小区建设活动经过3年的实践")],
    "harbin-c57330-r105": [],
    "miluo-1275268": [("概况", "2008年，汨罗市辖12个乡")],
    "yueyangxian-1280670": [],
    "pingjiang-changshou-1282987": [],
    # a 大事记 whose months are bare numbers (1 / 2 / 3) and whose days lost
    # their 日 (9  …) or their dash too (57: 5—7日)
    "tongzhou-dsj2006-1062933": [
        ("1月5—7日", "政协北京市通州区第三届委员会第三次会议"), ("1月5—8日", "区第三届人民代表大会第三次会议"),
        ("1月9日", "招商局物流集团"), ("1月10日", "全国工业旅游示范点"), ("1月17日", "北京农村商业银行通州支行"),
        ("1月30日", "市委副书记强卫"), ("1月是月", "全国先进司法所"), ("2月8日", "王岐山"), ("2月9日", "桑国卫"),
        ("2月15日", "翟鸿祥"), ("2月16日", "北京中美国际医疗中心"), ("2月24日", "行政许可监督管理暂行办法"),
        ("3月3日", "黄卫"), ("3月16日", "刘淇"),
    ],
    "hulan-gaimao-1006872": [("历史概述", "呼兰，是清代黑龙江省最早开发的五城之一")],
    "zhongshan-zs2018-6754": [],
    "zhongshan-shaxi-50130": [("经济发展概况", "经贸招商洽谈会合同利用外资")],
    "shandong-cg5-s17-a13": [("人口", "城镇人口38.60万人"), ("民族", "33个少数民族")],
    "shandong-cg5-s11-a11": [("人口", "2013年"), ("民族", "全县除汉族外")],
    "heilongjiang-284621": [],
    "hulan-limin-96658": [],
    "heilongjiang-90452": [],
    "zhijin-shsy": [("教育基本情况", "全县共有各级各类学校486所"), ("邮电情况", "全县邮政业务总量"),
                    ("医疗基本情况", "全县共有卫生机构746家")],
}
_CJK = re.compile(f"[{CJK}]")


def _structure(name: str):
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    raw = [Line(t, "page.txt", i + 1) for i, t in enumerate(text.split("\n"))]
    lines, audit = repair(raw)
    return raw, parse_yearbook(SPEC, lines, audit)


def _titled(volume):
    """Entries with a title of their own (not the volume's one untitled 篇
    opening, which holds the page's text before its first entry)."""
    return [e for p, _, e in volume.entries() if e.title not in (SPEC.title, p.title)]


def test_the_fixture_list_covers_the_whole_corpus():
    assert {p.stem for p in CORPUS.glob("*.txt")} == set(ENTRIES) | {"yueyang-dsj-1629673"}


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_each_real_entry_is_found_with_its_text_and_none_invented(name):
    _, volume = _structure(name)
    got = _titled(volume)
    assert [e.title for e in got] == [t for t, _ in ENTRIES[name]]
    for entry, (_, words) in zip(got, ENTRIES[name]):
        assert words in re.sub(r"\s+", "", entry.text).replace("“", "").replace("”", "")


@pytest.mark.parametrize("name", sorted(ENTRIES) + ["yueyang-dsj-1629673"])
def test_no_character_of_a_page_is_lost(name):
    raw, volume = _structure(name)
    shown = collections.Counter()
    texts = [b.text for b in volume.front_matter]
    for p, c, e in volume.entries():
        texts += [p.title, c.title or "", e.title, e.section or "", e.source or ""] + [b.text for b in e.blocks]
    for t in texts:
        shown.update(_CJK.findall(t))
    removed = collections.Counter(ch for r in volume.audit for ch in _CJK.findall(r.before))
    added = collections.Counter(ch for r in volume.audit for ch in _CJK.findall(r.after))
    need = collections.Counter(ch for l in raw for ch in _CJK.findall(l.text)) + added
    have = shown + removed
    assert {ch: n - have[ch] for ch, n in need.items() if n > have[ch]} == {}


def test_field_labels_of_a_database_record_are_not_entries():
    _, volume = _structure("zhongshan-zs2018-6754")
    text = "".join(b.text for _, _, e in volume.entries() for b in e.blocks)
    assert "【作者】中山年鉴编纂委员会" in text and not _titled(volume)


def test_hard_wraps_inside_numbers_are_rejoined():
    _, volume = _structure("shandong-cg5-s17-a13")
    text = "".join(e.text for e in _titled(volume))
    assert "城镇人口38.60万人" in text and "男性61.19万人" in text
    _, volume = _structure("heilongjiang-284621")
    text = "".join(e.text for _, _, e in volume.entries())
    assert "中等职业技术学校26所" in text


def test_a_chapter_and_section_printed_before_the_entry_are_its_headings():
    _, volume = _structure("harbin-c21607-r7")
    (chapter, entry), = [(c, e) for _, c, e in volume.entries() if e.title == "国内募捐、海外捐助"]
    assert chapter.title == "社会生活" and entry.section == "残疾人事业"


def test_a_month_page_of_a_chronicle_is_one_event_per_day():
    _, volume = _structure("yueyang-dsj-1629673")
    titles = [e.title for _, _, e in volume.entries()]
    assert {"8月1—2日", "8月7日", "8月17—18日", "8月29日"} <= set(titles)
    # a △ event is a further event of the day before it
    assert all(t.startswith("8月") for t in titles)


def test_a_letter_spaced_title_is_joined():
    _, volume = _structure("tongzhou-dsj2006-1062933")
    assert any(b.text == "2006年通州区大事记" for _, _, e in volume.entries() for b in e.blocks)


def test_a_chronicle_whose_months_are_bare_numbers_has_a_chapter_per_month():
    _, volume = _structure("tongzhou-dsj2006-1062933")
    assert [c.title for c in volume.parts[0].chapters if c.title] == ["1月", "2月", "3月"]
    # the page number-like month lines are not left in any event's text
    assert not any(b.text.strip() in ("1", "2", "3") for _, _, e in volume.entries() for b in e.blocks)


# What a reader must not meet inside an entry: a page's byline, its share and
# font-size controls, a breadcrumb, the page's address, table rules.
_FURNITURE = re.compile(r"^(?:来源：.*日期：|日期：\d|.*发布时间：\d|分享：|字号：|您的当前位置|Original URL|\|+$)")


@pytest.mark.parametrize("name", sorted(ENTRIES) + ["yueyang-dsj-1629673"])
def test_the_web_furniture_of_a_page_is_gone_from_its_entries(name):
    raw, volume = _structure(name)
    # (a block is checked against the line it came from as printed: a table
    # cell "- |" whose dash a list-marker repair took is not a rule line)
    left = [b.text for _, _, e in volume.entries() for b in e.blocks
            if _FURNITURE.match(b.text.strip()) and _FURNITURE.match(raw[b.line - 1].text.strip())]
    assert left == []


def test_an_archive_mirrors_masthead_is_neither_text_nor_a_chapter():
    """山东 s17 opens with the mirror site's name, tagline, 关于本站 and
    档案浏览器 above its first 【】: gone (audited), no 章 made of them."""
    _, volume = _structure("shandong-cg5-s17-a13")
    assert [(c.title, e.title) for _, c, e in volume.entries()] == [(None, "人口"), (None, "民族")]
    removed = [r.before for r in volume.audit if r.kind == "web-boilerplate"]
    assert removed == ["山东地方志资料归档", "山东地情档案", "停运省级地情数据库的公开镜像与长期存档。 关于本站", "档案浏览器"]


def test_a_page_byline_is_kept_on_the_about_page_not_lost():
    _, volume = _structure("miluo-1275268")
    assert [b.text for b in volume.front_matter] == ["来源：未知来源 日期：2015-03-18 12:00"]


def test_the_last_line_of_a_leaders_roster_is_not_a_chapter():
    _, volume = _structure("miluo-1275268")
    (chapter, entry), = [(c, e) for _, c, e in volume.entries() if e.title == "概况"]
    assert chapter.title is None
    lead = [b.text for _, _, e in volume.entries() if e.title == SPEC.title for b in e.blocks]
    assert lead[-1] == "检察长 徐迪辉"
