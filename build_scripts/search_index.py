"""Search index: the entry records as small script files for exact-substring search (检索索引).

The site's search (docs/assets/javascripts/search.js) finds every entry whose
title or text contains each typed term, after both sides are normalised the
same way. Chinese has no spaces between words, so a word index (Material's
lunr + jieba) can only find what its segmenter cut out; exact substring search
over the text itself finds any 1–12 character query and is, for a book of this
size, both smaller (the text once, no postings) and fast enough (indexOf over
~1.5 MB takes a few milliseconds).

Files written under <site>/search/ (all plain scripts, so the offline bundle can
load them with a <script> tag from file://, where fetch/XHR are refused):
  manifest.js   window.__yearbookSearchManifest = {chunks, t2s, …}
  <vol>-<n>.js  window.__yearbookSearchChunk({...}) — one slice of a volume's
                entries; the page loads its own volume's chunks first, the rest
                after, so readiness does not grow with the number of volumes.

Normalisation (the same rules are in search.js; tests compare both):
  * drop whitespace — the raw PDF text breaks lines and pads columns with
    spaces, so 垃圾 分类 in the source must match 垃圾分类;
  * fold full-width ASCII (，：（）０-９Ａ-Ｚ) to half width, so ， and , or ２０２３ and
    2023 match each other;
  * lower-case ASCII letters (PM2.5 / pm2.5);
  * traditional characters to simplified ones (垃圾分類 → 垃圾分类), with a
    character table generated here by OpenCC (t2s). OpenCC itself converts
    phrases and is too large to ship to the browser, so the build converts each
    character once and keeps only what this corpus can need (see `t2s_table`).
    The table applies to the text as well as to queries: the extracted text
    holds a few traditional characters (題, 門, 類) that simplified queries
    must find.
"""
from __future__ import annotations

import itertools
import json
import math
import re
from pathlib import Path

from .indexes.printed import INDEX_TITLE as PRINTED_INDEX_TITLE
from .structure.toc_index import TOC_TITLE

# Whitespace dropped before matching. Spelled out (not \s) because Python's and
# JavaScript's \s differ; search.js uses the same list. Includes U+3000 (the
# ideographic space that pads the printed columns) and U+200B/U+FEFF.
WHITESPACE = "\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"
WHITESPACE_RE = re.compile(f"[{WHITESPACE}]+")

# Full-width forms U+FF01–FF5E are ASCII U+0021–007E shifted by 0xFEE0.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
_FOLD.update({c + 0xFEE0: c + 32 for c in range(ord("A"), ord("Z") + 1)})  # Ａ → a directly

CHUNK_CHARS = 120_000  # text characters per chunk: ~350 KB of UTF-8, parsed in a few ms
QUERY_MAX = 64  # characters of a query the browser considers (the issue asks for 1–12)


def normalise(text: str, t2s: dict[str, str] | None = None) -> str:
    """The matching form of a text (检索规范化): no whitespace, half-width ASCII,
    lower case, simplified characters (with the table of `t2s_table`)."""
    folded = WHITESPACE_RE.sub("", text).translate(_FOLD)
    return folded.translate(_translation(t2s)) if t2s else folded


_TRANSLATIONS: dict[int, tuple[dict, dict]] = {}


def _translation(t2s: dict[str, str]) -> dict:
    """str.translate table for a t2s mapping, made once per mapping."""
    cached = _TRANSLATIONS.get(id(t2s))
    if cached is None or cached[0] is not t2s:
        cached = _TRANSLATIONS[id(t2s)] = (t2s, str.maketrans(t2s))
    return cached[1]


def query_terms(query: str, t2s: dict[str, str] | None = None) -> list[str]:
    """A typed query as its AND-terms: split at whitespace, each normalised."""
    terms = []
    for raw in re.split(f"[{WHITESPACE}]+", query[:QUERY_MAX]):
        term = normalise(raw, t2s)
        if term and term not in terms:
            terms.append(term)
    return terms


def matches(record: dict, terms: list[str], t2s: dict[str, str] | None = None) -> bool:
    """Ground truth for one entry: every term occurs in its title or its text."""
    title, text = normalise(record["title"], t2s), normalise(record["text"], t2s)
    return bool(terms) and all(t in title or t in text for t in terms)


def t2s_table(records: list[dict]) -> dict[str, str]:
    """Traditional → simplified characters a reader may type, for this corpus.

    Every CJK character is converted alone with OpenCC's t2s. A character is
    kept when OpenCC changes it and either side occurs in the corpus: when
    neither does, a query holding it cannot match with or without the table,
    so leaving it out keeps the table (shipped to every reader) small. The
    price of characters instead of phrases: 乾 in 乾隆 becomes 干 on both sides,
    so 干 also finds 乾隆 — the same normalisation the tests' ground truth uses.
    """
    import opencc

    corpus = set()
    for r in records:
        corpus.update(normalise(r["title"]))
        corpus.update(normalise(r["text"]))
    converter = opencc.OpenCC("t2s")
    table = {}
    for block in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
        chars = [chr(c) for c in range(block[0], block[1] + 1)]
        # One call per block, one character per line: OpenCC keeps line breaks,
        # so the output lines pair with the input characters.
        converted = converter.convert("\n".join(chars)).split("\n")
        for src, dst in zip(chars, converted):
            if dst != src and len(dst) == 1 and (dst in corpus or src in corpus):
                table[src] = dst
    return dict(sorted(table.items()))


GLOSSARY_VOLUME = "glossary"  # the chunk name of the 名词解释 terms
GLOSSARY_PART = "名词解释"


