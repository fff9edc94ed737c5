"""A glossary term in running text explains itself on hover, tap and focus,
on the hosted site and in the offline bundle (file://, no network)."""
from __future__ import annotations

import json
import re

import pytest


@pytest.fixture(scope="module")
def term(built) -> dict:
    """A term of the book's 名词解释 list with an occurrence outside the report."""
    records = json.loads((built / "site" / "data" / "glossary.json").read_text(encoding="utf-8"))
    return next(r for r in records if r["origin"] == "book" and len(r["occurrences"]) > 1)


def _hosted(hosted_url: str, url: str) -> str:
    return hosted_url + url


def _offline(offline_index: str, url: str) -> str:
    page, anchor = url.split("#")
    return offline_index[: -len("index.html")] + page + "index.html#" + anchor


def _mark(page, term):
    """The marked term inside a paragraph of the entry's running text."""
    anchor = term["occurrences"][1]["url"].split("#")[1]
    mark = page.locator(f'p a.gl-term[href$="#{term["id"]}"]').first
    assert mark.count() == 1, f"no mark of {term['term']} on the page of #{anchor}"
    return mark


def _tooltip(page):
    return page.locator("#gl-tooltip")


def _hover(page, term):
    """Hover the term's first mark on the page; return the visible tooltip."""
    _mark(page, term).hover()
    tip = _tooltip(page)
    tip.wait_for(state="visible")
    return tip


def test_hover_shows_the_definition_and_a_link_to_the_glossary(page_log, hosted_url, term):
    page, _ = page_log
    page.goto(_hosted(hosted_url, term["occurrences"][1]["url"]))
    tip = _hover(page, term)
    assert term["definition"][:20] in tip.inner_text()
    tip.locator("a.gl-tooltip__more").click()
    volume = term["occurrences"][1]["entry"].split("/")[0]
    page.wait_for_url(re.compile(rf"/{volume}/glossary/(#.*)?$"))
    assert page.locator(f'[id="{term["id"]}"]').count() == 1


def test_keyboard_focus_shows_the_tooltip_and_escape_closes_it(page_log, hosted_url, term):
    page, _ = page_log
    page.goto(_hosted(hosted_url, term["occurrences"][1]["url"]))
    mark = _mark(page, term)
    mark.focus()
    tip = _tooltip(page)
    tip.wait_for(state="visible")
    assert mark.get_attribute("aria-describedby") == "gl-tooltip"
    page.keyboard.press("Tab")  # into the tooltip's own link, which keeps it open
    assert page.evaluate("document.activeElement.classList.contains('gl-tooltip__more')")
    assert tip.is_visible()
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_first_tap_explains_instead_of_leaving_the_page(browser, hosted_url, term):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}, locale="zh-CN")
    try:
        page = context.new_page()
        url = _hosted(hosted_url, term["occurrences"][1]["url"])
        page.goto(url)
        mark = _mark(page, term)
        mark.scroll_into_view_if_needed()
        mark.tap()
        tip = _tooltip(page)
        tip.wait_for(state="visible")
        assert "glossary" not in page.url  # still on the entry's page
        box, view = tip.bounding_box(), page.viewport_size
        assert box["x"] >= 0 and box["x"] + box["width"] <= view["width"]
    finally:
        context.close()


def test_offline_bundle_tooltip_works_from_file_without_network(page_log, offline_index, term):
    page, requests = page_log
    page.goto(_offline(offline_index, term["occurrences"][1]["url"]))
    tip = _hover(page, term)
    assert term["definition"][:20] in tip.inner_text()
    assert tip.locator("a.gl-tooltip__more").get_attribute("href").endswith(f"glossary.html#{term['id']}")
    foreign = [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))]
    assert not foreign, foreign


def test_footnote_marker_jumps_to_its_definition_and_back(page_log, hosted_url, term):
    # Material rewrites the URL hash while scrolling (navigation.tracking), so
    # where a click landed is judged by what is on screen, not by the URL.
    from playwright.sync_api import expect

    page, _ = page_log
    page.goto(hosted_url + term["definition_url"].split("#")[0])
    ref = page.locator("a.gl-ref[id]").first
    target = ref.get_attribute("href")
    ref.click()
    definition = page.locator(f'[id="{target[1:]}"]')
    expect(definition).to_be_in_viewport()
    back = definition.locator("a.gl-backref")
    assert back.get_attribute("href") == "#" + ref.get_attribute("id")
    back.click()
    expect(ref).to_be_in_viewport()
