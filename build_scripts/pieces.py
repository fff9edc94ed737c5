"""A large page converted piece by piece, each piece kept (分块转换).

A yearbook's printable page (the whole volume on one page: 1.4 MB of
Markdown for the sample) changes whenever any entry of the volume does, and
converting it whole takes ≈ 0.2 s of a ≈ 1.5 s rebuild after a one-character
correction; the 修订记录 (its tables of changes) with most corrections.
Cut before each of its `## ` headings (its 篇; an index page's letters; the
修订记录's files), and a large piece again before its `### ` headings (a
篇's 章), it is converted piece by piece, and mkdocs_run keeps each piece's
HTML under a key of the piece's Markdown: a rebuild converts only the
pieces that changed.

The HTML, table of contents, title and anchors are those of converting the
page whole, byte for byte, because a page is cut only where no state of
Python-Markdown crosses the cut:

- an ATX heading at the start of a line, after a blank line, ends any
  paragraph, list, quote, table or indented code before it (`CUT`);
- a page is not cut at all when it holds what reaches across blocks: a
  link reference, footnote or abbreviation definition (the whole page's)
  or a code fence (a `## ` line inside it is code) (`_reaches_across`), or
  a raw HTML block that is not one whole element on its line (it may run
  over blank lines and take a `## ` line in: `_whole_html_lines`);
- heading ids: the toc extension makes each id unique against every id of
  the page (`_1`, `_2` …), a piece's only against its own. When the pieces'
  ids are all different, each is the one the whole page would give (an id
  is changed only when taken, and none is taken elsewhere); otherwise the
  page is converted whole (`merge` returns None; `_ids_may_repeat` does
  not even try a page whose headings would surely share one). The
  printable page gives every heading an id of its own for this
  (volume_home.print_page);
- what ends a piece — the newline after a raw HTML block at its end, which
  the whole page keeps and a piece's last strip drops — is kept by
  converting each piece but the last with a paragraph (`SENTINEL`) after
  it, whose HTML is then cut off.

The table of contents of the page is its pieces' headings in order, nested
again (Python-Markdown's nest_toc_tokens, as the toc extension does for
the whole page); the title is the first piece's (MkDocs reads it from the
page's first element); the anchors and links to anchors are the pieces'
together, the first piece's link kept for an anchor linked twice (as MkDocs
keeps the first).
"""
from __future__ import annotations

import html
import re

# Where a page is cut: before a `## ` heading that starts a line after a
# blank line; and a piece still larger than PIECE_CHARS before its `### `
# headings too (a 篇 of many 章, the 修订记录's largest file): the smaller the
# piece a correction falls in, the less a rebuild converts.
CUT = re.compile(r"\n\n(?=## )")
CUT_AGAIN = re.compile(r"\n\n(?=### )")
PIECE_CHARS = 30_000
# Pages below this many characters are converted whole: cutting costs a
# Markdown instance and a sentinel per piece, and a small page converts in
# a few milliseconds anyway.
MIN_CHARS = 100_000
# What reaches across blocks, each searched for only where a substring it
# needs is there (a pattern anchored at line starts is tried at every line).
_REFERENCE = re.compile(r"^(?: {0,3}|\*)\[[^\]\n]*\]:", re.MULTILINE)  # [id]: …, [^1]: …, *[HTML]: …
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
# A line that starts with raw HTML (the page is searched with a newline
# before it: the pattern then starts with a literal, found fast).
_HTML_LINE = re.compile(r"\n {0,3}<[^\n]*")
_FIRST_TAG = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9-]*)")
_COMMENT_LINE = re.compile(r"^ {0,3}<!--.*-->\s*$")
_VOID_LINE = re.compile(r"^ {0,3}<(?:area|br|hr|img|input|link|meta|wbr)\b[^<>]*>\s*$", re.IGNORECASE)
# An ATX heading line (its text: the line without its hashes; a lazy group
# for the text would make the search of a whole page ten times slower).
_HEADING = re.compile(r"^#{1,6}[ \t][^\n]*", re.MULTILINE)
# attr_list's braces at the end of a heading, and those that give it an id ({#id}, {: #id .class }).
_ATTRIBUTES = re.compile(r"\s*\{:?[^{}]*\}\s*$")
_OWN_ID = re.compile(r"\{:?[^{}]*#[^{}\s]+[^{}]*\}\s*$")
# A paragraph of ASCII letters (unchanged by every inline pattern) after
# each piece but the last: its HTML is what is cut off.
SENTINEL = "ybpiecesentinel7e1f0c"
SENTINEL_HTML = f"<p>{SENTINEL}</p>"


