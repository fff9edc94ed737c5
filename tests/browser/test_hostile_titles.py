"""Titles that try to break out of the context they are written into.

Every channel through which input text reaches a page carries a string made to
close that context: `</title>` (the page's <title>, which Material fills with
`page.title | striptags` — and striptags un-escapes), `</script>` (the
glossary's JSON data block, search records), and attribute quotes `"` and `'`
(attributes of links, aria labels). The channels: 篇 and 章 lines, 条目
titles and text of the book, a report's title line, the manifest's volume
title, publisher, editor and source title/publisher, the editors' glossary
term and definition, search results and the page URL's `?h=` parameter.

Every built page is opened in Chromium, hosted and from the unzipped offline
bundle: no script of the input may run, no element may be injected, and the
reader sees the characters as typed (in <title>, the menu and the headings).
"""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from project import ROOT, copy_project

TITLE = "</title><img src=x onerror=window.__pwned=11>"
SCRIPT = "</script><script>window.__pwned=12</script>"
SVG = "</title><svg/onload=window.__pwned=15>"  # no spaces: usable as a glossary term
DQUOTE = '"><img src=x onerror=window.__pwned=13>'
SQUOTE = "' onmouseover='window.__pwned=14' x='"

# 章 lines are short headings (at most 40 characters, no sentence punctuation).
CHAPTERS = ["综合工作0</title><svg/onload=__pwned=17>", "综合工作1</script><svg/onload=__pwned=18>",
            "综合工作2", "综合工作3", "综合工作4"]
PARTS = [f"党政机关{TITLE}", f"经济发展{SCRIPT}", "城市建设", "社会事业", "街道社区"]
VOLUME_TITLE = f"某某镇年鉴{TITLE}{DQUOTE}{SQUOTE}"
REPORT_TITLE = f"工作总结{TITLE}"
SOURCE_TITLE = f"第二份{TITLE}{DQUOTE}"
TERM = f"各项任务{SVG}"


def _yaml(text: str) -> str:
    """A single-quoted YAML scalar."""
    return "'" + text.replace("'", "''") + "'"


def _book() -> str:
    lines = ["某某镇年鉴(2099)", "", "编辑说明", "", f"一、全书设置{'、'.join(PARTS)} 5 篇。", ""]
    for n, part in enumerate(PARTS):
        lines += ["某某镇年鉴 2099", "", part, "", CHAPTERS[n], ""]
        lines += [f"【概况{TITLE}】 {part}工作稳步推进{SCRIPT}，完成{TERM}。", ""]
    return "\n".join(lines)


