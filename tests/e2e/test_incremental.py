"""Incremental builds (cache.py): a rebuild reuses what did not change and
publishes exactly what a cold build of the same input publishes."""
from __future__ import annotations

import os
import re
import shutil

import pytest

from build_scripts import indexes, pipeline
from build_scripts.site import build

from project import copy_project, town_text, two_volume_project

REPORT = "某某局2099年工作总结\n\n一、主要工作\n\n局长王伟主持召开工作会议，全年完成各项任务。\n\n二、下一步打算\n\n继续推进工作。\n"


def _town() -> str:
    return town_text(lambda n, part: [
        f"【概况】 2099年,{part}工作稳步推进,镇长李学义主持“十项行动”，某某镇民政局完成年度任务。", "",
        f"【重要会议】 召开{part}工作会议,部署“十项行动”全年任务。(镇党委办公室提供)", ""])


def _project(path):
    return two_volume_project(path, _town(), REPORT)


class Log(list):
    def __call__(self, message: str) -> None:
        self.append(message)


def _build(root) -> Log:
    log = Log()
    build(root, log)
    return log


def _published(root) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for top in ("docs", "site", "dist")
        for p in sorted((root / top).rglob("*"))
        if p.is_file()
    }


def _cold_copy(root, dest):
    """The same inputs in a fresh project: no cache, no earlier output."""
    fresh = copy_project(dest, with_seeds=False)
    shutil.copytree(root / "seeds", fresh / "seeds")
    shutil.copy2(root / "mkdocs.yml", fresh / "mkdocs.yml")
    shutil.copy2(root / "docs" / "guide.md", fresh / "docs" / "guide.md")
    _build(fresh)
    return fresh


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = _project(tmp_path_factory.mktemp("incremental") / "p")
    _build(root)
    return root


def test_one_changed_seed_is_rebuilt_and_the_rest_reused_byte_identical_to_a_cold_build(project, tmp_path):
    (project / "seeds" / "report.txt").write_text(REPORT.replace("继续推进工作", "继续推动工作"), encoding="utf-8")
    log = _build(project)
    assert any(m.startswith("structured town-2099 (cached") for m in log), log
    assert not any(m.startswith("structured papers (cached") for m in log), log
    assert "继续推动工作" in (project / "site" / "data" / "entries.json").read_text(encoding="utf-8")
    cold = _cold_copy(project, tmp_path / "cold")
    assert _published(project) == _published(cold)


def test_a_volume_rebuilt_alone_is_kept_for_the_next_build(project, tmp_path):
    """A rebuild of one volume structures it in the build process and leaves
    its cache file to the names process: the next build, after another
    volume changed, takes it from the cache, and comes out as a cold build."""
    (project / "seeds" / "report.txt").write_text(REPORT.replace("继续推进工作", "继续推进各项工作"), encoding="utf-8")
    log = _build(project)
    assert any(m.startswith("structured town-2099 (cached") for m in log), log
    assert not any(m.startswith("structured papers (cached") for m in log), log
    (project / "seeds" / "town.txt").write_text(_town().replace("稳步推进", "持续推进", 1), encoding="utf-8")
    log = _build(project)
    assert any(m.startswith("structured papers (cached") for m in log), log
    assert not any(m.startswith("structured town-2099 (cached") for m in log), log
    cold = _cold_copy(project, tmp_path / "cold")
    assert _published(project) == _published(cold)


def _export_line(log) -> str:
    return next(m for m in log if m.startswith("export:"))


def test_a_volume_rebuilt_alone_has_its_indexes_made_beside_and_its_export_kept(project, tmp_path, monkeypatch):
    """A one-volume rebuild makes the 条目索引 and 主题索引 in the names
    process (a cold build, in the build process) and the volume's part of
    entries.json and audit.json in the build process, and keeps that part:
    the next build, after the other volume changed, does not make it again;
    a lost export cache is made again and kept whole. Every build comes out
    as a cold build does."""
    where = tmp_path / "headings-made-in"

    def spy(real):
        def book_headings(*args, **kwargs):
            with open(where, "a", encoding="utf-8") as out:  # forked: a list here would not see the child's call
                out.write(f"{os.getpid()}\n")
            return real(*args, **kwargs)
        return book_headings

    monkeypatch.setattr(pipeline, "book_headings", spy(pipeline.book_headings))
    monkeypatch.setattr(indexes, "book_headings", spy(indexes.book_headings))
    (project / "seeds" / "report.txt").write_text(REPORT.replace("全年完成各项任务", "全年完成全部任务"), encoding="utf-8")
    log = _build(project)
    assert _export_line(log).startswith("export: 1 of 2 volumes' records made"), log
    made_in = where.read_text(encoding="utf-8").split()
    assert made_in and str(os.getpid()) not in made_in  # made beside: in another process only
    assert "全年完成全部任务" in (project / "site" / "data" / "entries.json").read_text(encoding="utf-8")
    (project / "seeds" / "town.txt").write_text(_town().replace("稳步推进", "平稳推进", 1), encoding="utf-8")
    log = _build(project)
    assert _export_line(log).startswith("export: 1 of 2"), log  # the town's; the report's, made last time, was kept
    assert _published(project) == _published(_cold_copy(project, tmp_path / "cold1"))
    assert where.read_text(encoding="utf-8").split()[-1] == str(os.getpid())  # the cold build's: here
    for kept in (project / ".build" / "cache").glob("export-*"):
        kept.unlink()
    (project / "seeds" / "report.txt").write_text(REPORT.replace("全年完成各项任务", "全年完成多项任务"), encoding="utf-8")
    log = _build(project)
    assert _export_line(log).startswith("export: 2 of 2 volumes' records made"), log
    (project / "seeds" / "report.txt").write_text(REPORT.replace("全年完成各项任务", "全年完成年度任务"), encoding="utf-8")
    log = _build(project)
    assert _export_line(log).startswith("export: 1 of 2"), log  # the town's part, made again, was kept
    assert _published(project) == _published(_cold_copy(project, tmp_path / "cold2"))


