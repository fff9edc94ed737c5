"""Work split over forked worker processes (one per core), the one home of it.

Python-Markdown, Jinja, OpenCC's callers and the offline link rewriting are
pure Python and hold the GIL, so threads would not use the second core. The
workers are forked: each inherits what the parent loaded (MkDocs'
configuration and files, the theme, the layout) instead of pickling it, and
only the items' positions go to them. Below `PARALLEL_FROM` items, or where
fork is not available, the work runs in this process: starting workers costs
more than a few pages; but the largest of a few goes to a process of its own
when the others are big enough to keep this one busy meanwhile (`SPLIT_FROM`).

A process that waits for another (the work beside it, a pool's result)
first does what it queued for its waits (`later`, `when_idle`), while the
other core works: a cache file that only the next build reads, or a step of
the MkDocs run done ahead.
"""
from __future__ import annotations

import gc
import multiprocessing
import os

from .cache import collector_paused
from .errors import InputError, signals_held, worker_signals

PARALLEL_FROM = 8  # items before worker processes pay for their start
# The size (`map_forked`'s: characters of a page's Markdown or HTML) of the
# smaller items that makes a fork for the largest worth it: ≈ 25 ms of
# conversion, against ≈ 10 ms to fork the build and take the result back.
SPLIT_FROM = 100_000

_JOB = None  # (function, items): what the forked workers work on


def start_worker() -> None:
    """Initializer of the processes forked from the grown build (tagging,
    pages, the work beside): the build's signal handling undone
    (errors.worker_signals), and what the process inherited moved out of the
    garbage collector's sight (gc.freeze), so that its collections look only
    at what it makes, not at the build's whole heap, and do not write to (and
    so copy) the memory pages it shares with the build. Not the volume
    workers: forked from a small build, they keep what they make (lines,
    audit records), and with the inherited objects frozen the collector,
    which sizes its full collections by the objects it sees, runs them far
    more often over that growing heap (the volumes came a second later)."""
    worker_signals()
    gc.freeze()


def pool(processes: int, initializer=start_worker):
    """A pool of forked workers, forked with the build's signals held
    (errors.signals_held) until `initializer` has made them the worker's."""
    with signals_held():
        return multiprocessing.get_context("fork").Pool(processes, initializer=initializer)


def processes() -> int:
    return os.cpu_count() or 1


def _worker(index: int):
    function, items = _JOB
    result = function(items[index])
    run_later()  # a pool's worker never waits: what the item queued (its cache files), now
    return result


def _use_workers(count: int, processes: int) -> bool:
    return processes > 1 and count >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods()


def _largest_beside(items: list, processes: int, size) -> int | None:
    """The position of the item worth doing beside the others (in a process
    of its own while this one does the rest): when there are too few items
    for a pool but the others together are big enough to pay for a fork (a
    rebuild's printable page beside its changed chapter and the 修订记录)."""
    if processes < 2 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    sizes = [size(item) for item in items]
    largest = sizes.index(max(sizes))
    return largest if sum(sizes) - sizes[largest] >= SPLIT_FROM else None


def map_forked(function, items: list, processes: int, size=lambda item: 0) -> list:
    """[function(item) for item in items], over forked workers when worth it;
    the results must pickle. `size` orders the work largest first, so that no
    worker is left with the longest item at the end. Too few items for a
    pool: the largest may go beside the others (_largest_beside)."""
    global _JOB
    if not _use_workers(len(items), processes):
        largest = _largest_beside(items, processes, size)
        if largest is None:
            return [function(item) for item in items]
        beside = Beside(lambda: function(items[largest]), processes)
        try:
            results = [None if i == largest else function(item) for i, item in enumerate(items)]
            results[largest] = beside.result()
        finally:
            beside.release()
        return results
    _JOB = (function, items)
    try:
        with pool(processes) as running:
            order = sorted(range(len(items)), key=lambda i: -size(items[i]))
            results = dict(zip(order, running.imap(_worker, order)))
    finally:
        _JOB = None
    return [results[i] for i in range(len(items))]


class _Queue:
    """Work this process queued for its waits: (the id of the process that
    queued it, the function), so that a forked process, which inherits
    the list, does not run its parent's."""

    def __init__(self):
        self.items: list[tuple[int, object]] = []

    def add(self, function) -> None:
        self.items.append((os.getpid(), function))

    def run(self, until=lambda: False) -> None:
        """Run it in order until `until()` is true (by default, all of it)."""
        pid = os.getpid()
        while self.items and not until():
            owner, function = self.items.pop(0)
            if owner == pid:
                function()

    def drop(self) -> None:
        pid = os.getpid()
        self.items[:] = [(owner, f) for owner, f in self.items if owner != pid]


# `later`: needed by the end of the build (cache files only the next build
# reads); `when_idle`: worth doing only while a core idles (work the build
# does itself anyway when it gets there).
_LATER, _IDLE = _Queue(), _Queue()


def later(function) -> None:
    """`function()` run by this process the next time it waits for another
    with a core to spare — for the work beside it (Beside.result), which
    the other core is doing meanwhile — or at `run_later` at the latest:
    a cache file that only the next build reads (≈ 0.03 s to pickle a
    yearbook's export records) is then written while the build would
    idle, not on its critical path. What `function` reads must not change
    after the call."""
    _LATER.add(function)


def run_later(until=lambda: False) -> None:
    """Run what this process queued with `later`, in order, until `until()`
    is true (by default all of it)."""
    _LATER.run(until)


