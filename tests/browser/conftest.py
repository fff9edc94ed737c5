"""Browser tests: the harness (Chromium, hosted site, offline bundle, page
with its request log) is tests/browser_harness.py, loaded by tests/conftest.py
so that tests/search/ shares the same browser."""
from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
