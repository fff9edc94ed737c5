"""Repair on generated text: it never crashes, and its audit balances the
CJK characters exactly — input + what the audit added = output + what the
audit removed."""
from __future__ import annotations

from accounting import audit_delta, cjk
from hypothesis import given, settings
from strategies import report_lines, yearbook_lines

from build_scripts.repair import repair

FAST = settings(max_examples=60, deadline=None, derandomize=True)


def _balanced(lines):
    out, audit = repair(lines)
    removed, added = audit_delta(audit)
    assert cjk(l.text for l in lines) + added == cjk(l.text for l in out) + removed
    return out, audit


@FAST
@given(yearbook_lines())
def test_repair_accounts_for_every_character_of_a_yearbook(lines):
    _balanced(lines)


@FAST
@given(report_lines())
def test_repair_accounts_for_every_character_of_a_report(lines):
    _balanced(lines)


@FAST
@given(yearbook_lines())
def test_audit_records_point_at_input_lines(lines):
    _, audit = repair(lines)
    numbers = {(l.file, l.lineno) for l in lines}
    assert all((r.file, r.line) in numbers for r in audit)
    assert all(r.kind and r.before != r.after for r in audit)


@FAST
@given(yearbook_lines())
def test_repair_is_deterministic(lines):
    a_out, a_audit = repair(lines)
    b_out, b_audit = repair(lines)
    assert [l.text for l in a_out] == [l.text for l in b_out]
    assert [r.as_dict() for r in a_audit] == [r.as_dict() for r in b_audit]