def cut(markdown: str) -> list[str] | None:
    """The pieces of a page's Markdown, each but the last followed by the
    sentinel paragraph (what `render` converts); None for a page converted
    whole (small, uncuttable, or with one piece)."""
    if len(markdown) < MIN_CHARS or _reaches_across(markdown) or not _whole_html_lines(markdown):
        return None
    pieces = [small for piece in CUT.split(markdown)
              for small in (CUT_AGAIN.split(piece) if len(piece) > PIECE_CHARS else (piece,))]
    if len(pieces) < 2 or _ids_may_repeat(pieces):
        return None
    return [piece + "\n\n" + SENTINEL for piece in pieces[:-1]] + [pieces[-1]]


def _reaches_across(markdown: str) -> bool:
    """Whether the page holds a definition (link reference, footnote,
    abbreviation) or a code fence."""
    return ("]:" in markdown and bool(_REFERENCE.search(markdown))) or (
        ("```" in markdown or "~~~" in markdown) and bool(_FENCE.search(markdown)))


def _ids_may_repeat(pieces: list[str]) -> bool:
    """Whether two pieces may give a heading the same id, so that `merge`
    would find them shared and the page be converted twice: a heading
    without an id of its own (`{#…}`) gets one from its text (the toc
    extension's slugify; none at all — `_1`, `_2` … — for a heading without
    ASCII, such as most Chinese ones). Read from the Markdown, before any
    conversion: an approximation that only decides whether cutting is worth
    trying (`merge` checks the ids themselves)."""
    from markdown.extensions.toc import slugify

    seen: dict[str, int] = {}
    for n, piece in enumerate(pieces):
        for line in _HEADING.findall(piece):
            if line.endswith("}") and _OWN_ID.search(line):
                continue
            text = _ATTRIBUTES.sub("", line).strip("# \t")
            slug = slugify(html.unescape(text), "-")
            if seen.setdefault(slug, n) != n:
                return True
    return False


def _whole_html_lines(markdown: str) -> bool:
    """Whether every line that starts with raw HTML is one whole element
    (or a comment, or a void element): a raw HTML block then ends on its line."""
    for m in _HTML_LINE.finditer("\n" + markdown):
        line = m.group()[1:].rstrip()
        if _COMMENT_LINE.match(line) or _VOID_LINE.match(line):
            continue
        tag = _FIRST_TAG.match(line)
        if tag is None:
            return False
        name = tag.group(1)
        opened = len(re.findall(rf"<{name}(?=[\s>/])", line, re.IGNORECASE))
        if not line.endswith(f"</{name}>") or opened != len(re.findall(rf"</{name}>", line, re.IGNORECASE)):
            return False
    return True


def render(page, config, files, text: str) -> tuple:
    """One piece (`text`, from `cut`) converted as MkDocs converts a page
    (Page.render, with the page's file for its links): (HTML, headings as
    (title, id, level), title, anchors, links to anchors by file path)."""
    whole = page.markdown
    page.markdown = text
    try:
        page.render(config, files)
    finally:
        page.markdown = whole
    links = {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()}
    return (page.content, list(_flat(page.toc)), page._title_from_render, set(page.present_anchor_ids or ()), links)


def _flat(links):
    for link in links:
        yield (link.title, link.id, link.level)
        yield from _flat(link.children)


def merge(results: list[tuple]) -> tuple | None:
    """The page's conversion from its pieces' (`render`, in order): (HTML,
    table of contents, title, anchors, links to anchors), as
    mkdocs_run._render_one gives it; None when the whole page must be
    converted instead (two pieces share an id, or a piece's HTML does not
    end with the sentinel's)."""
    from markdown.extensions.toc import nest_toc_tokens
    from mkdocs.structure.toc import get_toc

    contents, headings, anchors, links = [], [], set(), {}
    count = 0
    for n, (content, flat, _, ids, piece_links) in enumerate(results):
        if n < len(results) - 1:
            if not content.endswith(SENTINEL_HTML):
                return None
            content = content[: -len(SENTINEL_HTML)]
        contents.append(content)
        headings += flat
        count += len(ids)
        anchors |= ids
        for uri, targets in piece_links.items():
            kept = links.setdefault(uri, {})
            for anchor, link in targets.items():
                kept.setdefault(anchor, link)
    if count != len(anchors):
        return None
    tokens = nest_toc_tokens([{"name": title, "id": ident, "level": level} for title, ident, level in headings])
    return ("".join(contents), get_toc(tokens), results[0][2], anchors, links)
