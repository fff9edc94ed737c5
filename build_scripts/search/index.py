"""The search index: entry records as small script files (检索索引).

Chinese has no spaces between words, so a word index (Material's lunr +
jieba) finds only what its segmenter cut out; exact substring search over the
text itself finds any query and is, for a book of this size, both smaller
(the text once, no postings) and fast enough (indexOf over ~1.5 MB takes a few
milliseconds).

Files written under <site>/search/ (plain scripts, so the offline bundle can
load them with a <script> tag from file://, where fetch/XHR are refused):
  search.js, search.css  the engine and its styles (from assets/), loaded only
                when the reader reaches for the search (see templates/)
  manifest.js   window.__yearbookSearchManifest = {volumes, chunks, ranking,
                limits, t2s, …}
  <vol>-<n>.js  window.__yearbookSearchChunk({...}) — one slice of a volume's
                entries; the engine loads the page's own volume first, the
                others after (or on demand past LIMITS["autoload_chars"]).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import math
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import rules
from .normalise import corpus_chars, t2s_table, table_of
from .pinyin import title_syllables

ASSETS = Path(__file__).with_name("assets")
TEMPLATES = Path(__file__).with_name("templates")
ENGINE_FILES = ("search.js", "search.css")

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
            "pages": [],
            "text": g["definition"],
        }
        for g in glossary
    ]


def _place_key(record: dict) -> tuple:
    page = record["url"].split("#", 1)[0]
    return record["part"], record["chapter"], record["section"], page


def chunk_records(records: list[dict], chunk_chars: int = rules.LIMITS["chunk_chars"]) -> list[tuple[str, int, list[dict]]]:
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
        slices = 0
        for record, size in zip(group, sizes):
            # A new slice starts when the text before this record reaches the
            # next multiple of the target size.
            if not chunks or chunks[-1][0] != volume or done >= target * slices:
                chunks.append((volume, pos, []))
                slices += 1
            chunks[-1][2].append(record)
            done += size
            pos += 1
    return chunks


def is_finding_aid(record: dict) -> bool:
    """A printed finding aid (检索工具): the book's own 目录 or 条目索引; ranked
    after the entries it points to (see rules.entry_kind)."""
    return rules.entry_kind(record) == "aid"


def pages_label(record: dict) -> str:
    """Printed pages as the browser shows them: "63", "63-64"; "~63" when
    estimated from neighbours (shown 约第63页); "" when unknown."""
    pages = [p for p in record.get("pages") or [] if isinstance(p, int)]
    if not pages:
        return ""
    label = str(pages[0]) if pages[0] == pages[-1] else f"{pages[0]}-{pages[-1]}"
    return ("~" if record.get("pages_estimated") else "") + label


def _chunk_payload(first: int, records: list[dict], page_url) -> dict:
    """Compact form: places (篇, 章, 分目, page) are listed once per chunk and
    entries refer to them by number; `first` is the position in entries.json.
    A row: [title, place, anchor, text, kind (rules.KINDS index), pages
    label, title pinyin syllables]."""
    places: dict[tuple, int] = {}
    rows = []
    for r in records:
        key = _place_key(r)
        if key not in places:
            places[key] = len(places)
        anchor = r["url"].split("#", 1)[1] if "#" in r["url"] else ""
        kind = rules.KINDS.index(rules.entry_kind(r))
        rows.append([r["title"], places[key], anchor, r["text"], kind, pages_label(r), title_syllables(r["title"])])
    return {
        "first": first,
        "places": [[p, c, s, page_url(u)] for (p, c, s, u) in places],
        "entries": rows,
    }


def _js(call: str, data) -> str:
    return f"{call}({json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


@dataclass
class ChunkIndex:
    """One chunk file of a volume: its content in each build, its row of the
    manifest's chunk list and the characters of its titles and texts, as
    written and in their matching form (for the t2s table); `key`, a digest
    of everything it is made from (chunk_key)."""

    key: str
    name: str
    files: tuple[str, ...]
    row: dict
    chars: frozenset[str]
    matching: frozenset[str]


@dataclass
class VolumeIndex:
    """One volume's part of the search index: its chunks, and from them its
    chunk files in each build (name → content, one dict per page URL
    mapping), their rows of the manifest's chunk list, and the characters of
    its titles and texts, as written and in their matching form."""

    parts: list[ChunkIndex]
    files: tuple[dict[str, str], ...]
    chunks: list[dict]
    chars: frozenset[str]
    matching: frozenset[str]

    @classmethod
    def of(cls, parts: list[ChunkIndex], builds: int) -> VolumeIndex:
        return cls(parts, tuple({c.name: c.files[b] for c in parts} for b in range(builds)), [c.row for c in parts],
                   frozenset().union(*(c.chars for c in parts)), frozenset().union(*(c.matching for c in parts)))


# What a chunk file reads of each of its records (_chunk_payload, rules.entry_kind, pages_label).
_READ = ("title", "part", "chapter", "section", "url", "text", "pages", "pages_estimated")


def chunk_key(name: str, first: int, records: list[dict], page_urls: tuple) -> str:
    """A digest of everything a chunk file is made from: its name, its first
    position, what it reads of its records and where their pages are in each
    build (the code is in the key of the file the memo is kept in)."""
    pages = sorted({r["url"].split("#", 1)[0] for r in records})
    data = [name, first, [[r.get(f) for f in _READ] for r in records], [[page_url(p) for p in pages] for page_url in page_urls]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def volume_index(records: list[dict], first: int, number: int, page_urls: tuple,
                 chunk_chars: int = rules.LIMITS["chunk_chars"], known: dict[str, ChunkIndex] | None = None) -> VolumeIndex:
    """The part of one volume's records (all of them, and only them): `first`
    is the position of its first record in the whole index, `number` that of
    its first chunk file; `page_urls`, one mapping per build (see
    build_files); `known`: chunks an earlier build made, by key, taken for
    the chunks made of the same (an edit changes one chunk of a volume)."""
    parts = []
    for n, (volume, start, part) in enumerate(chunk_records(records, chunk_chars), number):
        name = f"{volume}-{n}.js"
        key = chunk_key(name, first + start, part, page_urls) if known is not None else ""
        chunk = known.get(key) if known else None
        parts.append(chunk or _chunk(key, name, first + start, part, page_urls))
    return VolumeIndex.of(parts, len(page_urls))


def _chunk(key: str, name: str, first: int, records: list[dict], page_urls: tuple) -> ChunkIndex:
    files = tuple(_js("window.__yearbookSearchChunk", _chunk_payload(first, records, page_url)) for page_url in page_urls)
    chars = sum(len(r["title"]) + len(r["text"]) for r in records)
    row = {"file": name, "volume": records[0]["volume"], "first": first, "count": len(records), "chars": chars}
    written: set[str] = set()
    for r in records:
        written.update(r["title"])
        written.update(r["text"])
    return ChunkIndex(key, name, files, row, frozenset(written), frozenset(corpus_chars(records)))


class IndexMemo:
    """Each volume's VolumeIndex under the key the caller gives the volume
    (the pipeline's: the volume's cache key, which covers the code and every
    input of the volume) and its place in the index (first record and first
    chunk file): a rebuild after one volume changed makes only that volume's
    files, and of them only the chunks whose records changed (ChunkIndex.key).
    `known`: an earlier build's; `memo` collects what this build used."""

    def __init__(self, keys: dict[str, str], known: dict[str, VolumeIndex] | None = None):
        self.keys = keys  # volume id → its key; volumes without one are made every time
        self.known = known or {}
        self.memo: dict[str, VolumeIndex] = {}

    def part(self, volume: str, records: list[dict], first: int, number: int, page_urls: tuple) -> VolumeIndex:
        if volume not in self.keys:
            return volume_index(records, first, number, page_urls)
        key = f"{self.keys[volume]}:{first}:{number}"
        part = self.known.get(key)
        if part is None:
            chunks = {c.key: c for kept in self.known.values() for c in kept.parts}
            part = volume_index(records, first, number, page_urls, known=chunks)
        self.memo[key] = part
        return part


