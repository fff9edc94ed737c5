"""Publishing (发布), step by step, in process and against tmp dirs: the journal,
the swap, the rollback of a failed swap, the recovery of a killed one, the
generated-file listing and the one-build lock (build_scripts/publish.py).

tests/e2e/test_publish.py kills real child processes at every step; these
tests check the same promises fast enough to run under mutation testing: a
"kill" is an exception no handler of publish() catches, raised in the middle
of the swap."""
from __future__ import annotations

import errno
import json
import os
import signal
from pathlib import Path

import pytest

from build_scripts import publish as p
from build_scripts.errors import BuildError, Interrupted

from project import PUBLISHED_FILES as SITE_FILES, published_outputs as _outputs, site_generation as _generation, staged_build as _staged

GENERATED = ["index.md", "new-vol", "vol"]


class Killed(BaseException):
    """Stands for SIGKILL: nothing in publish() handles it."""


def _project(root: Path) -> Path:
    _outputs(root)
    return _staged(root)


def _publish(root: Path) -> None:
    stage = root / ".build"
    p.publish(root, stage / "docs", GENERATED, stage / "site", stage / "dist")


def _published(root: Path) -> dict[str, bytes]:
    return {q.relative_to(root).as_posix(): q.read_bytes() for q in sorted(root.rglob("*"))
            if q.is_file() and ".build" not in q.relative_to(root).parts}


def _assert_all_new(root: Path) -> None:
    assert _generation(root / "site") == "new" and _generation(root / "dist") == "new"
    assert (root / "docs" / "vol" / "page.md").read_text(encoding="utf-8") == "new"
    assert (root / "docs" / "index.md").read_text(encoding="utf-8") == "new"
    assert (root / "docs" / "new-vol" / "page.md").read_text(encoding="utf-8") == "new"
    assert (root / "docs" / "guide.md").read_text(encoding="utf-8") == "hand-written"
    assert (root / "docs" / ".generated").read_text(encoding="utf-8") == "index.md\nnew-vol\nvol\n"
    assert not (root / ".build" / "publish.json").exists()


def _kill_at(monkeypatch, n: int) -> None:
    """Every file-system step of the swap counts; the n-th is never made."""
    count = [0]
    real = {"rename": os.rename, "exchange": p._exchange}

    def step(fn):
        def run(*a):
            count[0] += 1
            if count[0] == n:
                raise Killed(n)
            return fn(*a)
        return run

    monkeypatch.setattr(p.os, "rename", step(real["rename"]))
    monkeypatch.setattr(p, "_exchange", step(real["exchange"]))


# -- the swap -------------------------------------------------------------------

def test_a_publish_puts_every_new_output_in_place_and_keeps_hand_written_pages(tmp_path):
    _project(tmp_path)
    _publish(tmp_path)
    _assert_all_new(tmp_path)
    # the old copies and the staged paths are gone: nothing left to grow .build/
    assert not (tmp_path / ".build" / "old").exists()
    for name in ("site", "dist", "docs/vol", "docs/index.md", "docs/new-vol"):
        assert not (tmp_path / ".build" / name).exists(), name


def test_a_volume_no_longer_built_leaves_docs_and_the_listing(tmp_path):
    _project(tmp_path)
    (tmp_path / "docs" / ".generated").write_text("vol\nindex.md\ngone\nlost\n", encoding="utf-8")
    (tmp_path / "docs" / "gone").mkdir()
    (tmp_path / "docs" / "gone" / "page.md").write_text("old", encoding="utf-8")
    # "lost" is listed but no longer on disk: nothing to move, no error
    _publish(tmp_path)
    _assert_all_new(tmp_path)
    assert not (tmp_path / "docs" / "gone").exists()


def test_a_first_publish_into_an_empty_project(tmp_path):
    stage = _staged(tmp_path)
    p.publish(tmp_path, stage / "docs", GENERATED, stage / "site", stage / "dist")
    assert _generation(tmp_path / "site") == "new" and _generation(tmp_path / "dist") == "new"
    assert (tmp_path / "docs" / ".generated").read_text(encoding="utf-8") == "index.md\nnew-vol\nvol\n"
    assert not (tmp_path / ".build" / "publish.json").exists()


def test_without_an_atomic_exchange_two_renames_do_the_same_swap(tmp_path, monkeypatch):
    monkeypatch.setattr(p, "_renameat2", None)
    _project(tmp_path)
    _publish(tmp_path)
    _assert_all_new(tmp_path)


