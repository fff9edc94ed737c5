"""The offline bundle derived from the hosted site (build_scripts/offline.py):
every link of a page re-aimed from directory URLs at the .html files a
file:// browser can open, for pages at another depth too."""
from __future__ import annotations

import zipfile

from build_scripts import offline
from build_scripts.cache import Memo
from build_scripts.bundle import kept_member, write_zip

PAGES = ["index.md", "guide.md", "v/index.md", "v/p/index.md", "v/p/c.md", "v/p/d.md"]
FILES = {"index.html", "guide/index.html", "v/index.html", "v/p/index.html", "v/p/c/index.html", "v/p/d/index.html",
         "assets/x.css", "data/entries.json", "search/search.js", "zh-Hant/index.html", "zh-Hant/v/p/c/index.html",
         "zh-Hant/assets/x.css"}


def _page(body: str, base: str) -> str:
    return (f'<html><head><link rel="canonical" href="https://example.org/v/p/c/">\n</head><body>{body}'
            f'<script id="__config" type="application/json">{{"base": "{base}", "search": "{base}/assets/w.js"}}</script></body></html>')


def test_a_page_one_level_up_in_the_bundle_has_every_link_re_aimed():
    d = offline.Derivation(PAGES, FILES)
    assert d.offline_path("v/p/c/index.html") == "v/p/c.html"
    assert d.offline_path("v/p/index.html") == "v/p/index.html"
    html = d.page(_page('<a href="../d/">d</a><a href="../../../">home</a><a href="../">part</a>'
                        '<a href="#gai-kuang">here</a><a href="../../../guide/#x">guide</a>'
                        '<link href="../../../assets/x.css"><a href="../../../data/entries.json">data</a>'
                        '<a href="https://example.org/">out</a><a href="./">self</a>', "../../.."), "v/p/c/index.html")
    for link in ['href="d.html"', 'href="../../index.html"', 'href="index.html"', 'href="#gai-kuang"',
                 'href="../../guide.html#x"', 'href="../../assets/x.css"', 'href="../../data/entries.json"',
                 'href="https://example.org/"', 'href="c.html"']:
        assert link in html, link
    assert '"base": "../.."' in html and '"search": "../../assets/w.js"' in html
    assert "canonical" not in html  # a file:// copy names no host
    assert 'src="../../assets/javascripts/iframe-worker-shim.js"' in html  # no CDN shim


def test_an_index_page_keeps_its_depth_and_its_folder_links_become_files():
    d = offline.Derivation(PAGES, FILES)
    html = d.page(_page('<a href="c/">c</a><a href="../../">home</a><a href="../../guide/">g</a>', "../.."), "v/p/index.html")
    assert 'href="c.html"' in html and 'href="../../index.html"' in html and 'href="../../guide.html"' in html
    assert '"base": "../.."' in html


def test_the_traditional_mirror_is_a_site_of_its_own_with_shared_data_one_level_up():
    d = offline.Derivation(PAGES, FILES)
    html = d.page(_page('<a href="../../../../data/entries.json">d</a><link href="../../../assets/x.css">'
                        '<a href="../../../../v/p/c/">简体</a>', "../../.."), "zh-Hant/v/p/c/index.html")
    assert d.offline_path("zh-Hant/v/p/c/index.html") == "zh-Hant/v/p/c.html"
    assert 'href="../../../data/entries.json"' in html and 'href="../../assets/x.css"' in html
    assert 'href="../../../v/p/c.html"' in html
    assert '"base": "../.."' in html  # the mirror's own root


def test_script_paths_of_the_search_partial_follow_the_page():
    d = offline.Derivation(PAGES, FILES)
    html = d.page('<html><head></head><body><script>__md_scope=new URL("../../..",location);'
                  'var src = "../../../search/search.js";</script></body></html>', "v/p/c/index.html")
    assert 'new URL("../..",location)' in html and '"../../search/search.js"' in html


def test_the_bundle_zip_is_a_valid_reproducible_zip_and_reuses_unchanged_members(tmp_path):
    files = {"index.html": ("<p>首页</p>" * 500).encode("utf-8"), "a/b.js": bytes(range(256)) * 40}
    memo = Memo(tmp_path / "memo")
    write_zip({path: kept_member(data, memo) for path, data in files.items()}, tmp_path / "one.zip")
    assert len(list((tmp_path / "memo").iterdir())) == 2
    # every member from the memo, then none
    write_zip({path: kept_member(data, memo) for path, data in files.items()}, tmp_path / "two.zip")
    write_zip({path: kept_member(data, None) for path, data in files.items()}, tmp_path / "three.zip")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes() == (tmp_path / "three.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as zf:
        assert zf.testzip() is None
        assert zf.namelist() == ["yearbook/a/b.js", "yearbook/index.html"]
        assert zf.read("yearbook/index.html").decode("utf-8") == "<p>首页</p>" * 500
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) and i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())


def test_the_members_are_in_the_order_of_paths_folder_by_folder(tmp_path):
    """As sorted pathlib paths: a-c.js after the folder a/, though '-' sorts before '/'."""
    members = {path: kept_member(path.encode(), None) for path in ("a-c.js", "a/b.js", "a.js", "ab/c.js")}
    write_zip(members, tmp_path / "x.zip")
    with zipfile.ZipFile(tmp_path / "x.zip") as zf:
        assert zf.namelist() == ["yearbook/" + p for p in ("a/b.js", "a-c.js", "a.js", "ab/c.js")]


def test_a_damaged_cache_entry_is_never_used(tmp_path):
    memo = Memo(tmp_path)
    key = memo.key("page")
    memo.put(key, b"<p>right</p>")
    assert memo.get(key) == b"<p>right</p>"
    path = tmp_path / key
    path.write_bytes(path.read_bytes().replace(b"right", b"wrong"))
    assert memo.get(key) is None


def test_a_relative_path_is_the_one_posixpath_gives():
    """offline.relative stands in for posixpath.relpath (without its getcwd)."""
    import itertools
    import posixpath

    paths = ["", ".", "index.html", "v", "v/index.html", "v/p", "v/p/c.html", "v/q/c.html", "zh-Hant/v/p", "w/p/c.html"]
    for target, start in itertools.product(paths, paths):
        assert offline.relative(target, start) == posixpath.relpath(target or ".", start or "."), (target, start)
