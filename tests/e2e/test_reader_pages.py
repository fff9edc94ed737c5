"""The built sample as a reader meets it: no placeholder address in the
offline bundle, the 条目索引 in pinyin order over every heading, no dates or
numbered sections among its headings, the 繁體 twin of every page, the
statistics bulletin's table, the volume home's cover data."""
from __future__ import annotations

import json
import re
import unicodedata
import zipfile

import pytest

from build_scripts.render import DAY_TITLE
from build_scripts.structure.shapes import NUMBERED


@pytest.fixture(scope="module")
def index(built) -> dict:
    return json.loads((built / "site" / "data" / "index.json").read_text(encoding="utf-8"))


def _key(heading: str, pinyin: str) -> list[tuple]:
    """A heading as a comparable key from its index.json pinyin (`an1 quan2`):
    character by character, digits before letters before Chinese characters,
    each character by its letters, then tone, then (homophones) code point."""
    han = iter(c for c in unicodedata.normalize("NFKC", heading) if "\u3400" <= c <= "\u9fff")
    key = []
    for token in pinyin.split():
        m = re.fullmatch(r"([a-zü]+)([1-5])", token)
        if m:
            key.append((2, m.group(1), int(m.group(2)), ord(next(han))))
        elif token.isdigit():
            key.append((0, int(token), 0, 0))
        else:
            key.append((1, token, 0, 0))
    return key


def test_the_whole_entry_index_is_in_pinyin_order_a_heading_before_those_it_begins(index):
    headings = index["entries"]
    assert len(headings) > 500
    keys = [_key(h["heading"], h["pinyin"]) for h in headings]
    out_of_order = [(a["heading"], b["heading"]) for a, b, ka, kb in zip(headings, headings[1:], keys, keys[1:]) if ka > kb]
    assert out_of_order == []
    titles = [h["heading"] for h in headings]
    assert titles.index("安全生产") < titles.index("安全生产责任制")


def test_entry_index_lists_no_chronicle_day_or_numbered_section(index):
    bad = [h["heading"] for h in index["entries"] if DAY_TITLE.match(h["heading"]) or NUMBERED.match(h["heading"])]
    assert bad == []


def test_offline_bundle_carries_no_host_address(built):
    with zipfile.ZipFile(built / "dist" / "yearbook-offline.zip") as zf:
        names = zf.namelist()
        assert "yearbook/sitemap.xml" not in names or b"<loc>" not in zf.read("yearbook/sitemap.xml")
        pages = [n for n in names if n.endswith(".html")]
        for name in pages[:: max(1, len(pages) // 40)] + ["yearbook/index.html", "yearbook/404.html"]:
            text = zf.read(name).decode("utf-8")
            assert 'rel="canonical"' not in text and "example.org" not in text, name


def test_every_page_has_its_traditional_twin(built):
    site = built / "site"
    pages = [p.relative_to(site) for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "zh-Hant" and p.name != "404.html"]
    missing = [str(p) for p in pages if not (site / "zh-Hant" / p).is_file()]
    assert pages and missing == []
    twin = (site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant"' in twin and "地方年鑑在線版" in twin


def test_statistics_bulletin_opens_with_its_headline_table(built):
    html = next((built / "site" / "hexi-2024" / "tong-ji-zi-liao").glob("index.html")).read_text(encoding="utf-8")
    table = html[html.index("主要指标一览"):]
    assert "<table>" in table[:3000] and "地区生产总值" in table[:3000] and "增长 4.4%" in table[:3000]


def test_volume_home_carries_cover_data_and_every_part_in_its_toc(built):
    md = (built / "docs" / "hexi-2024" / "index.md").read_text(encoding="utf-8")
    assert "<dt>ISBN</dt><dd>978-7-5738-1572-9</dd>" in md and "<dd>郑州：中州古籍出版社，2024</dd>" in md
    toc = md.split("## 目录")[1]
    assert toc.count("\n- [") == 23 and "索引" not in toc and "32 重要会议57" not in md
    editors = (built / "docs" / "hexi-2024" / "editors.md").read_text(encoding="utf-8")
    assert "32 重要会议57" in editors
