"""Where things live on the site (站点布局).

One home for the URLs of generated pages, computed once from the Markdown
path as MkDocs does (`mkdocs.structure.files.File`), for both builds: the
hosted site (directory URLs) and the offline bundle (.html files).
"""
from __future__ import annotations

from dataclasses import dataclass

# --------------------------------------------------------------- placement
# (issue 14: per-entry placement, read by the search)


def page_urls(md_path: str) -> tuple[str, str]:
    """(hosted URL, offline URL) of the page MkDocs writes for a Markdown
    file: a/b.md → a/b/ and a/b.html; a/b/index.md → a/b/ and
    a/b/index.html; index.md → "" and index.html."""
    stem = md_path[: -len(".md")] if md_path.endswith(".md") else md_path
    if stem == "index" or stem.endswith("/index"):
        directory = stem[: -len("index")]
        return directory, stem + ".html"
    return stem + "/", stem + ".html"


@dataclass(frozen=True)
class Placement:
    """Where one entry (条目) sits: its page in each build and its anchor."""

    hosted_page: str   # e.g. hexi-2024/fa-zhi/gong-an/
    offline_page: str  # e.g. hexi-2024/fa-zhi/gong-an.html
    anchor: str        # the entry heading's id, "" for a whole page

    def url(self, directory_urls: bool = True) -> str:
        page = self.hosted_page if directory_urls else self.offline_page
        return page + (f"#{self.anchor}" if self.anchor else "")


class Layout:
    """The placements of a build, from the generated pages' Markdown paths."""

    def __init__(self, md_paths):
        self._offline = {}
        for path in md_paths:
            hosted, offline = page_urls(path)
            self._offline[hosted] = offline

    def place(self, url: str) -> Placement:
        """The placement of an entries.json URL (hosted page + #anchor)."""
        page, _, anchor = url.partition("#")
        if page not in self._offline:
            raise KeyError(f"no generated page for {url!r}")
        return Placement(page, self._offline[page], anchor)
