"""Driving the header search box in tests (tests/search/)."""
from __future__ import annotations

BOX = "input.md-search__input"
META = ".md-search-result__meta"
ITEM = ".md-search-result__item"


def open_search(page):
    """Focus the header box (which loads the search) and wait for every volume."""
    page.click(BOX)
    page.wait_for_function("window.yearbookSearch && window.yearbookSearch.completeAt !== null")


def type_query(page, query: str) -> int:
    """Type into the header box; return the counter's number once it shows this query."""
    page.click(BOX)
    page.fill(BOX, query)
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " return m.dataset.ybQuery === q && m.dataset.ybComplete === 'true'; }",
        arg=query,
    )
    return int(page.get_attribute(META, "data-yb-count"))


def found(page, query: str) -> list[int]:
    """Every substring result of the query, in ranked order, as positions in
    `searchable` (pinyin matches, marked as such, left out)."""
    return page.evaluate("q => yearbookSearch.search(q).filter(r => !r.pinyin).map(r => r.position)", query)


def ranked(page, query: str) -> list[dict]:
    """Every result with the rule that placed it and whether pinyin found it."""
    return page.evaluate(
        "q => yearbookSearch.search(q).map(r => ({position: r.position, rule: r.rule, kind: r.kind, pinyin: r.pinyin}))",
        query,
    )


def rendered(page) -> list[int]:
    return [int(x) for x in page.eval_on_selector_all(f"{ITEM} a", "els => els.map(a => a.dataset.ybPosition)")]
