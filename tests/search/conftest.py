"""Fixtures of the search tests; the sample build and the headless Chromium
harness (tests/browser_harness.py) come from tests/conftest.py."""
from __future__ import annotations

import json

import pytest

from build_scripts import search as si
from search_helpers import open_search

def pytest_collection_modifyitems(items):
    for item in items:
        path = str(item.fspath).replace("\\", "/")
        if "tests/search/" in path and "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def searchable(built, entries) -> list[dict]:
    """What the site's index holds, in its order: entries.json, then the
    名词解释 terms of glossary.json (positions in the index = positions here)."""
    glossary = built / "site" / "data" / "glossary.json"
    terms = json.loads(glossary.read_text(encoding="utf-8")) if glossary.is_file() else []
    return entries + si.glossary_records(terms)


@pytest.fixture(params=["hosted", "offline"])
def site(request) -> str:
    if request.param == "hosted":
        return request.getfixturevalue("hosted_url")
    return request.getfixturevalue("offline_index")


@pytest.fixture
def search_page(page_log, site):
    """A page of the site with the whole search index loaded."""
    page, _ = page_log
    page.goto(site)
    open_search(page)
    return page
