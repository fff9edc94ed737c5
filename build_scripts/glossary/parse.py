"""The 名词解释 list of a report, read from a structured volume (名词解释表).

A Chinese 政府工作报告 marks terms with superscript numbers (¹ … ²⁶) and explains
them in a numbered list headed 名词解释 / 主要名词解释 after the speech. In a
PDF-to-text the list comes out damaged in three ways this parser survives:

- a definition runs onto following paragraphs (a column or page break cut
  it): a paragraph that does not open the next number continues the item
  while the item has not yet ended its sentence;
- markers are mixed ("- 1." from a converter, "12." glued to a quote, "22.");
- an item may lack the colon between term and definition ("12." "1113"智慧城市
  体系"一张网"，即…): the term is then the text the report prints just before
  the item's footnote marker, or failing that the leading quoted name.

The list is found wherever structure put it: as its own 条目 titled 名词解释 or
as a paragraph 名词解释 inside the report's 条目.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Chapter, Entry, Part, Volume
from . import SUPERSCRIPT_RUN, fold, folded, superscript_value

# The heading of a report's glossary: 名词解释, 主要名词解释, 有关名词解释 (optionally
# with a colon), the printed convention of government work reports.
LIST_HEADING = re.compile(r"^(?:主要|有关|相关|部分)?名词(?:解释|注释|说明)[:：]?$")
# An item number opening a list item: "1." "- 1." "12.”" "22、" — a dash a
# converter prefixed is tolerated; a decimal (1.5万) is not an item number.
ITEM_START = re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,3})\s*[.．、](?!\d)\s*")
# The end of a sentence, possibly inside a closing quote: 。 ！ ？ (…合格"。 / …"。)
SENTENCE_END = re.compile(r"[。！？!?][\"”’」]?\s*$")
# A colon between term and definition: full- or half-width.
COLON = re.compile(r"[:：]")
# Sentence punctuation that cannot stand inside a term before its colon.
CLAUSE_PUNCT = re.compile(r"[，。；,;]")
# A term shape without colon: optional qualifier, a quoted name, a head noun
# (户内燃气设施"6个100%" / "1113"智慧城市体系), then the definition opens.
TERM_SHAPE = re.compile(r'^([^"：:，。；]{0,12}"[^"]{1,24}"[^"：:，。；]{0,16}?)(?="|，|,|即|是|指)')
TERM_MAX = 40
HEADING_MAX = 20  # a list heading is a short line; longer paragraphs are not folded to test it  # a term is a name, never a sentence: longer leading text is no term


@dataclass
class Item:
    """One item of the list: its printed number, term and definition."""

    number: int
    term: str
    definition: str
    line: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class GlossaryList:
    """A 名词解释 list and the report whose footnote markers point into it."""

    heading: str
    part: Part
    chapter: Chapter
    entry: Entry  # the 条目 that holds the items
    items: list[Item]
    # The 条目 whose text carries the markers ¹ …: the report, or its parts
    # when structure split a long report into several 条目.
    referrers: list[Entry] = field(default_factory=list)

    @property
    def referrer(self) -> Entry | None:
        """The report's (first) 条目, named in the terms' source."""
        return self.referrers[0] if self.referrers else None


def find_lists(volume: Volume) -> list[GlossaryList]:
    """Every 名词解释 list of the volume, in reading order."""
    found: list[GlossaryList] = []
    placed = list(volume.entries())
    for k, (part, chapter, entry) in enumerate(placed):
        for start, heading in _list_starts(entry):
            referrers = _referrers(placed, k, entry, start)
            texts = [t for r in referrers for t in _marked_text(r, entry, start)]
            items = parse_items(entry.blocks[start:], texts)
            if not items:
                continue
            found.append(GlossaryList(heading, part, chapter, entry, items, referrers))
    return found


def _list_starts(entry: Entry) -> list[tuple[int, str]]:
    """Block index where a list's items begin, with the heading text."""
    if LIST_HEADING.match(folded(entry.title)):
        return [(0, entry.title)]
    return [
        (i + 1, b.text.strip())
        for i, b in enumerate(entry.blocks)
        if b.kind in ("p", "h") and len(b.text) <= HEADING_MAX and LIST_HEADING.match(folded(b.text))
    ]


