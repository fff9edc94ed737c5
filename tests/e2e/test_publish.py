"""Publishing survives failures, signals and kills at any point (build_scripts/publish.py).

The swap is run in a child process that is killed (SIGKILL: no handler, no
cleanup) right before, then right after, each file-system step of the swap:
journal write, each exchange or rename, the clean-up. After every kill the
project must hold a complete site (all old or all new, never a mix and never
none), and the next build must complete the interrupted swap and succeed.
Real builds are also killed (SIGKILL and SIGTERM) while MkDocs runs and
inside the swap.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from build_scripts import publish as publish_module
from build_scripts.errors import BuildError
from build_scripts.publish import publish, recover

from project import ROOT
from project import PUBLISHED_FILES as SITE_FILES, published_outputs as _outputs, site_generation as _generation, staged_build as _staged
from test_bad_input import make_project, run_build, snapshot


# --- fake trees (tests/project.py): old outputs in place, a finished build staged under .build --

def _assert_all_new(root: Path) -> None:
    assert _generation(root / "site") == "new" and _generation(root / "dist") == "new"
    assert (root / "docs" / "vol" / "page.md").read_text(encoding="utf-8") == "new"
    assert (root / "docs" / "new-vol" / "page.md").read_text(encoding="utf-8") == "new"
    assert (root / "docs" / "guide.md").read_text(encoding="utf-8") == "hand-written"
    assert (root / "docs" / ".generated").read_text(encoding="utf-8") == "index.md\nnew-vol\nvol\n"
    assert not (root / ".build" / "publish.json").exists()


def _assert_all_old(root: Path) -> None:
    assert _generation(root / "site") == "old" and _generation(root / "dist") == "old"
    assert (root / "docs" / "vol" / "page.md").read_text(encoding="utf-8") == "old"
    assert not (root / "docs" / "new-vol").exists()
    assert (root / "docs" / ".generated").read_text(encoding="utf-8") == "vol\nindex.md\n"


# The child: runs publish() with every file-system step wrapped; it kills
# itself with SIGKILL (or SIGTERM) before or after step number N.
CHILD = textwrap.dedent("""
    import os, shutil, signal, sys
    from pathlib import Path
    from build_scripts import publish as p
    from build_scripts.__main__ import _terminated
    signal.signal(signal.SIGTERM, _terminated)  # as the command line does
    # Ctrl-C as a terminal delivers it: a test runner started in the background
    # by a shell without job control hands its children SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    root, n, when, sig = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], getattr(signal, sys.argv[4])
    count = [0]
    def wrap(fn):
        def step(*a, **k):
            count[0] += 1
            if count[0] == n and when == "before":
                os.kill(os.getpid(), sig)
            out = fn(*a, **k)
            if count[0] == n and when == "after":
                os.kill(os.getpid(), sig)
            return out
        return step
    p.os.rename = wrap(os.rename)
    p.os.replace = wrap(os.replace)
    p._exchange = wrap(p._exchange)
    p._sync_dir = wrap(p._sync_dir)
    p.shutil.rmtree = wrap(shutil.rmtree)
    p._remove = wrap(p._remove)
    stage = root / ".build"
    try:
        p.publish(root, stage / "docs", ["index.md", "new-vol", "vol"], stage / "site", stage / "dist")
    except KeyboardInterrupt as exc:
        print("interrupted", getattr(exc, "published", False))
        sys.exit(143)
    print("steps", count[0])
