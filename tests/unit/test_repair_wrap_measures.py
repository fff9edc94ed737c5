"""What the wrap-space rule measures, and where it looks (repair/wrap.py):
the widths the body-column chain reads are those printed_width gives, to
the last half column; its patterns of spaces find the spaces the plain
patterns (look-behind first) find; a number's own spacing."""
import random
import re

from build_scripts.repair import wrap
from build_scripts.text import CJK, CJK_PUNCT


def test_widths_at_positions_are_the_printed_widths_of_the_prefixes():
    rng = random.Random(5)
    alphabet = "中文河西，。“”（）,:;?!()\" a1Z%—…·\t\u3000ｱ😀"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        positions = sorted(rng.randint(0, len(text)) for _ in range(rng.randint(1, 12)))
        assert wrap._widths_at(text, positions) == [wrap.printed_width(text[:p]) for p in positions], text


def test_a_space_is_half_a_column_and_a_chinese_mark_two():
    assert wrap._widths_at("中 a，", [0, 1, 2, 3, 4]) == [0, 2, 2.5, 3.5, 5.5]


def test_the_space_patterns_find_what_the_plain_patterns_find():
    side = f"{CJK}{CJK_PUNCT}"
    plain_candidate = re.compile(f"(?<=[{side.replace('】', '')}]) +(?=[{side}0-9A-Za-z])|(?<=[0-9A-Za-z%]) +(?=[{side}])")
    plain_ideograph = re.compile(f"(?<=[{CJK}]) +(?=[{CJK}])")
    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(rng.choice("中文】，。a1% \t ") for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in wrap._CANDIDATE.finditer(text)] == [m.span() for m in plain_candidate.finditer(text)]
        assert [m.span() for m in wrap._IDEOGRAPH_SPACE.finditer(text)] == [m.span() for m in plain_ideograph.finditer(text)]


def test_a_number_spaced_on_its_other_side_keeps_a_wrap_beside_it():
    def spacing(text):
        m = re.search("(?<=[0-9%]) (?=[中])|(?<=[中]) (?=[0-9])", text)
        return wrap._number_spacing(text, m)

    assert spacing("完成 28 中") and spacing("中 28 组") and spacing("a 1.5% 中")
    assert not spacing("完成28 中") and not spacing("中 28组") and not spacing("28 中")
