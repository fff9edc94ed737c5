"""Index order: pinyin character by character, tone, code point; digits first."""
from build_scripts.indexes.collation import group_of, load_phrase_readings, sort_key


def _sorted(words):
    return sorted(words, key=sort_key)


def test_headings_sort_character_by_character_as_the_printed_index_does():
    # 大(da) then 代(dai): the first character decides before later letters do
    assert _sorted(["代表意见建议办理", "大营门街道", "大联席、小机制"]) == ["大联席、小机制", "大营门街道", "代表意见建议办理"]


def test_same_letters_sort_by_tone():
    assert _sorted(["党校", "档案", "当下改"]) == ["当下改", "党校", "档案"]  # dang1, dang3, dang4


def test_polyphones_are_read_by_phrase():
    assert group_of("行业监管") == "H" and group_of("行政审判") == "X"
    assert group_of("调查研究") == "D" and group_of("人民调解") == "R"
    assert group_of("重点企业") == "Z" and group_of("重阳节") == "C"


def test_quotation_marks_do_not_count_for_order():
    assert group_of('" 保交楼 " 项目推动落实') == "B"
    assert _sorted(["“保交楼”项目", "办公用房"]) == ["办公用房", "“保交楼”项目"]


def test_headings_opening_with_a_number_come_first_in_numeric_order():
    assert _sorted(["安全生产", "2023 年度武装工作会议", "10月", "2月"]) == ["2月", "10月", "2023 年度武装工作会议", "安全生产"]
    assert group_of("2023 年度武装工作会议") == "0–9"


def test_the_books_own_phrase_readings_override_pypinyin(tmp_path):
    phrases = tmp_path / "pinyin-phrases.yml"
    phrases.write_text("长护险: chang2 hu4 xian3\n", encoding="utf-8")
    try:
        load_phrase_readings(phrases)
        assert group_of("长护险服务试点") == "C"
    finally:
        load_phrase_readings(tmp_path / "absent.yml")
    assert group_of("长护险服务试点") == "Z"


def test_a_broken_phrase_readings_file_is_a_one_line_input_error(tmp_path):
    import pytest

    from build_scripts.errors import InputError
    from build_scripts.indexes.collation import load_phrase_readings

    path = tmp_path / "pinyin-phrases.yml"
    path.write_text("长护险: [chang2\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_phrase_readings(path)
    assert "pinyin-phrases.yml" in str(err.value) and "invalid YAML" in str(err.value)


def test_a_heading_sorts_before_the_longer_headings_it_begins():
    # GB/T 13418 字序: "nothing before something" — 安全生产 before 安全生产责任制
    assert _sorted(["安全生产责任制", "安全生产"]) == ["安全生产", "安全生产责任制"]
    assert _sorted(["法治政府建设", "法治", "法治建设"]) == ["法治", "法治建设", "法治政府建设"]
