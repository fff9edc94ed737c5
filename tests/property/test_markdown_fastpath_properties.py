"""The Markdown fast paths (build_scripts/inline_fastpath.py, block_fastpath.py)
on generated text dense with markup — brackets, parentheses, quotes, HTML,
entities, emphasis, escapes, headings, rules, quotes, tables, link
definitions, in any order and on any line: the HTML is always Python-Markdown's."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from project import markdown_html

EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list"]
FAST_PATHS = ["build_scripts.inline_fastpath", "build_scripts.block_fastpath"]
PIECES = [
    "甲", "乙丙", "a", "1", " ", "  ", "\n", "\n\n", "    ", "`", "\\", "[", "]", "(", ")", "<", ">", "&", "*", "_",
    "#", "|", "!", "{", "}", ":", "=", "-", "+", ">", "'", '"', "](", "![", "[x]", "[x]: a.md", "[x]: <b c.md> \"t\"",
    "](a.md)", "](<a b.md>)", "](a.md \"t\")", "](a(1).md)", "<b>", "</b>", "<small>", "</small>",
    "<p class=\"x\">", "</p>", "&amp;", "&#61;", "**", "__", "  \n", "\n---\n", "\n===\n", "\n> ", "\n# ", "## ",
    "\n| a | b |\n| --- | --- |\n", "{: .c }", "{#i}", "\n- ", "\n1. ", "\n```\n", "<https://e.org/>",
]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)


def _html(text: str, fast: bool) -> str:
    return markdown_html(text, EXTENSIONS + (FAST_PATHS if fast else []))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(TEXTS)
def test_the_fast_paths_write_what_python_markdown_writes(text):
    assert _html(text, True) == _html(text, False)
