"""Shared fixtures: one real build of the sample, made once per test session
in a temporary copy of the project (the working tree's site/ is never touched)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def copy_project(dest: Path) -> Path:
    """A minimal project tree: seeds, hand-written docs, mkdocs.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "seeds", dest / "seeds")
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    docs = dest / "docs"
    docs.mkdir()
    shutil.copy2(ROOT / "docs" / "guide.md", docs / "guide.md")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    return dest


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
