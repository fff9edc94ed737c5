"""MkDocs runs in the build's own process (mkdocs_run.py): what makes it fail
— a mkdocs.yml naming a Markdown extension that is not installed, a broken
theme template — is one line naming the cause, exit 1, and the previous site
stays as it was."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from project import ONE_VOLUME_MANIFEST, ROOT, copy_project

TOWN = "某某镇年鉴(2099)\n\n党政机关\n\n综合工作\n\n【概况】 2099年,镇长李学义主持召开工作会议,全年完成各项任务。\n"


def _build(root):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "build_scripts", "--root", str(root), "--quiet", "build"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


def _published(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for top in ("docs", "site", "dist") for p in sorted((root / top).rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("mkdocs-errors") / "p", with_seeds=False)
    (root / "seeds").mkdir()
    (root / "seeds" / "volumes.yml").write_text(ONE_VOLUME_MANIFEST, encoding="utf-8")
    (root / "seeds" / "town.txt").write_text(TOWN, encoding="utf-8")
    assert _build(root).returncode == 0
    return root


@pytest.mark.parametrize("breakage,cause", [
    (("mkdocs.yml", "  - attr_list\n", "  - attr_list\n  - no_such_extension\n"),
     "mkdocs build failed: Config value 'markdown_extensions': Failed to load extension 'no_such_extension'"),
    (("overrides/main.html", "{% extends", "{% if %}{% extends"), "mkdocs build failed: "),
])
def test_a_mkdocs_failure_is_one_line_and_leaves_the_site(built, breakage, cause):
    name, old, new = breakage
    path = built / name
    original = path.read_text(encoding="utf-8")
    before = _published(built)
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    try:
        proc = _build(built)
    finally:
        path.write_text(original, encoding="utf-8")
    assert proc.returncode == 1
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("error: " + cause), line
    assert _published(built) == before
