"""The pages a reader opens (render.py): a 篇's list of 章, a 章 page with its
breadcrumb, 分目 headings, entries with their printed page and 引用本条, sources;
a 大事记 month with one heading per day and links between the months; the
chronicle's date index; the menu. Whole pages, as MkDocs gets them: a heading
level, a breadcrumb link or a page line that goes wrong shows here."""
from __future__ import annotations

from build_scripts.model import Block
from build_scripts.render import _blocks, render_volume

from _book import entry, volume


def _book():
    overview = entry("概况", "全区开展工作。", pages=[12])
    meeting = entry("重要会议", "召开会议。", pages=[13, 14], section="区委会议")
    meeting.pages_estimated = True
    other = entry("综合", "其他工作。")
    other.source = "（区委办公室提供）"
    v = volume({
        "区委": {"重要工作": [overview, meeting, entry("专题会", "研究部署。", section="区委会议"), other]},
        "大事记": {"1月": [entry("1月6日", "召开大会。"), entry("1月6日", "同日，开展活动。")], "2月": [entry("2月1日", "举行仪式。")]},
        "附录": {None: [entry("表一", "说明。")]},
        "索\u3000引": {None: [entry("A", "安全 12")]},
    })
    v.parts[0].chapters[0].meta = {"publisher": "区委办", "date": "2024年1月"}
    return v


def _pages():
    return {p.path: (p.title, p.markdown) for p in render_volume(_book()).pages}


def test_a_parts_page_lists_its_chapters_with_their_entry_counts():
    assert _pages()['book-2024/qu-wei/index.md'] == ('区委', """\
# 区委

- [重要工作](zhong-yao-gong-zuo.md)（4 个条目）
""")


def test_a_chapter_page_has_breadcrumb_meta_sections_entries_pages_citations_and_sources():
    assert _pages()['book-2024/qu-wei/zhong-yao-gong-zuo.md'] == ('重要工作', """\
# 重要工作

[某区年鉴（2024）](../index.md) › [区委](index.md) › 重要工作
{: .breadcrumb }

发布单位：区委办
{: .doc-meta }

发布日期：2024年1月
{: .doc-meta }

## 概况 {#gai-kuang .entry}

<p class="entry-meta"><span class="entry-pages">原书第 12 页</span> <button type="button" class="cite-button" data-cite="概况[M/OL]//某区年鉴（2024）. [出版地不详]: 某出版社, 2024: 12" data-url="book-2024/qu-wei/zhong-yao-gong-zuo/#gai-kuang" aria-label="引用本条：概况">引用本条</button></p>

全区开展工作。

## 区委会议

### 重要会议 {#zhong-yao-hui-yi .entry}

<p class="entry-meta"><span class="entry-pages">原书约第 13、14 页（据前后条目推算）</span> <button type="button" class="cite-button" data-cite="重要会议[M/OL]//某区年鉴（2024）. [出版地不详]: 某出版社, 2024: [13-14]" data-url="book-2024/qu-wei/zhong-yao-gong-zuo/#zhong-yao-hui-yi" aria-label="引用本条：重要会议">引用本条</button></p>

召开会议。

### 专题会 {#zhuan-ti-hui .entry}

<p class="entry-meta"><button type="button" class="cite-button" data-cite="专题会[M/OL]//某区年鉴（2024）. [出版地不详]: 某出版社, 2024" data-url="book-2024/qu-wei/zhong-yao-gong-zuo/#zhuan-ti-hui" aria-label="引用本条：专题会">引用本条</button></p>

研究部署。

## 综合 {#zong-he .entry}

<p class="entry-meta"><button type="button" class="cite-button" data-cite="综合[M/OL]//某区年鉴（2024）. [出版地不详]: 某出版社, 2024" data-url="book-2024/qu-wei/zhong-yao-gong-zuo/#zong-he" aria-label="引用本条：综合">引用本条</button></p>

其他工作。

（区委办公室提供）
{: .entry-source }

""")


def test_the_chronicles_page_indexes_its_days_month_by_month():
    assert _pages()['book-2024/da-shi-ji/index.md'] == ('大事记', """\
# 大事记

按日期排列的大事记索引：每月一行，点击日期即到当日大事。

## [1月](1-yue.md)

[1月6日（2 件）](1-yue.md#1-yue-6-ri)
{: .chronicle-days }

## [2月](2-yue.md)

[2月1日](2-yue.md#2-yue-1-ri)
{: .chronicle-days }

""")


