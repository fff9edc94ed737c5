"""The site folder written into the tree the last swap replaced (build_scripts/reuse.py):
the result is the tree a build into an empty folder makes, and nothing outside it is touched."""
from __future__ import annotations

import os
from pathlib import Path

from build_scripts.reuse import Recycled, Tree

# What this build writes, path → bytes.
NEW = {
    "index.html": b"<html>home</html>",
    "v/a/index.html": b"<html>a, unchanged</html>",
    "v/b/index.html": b"<html>b, changed</html>",
    "assets/x.css": b"h1{}",
    "moved/index.html": b"<html>a folder where a page was</html>",
    "was-a-folder.html": b"<html>a page where a folder was</html>",
}


def _write_all(tree: Tree) -> None:
    tree.plan(NEW)
    for rel, data in NEW.items():
        tree.write(rel, data)
    tree.finish(set(NEW))


def _tree(root: Path) -> dict:
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    return {"files": files, "dirs": sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir())}


def _old_site(root: Path, outside: Path) -> None:
    """The site two builds ago, with what a reader or a tool may have left in it."""
    old = {"index.html": b"<html>home</html>", "v/a/index.html": b"<html>a, unchanged</html>",
           "v/b/index.html": b"<html>b, before</html>", "gone/index.html": b"<html>a page no longer built</html>",
           "assets/x.css": b"h1{color:red}", "assets/old.js": b"var old;", "moved.html": b"<html>page</html>",
           "was-a-folder.html/index.html": b"<html>inside</html>"}
    for rel, data in old.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    (root / "empty" / "deeper").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.html").write_bytes(b"not ours")
    (outside / "shared.html").write_bytes(b"shared")
    (root / "v" / "link.html").symlink_to(outside / "secret.html")  # a page that is a link
    os.link(outside / "shared.html", root / "v" / "shared.html")  # a page that is another file too
    (root / "linked-folder").symlink_to(outside, target_is_directory=True)


def test_a_recycled_tree_ends_as_the_tree_written_into_an_empty_folder(tmp_path):
    cold = tmp_path / "cold"
    _write_all(Tree(cold))
    recycled = tmp_path / "recycle" / "site"
    _old_site(recycled, tmp_path / "outside")
    os.utime(recycled / "v" / "a" / "index.html", ns=(10**18, 10**18))
    handle = Recycled(recycled)
    handle.prepare()
    tree = handle.take(tmp_path / "site")
    assert not recycled.exists()
    # only folders and single-link pages are kept; the link, the shared file and other files are gone
    assert "v/link.html" not in tree.files and "v/shared.html" not in tree.files and "assets/x.css" not in tree.files
    _write_all(tree)
    assert _tree(tmp_path / "site") == _tree(cold)
    # an unchanged page is the recycled file, not written again; a changed one is written
    assert (tmp_path / "site" / "v" / "a" / "index.html").stat().st_mtime_ns == 10**18
    # nothing outside the tree was written or removed
    assert (tmp_path / "outside" / "secret.html").read_bytes() == b"not ours"
    assert (tmp_path / "outside" / "shared.html").read_bytes() == b"shared"


def test_without_a_recycled_tree_the_folder_is_written_from_nothing(tmp_path):
    handle = Recycled(tmp_path / "recycle" / "site")
    handle.prepare()
    tree = handle.take(tmp_path / "site")
    _write_all(tree)
    cold = tmp_path / "cold"
    _write_all(Tree(cold))
    assert _tree(tmp_path / "site") == _tree(cold)


def test_a_recycled_link_is_never_taken_as_the_site_folder(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "index.html").write_bytes(b"keep")
    (tmp_path / "recycle").mkdir()
    (tmp_path / "recycle" / "site").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    tree = Recycled(tmp_path / "recycle" / "site").take(tmp_path / "site")
    _write_all(tree)
    assert (tmp_path / "elsewhere" / "index.html").read_bytes() == b"keep"
    assert not (tmp_path / "site").is_symlink()
