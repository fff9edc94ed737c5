"""pieces.py: where a large page may be cut, and that its pieces converted
one by one give what MkDocs makes of the page whole."""
from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from build_scripts import mkdocs_run, pieces

FILLER = "这是一段正文，用来把页面撑到可以分块的大小。" * 100


def _section(n: int, ident: bool = True) -> str:
    head = f"## 第{n}部分 {{#part-{n}}}" if ident else f"## 第{n}部分"
    return "\n\n".join([
        head,
        f"### 概况 {{#part-{n}--gai-kuang}}" if ident else "### 概况",
        FILLER,
        "- 列表一\n- 列表二",
        "| 项目 | 数量 |\n| --- | --- |\n| 甲 | 1 |",
        f"见[另一页](other.md#target) 与[本页](#part-{n})。",
        '<script type="application/json" class="gl-data">{"a":1}</script>',
    ])


def _page_text(count: int = 8, ident: bool = True) -> str:
    text = "# 全卷\n\n" + '<dl class="cover"><dt>书名</dt><dd>某年鉴</dd></dl>' + "\n\n"
    return text + "\n\n".join(_section(n, ident) for n in range(1, count + 1)) + "\n"


def _site(tmp_path, text: str):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "big.md").write_text(text, encoding="utf-8")
    (docs / "other.md").write_text("# 另一页\n\n## 目标 {#target}\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nmarkdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    files = get_files(config)
    page = Page(None, files.get_file_from_path("big.md"), config)
    page.read_source(config)
    return page, config, files


def _toc(links):
    return [(link.title, link.id, link.level, _toc(link.children)) for link in links]


def test_a_page_converted_in_pieces_is_its_whole_conversion(tmp_path):
    page, config, files = _site(tmp_path, _page_text(count=60))
    texts = pieces.cut(page.markdown)
    assert texts is not None and len(texts) == 61
    whole = mkdocs_run._render_one(page, config, files)
    merged = pieces.merge([pieces.render(page, config, files, text) for text in texts])
    assert merged[0] == whole[0]  # a raw HTML block ends each piece: its newline is kept
    assert _toc(merged[1]) == _toc(whole[1]) and merged[2] == whole[2] == "全卷"
    assert merged[3] == whole[3] and merged[4] == whole[4]
    assert whole[4]["other.md"] == {"target": "other.md#target"} and "part-60" in whole[4]["big.md"]


def test_a_page_is_not_cut_where_state_crosses_its_pieces():
    text = _page_text(count=60)
    assert pieces.cut(text) is not None
    assert pieces.cut(text[:5000]) is None  # small: converted whole
    for extra in ("[ref]: http://example.org/", "[^1]: 注释", "*[HTML]: 超文本", "```\n代码\n```"):
        assert pieces.cut(text + "\n" + extra + "\n") is None, extra
    # A raw HTML block left open runs over blank lines (and `## ` lines).
    assert pieces.cut(text.replace("<dl class=\"cover\">", "<div>\n\n<dl class=\"cover\">", 1)) is None
    assert pieces.cut(text + "\n<hr>\n\n<!-- 注 -->\n") is not None  # void elements and comments end on their line


def test_a_page_whose_pieces_would_share_heading_ids_is_not_cut():
    # Headings without ids of their own: 概况 in every piece would be `_1` in each.
    assert pieces.cut(_page_text(count=60, ident=False)) is None


def test_merge_gives_up_on_a_shared_id_or_a_lost_sentinel():
    first = ("<h2 id=\"a\">A</h2>\n" + pieces.SENTINEL_HTML, [("A", "a", 2)], None, {"a"}, {})
    last = ("<h2 id=\"b\">B</h2>", [("B", "b", 2)], None, {"b"}, {})
    assert pieces.merge([first, last])[0] == "<h2 id=\"a\">A</h2>\n<h2 id=\"b\">B</h2>"
    assert pieces.merge([first, (last[0], last[1], None, {"a"}, {})]) is None
    assert pieces.merge([(first[0][: -len(pieces.SENTINEL_HTML)], *first[1:]), last]) is None


def test_a_large_piece_is_cut_again_before_its_h3_headings(tmp_path):
    parts = []
    for n in range(1, 4):
        subsections = "\n\n".join(f"### 第{n}.{k}节 {{#s-{n}-{k}}}\n\n{FILLER}\n\n- 列表" for k in range(1, 21))
        parts.append(f"## 第{n}部分 {{#p-{n}}}\n\n引言。\n\n{subsections}")
    page, config, files = _site(tmp_path, "# 全卷\n\n" + "\n\n".join(parts) + "\n")
    texts = pieces.cut(page.markdown)
    assert len(parts[0]) > pieces.PIECE_CHARS and texts is not None
    assert len(texts) == 1 + 3 * 21 and max(map(len, texts)) < pieces.PIECE_CHARS
    whole = mkdocs_run._render_one(page, config, files)
    merged = pieces.merge([pieces.render(page, config, files, text) for text in texts])
    assert merged[0] == whole[0] and _toc(merged[1]) == _toc(whole[1]) and merged[2:] == whole[2:]
    assert [link.id for link in list(merged[1])[0].children[0].children][:2] == ["s-1-1", "s-1-2"]  # h3 under its h2
