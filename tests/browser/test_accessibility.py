"""axe-core (npm, pinned in package-lock.json) finds no serious or critical
violation on any page type, hosted and offline, at desktop and phone width;
every control is reachable by keyboard at phone width, and the closed menu
is not (Tab never walks into it)."""
from __future__ import annotations

import pytest

from reader import address, axe_violations

# One page of every type the site has (hosted site-relative URLs).
PAGE_TYPES = {
    "home": "",
    "volume home": "hexi-2024/",
    "part page": "hexi-2024/fa-zhi/",
    "chapter with entries": "hexi-2024/fa-zhi/gong-an/",
    "大事记 month": "hexi-2024/2023-nian-da-shi-ji/1-yue/",
    "统计资料": "hexi-2024/tong-ji-zi-liao/",
    "report": "urban-management/",
    "volume glossary": "hexi-2024/glossary/",
    "combined glossary": "glossary/",
    "条目索引": "indexes/entries/",
    "人名索引": "indexes/people/",
    "editors' page": "hexi-2024/editors/",
    "修订记录": "audit/",
    "使用说明": "guide/",
    "printable volume": "hexi-2024/print/",
    "繁體 chapter": "zh-Hant/hexi-2024/fa-zhi/gong-an/",
    "繁體 home": "zh-Hant/",
    "404": "404.html",
}
@pytest.fixture(params=["hosted", "offline"])
def site(request) -> str:
    return request.getfixturevalue("hosted_url" if request.param == "hosted" else "offline_index")


# Every page type in both builds at desktop width, and hosted at phone width
# (the offline pages are the same pages with .html links: axe at both widths
# on both builds would double CI time for no new finding).
WHERE = [("hosted", 1280), ("offline", 1280), ("hosted", 390)]


@pytest.mark.parametrize("where", WHERE, ids=[f"{b}-{w}" for b, w in WHERE])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_serious_or_critical_axe_violation(request, browser, kind, where):
    build, width = where
    site = request.getfixturevalue("hosted_url" if build == "hosted" else "offline_index")
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(address(site, PAGE_TYPES[kind]))
        assert page.evaluate("document.documentElement.lang") in ("zh-CN", "zh-Hant")
        assert axe_violations(page) == []
    finally:
        context.close()


def _walk_tab(page, presses: int) -> list[dict]:
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(
            """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
                 return {tag: e.tagName, text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 30),
                         visible: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth,
                         inDrawer: !!e.closest('.md-sidebar--primary')}; }"""
        ))
    return seen


def test_phone_width_keyboard_never_enters_the_closed_menu_and_can_open_it(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(address(site, PAGE_TYPES["chapter with entries"]))
        walked = _walk_tab(page, 40)
        assert not [w for w in walked if w["inDrawer"]], "Tab walked into the closed menu"
        assert all(w["visible"] for w in walked), [w for w in walked if not w["visible"]]
        names = [w["text"] for w in walked]
        assert "引用本条" in names and "特大" in names and "繁體" in names
        # The menu button is reachable and opens the menu from the keyboard.
        page.focus('.md-header label[for="__drawer"]')
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        assert page.evaluate("document.getElementById('__drawer').checked")
        assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked")
    finally:
        context.close()
