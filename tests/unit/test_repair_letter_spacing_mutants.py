"""The audit of a letter-spaced line (字间空格) says why its spaces went: the
reason a reader of the audit page sees beside the line."""
from build_scripts.model import Line
from build_scripts.repair.letter_spacing import join_letter_spacing


def test_a_joined_line_is_audited_with_its_reason():
    audit = []
    out = join_letter_spacing("全 区 普 通 中 学 30 所", Line("", "b.txt", 3), audit)
    assert out == "全区普通中学30所"
    [r] = audit
    assert (r.file, r.line, r.kind, r.before, r.after, r.reason) == (
        "b.txt", 3, "letter-spacing", "全 区 普 通 中 学 30 所", "全区普通中学30所",
        "letter-spaced line: a space after every character")

