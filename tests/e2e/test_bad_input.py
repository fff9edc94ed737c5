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


from project import ROOT, SMALL_MANIFEST as MANIFEST, copy_project, town_text as project_town_text


def town_text() -> str:
    """A five-篇 yearbook in the sample's shape (running head before each 篇)."""
    return project_town_text(lambda n, part: [
        f"【概况】 2099年,{part}工作稳步推进,完成年度任务。", "",
        f"【重要会议】 召开{part}工作会议,部署全年任务。(镇党委办公室提供)", ""])


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


def _file(name: str, text: str):
    def apply(root):
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    return apply


def _huge(name: str):
    def apply(root):
        with (root / "seeds" / name).open("wb") as f:
            f.write(b"# comment\n")
            f.truncate(9 * 1024 * 1024)
    return apply


def _link_out(name: str):
    def apply(root):
        outside = root / "outside.yml"
        outside.write_text("terms: []\n", encoding="utf-8")
        (root / "seeds" / name).unlink(missing_ok=True)
        (root / "seeds" / name).symlink_to(outside)
    return apply


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 10)}]\n" for a, b in zip("abcdefgh", "bcdefghi")
)

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
    # issue 12: hostile or unlucky input
    "id-with-trailing-newline": (_manifest("id: papers", 'id: "assets\\n"'), "seeds/volumes.yml", 9, "volume id 'assets\\n'"),
    "id-block-scalar": (_manifest("id: papers", "id: |\n      assets"), "seeds/volumes.yml", 9, "volume id 'assets\\n'"),
    "id-glossary": (_manifest("id: papers", "id: glossary"), "seeds/volumes.yml", 9, "reserved"),
    "id-indexes": (_manifest("id: papers", "id: indexes"), "seeds/volumes.yml", 9, "reserved"),
    "id-audit": (_manifest("id: papers", "id: audit"), "seeds/volumes.yml", 9, "reserved"),
    "kind-with-escape-codes": (_manifest("kind: reports", 'kind: "reports\\n\\e[2J"'), "seeds/volumes.yml", 12, "\\u001b[2J"),
    "editor-list": (_manifest("    publisher: 某某出版社", "    publisher: 某某出版社\n    editor: [a, b]"), "seeds/volumes.yml", 7, "'editor' must be text"),
    "year-inf": (_manifest("year: 2099", "year: .inf"), "seeds/volumes.yml", 4, "is not a year"),
    "title-bidi-override": (_manifest("title: 工作文献", 'title: "工作\\u202e文献"'), "seeds/volumes.yml", 10, "U+202E"),
    "manifest-alias-bomb": (_file("volumes.yml", BOMB + "volumes: *i\n"), "seeds/volumes.yml", None, "expands to more than"),
    "manifest-deep-nesting": (_file("volumes.yml", "volumes: " + "[" * 3000 + "]" * 3000 + "\n"), "seeds/volumes.yml", None, "nesting deeper"),
    "manifest-huge": (_huge("volumes.yml"), "seeds/volumes.yml", None, "MB limit"),
    "pinyin-alias-bomb": (_file("pinyin-phrases.yml", BOMB), "seeds/pinyin-phrases.yml", None, "expands to more than"),
    "glossary-extra-alias-bomb": (_file("glossary-extra.yml", BOMB + "terms: *i\n"), "seeds/glossary-extra.yml", None, "expands to more than"),
    "glossary-extra-link-out-of-seeds": (_link_out("glossary-extra.yml"), "seeds/glossary-extra.yml", None, "leads outside seeds/"),
    "glossary-extra-invalid": (_file("glossary-extra.yml", "terms: [unclosed\n"), "seeds/glossary-extra.yml", None, "invalid YAML"),
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
    assert proc.returncode == 2, proc.stderr  # bad input
    assert "Traceback" not in proc.stderr
    # No raw control character reaches the terminal (newline, ESC, bidi).
    assert not any(ord(c) < 32 or c in "\x7f\u202a\u202b\u202c\u202d\u202e" for c in proc.stderr.rstrip("\n"))
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


# --- issue 12: listing damage, empty volumes, a broken environment ----------

def test_generated_listing_naming_hand_written_folders_deletes_nothing(published, tmp_path):
    """docs/.generated listing assets (a volume id "assets\\n" once put it there)
    and guide.md: the next build keeps docs/assets/ (glossary.js, the CSS) and the guide."""
    import shutil

    root = tmp_path / "p"
    shutil.copytree(published, root, symlinks=True)
    listing = root / "docs" / ".generated"
    listing.write_text(listing.read_text(encoding="utf-8") + "assets\nguide.md\n", encoding="utf-8")
    hand_written = {p.relative_to(root).as_posix(): p.read_bytes()
                    for p in [*(root / "docs" / "assets").rglob("*"), root / "docs" / "guide.md"] if p.is_file()}
    proc = run_build(root)
    assert proc.returncode == 0, proc.stderr
    assert {k: (root / k).read_bytes() for k in hand_written} == hand_written
    assert (root / "site" / "assets" / "javascripts" / "glossary.js").is_file()
    assert (root / "site" / "search" / "search.js").is_file()
    assert "assets" not in listing.read_text(encoding="utf-8").split()


def test_volume_without_recovered_entries_warns(published, tmp_path):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(published, root, symlinks=True)
    (root / "seeds" / "town.txt").write_text("这是一段没有任何结构的文字。\n\n又一段文字。\n", encoding="utf-8")
    proc = run_build(root)
    assert proc.returncode == 0, proc.stderr
    warnings = [l for l in proc.stderr.splitlines() if l.startswith("warning: seeds/town.txt")]
    assert len(warnings) == 1 and "'town-2099' has no entries" in warnings[0], proc.stderr


def test_missing_python_package_is_one_line(published, tmp_path):
    """A package deleted from the environment: one line saying which, and how to repair."""
    import shutil

    # Hiding the module leaves its installed metadata, so the incremental build
    # would find nothing changed (a stamp check that needs no pypinyin): change an input.
    root = tmp_path / "p"
    shutil.copytree(published, root, symlinks=True)
    (root / "seeds" / "report.txt").write_text(REPORT + "\n三、其他\n\n新增一段。\n", encoding="utf-8")
    code = ("import sys; sys.modules['pypinyin'] = None\n"
            "from build_scripts.__main__ import main\n"
            f"sys.exit(main(['--root', {str(root)!r}, '--quiet', 'build']))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    (message,) = proc.stderr.strip().splitlines()
    assert message == "error: the Python package 'pypinyin' is missing from this environment; run `make site` to repair it"
