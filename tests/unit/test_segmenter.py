"""jieba imported without pkg_resources (segmenter.py) reads its own
dictionary by path: the same words and tags as with it."""
from __future__ import annotations

import json
import subprocess
import sys

from project import ROOT

PROBE = """
import json, sys
from build_scripts.segmenter import load_jieba
jieba = load_jieba()
import jieba.posseg
print(json.dumps({
    "pkg_resources": "pkg_resources" in sys.modules,
    "words": jieba.lcut("河西区民政局召开双拥工作会议", HMM=False),
    "tags": [(w.word, w.flag) for w in jieba.posseg.cut("区委书记李学义出席")],
}, ensure_ascii=False))
"""


def test_jieba_loads_its_dictionary_without_pkg_resources():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["pkg_resources"] is False
    assert got["words"] == ["河西区", "民政局", "召开", "双拥", "工作", "会议"]
    assert ["李学义", "nr"] in got["tags"]


DICTIONARY = """
import hashlib, json, sys
tmp = sys.argv[1] or None  # jieba's cache folder; "" for its default
if sys.argv[2:] == ["ours"]:
    from build_scripts import segmenter
    jieba = segmenter.import_jieba()
    if tmp:
        jieba.dt.tmp_dir = tmp
    segmenter.load_jieba()
else:
    import jieba
    if tmp:
        jieba.dt.tmp_dir = tmp
    jieba.setLogLevel(60)
    jieba.initialize()
digest = hashlib.sha256(json.dumps(sorted(jieba.dt.FREQ.items()), ensure_ascii=False).encode()).hexdigest()
print(json.dumps([digest, jieba.dt.total, len(jieba.dt.FREQ)]))
"""


def _dictionary(tmp: str, how: str):
    out = subprocess.run([sys.executable, "-c", DICTIONARY, tmp, how], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_dictionary_read_whole_from_jiebas_cache_is_jiebas():
    expected = _dictionary("", "jieba")  # jieba's own load (writing its cache if there is none)
    assert _dictionary("", "ours") == expected


def test_a_damaged_cache_is_rebuilt_by_jieba(tmp_path):
    (tmp_path / "jieba.cache").write_bytes(b"\x00not marshal")
    assert _dictionary(str(tmp_path), "ours") == _dictionary("", "jieba")
    assert (tmp_path / "jieba.cache").stat().st_size > 1_000_000  # rebuilt and written again