def test_a_build_with_no_change_is_a_stamp_check(project):
    _build(project)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (project / "site").rglob("*") if p.is_file()}
    log = _build(project)
    assert len(log) == 1 and log[0].startswith("unchanged"), log
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before


def test_a_changed_hand_written_page_or_config_is_rebuilt(project, tmp_path):
    _build(project)
    guide = project / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n编辑部新增的一段说明。\n", encoding="utf-8")
    log = _build(project)
    assert not log[0].startswith("unchanged")
    assert "编辑部新增的一段说明" in (project / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: 地方年鉴在线版", "site_name: 某某镇年鉴在线版"), encoding="utf-8")
    _build(project)
    assert "某某镇年鉴在线版" in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert _published(project) == _published(_cold_copy(project, tmp_path / "cold"))


def test_an_output_removed_by_hand_is_built_again(project):
    _build(project)
    (project / "site" / "index.html").unlink()
    log = _build(project)
    assert not log[0].startswith("unchanged")
    assert (project / "site" / "index.html").is_file()


def test_an_unreadable_cache_file_is_ignored_and_rewritten(project, tmp_path):
    (project / "seeds" / "report.txt").write_text(REPORT + "\n三、其他\n\n新增一段。\n", encoding="utf-8")
    # Every kind of cache file: volumes, tags, MkDocs' conversions and pages,
    # 繁體 twins, offline copies, zip members.
    for cached in (project / ".build" / "cache").rglob("*"):
        if cached.is_file() and cached.name != "stamp.json":
            cached.write_bytes(b"not a pickle" + cached.read_bytes()[12:])
    log = _build(project)
    assert not any("(cached" in m for m in log), log
    assert _published(project) == _published(_cold_copy(project, tmp_path / "cold"))


def _mkdocs_counts(log) -> tuple[int, int, int]:
    """(pages, converted, laid out anew) from the build's MkDocs progress line."""
    (line,) = [m for m in log if m.startswith("mkdocs: ")]
    pages, converted, laid_out = (int(n) for n in re.findall(r"\d+", line)[:3])
    return pages, converted, laid_out


def test_a_page_whose_markdown_did_not_change_is_not_rendered_again(project, tmp_path):
    _build(project)
    report = project / "seeds" / "report.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("全年完成各项任务", "全年完成各项工作任务"), encoding="utf-8")
    pages, converted, laid_out = _mkdocs_counts(_build(project))
    # The report's own pages, its volume's printable page and the pages that
    # list its text (indexes, data) change; the town volume's pages do not.
    assert 0 < converted < pages / 2 and 0 < laid_out < pages / 2, (pages, converted, laid_out)
    assert _published(project) == _published(_cold_copy(project, tmp_path / "cold"))


def test_a_renamed_chapter_changes_the_menu_of_every_page_byte_identical_to_a_cold_build(project, tmp_path):
    _build(project)
    town = project / "seeds" / "town.txt"
    town.write_text(town.read_text(encoding="utf-8").replace("综合工作2", "综合事务2"), encoding="utf-8")
    log = _build(project)
    pages, converted, laid_out = _mkdocs_counts(log)
    assert laid_out == pages  # the menu changed: every page is laid out anew (its key covers the whole menu)
    assert "综合事务2" in (project / "site" / "index.html").read_text(encoding="utf-8") or \
        "综合事务2" in (project / "site" / "town-2099" / "index.html").read_text(encoding="utf-8")
    assert _published(project) == _published(_cold_copy(project, tmp_path / "cold"))


def _folders(root) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for top in ("docs", "site") for p in (root / top).rglob("*")
                  if p.is_dir())


def test_a_rebuild_writes_into_the_site_the_last_swap_replaced_and_publishes_a_cold_builds_tree(project, tmp_path):
    """reuse.py: the site two builds ago becomes the next build's site folder;
    what a tool left in it never reaches the output nor is written through."""
    report = project / "seeds" / "report.txt"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("继续推进工作", "继续推进各项工作"), encoding="utf-8")
    _build(project)  # this site is recycled by the build after next, for the same text
    report.write_text(text, encoding="utf-8")
    _build(project)
    recycled = project / ".build" / "recycle" / "site"
    outside = tmp_path / "outside.html"
    outside.write_bytes(b"not ours")
    (recycled / "index.html").unlink()
    (recycled / "index.html").symlink_to(outside)  # a link where a page goes: not written through
    (recycled / "stale" / "deeper").mkdir(parents=True)
    (recycled / "stale" / "deeper" / "index.html").write_bytes(b"<html>no longer built</html>")
    (project / ".build" / "recycle" / "docs" / "town-2099" / "stale").mkdir()  # a folder no longer generated
    unchanged = recycled / "town-2099" / "index.html"
    os.utime(unchanged, ns=(10**18, 10**18))
    report.write_text(text.replace("继续推进工作", "继续推进各项工作"), encoding="utf-8")
    _build(project)
    assert outside.read_bytes() == b"not ours"
    assert (project / "site" / "town-2099" / "index.html").stat().st_mtime_ns == 10**18  # kept, not written again
    cold = _cold_copy(project, tmp_path / "cold")
    assert _published(project) == _published(cold)
    assert _folders(project) == _folders(cold)
