"""Python-Markdown's inline patterns skipped where none can match (行内标记快速路径).

Converting a page, Python-Markdown tries each of its 14 inline patterns on
every text node (each paragraph, heading, table cell, list item), and most of
the time goes there — yet a yearbook paragraph is mostly ideographs, with
nothing any of them can match. Every default pattern begins its match at a
character of a small set — `` ` `` (code), `\\` (escape), `[` (links, images,
references; `![` holds it), `<` (autolinks, inline HTML), `&` (entities), `*`
and `_` (emphasis) — or at two spaces before a line break. A text without any
of them comes out of that pattern unchanged, so the pattern is not tried. A
pattern's match only ever takes characters out of the text (it leaves a
placeholder of letters and digits), so the characters found in a text before
the first pattern are a superset of those there at any later pattern's turn:
one search per text tells which patterns to try.

The four reference patterns (`[text][id]`, `[id]`, and their image forms) can
only change a text when the page defines references (`[id]: url`); on a page
without any, each would find every `[`, read the bracket, find no such
reference and leave the text as it was, so they are not tried.

The link pattern reads a link's text and address with Python loops over their
characters (nested brackets, titles in quotes); `_FastLink` reads the common
shape — text without brackets, an address without spaces, parentheses,
quotes or `<` — with one regular expression each, and hands anything else to
those loops. The index pages are mostly such links (≈ 9,000 a build).

The HTML is byte for byte what Python-Markdown writes
(tests/unit/test_inline_fastpath.py), in under a third of its inline time on
this project's pages (benchmarks/markdown_bench.py).

Only while the inline patterns are exactly Python-Markdown's defaults (with
`_FastLink` in the link's place): an extension that adds or replaces one
(pymdownx, abbr …) may match anything, and then every text goes through every
pattern as usual.

Use: `markdown_extensions: [build_scripts.inline_fastpath]` (site.py adds it).
"""
from __future__ import annotations

import re

import markdown
from markdown import inlinepatterns, util
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

# What a match of each default inline pattern holds at its start (see the
# regular expressions in markdown/inlinepatterns.py), as found by `_TRIGGER`:
# `![` counts as `[` (an image is tried wherever a bracket is, as before).
TRIGGERS = {
    "backtick": {"`"}, "escape": {"\\"},
    "reference": {"["}, "link": {"["}, "short_reference": {"["},
    "image_link": {"["}, "image_reference": {"["}, "short_image_ref": {"["},
    "autolink": {"<"}, "automail": {"<"}, "html": {"<"},
    "linebreak": {"  \n"}, "entity": {"&"}, "em_strong": {"*", "_"},
}
_TRIGGER = re.compile(r"[`\\\[<&*_]|  \n")
# Patterns that only match a reference the page defines (Markdown.references).
REFERENCES = {"reference", "short_reference", "image_reference", "short_image_ref"}


class _FastLink(inlinepatterns.LinkInlineProcessor):
    """Python-Markdown's `[text](address)`, the plain shape read by regular
    expressions: what the base class's loops find for it, without the loops."""

    # Text up to the first `]` when no `[` comes before it: the bracket
    # counting of getText closes there too.
    PLAIN_TEXT = re.compile(r"([^\[\]]*)\]")
    # `(address)` with no space, parenthesis, quote or `<` inside: getLink's
    # loop takes everything up to the first `)`, and no title.
    PLAIN_ADDRESS = re.compile(r"\(([^\s()<>'\"]*)\)")

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        m = self.PLAIN_TEXT.match(data, index)
        if m is None:
            return super().getText(data, index)
        return m.group(1), m.end(), True

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        m = self.PLAIN_ADDRESS.match(data, index)
        if m is None:
            return super().getLink(data, index)
        return self.unescape(m.group(1)).strip(), None, m.end(), True


def _signature(md: markdown.Markdown) -> tuple:
    return tuple((item.name, type(md.inlinePatterns[item.name]), md.inlinePatterns[item.name].pattern)
                 for item in md.inlinePatterns._priority)


_STOCK = markdown.Markdown()
DEFAULT = _signature(_STOCK)
# The defaults with the fast link in the link's place: what the fast path expects.
EXPECTED = tuple((name, _FastLink if name == "link" else kind, pattern) for name, kind, pattern in DEFAULT)
# A Python-Markdown whose defaults are not those above gets no fast path.
KNOWN = {name for name, _, _ in DEFAULT} == set(TRIGGERS) and (
    type(_STOCK.inlinePatterns["link"]) is inlinepatterns.LinkInlineProcessor)


class _FastInline(InlineProcessor):
    def run(self, tree, ancestors=None):
        fast = KNOWN and _signature(self.md) == EXPECTED
        self._plan = None
        if fast:
            names = [item.name for item in self.inlinePatterns._priority]
            # Without references a reference pattern never changes a text:
            # it is given a trigger no text holds.
            self._plan = (
                [self.inlinePatterns[name] for name in names],
                [TRIGGERS[name] if self.md.references or name not in REFERENCES else set() for name in names],
            )
        return super().run(tree, ancestors)

    # The base class calls self.__handleInline, i.e. this name. Its loop, with
    # a pattern whose trigger is absent counted as not matching (which is what
    # trying it would find).
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if self._plan is None or isinstance(data, util.AtomicString):
            return super()._InlineProcessor__handleInline(data, patternIndex)
        found = set(_TRIGGER.findall(data))
        if not found:
            return data
        patterns, triggers = self._plan
        for index in range(patternIndex, len(patterns)):
            if found.isdisjoint(triggers[index]):
                continue
            startIndex = 0
            matched = True
            while matched:
                data, matched, startIndex = self._InlineProcessor__applyPattern(
                    patterns[index], data, index, startIndex
                )
        return data


class InlineFastpathExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Takes the place (name and priority) of Python-Markdown's own inline processor.
        md.treeprocessors.register(_FastInline(md), "inline", 20)
        # The link pattern, only where it is still Python-Markdown's own (an
        # extension before this one may have put its own there).
        link = md.inlinePatterns["link"] if "link" in md.inlinePatterns else None
        if type(link) is inlinepatterns.LinkInlineProcessor and link.pattern == inlinepatterns.LINK_RE:
            md.inlinePatterns.register(_FastLink(inlinepatterns.LINK_RE, md), "link", _priority_of(md, "link"))


def _priority_of(md: markdown.Markdown, name: str) -> float:
    return next(item.priority for item in md.inlinePatterns._priority if item.name == name)


def makeExtension(**kwargs) -> InlineFastpathExtension:
    return InlineFastpathExtension(**kwargs)