def test_the_journal_is_written_before_the_first_step_and_names_every_step(tmp_path, monkeypatch):
    stage = _project(tmp_path)
    (tmp_path / "docs" / ".generated").write_text("vol\nindex.md\ngone\n", encoding="utf-8")
    (tmp_path / "docs" / "gone").mkdir()
    seen = []
    real_do = p._do

    def do(step):
        if not seen:
            seen.append(json.loads((tmp_path / ".build" / "publish.json").read_text(encoding="utf-8")))
        real_do(step)

    monkeypatch.setattr(p, "_do", do)
    _publish(tmp_path)
    steps = seen[0]["steps"]
    places = [Path(s["place"]).relative_to(tmp_path).as_posix() for s in steps]
    assert places == ["docs/gone", "docs/index.md", "docs/new-vol", "docs/vol", "docs/.generated", "dist", "site"]
    assert steps[0]["new"] is None and steps[0]["aside"] == str(tmp_path / ".build" / "old" / "docs" / "gone")
    assert steps[-1]["new"] == str(stage / "site")
    assert steps[-1]["aside"] == str(tmp_path / ".build" / "old" / "site")
    assert steps[-2]["aside"] == str(tmp_path / ".build" / "old" / "dist")
    assert steps[1]["aside"] == str(tmp_path / ".build" / "old" / "docs" / "index.md")
    # each staged path is named by its inode: a step's state is readable from disk alone
    assert steps[-1]["inode"] == os.lstat(tmp_path / "site").st_ino
    assert not (tmp_path / ".build" / "publish.json.tmp").exists()


# -- a failed step: everything done is undone --------------------------------------

@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("fail_at", range(1, 15))
def test_a_failed_step_restores_every_previous_output(tmp_path, monkeypatch, fail_at, exchange):
    """Any rename or exchange failing (the disk full, a permission): the project
    is as it was, whichever step failed — in the two-rename fallback too, where
    a step that failed between its renames once left its path missing."""
    _project(tmp_path)
    (tmp_path / "docs" / ".generated").write_text("vol\nindex.md\ngone\n", encoding="utf-8")
    (tmp_path / "docs" / "gone").mkdir()
    (tmp_path / "docs" / "gone" / "page.md").write_text("old", encoding="utf-8")
    if not exchange:
        monkeypatch.setattr(p, "_renameat2", None)
    before = _published(tmp_path)
    count = [0]
    real_rename, real_exchange = os.rename, p._exchange

    def fail():
        count[0] += 1
        if count[0] == fail_at:  # the disk fills once, at this step
            raise OSError(errno.ENOSPC, "No space left on device", "/x/site")

    monkeypatch.setattr(p.os, "rename", lambda a, b: (fail(), real_rename(a, b))[1])
    monkeypatch.setattr(p, "_exchange", lambda a, b: (fail(), real_exchange(a, b))[1])
    if fail_at > (7 if exchange else 17):  # fewer steps: nothing fails
        _publish(tmp_path)
        _assert_all_new(tmp_path)
        return
    with pytest.raises(BuildError) as exc:
        _publish(tmp_path)
    assert str(exc.value) == "cannot publish /x/site: No space left on device; the previous site is left intact"
    assert _published(tmp_path) == before
    assert not (tmp_path / ".build" / "publish.json").exists()  # nothing for the next build to replay


def test_the_undo_of_a_swap_that_exchanged_without_renameat2_puts_the_old_copy_back(tmp_path, monkeypatch):
    """_undo of a two-rename step: the new copy back to the stage, the old one
    back from aside."""
    (tmp_path / "place").write_text("new", encoding="utf-8")
    (tmp_path / "aside").write_text("old", encoding="utf-8")
    (tmp_path / "stage").write_text("staged", encoding="utf-8")
    step = {"place": str(tmp_path / "place"), "new": str(tmp_path / "stage"), "aside": str(tmp_path / "aside")}
    monkeypatch.setattr(p, "_renameat2", None)
    # place and new both exist and no exchange: place goes back to new, aside to place
    p._undo(step)
    assert (tmp_path / "place").read_text(encoding="utf-8") == "old"
    assert (tmp_path / "stage").read_text(encoding="utf-8") == "new"
    assert not (tmp_path / "aside").exists()


def test_the_undo_of_a_first_publish_leaves_no_new_copy_in_place(tmp_path):
    (tmp_path / "place").write_text("new", encoding="utf-8")
    step = {"place": str(tmp_path / "place"), "new": str(tmp_path / "stage"), "aside": str(tmp_path / "aside")}
    p._undo(step)
    assert not (tmp_path / "place").exists()
    assert (tmp_path / "stage").read_text(encoding="utf-8") == "new"


# -- a kill: the journal stays, the next build completes the swap -----------------

