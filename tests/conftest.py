"""Shared fixtures: one real build of the sample, made once per test session
in a temporary copy of the project (the working tree's site/ is never touched)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from project import ROOT, copy_project  # noqa: F401  (re-exported for tests)

# Chromium fixtures (browser, hosted_url, offline_index, page_log), one
# definition for tests/browser/ and tests/search/.
pytest_plugins = ["browser_harness"]


@pytest.fixture(autouse=True)
def _as_at_the_end_of_a_build():
    """What a test's builds left for later in this process (workers.later:
    cache files, the prunes of what a MkDocs run did not use) done when the
    test is, as at the end of a build, not in the next test's waits."""
    yield
    from build_scripts import workers

    workers.finish()

@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """Project root after a full build of the sample seeds."""
    from build_scripts.site import Progress, build

    root = copy_project(tmp_path_factory.mktemp("project"))
    build(root, Progress(quiet=True))
    return root


@pytest.fixture(scope="session")
def entries(built) -> list[dict]:
    return json.loads((built / "site" / "data" / "entries.json").read_text(encoding="utf-8"))