def _parts(records: list[dict], page_urls: tuple, make) -> list[VolumeIndex]:
    """The VolumeIndex of each volume's records, in order: `make(volume,
    records, first, number, page_urls)` makes one (volume_index or IndexMemo.part)."""
    parts: list[VolumeIndex] = []
    first = number = 0
    for volume, group in itertools.groupby(records, key=lambda r: r["volume"]):
        group = list(group)
        parts.append(make(volume, group, first, number, page_urls))
        first += len(group)
        number += len(parts[-1].chunks)
    return parts


def build_files(
    records: list[dict],
    page_url=lambda url: url,
    volumes: list[dict] | None = None,
    chunk_chars: int = rules.LIMITS["chunk_chars"],
    table: dict[str, str] | None = None,
) -> dict[str, str]:
    """File name (under search/) → content for the given entry records.

    `page_url` maps an entries.json page URL (directory style, e.g.
    hexi-2024/fa-zhi/gong-an/) to the URL of that page in the site being
    written (the offline bundle has no directory URLs). `volumes` gives each
    volume's title and year ({"id", "title", "year"}), shown with results.
    `table`: the records' t2s_table, when the caller has it already.
    """
    parts = _parts(records, (page_url,), lambda v, group, first, n, urls: volume_index(group, first, n, urls, chunk_chars))
    return _files(records, parts, 0, volumes, t2s_table(records) if table is None else table)


