"""Test corpus generator: the sample yearbook rewritten into the shapes other
offices' extractions hand over (年鉴文本的其他形态).

The sample (`seeds/hexi-yearbook-2024.txt`) is one book laid out one way: a
paragraph per line, blank lines between paragraphs, a running head
(`天津市河西年鉴 2024`) before each 篇's title page and no page numbers. Each
variant here rewrites it the way another PDF/OCR tool or another book would:

- no_running_heads: the 24 running-head lines removed;
- page_furniture: a page break every PAGE_CHARS characters of body text,
  falling mid-paragraph: the page number on its own line and an alternating
  running head (book title on even pages, the 篇 on odd pages);
- flipbook: the same page breaks as flipbook furniture (`Page 12 - 《…》`,
  `P. 12`);
- line_per_line: every printed line of COLUMN columns its own line;
- no_blank_lines: no blank line between paragraphs;
- two_columns: line per printed line, each page's two columns interleaved
  line by line (flipbook text);
- pdf_lines: line per printed line, no blank lines, page furniture;
- dot_headings: 篇 titles printed `·篇名·` (and no running heads);
- title_only_entries: `【title】` alone on its line, the text on the next;
- letter_spaced: every 7th paragraph and every 篇 title letter-spaced;
- city_wording: a city's book (市委, 市政府, 乡镇, other years), no heads;
- numbered_headings: every 章 heading of the 【】 parts numbered 一、 二、 … in
  its 篇 and every 分目 （一） （二） … in its 章 (a county book's outline),
  the 目录 left unnumbered, no heads.

Each variant returns the text and its ground truth: the cuts made inside a
paragraph (the text either side, which a good repair joins again), the page
each 【】 entry starts on when the variant prints pages, and the mapping of
titles (city_wording renames). Deterministic: no randomness.
"""
from __future__ import annotations

import difflib
import functools
import re
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from build_scripts.check import check_volume
from build_scripts.manifest import load_manifest
from build_scripts.model import SourceSpec
from build_scripts.repair.letter_spacing import is_letter_spaced
from build_scripts.pipeline import structure_volume
from build_scripts.structure.shapes import norm
from build_scripts.text import CJK_RE, width as _width

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "hexi-yearbook-2024.txt"
HEAD = "天津市河西年鉴 2024"  # the sample's running head
BOOK = "天津市河西年鉴（2024）"
# A 16开 page set in two columns holds about 1,800 characters.
PAGE_CHARS = 1800
# A printed column of 22 ideographs (44 half-width columns).
COLUMN = 44
# Characters either side of a cut kept as ground truth.
SNIPPET = 5
_CJK = CJK_RE
_ENTRY = re.compile(r"【[^【】]{1,60}】")


@dataclass
class Variant:
    name: str
    text: str
    cuts: list[str] = field(default_factory=list)  # "before|after" around each cut
    entry_pages: list[tuple[str, int]] = field(default_factory=list)  # (title, printed page)
    rename: Callable[[str], str] = lambda s: s
    furniture: list[str] = field(default_factory=list)  # furniture strings inserted


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def _body_start(lines: list[str]) -> int:
    return next(i for i, l in enumerate(lines) if l.strip() == HEAD)


def _part_titles(lines: list[str]) -> list[int]:
    """Indexes of the 篇 title lines: the first non-empty line after each head."""
    out = []
    for i, l in enumerate(lines):
        if l.strip() == HEAD:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            out.append(j)
    return out


def _drop_heads(lines: list[str]) -> list[str]:
    return [l for l in lines if l.strip() != HEAD]


def _cuttable(line: str) -> bool:
    return len(line) > 40 and "\t" not in line and bool(_CJK.search(line))


def _cut_point(line: str, want: int) -> int | None:
    """A position near `want` between two ideographs, outside any 【】."""
    spans = [m.span() for m in _ENTRY.finditer(line)]
    for d in range(0, 30):
        for p in (want + d, want - d):
            if SNIPPET < p < len(line) - SNIPPET and _CJK.match(line[p - 1]) and _CJK.match(line[p]):
                if not any(a <= p <= b for a, b in spans):
                    return p
    return None