def drop_later() -> None:
    """Forget what this process queued (a build that failed: its caches are
    not written; a caller building again in this process does not inherit
    them), `when_idle` work too."""
    _LATER.drop()
    _IDLE.drop()


def when_idle(function) -> None:
    """`function()` run only if this process waits for another with a core
    to spare before the work is dropped (`drop_idle`): work that saves time
    later in the build when done while a core idles, and that the build
    does itself anyway if it is not (compiling the theme's templates into
    Jinja's bytecode cache during a cold build's waits). Each function
    should be short: a wait ends only between two."""
    _IDLE.add(function)


def drop_idle() -> None:
    _IDLE.drop()


_FINISHING: list = []  # processes beside the build, released after their answer (Beside.release)


def settle() -> None:
    """Wait for the processes released after their answer (Beside.release)
    to finish writing their cache files: before a cache folder is pruned,
    which would otherwise delete a file still being written (its .tmp)."""
    while _FINISHING:
        _FINISHING.pop().join()


def finish() -> None:
    """The end of a build: what this process queued for later, then the
    processes still finishing theirs (their cache files) waited for."""
    run_later()
    drop_idle()
    settle()


def idle_steps(steps) -> None:
    """The steps of the generator `steps` run as `when_idle` work, one step
    at a time, in order. A step that fails ends it quietly: what it did
    ahead, the build does itself, and reports a failure there."""
    def step() -> None:
        try:
            next(steps)
        except StopIteration:
            return
        except Exception:  # noqa: BLE001 (done again, and reported, where the build needs it)
            return
        _IDLE.items.insert(0, (os.getpid(), step))  # the next step before other idle work

    when_idle(step)


def next_waiting(results):
    """The next result of a pool's `imap`, with what this process queued
    run while the result is not ready (`waiting`)."""
    got = []

    def ready() -> bool:
        if not got:
            try:
                got.append(results.next(timeout=0))
            except multiprocessing.TimeoutError:
                return False
        return True

    waiting(ready)
    return got[0] if got else results.next()


def waiting(ready) -> None:
    """This process is about to wait for another until `ready()`: what it
    queued runs meanwhile, cache files (`later`) first."""
    _LATER.run(until=ready)
    _IDLE.run(until=ready)


class Beside:
    """function() computed in a forked process while this one goes on with
    other work (`result()` waits for it); in this process, at once, where fork
    is not available or only one core is. The result must pickle.

    The process is an ordinary child, not a pool's daemon, so the function may
    fork workers of its own (the name indexes tag over the cores). `cancel()`
    stops it, and those workers, when the build fails before it collects the
    result; after `result()` it waits for `afterwards`.

    `afterwards()`: the same process's work after it has sent the result,
    which the build does not wait for (writing cache files): `result()`
    returns without it, `join()` and `cancel()` wait for it. Its failure
    loses only what it would have written (an OSError: the next build makes
    that again)."""

    def __init__(self, function, processes: int, afterwards=None):
        self._process = None
        self._finishing = None  # the process after its result, at its `afterwards`
        self._afterwards = afterwards
        if processes > 1 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            # fork: the child runs `function` as this process has it; nothing is pickled on the way in.
            self._process = context.Process(target=_beside, args=(function, send, afterwards), daemon=False)
            with signals_held():
                self._process.start()
            send.close()
        else:
            self._value = function()
            if afterwards is not None:
                _quietly(afterwards)

    def result(self):
        if self._process is None:
            return self._value
        waiting(self._receive.poll)  # while the other core works on it
        try:
            with collector_paused():
                outcome, value = self._receive.recv()
        except EOFError:  # it died without an answer (killed)
            raise RuntimeError(f"the work beside the build stopped (exit code {self._process.exitcode})") from None
        finally:
            self._receive.close()
            self._finishing = self._process  # at its `later` work and `afterwards`: see join
            self._process = None
        if outcome == "error":
            raise value
        if outcome == "input":
            raise InputError(*value)
        self._value = value
        return value

    def release(self) -> None:
        """Done with it: stopped if it has not answered (cancel), else left to
        finish what it does after its answer (its `later` work, `afterwards`)
        while the build goes on; `finish` waits for it."""
        if self._process is not None:
            self.cancel()
        elif self._finishing is not None:
            _FINISHING.append(self._finishing)
            self._finishing = None

    def join(self) -> None:
        """Wait for what it does after its answer (after `result()`; nothing when it is done)."""
        if self._finishing is not None:
            self._finishing.join()
            self._finishing = None

    def cancel(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._receive.close()
            self._process = None
        self.join()


def _quietly(afterwards) -> None:
    try:
        afterwards()
    except OSError:  # a cache file not written: the next build makes it again
        pass


def _beside(function, send, afterwards=None) -> None:
    """The child's side of Beside: its answer, or the exception it raised,
    sent back. SIGTERM (cancel) ends it through SystemExit, so a pool it
    opened terminates its own workers on the way out; Ctrl-C is the build's."""
    import signal

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    start_worker()
    signal.signal(signal.SIGTERM, stop)
    try:
        answer = ("value", function())
    except InputError as exc:  # its constructor takes three arguments: send its parts
        answer = ("input", (exc.file, exc.problem, exc.line))
    except Exception as exc:  # noqa: BLE001 (raised again in the build process)
        answer = ("error", exc)
    try:
        send.send(answer)
    except Exception as exc:  # an exception that does not pickle: its message does
        send.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}; raised beside the build: {answer[1]!r}")))
        return
    finally:
        send.close()
    if answer[0] == "value":
        _quietly(run_later)  # what this process queued for later (cache files), after its answer
        if afterwards is not None:
            _quietly(afterwards)
