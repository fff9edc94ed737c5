"""OpenCC's t2s characters of the search (search/normalise.t2s_pairs) are
kept by the build cache (cache.Cache.t2s_pairs): the kept answer is OpenCC's,
a later build reads it without converting again, and a damaged or another
code version's file is not used."""
from __future__ import annotations

import importlib

from build_scripts import cache as cache_module
from build_scripts.cache import Cache

# the module (build_scripts.search's own `normalise` is its function)
normalise = importlib.import_module("build_scripts.search.normalise")


def test_the_kept_pairs_are_opencc_s_and_are_read_without_opencc(tmp_path, monkeypatch):
    first = Cache(tmp_path).t2s_pairs()
    assert first == normalise.t2s_pairs() and ("題", "题") in first

    def no_opencc():
        raise AssertionError("converted again")

    monkeypatch.setattr(normalise, "t2s_pairs", no_opencc)
    assert Cache(tmp_path).t2s_pairs() == first


def test_a_damaged_file_or_another_code_version_is_converted_again(tmp_path, monkeypatch):
    cache = Cache(tmp_path)
    cache.t2s_pairs()
    (kept,) = cache.dir.glob("t2s-*")
    kept.write_bytes(b"\x80 damaged")
    assert Cache(tmp_path).t2s_pairs() == normalise.t2s_pairs()
    assert Cache(tmp_path)._load(kept) == normalise.t2s_pairs(), "the damaged file was not rewritten"
    monkeypatch.setattr(cache_module, "_code", "another version")
    monkeypatch.setattr(normalise, "t2s_pairs", lambda: (("門", "门"),))
    assert Cache(tmp_path).t2s_pairs() == (("門", "门"),)
    assert [p.name for p in cache.dir.glob("t2s-*")] == [f"t2s-{cache_module.code_hash()[:16]}.pickle"]
