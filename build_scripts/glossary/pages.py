"""Glossary pages and data: one page per volume, one for all, glossary.json (名词解释页).

Each term shows its definition, its source (linked to the book's own list for
book terms) and 出现于: a link to every 条目 where it occurs. The volume page
lists the terms that volume defines or uses, with that volume's occurrences;
the combined page lists all terms with the occurrences in every volume.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..layout import SiteLayout
from ..model import Volume
from ..render import Page, escape, escape_inline, page_url
from ..slugs import SlugRegistry
from . import Term, folded, tidy_term
from .extra import FILE as EXTRA_FILE
from .extra import load_extra
from .link import Linker, _href, definition_anchor, term_forms
from .parse import GlossaryList, Item, find_lists

COMBINED = "glossary.md"  # the page of all terms, beside the home page
TITLE = "名词解释"


def volume_page(volume_id: str) -> str:
    return f"{volume_id}/glossary.md"


@dataclass
class Glossary:
    terms: list[Term]
    linker: Linker
    volumes: list[Volume]
    warnings: list[str] = field(default_factory=list)

    def figures(self) -> dict:
        reached = {o.entry_id for t in self.terms for o in t.occurrences}
        return {"glossary_terms": len(self.terms), "glossary_marks": self.linker.marks, "glossary_entries": len(reached)}


def prepare(volumes: list[Volume], seeds: Path, site: SiteLayout | None = None) -> Glossary:
    """Collect the books' lists and the editors' terms, find every occurrence
    (in the entries as `site`, the build's layout, places them)."""
    extra = load_extra(seeds / EXTRA_FILE)
    lists = [(v, gl) for v in volumes for gl in find_lists(v)]
    warnings: list[str] = []
    terms: list[Term] = []
    known: set[str] = set()
    defined_by: dict[int, GlossaryList] = {}  # id(term) → the list that defines it
    for volume, glist in lists:
        for item in glist.items:
            if not item.term:
                warnings.append(f"{volume.id}: 名词解释 item {item.number} (line {item.line}) has no recognisable term; not linked")
                continue
            term = _book_term(volume, glist, item)
            key = folded(term.term)
            term.forms = tuple(dict.fromkeys(term.forms + tuple(folded(a) for a in extra.aliases.get(key, ()))))
            known.add(key)
            defined_by[id(term)] = glist
            terms.append(term)
    for key in extra.aliases:
        if key not in known:
            warnings.append(f"{EXTRA_FILE}: aliases given for “{key}”, which no 名词解释 list defines")
    for term in extra.terms:
        if folded(term.term) in known:
            warnings.append(f"{EXTRA_FILE}: {_quoted(term.term)} is already defined by the book; the book's definition is used")
            continue
        terms.append(term)
    slugs = SlugRegistry(reserved=("ming-ci-jie-shi",))
    for term in terms:
        term.slug = slugs.take(term.term, "term")
    linker = Linker(terms, lists, {v.id: volume_page(v.id) for v in volumes})
    linker.scan(volumes, site)
    for term in terms:
        glist = defined_by.get(id(term))
        if glist is not None:
            term.definition_page = linker.entry_page(glist.entry)
            term.definition_anchor = definition_anchor(glist, term.number)
        if not term.occurrences:
            where = f"{term.file}:{term.line}" if term.line else term.file or term.volume
            warnings.append(f"{where}: glossary term {_quoted(term.term)} never occurs in any volume")
    return Glossary(terms, linker, volumes, warnings)


def _quoted(term: str) -> str:
    """A term in quotation marks for a message, once: most terms are printed
    quoted already (“无废城市”)."""
    return term if term.startswith("“") and term.endswith("”") else f"“{term}”"


def _book_term(volume: Volume, glist: GlossaryList, item: Item) -> Term:
    report = glist.referrer.title if glist.referrer is not None else glist.entry.title
    pages = f"，原书第 {'、'.join(map(str, glist.entry.pages))} 页" if glist.entry.pages else ""
    term = Term(
        term=tidy_term(item.term),
        definition=item.definition,
        source=f"{volume.spec.title}·{glist.part.title}·{report}·{glist.heading}第 {item.number} 条{pages}",
        forms=term_forms(item.term),
        origin="book",
        volume=volume.id,
        number=item.number,
        file=glist.entry.file,
        line=item.line,
    )
    return term


# --- pages ------------------------------------------------------------------

def pages(glossary: Glossary) -> list[Page]:
    out = []
    for volume in glossary.volumes:
        terms = [t for t in glossary.terms if t.volume == volume.id or any(o.volume == volume.id for o in t.occurrences)]
        out.append(Page(volume_page(volume.id), TITLE, _volume_page(glossary, volume, terms)))
    out.append(Page(COMBINED, TITLE, _combined_page(glossary)))
    return out


def nav_item(volume_id: str) -> dict:
    return {TITLE: volume_page(volume_id)}


def _volume_page(glossary: Glossary, volume: Volume, terms: list[Term]) -> str:
    path = volume_page(volume.id)
    lines = [f"# {TITLE}", "", escape(f"{volume.spec.title} › {TITLE}"), "{: .breadcrumb }", ""]
    lines += [
        f"本卷出现或解释的名词 {len(terms)} 个。正文中每个条目第一次出现的名词都链接到这里；"
        f"[全部各卷的名词解释]({posixpath.relpath(COMBINED, posixpath.dirname(path))})。",
        "",
    ]
    for term in terms:
        lines += _term_head(term, path)
        uses = [o for o in term.occurrences if o.volume == volume.id]
        lines += _uses(uses, path) if uses else ["本卷正文未出现。", "{: .gl-uses }", ""]
        others = len(term.occurrences) - len(uses)
        if others:
            lines += [f"另见其他卷 {others} 个条目：[全部名词解释]({_href(path, COMBINED, term.slug)})", "{: .gl-uses }", ""]
    return "\n".join(lines) + "\n"


def _combined_page(glossary: Glossary) -> str:
    lines = [f"# {TITLE}", "", f"各卷名词 {len(glossary.terms)} 个，含年鉴名词解释和编者补充的名词。", ""]
    titles = {v.id: v.spec.title for v in glossary.volumes}
    for term in glossary.terms:
        lines += _term_head(term, COMBINED)
        if not term.occurrences:
            lines += ["正文未出现。", "{: .gl-uses }", ""]
        for vid, title in titles.items():
            uses = [o for o in term.occurrences if o.volume == vid]
            if uses:
                lines += [f"**{escape(title)}**", "{: .gl-volume }", ""] + _uses(uses, COMBINED)
    return "\n".join(lines) + "\n"


def _term_head(term: Term, path: str) -> list[str]:
    lines = [f"## {escape(term.term)} {{#{term.slug} .gl-entry}}", "", escape(term.definition), ""]
    if term.origin == "book" and term.definition_page:
        link = _href(path, term.definition_page, term.definition_anchor)
        lines += [f"来源：[{escape_inline(term.source)}]({link})", "{: .gl-source }", ""]
    else:
        lines += [f"来源：{escape_inline(term.source)}（编者补充）", "{: .gl-source }", ""]
    return lines


def _uses(uses, path: str) -> list[str]:
    """出现于: the entries as links, one line per 篇 › 章 (titles such as 概况
    repeat across chapters and only read right with their chapter)."""
    lines = [f"出现于（{len(uses)} 个条目）：", "{: .gl-uses }", ""]
    groups: dict[str, list] = {}
    for o in uses:
        groups.setdefault(o.where, []).append(o)
    for where, group in groups.items():
        links = "、".join(f"[{escape_inline(o.title)}]({_href(path, o.page, o.anchor)})" for o in group)
        lines.append(f"- {escape_inline(where)}：{links}" if where else f"- {links}")
    return lines + [""]


# --- data -------------------------------------------------------------------

def records(glossary: Glossary) -> list[dict]:
    """site/data/glossary.json: one object per term, in glossary order."""
    out = []
    for term in glossary.terms:
        definition_url = (
            f"{page_url(term.definition_page)}#{term.definition_anchor}" if term.definition_page else None
        )
        out.append(
            {
                "id": term.slug,
                "term": term.term,
                "definition": term.definition,
                "source": term.source,
                "origin": term.origin,
                "volume": term.volume,
                "number": term.number,
                "url": f"{page_url(COMBINED)}#{term.slug}",
                "definition_url": definition_url,
                "occurrences": [
                    {"entry": o.entry_id, "url": f"{page_url(o.page)}#{o.anchor}", "count": o.count}
                    for o in term.occurrences
                ],
            }
        )
    return out
