"""Letter-spaced lines (字间空格, repair/letter_spacing.py) at the edges of the rule:
at least 4 pieces, at least 4 of them Chinese, 80 % single characters; a space
between two Latin words stays; a table row is never touched; each join audited."""
from __future__ import annotations

import pytest

from build_scripts.model import Line
from build_scripts.repair.letter_spacing import is_letter_spaced, join_letter_spacing

LINE = Line("", "b.txt", 3)


def _join(text):
    audit: list = []
    out = join_letter_spacing(text, LINE, audit)
    return out, [(r.kind, r.before, r.after, r.file, r.line) for r in audit]


@pytest.mark.parametrize("text,out", [
    ("全 区 普 通 中 学 30 所", "全区普通中学30所"),
    ("全 区 普 通", "全区普通"),  # four pieces: enough
    ("2006 年 通 州 区 大 事 记", "2006年通州区大事记"),
    ("全 区 GDP 增 长", "全区GDP增长"),
    ("全， 区， 普 通", "全，区，普通"),  # a mark after a character is part of its piece
    ("全 区 普 通 中学", "全区普通中学"),  # one piece in five the extraction did not space
    ("使 用 GPS devices 中 国", "使用GPS devices中国"),  # Latin words keep their space
])
def test_a_letter_spaced_line_loses_its_spaces_and_says_so(text, out):
    assert _join(text) == (out, [("letter-spacing", text, out, "b.txt", 3)])


@pytest.mark.parametrize("text", [
    "全 区 普",  # three pieces
    "a b c d e",  # no Chinese
    "全 区 a b c",  # two Chinese pieces
    "全 区 普 通 中 学 中学 中学",  # 6 of 8 single: below the share
    "刘 琳 孟冬梅",  # a name list
    "刘 琳 孟冬梅 张 三",  # a roster padding two-character names to three
    "孟冬梅 刘 琳 张 三 王小明 李 四",
    "全\t区 普 通 中",  # a table row
    "全区普通中学",
])
def test_a_line_without_that_rhythm_keeps_its_spaces(text):
    assert _join(text) == (text, [])


def test_the_share_of_single_pieces_is_at_least_four_in_five():
    assert is_letter_spaced("全 区 普 通 中学")  # 4 of 5
    assert not is_letter_spaced("全 区 普 中学 中学")  # 3 of 5


def test_a_padded_roster_needs_whole_names_and_paired_characters():
    # an odd run of single characters, or no whole name: letter-spaced text
    assert is_letter_spaced("刘 琳 孟冬梅 张 三 李")
    assert is_letter_spaced("全 区 普 通 中 学 30 所")
    assert is_letter_spaced("全 区 普 通 中学")
    assert not is_letter_spaced("刘 琳 孟冬梅 张 三")