def glossary_records(glossary: list[dict]) -> list[dict]:
    """名词解释 terms (glossary.json) as searchable records, placed after the
    entries: the term as title, its definition as text, its glossary page as
    link. A reader searching a term finds its definition beside its uses."""
    return [
        {
            "id": f"{GLOSSARY_VOLUME}/{g['id']}",
            "volume": GLOSSARY_VOLUME,
            "part": GLOSSARY_PART,
            "chapter": None,
            "section": None,
            "title": g["term"],
            "url": g["url"],
            "text": g["definition"],
        }
        for g in glossary
    ]


def _place_key(record: dict) -> tuple:
    page = record["url"].split("#", 1)[0]
    return record["part"], record["chapter"], record["section"], page


def chunk_records(records: list[dict], chunk_chars: int = CHUNK_CHARS) -> list[tuple[str, int, list[dict]]]:
    """Split records, in reading order, into (volume, first position, records)
    slices, never mixing volumes: each volume into as few slices of at most
    about `chunk_chars` text characters as it needs, of even size (so they
    download in parallel and finish together)."""
    chunks: list[tuple[str, int, list[dict]]] = []
    pos = 0
    for volume, group in itertools.groupby(records, key=lambda r: r["volume"]):
        group = list(group)
        sizes = [len(r["title"]) + len(r["text"]) for r in group]
        target = sum(sizes) / max(1, math.ceil(sum(sizes) / chunk_chars))
        done = 0.0
        for record, size in zip(group, sizes):
            # A new slice starts when the text before this record reaches the
            # next multiple of the target size.
            if not chunks or chunks[-1][0] != volume or done >= target * _slices(chunks, volume):
                chunks.append((volume, pos, []))
            chunks[-1][2].append(record)
            done += size
            pos += 1
    return chunks


def _slices(chunks: list, volume: str) -> int:
    return sum(1 for c in chunks if c[0] == volume)


def is_finding_aid(record: dict) -> bool:
    """A printed finding aid (检索工具): the book's own 目录 or 条目索引, or any
    entry of its 索引 篇. Its text is a list of every heading with pages, so it
    holds almost any query; search ranks it after the entries it points to."""
    return bool(
        PRINTED_INDEX_TITLE.match(record["part"] or "")
        or PRINTED_INDEX_TITLE.match(record["title"])
        or TOC_TITLE.match(record["title"])
    )


def _chunk_payload(first: int, records: list[dict], page_url) -> dict:
    """Compact form: places (篇, 章, 分目, page) are listed once per chunk and
    entries refer to them by number; `first` is the position in entries.json;
    `aids` the chunk positions of finding aids (ranked last)."""
    places: dict[tuple, int] = {}
    rows = []
    aids = [i for i, r in enumerate(records) if is_finding_aid(r)]
    for r in records:
        key = _place_key(r)
        if key not in places:
            places[key] = len(places)
        anchor = r["url"].split("#", 1)[1] if "#" in r["url"] else ""
        rows.append([r["title"], places[key], anchor, r["text"]])
    return {
        "first": first,
        "places": [[p, c, s, page_url(u)] for (p, c, s, u) in places],
        "entries": rows,
        "aids": aids,
    }


def _js(call: str, data) -> str:
    return f"{call}({json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def build_files(records: list[dict], page_url=lambda url: url, chunk_chars: int = CHUNK_CHARS) -> dict[str, str]:
    """File name (under search/) → content for the given entry records.

    `page_url` maps an entries.json page URL (directory style, e.g.
    hexi-2024/fa-zhi/gong-an/) to the URL of that page in the site being
    written (the offline bundle has no directory URLs).
    """
    files: dict[str, str] = {}
    chunk_list = []
    for n, (volume, first, part) in enumerate(chunk_records(records, chunk_chars)):
        name = f"{volume}-{n}.js"
        files[name] = _js("window.__yearbookSearchChunk", _chunk_payload(first, part, page_url))
        chunk_list.append({"file": name, "volume": volume, "first": first, "count": len(part)})
    table = t2s_table(records)
    in_text = set()
    for r in records:
        in_text.update(r["title"])
        in_text.update(r["text"])
    manifest = {
        "total": len(records),
        "chunks": chunk_list,
        # pairs of characters: traditional, simplified
        "t2s": "".join(k + v for k, v in table.items()),
        # the traditional characters the text itself holds: the only ones the
        # browser must look for when it normalises the text (a character class
        # of the whole table makes that pass four times slower)
        "t2s_in_text": "".join(k for k in table if k in in_text),
    }
    files["manifest.js"] = f"window.__yearbookSearchManifest = {json.dumps(manifest, ensure_ascii=False, separators=(',', ':'))};\n"
    return files


def offline_page_url(site: Path):
    """Page URL mapper for a site built without directory URLs: a/b/ is
    a/b.html when MkDocs wrote that file (from a/b.md), else a/b/index.html."""

    def page_url(url: str) -> str:
        if not url.endswith("/"):
            return url
        if url and (site / (url[:-1] + ".html")).is_file():
            return url[:-1] + ".html"
        return url + "index.html"

    return page_url


def write(site: Path, records: list[dict], directory_urls: bool = True) -> list[str]:
    """Write the index files into <site>/search/; return their names."""
    out = site / "search"
    out.mkdir(exist_ok=True)
    files = build_files(records, (lambda u: u) if directory_urls else offline_page_url(site))
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return sorted(files)


__all__ = ["normalise", "query_terms", "matches", "t2s_table", "glossary_records", "chunk_records", "is_finding_aid", "build_files", "write"]
