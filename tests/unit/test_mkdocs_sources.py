"""The generated pages' Markdown handed to the MkDocs run (mkdocs_run.build
`sources`) instead of read back from docs_dir: the same site, and a text
that reading would change is read from the file."""
from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts import mkdocs_run, site

from project import small_project

REPORT = "某某局2099年工作总结\n\n一、主要工作\n\n局长王伟主持召开工作会议，全年完成各项任务。\n"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _staged(tmp_path: Path) -> tuple[Path, Path]:
    root = small_project(tmp_path / "p", "2099年,{part}工作稳步推进,镇长李学义主持全年工作。", REPORT)
    site.build(root, site.Progress(quiet=True))
    # The published docs/ staged again where the configuration names them
    # (a build moves its generated pages out of .build/docs into docs/).
    shutil.copytree(root / "docs", root / ".build" / "docs", dirs_exist_ok=True)
    return root / ".build" / "mkdocs-hosted.yml", root / ".build" / "docs"


def test_pages_given_as_text_build_the_site_read_from_the_files(tmp_path):
    config, docs = _staged(tmp_path)
    sources = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    assert "index.md" in sources and len(sources) > 5
    read = tmp_path / "read"
    mkdocs_run.build(config, None, 1, site_dir=str(read))
    given = tmp_path / "given"
    mkdocs_run.build(config, None, 1, sources=sources, site_dir=str(given))
    assert _files(given) == _files(read)


def test_the_text_given_is_the_one_converted(tmp_path):
    config, docs = _staged(tmp_path)
    out = tmp_path / "site"
    mkdocs_run.build(config, None, 1, sources={"index.md": "# 首页\n\n由调用方给出的文本。\n"}, site_dir=str(out))
    assert "由调用方给出的文本" in (out / "index.html").read_text(encoding="utf-8")


def test_a_text_that_reading_would_change_is_read_from_the_file(tmp_path):
    config, docs = _staged(tmp_path)
    out = tmp_path / "site"
    on_disk = (docs / "index.md").read_text(encoding="utf-8")
    mkdocs_run.build(config, None, 1, sources={"index.md": "# 首页\r\n\r\n另一段文本。\r\n"}, site_dir=str(out))
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "另一段文本" not in html
    assert on_disk.splitlines()[0].lstrip("# ") in html
