"""The reader's site, tried as a reader would, hosted and from file://:
citation with its exact text, printed pages, previous/next, breadcrumb, the
大事记 month links, the font-size switch, the 繁體 twin of every page, the
404 page at a deep host path, and the print layout."""
from __future__ import annotations

import datetime
import re

import pytest

from build_scripts import traditional
from reader import address, serve_under

ENTRY_PAGE = "hexi-2024/fa-zhi/gong-an/"
# The sample's 公安 · 概况, printed on page 165 of the book (its own 目录 and 索引).
CITATION = "概况[M/OL]//天津市河西区档案馆. 天津市河西年鉴（2024）. 郑州: 中州古籍出版社, 2024: 165"


@pytest.fixture(params=["hosted", "offline"])
def site(request) -> str:
    return request.getfixturevalue("hosted_url" if request.param == "hosted" else "offline_index")


@pytest.fixture
def reader(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield context
    context.close()


def _h1(page) -> str:
    return page.locator("h1").first.inner_text().rstrip("¶").strip()


def _today() -> str:
    return datetime.date.today().isoformat()


def test_cite_button_copies_the_exact_gbt_7714_citation_hosted(reader, hosted_url):
    reader.grant_permissions(["clipboard-read", "clipboard-write"])
    page = reader.new_page()
    page.goto(hosted_url + ENTRY_PAGE)
    first = page.locator("#gai-kuang ~ .entry-meta").first
    assert first.locator(".entry-pages").inner_text() == "原书第 165 页"
    first.locator(".cite-button").click()
    expected = f"{CITATION}[{_today()}]. {hosted_url}{ENTRY_PAGE}#gai-kuang."
    page.wait_for_selector(".cite-text__citation")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.inner_text(".cite-text__citation") == expected


def test_offline_citation_has_no_file_address(reader, offline_index):
    page = reader.new_page()
    page.goto(address(offline_index, ENTRY_PAGE))
    page.locator("#gai-kuang ~ .entry-meta .cite-button").first.click()
    page.wait_for_selector(".cite-text__citation")
    assert page.inner_text(".cite-text__citation") == f"{CITATION}[{_today()}]."


def test_an_estimated_page_is_marked_and_bracketed_in_the_citation(reader, site):
    page = reader.new_page()
    page.goto(address(site, ENTRY_PAGE))
    meta = page.locator(".entry-meta", has_text="据前后条目推算").first
    assert re.fullmatch(r"原书约第 \d+ 页（据前后条目推算）", meta.locator(".entry-pages").inner_text())
    assert re.search(r": \[\d+\]$", meta.locator(".cite-button").get_attribute("data-cite"))


def test_previous_and_next_links_and_linked_breadcrumb(reader, site):
    page = reader.new_page()
    page.goto(address(site, ENTRY_PAGE))
    assert page.locator(".md-footer__link--prev").count() == 1
    nxt = page.locator(".md-footer__link--next")
    assert "下一页" in nxt.inner_text()
    title = nxt.locator(".md-ellipsis").inner_text().strip()
    nxt.click()
    page.wait_for_load_state()
    assert _h1(page) == title
    page.locator(".breadcrumb a").first.click()
    page.wait_for_load_state()
    assert _h1(page) == "天津市河西年鉴（2024）"


def test_chronicle_months_link_to_each_other_and_each_day_has_one_heading(reader, site):
    page = reader.new_page()
    page.goto(address(site, "hexi-2024/2023-nian-da-shi-ji/1-yue/"))
    heads = page.locator("h2.entry").all_inner_texts()
    assert len(heads) == len(set(heads)) and "1月6日" in [h.strip("¶").strip() for h in heads]
    page.locator(".month-bar a", has_text="2月").first.click()
    page.wait_for_load_state()
    assert _h1(page) == "2月"


def test_volume_home_shows_cover_data_and_a_linked_toc(reader, site):
    page = reader.new_page()
    page.goto(address(site, "hexi-2024/"))
    cover = page.inner_text("dl.cover")
    assert "ISBN" in cover and "978-7-5738-1572-9" in cover and "中州古籍出版社" in cover
    assert page.locator("h2#bian-ji-shuo-ming, h2:has-text('编辑说明')").count() == 1
    page.locator(".md-content a", has_text="公安").first.click()
    page.wait_for_load_state()
    assert _h1(page) == "公安"


def test_font_size_switch_persists_across_pages(reader, site):
    page = reader.new_page()
    page.goto(address(site, ENTRY_PAGE))
    normal = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    page.click("button[data-yb-font-step='2']")
    large = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert large >= normal * 1.45
    assert page.get_attribute("button[data-yb-font-step='2']", "aria-pressed") == "true"
    page.goto(address(site, "hexi-2024/"))
    assert page.evaluate("document.documentElement.getAttribute('data-yb-font')") == "2"
    page.click("button[data-yb-font-step='0']")
    page.reload()
    assert page.evaluate("document.documentElement.getAttribute('data-yb-font')") is None


def test_traditional_twin_of_the_same_page_and_back(reader, site):
    page = reader.new_page()
    url = "hexi-2024/cheng-shi-jian-she-yu-guan-li/"
    page.goto(address(site, url))
    simplified = _h1(page)
    page.click("a.yb-tools__script")
    page.wait_for_load_state()
    assert "/zh-Hant/" in page.url
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert _h1(page) == traditional.convert_text(simplified) != simplified
    page.click("a.yb-tools__script")
    page.wait_for_load_state()
    assert "/zh-Hant/" not in page.url and _h1(page) == simplified


def test_traditional_search_finds_entries_and_leads_to_traditional_pages(reader, site):
    page = reader.new_page()
    page.goto(address(site, "zh-Hant/"))
    page.click("input.md-search__input")  # the search loads its engine when the box is reached
    page.wait_for_function("window.yearbookSearch && window.yearbookSearch.completeAt !== null")
    page.fill("input.md-search__input", "網格員")
    page.wait_for_selector(".md-search-result__item a")
    link = page.locator(".md-search-result__item a").first
    assert "/zh-Hant/" in link.get_attribute("href") or "zh-Hant" in page.evaluate("(a) => a.href", link.element_handle())


def test_404_page_is_chinese_and_works_at_a_deep_host_path(reader, built):
    server, base = serve_under(built / "site", "/a/b/nianjian/")
    try:
        page = reader.new_page()
        response = page.goto(base + "no/such/page/")
        assert response.status == 404
        assert _h1(page) == "页面未找到"
        assert page.title().startswith("地方年鉴") or "404" not in page.title()
        # The theme's stylesheet loaded: the header has the palette's red.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(183, 28, 28)"
        page.click("text=返回首页")
        page.wait_for_load_state()
        assert page.url == base and _h1(page) == "地方年鉴在线版"
        page.goto(base + "x/y/")
        page.click("[data-yb-open-search]")
        page.click("input.md-search__input")
        page.wait_for_function("window.yearbookSearch && window.yearbookSearch.completeAt !== null")
        page.fill("input.md-search__input", "网格员")
        page.wait_for_selector(".md-search-result__item a")
    finally:
        server.shutdown()


def test_404_page_of_the_offline_bundle_links_home(reader, offline_index):
    page = reader.new_page()
    page.goto(offline_index.replace("index.html", "404.html"))
    assert _h1(page) == "页面未找到"
    page.click("text=返回首页")
    page.wait_for_load_state()
    assert page.url == offline_index


def test_print_layout_drops_the_menu_and_shows_address_and_pages(reader, site):
    page = reader.new_page()
    page.goto(address(site, ENTRY_PAGE))
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.yb-tools', '.cite-button']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert set(hidden) == {"none"}
    shown = page.inner_text(".yb-print-url")
    assert shown.startswith("本页网址：") and "gong-an" in shown
    assert page.locator(".entry-pages").first.is_visible()


def test_printable_volume_page_holds_the_whole_volume(reader, site, entries):
    page = reader.new_page()
    page.goto(address(site, "hexi-2024/print/"))
    headings = page.evaluate("document.querySelectorAll('.md-content h4, .md-content h5').length")
    volume = [e for e in entries if e["volume"] == "hexi-2024" and e["part"].replace(" ", "").replace("\u3000", "") != "索引"]
    assert headings >= len(volume)
