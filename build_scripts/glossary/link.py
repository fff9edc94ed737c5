"""Find and mark glossary terms and footnote markers in the render stage (标注).

Python-Markdown's abbr extension cannot do this for Chinese: it wraps its
pattern in \\b, and there is no word boundary between two Chinese characters.
So terms are found here, on the plain text of each paragraph before it is
escaped, and the Markdown for the paragraph is built so that every piece of
book text still goes through render.escape:

- the first occurrence of each term in a 条目 becomes a link to the term on the
  volume's glossary page, `[term](../glossary.md#slug){: .gl-term }`, followed by
  a JSON data block with the definition for the tooltip (glossary.js);
- a footnote marker ¹ … of a report links to the item of its 名词解释 list,
  and the item links back (↩).

Only paragraphs are searched: entry titles and sub-headings are never marked,
nor the 名词解释 list itself; generated body text holds no links or code.
"""
from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field

from ..model import Block, Entry, Volume
from ..text import CJK
from ..layout import SiteLayout, relative
from ..render import escape, escape_inline
from . import SUPERSCRIPT_RUN, Occurrence, Term, fold, folded, superscript_value
from .parse import GlossaryList

# A quoted name inside a term: qualifier, "name", head noun (全区"1+10"实施方案).
_QUOTED = re.compile(r'^([^"]*)"([^"]+)"([^"]*)$')
# A name of Chinese characters only: long enough (4+) to be unambiguous without its quotes.
_BARE_NAME = re.compile(rf"^[{CJK}]{{4,}}$")
# Private-use characters stand in for the marked spans while the paragraph is
# escaped; they cannot be produced by escape and never occur in the sample.
_SLOT = "\ue000{}\ue001"
_SLOT_RE = re.compile("\ue000(\\d+)\ue001")
# Plain digits right after a term: a footnote marker that lost its superscript
# in extraction ("四上"企业3总数 for ³).
_PLAIN_MARKER = re.compile(r"\s*(\d{1,3})(?!\d)")


def term_forms(term: str) -> tuple[str, ...]:
    """Folded strings that count as an occurrence of a book term:
    - the term as printed;
    - without its leading qualifier when a head noun follows the quoted name
      (全区"1+10"实施方案 → "1+10"实施方案), since the head noun keeps it specific;
    - the bare name of a term that is nothing but a long quoted Chinese name
      ("无废城市" → 无废城市).
    A qualified short name (食品安全"两个责任") keeps its qualifier: "两个责任" alone
    also names the 全面从严治党 responsibilities. Editors add forms as aliases."""
    full = folded(term)
    forms = [full]
    m = _QUOTED.match(full)
    if m:
        qualifier, name, head = m.groups()
        if qualifier and head:
            forms.append(f'"{name}"{head}')
        if not qualifier and not head and _BARE_NAME.match(name):
            forms.append(name)
    return tuple(dict.fromkeys(forms))


@dataclass
class _Span:
    start: int  # in the block's original text
    end: int
    kind: str  # "term" | "ref"
    term: Term | None = None
    number: int = 0
    glist: GlossaryList | None = None
    anchor: str = ""  # id given to a footnote reference (first one per number)


@dataclass
class _Placed:
    volume: Volume
    entry: Entry
    page: str
    entry_id: str
    where: str = ""


