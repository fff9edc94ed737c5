"""Bidi controls in the book's text are removed, each removal audited (repair/controls.py)."""
from __future__ import annotations

from build_scripts.model import Line
from build_scripts.repair import repair


def test_right_to_left_override_in_a_heading_is_removed_and_audited():
    lines, audit = repair([Line("【概况\u202e况概】 全年\u2066工作\u2069稳步推进。", "t.txt", 3)])
    assert lines[0].text == "【概况况概】 全年工作稳步推进。"
    records = [r for r in audit if r.kind == "bidi-control"]
    assert len(records) == 3 and {r.line for r in records} == {3}
    assert all(len(r.before) == len(r.after) + 1 for r in records)


def test_text_without_controls_is_untouched():
    lines, audit = repair([Line("阿拉伯文 العربية 与中文并列。", "t.txt", 1)])
    assert "العربية" in lines[0].text and not [r for r in audit if r.kind == "bidi-control"]
