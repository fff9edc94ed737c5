"""Search loading and UI in the browser (hosted and from file://): nothing of
the search is downloaded until the reader reaches for the box; a malformed
?h= never stops the search; the dialog has a Chinese accessible name and is
operable from the keyboard; results say where they are (volume, 篇 › 章,
printed page) and filter by volume."""
from __future__ import annotations

import re

from search_helpers import BOX, ITEM, META, rendered, type_query

SEARCH_FILES = re.compile(r"/search/[^/]+\.(js|css)$")


def search_requests(requests: list[str]) -> list[str]:
    return [u for u in requests if SEARCH_FILES.search(u.split("?")[0])]


def entry_page(site: str, record: dict) -> str:
    """The URL of an entry's page in this site (hosted: directory URLs;
    offline: the .html file the index links to)."""
    page = record["url"].split("#")[0]
    if site.startswith("file:"):
        base = site.rsplit("/", 1)[0] + "/"
        return base + (page[:-1] + ".html" if page.endswith("/") else page)
    return site + page


def test_a_page_view_downloads_nothing_of_the_search_until_the_box_is_focused(page_log, site):
    page, requests = page_log
    page.goto(site)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    page.mouse.wheel(0, 600)                      # reading, scrolling: still nothing
    page.wait_for_timeout(200)
    assert search_requests(requests) == []
    assert page.evaluate("window.yearbookSearch === undefined")
    page.click(BOX)
    page.wait_for_function("window.yearbookSearch && yearbookSearch.readyAt !== null")
    got = search_requests(requests)
    assert any(u.endswith("/search/manifest.js") for u in got) and any(u.endswith("/search/search.js") for u in got)


def test_slash_loads_the_search_and_puts_the_cursor_in_the_box(page_log, site):
    page, requests = page_log
    page.goto(site)
    page.keyboard.press("/")
    page.keyboard.type("垃圾分类")
    page.wait_for_selector(ITEM, timeout=15000)
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    assert page.input_value(BOX) == "垃圾分类", "the slash itself is not typed into the box"
    assert search_requests(requests)


def test_a_malformed_h_parameter_does_not_kill_search_on_the_page(page_log, site, searchable):
    page, _ = page_log
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    record = next(r for r in searchable if r["title"] == "垃圾分类")
    anchor = record["url"].split("#")[1]
    for h in ("%E4%B8", "%", "%zz%E5", "%E4%B8%"):
        page.goto(f"{entry_page(site, record)}?h={h}#{anchor}")
        page.wait_for_load_state("load")
        assert type_query(page, "一网统管") > 0, h
        assert page.locator(ITEM).count() > 0
    page.goto(f"{entry_page(site, record)}?h=%E5%9E%83%E5%9C%BE#%E4%B8")   # a cut escape in the anchor too
    assert type_query(page, "垃圾") > 0
    assert errors == []


def test_the_dialog_has_a_chinese_name_and_every_text_is_chinese(search_page):
    type_query(search_page, "垃圾分类")
    dialog = search_page.locator("[role=dialog][data-yb-search=root]")
    name = dialog.get_attribute("aria-label")
    assert name and re.search(r"[\u4e00-\u9fff]", name)
    labels = search_page.eval_on_selector_all(
        "[data-yb-search=root] [aria-label], [data-yb-search=root] [title], [data-yb-search=root] [placeholder]",
        "els => els.flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a)).filter(Boolean))")
    texts = labels + [search_page.inner_text(META)] + search_page.eval_on_selector_all(
        "[data-yb-search=filter] label, [data-yb-search=filter] option", "els => els.map(e => e.textContent)")
    assert texts and all(re.search(r"[\u4e00-\u9fff]", t) for t in texts), texts
    assert not [t for t in texts if re.search(r"\b(search|results?|close|clear|type)\b", t, re.I)], texts
    assert search_page.get_attribute(META, "aria-live") == "polite"


def test_keyboard_only_search_open_move_and_close(search_page, searchable):
    search_page.keyboard.press("Escape")
    search_page.locator("body").focus() if False else search_page.evaluate("document.activeElement.blur()")
    search_page.keyboard.press("/")
    search_page.keyboard.type("一网统管")
    search_page.wait_for_selector(ITEM)
    assert search_page.evaluate("document.getElementById('__search').checked")
    search_page.keyboard.press("ArrowDown")
    first = search_page.evaluate("document.activeElement.dataset.ybPosition")
    assert first is not None and int(first) == rendered(search_page)[0]
    search_page.keyboard.press("ArrowDown")
    search_page.keyboard.press("ArrowUp")
    assert search_page.evaluate("document.activeElement.dataset.ybPosition") == first
    search_page.keyboard.press("Escape")
    assert not search_page.evaluate("document.getElementById('__search').checked")


def test_a_result_names_its_volume_place_and_printed_page(search_page, searchable):
    type_query(search_page, "垃圾分类")
    item = search_page.locator(ITEM).first
    record = searchable[rendered(search_page)[0]]
    assert record["pages"], "the sample's 垃圾分类 entry has a printed page"
    volume = item.locator(".yb-search-result__volume").inner_text()
    assert "河西" in volume and "2024" in volume
    assert item.locator(".yb-search-result__path").inner_text() == " › ".join(
        x for x in (record["part"], record["chapter"], record["section"]) if x)
    page_text = item.locator(".yb-search-result__page").inner_text()
    assert page_text.endswith("页") and str(record["pages"][0]) in page_text
    assert "垃圾分类" in item.locator(".yb-search-result__snippet").inner_text()


def test_results_of_several_volumes_filter_by_volume(search_page, searchable):
    count = type_query(search_page, "城市管理")
    volumes = {searchable[p]["volume"] for p in search_page.evaluate(
        "q => yearbookSearch.search(q).map(r => r.position)", "城市管理")}
    assert len(volumes) >= 2, "the sample's yearbook and reports both hold 城市管理"
    select = search_page.locator("[data-yb-search=volume]")
    assert select.is_visible()
    options = select.locator("option").all_inner_texts()
    assert options[0].startswith("全部卷") and str(count) in options[0]
    select.select_option("urban-management")
    search_page.wait_for_function("document.querySelector('.md-search-result__meta').dataset.ybComplete === 'true'")
    shown = rendered(search_page)
    assert shown and {searchable[p]["volume"] for p in shown} == {"urban-management"}
    assert int(search_page.get_attribute(META, "data-yb-count")) < count
    select.select_option("")
    search_page.wait_for_function(
        "n => +document.querySelector('.md-search-result__meta').dataset.ybCount === n", arg=count)
