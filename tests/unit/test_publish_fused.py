"""The 繁體 copy and the offline bundle made in one pass over the hosted site
(build_scripts/derived.py): what each page, asset and search file becomes,
and the cache of a page's derived outputs kept under the key of its HTML."""
from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

from build_scripts import bundle, offline, traditional, workers
from build_scripts.cache import Memo
from build_scripts.derived import Derived

MD = ["index.md", "guide.md", "v/index.md", "v/p/c.md"]
SEARCH = {"manifest.js": "var m = '离线';", "search.js": "var s;"}


def _page(title: str, up: str) -> str:
    return (f'<!doctype html><html lang="zh-CN"><head><link rel="canonical" href="https://example.org/">\n'
            f'<link rel="stylesheet" href="{up}assets/x.css"></head><body><h1>{title}</h1>'
            f'<a href="{up}guide/">说明</a><a href="{up}data/entries.json">数据</a>'
            f'<script id="__config" type="application/json">{{"base": "{up or "."}"}}</script></body></html>')


def _site(root: Path, chapter: str = "发展与规划") -> Path:
    pages = {"index.html": _page("首页", ""), "guide/index.html": _page("使用说明", "../"),
             "v/index.html": _page("卷", "../"), "v/p/c/index.html": _page(chapter, "../../../"),
             "404.html": '<html><head></head><body><a href="assets/x.css">页面未找到</a></body></html>'}
    files = {**{k: v.encode() for k, v in pages.items()}, "assets/x.css": b"h1{color:red}",
             "data/entries.json": '[{"title": "发展"}]'.encode(), "sitemap.xml": b"<urlset/>",
             "search/manifest.js": b"var m = 'hosted';"}
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def _derive(site: Path, bundle: Path, keys=None, memos=(None, None)) -> dict[str, bytes]:
    derived = Derived(site, MD, SEARCH, "", *memos)
    derived.pages(keys or {})
    derived.write_zip(bundle)
    workers.finish()  # what is kept for the next build is written by the end of a build (workers.later)
    with zipfile.ZipFile(bundle) as zf:
        assert zf.testzip() is None
        return {name.removeprefix("yearbook/"): zf.read(name) for name in zf.namelist()}


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_every_page_gets_its_twin_and_the_bundle_the_offline_copies_of_both(tmp_path):
    site = _site(tmp_path / "site")
    hosted = _tree(site)
    bundle = _derive(site, tmp_path / "b.zip")
    tree = _tree(site)
    pages = ["index.html", "guide/index.html", "v/index.html", "v/p/c/index.html"]
    for rel in pages:  # the twin of each page, written beside the site
        assert tree[f"zh-Hant/{rel}"] == traditional.convert_page(hosted[rel].decode()).encode()
    assert "發展與規劃".encode() in tree["zh-Hant/v/p/c/index.html"]
    # the assets and the hosted search under zh-Hant/ as they are; no twin of the data, 404 or sitemap
    assert tree["zh-Hant/assets/x.css"] == hosted["assets/x.css"]
    assert tree["zh-Hant/search/manifest.js"] == hosted["search/manifest.js"]
    assert not {"zh-Hant/data/entries.json", "zh-Hant/404.html", "zh-Hant/sitemap.xml"} & set(tree)
    # the bundle: each page and twin as its offline copy, at its .html path
    files = {rel for rel in tree if offline.bundled(rel)}
    derivation = offline.Derivation(MD, files)
    for rel in pages + [f"zh-Hant/{rel}" for rel in pages] + ["404.html"]:
        assert bundle[derivation.offline_path(rel)] == derivation.page(tree[rel].decode(), rel).encode()
    assert b'href="../../guide.html"' in bundle["v/p/c.html"] and b'href="../../../data/entries.json"' in bundle["zh-Hant/v/p/c.html"]
    # the other files as they are, the bundle's own search index in both trees, no sitemap
    assert bundle["assets/x.css"] == bundle["zh-Hant/assets/x.css"] == hosted["assets/x.css"]
    assert bundle["data/entries.json"] == hosted["data/entries.json"] and "zh-Hant/data/entries.json" not in bundle
    assert bundle["search/manifest.js"] == bundle["zh-Hant/search/manifest.js"] == SEARCH["manifest.js"].encode()
    assert set(bundle) == {derivation.offline_path(rel) for rel in files} | {
        f"{m}search/{name}" for m in ("", "zh-Hant/") for name in SEARCH}


def test_an_asset_of_the_copy_is_a_link_to_the_file_it_repeats(tmp_path):
    site = _site(tmp_path / "site")
    Derived(site, MD, SEARCH, "").pages({})
    assert os.path.samefile(site / "assets" / "x.css", site / "zh-Hant" / "assets" / "x.css")