def parse_items(blocks: list[Block], marked_texts: list[str] = ()) -> list[Item]:
    """Numbered items from `blocks`, numbers consecutive from 1; a paragraph
    without the next number continues an item that has not ended its
    sentence, anything else ends the list. `marked_texts` are the report's
    paragraphs carrying the footnote markers (evidence for colon-less terms)."""
    items: list[Item] = []
    raw: list[tuple[int, str, int, list[Block]]] = []
    for block in blocks:
        if block.kind not in ("p", "pre"):
            break
        m = ITEM_START.match(block.text)
        if m and int(m.group(1)) == len(raw) + 1:
            raw.append((int(m.group(1)), block.text[m.end():].strip(), block.line, [block]))
        elif raw and not SENTENCE_END.search(raw[-1][1]):
            number, text, line, bl = raw[-1]
            # A column or page break cut the sentence: join without a space.
            raw[-1] = (number, text + block.text.strip(), line, bl + [block])
        else:
            break
    for number, text, line, bl in raw:
        term, definition = split_item(text)
        items.append(Item(number, term, definition, line, bl))
    _terms_from_markers(items, list(marked_texts))
    for item in items:
        if not item.term:
            item.term, item.definition = split_by_shape(item.definition)
    return items


def split_item(text: str) -> tuple[str, str]:
    """(term, definition) at the item's colon; ("", text) when it has none."""
    in_quote = False
    for i, c in enumerate(text[: TERM_MAX + 1]):
        if c in '"“”':
            in_quote = not in_quote if c == '"' else c == "“"
        elif COLON.match(c) and not in_quote:
            head = text[:i]
            if head.strip() and not CLAUSE_PUNCT.search(head):
                return head.strip(), text[i + 1 :].strip()
            break
    return "", text


def split_by_shape(text: str) -> tuple[str, str]:
    """(term, definition) of a colon-less item whose text opens with a quoted
    name; ("", text) when it does not."""
    f, where = fold(text)
    m = TERM_SHAPE.match(f.replace("“", '"').replace("”", '"'))
    if m:
        end = where[m.end() - 1] + 1
        return text[:end].strip(), text[end:].strip()
    return "", text


def _referrers(placed, k: int, entry: Entry, start: int) -> list[Entry]:
    """The report the list belongs to: the 条目 of the same 章 before the list
    (back to the chapter's start or an earlier list) whose text has footnote
    markers, and the text before the list in its own 条目, in reading order."""
    found = [entry] if any(SUPERSCRIPT_RUN.search(b.text) for b in entry.blocks[: max(0, start - 1)]) else []
    _, chapter, _ = placed[k]
    for _, ch, e in reversed(placed[:k]):
        if ch is not chapter or _list_starts(e):
            break
        if any(SUPERSCRIPT_RUN.search(b.text) for b in e.blocks):
            found.insert(0, e)
    return found


def _marked_text(referrer: Entry, list_entry: Entry, start: int) -> list[str]:
    blocks = referrer.blocks[: max(0, start - 1)] if referrer is list_entry else referrer.blocks
    return [b.text for b in blocks if b.kind == "p"]


def _terms_from_markers(items: list[Item], texts: list[str]) -> None:
    """Fill in the term of a colon-less item from the report: the longest
    start of the item's text that the report prints right before marker n."""
    before: dict[int, str] = {}
    for text in texts:
        for m in SUPERSCRIPT_RUN.finditer(text):
            before.setdefault(superscript_value(m.group()), text[: m.start()])
    for item in items:
        if item.term or item.number not in before:
            continue
        f_item, where = fold(item.definition)
        f_before = folded(before[item.number])
        best = 0
        for n in range(2, min(len(f_item), TERM_MAX) + 1):
            if f_before.endswith(f_item[:n]):
                best = n
        if best:
            end = where[best - 1] + 1
            item.term, item.definition = item.definition[:end].strip(), item.definition[end:].strip()
