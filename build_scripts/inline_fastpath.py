"""Python-Markdown's inline patterns skipped where none can match (行内标记快速路径).

Converting a page, Python-Markdown tries each of its 14 inline patterns on
every text node (each paragraph, heading, table cell), and most of the time
goes there — yet a yearbook paragraph is mostly ideographs, with nothing any of
them can match. Every default pattern begins its match at a character of a
small set — `` ` `` (code), `\\` (escape), `[` (links, images, references;
`![` holds it), `<` (autolinks, inline HTML), `&` (entities), `*` and `_`
(emphasis) — or at two spaces before a line break. A text without any of them
comes out of that pattern unchanged, so the pattern is not tried: the HTML is
byte for byte what Python-Markdown writes (tests/unit/test_inline_fastpath.py),
for a quarter less time over this project's pages.

Only while the inline patterns are exactly Python-Markdown's defaults: an
extension that adds or replaces one (pymdownx, abbr …) may match anything, and
then every text goes through every pattern as usual.

Use: `markdown_extensions: [build_scripts.inline_fastpath]` (site.py adds it).
"""
from __future__ import annotations

import markdown
from markdown import util
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

# What a match of each default inline pattern holds, at its start (see the
# regular expressions in markdown/inlinepatterns.py): a pattern none of whose
# strings is in the text cannot match it.
TRIGGERS = {
    "backtick": ("`",), "escape": ("\\",),
    "reference": ("[",), "link": ("[",), "short_reference": ("[",),
    "image_link": ("![",), "image_reference": ("![",), "short_image_ref": ("![",),
    "autolink": ("<",), "automail": ("<",), "html": ("<",),
    "linebreak": ("  \n",), "entity": ("&",), "em_strong": ("*", "_"),
}


def _signature(md: markdown.Markdown) -> tuple:
    return tuple((item.name, type(md.inlinePatterns[item.name]), md.inlinePatterns[item.name].pattern)
                 for item in md.inlinePatterns._priority)


DEFAULT = _signature(markdown.Markdown())
# A Python-Markdown whose defaults are not those above gets no fast path.
KNOWN = {name for name, _, _ in DEFAULT} == set(TRIGGERS)


class _FastInline(InlineProcessor):
    def run(self, tree, ancestors=None):
        fast = KNOWN and _signature(self.md) == DEFAULT
        self._triggers = [TRIGGERS[item.name] for item in self.inlinePatterns._priority] if fast else None
        return super().run(tree, ancestors)

    # The base class calls self.__handleInline, i.e. this name. Its loop, with
    # a pattern whose trigger is absent counted as not matching (which is what
    # trying it would find); the text changes as patterns match, so the test
    # is made on the text as it is when the pattern's turn comes.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if self._triggers is None or isinstance(data, util.AtomicString):
            return super()._InlineProcessor__handleInline(data, patternIndex)
        startIndex = 0
        count = len(self.inlinePatterns)
        while patternIndex < count:
            if any(t in data for t in self._triggers[patternIndex]):
                data, matched, startIndex = self._InlineProcessor__applyPattern(
                    self.inlinePatterns[patternIndex], data, patternIndex, startIndex
                )
                if matched:
                    continue
            startIndex = 0
            patternIndex += 1
        return data


class InlineFastpathExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Takes the place (name and priority) of Python-Markdown's own inline processor.
        md.treeprocessors.register(_FastInline(md), "inline", 20)


def makeExtension(**kwargs) -> InlineFastpathExtension:
    return InlineFastpathExtension(**kwargs)
