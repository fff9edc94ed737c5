"""Broad queries (章 and 篇 names, places, programmes): the result a reader
wants is among the first three shown, for at least 90 % of them, hosted and
from file://. The wanted results are written in broad_queries.tsv (what a
reader means by the query), not taken from what the search returns."""
from __future__ import annotations

import fnmatch
from pathlib import Path

from search_helpers import rendered, type_query

QUERIES = Path(__file__).with_name("broad_queries.tsv")


def broad_queries() -> list[tuple[str, str, list[tuple[str, str]]]]:
    rows = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, query, wanted = line.split("\t")
        rows.append((kind, query, [tuple(w.strip().split("|", 1)) for w in wanted.split(";")]))
    return rows


def is_wanted(record: dict, wanted: list[tuple[str, str]]) -> bool:
    place = "›".join(x for x in (record["part"], record["chapter"], record["section"]) if x)
    return any(place.startswith(p) and fnmatch.fnmatchcase(record["title"], t) for p, t in wanted)


def test_the_broad_query_set_is_broad_and_every_wanted_result_exists(searchable):
    rows = broad_queries()
    assert len(rows) >= 30 and {"chapter", "part", "place", "programme"} <= {k for k, _, _ in rows}
    for _, query, wanted in rows:
        assert any(is_wanted(r, wanted) for r in searchable), f"{query}: no such entry, the set is stale"


def test_the_wanted_result_is_in_the_first_three(search_page, searchable):
    misses = []
    rows = broad_queries()
    for kind, query, wanted in rows:
        type_query(search_page, query)
        top = [searchable[p] for p in rendered(search_page)[:3]]
        if not any(is_wanted(r, wanted) for r in top):
            misses.append((kind, query, [f"{r['chapter'] or r['part']}|{r['title']}" for r in top]))
    share = 1 - len(misses) / len(rows)
    print(f"broad queries: {len(rows) - len(misses)}/{len(rows)} in the first three; misses: {misses}")
    assert share >= 0.9, (f"{share:.0%} in the first three", misses)
