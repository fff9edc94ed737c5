"""Python-Markdown's block tests answered without a regular expression where
a character they need is absent (块级标记快速路径).

Python-Markdown splits a page into blocks (at blank lines) and asks each block
processor in turn whether it takes the block; several answer by searching the
whole block with a regular expression — on a yearbook page, mostly long
paragraphs of ideographs and the index pages' long lists — and nearly always
answer no. Each of those searches needs a character or pair the block seldom
holds, which a substring test finds at once:

| processor | what its expression needs | tested first |
|---|---|---|
| `hashheader` (`# 标题`) | `#` at the start of a line (the expression has no MULTILINE: `^` is the block's start) | `#` first, or `\\n#` |
| `setextheader` (underlined title) | the second line starting with `=` or `-` | the character after the first newline |
| `hr` (`---`, `***`, `___`) | three of `-`, `_` or `*` | any of them |
| `quote` (`> 引文`) | `>` | `>` |
| `table` (`| 表 |`) | a second row and `|` in the first (a cell boundary or its border) | a newline and `|` |
| `reference` (`[id]: url`; its test always says yes, its run searches) | `]:` | `]:` |

When the character is there, the processor's own test (or run) decides as
before; when it is not, that test would have found nothing: the block goes to
the next processor exactly as before, so the HTML is byte for byte what
Python-Markdown writes (tests/unit/test_block_fastpath.py), with the block
parsing of this project's pages 40 % shorter (benchmarks/markdown_bench.py).

Only a processor still of Python-Markdown's own class is replaced (an
extension may have put its own in its place).

Use: `markdown_extensions: [build_scripts.block_fastpath]` (output.py adds it).
"""
from __future__ import annotations

import markdown
from markdown import blockprocessors
from markdown.extensions import Extension
from markdown.extensions import tables


class _HashHeader(blockprocessors.HashHeaderProcessor):
    def test(self, parent, block: str) -> bool:
        return (block.startswith("#") or "\n#" in block) and super().test(parent, block)


class _SetextHeader(blockprocessors.SetextHeaderProcessor):
    def test(self, parent, block: str) -> bool:
        newline = block.find("\n")
        return newline >= 0 and block[newline + 1:newline + 2] in ("=", "-") and super().test(parent, block)


class _HR(blockprocessors.HRProcessor):
    def test(self, parent, block: str) -> bool:
        return ("-" in block or "_" in block or "*" in block) and super().test(parent, block)


class _BlockQuote(blockprocessors.BlockQuoteProcessor):
    def test(self, parent, block: str) -> bool:
        return ">" in block and super().test(parent, block)


class _Table(tables.TableProcessor):
    def test(self, parent, block: str) -> bool:
        return "\n" in block and "|" in block.split("\n", 1)[0] and super().test(parent, block)


class _Reference(blockprocessors.ReferenceProcessor):
    def run(self, parent, blocks: list[str]) -> bool:
        # The base class pops the block, finds no match and puts it back.
        return "]:" in blocks[0] and super().run(parent, blocks)


# name in md.parser.blockprocessors → (Python-Markdown's class, its fast form)
FAST = {
    "hashheader": (blockprocessors.HashHeaderProcessor, _HashHeader),
    "setextheader": (blockprocessors.SetextHeaderProcessor, _SetextHeader),
    "hr": (blockprocessors.HRProcessor, _HR),
    "quote": (blockprocessors.BlockQuoteProcessor, _BlockQuote),
    "table": (tables.TableProcessor, _Table),
    "reference": (blockprocessors.ReferenceProcessor, _Reference),
}


class BlockFastpathExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        registry = md.parser.blockprocessors
        for item in list(registry._priority):
            stock, fast = FAST.get(item.name, (None, None))
            processor = registry[item.name]
            if stock is not None and type(processor) is stock:
                # The same processor with the cheaper test: its settings
                # (the table's configuration, the tab length) kept as they are.
                processor.__class__ = fast


def makeExtension(**kwargs) -> BlockFastpathExtension:
    return BlockFastpathExtension(**kwargs)
