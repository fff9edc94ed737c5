"""End to end: every large page of the built sample converts in pieces
(build_scripts/pieces.py) to what MkDocs makes of it whole — the HTML byte
for byte, the table of contents, the title, the anchors and the links to
anchors — under the site's own settings; and the printable pages are cut,
their every heading with an id of its own."""
from __future__ import annotations

import re

from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from build_scripts import mkdocs_run, pieces
from build_scripts.manifest import load_site_config

FAST_PATHS = ["build_scripts.inline_fastpath", "build_scripts.block_fastpath"]


def _config(built, tmp_path):
    """The site's MkDocs configuration as the build gives it (output.py: its
    Markdown extensions with the fast paths), over the published docs/."""
    extensions = list(load_site_config(built).get("markdown_extensions") or []) + FAST_PATHS
    return load_config(config_file=str(built / "mkdocs.yml"), docs_dir=str(built / "docs"),
                       site_dir=str(tmp_path / "site"), markdown_extensions=extensions)


def _toc(links):
    return [(link.title, link.id, link.level, _toc(link.children)) for link in links]


def _page(config, files, uri):
    page = Page(None, files.get_file_from_path(uri), config)
    page.read_source(config)
    return page


def test_every_large_page_of_the_sample_converts_in_pieces_to_its_whole_conversion(built, tmp_path):
    config = _config(built, tmp_path)
    files = get_files(config)
    cut = {}
    for file in files.documentation_pages():
        page = _page(config, files, file.src_uri)
        if len(page.markdown) >= pieces.MIN_CHARS:
            cut[file.src_uri] = pieces.cut(page.markdown)
    # The printable pages and the large index pages are cut; every one of them is checked below.
    assert cut["hexi-2024/print.md"] is not None and len(cut["hexi-2024/print.md"]) > 20
    assert cut["indexes/places.md"] is not None
    checked = 0
    for uri, texts in cut.items():
        if texts is None:
            continue
        page = _page(config, files, uri)
        whole = mkdocs_run._render_one(page, config, files)
        merged = pieces.merge([pieces.render(page, config, files, text) for text in texts])
        assert merged is not None, f"{uri}: cut, yet two of its pieces share an id"
        assert merged[0] == whole[0], uri
        assert _toc(merged[1]) == _toc(whole[1]), uri
        assert merged[2:] == whole[2:], uri
        checked += 1
    assert checked >= 5


def test_the_printable_page_gives_every_heading_an_id_of_its_own(built):
    html = (built / "site" / "hexi-2024" / "print" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h[2-6] id="([^"]*)"', html)
    assert len(ids) > 1000 and len(set(ids)) == len(ids)
    # None is Python-Markdown's numbered fallback for a heading without ASCII (_1, _2 …).
    assert not [i for i in ids if re.fullmatch(r"_\d+", i)]
    # An entry's id names its 章's page and its anchor there: fa-zhi/jian-cha.md#fu-wu-fa-zhan-da-ju.
    assert "fa-zhi--jian-cha--fu-wu-fa-zhan-da-ju" in ids


def test_the_traditional_twin_of_a_large_page_converted_in_chunks_is_its_whole_conversion(built):
    from build_scripts import traditional

    html = (built / "site" / "hexi-2024" / "print" / "index.html").read_text(encoding="utf-8")
    assert len(html) >= traditional.CHUNKED_FROM
    chunks = traditional.Chunks()
    twin = traditional.convert_page(html, "https://example.org/", chunks)
    assert twin == traditional.convert_page(html, "https://example.org/") and len(chunks.made) > 20
    # Kept, the chunks give the same twin without OpenCC; a changed chunk alone is converted again.
    again = traditional.Chunks(chunks.made)
    changed = html.replace("全力以赴推动区域经济", "全力以赴推動区域发展经济", 1)
    assert traditional.convert_page(changed, "https://example.org/", again) == traditional.convert_page(
        changed, "https://example.org/")
    assert len(set(again.made) - set(chunks.made)) == 1
