"""The 404 page's links made relative to the site root (页面未找到).

MkDocs writes the 404 page with root-absolute links (/assets/…, or
/<site_url path>/assets/…), right only where site_url says the site sits and
never from file://. They are rewritten to be relative to the site root, which
the page's first script sets as its <base> wherever it is shown (see
overrides/404.html).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

PAGE = "404.html"


def relative_links(html: str, site_url: str = "") -> str:
    """Quoted paths starting with the site's root path — href/src attributes
    and the URLs in the page's scripts (the search partial's engine and index
    addresses) — made root-relative."""
    root = urlparse(site_url).path or "/"
    root = root if root.endswith("/") else root + "/"
    # A path: a quote, the root, then path characters up to the closing quote
    # (so a script's "/" or a regular expression such as /"/g is left alone).
    return re.sub(r'(")' + re.escape(root) + r'(?=[A-Za-z0-9_.~-][^"\s,()]*")', r"\1", html)


def fix(site: Path, site_url: str = "") -> None:
    page = site / PAGE
    if page.is_file():
        page.write_text(relative_links(page.read_text(encoding="utf-8"), site_url), encoding="utf-8")
