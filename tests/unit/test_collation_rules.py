"""GB/T 13418 index order, one rule per test, each failing if its rule is
dropped: homophones by code point, a heading before the longer ones it begins,
Latin letters and digits, the published pinyin, letter-bar groups."""
from __future__ import annotations

import pytest

from build_scripts.errors import InputError
from build_scripts.indexes.collation import (
    DIGIT_GROUP, OTHER_GROUP, group_of, group_order, load_phrase_readings, pinyin_of, sort_key,
)


def _sorted(words):
    return sorted(words, key=sort_key)


def test_homophones_sort_by_code_point_whatever_follows():
    # 代 U+4EE3 and 带 U+5E26 are both dai4; by the next character 带班 (ban)
    # would come before 代表 (biao): only the code point puts 代 first.
    assert _sorted(["带班制度", "代表工作"]) == ["代表工作", "带班制度"]
    # shi4: 事 U+4E8B, 市 U+5E02, 是 U+662F (by the next character: 市场, 是日, 事业)
    assert _sorted(["市场监管", "是日", "事业单位"]) == ["事业单位", "市场监管", "是日"]


def test_homophone_order_follows_code_points_exactly():
    words = ["事项", "市场", "是否", "示范", "势头"]  # all shi4
    assert _sorted(words) == sorted(words, key=lambda w: ord(w[0]))


def test_a_heading_comes_before_the_longer_headings_it_begins():
    assert _sorted(["安全生产责任制", "安全生产", "安全"]) == ["安全", "安全生产", "安全生产责任制"]
    assert _sorted(["1月31日", "1月"]) == ["1月", "1月31日"]


def test_tone_decides_before_the_next_character():
    # 党(dang3) 校 vs 当(dang1) 选: tone 1 first although 选 > 校 by letters
    assert _sorted(["党校", "当选"]) == ["当选", "党校"]


def test_letters_decide_before_tone():
    # da4 before dai4 whatever the tones
    assert _sorted(["代办", "大会"]) == ["大会", "代办"]


def test_numbers_by_value_before_latin_before_chinese():
    assert _sorted(["阿拉伯", "APP推广", "12月", "2月"]) == ["2月", "12月", "APP推广", "阿拉伯"]
    assert _sorted(["b类", "A类", "C类"]) == ["A类", "b类", "C类"]


def test_full_width_digits_are_numbers_too():
    assert _sorted(["１２月", "３月"]) == ["３月", "１２月"]


def test_headings_differing_only_in_punctuation_keep_a_total_order():
    a, b = "“双碳”工作", "双碳工作"
    assert sort_key(a) != sort_key(b)
    assert _sorted([a, b]) == _sorted([b, a])


def test_published_pinyin_is_toned_syllables_and_numbers():
    assert pinyin_of("概况") == "gai4 kuang4"
    assert pinyin_of("2023年大事记") == "2023 nian2 da4 shi4 ji4"
    assert pinyin_of("APP推广") == "a p p tui1 guang3"
    assert pinyin_of("的") == "de5"  # neutral tone as 5
    assert pinyin_of("绿化") == "lü4 hua4"  # ü, not v
    assert pinyin_of("V2.0版") == "v 2 0 ban3"  # letters and each number, in place


def test_letter_groups():
    assert group_of("概况") == "G"
    assert group_of("2月") == DIGIT_GROUP
    assert group_of("APP推广") == "A"
    assert group_of("绿化") == "L"  # lü: the letter bar has no Ü
    assert group_of("——") == OTHER_GROUP
    assert sorted(["Z", OTHER_GROUP, "A", DIGIT_GROUP], key=group_order) == [DIGIT_GROUP, "A", "Z", OTHER_GROUP]


def test_a_reading_that_does_not_fit_the_phrase_is_ignored(tmp_path):
    path = tmp_path / "pinyin-phrases.yml"
    # two syllables for a three-character phrase; a syllable without its tone
    path.write_text("长护险: chang2 hu4\n长寿区: chang2 shou4 qu\n", encoding="utf-8")
    try:
        load_phrase_readings(path)
        assert group_of("长护险服务") == "Z" and group_of("长寿区") == "C"
    finally:
        load_phrase_readings(tmp_path / "absent.yml")


def test_a_reading_applies_to_every_occurrence_of_the_phrase(tmp_path):
    path = tmp_path / "pinyin-phrases.yml"
    path.write_text("长护险: chang2 hu4 xian3\n", encoding="utf-8")
    try:
        load_phrase_readings(path)
        assert pinyin_of("长护险与长护险及长护险") == " ".join(["chang2 hu4 xian3", "yu3", "chang2 hu4 xian3", "ji2", "chang2 hu4 xian3"])
    finally:
        load_phrase_readings(tmp_path / "absent.yml")


def test_phrase_readings_must_be_a_mapping(tmp_path):
    path = tmp_path / "pinyin-phrases.yml"
    path.write_text("- 长护险\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_phrase_readings(path)
    assert str(err.value) == "seeds/pinyin-phrases.yml: expected a mapping of phrase: toned pinyin"
    path.write_text("", encoding="utf-8")
    load_phrase_readings(path)  # an empty file is no readings
    assert group_of("长护险服务") == "Z"