def test_a_page_whose_html_key_is_unchanged_is_taken_from_the_cache_and_a_changed_one_derived(tmp_path):
    memos = (Memo(tmp_path / "derived"), Memo(tmp_path / "zip"))
    keys = {"index.html": "k-index", "guide/index.html": "k-guide", "v/index.html": "k-v", "v/p/c/index.html": "k-c"}
    first = _site(tmp_path / "one")
    _derive(first, tmp_path / "one.zip", keys, memos)
    # The next build: chapter c changed (a new key); the others have their old keys and HTML.
    second = _site(tmp_path / "two", chapter="发展改革")
    rebuilt = _derive(second, tmp_path / "two.zip", {**keys, "v/p/c/index.html": "k-c2"}, memos)
    cold = _site(tmp_path / "cold", chapter="发展改革")
    assert rebuilt == _derive(cold, tmp_path / "cold.zip")
    assert _tree(second) == _tree(cold)
    assert "發展改革".encode() in _tree(second)["zh-Hant/v/p/c/index.html"]
    # A kept page is not read again: under its key, its outputs are the ones kept.
    (second / "index.html").write_text(_page("改过的首页", ""), encoding="utf-8")
    again = _derive(second, tmp_path / "three.zip", {**keys, "v/p/c/index.html": "k-c2"}, memos)
    assert again == rebuilt


def test_without_a_key_a_page_is_kept_under_its_bytes(tmp_path):
    memos = (Memo(tmp_path / "derived"), Memo(tmp_path / "zip"))
    _derive(_site(tmp_path / "one"), tmp_path / "one.zip", None, memos)
    kept = len(list((tmp_path / "derived").iterdir()))
    site = _site(tmp_path / "two", chapter="发展改革")
    assert _derive(site, tmp_path / "two.zip", None, memos) == _derive(_site(tmp_path / "cold", chapter="发展改革"), tmp_path / "c.zip")
    assert len(list((tmp_path / "derived").iterdir())) == kept + 1  # only the changed page derived anew


def test_a_damaged_kept_page_is_derived_again(tmp_path):
    memos = (Memo(tmp_path / "derived"), Memo(tmp_path / "zip"))
    keys = {"index.html": "k-index", "guide/index.html": "k-guide", "v/index.html": "k-v", "v/p/c/index.html": "k-c"}
    first = _derive(_site(tmp_path / "one"), tmp_path / "one.zip", keys, memos)
    for entry in (tmp_path / "derived").iterdir():
        entry.write_bytes(entry.read_bytes()[:-7])
    for entry in (tmp_path / "zip").iterdir():
        data = entry.read_bytes()
        entry.write_bytes(data[:32] + bytes(len(data) - 32))
    site = _site(tmp_path / "two")
    assert _derive(site, tmp_path / "two.zip", keys, memos) == first
    assert _tree(site) == _tree(tmp_path / "one")


def test_each_distinct_content_is_compressed_once_and_no_larger_than_zipfile_would(tmp_path, monkeypatch):
    compressed = []
    kept_member = bundle.kept_member
    monkeypatch.setattr(bundle, "kept_member", lambda data, memo: compressed.append(data) or kept_member(data, memo))
    bundle_files = _derive(_site(tmp_path / "site"), tmp_path / "b.zip")
    # assets/x.css and its zh-Hant/ link, the two copies of each search file: compressed once each
    others = [bundle_files[rel] for rel in sorted(bundle_files) if not rel.endswith(".html")] + [bundle_files["404.html"]]
    assert len(others) > len(compressed) and sorted(compressed) == sorted(set(others))
    data = "数据".encode() * 3000
    with zipfile.ZipFile(tmp_path / "x.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a", data)
    with zipfile.ZipFile(tmp_path / "x.zip") as zf:
        size, crc, deflated = bundle.member(data)
        assert (zf.getinfo("a").CRC, size) == (crc, len(data))
        assert len(deflated) <= zf.getinfo("a").compress_size  # libdeflate: zlib's size or smaller
    assert zlib.decompress(deflated, -15) == data  # plain DEFLATE, as every unzip reads it


def test_the_copy_made_alone_is_the_one_the_build_makes(tmp_path):
    """traditional.write (the 繁體 copy by itself, as benchmarks/reader_site.py times it)."""
    built, alone = _site(tmp_path / "built"), _site(tmp_path / "alone")
    Derived(built, MD, SEARCH, "").pages({})
    assert traditional.write(alone) == 4
    assert _tree(alone) == _tree(built)


def test_a_twin_links_the_shared_data_one_folder_up_in_href_and_src():
    page = ('<html lang="zh-CN"><body><a href="data/entries.json">数据</a><a href="./data/a.json">a</a>'
            '<img src="../../data/b.png"><a href="../dataset/">别的</a></body></html>')
    twin = traditional.convert_page(page)
    assert ('href="../data/entries.json"' in twin and 'href="../data/a.json"' in twin
            and 'src="../../../data/b.png"' in twin and 'href="../dataset/"' in twin)
