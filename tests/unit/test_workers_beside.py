"""Work beside the build (workers.Beside): in a child process that may fork
workers of its own, its exception raised in the build, and stopped with
those workers when the build cancels it."""
from __future__ import annotations

import functools
import os
import subprocess
import sys
import time

import pytest

from build_scripts import workers
from build_scripts.errors import InputError


FRESH = os.environ.get("BESIDE_TEST_FRESH") == "1"


def in_a_fresh_process(test):
    """Run `test` in a pytest process of its own. A process forked from a
    process with threads inherits the locks those threads held. By the time
    these tests run, pytest's process holds threads (the browser tests'
    Playwright driver), and a worker forked by the forked child once hung on
    such a lock (a futex) for good. The build forks from its own process,
    where the only other thread deletes files."""
    @functools.wraps(test)
    def run(*args, **kwargs):
        if FRESH:
            return test(*args, **kwargs)
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{sys.modules[test.__module__].__file__}::{test.__name__}"],
            env=dict(os.environ, BESIDE_TEST_FRESH="1"), capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return run


def _pids_of_a_pool() -> tuple[int, list[int]]:
    # The build's own pool (workers.pool: its workers die on SIGTERM), as the
    # names process opens it to tag. A plain Pool's workers would inherit this
    # process's SIGTERM handler (SystemExit, _beside), and one of them, waiting
    # for the task queue's lock when the pool terminated them, once never exited.
    with workers.pool(2) as pool:
        return os.getpid(), sorted(set(pool.map(_pid_after_a_moment, range(8))))


def _pid_after_a_moment(_):
    time.sleep(0.05)
    return os.getpid()


@in_a_fresh_process
def test_the_work_beside_may_fork_workers_of_its_own():
    beside = workers.Beside(_pids_of_a_pool, 2)
    child, pool = beside.result()
    assert child != os.getpid() and pool and os.getpid() not in pool and child not in pool


def test_its_exception_is_raised_in_the_build_input_errors_whole():
    def bad_input():
        raise InputError("seeds/pinyin-phrases.yml", "expected a mapping", 3)

    with pytest.raises(InputError) as raised:
        workers.Beside(bad_input, 2).result()
    assert (raised.value.file, raised.value.problem, raised.value.line) == ("seeds/pinyin-phrases.yml", "expected a mapping", 3)
    with pytest.raises(ZeroDivisionError):
        workers.Beside(lambda: 1 / 0, 2).result()


@in_a_fresh_process
def test_cancel_stops_the_work_and_the_workers_it_forked(tmp_path):
    pids = tmp_path / "pids"

    def slow():
        with workers.pool(2) as pool:  # (as _pids_of_a_pool)
            pids.write_text(" ".join(str(p.pid) for p in pool._pool))
            pool.map(time.sleep, [30, 30])

    beside = workers.Beside(slow, 2)
    for _ in range(200):
        if pids.exists() and pids.read_text():
            break
        time.sleep(0.02)
    started = time.monotonic()
    beside.cancel()
    assert time.monotonic() - started < 10
    for _ in range(200):
        alive = [p for p in map(int, pids.read_text().split()) if _alive(p)]
        if not alive:
            break
        time.sleep(0.02)
    assert not alive, "the workers of the cancelled work kept running"
    beside.cancel()  # once stopped, again is nothing


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_in_one_process_the_work_is_done_at_once():
    calls = []
    beside = workers.Beside(lambda: calls.append(os.getpid()) or "done", 1)
    assert calls == [os.getpid()] and beside.result() == "done"
    beside.cancel()


@in_a_fresh_process
def test_work_after_the_result_is_not_waited_for_and_is_joined(tmp_path):
    """The names process writes its cache files after sending the indexes:
    the build has the result while that goes on, and `join` waits for it."""
    gate, kept = tmp_path / "gate", tmp_path / "kept"

    def afterwards():
        deadline = time.monotonic() + 30
        while not gate.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        kept.write_text("门开之后" if gate.exists() else "等到超时", encoding="utf-8")

    beside = workers.Beside(lambda: "名录", 2, afterwards=afterwards)
    assert beside.result() == "名录"  # (had it waited for `afterwards`: the 30 s deadline)
    assert not kept.exists()
    gate.touch()
    beside.join()
    assert kept.read_text(encoding="utf-8") == "门开之后"


def test_work_after_the_result_runs_at_once_in_one_process_and_a_failed_write_is_quiet(tmp_path, capfd):
    calls = []
    beside = workers.Beside(lambda: "名录", 1, afterwards=lambda: calls.append("写缓存"))
    assert calls == ["写缓存"] and beside.result() == "名录"

    def unwritable():
        (tmp_path / "无此目录" / "kept").write_text("x")  # FileNotFoundError, an OSError

    for n in (1, 2):
        beside = workers.Beside(lambda: "名录", n, afterwards=unwritable)
        assert beside.result() == "名录"
        beside.cancel()  # waits for it: no exception, no traceback
    assert "Traceback" not in capfd.readouterr().err


def test_forked_work_leaves_what_it_inherited_out_of_the_collector_s_sight():
    import gc

    inherited = [{"条目": i} for i in range(1000)]  # noqa: F841 (objects the children inherit)
    assert workers.Beside(gc.get_freeze_count, 2).result() > 1000
    counts = workers.map_forked(lambda _: gc.get_freeze_count(), list(range(workers.PARALLEL_FROM)), 2)
    assert min(counts) > 1000 and gc.get_freeze_count() == 0


CANCELLED_AT_ONCE = """
import signal, sys, time
from build_scripts import workers
from build_scripts.errors import Interrupted

def terminated(signum, frame):  # the build's own handler (__main__._terminated)
    raise Interrupted(signum)

signal.signal(signal.SIGTERM, terminated)
for _ in range(20):
    beside = workers.Beside(lambda: time.sleep(5), 2)
    beside.cancel()  # a stage failed at once: the child is still starting
with workers.pool(2) as pool:
    pool.terminate()  # the same for a pool's workers just forked
print("done")
"""


def test_work_cancelled_while_its_process_starts_prints_no_traceback():
    # The child inherits the build's handlers until its own are set; the
    # signal must wait until then (seen: a glossary error in the build, the
    # names process cancelled at once, a traceback from multiprocessing).
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", CANCELLED_AT_ONCE], cwd=root, capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, PYTHONPATH=str(root)))
    assert proc.returncode == 0 and proc.stdout == "done\n", proc.stderr
    assert "Traceback" not in proc.stderr and "Interrupted" not in proc.stderr