@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("n", range(1, 12))
def test_a_kill_at_any_step_is_completed_by_the_next_build(tmp_path, monkeypatch, n, exchange):
    _project(tmp_path)
    (tmp_path / "docs" / ".generated").write_text("vol\nindex.md\ngone\n", encoding="utf-8")
    (tmp_path / "docs" / "gone").mkdir()
    if not exchange:
        monkeypatch.setattr(p, "_renameat2", None)
    _kill_at(monkeypatch, n)
    try:
        _publish(tmp_path)
    except Killed:
        pass
    else:
        _assert_all_new(tmp_path)  # fewer steps than n: the swap ran to its end
        assert p.recover(tmp_path) is False
        return
    assert (tmp_path / ".build" / "publish.json").exists()
    # At every instant a whole site and a whole bundle (with an exchange) or
    # a missing one only between two renames; the hand-written page stays.
    if exchange:
        assert _generation(tmp_path / "site") in ("old", "new")
        assert _generation(tmp_path / "dist") in ("old", "new")
    assert (tmp_path / "docs" / "guide.md").read_text(encoding="utf-8") == "hand-written"
    monkeypatch.undo()
    said = []
    assert p.recover(tmp_path, said.append) is True
    _assert_all_new(tmp_path)
    assert not (tmp_path / "docs" / "gone").exists()
    assert not (tmp_path / ".build" / "old").exists()
    assert not (tmp_path / ".build" / "site").exists()
    assert said == ["completed the publish an interrupted build had begun"]
    assert p.recover(tmp_path) is False  # done once, nothing left to replay


def test_recover_without_a_journal_changes_nothing(tmp_path):
    _outputs(tmp_path)
    before = _published(tmp_path)
    said = []
    assert p.recover(tmp_path, said.append) is False
    assert said == [] and _published(tmp_path) == before


@pytest.mark.parametrize("text", ["{", "[]", '{"steps": 3}', '{"other": []}', "null", '{"steps": ["site"]}',
                                  '{"steps": [{"place": "site", "new": "x", "aside": "y"}]}',
                                  '{"steps": [{"place": "site", "new": null}]}'])
def test_a_damaged_journal_is_named_with_what_to_do(tmp_path, text):
    (tmp_path / ".build").mkdir()
    (tmp_path / ".build" / "publish.json").write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as exc:
        p.recover(tmp_path)
    assert str(exc.value) == f"{tmp_path / '.build' / 'publish.json'} is damaged; remove .build/ to start over"


def test_a_journal_whose_staged_copy_is_gone_says_so(tmp_path, monkeypatch):
    _project(tmp_path)
    _kill_at(monkeypatch, 1)
    with pytest.raises(Killed):
        _publish(tmp_path)
    monkeypatch.undo()
    import shutil
    shutil.rmtree(tmp_path / ".build" / "site")
    with pytest.raises(BuildError) as exc:
        p.recover(tmp_path)
    assert str(exc.value) == (f"cannot complete the interrupted publish: {tmp_path / '.build' / 'site'} is gone; "
                              "remove .build/ and rebuild")


def test_a_step_already_done_is_left_alone_on_replay(tmp_path):
    (tmp_path / "new").write_text("new", encoding="utf-8")
    (tmp_path / "place").write_text("old", encoding="utf-8")
    step = p._step(tmp_path / "new", tmp_path / "place", tmp_path / "aside")
    p._do(step)
    assert (tmp_path / "place").read_text(encoding="utf-8") == "new"
    p._do(step)  # replayed: still the new copy, the old one not swapped back
    assert (tmp_path / "place").read_text(encoding="utf-8") == "new"
    assert p._is_done(step)


def test_a_step_is_not_done_while_its_place_is_missing_or_old(tmp_path):
    (tmp_path / "new").write_text("new", encoding="utf-8")
    step = p._step(tmp_path / "new", tmp_path / "place", tmp_path / "aside")
    assert not p._is_done(step)
    (tmp_path / "place").write_text("old", encoding="utf-8")
    assert not p._is_done(step)
    removal = {"place": str(tmp_path / "place"), "new": None, "aside": str(tmp_path / "aside")}
    assert not p._is_done(removal)
    p._do(removal)
    assert p._is_done(removal) and (tmp_path / "aside").read_text(encoding="utf-8") == "old"


