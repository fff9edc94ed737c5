"""Publish (发布): put the staged docs pages, site/ and dist/ in place so that
no failure, signal or kill leaves the project without a whole site.

Everything is built under .build/ first. The swap is then a short list of
steps, one per published path (each generated top-level name of docs/, then
dist/, then site/). Before the first step the list is written to
.build/publish.json (atomically: written aside, then renamed), with the inode
of each staged folder, so every step's state can be read back from the file
system alone: a step is done when the path holds the staged inode.

- A path that exists on both sides is swapped with the staged one in a single
  rename(2) with RENAME_EXCHANGE: at every instant `site/` is a complete site,
  old or new. (Where the kernel or file system lacks it, two renames.)
- SIGTERM and SIGINT arriving during the swap wait until it is complete.
- SIGKILL (or a power cut) mid-swap leaves the journal; the next build first
  completes the swap (`recover`), before it clears .build/, so the staged new
  site is never lost and the next build starts from a whole one.
- A failed rename (permissions, a file in the way) undoes the steps done.

Only one build may run in a project folder at a time (`lock`).

What a swap replaced (the old site, bundle and docs pages, now at the staged
paths) is not deleted on the spot: it is moved into .build/trash/ (one rename
each) and the next build deletes it in a thread while its pipeline computes
(`emptying_trash`). Deleting a site's 1,100 files and folders is ≈ 1.2 s of
unlink/rmdir on a file system mounted with `discard`, nearly a third of a
rebuild after a one-character correction; overlapped, it costs no wall time.
The old site itself goes to .build/recycle/site instead: the next build
writes its site into that tree (reuse.py), keeping the folders and the pages
whose bytes come out the same rather than making them anew.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

from . import layout, reuse
from .errors import BuildError, Interrupted

GENERATED_LIST = ".generated"  # docs/.generated lists what the build wrote into docs/
JOURNAL = "publish.json"
TRASH = "trash"  # .build/trash/: what the last build replaced, deleted by the next one
RECYCLE = "recycle"  # .build/recycle/site: the site the last build replaced, the next one's site folder


# -- one build at a time ----------------------------------------------------

@contextmanager
def lock(root: Path):
    """Hold an exclusive lock on the project folder for the whole build (an
    flock on the folder itself: nothing to clean up, and the kernel releases it
    when the process dies, however it dies)."""
    fd = os.open(root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(
                f"another build is running in {root}; wait for it to finish (nothing was changed)"
            ) from None
        yield
    finally:
        os.close(fd)


# -- what docs/ holds that the build generated --------------------------------

def generated_names(docs: Path) -> set[str]:
    """Top-level names docs/.generated lists, keeping only those that can be
    generated content: a damaged listing (an id "assets\\n" once slipped
    through) must never make the build move hand-written files away."""
    listing = docs / GENERATED_LIST
    if not listing.is_file():
        return set()
    names = {l for l in listing.read_text(encoding="utf-8").splitlines() if l and "/" not in l and l not in (".", "..")}
    return {n for n in names if layout.is_generated(docs, n)}


# -- the swap -----------------------------------------------------------------

def publish(root: Path, stage_docs: Path, generated: list[str], site: Path, dist: Path) -> None:
    """Swap the new outputs in; only now is anything outside .build/ touched."""
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    work = root / ".build"
    aside = work / "old"
    shutil.rmtree(aside, ignore_errors=True)
    (aside / "docs").mkdir(parents=True)
    (stage_docs / GENERATED_LIST).write_text("\n".join(generated) + "\n", encoding="utf-8")
    steps: list[dict] = []
    for name in sorted(generated_names(docs) - set(generated)):
        if os.path.lexists(docs / name):  # no longer generated (a volume removed): moves aside
            steps.append({"place": str(docs / name), "new": None, "aside": str(aside / "docs" / name)})
    for name in [*generated, GENERATED_LIST]:
        steps.append(_step(stage_docs / name, docs / name, aside / "docs" / name))
    steps.append(_step(dist, root / "dist", aside / "dist"))
    steps.append(_step(site, root / "site", aside / "site"))
    with _signals_deferred():
        _write_journal(work, steps)
        done: list[dict] = []
        try:
            for step in steps:
                _do(step)
                done.append(step)
        except OSError as exc:
            for step in reversed(done):
                _undo(step)
            _journal(work).unlink(missing_ok=True)
            raise BuildError(f"cannot publish {exc.filename}: {exc.strerror}; the previous site is left intact") from None
        _finish(work, steps)


def recover(root: Path, progress=lambda m: None) -> bool:
    """Complete a swap a kill interrupted (its journal is still there); run
    at the start of a build, before .build/ is cleared. True if there was one."""
    work = root / ".build"
    path = _journal(work)
    if not path.is_file():
        return False
    try:
        steps = json.loads(path.read_text(encoding="utf-8"))["steps"]
        for step in steps:  # each step names its paths, a staged one its inode
            _ = (step["place"], step["aside"], step["new"] is None or step["inode"])
    except (ValueError, KeyError, TypeError):
        raise BuildError(f"{path} is damaged; remove .build/ to start over") from None
    with _signals_deferred():
        for step in steps:
            _do(step)
        _finish(work, steps)
    progress("completed the publish an interrupted build had begun")
    return True


def _step(new: Path, place: Path, aside: Path) -> dict:
    return {"place": str(place), "new": str(new), "aside": str(aside), "inode": os.lstat(new).st_ino}


def _journal(work: Path) -> Path:
    return work / JOURNAL


def _write_journal(work: Path, steps: list[dict]) -> None:
    tmp = work / (JOURNAL + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        json.dump({"steps": steps}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, _journal(work))
    _sync_dir(work)


def _finish(work: Path, steps: list[dict]) -> None:
    """All steps done: drop the journal, then the old copies (moved aside, or
    swapped into the staged paths): the old site to be recycled, the rest
    into the trash."""
    _journal(work).unlink(missing_ok=True)
    _sync_dir(work)
    discard(work, work / "old")
    root = work.parent
    for step in steps:
        if step["new"] and os.path.lexists(step["new"]):
            place = Path(step.get("place", ""))
            if place == root / "site":
                _recycle(work, Path(step["new"]), work / RECYCLE / "site")
            elif place.parent == root / "docs" and place.name != GENERATED_LIST:
                _recycle(work, Path(step["new"]), work / RECYCLE / "docs" / place.name)
            else:
                discard(work, Path(step["new"]))


def _recycle(work: Path, old: Path, kept: Path) -> None:
    """Keep the site (or a generated docs/ page or folder) a swap replaced
    for the next build to write into (reuse.py)."""
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        if not os.path.lexists(kept) and not old.is_symlink():
            os.replace(old, kept)  # as discard: one rename, after the journal is gone
            return
    except OSError:
        pass
    discard(work, old)


# -- the trash ----------------------------------------------------------------

def discard(work: Path, path: Path) -> None:
    """Move `path` (inside `work`, .build/) into the trash: one rename, however
    big the tree; `emptying_trash` deletes it later. Not a step of the swap
    (it runs after the journal is gone): where the move fails, the path is
    deleted on the spot instead, and a kill leaves it for the next build's
    clearing of .build/."""
    if not os.path.lexists(path):
        return
    trash = work / TRASH
    try:
        trash.mkdir(exist_ok=True)
        n = 0
        while os.path.lexists(trash / f"{n}-{path.name}"):
            n += 1
        os.replace(path, trash / f"{n}-{path.name}")
    except OSError:
        _remove(path)


@contextmanager
def emptying_trash(work: Path):
    """Delete what is in the trash now, in a thread, while the block runs;
    wait for it at the end. What the block itself discards stays for the
    next build. A kill half-way leaves the rest for the next build too.
    The thread first prepares the site to recycle (reuse.Recycled, given to
    the block), which the publishing step takes as its site folder."""
    trash = work / TRASH
    items = sorted(trash.iterdir()) if trash.is_dir() and not trash.is_symlink() else []
    recycled = reuse.Recycled(work / RECYCLE / "site")

    def run() -> None:
        recycled.prepare()
        for item in items:
            _remove(item)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()  # os.unlink/rmdir release the GIL: the deleting overlaps the pipeline's work
    try:
        yield recycled
    finally:
        worker.join()


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _is_done(step: dict) -> bool:
    place = step["place"]
    if step["new"] is None:
        return not os.path.lexists(place)
    try:
        return os.lstat(place).st_ino == step["inode"]
    except FileNotFoundError:
        return False


def _do(step: dict) -> None:
    """Bring one path to its new state; a step already done is left alone,
    so a journal can be replayed after a kill at any point."""
    if _is_done(step):
        return
    place, new, aside = step["place"], step["new"], step["aside"]
    if new is None:
        os.rename(place, aside)
        return
    if not os.path.lexists(new):
        raise BuildError(f"cannot complete the interrupted publish: {new} is gone; remove .build/ and rebuild")
    if os.path.lexists(place):
        if _exchange(new, place):
            return
        # No RENAME_EXCHANGE here: the old copy goes aside first. A kill
        # between the two renames leaves `place` missing until `recover`.
        os.rename(place, aside)
        try:
            os.rename(new, place)
        except OSError:
            os.rename(aside, place)  # a failed step is not half done: the rollback starts from whole steps
            raise
        return
    os.rename(new, place)


def _undo(step: dict) -> None:
    place, new, aside = step["place"], step["new"], step["aside"]
    if new is None:
        os.rename(aside, place)
    elif os.path.lexists(place) and os.path.lexists(new):
        if not _exchange(new, place):
            os.rename(place, new)
            os.rename(aside, place)
    elif os.path.lexists(place):
        os.rename(place, new)
        if os.path.lexists(aside):
            os.rename(aside, place)


# Linux renameat2(2) with RENAME_EXCHANGE swaps two paths atomically; Python's
# os module has no binding for it, hence ctypes (glibc 2.28+).
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
try:
    _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
except (OSError, AttributeError):
    _renameat2 = None


def _exchange(a: str, b: str) -> bool:
    """Swap paths a and b atomically; False where the system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), a)


def _sync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _signals_deferred():
    """SIGTERM/SIGINT during the swap are held until it is complete (it takes
    milliseconds), then reported as an interruption after publishing."""
    caught: list[int] = []
    signums = [signal.SIGTERM, signal.SIGINT]
    try:
        previous = {s: signal.signal(s, lambda n, f: caught.append(n)) for s in signums}
    except ValueError:  # not the main thread: signals cannot reach us here anyway
        yield
        return
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if caught:
        raise Interrupted(caught[0], published=True)
