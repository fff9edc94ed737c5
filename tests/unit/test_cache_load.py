"""Cache files are read with the garbage collector paused (cache._unpickle)
and it runs again afterwards, whether the file was whole, damaged or missing."""
from __future__ import annotations

import gc

from build_scripts.cache import Cache


def test_a_kept_value_is_read_back_and_the_collector_runs_again(tmp_path):
    cache = Cache(tmp_path)
    value = {"河西": [("n", ("he", "xi"))] * 3}
    cache.save_kept("names", value)
    assert cache.load_kept("names") == value and gc.isenabled()
    (path,) = cache.dir.glob("names-*")
    path.write_bytes(path.read_bytes()[:20])  # cut short
    assert cache.load_kept("names") == {} and gc.isenabled()
    path.unlink()
    assert cache.load_kept("names") == {} and gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(tmp_path):
    cache = Cache(tmp_path)
    cache.save_kept("search", {"k": 1})
    gc.disable()
    try:
        assert cache.load_kept("search") == {"k": 1} and not gc.isenabled()
    finally:
        gc.enable()