def test_finish_removes_a_staged_file_or_link_as_well_as_a_folder(tmp_path):
    work = tmp_path / ".build"
    (work / "old").mkdir(parents=True)
    (work / "staged.md").write_text("x", encoding="utf-8")
    (work / "target").mkdir()
    (work / "link").symlink_to(work / "target")
    (work / "tree").mkdir()
    (work / "tree" / "f").write_text("x", encoding="utf-8")
    (work / "publish.json").write_text("{}", encoding="utf-8")
    steps = [{"new": str(work / n)} for n in ("staged.md", "link", "tree")] + [{"new": None}]
    p._finish(work, steps)
    assert not (work / "staged.md").exists() and not os.path.lexists(work / "link")
    assert not (work / "tree").exists() and not (work / "old").exists()
    assert (work / "target").is_dir()  # a link is removed, not what it points to
    assert not (work / "publish.json").exists()


# -- the atomic exchange ------------------------------------------------------------

@pytest.mark.skipif(p._renameat2 is None, reason="no renameat2 here")
def test_exchange_swaps_two_paths(tmp_path):
    (tmp_path / "a").write_text("a", encoding="utf-8")
    (tmp_path / "b").mkdir()
    assert p._exchange(str(tmp_path / "a"), str(tmp_path / "b")) is True
    assert (tmp_path / "a").is_dir() and (tmp_path / "b").read_text(encoding="utf-8") == "a"


@pytest.mark.skipif(p._renameat2 is None, reason="no renameat2 here")
def test_exchange_with_a_missing_path_is_an_os_error_naming_it(tmp_path):
    (tmp_path / "b").mkdir()
    with pytest.raises(OSError) as exc:
        p._exchange(str(tmp_path / "a"), str(tmp_path / "b"))
    assert exc.value.errno == errno.ENOENT and exc.value.filename == str(tmp_path / "a")
    assert exc.value.strerror == os.strerror(errno.ENOENT)


@pytest.mark.parametrize("err", [errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP])
def test_a_system_without_exchange_falls_back_to_renames(tmp_path, monkeypatch, err):
    def unsupported(*a):
        import ctypes
        ctypes.set_errno(err)
        return -1
    monkeypatch.setattr(p, "_renameat2", unsupported)
    assert p._exchange(str(tmp_path / "a"), str(tmp_path / "b")) is False
    _project(tmp_path)
    _publish(tmp_path)
    _assert_all_new(tmp_path)


def test_without_renameat2_exchange_answers_false(monkeypatch, tmp_path):
    monkeypatch.setattr(p, "_renameat2", None)
    assert p._exchange(str(tmp_path / "a"), str(tmp_path / "b")) is False


# -- signals during the swap ------------------------------------------------------------

@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_the_swap_waits_for_its_end_then_counts(tmp_path, monkeypatch, sig):
    _project(tmp_path)
    real_do = p._do
    sent = []

    def do(step):
        if not sent:
            os.kill(os.getpid(), sig)
            sent.append(sig)
        real_do(step)

    monkeypatch.setattr(p, "_do", do)
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    with pytest.raises(Interrupted) as exc:
        _publish(tmp_path)
    assert exc.value.signum == sig and exc.value.published is True
    _assert_all_new(tmp_path)
    assert {s: signal.getsignal(s) for s in before} == before  # the build's handlers are back


def test_no_signal_no_interruption_and_handlers_restored(tmp_path):
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    with p._signals_deferred():
        assert signal.getsignal(signal.SIGTERM) is not before[signal.SIGTERM]
        assert signal.getsignal(signal.SIGINT) is not before[signal.SIGINT]
    assert {s: signal.getsignal(s) for s in before} == before


def test_two_signals_report_the_first(tmp_path):
    with pytest.raises(Interrupted) as exc:
        with p._signals_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGTERM)
    assert exc.value.signum == signal.SIGINT


def test_outside_the_main_thread_the_swap_runs_without_signal_handlers(tmp_path):
    import threading
    out = []

    def run():
        try:
            with p._signals_deferred():
                out.append("ran")
        except Exception as exc:  # pragma: no cover - reported below
            out.append(repr(exc))

    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert out == ["ran"]


# -- what docs/ holds that the build generated -------------------------------------------

def test_the_generated_listing_names_only_what_the_build_can_have_made(tmp_path):
    docs = tmp_path / "docs"
    (docs / "vol").mkdir(parents=True)
    (docs / "vol" / "page.md").write_text("x", encoding="utf-8")
    (docs / "assets").mkdir()
    (docs / "mixed").mkdir()
    (docs / "mixed" / "photo.png").write_bytes(b"x")
    (docs / ".generated").write_text(
        "vol\nindex.md\n\nassets\nguide.md\nmixed\na/b\n.\n..\nindexes\nremoved-vol\n", encoding="utf-8")
    assert p.generated_names(docs) == {"vol", "index.md", "indexes", "removed-vol"}


