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
    """href/src attributes starting with the site's root path, made root-relative."""
    root = urlparse(site_url).path or "/"
    root = root if root.endswith("/") else root + "/"
    return re.sub(r'((?:href|src)=")' + re.escape(root) + r"(?!/)", r"\1", html)


def fix(site: Path, site_url: str = "") -> None:
    page = site / PAGE
    if page.is_file():
        page.write_text(relative_links(page.read_text(encoding="utf-8"), site_url), encoding="utf-8")
