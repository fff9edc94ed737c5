"""The header search box finds exactly the entries holding what the reader
typed, in the hosted site and in the unzipped offline bundle (file://).

Ground truth comes from the built entries.json and build_scripts.search
(the normalisation the site's index uses), never from fixed counts.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_scripts import search as si
from search_helpers import BOX, ITEM, META, found, open_search, rendered, type_query
from project import ROOT

QUERIES = Path(__file__).with_name("search_queries.tsv")


@pytest.fixture(scope="session")
def t2s(searchable):
    return si.t2s_table(searchable)


@pytest.fixture(scope="session")
def truth(searchable, t2s):
    """query → positions (in `searchable`) of the records that hold it."""

    def find(query: str) -> set[int]:
        terms = si.query_terms(query, t2s)
        return {i for i, e in enumerate(searchable) if si.matches(e, terms, t2s)}

    return find


def query_set() -> list[list[str]]:
    return [l.split("\t") for l in QUERIES.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]


def test_wrapped_queries_straddle_a_wrap_space_in_the_raw_text():
    raw = "".join(p.read_text(encoding="utf-8-sig") for p in sorted((ROOT / "seeds").glob("*.txt")))
    for kind, query in query_set():
        if kind == "wrapped":
            split = re.compile(f"[{si.WHITESPACE}]*".join(map(re.escape, query)))
            assert any(m.group() != query for m in split.finditer(raw)), f"{query!r} is never split by a wrap space"


def test_query_set_scores_recall_and_precision(search_page, truth):
    rows = query_set()
    kinds = {kind for kind, _ in rows}
    assert len(rows) >= 50 and {"title", "mid-title", "programme", "person", "place", "two-char", "number", "wrapped"} <= kinds
    hit = want = got = 0
    misses = []
    for kind, query in rows:
        expected = truth(query)
        assert expected, f"query {query!r} ({kind}) holds in no entry: the query set is stale"
        counter = type_query(search_page, query)
        results = found(search_page, query)
        assert counter == len(results), f"counter for {query!r} does not count entries"
        assert rendered(search_page) == results[: len(rendered(search_page))], "the list shows the ranked results"
        hit += len(expected & set(results))
        want += len(expected)
        got += len(results)
        if set(results) != expected:
            misses.append((kind, query, len(expected), len(results)))
    recall, precision = hit / want, hit / got
    assert recall == 1.0 and precision == 1.0, (recall, precision, misses)


def test_laji_fenlei_returns_the_entries_that_contain_it(search_page, truth, searchable):
    count = type_query(search_page, "垃圾分类")
    expected = truth("垃圾分类")
    assert count == len(expected)
    assert set(found(search_page, "垃圾分类")) == expected
    for pos in rendered(search_page):
        e = searchable[pos]
        assert "垃圾分类" in si.normalise(e["title"] + e["text"])


def test_a_query_in_traditional_characters_finds_the_same_entries(search_page):
    assert type_query(search_page, "垃圾分類") == type_query(search_page, "垃圾分类")
    assert found(search_page, "垃圾分類") == found(search_page, "垃圾分类")


def test_space_separated_words_must_all_occur(search_page, truth):
    both = type_query(search_page, "垃圾分类 示范")
    assert set(found(search_page, "垃圾分类 示范")) == truth("垃圾分类") & truth("示范")
    assert 0 < both < type_query(search_page, "垃圾分类")


def test_title_equal_to_the_query_first_then_title_matches(search_page, searchable, t2s):
    query = "垃圾分类"
    type_query(search_page, query)
    order = found(search_page, query)
    ranks = []
    for pos in order:
        title = si.normalise(searchable[pos]["title"], t2s)
        ranks.append(0 if title == query else 1 if query in title else 2)
    assert ranks[0] == 0, "an entry titled 垃圾分类 comes first"
    assert ranks == sorted(ranks)
    assert rendered(search_page)[0] == order[0]


def test_each_result_shows_title_place_and_highlighted_snippet(search_page, searchable):
    type_query(search_page, "一网统管")
    items = search_page.query_selector_all(ITEM)
    assert items
    for item in items:
        e = searchable[int(item.query_selector("a").get_attribute("data-yb-position"))]
        assert item.query_selector("h1").inner_text() == e["title"]
        place = " › ".join(x for x in (e["part"], e["chapter"], e["section"]) if x)
        assert item.query_selector(".yb-search-result__path").inner_text() == place
        assert item.query_selector(".yb-search-result__volume").inner_text().strip()
        marks = [si.normalise(m.inner_text()) for m in item.query_selector_all("mark")]
        assert marks and all(m == "一网统管" for m in marks)


def test_the_counter_counts_entries_not_pages(search_page, searchable):
    count = type_query(search_page, "燃气")
    search_page.evaluate(
        "() => { const w = document.querySelector('.md-search__scrollwrap');"
        " for (let i = 0; i < 50; i++) { w.scrollTop = w.scrollHeight; w.dispatchEvent(new Event('scroll')); } }"
    )
    shown = rendered(search_page)
    assert len(shown) == len(set(shown)) == count
    assert len({searchable[p]["url"].split("#")[0] for p in shown}) < count, "several results share a page"


def test_enter_opens_the_best_result_at_its_heading(search_page, searchable):
    type_query(search_page, "垃圾分类")
    best = searchable[rendered(search_page)[0]]
    search_page.press(BOX, "Enter")
    search_page.wait_for_url(re.compile(re.escape("#" + best["url"].split("#")[1]) + "$"))
    assert search_page.locator(f"[id='{best['url'].split('#')[1]}']").first.inner_text().strip().startswith(best["title"][:4])


def test_browser_and_build_normalise_alike(search_page, t2s):
    samples = ["垃圾 分类\u3000示范", "ＰＭ２．５（年均）", "Ａbc\tDEF\u200b", "开展主題教育", "１００％\n"]
    got = search_page.evaluate("xs => xs.map(x => yearbookSearch.normalise(x))", samples)
    assert got == [si.normalise(s, t2s) for s in samples]
    queries = samples + ["養老院", "醫保"]
    got = search_page.evaluate("xs => xs.map(x => yearbookSearch.normaliseQuery(x))", queries)
    assert got == [si.normalise(q, t2s) for q in queries]


def test_offline_search_finds_a_chinese_word_without_network(page_log, offline_index):
    page, requests = page_log
    page.goto(offline_index)
    page.click(BOX)
    page.fill(BOX, "垃圾分类")
    page.wait_for_selector(ITEM, timeout=15000)
    meta = page.inner_text(META)
    assert meta and meta.strip()[0] != "0"
    foreign = [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))]
    assert not foreign, foreign


def test_the_header_search_icon_opens_the_search_on_a_phone(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(site)
        page.click("label.md-header__button[for=__search]")
        page.keyboard.type("一网统管")
        page.wait_for_selector(ITEM, timeout=15000)
        page.wait_for_timeout(200)  # past the toggle's own click handling
        assert page.evaluate("document.getElementById('__search').checked")
        assert page.locator(ITEM).first.is_visible()
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked")
    finally:
        context.close()


def test_the_opened_entry_marks_the_query_and_keeps_a_clean_link(search_page, searchable):
    type_query(search_page, "生活垃圾 分类")
    best = searchable[rendered(search_page)[0]]
    anchor = best["url"].split("#")[1]
    search_page.press(BOX, "Enter")
    search_page.wait_for_url(re.compile(re.escape("#" + anchor) + "$"))
    search_page.wait_for_function("document.querySelector('article mark') !== null")
    marks = [si.normalise(m) for m in search_page.eval_on_selector_all("article mark", "els => els.map(e => e.textContent)")]
    assert marks and set(marks) <= {"生活垃圾", "分类"}
    assert "h=" not in search_page.url, "the address is left as a clean citation"


def test_glossary_terms_are_found_with_their_definition(search_page, searchable, t2s):
    terms = [(i, r) for i, r in enumerate(searchable) if r["part"] == si.GLOSSARY_PART and r["volume"] == si.GLOSSARY_VOLUME]
    if not terms:
        pytest.skip("this build has no 名词解释")
    position, record = terms[0]
    type_query(search_page, record["title"])
    assert position in found(search_page, record["title"])
    item = search_page.locator(f"{ITEM} a[data-yb-position='{position}']")
    assert item.count() == 1 and item.locator(".yb-search-result__path").inner_text() == si.GLOSSARY_PART


def test_the_printed_index_ranks_after_the_entries_it_lists(search_page, searchable, truth):
    """The 索引 篇's printed 条目索引 lists every heading with its page, so it
    holds most queries many times; the entries themselves come first, and it
    is still found (down-ranked, not dropped)."""
    aids = {i for i, r in enumerate(searchable) if si.is_finding_aid(r)}
    assert aids, "the sample's printed 条目索引 is not recognised as a finding aid"
    for query in ("财政", "社区", "消防"):
        ranked = found(search_page, query)
        assert set(ranked) == truth(query)
        hit_aids = [n for n, pos in enumerate(ranked) if pos in aids]
        assert hit_aids, f"{query}: the printed index should still match"
        assert hit_aids == list(range(len(ranked) - len(hit_aids), len(ranked))), query
