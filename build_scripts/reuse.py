"""The folder a build writes its site into, made from the site the last swap
replaced (再用上次替换下的站点树).

On the file systems this was measured on (ext4 mounted with `discard`), every
new inode costs ≈ 0.4 ms of kernel time — a folder (mkdir 0.38 ms) as much as
a file (0.42 ms, empty or not) — where a hard link or a rename costs 0.01 ms
and reading a 60 KB file 0.06 ms. A site is ≈ 330 folders and 1,100 files, and
a rebuild after one correction writes nearly all of them as they were: making
them new was ≈ 0.3 s of a 0.7 s publishing step.

So the site tree the last swap replaced (publish.py keeps it as
.build/recycle/site instead of trashing it) becomes the next build's
.build/site (and the generated docs/ pages it replaced, .build/recycle/docs/,
the next build's staged pages: `take_docs`):

- `Recycled.prepare` (in the trash's thread, while the pipeline runs) keeps
  only its real folders and its pages (.html files with a single link) and
  removes everything else — other files, links, special files — so no write
  of this build can go through a link to somewhere else or into a file that
  another path shares;
- `Tree.plan(paths)`, before anything is written at `paths`: a kept folder or
  page in the way is removed;
- `Tree.write(path, data)`: a kept page whose bytes are `data` (read and
  compared, never assumed) is left alone, anything else is written;
- `Tree.finish(expected)`: the kept pages this build did not produce are
  removed, then the folders left empty.

Every file of the result is written, or compared byte for byte, by this build
and nothing else remains: the tree is the one a build into an empty folder
makes.
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

KEPT = ".html"  # the files kept for comparison: the pages, which are most of the tree


class Tree:
    """The site folder being written, `root`: with `files` (kept pages) and
    `dirs` (kept folders), posix paths relative to it, when it was recycled."""

    def __init__(self, root: Path, files=(), dirs=()):
        self.root = root
        self.files = set(files)
        self.dirs = set(dirs)
        self._made: set[str] = set()  # folders this build made

    def plan(self, paths) -> None:
        """Make room for files at `paths`: a kept folder at one of them, or a
        kept page where one of their folders goes, is removed."""
        if not (self.files or self.dirs):
            return
        for rel in paths:
            if rel in self.dirs:
                self.remove(rel)
            parts = rel.split("/")
            for n in range(1, len(parts)):
                folder = "/".join(parts[:n])
                if folder in self.files:
                    os.unlink(self.root / folder)
                    self.files.discard(folder)

    def remove(self, rel: str) -> None:
        """Whatever is at `rel`, gone (a folder with all it holds)."""
        path = self.root / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        inside = rel + "/"
        self.dirs = {d for d in self.dirs if d != rel and not d.startswith(inside)}
        self.files = {f for f in self.files if f != rel and not f.startswith(inside)}
        self._made = {d for d in self._made if d != rel and not d.startswith(inside)}

    def write(self, rel: str, data: bytes) -> None:
        """The file at `rel` holds `data`: a kept page that already does is
        left as it is."""
        path = self.root / rel
        if rel in self.files:
            try:
                same = os.stat(path).st_size == len(data) and path.read_bytes() == data
            except OSError:
                same = False
            if same:
                return
        else:
            folder = rel.rpartition("/")[0]
            if folder not in self.dirs and folder not in self._made:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(folder)
        with open(path, "wb") as f:
            f.write(data)

    def finish(self, expected: set[str]) -> None:
        """Remove the kept pages not in `expected` (every file this build
        made), then the kept folders left empty, deepest first."""
        for rel in self.files - expected:
            (self.root / rel).unlink(missing_ok=True)
        for rel in sorted(self.dirs, key=lambda d: d.count("/"), reverse=True):
            try:
                os.rmdir(self.root / rel)
            except OSError:  # not empty: a folder of this build's site
                pass
        self.files, self.dirs = set(), set()


class Recycled:
    """The tree the last swap replaced, at `path` (.build/recycle/site):
    `prepare` it (in a thread, early), then `take` it as a build's site folder."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._found: tuple[set[str], set[str]] | None = None
        self._prepared = False

    def prepare(self) -> None:
        """Keep only the real folders and the single-link pages (see the
        module docstring); at most once, whichever thread asks first."""
        with self._lock:
            if self._prepared:
                return
            self._prepared = True
            if not self.path.is_dir() or self.path.is_symlink():
                return
            try:
                self._found = _keep_folders_and_pages(self.path)
            except OSError:  # unreadable or changing: not used (the next build discards it)
                self._found = None

    def take(self, dest: Path) -> Tree:
        """The recycled tree moved to `dest` (which must not exist), or an
        empty Tree at `dest` when there is none."""
        self.prepare()
        if self._found is None:
            return Tree(dest)
        files, dirs = self._found
        self._found = None
        os.replace(self.path, dest)
        return Tree(dest, files, dirs)


def take_docs(recycle: Path, names, stage: Path) -> Tree:
    """The generated docs/ pages and folders the last swap replaced
    (`recycle`/<name>: publish.py keeps them there), moved into `stage` for
    the `names` generated again, as one Tree over `stage` that keeps their
    folders and Markdown pages (as `Recycled` does a site's). A name already
    in `stage` (a hand-written copy) is left where it is, for the trash."""
    files, dirs = set(), set()
    for name in sorted(names):
        old, new = recycle / name, stage / name
        if not os.path.lexists(old) or os.path.lexists(new):
            continue
        try:
            if old.is_dir() and not old.is_symlink():
                kept, folders = _keep_folders_and_pages(old, ".md")
                os.replace(old, new)
                files |= {f"{name}/{rel}" for rel in kept}
                dirs |= {name} | {f"{name}/{rel}" for rel in folders}
            elif name.endswith(".md") and old.is_file() and not old.is_symlink() and os.lstat(old).st_nlink == 1:
                os.replace(old, new)
                files.add(name)
        except OSError:  # unreadable: not used (the trash takes it)
            continue
    return Tree(stage, files, dirs)


def _keep_folders_and_pages(top: Path, suffix: str = KEPT) -> tuple[set[str], set[str]]:
    files, dirs = set(), set()
    pending = [""]
    while pending:
        rel = pending.pop()
        with os.scandir(top / rel if rel else top) as entries:
            for entry in entries:
                sub = f"{rel}/{entry.name}" if rel else entry.name
                if entry.is_dir(follow_symlinks=False):
                    dirs.add(sub)
                    pending.append(sub)
                elif (entry.is_file(follow_symlinks=False) and sub.endswith(suffix)
                      and entry.stat(follow_symlinks=False).st_nlink == 1):
                    files.add(sub)
                else:  # a link, another kind of file, or a file another path shares
                    os.unlink(entry.path)
    return files, dirs
