"""The inline fast path (build_scripts/inline_fastpath.py) writes exactly the
HTML Python-Markdown writes, for text with and without every markup character."""
from __future__ import annotations

import markdown
import pytest
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

from build_scripts.render import escape
from project import ROOT, markdown_html

EXTENSIONS = ["attr_list", "tables", "toc"]
SAMPLES = [
    "2023 年，全区完成地区生产总值 1200 亿元，同比增长 5.1%。",
    "见 `代码` 与 \\*转义\\*，[链接](a.md) 和 ![图](b.png)，[引用][r]，[短引用]\n\n[r]: c.md",
    "<https://example.org/> <someone@example.org> <span class=\"x\">内联</span> &amp; &#61; &copy;",
    "**强调** *斜体* __下划线__ _斜_ 行末两个空格  \n换行",
    "## 标题 {#id .entry}\n\n| 表 | 头 |\n|---|---|\n| `a` | *b* |\n\n说明文字\n{: .caption }",
    escape("标题<img src=x onerror=alert(1)>*_[链接](x)`代码`\\ & &amp; </title>"),
    "- 列表 *一*\n- 列表 [二](x.md)\n\n> 引用 `三`",
    # Links the plain shape does not cover, read by Python-Markdown's own loops.
    "[外 [嵌套] 文](a.md) [题](a.md \"标题\") [题](<a b.md>) [题](a(1).md) [题]( a.md ) [题](a.md 'x')",
    "[未闭合](a.md [空]() [a] [b][] ![图](b.png \"t\") [题](a.md)[二](b.md#c) [[双]](d.md)",
    # The shape of an index page's line, and a link whose text holds markup.
    "- [阿拉善左旗](../a/b.md#c) <small>重要会议 › 区政府常务会议 106</small>\n    - [*强* `码` \\[](e.md)",
    # References defined on the page: the reference patterns are tried.
    "[甲][1]、[乙][]、[丙] 与 ![图][1]\n\n[1]: a.md\n[乙]: b.md \"题\"\n[丙]: <c d.md>",
]


def _html(text: str, fast: bool) -> str:
    return markdown_html(text, EXTENSIONS + (["build_scripts.inline_fastpath"] if fast else []))


@pytest.mark.parametrize("text", SAMPLES)
def test_the_fast_path_writes_what_python_markdown_writes(text):
    assert _html(text, True) == _html(text, False)


def test_the_hand_written_guide_renders_the_same():
    text = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    assert _html(text, True) == _html(text, False)


class _OwnLink(Extension):
    """An extension, loaded before the fast path, with a link pattern of its own."""

    def extendMarkdown(self, md):
        md.inlinePatterns.register(SimpleTagInlineProcessor(r"()\[(.+?)\]\(.*?\)", "u"), "link", 160)


def test_a_link_pattern_of_another_extension_stays_in_place():
    text = "见[链接](a.md)"
    fast = markdown.Markdown(extensions=[_OwnLink(), "build_scripts.inline_fastpath"]).convert(text)
    assert fast == markdown.Markdown(extensions=[_OwnLink()]).convert(text) == "<p>见<u>链接</u></p>"


class _Strike(Extension):
    """An inline pattern of the kind pymdownx adds: ~~text~~ → <del>, no trigger of the defaults."""

    def extendMarkdown(self, md):
        md.inlinePatterns.register(SimpleTagInlineProcessor(r"(~~)(.+?)~~", "del"), "strike", 65)


def test_with_an_extension_that_adds_an_inline_pattern_every_pattern_is_tried():
    text = "全年~~完成~~实现目标"
    fast = markdown.Markdown(extensions=[_Strike(), "build_scripts.inline_fastpath"]).convert(text)
    assert "<del>完成</del>" in fast
    assert fast == markdown.Markdown(extensions=[_Strike()]).convert(text)
