"""Browser harness: Debian's headless Chromium driven by Playwright, shared by
tests/browser/ and tests/search/ (loaded once from tests/conftest.py: two
definitions of the session fixture would start two Playwright drivers, which
the sync API refuses).

Fixtures:
- `browser`: one Chromium per session (never downloaded: /usr/bin/chromium).
- `hosted_url`: the built site/ served over http://127.0.0.1 (like a host).
- `offline_index`: file:// URL of index.html in the unzipped offline bundle.
- `page_log`: a new page that records every request URL it makes (to prove the
  offline bundle asks for nothing but file://).
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
import zipfile
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run the tests with `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="session")
def hosted_url(built):
    handler = functools.partial(_QuietHandler, directory=str(built / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def offline_index(built, tmp_path_factory) -> str:
    dest = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built / "dist" / "yearbook-offline.zip") as zf:
        zf.extractall(dest)
    return (dest / "yearbook" / "index.html").as_uri()


@pytest.fixture
def page_log(browser):
    """A fresh page plus the list of every URL it requested."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page, requests
    context.close()
