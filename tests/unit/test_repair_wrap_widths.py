"""The widths the body-column chain reads (repair/wrap._widths_at) are those
printed_width gives, to the last half column, for any mix of characters."""
import random

from build_scripts.repair import wrap


def test_widths_at_positions_are_the_printed_widths_of_the_prefixes():
    rng = random.Random(5)
    alphabet = "中文河西，。“”（）,:;?!()\" a1Z%—…·\t\u3000ｱ😀"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        positions = sorted(rng.randint(0, len(text)) for _ in range(rng.randint(1, 12)))
        assert wrap._widths_at(text, positions) == [wrap.printed_width(text[:p]) for p in positions], text


def test_a_space_is_half_a_column_and_a_chinese_mark_two():
    assert wrap._widths_at("中 a，", [0, 1, 2, 3, 4]) == [0, 2, 2.5, 3.5, 5.5]
