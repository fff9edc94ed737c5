"""Search (全文检索): one package for the index builder, its ranking rules and
limits, the browser engine, its styles and templates.

  rules.py      the ordered ranking rules and every limit, serialised into the
                search manifest (the browser reads them from there)
  normalise.py  the matching form of texts and queries (ground truth for tests)
  pinyin.py     title readings for Latin-letter queries (pypinyin)
  index.py      the index files under <site>/search/ (per volume, on demand)
  assets/       search.js (engine, loaded only when the reader reaches for the
                search box) and search.css
  templates/    the header search partial (laid over overrides/ at build time)

Tests: tests/search/. Benchmark: benchmarks/search_bench.py.
"""
from .index import (
    GLOSSARY_PART,
    GLOSSARY_VOLUME,
    IndexMemo,
    VolumeIndex,
    build_files,
    chunk_records,
    engine_files,
    glossary_records,
    is_finding_aid,
    offline_page_url,
    pages_label,
    site_files,
    stage_theme,
    write,
)
from .normalise import WHITESPACE_RE, corpus_chars, matches, normalise, query_terms, t2s_table, table_of
from .pinyin import title_syllables
from .rules import DEMOTE, KINDS, LIMITS, RANKING, WHITESPACE, entry_kind

__all__ = [
    "GLOSSARY_PART", "GLOSSARY_VOLUME", "IndexMemo", "VolumeIndex", "build_files", "chunk_records", "engine_files", "glossary_records",
    "is_finding_aid", "offline_page_url", "pages_label", "site_files", "stage_theme", "write", "WHITESPACE_RE", "matches",
    "normalise", "query_terms", "t2s_table", "table_of", "corpus_chars", "title_syllables", "DEMOTE", "KINDS", "LIMITS", "RANKING",
    "WHITESPACE", "entry_kind",
]