MANIFEST = f"""volumes:
  - id: town-2099
    title: {_yaml(VOLUME_TITLE)}
    year: 2099
    kind: yearbook
    publisher: {_yaml("出版社" + SCRIPT + DQUOTE)}
    editor: {_yaml("编者" + TITLE + SQUOTE)}
    sources:
      - file: town.txt
  - id: papers
    title: {_yaml("工作文献" + SCRIPT)}
    year: 2099
    kind: reports
    sources:
      - file: report.txt
      - file: report2.txt
        title: {_yaml(SOURCE_TITLE)}
        publisher: {_yaml("发文单位" + SCRIPT)}
"""
GLOSSARY = f"""terms:
  - term: {_yaml(TERM)}
    definition: {_yaml("定义" + SCRIPT + DQUOTE + SQUOTE)}
    source: {_yaml("来源" + TITLE)}
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def titles_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("titles"))
    for p in (root / "seeds").iterdir():
        p.unlink()
    seeds = root / "seeds"
    (seeds / "volumes.yml").write_text(MANIFEST, encoding="utf-8")
    (seeds / "glossary-extra.yml").write_text(GLOSSARY, encoding="utf-8")
    (seeds / "town.txt").write_text(_book(), encoding="utf-8")
    (seeds / "report.txt").write_text(f"{REPORT_TITLE}\n\n一、主要工作{SCRIPT}\n\n全年完成{TERM}。\n", encoding="utf-8")
    (seeds / "report2.txt").write_text("第二份文件\n\n一、主要工作\n\n全年完成各项任务。\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(root), "--quiet", "build"],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    offline = tmp_path_factory.mktemp("titles-offline")
    with zipfile.ZipFile(root / "dist" / "yearbook-offline.zip") as zf:
        zf.extractall(offline)
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}/", offline / "yearbook"
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    p = context.new_page()
    p.dialogs = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    yield p
    context.close()


# Anything the input could have injected, anywhere in the document (the theme
# draws its icons as inline <svg> without handlers and uses no <img>).
_INJECTED = """() => {
  const handlers = [...document.querySelectorAll('*')].filter(
    e => [...e.attributes].some(a => a.name.startsWith('on')));
  const scripts = [...document.scripts].filter(s => s.textContent.includes('__pwned') &&
    s.type !== 'application/json');
  return {pwned: typeof window.__pwned, img: document.querySelectorAll('img').length,
          handlers: handlers.map(e => e.outerHTML.slice(0, 80)), scripts: scripts.length,
          x: document.querySelectorAll('[x]').length};
}"""


def _assert_inert(page, where: str) -> None:
    page.wait_for_timeout(50)  # let onload/onerror handlers fire if any were injected
    found = page.evaluate(_INJECTED)
    assert found == {"pwned": "undefined", "img": 0, "handlers": [], "scripts": 0, "x": 0}, where
    assert page.dialogs == [], where


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_no_page_runs_or_gains_markup_hosted(titles_site, page):
    root, url, _ = titles_site
    pages = _pages(root / "site")
    assert len(pages) > 20
    for rel in pages:
        page.goto(url + rel)
        _assert_inert(page, rel)


def test_no_page_runs_or_gains_markup_offline(titles_site, page):
    _, _, offline = titles_site
    pages = _pages(offline)
    assert len(pages) > 20
    for rel in pages:
        page.goto((offline / rel).as_uri())
        _assert_inert(page, rel)


def _page_of(root: Path, title_start: str) -> str:
    """The hosted page whose <h1> starts with the given (literal) text."""
    import html as _html
    import re

    for path in sorted((root / "site").rglob("*.html")):
        m = re.search(r"<h1[^>]*>(.*?)</h1>", path.read_text(encoding="utf-8"), re.S)
        if m and _html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip().startswith(title_start):
            return path.relative_to(root / "site").as_posix()
    raise AssertionError(f"no page titled {title_start!r}")


@pytest.mark.parametrize("title", [PARTS[0], PARTS[1], CHAPTERS[0], CHAPTERS[1], REPORT_TITLE,
                                   SOURCE_TITLE, VOLUME_TITLE])
def test_title_shows_as_typed_in_title_heading_and_menu(titles_site, page, title):
    root, url, offline = titles_site
    rel = _page_of(root, title)
    for address in (url + rel, (offline / rel).as_uri() if (offline / rel).exists()
                    else (offline / rel.replace("/index.html", ".html")).as_uri()):
        page.goto(address)
        _assert_inert(page, address)
        assert page.title() == f"{title} - 地方年鉴在线版"
        assert page.locator("article h1").first.inner_text().strip().startswith(title)
        menu = " ".join((page.locator("nav.md-nav--primary").text_content() or "").split())
        assert " ".join(title.split()) in menu


def test_manifest_fields_and_glossary_show_as_typed(titles_site, page):
    root, url, _ = titles_site
    page.goto(url + "town-2099/")
    _assert_inert(page, "volume home")
    facts = page.locator("article").inner_text()
    assert "出版社" + SCRIPT + DQUOTE in facts and "编者" + TITLE + SQUOTE in facts
    page.goto(url + "glossary/")
    _assert_inert(page, "glossary")
    text = page.locator("article").inner_text()
    assert TERM in text and "定义" + SCRIPT + DQUOTE + SQUOTE in text and "来源" + TITLE in text


def test_glossary_tooltip_shows_hostile_definition_as_text(titles_site, page):
    root, url, _ = titles_site
    page.goto(url + _page_of(root, CHAPTERS[2]))
    mark = page.locator("article a.gl-term").first
    assert mark.count() == 1  # the hostile term is marked in the text
    mark.hover()
    page.wait_for_timeout(300)
    _assert_inert(page, "tooltip")
    assert "定义" + SCRIPT + DQUOTE + SQUOTE in page.locator(".gl-tooltip__def").first.text_content()


def test_search_results_and_h_parameter_stay_text(titles_site, page):
    root, url, _ = titles_site
    page.goto(url + "?h=" + "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D16%3E")
    _assert_inert(page, "?h= on the home page")
    box = page.locator("input.md-search__input")
    box.click()
    box.type("概况")
    for _ in range(30):
        page.wait_for_timeout(500)
        if page.locator(".md-search-result__item").count():
            break
        box.press("End")
        box.type("x")
        box.press("Backspace")
    assert page.locator(".md-search-result__item").count() > 0
    _assert_inert(page, "search results")
    assert TITLE in page.locator(".md-search-result").inner_text()
    first = page.locator(".md-search-result__item a").first
    first.click()
    page.wait_for_load_state()
    _assert_inert(page, "page opened from a result (with ?h=)")
