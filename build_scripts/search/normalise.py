"""The matching form of texts and queries (检索规范化), shared by the index
builder and the tests' ground truth; assets/search.js does the same in the
browser (tests/search compare both).

  * drop whitespace (rules.WHITESPACE) — the raw PDF text breaks lines and
    pads columns with spaces, so 垃圾 分类 in the source must match 垃圾分类;
  * fold full-width ASCII (，：（）０-９Ａ-Ｚ) to half width, so ， and , or ２０２３
    and 2023 match each other;
  * lower-case ASCII letters (PM2.5 / pm2.5);
  * traditional characters to simplified ones (垃圾分類 → 垃圾分类), with a
    character table generated here by OpenCC (t2s). OpenCC itself converts
    phrases and is too large to ship to the browser, so the build converts
    each character once and keeps only what this corpus can need (see
    `t2s_table`). The table applies to the text as well as to queries: the
    extracted text holds a few traditional characters (題, 門, 類) that
    simplified queries must find.
"""
from __future__ import annotations

import functools

import re

from .rules import LIMITS, WHITESPACE

WHITESPACE_RE = re.compile(f"[{WHITESPACE}]+")

# Full-width forms U+FF01–FF5E are ASCII U+0021–007E shifted by 0xFEE0.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
_FOLD.update({c + 0xFEE0: c + 32 for c in range(ord("A"), ord("Z") + 1)})  # Ａ → a directly


def normalise(text: str, t2s: dict[str, str] | None = None) -> str:
    """No whitespace, half-width ASCII, lower case, simplified characters
    (with the table of `t2s_table`)."""
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
    for raw in WHITESPACE_RE.split(query[: LIMITS["query_max"]]):
        term = normalise(raw, t2s)
        if term and term not in terms:
            terms.append(term)
    return terms


def matches(record: dict, terms: list[str], t2s: dict[str, str] | None = None) -> bool:
    """Ground truth for one entry: every term occurs in its title or its text,
    or the whole query is the name of the 篇/章/分目 it lies under (rule
    heading-equals: the reader asked for that chapter)."""
    if not terms:
        return False
    title, text = normalise(record["title"], t2s), normalise(record["text"], t2s)
    if all(t in title or t in text for t in terms):
        return True
    from .rules import heading_names

    names = [normalise(n, t2s) for n in (record.get("part"), record.get("chapter"), record.get("section")) if n]
    return "".join(terms) in heading_names(names)


@functools.cache
def t2s_pairs() -> tuple[tuple[str, str], ...]:
    """Every CJK character OpenCC's t2s changes into one other character: the
    same for every corpus, so converted once per process (≈ 28,000 characters
    in ≈ 0.1 s; the build keeps the answer, cache.Cache.t2s_pairs)."""
    import opencc

    converter = opencc.OpenCC("t2s")
    pairs = []
    for block in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
        chars = [chr(c) for c in range(block[0], block[1] + 1)]
        # One call per block, one character per line: OpenCC keeps line breaks,
        # so the output lines pair with the input characters.
        converted = converter.convert("\n".join(chars)).split("\n")
        pairs += [(src, dst) for src, dst in zip(chars, converted) if dst != src and len(dst) == 1]
    return tuple(pairs)


def t2s_table(records: list[dict], pairs: tuple[tuple[str, str], ...] | None = None) -> dict[str, str]:
    """Traditional → simplified characters a reader may type, for this corpus.

    Every CJK character is converted alone with OpenCC's t2s. A character is
    kept when OpenCC changes it and either side occurs in the corpus: when
    neither does, a query holding it cannot match with or without the table,
    so leaving it out keeps the table (shipped to every reader) small. The
    price of characters instead of phrases: 乾 in 乾隆 becomes 干 on both sides,
    so 干 also finds 乾隆 — the same normalisation the tests' ground truth uses.
    `pairs`: t2s_pairs(), when the caller has them already.
    """
    return table_of(corpus_chars(records), pairs)


def corpus_chars(records: list[dict]) -> set[str]:
    """The characters of the records' titles and texts in their matching form
    (normalise works character by character, so the corpus of several sets
    of records is the union of theirs)."""
    corpus = set()
    for r in records:
        corpus.update(normalise(r["title"]))
        corpus.update(normalise(r["text"]))
    return corpus


def table_of(corpus: set[str], pairs: tuple[tuple[str, str], ...] | None = None) -> dict[str, str]:
    """t2s_table of a corpus given as its characters (corpus_chars)."""
    table = {src: dst for src, dst in (t2s_pairs() if pairs is None else pairs) if dst in corpus or src in corpus}
    return dict(sorted(table.items()))
