"""Work a process leaves for when it would wait (workers.later): cache files
that only the next build reads, written while the work beside the build
runs, or at the end of the build at the latest, and never by another process."""
from __future__ import annotations

import os
import time

import pytest

from build_scripts import workers

from project import small_project
from test_workers_beside import in_a_fresh_process


@pytest.fixture(autouse=True)
def _nothing_left():
    workers.drop_later()
    yield
    workers.drop_later()


def test_queued_work_runs_in_order_when_asked_for():
    done = []
    workers.later(lambda: done.append(1))
    workers.later(lambda: done.append(2))
    assert done == []  # not at once: it waits for a wait
    workers.run_later()
    assert done == [1, 2]
    workers.run_later()
    assert done == [1, 2]  # once


def test_dropped_work_does_not_run():
    done = []
    workers.later(lambda: done.append(1))
    workers.drop_later()
    workers.run_later()
    assert done == []


@in_a_fresh_process
def test_waiting_for_the_work_beside_runs_the_queue_while_that_work_goes_on(tmp_path):
    flag = tmp_path / "beside-done"

    def beside():
        time.sleep(0.5)
        flag.write_text("done")
        return os.getpid()

    seen = []
    running = workers.Beside(beside, 2)
    workers.later(lambda: seen.append(flag.exists()))
    child = running.result()
    assert child != os.getpid()
    assert seen == [False]  # it ran before the answer came, not after


@in_a_fresh_process
def test_a_forked_process_does_not_run_what_its_parent_queued(tmp_path):
    marks = tmp_path / "marks"
    marks.mkdir()
    workers.later(lambda: (marks / str(os.getpid())).write_text("x"))

    def beside():
        workers.later(lambda: (marks / f"child-{os.getpid()}").write_text("x"))
        return os.getpid()

    child = workers.Beside(beside, 2).result()
    time.sleep(0.3)  # the child runs its own queue after its answer
    assert (marks / f"child-{child}").exists()
    assert not (marks / str(child)).exists()  # the parent's work, inherited, not run there
    workers.run_later()
    assert (marks / str(os.getpid())).exists()  # here, once


def test_a_build_writes_its_kept_files_by_its_end(tmp_path):
    """The deferred cache files of a build (its search and export parts,
    pypinyin's readings) are on disk when the build returns, and a second
    build finds them (nothing made again)."""
    from build_scripts import readings, site
    from build_scripts.cache import Cache

    root = small_project(tmp_path / "p", "2099年,{part}工作稳步推进,镇长李学义主持全年工作。",
                         "某某局2099年工作总结\n\n一、主要工作\n\n局长王伟主持召开工作会议。\n")
    readings.MEMO.clear()  # (another test's build may have asked pypinyin everything already)
    site.build(root, site.Progress(quiet=True))
    cache = Cache(root)
    assert cache.load_kept("search") and cache.load_kept("export")
    assert cache.load_readings()
    assert workers._LATER.items == []


def test_idle_work_runs_only_in_a_wait_and_is_dropped_otherwise():
    done = []
    workers.when_idle(lambda: done.append("idle"))
    workers.later(lambda: done.append("later"))
    workers.waiting(lambda: False)  # a wait long enough for everything: the cache files first
    assert done == ["later", "idle"]
    workers.when_idle(lambda: done.append("never"))
    workers.run_later()  # the end of a build: the cache files, not the work ahead
    workers.drop_idle()
    workers.waiting(lambda: False)
    assert done == ["later", "idle"]


def test_a_wait_ends_between_two_steps_of_idle_work():
    done = []

    def steps():
        for n in range(5):
            done.append(n)
            yield

    workers.idle_steps(steps())
    workers.waiting(lambda: len(done) >= 2)  # the other process answered after two steps
    assert done == [0, 1]
    workers.waiting(lambda: False)
    assert done == [0, 1, 2, 3, 4]


def test_a_failing_step_ends_its_work_quietly():
    done = []

    def steps():
        done.append(1)
        yield
        raise OSError("no space left")

    def others():
        done.append("other")
        yield

    workers.idle_steps(steps())
    workers.idle_steps(others())
    workers.waiting(lambda: False)
    assert done == [1, "other"]


@in_a_fresh_process
def test_waiting_for_a_pool_s_result_runs_idle_work_until_it_is_ready():
    done = []
    workers.when_idle(lambda: (time.sleep(0.05), done.append("ahead")))
    with workers.pool(1) as pool:
        results = pool.imap(time.sleep, [0.4])
        assert workers.next_waiting(results) is None  # time.sleep's result, once ready
    assert done == ["ahead"]


@in_a_fresh_process
def test_work_beside_released_after_its_answer_finishes_its_files_while_the_build_goes_on(tmp_path):
    mark = tmp_path / "kept"

    def beside():
        workers.later(lambda: (time.sleep(0.5), mark.write_text("x")))
        return "answer"

    running = workers.Beside(beside, 2)
    assert running.result() == "answer"
    started = time.monotonic()
    running.release()
    assert time.monotonic() - started < 0.3  # not waited for here
    assert not mark.exists()
    workers.finish()  # the end of the build: waited for
    assert mark.exists()


@in_a_fresh_process
def test_a_pool_worker_writes_what_an_item_queued_before_its_result_comes_back(tmp_path):
    def item(n):
        workers.later(lambda: (tmp_path / str(n)).write_text("x"))
        return n

    assert workers.map_forked(item, list(range(8)), 2) == list(range(8))
    assert sorted(p.name for p in tmp_path.iterdir()) == [str(n) for n in range(8)]


@in_a_fresh_process
def test_a_cache_folder_is_pruned_only_once_released_work_has_written_into_it(tmp_path):
    """The printable page's layout worker writes its kept page after its
    answer; the build prunes the folder after settling with it, so the file
    being written (its .tmp, then renamed) is not deleted under it."""
    from build_scripts import cache as cache_module
    from build_scripts.cache import Memo

    memo = Memo(tmp_path / "kept")
    key = memo.key("the printable page")

    def beside():
        replace = cache_module.os.replace

        def slow(src, dst):  # a large file: the rename comes a while after the .tmp appeared
            time.sleep(0.4)
            replace(src, dst)

        cache_module.os.replace = slow
        workers.later(lambda: memo.put(key, b"<html>"))
        return "laid out"

    running = workers.Beside(beside, 2)
    assert running.result() == "laid out"
    running.release()
    memo.used.add(key)  # the build looked it up
    time.sleep(0.1)  # the worker is writing now
    workers.settle()
    memo.prune()
    assert memo.get(key) == b"<html>"
