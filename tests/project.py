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
# The five 篇 of the small generated yearbook (town.txt).
TOWN_PARTS = ["党政机关", "经济发展", "城市建设", "社会事业", "街道社区"]


def town_text(entries, index: list[str] | None = None) -> str:
    """A five-篇 yearbook in the sample's shape: a 编辑说明 listing its 篇, and
    each 篇 under the running head with one 章 (综合工作N) holding the lines
    `entries(n, part)` gives; with `index`, a sixth 篇 索引 whose 条目索引
    prints those rows."""
    parts = "、".join(TOWN_PARTS) + ("、索引 6" if index is not None else " 5")
    lines = ["某某镇年鉴(2099)", "", "编辑说明", "", f"一、本书分为篇目、章目、分目、条目 4 个层次。全书设置{parts} 篇。", ""]
    for n, part in enumerate(TOWN_PARTS):
        lines += ["某某镇年鉴 2099", "", part, "", f"综合工作{n}", ""] + entries(n, part)
    if index is None:
        return "\n".join(lines)
    lines += ["某某镇年鉴 2099", "", "索引", "", "条目索引", ""] + index
    return "\n".join(lines) + "\n"


SMALL_MANIFEST = "volumes:\n" + TOWN_VOLUME + PAPERS_VOLUME


def two_volume_project(dest: Path, town: str, report: str) -> Path:
    """A project of SMALL_MANIFEST's two volumes with these texts (town.txt, report.txt)."""
    root = copy_project(dest, with_seeds=False)
    (root / "seeds").mkdir()
    (root / "seeds" / "volumes.yml").write_text(SMALL_MANIFEST, encoding="utf-8")
    (root / "seeds" / "town.txt").write_text(town, encoding="utf-8")
    (root / "seeds" / "report.txt").write_text(report, encoding="utf-8")
    return root


def small_project(dest: Path, town_body: str, report: str) -> Path:
    """A project of SMALL_MANIFEST's two volumes: every 篇 of the town book
    holding one 【概况】 entry (`town_body` with {part} for the 篇's name) and
    the report text."""
    root = copy_project(dest, with_seeds=False)
    (root / "seeds").mkdir()
    (root / "seeds" / "volumes.yml").write_text(SMALL_MANIFEST, encoding="utf-8")
    (root / "seeds" / "town.txt").write_text(
        town_text(lambda n, part: [f"【概况】 {town_body.format(part=part)}", ""]), encoding="utf-8")
    (root / "seeds" / "report.txt").write_text(report, encoding="utf-8")
    return root
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


# --- publish tests: old outputs in place, a finished build staged under .build/ --
# (tests/unit/test_publish_steps.py and tests/e2e/test_publish.py)

PUBLISHED_FILES = ("index.html", "a/index.html", "search/index.js")


def published_outputs(root: Path, text: str = "old") -> None:
    """A project with a published site: generated pages listed in
    docs/.generated, a hand-written page beside them, site/ and dist/."""
    (root / "docs" / "vol").mkdir(parents=True)
    (root / "docs" / "vol" / "page.md").write_text(text, encoding="utf-8")
    (root / "docs" / "index.md").write_text(text, encoding="utf-8")
    (root / "docs" / "guide.md").write_text("hand-written", encoding="utf-8")
    (root / "docs" / ".generated").write_text("vol\nindex.md\n", encoding="utf-8")
    for name in ("site", "dist"):
        for f in PUBLISHED_FILES:
            (root / name / f).parent.mkdir(parents=True, exist_ok=True)
            (root / name / f).write_text(text, encoding="utf-8")


def staged_build(root: Path) -> Path:
    """A finished build under .build/: new docs pages, site/ and dist/."""
    stage = root / ".build"
    (stage / "docs" / "vol").mkdir(parents=True)
    (stage / "docs" / "vol" / "page.md").write_text("new", encoding="utf-8")
    (stage / "docs" / "index.md").write_text("new", encoding="utf-8")
    (stage / "docs" / "new-vol").mkdir()
    (stage / "docs" / "new-vol" / "page.md").write_text("new", encoding="utf-8")
    for name in ("site", "dist"):
        for f in PUBLISHED_FILES:
            (stage / name / f).parent.mkdir(parents=True, exist_ok=True)
            (stage / name / f).write_text("new", encoding="utf-8")
    return stage


def site_generation(folder: Path) -> str | None:
    """'old' or 'new' when the folder is one whole site of that build (staged_build, published_outputs)."""
    texts = set()
    for f in PUBLISHED_FILES:
        if not (folder / f).is_file():
            return None
        texts.add((folder / f).read_text(encoding="utf-8"))
    files = {q.relative_to(folder).as_posix() for q in folder.rglob("*") if q.is_file()}
    return texts.pop() if len(texts) == 1 and files == set(PUBLISHED_FILES) else None


# --- Markdown with the site's toc settings (mkdocs.yml), for the fast-path tests ---

SITE_TOC = {"toc": {"permalink": "¶", "permalink_title": "本节链接", "toc_depth": 3}}


def markdown_html(text: str, extensions: list[str]) -> str:
    """`text` converted by Python-Markdown with `extensions` and the site's toc settings."""
    import markdown

    return markdown.Markdown(extensions=extensions, extension_configs=SITE_TOC).convert(text)
