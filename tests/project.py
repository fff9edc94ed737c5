"""Test helpers importable from any test module (`from project import ROOT`).

Kept out of conftest.py: pytest loads several conftest modules under the same
name, so importing from "conftest" is ambiguous.
"""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def copy_project(dest: Path) -> Path:
    """A minimal project tree: seeds, hand-written docs, mkdocs.yml (+ overrides/ if any)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "seeds", dest / "seeds")
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", dest / "overrides")
    docs = dest / "docs"
    docs.mkdir()
    for name in ("guide.md",):
        shutil.copy2(ROOT / "docs" / name, docs / name)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    return dest
