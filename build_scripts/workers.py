"""Work split over forked worker processes (one per core), the one home of it.

Python-Markdown, Jinja, OpenCC's callers and the offline link rewriting are
pure Python and hold the GIL, so threads would not use the second core. The
workers are forked: each inherits what the parent loaded (MkDocs'
configuration and files, the theme, the layout) instead of pickling it, and
only the items' positions go to them. Below `PARALLEL_FROM` items, or where
fork is not available, the work runs in this process: starting workers costs
more than a few pages.
"""
from __future__ import annotations

import multiprocessing
import os

from .errors import worker_signals

PARALLEL_FROM = 8  # items before worker processes pay for their start

_JOB = None  # (function, items): what the forked workers work on


def processes() -> int:
    return os.cpu_count() or 1


def _worker(index: int):
    function, items = _JOB
    return function(items[index])


def _use_workers(count: int, processes: int) -> bool:
    return processes > 1 and count >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods()


def map_forked(function, items: list, processes: int, size=lambda item: 0) -> list:
    """[function(item) for item in items], over forked workers when worth it;
    the results must pickle. `size` orders the work largest first, so that no
    worker is left with the longest item at the end."""
    global _JOB
    if not _use_workers(len(items), processes):
        return [function(item) for item in items]
    _JOB = (function, items)
    try:
        with multiprocessing.get_context("fork").Pool(processes, initializer=worker_signals) as pool:
            order = sorted(range(len(items)), key=lambda i: -size(items[i]))
            results = dict(zip(order, pool.imap(_worker, order)))
    finally:
        _JOB = None
    return [results[i] for i in range(len(items))]


def each_forked(function, items: list, processes: int, size=lambda item: 0) -> None:
    """function(item) for every item, for its side effects (files written),
    over forked workers when worth it."""
    global _JOB
    if not _use_workers(len(items), processes):
        for item in items:
            function(item)
        return
    _JOB = (function, items)
    try:
        with multiprocessing.get_context("fork").Pool(processes, initializer=worker_signals) as pool:
            order = sorted(range(len(items)), key=lambda i: -size(items[i]))
            for _ in pool.imap_unordered(_worker, order):
                pass
    finally:
        _JOB = None


class Beside:
    """function() computed in a forked process while this one goes on with
    other work (`result()` waits for it); in this process where fork is not
    available or only one core is. The result must pickle."""

    def __init__(self, function, processes: int):
        self._pool = None
        if processes > 1 and "fork" in multiprocessing.get_all_start_methods():
            global _JOB
            _JOB = (lambda _: function(), [None])
            try:
                self._pool = multiprocessing.get_context("fork").Pool(1, initializer=worker_signals)
                self._pending = self._pool.apply_async(_worker, (0,))
            finally:
                _JOB = None  # the child has its copy
        else:
            self._value = function()

    def result(self):
        if self._pool is None:
            return self._value
        try:
            return self._pending.get()
        finally:
            self._pool.close()
            self._pool.join()
