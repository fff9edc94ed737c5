"""Line per printed line (repair/printed_lines.py) and letter-spaced lines
(repair/letter_spacing.py)."""
from build_scripts.model import Line
from build_scripts.repair import repair
from build_scripts.repair.letter_spacing import join_letter_spacing

TEXT = ("2023年，全区坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，"
        "全年地区生产总值增长4.4%，一般公共预算收入完成63.8亿元。")


def _printed(text, width=22):
    return [text[i : i + width] for i in range(0, len(text), width)]


def _run(texts):
    out, audit = repair([Line(t, "b.txt", i + 1) for i, t in enumerate(texts)])
    return [l.text for l in out if l.text], audit


def test_printed_lines_of_a_paragraph_are_one_paragraph_again():
    given = []
    for k in range(4):
        given += ["城市建设", f"【概况{k}】"] + _printed(TEXT)
    out, audit = _run(given)
    assert out.count(TEXT) == 4
    assert "城市建设" in out  # a heading after a finished sentence is not glued on
    assert any(r.kind == "printed-line-join" for r in audit)


def test_a_paragraph_set_one_per_line_is_left_alone():
    given = [TEXT, "城市建设", TEXT[5:], TEXT[9:]] * 6
    out, _ = _run(given)
    assert out.count("城市建设") == 6


def test_letter_spaced_line_loses_every_space_but_a_name_list_keeps_its_own():
    assert join_letter_spacing("全 区 普 通 中 学 30 所", Line("", "b", 1), []) == "全区普通中学30所"
    names = "区领导 穆生军 孟冬梅 杨 光 李 东"
    assert join_letter_spacing(names, Line("", "b", 1), []) == names


def test_two_columns_interleaved_line_by_line_are_put_back_in_order():
    left = _printed(TEXT * 3)
    right = _printed(TEXT.replace("全区", "全市") * 3)
    given = [x for pair in zip(left, right) for x in pair]
    out, audit = _run(given)
    assert "".join(out) == TEXT * 3 + TEXT.replace("全区", "全市") * 3
    assert any(r.kind == "columns" for r in audit)


def test_one_column_is_never_taken_for_two():
    out, audit = _run(_printed(TEXT * 6))
    assert "".join(out) == TEXT * 6 and not any(r.kind.startswith("columns") for r in audit)