def _part_of_line(lines: list[str]) -> list[str]:
    """The 篇 title in force at each line (for odd-page running heads)."""
    titles = set(_part_titles(lines))
    current, out = BOOK, []
    for i, l in enumerate(lines):
        if i in titles:
            current = l.strip()
        out.append(current)
    return out


def _paginate(lines: list[str], furniture: Callable[[int, str], list[str]], v: Variant, tight: bool) -> list[str]:
    """Insert page furniture every PAGE_CHARS characters of the body, cutting
    the paragraph where the page ends. The page number of a page stands at
    its top (before the page's text)."""
    start = _body_start(lines)
    parts = _part_of_line(lines)
    out = lines[:start]
    page, filled = 1, 0
    out += furniture(page, parts[start])
    for i in range(start, len(lines)):
        line = lines[i]
        while filled + len(line) > PAGE_CHARS:
            room = PAGE_CHARS - filled
            p = _cut_point(line, room) if _cuttable(line) and room > 2 * SNIPPET else None
            if p is None:  # the page ends between two lines
                page += 1
                out += furniture(page, parts[i])
                filled = 0
                break
            v.cuts.append(f"{line[p - SNIPPET:p]}|{line[p:p + SNIPPET]}")
            _note_entries(v, line[:p], page)
            out.append(line[:p])
            page += 1
            if not tight:
                out.append("")
            out += furniture(page, parts[i])
            if not tight:
                out.append("")
            line, filled = line[p:], 0
        _note_entries(v, line, page)
        out.append(line)
        filled += len(line)
    return out


def _note_entries(v: Variant, segment: str, page: int) -> None:
    v.entry_pages += [(m.group(0)[1:-1], page) for m in _ENTRY.finditer(segment)]


def _heads(page: int, part: str) -> list[str]:
    head = BOOK if page % 2 == 0 else part
    return [str(page), head] if page % 2 == 0 else [head, str(page)]


def _flip(page: int, part: str) -> list[str]:
    return [f"Page {page} - 《{BOOK}》"] if page % 2 else [f"P. {page}"]


def _printed_lines(lines: list[str], v: Variant, every: int = 1) -> list[str]:
    """Every paragraph wider than the column split into printed lines."""
    out = []
    n = 0
    for line in lines:
        if "\t" in line or _width(line) <= COLUMN:
            out.append(line)
            continue
        acc, w = "", 0
        pieces = []
        for c in line:
            cw = _width(c)
            if w + cw > COLUMN:
                pieces.append(acc)
                acc, w = "", 0
            acc += c
            w += cw
        pieces.append(acc)
        for a, b in zip(pieces, pieces[1:]):
            n += 1
            if n % every == 0 and len(a) >= SNIPPET and len(b) >= SNIPPET:
                v.cuts.append(f"{a[-SNIPPET:]}|{b[:SNIPPET]}")
        out += pieces
    return out


# Printed lines per column of a flipbook page.
COLUMN_LINES = 40


def _interleave(lines: list[str]) -> list[str]:
    """A flipbook page set in two columns, extracted line by line across
    them: each page of the body (2 × COLUMN_LINES printed lines, blank lines
    dropped) comes out left line, right line, left line, …"""
    start = _body_start(lines)
    body = [l for l in lines[start:] if l.strip() and l.strip() != HEAD]
    out = lines[:start]
    for k in range(0, len(body), 2 * COLUMN_LINES):
        page = body[k : k + 2 * COLUMN_LINES]
        left, right = page[:COLUMN_LINES], page[COLUMN_LINES:]
        for i in range(len(left)):
            out.append(left[i])
            if i < len(right):
                out.append(right[i])
        out.append("")
    return out


def _no_blanks(lines: list[str]) -> list[str]:
    return [l for l in lines if l.strip()]


def _letter_space(s: str) -> str:
    return " ".join(s)


_CITY = [("河西区", "滨江市"), ("河西", "滨江"), ("区委", "市委"), ("区政府", "市政府"), ("区人大", "市人大"),
         ("区政协", "市政协"), ("街道", "乡镇"), ("全区", "全市"), ("区领导", "市领导")]


def _city(s: str) -> str:
    for a, b in _CITY:
        s = s.replace(a, b)
    s = re.sub(r"(?<!\d)2023(?!\d)", "2019", s)
    return re.sub(r"(?<!\d)2024(?!\d)", "2020", s)


