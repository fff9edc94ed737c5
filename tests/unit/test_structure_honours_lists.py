"""人物·荣誉 name lists (名单): which lines are a list, and how a list line
splits into its people and units (the items a reader sees one per line)."""
import pytest

from build_scripts.structure.honours import is_name_list, name_items


@pytest.mark.parametrize("mark", ["，", "。", "；", "！", "？"])
def test_a_line_with_sentence_punctuation_is_an_account_not_a_list(mark):
    assert not is_name_list(["王某某 县人民医院副院长", f"李四{mark}赵五"])


def test_names_and_units_without_a_sentence_are_a_list():
    assert is_name_list(["王某某 县人民医院副院长 李四(女)", "某某有限公司"])


def test_lines_without_one_chinese_character_are_no_list():
    assert not is_name_list(["2023 2024", "A B"])
    assert not is_name_list([])


def test_names_set_apart_by_spaces_are_one_item_each():
    assert name_items("王某 李某某 赵五") == ["王某", "李某某", "赵五"]


def test_a_two_character_name_letter_spaced_is_one_name_and_so_is_the_next():
    assert name_items("张 三 李 四") == ["张三", "李四"]
    assert name_items("董 悦 某某有限公司") == ["董悦 某某有限公司"]


def test_a_lone_character_at_the_line_end_is_kept_as_printed():
    # no partner to make a name with: it stays, after the name before it
    assert name_items("王某 李") == ["王某 李"]


def test_a_name_keeps_its_bracketed_note():
    assert name_items("李四(女) 赵五（融媒）") == ["李四(女)", "赵五（融媒）"]


def test_a_name_with_its_post_is_one_item_and_the_next_name_starts_a_new_one():
    assert name_items("王某某 县人民医院副院长 李四") == ["王某某 县人民医院副院长", "李四"]


def test_units_follow_each_other_as_items_of_their_own():
    assert name_items("某某有限公司 某某实验学校") == ["某某有限公司", "某某实验学校"]


def test_a_pause_mark_splits_names_only_when_every_part_is_a_name():
    assert name_items("李某、王某某") == ["李某", "王某某"]
    # a unit's name is no person's: the pause mark belongs to the printed text
    assert name_items("某公司、某单位有限责任公司") == ["某公司、某单位有限责任公司"]
    # a trailing pause mark leaves no empty item
    assert name_items("李某、 王某") == ["李某", "王某"]
