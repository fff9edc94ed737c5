"""The site layout (layout.SiteLayout), computed once after structure: every
entry's page, URLs and id come from it, so the data export, the indexes, the
glossary, the citation buttons and search all point at the same place."""
from __future__ import annotations

import json
import posixpath
import re

from hypothesis import given, strategies as st

from build_scripts import layout, pipeline
from build_scripts.cache import Cache

from test_pipeline import Log, _project


GLOSSARY = """terms:
  - term: 经济发展工作会议
    definition: 部署全年经济工作的会议。
    source: 测试
"""


def _book(tmp_path):
    root = _project(tmp_path)
    (root / "seeds" / "glossary-extra.yml").write_text(GLOSSARY, encoding="utf-8")
    return pipeline.run(root, Cache(root), Log())


def test_every_entry_has_one_placement_with_its_page_urls_and_id(tmp_path):
    book = _book(tmp_path)
    site = layout.SiteLayout(book.volumes)
    pages = {p.path for p in book.pages}
    ids = [p.placement.id for p in site.placed]
    assert len(ids) == len(set(ids)) == sum(1 for v in book.volumes for _ in v.entries())
    for p in site.placed:
        where = p.placement
        assert where.md_path in pages, where
        assert (where.hosted_page, where.offline_page) == layout.page_urls(where.md_path)
        assert where.anchor == p.entry.anchor and where.title == p.entry.title
        assert where.id.startswith(p.volume.id + "/") and where.id.endswith("/" + p.entry.anchor)
        assert site.of(p.entry) is where


def test_entries_indexes_glossary_citations_and_search_use_the_same_places(tmp_path):
    book = _book(tmp_path)
    site = layout.SiteLayout(book.volumes)
    by_id = {p.placement.id: p.placement for p in site.placed}
    entries = json.loads(book.data["entries.json"])
    assert [r["id"] for r in entries] == [p.placement.id for p in site.placed]
    for r in entries:
        assert r["url"] == f"{by_id[r['id']].hosted_page}#{by_id[r['id']].anchor}"
    urls = {r["url"] for r in entries}
    index = json.loads(book.data["index.json"])
    locators = [loc for key in ("entries", "subjects", "people", "organisations", "places")
                for h in index[key] for loc in h["locators"]]
    assert locators and all(loc["url"] in urls for loc in locators if loc["entry"])
    occurrences = [o for term in json.loads(book.data["glossary.json"]) for o in term["occurrences"]]
    assert occurrences and all(o["url"] in urls for o in occurrences)
    # the 引用本条 button of each entry carries the same URL
    cited = {m for p in book.pages for m in re.findall(r'data-url="([^"]+)"', p.markdown)}
    assert cited and cited <= urls
    # search: every record's place is its entry's page, hosted and offline
    chunk = next(n for n in book.search_files["offline"] if n.startswith("town-2099-"))
    payload = json.loads(book.search_files["offline"][chunk].partition("(")[2].rpartition(")")[0])
    offline_pages = {p.placement.offline_page for p in site.placed}
    assert payload["places"] and {place[3] for place in payload["places"]} <= offline_pages


SEGMENT = st.sampled_from(["a", "b", "hexi-2024", "index.md", "gong-an.md", "glossary.md", "indexes"])


@given(st.lists(SEGMENT, min_size=1, max_size=4), st.lists(SEGMENT, max_size=4))
def test_relative_links_are_those_posixpath_gives(target, directory):
    target, directory = "/".join(target), "/".join(directory)
    assert layout.relative(target, directory) == posixpath.relpath(target, directory or ".")