_NUMERALS = "一二三四五六七八九"


def _numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三."""
    tens, units = divmod(n, 10)
    head = "" if not tens else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + (_NUMERALS[units - 1] if units else "")


def _number_headings(lines: list[str]) -> list[str]:
    """The sample's 章 and 分目 heading lines numbered the way a county book
    prints them. Which lines are headings is read off the sample as it comes
    out: the line printing a 章 (分目) title just above its first entry, in
    the 篇 whose entries are 【】 entries."""
    out = list(lines)
    near = 4  # a heading stands at most this many lines above its first entry
    for part in _sample_volume().parts:
        n_chapter = 0
        for chapter in part.chapters:
            first = chapter.entries[0] if chapter.entries else None
            if not chapter.title or first is None or not lines[first.line - 1].lstrip().startswith("【"):
                continue
            at = _line_above(lines, first.line - 1, chapter.title, near)
            if at is None:
                continue
            n_chapter += 1
            out[at] = f"{_numeral(n_chapter)}、{lines[at].strip()}"
            n_section, section = 0, None
            for entry in chapter.entries:
                if entry.section and entry.section != section:
                    section = entry.section
                    sec_at = _line_above(lines, entry.line - 1, section, near)
                    if sec_at is not None and sec_at != at:
                        n_section += 1
                        out[sec_at] = f"（{_numeral(n_section)}）{lines[sec_at].strip()}"
    return out


def _line_above(lines: list[str], i: int, title: str, near: int) -> int | None:
    for j in range(i - 1, max(-1, i - 1 - near), -1):
        if norm(lines[j]) == norm(title):
            return j
    return None


def make(name: str) -> Variant:
    lines = sample_lines()
    v = Variant(name, "")
    if name == "sample":
        pass
    elif name == "no_running_heads":
        lines = _drop_heads(lines)
    elif name == "page_furniture":
        lines = _drop_heads(_paginate(lines, _heads, v, tight=True))
        # the book-title head is a different string from the sample's head
        v.furniture = [BOOK]
    elif name == "flipbook":
        lines = _drop_heads(_paginate(lines, _flip, v, tight=False))
        v.furniture = ["Page ", "P. "]
    elif name == "line_per_line":
        lines = _printed_lines(_drop_heads(lines), v, every=7)
    elif name == "no_blank_lines":
        lines = _no_blanks(_drop_heads(lines))
    elif name == "pdf_lines":
        lines = _paginate(lines, _heads, v, tight=True)
        lines = _no_blanks(_printed_lines(_drop_heads(lines), v, every=7))
        v.furniture = [BOOK]
    elif name == "two_columns":
        lines = _interleave(_printed_lines(lines, v, every=7))
    elif name == "dot_headings":
        titles = set(_part_titles(lines))
        lines = _drop_heads([f"·{l.strip()}·" if i in titles else l for i, l in enumerate(lines)])
    elif name == "title_only_entries":
        lines = _drop_heads(lines)
        lines = [re.sub(r"^(【[^【】]{1,60}】)\s*(?=\S)", r"\1\n", l) for l in lines]
    elif name == "letter_spaced":
        titles = set(_part_titles(lines))
        out = []
        for i, l in enumerate(lines):
            if i in titles:
                l = _letter_space(l.strip())
            elif i % 7 == 0 and _cuttable(l) and not l.startswith("【") and i > _body_start(lines):
                l = _letter_space(l)
            out.append(l)
        lines = _drop_heads(out)
    elif name == "city_wording":
        lines = [_city(l) for l in _drop_heads(lines)]
        v.rename = _city
    elif name == "numbered_headings":
        lines = _drop_heads(_number_headings(lines))
    else:
        raise KeyError(name)
    v.text = "\n".join(lines)
    return v


VARIANTS = ["sample", "no_running_heads", "page_furniture", "flipbook", "line_per_line", "no_blank_lines",
            "pdf_lines", "two_columns", "dot_headings", "title_only_entries", "letter_spaced", "city_wording", "numbered_headings"]


# --- measuring a variant against the sample's own 【】 entries ---------------
# (benchmarks/structure_variants.py prints these; tests/e2e asserts the bars)

# The repair stage makes ASCII marks full-width and pairs quotes: compare without them.
_ASCII = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！",
                        '"': "", "“": "", "”": "", "'": "", "‘": "", "’": ""})
_FURNITURE = re.compile(r"^\s*\d{1,4}\s*$|Page \d+ -|(?:^|\s)P\. ?\d+")


def structure(text: str, name: str):
    spec = next(s for s in load_manifest(ROOT / "seeds" / "volumes.yml") if s.kind == "yearbook")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"{name}.txt").write_text(text, encoding="utf-8")
        spec = replace(spec, sources=(SourceSpec(f"{name}.txt"),))
        return structure_volume(spec, Path(tmp))


def _key(text: str) -> str:
    return norm(text).translate(_ASCII).replace("“", "").replace("”", "")


def _entries(volume):
    return [(p.title, c, e) for p, c, e in volume.entries()]


@functools.lru_cache(maxsize=1)
def _sample_volume():
    return structure(SAMPLE.read_text(encoding="utf-8"), "sample")


def reference():
    """The sample's 【】 entries as the sample comes out: (key, 篇 key)."""
    raw = SAMPLE.read_text(encoding="utf-8")
    bracketed = {_key(m) for m in re.findall(r"【([^【】]{1,60})】", raw)}
    volume = _sample_volume()
    ref = [(_key(e.title), _key(p)) for p, _, e in _entries(volume) if _key(e.title) in bracketed]
    heads = set()
    for p, c, e in _entries(volume):
        heads |= {_key(e.title), _key(c.title or ""), _key(e.section or "")}
    return ref, heads