@dataclass
class Linker:
    """All terms of all volumes and where they occur; `mark` is the hook the
    render stage calls for each paragraph."""

    terms: list[Term]
    lists: list[tuple[Volume, GlossaryList]] = field(default_factory=list)
    glossary_page: dict[str, str] = field(default_factory=dict)  # volume id → page path
    marks: int = 0  # marked occurrences (first per term and 条目)
    _spans: dict[int, list[_Span]] = field(default_factory=dict)  # id(block) → spans
    _items: dict[int, tuple[GlossaryList, int, bool, bool]] = field(default_factory=dict)  # id(block) → (list, n, first, last)
    _ref_ids: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # (id(list), n) → (ref id, page)
    _entry_pages: dict[int, str] = field(default_factory=dict)  # id(entry) → page path

    def __post_init__(self) -> None:
        self._form_term: dict[str, Term] = {}
        for term in self.terms:
            for form in term.forms:
                self._form_term.setdefault(form, term)
        forms = sorted(self._form_term, key=lambda f: (-len(f), f))
        # Longest form first: at one position the longest term wins.
        self._pattern = re.compile("|".join(re.escape(f) for f in forms)) if forms else None

    # --- scanning ---------------------------------------------------------

    def scan(self, volumes: list[Volume], site: SiteLayout | None = None) -> None:
        """Find every occurrence and footnote marker; fill Term.occurrences.
        `site`: the build's layout (where each entry is placed), by default the volumes'."""
        skip: set[int] = set()
        for _, glist in self.lists:
            for item in glist.items:
                for k, block in enumerate(item.blocks):
                    skip.add(id(block))
                    self._items[id(block)] = (glist, item.number, k == 0, k == len(item.blocks) - 1)
        for placed in (site or SiteLayout(volumes)).placed:
            where = placed.placement
            self._entry_pages[id(placed.entry)] = where.md_path
            self._scan_entry(_Placed(placed.volume, placed.entry, where.md_path, where.id, where.where), skip)

    def entry_page(self, entry: Entry) -> str:
        """Markdown page path an entry renders on (after scan)."""
        return self._entry_pages[id(entry)]

    def _scan_entry(self, placed: _Placed, skip: set[int]) -> None:
        entry = placed.entry
        refs = [gl for _, gl in self.lists if any(r is entry for r in gl.referrers)]
        blocks = [b for b in entry.blocks if b.kind == "p" and id(b) not in skip]
        printed = {superscript_value(m.group()) for b in blocks for m in SUPERSCRIPT_RUN.finditer(b.text)}
        seen: dict[int, Occurrence] = {}
        for block in blocks:
            spans = self._footnotes(block.text, refs, placed.page)
            for start, end, term in self._matches(block.text):
                inner = [s for s in spans if s.start < end and start < s.end]
                if inner:
                    # A footnote marker inside the term: mark the term up to it.
                    end = min(s.start for s in inner)
                    if end - start < 2 or any(s.start < end and start < s.end for s in spans):
                        continue
                occ = seen.get(id(term))
                if occ is not None:
                    occ.count += 1
                else:
                    occ = Occurrence(placed.entry_id, placed.volume.id, entry.title, placed.page, entry.anchor, where=placed.where)
                    seen[id(term)] = occ
                    term.occurrences.append(occ)
                    spans.append(_Span(start, end, "term", term))
                    self.marks += 1
                spans += self._plain_marker(block.text, end, term, refs, spans, printed, placed.page)
            if spans:
                self._spans[id(block)] = sorted(spans, key=lambda s: s.start)

    def _matches(self, text: str):
        """(start, end, term) of every non-overlapping occurrence, in the
        original text's coordinates."""
        if self._pattern is None:
            return
        f = folded(text)
        where = None  # the index map is built only for a paragraph that has a match
        for m in self._pattern.finditer(f):
            if where is None:
                where = fold(text)[1]
            yield where[m.start()], where[m.end() - 1] + 1, self._form_term[m.group()]

    def _footnotes(self, text: str, refs: list[GlossaryList], page: str) -> list[_Span]:
        spans = []
        for glist in refs:
            numbers = {item.number for item in glist.items}
            for m in SUPERSCRIPT_RUN.finditer(text):
                n = superscript_value(m.group())
                if n in numbers:
                    spans.append(self._ref(m.start(), m.end(), n, glist, page))
        return spans

    def _plain_marker(self, text, end, term, refs, spans, printed, page) -> list[_Span]:
        """A term of the report's list followed by its own number in plain
        digits, where the report prints no superscript for that number, is
        the footnote marker flattened by extraction ("四上"企业3总数)."""
        m = _PLAIN_MARKER.match(text, end)
        if not m or term.number is None or term.number in printed or int(m.group(1)) != term.number:
            return []
        if any(s.start < m.end() and m.start(1) < s.end for s in spans):
            return []
        for glist in refs:
            item = next((i for i in glist.items if i.number == term.number), None)
            if item is not None and folded(item.term) == folded(term.term):
                return [self._ref(m.start(1), m.end(1), term.number, glist, page)]
        return []

    def _ref(self, start: int, end: int, n: int, glist: GlossaryList, page: str) -> _Span:
        """A footnote reference; the first one per number gets the id the
        definition links back to."""
        key = (id(glist), n)
        anchor = "" if key in self._ref_ids else f"fnref-{glist.entry.anchor}-{n}"
        if anchor:
            self._ref_ids[key] = (anchor, page)
        return _Span(start, end, "ref", number=n, glist=glist, anchor=anchor)

    # --- rendering hook ---------------------------------------------------

    def mark(self, entry: Entry, block: Block, page: str) -> str | None:
        """Markdown for one paragraph with its marks, or None to render it plainly."""
        if id(block) in self._items:
            return self._definition(block, page)
        spans = self._spans.get(id(block))
        if not spans or "\ue000" in block.text or "\ue001" in block.text:
            return None
        text = block.text
        pieces, last = [], 0
        for k, span in enumerate(spans):
            pieces += [text[last : span.start], _SLOT.format(k)]
            last = span.end
        pieces.append(text[last:])
        md = escape("".join(pieces))
        data: dict[str, dict] = {}

        def fill(m: re.Match) -> str:
            span = spans[int(m.group(1))]
            shown = escape_inline(text[span.start : span.end])
            if span.kind == "ref":
                target = _href(page, self._entry_pages[id(span.glist.entry)], definition_anchor(span.glist, span.number))
                attrs = f"#{span.anchor} .gl-ref" if span.anchor else ".gl-ref"
                return f"[{shown}]({target}){{: {attrs} }}"
            term = span.term
            data[term.slug] = _tooltip_data(term)
            glossary = self.glossary_page[page.split("/", 1)[0]]
            return f"[{shown}]({_href(page, glossary, term.slug)}){{: .gl-term }}"

        md = _SLOT_RE.sub(fill, md)
        if data:
            md += "\n\n" + _data_block(data)
        return md

    def _definition(self, block: Block, page: str) -> str:
        """An item of a 名词解释 list: the target of its footnote markers, with
        a link back to the first marker. An item a page or column break split
        into several paragraphs renders as one, on its first paragraph."""
        glist, number, first, _ = self._items[id(block)]
        if not first:
            return ""
        item = next(i for i in glist.items if i.number == number)
        md = escape("".join(b.text.strip() for b in item.blocks))
        ref = self._ref_ids.get((id(glist), number))
        if ref:
            back = _href(page, ref[1], ref[0])
            md += f' [↩]({back}){{: .gl-backref title="回到正文" }}'
        return md + f"\n{{: #{definition_anchor(glist, number)} .gl-def }}"


def definition_anchor(glist: GlossaryList, number: int) -> str:
    """Id of item `number` of a list: fn-<list entry anchor>-<n> (entry anchors
    are pinyin and never start with "fn-", so no clash on the page)."""
    return f"fn-{glist.entry.anchor}-{number}"


def _href(from_page: str, to_page: str, anchor: str) -> str:
    """Markdown link from one generated page to an anchor on another (MkDocs
    rewrites .md links for directory and file URLs alike)."""
    if from_page == to_page:
        return f"#{anchor}"
    rel = relative(to_page, posixpath.dirname(from_page))
    return f"{rel}#{anchor}"


def _tooltip_data(term: Term) -> dict:
    return {"term": term.term, "definition": term.definition, "source": term.source}


def _data_block(data: dict) -> str:
    """The definitions a page's marks show, as a JSON script block that
    Markdown passes through untouched and search does not index. <, > and &
    are escaped so no text can close the script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" class="gl-data">{text}</script>'
