"""Bad input never becomes a traceback or a broken site.

The CLI runs as a user runs it, in a subprocess on a temporary copy of the
project: each kind of bad input gives a non-zero exit, exactly one line on
stderr naming the file (and line) and the problem, and leaves the previous
site/, dist/ and docs/ exactly as they were.
"""
from __future__ import annotations

import codecs
import os
import subprocess
import sys

import pytest

from build_scripts import site as site_module
from build_scripts.site import BuildError, _publish

from project import ROOT, SMALL_MANIFEST as MANIFEST, copy_project


PARTS = ["党政机关", "经济发展", "城市建设", "社会事业", "街道社区"]


def town_text() -> str:
    """A five-篇 yearbook in the sample's shape (running head before each 篇)."""
    lines = ["某某镇年鉴(2099)", "", "编辑说明", "",
             f"一、本书分为篇目、章目、分目、条目 4 个层次。全书设置{'、'.join(PARTS)} 5 篇。", ""]
    for n, part in enumerate(PARTS):
        lines += ["某某镇年鉴 2099", "", part, "", f"综合工作{n}", "",
                  f"【概况】 2099年,{part}工作稳步推进,完成年度任务。", "",
                  f"【重要会议】 召开{part}工作会议,部署全年任务。(镇党委办公室提供)", ""]
    return "\n".join(lines)


REPORT = "某某局2099年工作总结\n\n一、主要工作\n\n全年完成各项任务。\n\n二、下一步打算\n\n继续推进工作。\n"


def make_project(tmp_path):
    root = copy_project(tmp_path / "project")
    for p in (root / "seeds").iterdir():
        p.unlink()
    (root / "seeds" / "volumes.yml").write_text(MANIFEST, encoding="utf-8")
    (root / "seeds" / "town.txt").write_text(town_text(), encoding="utf-8")
    (root / "seeds" / "report.txt").write_text(REPORT, encoding="utf-8")
    return root


def run_build(root):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(root), "--quiet", "build"],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )


