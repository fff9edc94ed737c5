"""Same input, same output: two builds of the sample are byte-identical, and
entry ids do not move when unrelated text changes.

The second build runs as a separate process with a different hash seed, so
any output that depends on set or dict iteration order, on the build folder's
path, or on the clock shows up as a difference.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from build_scripts.manifest import load_manifest
from build_scripts.layout import SiteLayout
from build_scripts.pipeline import structure_volume
from build_scripts import export

from project import ROOT, copy_project
from project import ONE_VOLUME_MANIFEST as MANIFEST


def _tree(root, top: str) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / top).rglob("*"))
        if p.is_file()
    }


# A hash seed other than this process's (where `built` ran), so set and dict
# iteration orders really differ between the two builds.
_OTHER_SEED = "54321" if os.environ.get("PYTHONHASHSEED") == "12345" else "12345"


def test_the_two_builds_run_under_different_hash_seeds():
    probe = [sys.executable, "-c", "print(hash('河西区年鉴'))"]
    other = subprocess.run(probe, env=dict(os.environ, PYTHONHASHSEED=_OTHER_SEED), capture_output=True, text=True)
    assert int(other.stdout) != hash("河西区年鉴")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("rebuild"))
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=_OTHER_SEED)
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(root), "--quiet", "build"],
        cwd=root, env=env, capture_output=True, text=True, timeout=1200,
    )
    assert proc.returncode == 0, proc.stderr
    return root


def _differences(a: dict, b: dict) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def test_generated_docs_are_identical(built, rebuilt):
    assert _differences(_tree(built, "docs"), _tree(rebuilt, "docs")) == []


def test_site_data_is_identical(built, rebuilt):
    assert _differences(_tree(built, "site/data"), _tree(rebuilt, "site/data")) == []


def test_every_site_file_is_identical(built, rebuilt):
    """HTML, search index, sitemap (dated by SOURCE_DATE_EPOCH) and assets."""
    a, b = _tree(built, "site"), _tree(rebuilt, "site")
    assert any(k.endswith(".html") for k in a)
    assert _differences(a, b) == []


def test_offline_bundle_is_identical(built, rebuilt):
    zip_a = (built / "dist" / "yearbook-offline.zip").read_bytes()
    zip_b = (rebuilt / "dist" / "yearbook-offline.zip").read_bytes()
    assert zip_a == zip_b


# --- ids: unique, and stable under unrelated edits ---------------------------

PARTS = ["党政机关", "经济发展", "城市建设", "社会事业", "街道社区"]


def _book(chapter_extra: str = "", before_dups: str = "", body: str = "全年完成各项任务。") -> str:
    """Five 篇 in the sample's shape; the first 篇's 章 holds entries with
    repeated titles (概况 twice, 重要会议 three times, one title whose pinyin
    equals a suffixed id)."""
    lines = ["某某镇年鉴(2099)", "", "编辑说明", "",
             f"一、全书设置{'、'.join(PARTS)} 5 篇。", ""]
    for n, part in enumerate(PARTS):
        lines += ["某某镇年鉴 2099", "", part, ""]
        if n == 0:
            lines += [chapter_extra, ""] if chapter_extra else []
            lines += ["综合工作", "", f"【工作部署】 {body}", ""]
            lines += [before_dups, ""] if before_dups else []
            lines += ["【概况】 第一个概况。", "", "【重要会议】 第一次会议。", "",
                      "【概况】 第二个概况。", "", "【重要会议】 第二次会议。", "",
                      "【概况2】 标题的拼音与加了序号的编号相同。", "",
                      "【重要会议】 第三次会议。", "",
                      "其他工作", "", "【概况】 另一章的概况。", ""]
        else:
            lines += [f"{part}工作", "", f"【概况】 {part}概况。", ""]
    return "\n".join(lines)


def _ids(tmp_path, name: str, text: str) -> dict[str, str]:
    """id of every entry, keyed by its first sentence (which identifies it in these fixtures)."""
    seeds = tmp_path / name / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "volumes.yml").write_text(MANIFEST, encoding="utf-8")
    (seeds / "town.txt").write_text(text, encoding="utf-8")
    (spec,) = load_manifest(seeds / "volumes.yml")
    volume = structure_volume(spec, seeds)
    records = export.entry_records(SiteLayout([volume]).placed)
    return {r["text"]: r["id"] for r in records}


def test_repeated_titles_get_unique_ids(tmp_path):
    ids = _ids(tmp_path, "base", _book())
    assert len(ids) == 12
    assert len(set(ids.values())) == len(ids)


def test_ids_do_not_move_when_unrelated_text_changes(tmp_path):
    base = _ids(tmp_path, "base", _book())
    edited = _ids(tmp_path, "edited", _book(body="全年完成各项任务，并新增一项工作。"))
    base.pop("全年完成各项任务。")
    edited.pop("全年完成各项任务，并新增一项工作。")
    assert edited == base


def test_ids_do_not_move_when_an_entry_is_added_before_them(tmp_path):
    base = _ids(tmp_path, "base", _book())
    added = _ids(tmp_path, "added", _book(before_dups="【新增条目】 新增的条目。"))
    assert added.pop("新增的条目。") not in base.values()
    assert added == base


def test_ids_do_not_move_when_a_chapter_is_added_before_them(tmp_path):
    base = _ids(tmp_path, "base", _book())
    added = _ids(tmp_path, "added", _book(chapter_extra="新设章节\n\n【新章条目】 新章的条目。"))
    added.pop("新章的条目。")
    assert added == base