def measure(v, ref, heads) -> dict:
    t0 = time.perf_counter()
    volume = structure(v.text, v.name)
    seconds = time.perf_counter() - t0
    got = _entries(volume)
    keys = [_key(e.title) for _, _, e in got]
    want = [_key(v.rename(k)) for k, _ in ref]
    sm = difflib.SequenceMatcher(None, want, keys, autojunk=False)
    found = same_part = 0
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            found += 1
            same_part += _key(got[b + k][0]) == _key(v.rename(ref[a + k][1]))
    renamed = {_key(v.rename(h)) for h in heads}
    variant_heads = [h for _, c, e in got for h in (_key(e.title), _key(c.title or ""), _key(e.section or "")) if h]
    frag = sum(h not in renamed for h in set(variant_heads))
    texts = "\n".join(re.sub(r"\s+", "", b.text).translate(_ASCII) for _, _, e in got for b in e.blocks)
    texts += "\n".join(re.sub(r"\s+", "", b.text).translate(_ASCII) for b in volume.front_matter)
    # a cut inside an entry's title line straddles title and text: not a paragraph
    cuts = [c for c in v.cuts if not re.search("[【】]", c)]
    joined = sum(re.sub(r"\s+", "", c.replace("|", "")).translate(_ASCII) in texts for c in cuts)
    furniture = sum(
        bool(_FURNITURE.search(b.text)) or any(f in b.text for f in v.furniture)
        for _, _, e in got for b in e.blocks
    )
    spaced = sum(is_letter_spaced(b.text) for _, _, e in got for b in e.blocks if "\t" not in b.text)
    pages = None
    if v.entry_pages:
        wanted = [_key(v.rename(t)) for t, _ in v.entry_pages]
        sm = difflib.SequenceMatcher(None, wanted, keys, autojunk=False)
        hits = sum(
            bool(got[b + k][2].pages) and got[b + k][2].pages[0] == v.entry_pages[a + k][1]
            for a, b, n in sm.get_matching_blocks() for k in range(n)
        )
        pages = hits / len(wanted)
    report = check_volume(volume)
    return {
        "entries": len(got), "parts": len(volume.parts),
        "recall": found / len(ref), "part_acc": same_part / len(ref),
        "frag": frag / max(1, len(set(variant_heads))), "frag_n": frag,
        "rejoin": joined / len(cuts) if cuts else None, "cuts": len(cuts),
        "furniture": furniture, "pages": pages, "spaced": spaced,
        "check": "ok" if not report.failures() else "fails: " + ", ".join(report.failures()),
        "seconds": seconds,
    }


