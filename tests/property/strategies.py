"""Hypothesis strategies for text in the shape of a PDF-to-text yearbook or a
scraped report: running heads, 篇 and 章 headings, 【】 entries, captions and
credits, 大事记 dates, with the extraction damage the repair stage undoes
(wrap spaces, half-width punctuation, NBSP, HTML tags, CMS markers, list
markers) and hostile bits (control-looking markup, brackets left open)."""
from __future__ import annotations

import re

from hypothesis import strategies as st

from build_scripts.model import Line

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# A handful of common characters plus any CJK ideograph, so titles repeat
# (duplicate titles, headings matching the 篇 list) as well as vary.
_COMMON = "区委员会工作概况年鉴党政经济建设社会事业街道城市管理人民政府重要会议"
cjk = st.one_of(st.sampled_from(_COMMON), st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF))
words = st.text(cjk, min_size=1, max_size=8)

# Pieces of damage and markup found in extracted and scraped text.
noise = st.sampled_from(
    [" ", "  ", "\u3000", "\u00a0", "\t", ",", ":", ";", "?", "!", "(", ")", "，", "。", "、", "：",
     "（", "）", "【", "】", "《", "》", "“", "”", "<b>", "</span>", "<td class=x>", "##paidbegin##",
     "- ", "12:30", "1,000", "2099年", "3月4日", "提供", "摄", "|", "*", "#", "[", "]", "`", "{#id}",
     "<script>", "&amp;", "\\", "·", "—", "…"]
)
run = st.lists(st.one_of(words, noise), min_size=1, max_size=12).map("".join)


@st.composite
def paragraph(draw):
    """Running text, sometimes with a space at the printed column width."""
    text = draw(st.lists(st.one_of(words, noise, st.just("，"), st.just("。")), min_size=1, max_size=40).map("".join))
    if draw(st.booleans()) and len(text) > 22:
        cut = draw(st.integers(1, len(text) - 1))
        text = text[:cut] + " " + text[cut:]
    return text


line_shapes = st.one_of(
    paragraph(),
    run,
    words,  # a short heading-shaped line: 章, 分目, 篇 title
    st.builds(lambda t, body: f"【{t}】 {body}", words, paragraph()),  # an entry
    st.builds(lambda t: f"【{t}】", run),  # a title with odd characters
    st.builds(lambda d, t, who: f"{d}月{d}日,{t} ({who}提供)", st.integers(1, 12), words, words),  # caption
    st.builds(lambda who: f"({who}提供)", words),  # credit alone
    st.builds(lambda m: f"{m}月", st.integers(1, 12)),  # 大事记 month
    st.builds(lambda d, t: f"{d}日 {t}", st.integers(1, 31), paragraph()),  # 大事记 day
    st.builds(lambda a, b: f"{a}\t{b} 56", words, words),  # 目录/索引 cells
    st.sampled_from(["", "", "目录", "条目索引", "同日", "——在会议上的讲话"]),
    st.builds(lambda i, t: f"{'一二三四五'[i]}、{t}", st.integers(0, 4), run),  # report heading
    st.builds(lambda t: f"（一）{t}。{t}", words),
)


@st.composite
def yearbook_lines(draw, name: str = "book.txt") -> list[Line]:
    """A yearbook: front matter with a 篇 list, then 篇 each opened by a running
    head (repeated often enough to be recognised), with random lines inside."""
    parts = draw(st.lists(words, min_size=1, max_size=6))
    head = draw(words) + " 2099"
    texts = ["编辑说明", f"全书设置{'、'.join(parts)} {len(parts)} 篇。"]
    texts += draw(st.lists(line_shapes, max_size=5))
    for part in parts + draw(st.lists(words, max_size=2)):
        texts += [head, "", part]
        texts += draw(st.lists(line_shapes, max_size=25))
    # Running heads are recognised from repetition: pad to the usual count.
    texts += [head] * max(0, 5 - len(parts))
    return [Line(t, name, i) for i, t in enumerate(texts, 1)]


@st.composite
def report_lines(draw, name: str = "report.txt") -> list[Line]:
    """A report or scraped web page: optional navigation, a title, an optional
    date/来源 line, numbered headings and paragraphs."""
    texts = draw(st.lists(st.sampled_from(["首页", "今天是2099年1月1日", "无障碍"]), max_size=2))
    texts.append(draw(words) + draw(st.sampled_from(["工作总结", "情况的通报", ""])) or "总结")
    if draw(st.booleans()):
        texts.append(draw(st.sampled_from(["2099-01-02", "2099-01-02 10:00 来源：某某局"])))
    texts += draw(st.lists(line_shapes, min_size=1, max_size=25))
    if draw(st.booleans()):
        texts.append("版权所有：某某局")
    return [Line(t, name, i) for i, t in enumerate(texts, 1)]
