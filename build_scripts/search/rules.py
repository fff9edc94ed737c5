"""Ranking rules and limits of the search, written down once (检索排序规则与限值).

Both sides read this module: the index builder (`index.py`) computes what the
rules need per entry (its kind, its headings, its length), and serialises
`RANKING` and `LIMITS` into `search/manifest.js`, from which the browser
(`assets/search.js`) takes the order of the rules and every limit. The
browser implements each rule by its `id`; the order is the manifest's, so
reordering this list reorders the results without touching the JavaScript.

A result's rank is the first rule (in this order) it satisfies; ties within a
rule are broken by the rule's own score (概况 first, the title closest to the
query, BM25 body score), then by reading order. Results fall in three groups,
in this order: prose entries (and any entry titled the query); entries that
are not prose — tables, name lists, the book's finding aids (`DEMOTE`); and
pinyin matches, after every match of the query's own characters.
"""
from __future__ import annotations

import re

from ..text import CJK

# The ordered rules. `test` names the query the browser test of the rule types
# (tests/search/test_ranking.py), so each rule's intent stays checked.
RANKING: list[dict] = [
    {"id": "title-equals",
     "label": "标题与检索词相同",
     "why": "a reader who types a whole entry title wants that entry"},
    {"id": "heading-equals",
     "label": "所在篇、章、分目名称与检索词相同（概况在前）",
     "why": "typing the name of a 篇/章/分目 (挂甲寺街道, 商务贸易) asks for that chapter: every entry under it "
            "is a result, even one whose own text never repeats the name, and its 概况/综述 introduces it",
     "overview": ["概况", "综述", "概述", "简介", "基本情况"],
     # a heading dated with the book's year (2023年大事记) also answers the
     # undated name (大事记)
     "strip": "^[0-9]{4}年"},
    {"id": "title-contains",
     "label": "标题含检索词",
     "why": "an entry named after the query is about it"},
    {"id": "heading-contains",
     "label": "所在篇、章、分目名称含检索词",
     "why": "金融业 finds the chapter 金融业发展: its entries are about the query even when their titles are not"},
    {"id": "body",
     "label": "正文含检索词（按 BM25 计分，长文不因重复而占先）",
     "why": "length-normalised term frequency: a long table repeating a word is not more relevant than a short entry about it",
     "k1": 1.2, "b": 0.75},
    {"id": "pinyin",
     "label": "拼音或首字母匹配标题（标注“拼音”）",
     "why": "a Latin-letter query (lajifenlei, ljfl) finds titles by full pinyin or initials, after every Han match"},
]

# Applied across the rules above: non-prose entries rank after every prose
# result (still found, never dropped) unless their title equals the query.
DEMOTE = {"id": "demote-non-prose",
          "label": "表格、名单、原书目录与索引排在正文之后",
          "kinds": ["table", "names", "aid"]}

# Entry kinds, as numbers in the index rows (the browser reads the names from
# the manifest).
KINDS = ["prose", "table", "names", "aid"]

# Whitespace dropped before matching. Spelled out (not \s) because Python's
# and JavaScript's \s differ; the browser builds its character class from this
# string. Includes U+3000 (the ideographic space that pads printed columns)
# and U+200B/U+FEFF.
WHITESPACE = "\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"

LIMITS: dict = {
    "whitespace": WHITESPACE,
    "query_max": 64,         # characters of a query considered (the issue asks for 1–12)
    "snippet_before": 18,    # normalised characters shown before the first match
    "snippet_after": 90,     # … and after it
    "page_size": 20,         # results rendered at a time (more on scroll)
    "pinyin_min": 2,         # shortest Latin query tried as pinyin (one letter is every title)
    # text characters per index file: ~180 KB of UTF-8, parsed in a few ms;
    # small enough that a volume comes as several files in parallel and the
    # first results show when the first of them arrives
    "chunk_chars": 60_000,
    # Other volumes load by themselves after the page's own volume while their
    # text stays under this many characters in all (about ten yearbooks the
    # size of the sample, 0.49 M characters, ~15 MB of index); past it a volume
    # loads when the reader picks it or asks for all (so a 100-volume library
    # does not make every reader download it all).
    "autoload_chars": 5_000_000,
}

# A printed finding aid (检索工具: the book's own 目录, 条目索引) by title: its
# text lists every heading, so it holds almost any query.
_AID_TITLE = re.compile(r"^(目录|目次|[\u4e00-\u9fff]{0,4}索引)$")
# … or by shape: cells of "heading + page number" (财政评审212, 部分优秀社区 314).
_AID_CELL = re.compile(rf"[{CJK}》）]\s*\d{{1,4}}$")
# Sentence punctuation: prose has it; a name list (名单, 名录 of people or
# units, one per line) does not.
_SENTENCE = re.compile(r"[。；！？，]")
_WS = re.compile(f"[{WHITESPACE}]+")


def entry_kind(record: dict) -> str:
    """prose, table, names or aid, from the entry's own text and title.

    Signals: an aid is titled 目录/…索引 (or sits in a 篇 so named) or has ≥ 20
    cells of which a quarter end in "heading page"; a table has tab-separated
    cells on at least half its lines (render keeps a table's cells as tabs);
    a name list has no sentence punctuation at all.
    """
    title = _WS.sub("", record["title"])
    part = _WS.sub("", record.get("part") or "")
    text = record["text"]
    if _AID_TITLE.match(title) or _AID_TITLE.match(part):
        return "aid"
    cells = [c.strip() for c in re.split(r"[\t\n]", text) if c.strip()]
    if len(cells) >= 20 and sum(1 for c in cells if _AID_CELL.search(c)) >= len(cells) / 4:
        return "aid"
    lines = [l for l in text.split("\n") if l.strip()]
    if lines and sum(1 for l in lines if "\t" in l) >= len(lines) / 2:
        return "table"
    if lines and not _SENTENCE.search(text):
        return "names"
    return "prose"


_HEADING_STRIP = re.compile(next(r["strip"] for r in RANKING if r["id"] == "heading-equals"))


def heading_names(names: list[str | None]) -> set[str]:
    """The normalised 篇/章/分目 names an entry lies under, as the rule
    heading-equals compares them with the whole query (with and without a
    leading year)."""
    from .normalise import normalise  # (normalise imports this module)

    out = set()
    for name in names:
        if name:
            n = normalise(name)
            out.update({n, _HEADING_STRIP.sub("", n)})
    out.discard("")
    return out


def manifest_rules() -> dict:
    """What the manifest carries of this module."""
    return {"ranking": RANKING, "demote": DEMOTE, "kinds": KINDS, "limits": LIMITS}