def test_no_listing_means_nothing_generated(tmp_path):
    (tmp_path / "docs").mkdir()
    assert p.generated_names(tmp_path / "docs") == set()
    (tmp_path / "docs" / ".generated").mkdir()  # not a file: no listing
    assert p.generated_names(tmp_path / "docs") == set()


def test_a_damaged_listing_never_moves_hand_written_files(tmp_path):
    _project(tmp_path)
    (tmp_path / "docs" / "assets").mkdir()
    (tmp_path / "docs" / "assets" / "x.css").write_text("css", encoding="utf-8")
    (tmp_path / "docs" / ".generated").write_text("vol\nindex.md\nassets\nguide.md\n", encoding="utf-8")
    _publish(tmp_path)
    assert (tmp_path / "docs" / "assets" / "x.css").read_text(encoding="utf-8") == "css"
    assert (tmp_path / "docs" / "guide.md").read_text(encoding="utf-8") == "hand-written"


# -- one build at a time -------------------------------------------------------------

def test_a_second_build_in_the_same_folder_is_refused_with_one_line(tmp_path):
    with p.lock(tmp_path):
        with pytest.raises(BuildError) as exc:
            with p.lock(tmp_path):
                pass  # pragma: no cover
        assert str(exc.value) == f"another build is running in {tmp_path}; wait for it to finish (nothing was changed)"
        assert exc.value.__suppress_context__
    with p.lock(tmp_path):  # released: the next build may run
        pass


def test_the_lock_is_released_when_the_build_fails(tmp_path):
    with pytest.raises(RuntimeError):
        with p.lock(tmp_path):
            raise RuntimeError("boom")
    with p.lock(tmp_path):
        pass


def test_old_copies_left_by_an_earlier_failed_publish_do_not_stop_the_next(tmp_path):
    _project(tmp_path)
    (tmp_path / ".build" / "old" / "docs" / "vol").mkdir(parents=True)
    (tmp_path / ".build" / "old" / "site").mkdir()
    _publish(tmp_path)
    _assert_all_new(tmp_path)
    assert not (tmp_path / ".build" / "old").exists()


def test_what_a_swap_replaced_goes_to_the_trash_and_the_next_build_empties_it(tmp_path):
    work = tmp_path / ".build"
    for k in range(3):  # three builds in a row each replace a site/
        (work / "site").mkdir(parents=True)
        (work / "site" / "index.html").write_text(str(k), encoding="utf-8")
        p.discard(work, work / "site")
    assert sorted(q.name for q in (work / "trash").iterdir()) == ["0-site", "1-site", "2-site"]
    assert (work / "trash" / "2-site" / "index.html").read_text(encoding="utf-8") == "2"
    p.discard(work, work / "absent")  # nothing there: nothing to do
    with p.emptying_trash(work):
        (work / "late.md").write_text("x", encoding="utf-8")
        p.discard(work, work / "late.md")  # discarded during this build: left for the next
    assert [q.name for q in (work / "trash").iterdir()] == ["0-late.md"]


def test_a_path_that_cannot_go_to_the_trash_is_deleted_on_the_spot(tmp_path):
    work = tmp_path / ".build"
    work.mkdir()
    (work / "trash").write_text("a file in the way", encoding="utf-8")
    (work / "site").mkdir()
    (work / "site" / "index.html").write_text("old", encoding="utf-8")
    p.discard(work, work / "site")
    assert not (work / "site").exists()


def test_the_trash_is_emptied_of_files_folders_and_links_without_following_a_link(tmp_path):
    """What a swap replaced may be a folder (site/), a file (docs/index.md) or a
    link a user made; emptying the trash deletes each and never what a link
    points at."""
    work = tmp_path / ".build"
    outside = tmp_path / "keep"
    (outside / "a").mkdir(parents=True)
    (outside / "a" / "page.html").write_text("kept", encoding="utf-8")
    for name, make in (("site", lambda p: (p.mkdir(parents=True), (p / "index.html").write_text("old"))),
                       ("index.md", lambda p: (p.parent.mkdir(parents=True, exist_ok=True), p.write_text("old"))),
                       ("vol", lambda p: p.symlink_to(outside, target_is_directory=True))):
        make(work / name)
        p.discard(work, work / name)
    assert sorted(q.name for q in (work / p.TRASH).iterdir()) == ["0-index.md", "0-site", "0-vol"]
    with p.emptying_trash(work):
        pass
    assert list((work / p.TRASH).iterdir()) == []
    assert (outside / "a" / "page.html").read_text(encoding="utf-8") == "kept"
