"""End to end: the sample's 名词解释 list, its footnotes and glossary.json."""
from __future__ import annotations

import json
import re

from project import ROOT


def _glossary(built) -> list[dict]:
    return json.loads((built / "site" / "data" / "glossary.json").read_text(encoding="utf-8"))


def _printed_item_count() -> int:
    """How many items the book's 名词解释 list prints: the numbers that open its lines."""
    text = (ROOT / "seeds" / "hexi-yearbook-2024.txt").read_text(encoding="utf-8")
    tail = text[text.index("名词解释") :]
    numbers, n = [], 1
    for m in re.finditer(r"^\s*(?:-\s*)?(\d{1,2})\s*\.", tail, re.M):
        if int(m.group(1)) == n:
            numbers.append(n)
            n += 1
    return len(numbers)


def test_every_item_of_the_book_list_becomes_a_term_with_its_number(built):
    book = [r for r in _glossary(built) if r["origin"] == "book"]
    assert [r["number"] for r in book] == list(range(1, _printed_item_count() + 1))
    assert all(r["term"] and r["definition"] and r["source"] for r in book)


def test_every_term_occurrence_points_to_a_published_entry(built, entries):
    ids = {e["id"]: e["url"] for e in entries}
    for record in _glossary(built):
        for occ in record["occurrences"]:
            assert ids[occ["entry"]] == occ["url"]


def test_every_superscript_marker_of_the_report_links_to_its_definition(built):
    book = [r for r in _glossary(built) if r["origin"] == "book"]
    page = book[0]["definition_url"].split("#")[0]
    html = (built / "site" / page / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'<a class="gl-ref" href="#(fn-[^"]+)" id="fnref-[^"]+">', html)
    assert sorted(refs) == sorted(r["definition_url"].split("#")[1] for r in book)
    for r in book:
        assert f'id="{r["definition_url"].split("#")[1]}"' in html


def test_glossary_pages_are_published_and_in_the_navigation(built):
    assert (built / "site" / "glossary" / "index.html").is_file()
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="glossary/"' in home
    for volume in {e["volume"] for e in json.loads((built / "site" / "data" / "entries.json").read_text(encoding="utf-8"))}:
        assert (built / "site" / volume / "glossary" / "index.html").is_file()
