"""Line shapes (行的形态) the structure parsers read: which line is a numbered
章/分目 heading and with which ordinal, and which line has a heading's shape at
all. Each case is a line a yearbook prints; the parsers build the outline on
these answers, so a wrong ordinal or a sentence taken for a heading moves text
under the wrong heading."""
import pytest

from build_scripts.structure import shapes


@pytest.mark.parametrize("line, expected", [
    ("一、工业经济", (1, 1, "工业经济")),
    ("九、社会事业", (1, 9, "社会事业")),
    ("十、民生保障", (1, 10, "民生保障")),
    ("十一、党建", (1, 11, "党建")),
    ("十九、附录", (1, 19, "附录")),
    ("二十、统计资料", (1, 20, "统计资料")),
    ("二十三、人物", (1, 23, "人物")),
    ("九十九、其他", (1, 99, "其他")),
    ("（十）文物保护", (2, 10, "文物保护")),
    ("（二十一）社区", (2, 21, "社区")),
    ("第二十章 交通", (1, 20, "交通")),
    ("第十二节 水利", (2, 12, "水利")),
])
def test_a_numbered_heading_reads_its_ordinal_as_the_book_counts(line, expected):
    assert shapes.numbered_heading(line) == expected


@pytest.mark.parametrize("line", [
    "一二、工业",     # two units: no ordinal
    "一二十、工业",   # two tens
    "十一二、工业",   # two units after the ten
    "二三四、工业",
    "（一二）农业",
])
def test_a_malformed_numeral_is_no_heading(line):
    assert shapes.numbered_heading(line) is None


@pytest.mark.parametrize("line", ["十十、工业", "二一十、工业", "十一十、工业", "（十十）农业"])
def test_an_ocr_garbled_numeral_is_no_heading_and_no_crash(line):
    # OCR doubles or swaps a numeral now and then: the line stays text; the
    # build must not stop on it with a traceback.
    assert shapes.numbered_heading(line) is None


@pytest.mark.parametrize("numeral, n", [("十", 10), ("十一", 11), ("二十", 20), ("三十五", 35), ("五", 5)])
def test_ordinals_of_month_and_heading_numbers(numeral, n):
    assert shapes.ordinal(numeral) == n


@pytest.mark.parametrize("numeral", ["十十", "一二", "二二十", "十一二", "九九九"])
def test_an_impossible_ordinal_is_none(numeral):
    assert shapes.ordinal(numeral) is None


@pytest.mark.parametrize("line", [
    "工业经济",
    "城市管理与综合执法",
    "经" * shapes.HEADING_MAX,          # exactly the limit
    " 先进集体名单 ",                     # the extraction's spaces around it
])
def test_short_lines_without_sentence_marks_have_a_heading_shape(line):
    assert shapes.is_heading_shape(line)


@pytest.mark.parametrize("line, why", [
    ("", "empty"),
    ("   ", "blank"),
    ("经" * (shapes.HEADING_MAX + 1), "longer than a heading"),
    ("项目\t金额", "a table row"),
    ("党建\t12", "a table row of two cells"),
    ("【概况】", "an entry title"),
    ("（附表）区级财政收入", "a bracketed note"),
    ("(附表)区级财政收入", "a half-width bracketed note"),
    ("——在区委全会上的讲话", "a speech subtitle"),
    ("全区工业增长，效益提升", "a sentence"),
    ("2023年工作回顾", "a dated caption line"),
    ("10月 全区运动会", "a dated caption line"),
    ("一、工业经济", "a numbered item: the numbered-heading rule decides"),
    ("1.基本情况", "a numbered list item"),
    ("第一，加强领导", "an enumeration"),
    ("12.5 %", "figures only"),
    ("2023", "a year alone"),
    ("ABC", "no Chinese character"),
])
def test_lines_that_are_no_heading_shape(line, why):
    assert not shapes.is_heading_shape(line), why