def test_a_chronicle_month_has_one_heading_per_day_and_a_bar_of_months():
    assert _pages()['book-2024/da-shi-ji/1-yue.md'] == ('1月', """\
# 1月

[某区年鉴（2024）](../index.md) › [大事记](index.md) › 1月
{: .breadcrumb }

大事记各月：**1月** · [2月](2-yue.md)
{: .month-bar }

## 1月6日 {#1-yue-6-ri .entry}

<p class="entry-meta"><button type="button" class="cite-button" data-cite="1月6日[M/OL]//某区年鉴（2024）. [出版地不详]: 某出版社, 2024" data-url="book-2024/da-shi-ji/1-yue/#1-yue-6-ri" aria-label="引用本条：1月6日">引用本条</button></p>

召开大会。

<p class="entry-meta" id="1-yue-6-ri-2"><button type="button" class="cite-button" data-cite="1月6日[M/OL]//某区年鉴（2024）. [出版地不详]: 某出版社, 2024" data-url="book-2024/da-shi-ji/1-yue/#1-yue-6-ri-2" aria-label="引用本条：1月6日">引用本条</button></p>

同日，开展活动。

大事记各月：**1月** · [2月](2-yue.md)
{: .month-bar }

""")


def test_a_part_without_chapters_is_one_page_under_its_volume():
    assert _pages()['book-2024/fu-lu/index.md'] == ('附录', """\
# 附录

[某区年鉴（2024）](../index.md) › 附录
{: .breadcrumb }

## 表一 {#biao-yi .entry}

<p class="entry-meta"><button type="button" class="cite-button" data-cite="表一[M/OL]//某区年鉴（2024）. [出版地不详]: 某出版社, 2024" data-url="book-2024/fu-lu/#biao-yi" aria-label="引用本条：表一">引用本条</button></p>

说明。

""")

def test_the_menu_holds_every_page_but_the_reprinted_printed_index():
    rendered = render_volume(_book())
    assert rendered.nav == [{"某区年鉴（2024）": [
        "book-2024/index.md",
        {"区委": ["book-2024/qu-wei/index.md", {"重要工作": "book-2024/qu-wei/zhong-yao-gong-zuo.md"}]},
        {"大事记": ["book-2024/da-shi-ji/index.md", {"1月": "book-2024/da-shi-ji/1-yue.md"},
                 {"2月": "book-2024/da-shi-ji/2-yue.md"}]},
        {"附录": ["book-2024/fu-lu/index.md"]}]}]
    assert "book-2024/suo-yin/index.md" in {p.path for p in rendered.pages}  # kept on its page


def test_every_entry_is_placed_on_its_page_in_reading_order():
    placed = [(p.title, c.title, e.title, url) for p, c, e, url in render_volume(_book()).placed]
    assert placed == [
        ("区委", "重要工作", "概况", "book-2024/qu-wei/zhong-yao-gong-zuo/"),
        ("区委", "重要工作", "重要会议", "book-2024/qu-wei/zhong-yao-gong-zuo/"),
        ("区委", "重要工作", "专题会", "book-2024/qu-wei/zhong-yao-gong-zuo/"),
        ("区委", "重要工作", "综合", "book-2024/qu-wei/zhong-yao-gong-zuo/"),
        ("大事记", "1月", "1月6日", "book-2024/da-shi-ji/1-yue/"),
        ("大事记", "1月", "1月6日", "book-2024/da-shi-ji/1-yue/"),
        ("大事记", "2月", "2月1日", "book-2024/da-shi-ji/2-yue/"),
        ("附录", None, "表一", "book-2024/fu-lu/"),
        ("索\u3000引", None, "A", "book-2024/suo-yin/"),
    ]


