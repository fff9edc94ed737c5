"""The 主题索引 (subject index): programme and policy terms that recur.

A yearbook names its programmes in quotation marks (“十项行动”, “双万双服”,
“高品质15分钟综合服务圈”); a term the book quotes and then mentions in
several entries is a subject a reader looks for across the book. Each subject
points to every entry that mentions it (quoted or not), and 参见 links
subjects that contain one another (双万双服 → 双万双服促发展) or that the
book mostly mentions together.
"""
from __future__ import annotations

import re

from ..text import CJK, CJK_RE
from .headings import Heading, entry_locator, merge, qualify
from .locators import Target
from .mentions import contained, mentions as find_mentions

KIND = "主题"
# A term in Chinese quotation marks “…”.
QUOTED = re.compile(r"“\s*([^“”\n]{2,24}?)\s*”")
# The ASCII quotes the extraction substituted for them (often padded with
# spaces: " 保交楼 "); paired in order within one paragraph.
ASCII_QUOTE = '"'
# What a programme name is made of: Chinese, digits, +, ·, and the enumeration
# comma; no sentence punctuation (a quoted sentence is a quotation, not a term).
TERM = re.compile(rf"^[{CJK}0-9+·、]{{2,16}}$")
# Quotation marks around a glossary term as printed (“无废城市”): not part of the heading.
GLOSSARY_QUOTES = re.compile(r"[“”\"]")
MIN_ENTRIES = 3  # a subject recurs: mentioned in at least this many entries
MIN_QUOTED = 2  # … and named as a term (in quotation marks) in at least this many
MAX_SHARE = 0.25  # a word in more than this share of entries is vocabulary, not a subject
SEE_ALSO_OVERLAP = 0.5  # Jaccard share of entries two subjects must share to be 参见
MAX_SEE_ALSO = 6


def quoted_terms(text: str) -> set[str]:
    """Terms the text puts in quotation marks, spaces inside removed."""
    spans = [m.group(1) for m in QUOTED.finditer(text)]
    for paragraph in text.split("\n"):
        pieces = paragraph.split(ASCII_QUOTE)
        if len(pieces) % 2 == 1:  # balanced: odd pieces are the quoted ones
            spans += pieces[1::2]
    found = set()
    for span in spans:
        term = re.sub(r"\s+", "", span)
        if TERM.match(term) and CJK_RE.search(term) and not term.endswith("、"):
            found.add(term)
    return found


def build(targets: list[Target], glossary: list[tuple[str, list[str]]] = ()) -> list[Heading]:
    """Subjects from the quoted terms, and every glossary (名词解释) term with
    the entries the glossary stage found it in: (term, [entries.json ids])."""
    texts = [t.text for t in targets]
    quoted: dict[str, int] = {}
    for x in texts:
        for term in quoted_terms(x):
            quoted[term] = quoted.get(term, 0) + 1
    candidates = sorted(term for term, n in quoted.items() if n >= MIN_QUOTED)
    mentions = find_mentions(candidates, texts)
    limit = MAX_SHARE * len(texts)
    subjects = {term: mentions[term] for term in candidates if MIN_ENTRIES <= len(mentions[term]) <= limit}
    related = _related(subjects)
    headings = []
    for term, hits in subjects.items():
        h = Heading(term, [entry_locator(targets[i], with_title=True) for i in hits], KIND)
        h.see_also = _see_also(term, hits, subjects, related[term])
        headings.append(h)
    by_id = {t.id: t for t in targets}
    for term, ids in glossary:
        found = [by_id[i] for i in ids if i in by_id]
        if found:
            headings.append(Heading(GLOSSARY_QUOTES.sub("", term), [entry_locator(t, with_title=True) for t in found], KIND))
    headings = merge(headings)
    for h in headings:
        qualify(h)
    return headings


def _related(subjects: dict[str, list[int]]) -> dict[str, set[str]]:
    """For each subject, the others that can be its 参见: those it contains or
    that contain it, and those mentioned in an entry it is mentioned in (an
    inverted index of entries, so no pair without a shared entry is compared)."""
    inside = contained(subjects)
    related: dict[str, set[str]] = {term: set(inside[term]) for term in subjects}
    for term, others in inside.items():
        for other in others:
            related[other].add(term)
    by_entry: dict[int, list[str]] = {}
    for term, hits in subjects.items():
        for i in hits:
            by_entry.setdefault(i, []).append(term)
    for terms in by_entry.values():
        for term in terms:
            related[term].update(terms)
    for term in subjects:
        related[term].discard(term)
    return related


def _see_also(term: str, hits: list[int], subjects: dict[str, list[int]], candidates: set[str]) -> list[str]:
    mine = set(hits)
    related = []
    for other in candidates:
        theirs = set(subjects[other])
        overlap = len(mine & theirs) / len(mine | theirs)
        if other in term or term in other or overlap >= SEE_ALSO_OVERLAP and len(mine & theirs) >= MIN_ENTRIES:
            related.append((-(len(mine & theirs)), other))
    return [o for _, o in sorted(related)[:MAX_SEE_ALSO]]