def _files(records: list[dict], parts: list[VolumeIndex], build: int, volumes: list[dict] | None,
           table: dict[str, str]) -> dict[str, str]:
    """One build's files (`build`: the position of its page URL mapping in
    the parts) and its manifest."""
    files: dict[str, str] = {}
    for part in parts:
        files.update(part.files[build])
    in_text = set().union(*(part.chars for part in parts))
    known = {v["id"]: v for v in volumes or []}
    order = list(dict.fromkeys(r["volume"] for r in records))
    manifest = {
        "total": len(records),
        "volumes": [_volume_meta(v, known) for v in order],
        "chunks": [chunk for part in parts for chunk in part.chunks],
        **rules.manifest_rules(),
        # pairs of characters: traditional, simplified
        "t2s": "".join(k + v for k, v in table.items()),
        # the traditional characters the text itself holds: the only ones the
        # browser must look for when it normalises the text (a character class
        # of the whole table makes that pass four times slower)
        "t2s_in_text": "".join(k for k in table if k in in_text),
    }
    files["manifest.js"] = f"window.__yearbookSearchManifest = {json.dumps(manifest, ensure_ascii=False, separators=(',', ':'))};\n"
    return files


def _volume_meta(volume: str, known: dict) -> dict:
    if volume == GLOSSARY_VOLUME:
        return {"id": volume, "title": GLOSSARY_PART, "year": None}
    meta = known.get(volume, {})
    return {"id": volume, "title": meta.get("title") or volume, "year": meta.get("year")}


def offline_page_url(layout):
    """Page URL mapper for the offline bundle (no directory URLs): the
    offline page of each hosted page, from the site layout (layout.Layout)."""

    def page_url(url: str) -> str:
        return layout.place(url).offline_page

    return page_url


def engine_files() -> dict[str, str]:
    """The browser side: search.js with the limits of rules.LIMITS written in
    (the marks of a page opened from a result need them before any index is
    loaded) and search.css."""
    js = (ASSETS / "search.js").read_text(encoding="utf-8")
    limits = json.dumps(rules.LIMITS, ensure_ascii=True, separators=(",", ":"))
    marker = "/*LIMITS*/null"
    assert marker in js, "search.js lost its LIMITS marker"
    return {"search.js": js.replace(marker, limits), "search.css": (ASSETS / "search.css").read_text(encoding="utf-8")}


def site_files(records: list[dict], layout, volumes: list[dict] | None = None,
               t2s_pairs: tuple[tuple[str, str], ...] | None = None,
               memo: IndexMemo | None = None) -> dict[str, dict[str, str]]:
    """The search/ folder of each build: "hosted" (directory URLs) and
    "offline" (the .html pages of `layout`, a layout.Layout), file name →
    content, engine included. Computed by the pipeline before MkDocs runs:
    the index reads only the entry records and the site layout. `t2s_pairs`:
    normalise.t2s_pairs(), when the caller kept them; `memo`: the volumes'
    parts an earlier build made."""
    engine = engine_files()
    page_urls = (lambda u: u, offline_page_url(layout))
    parts = _parts(records, page_urls, memo.part if memo is not None else lambda _, *part: volume_index(*part))
    table = table_of(set().union(*(part.matching for part in parts)), t2s_pairs)
    return {
        "hosted": {**_files(records, parts, 0, volumes, table), **engine},
        "offline": {**_files(records, parts, 1, volumes, table), **engine},
    }


def write(site: Path, files: dict[str, str]) -> list[str]:
    """Write one build's search files (site_files) into <site>/search/; return their names."""
    out = site / "search"
    out.mkdir(exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return sorted(files)


def stage_theme(custom_dir: Path | None, dest: Path) -> Path:
    """The theme overrides MkDocs reads: the project's custom_dir (overrides/)
    with the search's own partials (templates/) laid over it, in `dest`. MkDocs
    takes one custom_dir, and the search templates live with the search."""
    shutil.rmtree(dest, ignore_errors=True)
    if custom_dir is not None and custom_dir.is_dir():
        shutil.copytree(custom_dir, dest)
    shutil.copytree(TEMPLATES, dest, dirs_exist_ok=True)
    return dest
