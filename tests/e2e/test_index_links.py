"""End to end: every link of every index page of the built site lands on a
page that exists and on an element with the linked id — hosted and offline."""
from __future__ import annotations

import json
import posixpath
import re
import zipfile
from html import unescape
from urllib.parse import unquote, urlsplit

from build_scripts.indexes.entry_index import is_heading
from build_scripts.render import DAY_TITLE

HREF = re.compile(r'href="([^"]+)"')
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def _links(html: str) -> list[str]:
    body = ARTICLE.search(html)
    return [unescape(h) for h in HREF.findall(body.group() if body else "")]


def _crawl(files: dict[str, str]) -> tuple[int, list[str]]:
    """files: site path → html. Returns (links checked, broken links)."""
    checked, broken = 0, []
    for page in sorted(p for p in files if p.startswith("indexes/")):
        for href in _links(files[page]):
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "data:")):
                continue
            checked += 1
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
            if target.endswith("/") or target in (".", "") or not posixpath.splitext(target)[1]:
                target = posixpath.join(target, "index.html") if target not in (".", "") else "index.html"
            html = files.get(target)
            if html is None:
                broken.append(f"{page}: {href} (no page {target})")
            elif parts.fragment and unquote(parts.fragment) not in _ids(html):
                broken.append(f"{page}: {href} (no id {parts.fragment} on {target})")
    return checked, broken


def _locators(built) -> int:
    index = json.loads((built / "site" / "data" / "index.json").read_text(encoding="utf-8"))
    total = sum(len(h["locators"]) for name in ("entries", "subjects", "people", "organisations", "places")
                for h in index[name])
    assert total > 0
    return total


def test_every_index_link_of_the_hosted_site_resolves(built):
    site = built / "site"
    files = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    checked, broken = _crawl(files)
    # a link per locator of index.json (and the letter bars' and the overview's besides)
    assert checked >= _locators(built), "the index pages should hold a link per locator"
    assert broken == []


def test_every_index_link_of_the_offline_bundle_resolves(built):
    with zipfile.ZipFile(built / "dist" / "yearbook-offline.zip") as zf:
        files = {n[len("yearbook/"):]: zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".html")}
    checked, broken = _crawl(files)
    assert checked >= _locators(built)
    assert broken == []


def test_entry_index_reaches_every_entry(built, entries):
    index = json.loads((built / "site" / "data" / "index.json").read_text(encoding="utf-8"))
    linked = {l["entry"] for h in index["entries"] for l in h["locators"] if l["entry"]}
    # Not headings (entry_index.is_heading): 大事记 dates, reached from the
    # chronicle's date index below, and numbered report sections, reached
    # from their report (a 章 heading of the index).
    ours = {e["id"] for e in entries if not re.fullmatch(r"\s*索\s*引\s*", e["part"]) and is_heading(e["title"])}
    assert ours - linked == set()


def test_the_chronicle_date_index_reaches_every_day(built, entries):
    days = [e for e in entries if e["title"] and DAY_TITLE.match(e["title"])]
    assert len(days) == 147  # the book's 147 dated 大事记 events (test_sample_figures)
    by_part: dict[str, str] = {}
    for e in days:
        part_dir = e["url"].split("/")[:2]
        page = built / "site" / "/".join(part_dir) / "index.html"
        by_part.setdefault(str(page), page.read_text(encoding="utf-8"))
    linked = "".join(by_part.values())
    first_of_day = {(e["url"].split("#")[0], e["title"]): e for e in reversed(days)}
    missing = [e["url"] for e in first_of_day.values() if "#" + e["url"].split("#")[1] + '"' not in linked]
    assert missing == []


def test_index_json_locator_urls_are_entry_urls(built, entries):
    index = json.loads((built / "site" / "data" / "index.json").read_text(encoding="utf-8"))
    url_of = {e["id"]: e["url"] for e in entries}
    for key in ("entries", "subjects", "people", "organisations", "places"):
        for h in index[key]:
            for l in h["locators"]:
                if l["entry"]:
                    assert l["url"] == url_of[l["entry"]]


def test_index_pages_are_in_the_navigation(built):
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    for page in ("indexes/entries/", "indexes/subjects/", "indexes/people/", "indexes/organisations/", "indexes/places/"):
        assert page in html


def test_the_crawl_reports_a_missing_page_and_a_missing_anchor():
    files = {
        "indexes/entries/index.html": '<article><a href="../../a/b/#here">x</a><a href="../../a/c/">y</a></article>',
        "a/b/index.html": '<h2 id="elsewhere">t</h2>',
    }
    checked, broken = _crawl(files)
    assert checked == 2 and len(broken) == 2
