"""The 繁體 (Traditional Chinese) copy of the built site, under zh-Hant/.

Every HTML page of a finished MkDocs build is converted with OpenCC's `s2t`
(the library's Simplified → Traditional tables, phrase-aware: 头发 → 頭髮,
发展 → 發展) and written at the same path under zh-Hant/, with the assets
beside it, so each page has its twin one folder down and the tool bar's
繁體/简体 link swaps between the two (overrides/main.html writes the 繁體
link; here it is turned round). Converting the built HTML rather than
running MkDocs a second time keeps the two versions identical in structure
and costs seconds, not a build.

What stays as it is:
- an entry's citation (the button's data-cite): a citation names the book as
  printed, in its own script;
- the scripts and the search index (search/*.js): the search already folds
  a Traditional query onto the Simplified text, so a 繁體 query finds its
  entries; its results link to the zh-Hant/ pages (search.js finds the index
  and the pages relative to its own script, which the copy holds);
- site/data/ (the data contract) is not copied: links to it go one folder up.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import opencc

FOLDER = "zh-Hant"
LANG = "zh-Hant"
# Top-level parts of the built site that are not copied (shared with the
# Simplified site: the copy's links to them go one level up).
SHARED = ("data",)
# Build-only or host-only files not copied either.
SKIP = ("sitemap.xml", "sitemap.xml.gz", "404.html", FOLDER)

_converter: opencc.OpenCC | None = None  # made on first use: loading its tables takes ≈ 0.1 s
# Attribute values kept verbatim (see the module docstring).
_KEEP = re.compile(r'data-(?:cite|url)="[^"]*"')
_SWITCH = re.compile(r'<a class="yb-tools__script" data-yb-script="zh-Hant" href="([^"]*?)zh-Hant/([^"]*)"[^>]*>[^<]*</a>')
# One pattern per attribute: a pattern that starts with a literal is searched
# for fast; an alternation is tried at every position of the page.
_SHARED_LINKS = [re.compile(f'({name}=")' + r'((?:\./|(?:\.\./)*))(' + "|".join(SHARED) + r')/') for name in ("href", "src")]
_HTML_LANG = re.compile(r'<html lang="[^"]*"')
# Where a large page is cut for its conversion (Chunks): before each h2 and h3.
_CHUNK = re.compile(r"<h[23][\s>]")
CHUNKED_FROM = 200_000  # characters of HTML: a smaller page converts in a few milliseconds


def load() -> None:
    """OpenCC's s2t tables, loaded once per process (≈ 0.1 s, holding the
    GIL): by the build while it waits for other work (output.warm_up), or
    before the workers that convert are forked (they inherit them)."""
    global _converter
    if _converter is None:
        _converter = opencc.OpenCC("s2t")


def convert_text(text: str) -> str:
    """Simplified → Traditional, character by character with OpenCC's phrases."""
    load()
    return _converter.convert(text)


class Chunks:
    """A large page's conversion in chunks, each kept (分块转换): a
    yearbook's printable page (1.8 MB of HTML) changes with any entry of the
    volume, and OpenCC takes ≈ 0.07 s over it whole. Cut before each `<h2`
    and `<h3` (its 篇 and 章), a rebuild converts only the chunks that changed. The twin is
    the same: OpenCC matches its phrases within the text, and none of them
    holds a `<`, so no match crosses the cut. `known`: chunk → its
    conversion, kept by the last build (derived.py); `made`: this build's."""

    def __init__(self, known: dict[str, str] | None = None):
        self.known = known or {}
        self.made: dict[str, str] = {}

    def convert(self, text: str) -> str:
        out = []
        for chunk in _chunks(text):
            twin = self.known.get(chunk)
            if twin is None:
                twin = convert_text(chunk)
            self.made[chunk] = twin
            out.append(twin)
        return "".join(out)


def _chunks(text: str) -> list[str]:
    """`text` cut before each `<h2`/`<h3` (a pattern starting with `<` is
    found fast; a split at a lookahead alone tries every position)."""
    starts = [m.start() for m in _CHUNK.finditer(text) if m.start()]
    return [text[a:b] for a, b in zip([0, *starts], [*starts, len(text)])]


def convert_page(html: str, site_url: str = "", chunks: Chunks | None = None) -> str:
    """One built page as its zh-Hant/ twin (converted in `chunks` when given)."""
    kept: list[str] = []

    def keep(m: re.Match) -> str:
        kept.append(m.group())
        return f"\x00{len(kept) - 1}\x00"

    text = _KEEP.sub(keep, html)
    text = chunks.convert(text) if chunks is not None else convert_text(text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)
    text = _HTML_LANG.sub(f'<html lang="{LANG}"', text, count=1)
    text = _SWITCH.sub(
        lambda m: f'<a class="yb-tools__script" data-yb-script="zh-CN" href="{m.group(1)}../{m.group(2)}" '
        f'hreflang="zh-CN" lang="zh-CN" title="本页简体版">简体</a>',
        text,
    )
    for pattern in _SHARED_LINKS:
        text = pattern.sub(lambda m: f"{m.group(1)}{'' if m.group(2) == './' else m.group(2)}../{m.group(3)}/", text)
    if site_url:
        base = site_url.rstrip("/") + "/"
        text = text.replace(f'<link rel="canonical" href="{base}', f'<link rel="canonical" href="{base}{FOLDER}/')
    return text


def mirrored(rel: str) -> bool:
    """Whether the file at `rel` (posix path in the built site) has a twin under zh-Hant/."""
    return rel.split("/", 1)[0] not in SHARED + SKIP


def mirror_file(site: Path, rel: str) -> None:
    """A file that is not a page (an asset, a search script), under zh-Hant/
    as it is: a hard link where the file system allows (nothing writes into a
    finished site, and the bytes are the same), else a copy."""
    out = site / FOLDER / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(site / rel, out)
    except OSError:
        shutil.copyfile(site / rel, out)


def write(site: Path, site_url: str = "") -> int:
    """Write site/zh-Hant/ from the finished build in `site`, in this process;
    return the number of pages. (The build makes the copy with the offline
    bundle, page by page in workers: derived.py.)"""
    shutil.rmtree(site / FOLDER, ignore_errors=True)
    pages = 0
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or not mirrored(rel):
            continue
        if rel.endswith(".html"):
            out = site / FOLDER / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(convert_page(path.read_bytes().decode("utf-8"), site_url).encode("utf-8"))
            pages += 1
        else:
            mirror_file(site, rel)
    return pages
