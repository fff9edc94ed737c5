"""A line is letter-spaced when its single-character pieces reach their
share (repair/letter_spacing.py), however early the count stops."""
import random
import re

from build_scripts.repair import letter_spacing as ls

_CJK = re.compile("[\u4e00-\u9fff]")


def _plain(text: str) -> bool:
    """The rule as first written: every piece counted."""
    pieces = text.split()
    if len(pieces) < ls.MIN_PIECES or not _CJK.search(text) or ls._padded_roster(pieces):
        return False
    single = sum(1 for p in pieces if len(_CJK.findall(p)) <= 1 and (len(p) <= 2 or not _CJK.search(p)))
    return single >= ls.SINGLE_SHARE * len(pieces) and sum(1 for p in pieces if _CJK.search(p)) >= ls.MIN_PIECES


def test_the_share_decides_as_when_every_piece_is_counted():
    rng = random.Random(4)
    pieces = ["全", "区", "普", "通", "中学", "30", "所，", "孟冬梅", "abc", "年"]
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert ls.is_letter_spaced(text) == _plain(text), text
        found += _plain(text)
    assert 100 < found < 2900  # both answers are reached
