"""Link checker: every internal href/src of every built page, and every
#anchor, points at something that exists — in the hosted site and in the
offline bundle. Ids within a page are unique, so an anchor names one place."""
from __future__ import annotations

import collections
import html.parser
import json
import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

EXTERNAL = ("http:", "https:", "mailto:", "javascript:", "data:", "tel:", "//")


class _Page(html.parser.HTMLParser):
    """Collects the ids and the link targets of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.append(a["name"])
        for key in ("href", "src"):
            if a.get(key) is not None and not (tag == "link" and a.get("rel") in ("canonical", "alternate")):
                self.links.append(a[key])


class Site:
    """A built site on disk, parsed page by page on demand."""

    def __init__(self, root: Path, prefix: str = "/", skip: tuple[str, ...] = ()) -> None:
        self.root = root
        self.prefix = prefix  # URL path the site is served under (site_url's path)
        self.skip = skip
        self._pages: dict[str, _Page] = {}

    def page(self, rel: str) -> _Page:
        if rel not in self._pages:
            p = _Page()
            p.feed((self.root / rel).read_text(encoding="utf-8"))
            self._pages[rel] = p
        return self._pages[rel]

    def html_files(self) -> list[str]:
        pages = (p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))
        return sorted(p for p in pages if p not in self.skip)

    def resolve(self, page: str, link: str) -> tuple[str | None, str]:
        """(target file relative to the root, or None if missing; fragment)."""
        parts = urlsplit(link)
        path = unquote(parts.path)
        if not path:
            target = page
        else:
            if path.startswith("/"):
                if not path.startswith(self.prefix):
                    return None, parts.fragment
                target = path[len(self.prefix):] or "."
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if path.endswith("/") or (self.root / target).is_dir():
                target = posixpath.join(target, "index.html")
        if target.startswith("..") or not (self.root / target).is_file():
            return None, parts.fragment
        return target, unquote(parts.fragment)

    def broken(self) -> list[str]:
        problems = []
        for page in self.html_files():
            for link in self.page(page).links:
                if link.startswith(EXTERNAL) or link == "#":
                    continue
                target, fragment = self.resolve(page, link)
                if target is None:
                    problems.append(f"{page}: {link} (no such file)")
                elif fragment and target.endswith(".html") and fragment not in self.page(target).ids:
                    problems.append(f"{page}: {link} (no id '{fragment}')")
        return problems

    def duplicate_ids(self) -> list[str]:
        problems = []
        for page in self.html_files():
            counts = collections.Counter(self.page(page).ids)
            problems += [f"{page}: id '{i}' ×{n}" for i, n in counts.items() if n > 1]
        return problems


@pytest.fixture(scope="module")
def hosted(built) -> Site:
    # 404.html links relative to the site root, whatever URL it is shown at
    # (its <base> is set by its first script); the crawl reads it from the root.
    site_url = yaml.safe_load((built / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url") or "/"
    return Site(built / "site", prefix=urlsplit(site_url).path or "/")


@pytest.fixture(scope="module")
def offline(built, tmp_path_factory) -> Site:
    dest = tmp_path_factory.mktemp("offline-links")
    with zipfile.ZipFile(built / "dist" / "yearbook-offline.zip") as zf:
        zf.extractall(dest)
    # The bundle's 404.html is checked too: its links are relative to the
    # site root (build_scripts/notfound.py), so it works opened from file://.
    return Site(dest / "yearbook")


def test_hosted_site_has_no_broken_internal_links_or_anchors(hosted):
    assert len(hosted.html_files()) > 50
    assert hosted.broken() == []


def test_offline_bundle_has_no_broken_internal_links_or_anchors(offline):
    assert offline.broken() == []


def test_ids_are_unique_within_every_page(hosted):
    assert hosted.duplicate_ids() == []


def test_every_entry_url_of_the_data_contract_resolves(hosted):
    entries = json.loads((hosted.root / "data" / "entries.json").read_text(encoding="utf-8"))
    problems = []
    for e in entries:
        target, fragment = hosted.resolve("index.html", e["url"])
        if target is None or fragment not in hosted.page(target).ids:
            problems.append(e["url"])
    assert problems == []