""")


def _child(root: Path, n: int, when: str, sig: str = "SIGKILL") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", CHILD, str(root), str(n), when, sig],
                          env=env, capture_output=True, text=True, timeout=60)


def test_a_kill_at_any_step_of_the_swap_leaves_a_whole_site_and_the_next_build_completes_it(tmp_path):
    killed = 0
    for n in range(1, 200):
        for when in ("before", "after"):
            root = tmp_path / f"p{n}{when}"
            _outputs(root, "old")
            _staged(root)
            proc = _child(root, n, when)
            if proc.returncode == 0:  # fewer steps than n: the swap ran to its end
                _assert_all_new(root)
                continue
            assert proc.returncode == -signal.SIGKILL, proc.stderr
            killed += 1
            # At every instant there is a whole site and a whole bundle.
            assert _generation(root / "site") in ("old", "new"), (n, when)
            assert _generation(root / "dist") in ("old", "new"), (n, when)
            assert (root / "docs" / "guide.md").read_text(encoding="utf-8") == "hand-written"
            # The next build first completes a begun swap (its journal is
            # there), before clearing .build/; without a journal the swap had
            # not begun (all old) or had ended (all new).
            begun = (root / ".build" / "publish.json").exists()
            assert recover(root) == begun
            if begun or _generation(root / "site") == "new":
                _assert_all_new(root)
            else:
                _assert_all_old(root)
        if proc.returncode == 0 and n > 3:
            break
    assert killed >= 12  # journal, 6 paths, syncs and clean-up: every one was a kill point


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])  # SIGINT: Ctrl-C
@pytest.mark.parametrize("n", [1, 2, 4, 7, 10])
def test_sigterm_during_the_swap_waits_for_it_and_says_so(tmp_path, n, sig):
    root = tmp_path
    _outputs(root, "old")
    _staged(root)
    proc = _child(root, n, "before", sig)
    assert proc.returncode == 143, proc.stdout + proc.stderr
    if n == 1:  # before the journal: the swap has not begun, all is old
        assert "interrupted False" in proc.stdout
        _assert_all_old(root)
    else:  # from the journal on, the swap runs to its end, then the signal counts
        assert "interrupted True" in proc.stdout
        _assert_all_new(root)


@pytest.mark.parametrize("fail_at", [0, 2, 4, 5])
def test_publish_failing_half_way_restores_the_previous_outputs(tmp_path, monkeypatch, fail_at):
    root = tmp_path
    _outputs(root, "old")
    stage = _staged(root)
    before = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
              if p.is_file() and ".build" not in p.parts}
    calls = {"n": 0}
    real_rename, real_exchange = os.rename, publish_module._exchange

    def count():
        calls["n"] += 1
        if calls["n"] == fail_at + 1:  # the disk fills once, at this step
            raise OSError(28, "No space left on device", "x")

    monkeypatch.setattr(publish_module.os, "rename", lambda a, b: (count(), real_rename(a, b)))
    monkeypatch.setattr(publish_module, "_exchange", lambda a, b: (count(), real_exchange(a, b))[1])
    with pytest.raises(BuildError, match="previous site is left intact"):
        publish(root, stage / "docs", ["index.md", "new-vol", "vol"], stage / "site", stage / "dist")
    after = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
             if p.is_file() and ".build" not in p.parts}
    assert after == before


def test_publish_swaps_everything_when_it_succeeds(tmp_path):
    root = tmp_path
    _outputs(root, "old")
    (root / "docs" / ".generated").write_text("vol\nindex.md\ngone\n", encoding="utf-8")
    (root / "docs" / "gone").mkdir()
    stage = _staged(root)
    publish(root, stage / "docs", ["index.md", "new-vol", "vol"], stage / "site", stage / "dist")
    _assert_all_new(root)
    assert not (root / "docs" / "gone").exists()
    assert not (root / ".build" / "site").exists()
    # the old site waits to be the next build's site folder (reuse.py), the rest
    # in the trash, which the next build empties while it runs
    trash = root / ".build" / publish_module.TRASH
    assert (root / ".build" / publish_module.RECYCLE / "site" / "index.html").read_text(encoding="utf-8") == "old"
    assert not [item for item in trash.iterdir() if item.name.endswith("-site")]
    with publish_module.emptying_trash(root / ".build"):
        publish_module.discard(root / ".build", root / ".build" / "docs")  # discarded meanwhile: kept for the next one
    assert [p.name for p in trash.iterdir()] == ["0-docs"]


def test_a_damaged_generated_listing_never_moves_hand_written_files(tmp_path):
    """docs/.generated naming assets (an id "assets\\n" once put it there) or
    guide.md: those are hand-written, the swap leaves them where they are."""
    root = tmp_path
    _outputs(root, "old")
    (root / "docs" / "assets" / "javascripts").mkdir(parents=True)
    (root / "docs" / "assets" / "javascripts" / "search.js").write_text("js", encoding="utf-8")
    (root / "docs" / ".generated").write_text("assets\nguide.md\nvol\nindex.md\n", encoding="utf-8")
    stage = _staged(root)
    publish(root, stage / "docs", ["index.md", "new-vol", "vol"], stage / "site", stage / "dist")
    assert (root / "docs" / "assets" / "javascripts" / "search.js").read_text(encoding="utf-8") == "js"
    _assert_all_new(root)


# --- real builds, killed ------------------------------------------------------

@pytest.fixture(scope="module")
def built_twice(tmp_path_factory):
    """A project with a published site, and the site the next build (one
    changed seed) publishes; each test works on a copy."""
    base = make_project(tmp_path_factory.mktemp("kill"))
    assert run_build(base).returncode == 0
    old = snapshot(base)
    import shutil

    probe = tmp_path_factory.mktemp("kill-new") / "p"
    shutil.copytree(base, probe, symlinks=True)
    _change_seed(probe)
    assert run_build(probe).returncode == 0
    return base, old, snapshot(probe)


def _change_seed(root: Path) -> None:
    path = root / "seeds" / "report.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n三、新增内容\n\n新一年的工作。\n", encoding="utf-8")


def _copy(base: Path, dest: Path) -> Path:
    import shutil

    shutil.copytree(base, dest, symlinks=True)
    _change_seed(dest)
    return dest


def _snapshot_no_build(root: Path) -> dict[str, bytes]:
    files = {}
    for top in ("site", "dist"):
        for p in sorted((root / top).rglob("*")):
            if p.is_file():
                files[p.relative_to(root).as_posix()] = p.read_bytes()
    return files


def _whole(root: Path, old: dict, new: dict) -> str:
    """Which build's site/ and dist/ the project holds: 'old+old', 'new+new',
    'new+old' …, or 'broken' for a folder that is neither whole."""
    now = _snapshot_no_build(root)
    gens = []
    for top in ("site/", "dist/"):
        mine = {k: v for k, v in now.items() if k.startswith(top)}
        for name, snap in (("old", old), ("new", new)):
            if mine == {k: v for k, v in snap.items() if k.startswith(top)}:
                gens.append(name)
                break
        else:
            gens.append("broken")
    return "+".join(gens)


def _published(snap: dict) -> dict:
    return {k: v for k, v in snap.items() if k.startswith(("site/", "dist/"))}


KILL_IN_BUILD = textwrap.dedent("""
    import os, signal, sys
    from build_scripts import publish as p
    from build_scripts.__main__ import main
    n, sig = int(sys.argv[2]), getattr(signal, sys.argv[3])
    real = p._do
    count = [0]
    def step(s):
        count[0] += 1
        if count[0] == n:
            os.kill(os.getpid(), sig)
        return real(s)
    p._do = step
    sys.exit(main(["--root", sys.argv[1], "--quiet", "build"]))
