"""text.width, the printed width the repair stage measures lines in: two
columns for what East Asian typesetting sets wide, one for the rest."""
import random
import unicodedata

from build_scripts.text import width


def test_width_counts_wide_characters_twice_whatever_the_text():
    rng = random.Random(11)
    alphabet = "河西区，。“”（）,:;()\" a1Z%—…·\t\u3000ｱｶ한😀é"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert width(text) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text), text


def test_an_ideograph_and_a_full_width_mark_take_two_columns_a_digit_one():
    assert width("河西，2024 a") == 12
    assert width("") == 0
