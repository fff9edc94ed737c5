"""Where things live on the site (站点布局).

One home for the URLs of generated pages, computed once from the Markdown
path as MkDocs does (`mkdocs.structure.files.File`), for both builds: the
hosted site (directory URLs) and the offline bundle (.html files).

Reserved names: every name the site itself writes at the top level of docs/
and site/, and inside a volume's and a 篇's folder. A volume id becomes a
top-level folder, a 篇 slug a folder inside its volume, a 章 slug a page
inside its 篇: one equal to a reserved name would be written over that page
or folder (MkDocs writes one over the other and exits 0), or be taken for
generated content and deleted by the next build. The manifest and the slug
registries check against this one list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# --------------------------------------------------------------- placement
# (issue 13: one placement per entry, computed once right after structure and
# read by render, the glossary, the indexes, the data export and search)


def page_path(volume, part, chapter) -> str:
    """The Markdown page (relative to docs/) a 章 renders on: its own page,
    or its 篇's index page for the entries that stand directly under a 篇."""
    if chapter.title is None:
        return f"{volume.id}/{part.slug}/index.md"
    return f"{volume.id}/{part.slug}/{chapter.slug}.md"


def page_urls(md_path: str) -> tuple[str, str]:
    """(hosted URL, offline URL) of the page MkDocs writes for a Markdown
    file: a/b.md → a/b/ and a/b.html; a/b/index.md → a/b/ and
    a/b/index.html; index.md → "" and index.html."""
    stem = md_path[: -len(".md")] if md_path.endswith(".md") else md_path
    if stem == "index" or stem.endswith("/index"):
        directory = stem[: -len("index")]
        return directory, stem + ".html"
    return stem + "/", stem + ".html"


def page_url(md_path: str) -> str:
    """Site-relative URL of a page under directory URLs (the hosted site)."""
    return page_urls(md_path)[0]


def relative(target: str, directory: str) -> str:
    """posixpath.relpath(target, directory or "."), for site-relative paths
    (segments without ".", ".." or empty ones), worked out on the strings:
    posixpath.relpath first makes both paths absolute against the working
    directory, and that was most of the time of writing the index pages'
    ≈ 7,600 links."""
    src = directory.split("/") if directory else []
    dst = target.split("/")
    n = 0
    while n < len(src) and n < len(dst) and src[n] == dst[n]:
        n += 1
    return "/".join([".."] * (len(src) - n) + dst[n:]) or "."


@dataclass(frozen=True)
class Placement:
    """Where one entry (条目) sits: its page in each build and its anchor;
    for an entry of the book also its Markdown page, its id (entries.json
    `id`), its title and where it stands (篇 › 章)."""

    hosted_page: str   # e.g. hexi-2024/fa-zhi/gong-an/
    offline_page: str  # e.g. hexi-2024/fa-zhi/gong-an.html
    anchor: str        # the entry heading's id, "" for a whole page
    md_path: str = ""  # e.g. hexi-2024/fa-zhi/gong-an.md
    id: str = ""       # e.g. hexi-2024/fa-zhi/gong-an/gai-kuang
    title: str = ""    # the entry's title (its label in indexes and search)
    where: str = ""    # 篇 › 章

    def url(self, directory_urls: bool = True) -> str:
        page = self.hosted_page if directory_urls else self.offline_page
        return page + (f"#{self.anchor}" if self.anchor else "")


@dataclass(frozen=True)
class Placed:
    """One entry of the book in reading order, with its placement."""

    volume: object  # model.Volume (not imported: model is upstream of every stage, layout of none)
    part: object
    chapter: object
    entry: object
    placement: Placement


class SiteLayout:
    """The placement of every entry of every volume, in reading order: the
    one place a page path, URL or entry id is computed (pipeline stage
    "layout", right after structure)."""

    def __init__(self, volumes):
        self.placed: list[Placed] = []
        self._by_entry: dict[int, Placement] = {}
        for volume in volumes:
            for part, chapter, entry in volume.entries():
                md = page_path(volume, part, chapter)
                hosted, offline = page_urls(md)
                placement = Placement(
                    hosted, offline, entry.anchor, md,
                    "/".join(s for s in (volume.id, part.slug, chapter.slug, entry.anchor) if s),
                    entry.title,
                    " › ".join(t for t in (part.title, chapter.title) if t),
                )
                self.placed.append(Placed(volume, part, chapter, entry, placement))
                # Keyed by identity: entries are plain dataclasses (unhashable),
                # and the same objects flow through every later stage.
                self._by_entry[id(entry)] = placement

    def of(self, entry) -> Placement:
        """The placement of one entry of the volumes this layout was made from."""
        return self._by_entry[id(entry)]

    def of_volume(self, volume) -> list[Placed]:
        return [p for p in self.placed if p.volume is volume]


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


# --------------------------------------------------------------- reserved names
# (issue 12: names the site writes; volume ids, 篇 and 章 slugs checked here)

# Top level of docs/ and site/: the pages and folders the build generates
# (home, combined 名词解释, 修订记录, 索引, data files, search index), the
# hand-written ones (guide, assets), what MkDocs and Material write (404 page,
# sitemap) and the names of the project's own output folders.
TOP_LEVEL = frozenset({
    "index",      # home page (index.md / index.html)
    "glossary",   # combined 名词解释 (glossary.md)
    "audit",      # 修订记录 (audit.md)
    "indexes",    # 索引 overview and indexes (indexes/)
    "data",       # the data contract (data/*.json)
    "search",     # the search index (search/*.js)
    "assets",     # hand-written scripts, styles; Material's bundle
    "guide",      # 使用说明 (guide.md)
    "404",        # MkDocs' not-found page (404.html)
    "sitemap",    # sitemap.xml, sitemap.xml.gz
    "about",
    "site",
    "dist",
})
# Inside a volume's folder: its home, its 关于本卷 page, its 名词解释.
VOLUME_LEVEL = frozenset({"index", "about", "glossary"})
# Inside a 篇's folder: its index page.
PART_LEVEL = frozenset({"index"})

# Volume ids become folder names and URL segments: lowercase ASCII. \Z, not $:
# $ also matches before a final newline, so "assets\n" would pass.
_VOLUME_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}\Z")


def volume_id_problem(vid: str, handwritten: frozenset[str] | set[str] = frozenset()) -> str | None:
    """Why `vid` cannot be a volume id, or None. `handwritten` holds the
    top-level names of the hand-written docs/ pages (without .md)."""
    if not _VOLUME_ID.fullmatch(vid):
        return "must be 1–63 lowercase letters, digits and '-', starting with a letter or digit"
    if vid in TOP_LEVEL or vid in handwritten:
        return "is reserved: it is the name of one of the site's own pages or folders"
    return None


# The top-level pages and folders of docs/ the build writes besides volumes.
GENERATED_PAGES = frozenset({"index.md", "glossary.md", "audit.md"})
GENERATED_FOLDERS = frozenset({"indexes", "data"})


def is_generated(docs, name: str) -> bool:
    """Whether docs/<name> can be something the build generated, checked
    before the build moves it away: a hand-written page or folder (assets,
    guide.md …) never is, whatever docs/.generated says (a damaged listing
    must not delete tracked files). A volume folder holds only Markdown."""
    if name in GENERATED_PAGES or name in GENERATED_FOLDERS:
        return True
    if not _VOLUME_ID.fullmatch(name) or name in TOP_LEVEL:
        return False
    path = docs / name
    if path.is_symlink() or not path.is_dir():
        return not path.exists()
    return all(p.is_dir() and not p.is_symlink() or p.suffix == ".md" for p in path.rglob("*"))