""")


@pytest.mark.parametrize("step", [2, 10])  # a docs page folder; site/ (the last step of this project)
def test_real_build_killed_inside_the_swap_then_rebuilt(built_twice, tmp_path, step):
    base, old, new = built_twice
    root = _copy(base, tmp_path / "p")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", KILL_IN_BUILD, str(root), str(step), "SIGKILL"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "broken" not in _whole(root, old, new)
    # The manifest is also broken now: the next build still first completes
    # the swap (the staged new site is not thrown away), then fails in one line.
    (root / "seeds" / "glossary-extra.yml").write_text("terms: [unclosed\n", encoding="utf-8")
    proc = run_build(root)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert _whole(root, old, new) == "new+new"
    (root / "seeds" / "glossary-extra.yml").unlink()
    proc = run_build(root)
    assert proc.returncode == 0, proc.stderr
    assert _snapshot_no_build(root) == _published(new)


def _start(root: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "build_scripts", "--root", str(root), "build"],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(proc: subprocess.Popen, words: str) -> list[str]:
    """Read the build's progress lines until one holds `words`."""
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if words in line:
            return seen
    raise AssertionError("".join(seen))


@pytest.mark.parametrize("sig,at", [("SIGKILL", "read report.txt"), ("SIGKILL", "mkdocs build (hosted)"),
                                    ("SIGTERM", "offline bundle: derived"), ("SIGTERM", "search: "), ("SIGTERM", "wrote the offline pages")])
def test_real_build_killed_while_building_keeps_the_old_site(built_twice, tmp_path, sig, at):
    base, old, new = built_twice
    root = _copy(base, tmp_path / "p")
    proc = _start(root)
    _wait_for(proc, at)
    proc.send_signal(getattr(signal, sig))
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    if sig == "SIGTERM" and proc.returncode == 0:  # it had finished before the signal came
        assert _whole(root, old, new) == "new+new"
    elif sig == "SIGTERM":
        assert proc.returncode == 143
        errors = [l for l in rest.splitlines() if l.startswith("error:")]
        assert errors == ["error: interrupted; the previous site is left intact"] or \
            errors == ["error: interrupted just after the new site was published; site/ and dist/ are whole"], rest
        assert not _running_in(root)  # no MkDocs left running in the background
    assert "broken" not in _whole(root, old, new)
    proc2 = run_build(root)
    assert proc2.returncode == 0, proc2.stderr
    assert _snapshot_no_build(root) == _published(new)


def _running_in(root: Path) -> list[str]:
    """Command lines of processes working on the project (MkDocs' config is under it)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().decode(errors="replace")
        except OSError:
            continue
        if str(root) in text and "mkdocs" in text:
            found.append(text)
    return found


def test_two_builds_in_one_folder_one_waits_out_with_one_line(built_twice, tmp_path):
    base, old, new = built_twice
    root = _copy(base, tmp_path / "p")
    first = _start(root)
    _wait_for(first, "read ")
    second = run_build(root)
    assert second.returncode == 1
    (message,) = second.stderr.strip().splitlines()
    assert message.startswith("error: another build is running in ") and "nothing was changed" in message
    rest = first.stderr.read()
    assert first.wait(timeout=600) == 0, rest
    assert _snapshot_no_build(root) == _published(new)


def test_an_old_copy_that_cannot_go_to_the_trash_is_deleted_and_the_publish_stands(tmp_path):
    root = tmp_path
    _outputs(root, "old")
    stage = _staged(root)
    (stage / publish_module.TRASH).write_text("a file where the trash folder goes", encoding="utf-8")
    publish(root, stage / "docs", ["index.md", "new-vol", "vol"], stage / "site", stage / "dist")
    _assert_all_new(root)
    assert not (stage / "site").exists() and not (stage / "dist").exists()