def snapshot(root) -> dict[str, bytes]:
    """Every file of the published outputs, by path."""
    files = {}
    for top in ("site", "dist", "docs"):
        for p in sorted((root / top).rglob("*")):
            if p.is_file():
                files[p.relative_to(root).as_posix()] = p.read_bytes()
    return files


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A small project built once successfully: the 'previous site'."""
    root = make_project(tmp_path_factory.mktemp("bad-input"))
    proc = run_build(root)
    assert proc.returncode == 0, proc.stderr
    return root


def _seed(name: str, data: bytes):
    def apply(root):
        (root / "seeds" / name).write_bytes(data)
    return apply


def _manifest(old: str, new: str):
    def apply(root):
        path = root / "seeds" / "volumes.yml"
        path.write_text(MANIFEST.replace(old, new, 1), encoding="utf-8")
    return apply


def _mkdocs_yml(root):
    path = root / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\ntheme: [unclosed\n", encoding="utf-8")


GOOD_UTF8 = REPORT.encode("utf-8")

# (damage, expected file named in the message, expected line or None, words of the problem)
CASES = {
    "empty-file": (_seed("report.txt", b""), "report.txt", None, "empty"),
    "binary-file": (_seed("report.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "report.txt", None, "binary"),
    "truncated-utf8": (_seed("report.txt", GOOD_UTF8 + "截断".encode("utf-8")[:-1]), "report.txt", 10, "truncated"),
    "mixed-encodings": (_seed("report.txt", GOOD_UTF8 + "混入的一行GBK文字\n".encode("gbk")), "report.txt", 10, "mixed"),
    "utf16-without-bom": (_seed("report.txt", REPORT.encode("utf-16-le")), "report.txt", None, "UTF-16"),
    "missing-seed-file": (_manifest("file: report.txt", "file: reprot.txt"), "seeds/volumes.yml", 14, "seeds/reprot.txt"),
    "duplicate-volume-id": (_manifest("id: papers", "id: town-2099"), "seeds/volumes.yml", 9, "duplicate volume id"),
    "invalid-yaml": (_manifest("    year: 2099\n    kind: reports", "    year: 2099\n   kind: reports"), "seeds/volumes.yml", 12, "invalid YAML"),
    "unknown-kind": (_manifest("kind: reports", "kind: almanac"), "seeds/volumes.yml", 12, "unknown kind 'almanac'"),
    "invalid-mkdocs-yml": (_mkdocs_yml, "mkdocs.yml", None, "invalid YAML"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_and_leaves_the_site(published, tmp_path, case):
    damage, file, line, words = CASES[case]
    # A fresh copy of the published project, so each case starts from a good site.
    import shutil

    root = tmp_path / "p"
    shutil.copytree(published, root, symlinks=True)
    before = snapshot(root)
    damage(root)
    proc = run_build(root)
    assert proc.returncode == 2, proc.stderr  # the README: bad input exits 2
    assert "Traceback" not in proc.stderr
    err_lines = proc.stderr.strip().splitlines()
    assert len(err_lines) == 1, proc.stderr
    message = err_lines[0]
    assert message.startswith(f"error: {file}:"), message
    if line:
        assert message.startswith(f"error: {file}:{line}: "), message
    assert words in message
    assert snapshot(root) == before


def test_good_build_replaces_site_and_lists_generated_docs(published):
    listed = (published / "docs" / ".generated").read_text(encoding="utf-8").split()
    assert {"town-2099", "papers", "index.md", "data"} <= set(listed)
    assert (published / "site" / "town-2099" / "index.html").is_file()
    assert not (published / ".build" / "old").exists()


def test_bom_crlf_and_gb18030_seeds_build(published, tmp_path):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(published, root, symlinks=True)
    town = town_text()
    (root / "seeds" / "town.txt").write_bytes(town.encode("gb18030"))
    (root / "seeds" / "report.txt").write_bytes(codecs.BOM_UTF8 + REPORT.replace("\n", "\r\n").encode("utf-8"))
    proc = run_build(root)
    assert proc.returncode == 0, proc.stderr
    assert snapshot(root) == snapshot(published)


# --- the swap itself: a failure half-way through is rolled back ------------

def _outputs(root, text: str):
    (root / "docs" / "vol").mkdir(parents=True)
    (root / "docs" / "vol" / "page.md").write_text(text, encoding="utf-8")
    (root / "docs" / "index.md").write_text(text, encoding="utf-8")
    (root / "docs" / "guide.md").write_text("hand-written", encoding="utf-8")


def _staged(root):
    """A finished build under .build/: new docs pages, site/ and dist/."""
    stage = root / ".build"
    (stage / "docs" / "vol").mkdir(parents=True)
    (stage / "docs" / "vol" / "page.md").write_text("new", encoding="utf-8")
    (stage / "docs" / "index.md").write_text("new", encoding="utf-8")
    for name in ("site", "dist"):
        (stage / name).mkdir()
        (stage / name / "index.html").write_text("new", encoding="utf-8")
    return stage


@pytest.mark.parametrize("fail_at", [0, 2, 4, 7])
def test_publish_failing_half_way_restores_the_previous_outputs(tmp_path, monkeypatch, fail_at):
    root = tmp_path
    _outputs(root, "old")
    (root / "docs" / ".generated").write_text("vol\nindex.md\n", encoding="utf-8")
    for name in ("site", "dist"):
        (root / name).mkdir()
        (root / name / "index.html").write_text("old", encoding="utf-8")
    stage = _staged(root)
    before = snapshot(root)

    calls = {"n": 0}
    real_rename = os.rename

    def flaky_rename(src, dst):
        calls["n"] += 1
        if calls["n"] == fail_at + 1:  # the disk fills once, at this rename
            raise OSError(28, "No space left on device", str(dst))
        real_rename(src, dst)

    monkeypatch.setattr(site_module.os, "rename", flaky_rename)
    with pytest.raises(BuildError, match="previous site is left intact"):
        _publish(root, stage / "docs", ["index.md", "vol"], stage / "site", stage / "dist")
    assert snapshot(root) == before


def test_publish_swaps_everything_when_it_succeeds(tmp_path):
    root = tmp_path
    _outputs(root, "old")
    (root / "docs" / ".generated").write_text("vol\nindex.md\ngone\n", encoding="utf-8")
    (root / "docs" / "gone").mkdir()
    stage = _staged(root)
    _publish(root, stage / "docs", ["index.md", "vol"], stage / "site", stage / "dist")
    assert (root / "docs" / "vol" / "page.md").read_text(encoding="utf-8") == "new"
    assert (root / "docs" / "guide.md").read_text(encoding="utf-8") == "hand-written"
    assert not (root / "docs" / "gone").exists()
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert (root / "docs" / ".generated").read_text(encoding="utf-8") == "index.md\nvol\n"


def test_file_system_failure_is_one_line_too(published, tmp_path):
    """A file where the build wants its scratch folder: an OSError, reported in one line."""
    import shutil

    root = tmp_path / "p"
    shutil.copytree(published, root, symlinks=True)
    shutil.rmtree(root / ".build", ignore_errors=True)
    (root / ".build").write_text("not a folder", encoding="utf-8")
    before = snapshot(root)
    proc = run_build(root)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    (message,) = proc.stderr.strip().splitlines()
    assert message.startswith("error: ") and ".build" in message
    assert snapshot(root) == before
