"""Hostile content in the input renders as literal text, in the browser.

A seed whose titles and text hold HTML (<script>, <img onerror>, <svg onload>),
Markdown control characters (| * # [ ` !) and attribute-list syntax ({#id},
{: onclick=…}) is built into a small site; every page that shows it is opened
in Chromium. Nothing may run (window.__pwned stays undefined), no element may
be injected, and the reader sees the characters as typed.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading

import pytest

from project import ROOT, SMALL_MANIFEST as MANIFEST, copy_project

IMG = '<img src=x onerror=window.__pwned=1>'  # unquoted: repair turns "" into “”
SCRIPT = "<script>window.__pwned=2</script>"
SVG = "<svg onload=window.__pwned=3>"
MARKDOWN = "统计|表格*强调*#井号[链接](http://evil.example)`代码`![图](x.png)_下划_"
ATTR = "规则{#hijack}与{:onclick=window.__pwned=5}"  # attr_list syntax, spaces optional

PARTS = ["党政机关", "经济发展", "城市建设", "社会事业", "街道社区"]


def _book() -> str:
    lines = ["某某镇年鉴(2099)", "", "编辑说明", "", f"一、全书设置{'、'.join(PARTS)} 5 篇。", ""]
    for n, part in enumerate(PARTS):
        lines += ["某某镇年鉴 2099", "", part, "", f"综合工作{n}", ""]
        if n == 0:
            lines += [f"【{IMG}】 正文之中有脚本{SCRIPT}一段,还有{SVG}图形。", "",
                      f"【{MARKDOWN}】 正文也有{MARKDOWN}。", "",
                      f"【{ATTR}】 正文也有 {{#hijack}} 和 {{: .evil }} 记号。", "",
                      f"| 第一列 | 第二列 |", "", "# 不是标题", "", "- 不是列表", ""]
        lines += [f"【概况】 {part}工作稳步推进。", ""]
    return "\n".join(lines)


REPORT = f"工作总结{IMG}\n\n一、主要工作{SCRIPT}\n\n全年完成各项任务。\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("hostile"))
    for p in (root / "seeds").iterdir():
        p.unlink()
    (root / "seeds" / "volumes.yml").write_text(MANIFEST, encoding="utf-8")
    (root / "seeds" / "town.txt").write_text(_book(), encoding="utf-8")
    (root / "seeds" / "report.txt").write_text(REPORT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(root), "--quiet", "build"],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    p = context.new_page()
    dialogs = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.dialogs = dialogs
    yield p
    context.close()


def _no_injection(page):
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    article = page.locator("article")
    # The only images/scripts/svgs in the article are the theme's own icons.
    assert article.locator("img").count() == 0
    assert article.locator("script").count() == 0
    assert article.locator("svg[onload], [onerror], [onclick]").count() == 0
    assert page.locator("#hijack").count() == 0
    assert article.locator("a[href^='http://evil']").count() == 0


def test_html_in_entry_titles_and_text_is_shown_not_run(hostile_site, page):
    _, url = hostile_site
    page.goto(url + "town-2099/dang-zheng-ji-guan/zong-he-gong-zuo-0/")
    _no_injection(page)
    text = page.locator("article").inner_text()
    assert IMG in text and SCRIPT in text and SVG in text


def test_markdown_and_attribute_syntax_is_shown_literally(hostile_site, page):
    _, url = hostile_site
    page.goto(url + "town-2099/dang-zheng-ji-guan/zong-he-gong-zuo-0/")
    _no_injection(page)
    text = page.locator("article").inner_text()
    assert MARKDOWN in text and ATTR in text
    assert "{#hijack}" in text and "| 第一列 | 第二列 |" in text and "# 不是标题" in text
    article = page.locator("article")
    assert article.locator("table, em, code, ul, h1 >> text=不是标题").count() == 0
    # The hostile entries are still headings of their own, titled as typed.
    headings = page.evaluate(
        "[...document.querySelectorAll('article h2.entry')].map(h => h.firstChild.textContent.trim())"
    )
    assert headings[:3] == [IMG, MARKDOWN, ATTR]


def test_hostile_titles_in_navigation_and_page_title_stay_text(hostile_site, page):
    root, url = hostile_site
    entries = json.loads((root / "site" / "data" / "entries.json").read_text(encoding="utf-8"))
    report_page = next(e["url"] for e in entries if e["volume"] == "papers").split("#")[0]
    page.goto(url + "papers/")
    _no_injection(page)
    page.goto(url + report_page)
    _no_injection(page)
    nav_text = page.locator("nav.md-nav--primary").text_content()
    assert "工作总结<img" in " ".join(nav_text.split())
    assert page.title().startswith("工作总结<img")
    assert page.locator("article h1").inner_text().startswith("工作总结<img")


def test_search_results_for_hostile_entries_stay_text(hostile_site, page):
    _, url = hostile_site
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    # The search worker loads its index after the page: retype until it answers.
    box.type("正文")
    for _ in range(30):
        page.wait_for_timeout(1000)
        box.press("End")
        box.type("x")
        box.press("Backspace")
        if page.locator(".md-search-result__item").count():
            break
    assert page.locator(".md-search-result__item").count() > 0
    _no_injection(page)
    results = page.locator(".md-search-result")
    assert results.locator("img, script, svg[onload], [onerror]").count() == 0


def test_data_contract_keeps_the_literal_title(hostile_site):
    root, _ = hostile_site
    entries = json.loads((root / "site" / "data" / "entries.json").read_text(encoding="utf-8"))
    titles = {e["title"] for e in entries}
    assert IMG in titles and MARKDOWN in titles and ATTR in titles
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
