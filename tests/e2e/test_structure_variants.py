"""The sample rewritten into other extractions' shapes (tests/variants.py)
comes out with the sample's structure: its 【】 entries under the same 篇,
no wrapped fragment as a heading, paragraphs whole across page breaks and
printed lines, no furniture left, the printed pages exact where the text
carries them, and `check` passing."""
from __future__ import annotations

import pytest

import variants

pytestmark = pytest.mark.slow

# The bars of issue 11 ("Done when").
RECALL = 0.98
PART_ACCURACY = 0.98
FRAGMENTS = 0.01
REJOINED = 0.97
PAGES = 0.98


@pytest.fixture(scope="module")
def reference():
    return variants.reference()


@pytest.mark.parametrize("name", [n for n in variants.VARIANTS if n != "sample"])
def test_variant_keeps_the_structure_of_the_sample(name, reference):
    m = variants.measure(variants.make(name), *reference)
    assert m["recall"] >= RECALL and m["part_acc"] >= PART_ACCURACY
    assert m["frag"] <= FRAGMENTS
    assert m["rejoin"] is None or m["rejoin"] >= REJOINED
    assert m["furniture"] == 0 and m["spaced"] == 0
    assert m["pages"] is None or m["pages"] >= PAGES
    assert m["check"] == "ok"


def test_check_fails_on_a_variant_whose_entries_are_lost(reference):
    """The measure can fail: with every 【】 broken (as an OCR might) the
    entries are lost, and `check` says so."""
    v = variants.make("no_running_heads")
    v.text = v.text.replace("【", "[").replace("】", "]")
    m = variants.measure(v, *reference)
    assert m["recall"] < 0.1 and m["check"].startswith("fails")
