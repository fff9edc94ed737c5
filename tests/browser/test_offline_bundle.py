"""The offline bundle works from file:// and asks for nothing else."""
from __future__ import annotations


def test_offline_pages_and_navigation_load_without_network(page_log, offline_index):
    page, requests = page_log
    page.goto(offline_index)
    assert "地方年鉴" in page.title()
    page.click("text=天津市河西年鉴（2024）")
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.endswith("index.html")
    assert page.locator("h1").first.inner_text().startswith("天津市河西年鉴")
    foreign = [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))]
    assert not foreign, foreign