def test_every_kind_of_block_renders_as_its_own_markdown():
    blocks = [Block("h", "（一）总体情况", level=2), Block("p", "正文*强调*。"), Block("h", "1.具体", level=3),
              Block("h", "一是加强", level=0), Block("byline", "区委书记 张三"), Block("note", "编者注：原表缺页。"),
              Block("list", "", items=["甲", "乙"]), Block("caption", "10月20日，活动 （甲提供）"),
              Block("pre", "a\tb"), Block("pre", "1\t2\t3"), Block("table", "", rows=[["x", "y"], ["1", "2"]]),
              Block("p", "完。")]
    assert "\n".join(_blocks(blocks, depth=2)) == """\
### （一）总体情况 {: .section-head }

正文\\*强调\\*。

#### 1\\.具体 {: .section-head }

**一是加强**
{: .subhead }

区委书记 张三
{: .byline }

编者注：原表缺页。
{: .editor-note }

- 甲
- 乙

10月20日，活动 （甲提供）
{: .caption }

| a | b |  |
| --- | --- | --- |
| 1 | 2 | 3 |

| x | y |
| --- | --- |
| 1 | 2 |

完。
"""


def test_numbered_heads_never_skip_a_level_and_stop_at_h6():
    blocks = [Block("h", t, level=lv) for lv, t in enumerate(["一、甲", "（一）乙", "1.丙", "（1）丁", "①戊"], 1)]
    assert [l.split(" ")[0] for l in _blocks(blocks, depth=3) if l] == ["####", "#####", "######", "######", "######"]
    assert _blocks([Block("h", "（一）乙", level=2)], depth=2)[0] == "### （一）乙 {: .section-head }"
    assert _blocks([Block("h", "（一）乙", level=2), Block("h", "（二）丙", level=2)], depth=2, ids="e")[2] == (
        "### （二）丙 {: #e--2 .section-head }")


def test_a_marked_paragraph_is_written_as_the_glossary_marked_it():
    lines = _blocks([Block("p", "甲。"), Block("byline", "x")], mark=lambda b: "M:" + b.text)
    assert lines == ["M:甲。", "", "x", "{: .byline }", ""]
    assert _blocks([Block("p", "甲。")], mark=lambda b: None) == ["甲。", ""]


# --- what the first run of mutants showed untested ------------------------------------------

def _chapter_md(entries, mark=None):
    v = volume({"区委": {"重要工作": entries}})
    return render_volume(v, mark).pages[-1].markdown


def test_quotation_marks_in_a_title_stay_inside_the_citation_buttons_attributes():
    md = _chapter_md([entry('关于"十项行动"的通知', "正文。")])
    assert 'aria-label="引用本条：关于&quot;十项行动&quot;的通知"' in md
    assert 'data-cite="关于&quot;十项行动&quot;的通知[M/OL]' in md


def test_numbered_heads_of_an_entry_in_a_section_sit_below_its_h3():
    e = entry("重要会议", "", section="区委会议")
    e.blocks = [Block("h", "一、总体", level=1), Block("p", "正文。")]
    # (its id extends the entry's anchor: stable under edits elsewhere on the page)
    assert "#### 一、总体 {: #zhong-yao-hui-yi--1 .section-head }" in _chapter_md([e])


def test_the_glossary_marker_is_given_the_entry_and_the_page():
    seen = []

    def mark(entry_, block, path):
        seen.append((entry_.title, block.text, path))
        return None

    _chapter_md([entry("概况", "正文。")], mark)
    assert seen == [("概况", "正文。", "book-2024/qu-wei/zhong-yao-gong-zuo.md")]


def test_table_rows_end_at_a_paragraph_and_a_new_table_starts_after_it():
    blocks = [Block("pre", "甲 乙\t1"), Block("p", "注。"), Block("table", "a\tb"), Block("table", "", rows=[["x", "y"]]),
              Block("pre", "c\td")]
    assert _blocks(blocks, depth=2) == [
        "| 甲 乙 | 1 |", "| --- | --- |", "",
        "注。", "",
        "| a | b |", "| --- | --- |", "",
        "| x | y |", "| --- | --- |", "",
        "| c | d |", "| --- | --- |", "",
    ]


def test_a_statistical_bulletin_keeps_its_heading_and_page_line_above_its_table():
    md = _chapter_md([entry("2023年某区国民经济和社会发展统计公报", "全年地区生产总值100亿元，增长5%。", pages=[30])])
    assert "## 2023年某区国民经济和社会发展统计公报 {#" in md and "原书第 30 页" in md
    assert md.index("原书第 30 页") < md.index("全年地区生产总值")
