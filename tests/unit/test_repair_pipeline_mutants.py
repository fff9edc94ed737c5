"""The repair stage's own rules (repair/__init__.py): which repeated lines are
running heads (书眉) and become 篇 breaks — found by repetition, or named by
the manifest — with their audit; which lines a line rule touches; and the
stage run as a whole."""
import pytest

from build_scripts.model import Line
from build_scripts.repair import PART_BREAK, mark_running_heads, per_line, repair, running_heads


def _lines(texts, kinds=None):
    kinds = kinds or {}
    return [Line(t, "b.txt", i + 1, kinds.get(i, "text")) for i, t in enumerate(texts)]


def _with_head(head, n, body="全区完成固定资产投资120亿元。"):
    texts = []
    for k in range(n):
        texts += [head, f"{body}{k}"]
    return texts


@pytest.mark.parametrize("head, n, found", [
    ("某市年鉴（2031）", 5, True),
    ("某市年鉴（2031）", 4, False),              # four times: not frequent enough
    ("某市某区某街道年鉴（2031）·政务篇章", 5, True),   # twenty characters
    ("某市某区某街道年鉴（2031）·政务篇章节", 5, False),  # twenty-one: a sentence, not a head
    ("某市年鉴", 5, False),                      # no year
    ("Yearbook 2031", 5, False),                # no Chinese character
    ("某市年鉴（31）", 5, False),                # a year has four digits
])
def test_a_running_head_is_short_frequent_and_carries_a_year(head, n, found):
    assert (head in running_heads(_lines(_with_head(head, n)))) is found


def test_a_running_head_is_counted_with_its_spaces_stripped():
    texts = _with_head("某市年鉴（2031）", 3) + _with_head(" 某市年鉴（2031） ", 2)
    assert running_heads(_lines(texts)) == {"某市年鉴（2031）"}
    assert running_heads(_lines(texts), min_repeats=6) == set()


def test_running_heads_become_break_lines_and_their_text_is_audited():
    texts = _with_head("某市年鉴（2031）", 5)
    texts[2] = " 某市年鉴（2031）"
    audit = []
    out = mark_running_heads(_lines(texts), audit)
    breaks = [(l.text, l.file, l.lineno, l.kind) for l in out if l.kind == "break"]
    assert breaks == [(PART_BREAK, "b.txt", n, "break") for n in (1, 3, 5, 7, 9)]
    assert [l.text for l in out if l.kind != "break"] == texts[1::2]
    assert [(r.file, r.line, r.kind, r.before, r.after, r.reason) for r in audit][:2] == [
        ("b.txt", 1, "running-head", "某市年鉴（2031）", "", "page running head (书眉)"),
        ("b.txt", 3, "running-head", " 某市年鉴（2031）", "", "page running head (书眉)"),
    ]
    assert len(audit) == 5


def test_a_head_the_manifest_names_breaks_wherever_it_stands_spaces_ignored():
    texts = ["前言。", "政 务", "正文一。", "经济", "正文二。", "", "政务 "]
    audit = []
    out = mark_running_heads(_lines(texts), audit, named=("政务",))
    assert [l.kind for l in out] == ["text", "break", "text", "text", "text", "text", "break"]
    assert [r.line for r in audit] == [2, 7]
    # an empty line is never a named head
    assert out[5].text == "" and out[5].kind == "text"


def test_without_named_heads_only_repetition_counts():
    texts = ["政务", "正文一。", "政务", "正文二。"]
    out = mark_running_heads(_lines(texts), [])
    assert [l.kind for l in out] == ["text"] * 4


def test_the_stage_uses_the_manifest_heads_instead_of_repetition():
    texts = ["前言。", "政 务", "全区完成固定资产投资120亿元。", "经 济", "全区工业增加值50亿元。"]
    out, audit = repair(_lines(texts), running_heads=("政务", "经济"))
    assert [l.kind for l in out].count("break") == 2
    assert [r.kind for r in audit].count("running-head") == 2
    out, audit = repair(_lines(texts))
    assert [l.kind for l in out].count("break") == 0


def test_a_line_rule_touches_text_captions_and_credits_but_not_breaks_or_empty_lines():
    seen = []

    def rule(text, line, audit):
        """Upper-cases a line (a stand-in rule)."""
        seen.append(line.lineno)
        return text.upper()

    processor = per_line(rule)
    given = [Line("abc", "b.txt", 1), Line(PART_BREAK, "b.txt", 2, "break"), Line("", "b.txt", 3),
             Line("cap", "b.txt", 4, "caption"), Line("cred", "b.txt", 5, "credit")]
    out = processor(given, [])
    assert [(l.text, l.file, l.lineno, l.kind) for l in out] == [
        ("ABC", "b.txt", 1, "text"), (PART_BREAK, "b.txt", 2, "break"), ("", "b.txt", 3, "text"),
        ("CAP", "b.txt", 4, "caption"), ("CRED", "b.txt", 5, "credit")]
    assert seen == [1, 4, 5]
    assert processor.__doc__ == rule.__doc__  # the processor is documented as its rule


def test_the_stage_does_not_change_its_input_lines():
    given = _lines(["全 区 普 通 中 学 30 所"])
    out, audit = repair(given)
    assert given[0].text == "全 区 普 通 中 学 30 所" and out[0].text == "全区普通中学30所"
    assert (out[0].file, out[0].lineno, out[0].kind) == ("b.txt", 1, "text")
    assert [r.kind for r in audit] == ["letter-spacing"]


def test_with_named_heads_every_other_repair_still_runs():
    texts = ["前言。", "政 务", "全 区 普 通 中 学 30 所", "经 济", "全区工业增加值50亿元。"]
    out, audit = repair(_lines(texts), running_heads=("政务", "经济"))
    assert [l.text for l in out if l.kind != "break"] == ["前言。", "全区普通中学30所", "全区工业增加值50亿元。"]
    assert sorted(r.kind for r in audit) == ["letter-spacing", "running-head", "running-head"]
