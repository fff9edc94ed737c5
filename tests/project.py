"""Test helpers importable from any test module (`from project import ROOT`).

Kept out of conftest.py: pytest loads several conftest modules under the same
name, so importing from "conftest" is ambiguous.
"""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Manifests for small generated projects: a yearbook from town.txt and (in
# SMALL_MANIFEST) a reports volume from report.txt.
TOWN_VOLUME = """\
  - id: town-2099
    title: 某某镇年鉴（2099）
    year: 2099
    kind: yearbook
    publisher: 某某出版社
    sources:
      - file: town.txt
"""
PAPERS_VOLUME = """\
  - id: papers
    title: 工作文献
    year: 2099
    kind: reports
    sources:
      - file: report.txt
"""
SMALL_MANIFEST = "volumes:\n" + TOWN_VOLUME + PAPERS_VOLUME
ONE_VOLUME_MANIFEST = "volumes:\n" + TOWN_VOLUME


def copy_project(dest: Path, with_seeds: bool = True) -> Path:
    """A minimal project tree: seeds (unless the caller brings its own),
    hand-written docs, mkdocs.yml and the theme overrides."""
    dest.mkdir(parents=True, exist_ok=True)
    if with_seeds:
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
