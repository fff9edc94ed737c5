"""The block fast path (build_scripts/block_fastpath.py) writes exactly the
HTML Python-Markdown writes, for blocks each processor takes and blocks that
only look like them."""
from __future__ import annotations

import markdown
import pytest
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions import Extension

from build_scripts.render import escape
from project import ROOT, markdown_html

EXTENSIONS = ["attr_list", "tables", "toc", "fenced_code", "build_scripts.inline_fastpath"]
SAMPLES = [
    # Headings: hashes at the block's start, on a later line, closed, escaped, in text.
    "# 标题\n\n段落\n## 二级 ##\n正文 # 不是标题\n\n\\# 也不是",
    # Underlined titles (= and -), and a second line that only starts alike.
    "一级标题\n====\n\n二级标题\n---\n后文\n\n第一行\n-1 度\n\n第一行\n=号开头",
    # Rules of each character, indented, spaced, and dashes that are none.
    "前文\n---\n后文\n\n* * *\n\n   ___\n\n2023-2024 年 - 两年\n\n- 列表\n\n    ---",
    # Quotes: at the start, after text, nested, indented; `>` inside HTML and an entity.
    "> 引文\n> 续\n\n正文\n> 后接引文\n\n> > 嵌套\n\n   > 三格缩进\n\n<p class=\"x\">内联 HTML</p>\n\n1 &gt; 0",
    # Tables: bordered, borderless, one column, a pipe only on the second line, an escaped pipe.
    "| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n甲 | 乙\n--- | ---\n1 | 2\n\n| 单列 |\n| --- |\n| 一 |\n\n"
    "首行无竖线\n| --- |\n\n甲 \\| 乙\n--- | ---",
    # References: defined, several, with titles, and text holding "]:" that defines nothing.
    "[甲][1]、[乙] 与 [丙][]\n\n[1]: a.md\n[乙]: b.md \"题\"\n  [丙]: <c.md> (括号题)\n\n比例 [3]: 1 不是引用",
    "见[丁][2]和[戊][5]\n\n正文一行\n[2]: d.md\n\n   [5]: e.md",
    # Lists with the index pages' shape, and a fenced code block holding every marker.
    "- 安徽 <small>（2 处）</small>\n    - [民建 › 社会服务 141](../a.md#b)\n    - [人物 › 戴胜国](../c/index.md#d)\n"
    "- [阿拉善左旗](../e.md#f) <small>重要会议 106</small>\n\n```\n# --- > | [x]: y\n```",
    escape("# 标题 --- > 引 | 表 [r]: x *** ___ ==="),
]


def _html(text: str, fast: bool) -> str:
    return markdown_html(text, EXTENSIONS + (["build_scripts.block_fastpath"] if fast else []))


@pytest.mark.parametrize("text", SAMPLES)
def test_the_fast_path_writes_what_python_markdown_writes(text):
    assert _html(text, True) == _html(text, False)


def test_the_hand_written_guide_renders_the_same():
    text = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    assert _html(text, True) == _html(text, False)


def test_every_processor_it_knows_is_replaced():
    md = markdown.Markdown(extensions=EXTENSIONS + ["build_scripts.block_fastpath"])
    from build_scripts.block_fastpath import FAST

    assert {name: type(md.parser.blockprocessors[name]) for name in FAST} == {name: fast for name, (_, fast) in FAST.items()}


class _OwnHeader(Extension):
    """An extension, loaded before the fast path, with a hash-header processor of its own."""

    class Processor(HashHeaderProcessor):
        def run(self, parent, blocks):
            super().run(parent, blocks)
            parent[-1].set("class", "own")

    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(self.Processor(md.parser), "hashheader", 70)


def test_a_processor_of_another_extension_stays_in_place():
    md = markdown.Markdown(extensions=[_OwnHeader(), "build_scripts.block_fastpath"])
    assert md.convert("# 标题") == '<h1 class="own">标题</h1>'
