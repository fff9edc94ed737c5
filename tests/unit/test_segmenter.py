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
