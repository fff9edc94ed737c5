"""Runs of line rules over two cores (repair/linewise.py): the lines and the
audit are those of the rules run one after the other, whichever process
repaired which half, and whatever the second process did."""
from __future__ import annotations

import os
import random
import time

import pytest

from build_scripts.model import Line
from build_scripts.repair import REPAIRS, linewise, repair, wrap
from _wrapped import BODY, wrapped_paragraph

# Damage of every kind a line rule repairs: wrap spaces at the column, a
# word cut by a space, half-width marks and quotes, letter-spacing, a
# bidi control, a list marker, HTML and CMS markup.
DAMAGED = [
    wrapped_paragraph(BODY),
    "全区开展 活 动 120 余场,参与群众\"满意\"率达 98%;",
    "综 合 执 法",
    "1. 全区完成固定资产投资120亿元(同比增长5%)。",
    "会议强调\u200f要<b>狠抓落实</b>,确保各项任务按期完成!",
]


real_spare_core = linewise._spare_core
LINE_RUNS = sum(isinstance(run[0], linewise.LineRepair) for run in linewise.runs(list(REPAIRS.values())))


def _book(size: int, seed: int = 3) -> list[Line]:
    rng = random.Random(seed)
    lines, total = [], 0
    while total < size:
        text = rng.choice(DAMAGED)
        cut = rng.randrange(len(text))
        text = text[cut:] + text[:cut] if rng.random() < 0.3 else text  # not the same lines over and over
        lines.append(Line(text, "book.txt", len(lines) + 1))
        total += len(text)
    return lines


def _repaired(lines, running_heads=()):
    out, audit = repair(lines, running_heads)
    return [(l.text, l.file, l.lineno, l.kind, l.page) for l in out], [vars(r) for r in audit]


@pytest.fixture
def halves(monkeypatch):
    """Counts the runs repaired over two processes."""
    made = []
    real = linewise._Half

    def counted(*args):
        half = real(*args)
        made.append(half._pid)
        return half

    monkeypatch.setattr(linewise, "_Half", counted)
    monkeypatch.setattr(linewise, "_spare_core", lambda: True)  # whatever else the machine runs
    return made


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_large_file_repaired_over_two_cores_is_the_one_repaired_in_one(monkeypatch, halves):
    book = _book(3 * linewise.PARALLEL_FROM)
    monkeypatch.setattr(linewise, "PARALLEL_FROM", float("inf"))
    one = _repaired(book)
    assert not halves
    monkeypatch.setattr(linewise, "PARALLEL_FROM", 100_000)
    two = _repaired(book)
    assert len(halves) == LINE_RUNS  # every run of line rules of REPAIRS was split
    assert two == one
    assert {r["kind"] for r in one[1]} >= {"wrap-space", "half-width-punct", "half-width-quote", "letter-spacing"}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_when_the_second_process_fails_its_half_is_repaired_here(monkeypatch, halves):
    book = _book(2 * linewise.PARALLEL_FROM, seed=5)
    monkeypatch.setattr(linewise, "PARALLEL_FROM", float("inf"))
    one = _repaired(book)
    parent = os.getpid()
    real = linewise._run

    def failing_in_the_child(rules, lines):
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return real(rules, lines)

    monkeypatch.setattr(linewise, "_run", failing_in_the_child)
    monkeypatch.setattr(linewise, "PARALLEL_FROM", 100_000)
    assert _repaired(book) == one
    assert halves


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_the_words_the_second_process_looked_up_are_kept_for_the_next_build(monkeypatch, halves):
    lines = [Line(wrapped_paragraph(BODY), "book.txt", i) for i in range(1, 400)]
    lines.append(Line("全区开展活 动 120 余场，参与群众满意率达98%。", "book.txt", 400))

    def looked_up(threshold):
        monkeypatch.setattr(wrap, "SPLITS", {})
        monkeypatch.setattr(linewise, "PARALLEL_FROM", threshold)
        repair(lines)
        return wrap.SPLITS

    one = looked_up(float("inf"))
    assert "活动" in one.values()  # the last line's word is among them
    assert looked_up(1_000) == one


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_an_error_here_stops_the_second_process(monkeypatch, halves):
    parent = os.getpid()
    real = linewise._run

    def failing_here(rules, lines):
        if os.getpid() == parent:
            raise KeyboardInterrupt
        time.sleep(60)  # the second process is still at work
        return real(rules, lines)

    monkeypatch.setattr(linewise, "_run", failing_here)
    monkeypatch.setattr(linewise, "PARALLEL_FROM", 1_000)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        repair(_book(5_000))
    assert time.monotonic() - start < 30 and len(halves) == 1  # not waited for
    with pytest.raises(ProcessLookupError):  # stopped and reaped, not left running or a zombie
        os.kill(halves[0], 0)


def test_no_second_process_without_a_core_to_spare(monkeypatch, halves):
    monkeypatch.setattr(linewise, "_spare_core", real_spare_core)
    monkeypatch.setattr(linewise, "PARALLEL_FROM", 1_000)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.9, 1.0, 1.0))
    repair(_book(5_000))
    assert not halves
    monkeypatch.setattr(os, "getloadavg", lambda: (0.7, 3.0, 3.0))
    repair(_book(5_000))
    assert len(halves) == LINE_RUNS


def test_a_line_rule_with_a_measure_opens_a_run_of_its_own():
    names = list(REPAIRS)
    grouped = [[names[list(REPAIRS.values()).index(p)] for p in run] for run in linewise.runs(list(REPAIRS.values()))]
    assert ["wrap_spaces", "split_words"] in grouped
    assert ["quotes", "punctuation"] in grouped
    assert ["printed_lines"] in grouped and ["captions"] in grouped and ["paragraphs"] in grouped
    assert [n for run in grouped for n in run] == names


def test_the_middle_splits_the_text_not_the_lines():
    lines = [Line("长" * 100, "b.txt", 1)] + [Line("短", "b.txt", i) for i in range(2, 102)]
    assert linewise._middle(lines, sum(len(l.text) for l in lines)) == 1


def test_a_line_with_another_text_keeps_every_other_field():
    line = Line("旧", "b.txt", 7, "caption", page=12, page_breaks=((3, 13),))
    new = line.with_text("新")
    assert new == Line("新", "b.txt", 7, "caption", page=12, page_breaks=((3, 13),))
    assert line.text == "旧" and type(new) is Line


def _answered(monkeypatch):
    """Counts the lines the line rules really repair (not answered from a memo)."""
    asked = []
    real = linewise._answer
    monkeypatch.setattr(linewise, "_answer", lambda rules, line: asked.append(line.text) or real(rules, line))
    return asked


def test_a_repair_answered_from_the_last_build_s_memo_is_a_cold_repair(monkeypatch):
    monkeypatch.setattr(linewise, "PARALLEL_FROM", float("inf"))
    book = _book(20_000)
    first = linewise.LineMemo()
    repair(book, memo=first)
    edited = list(book)
    at = next(i for i, l in enumerate(book) if "满意" in l.text)
    edited[at] = Line(book[at].text.replace("满意", "很满意"), "book.txt", book[at].lineno)
    edited.insert(10, Line("全区新增 绿 地 30 万平方米,\"口袋公园\"12个。", "book.txt", 99_999))
    asked = _answered(monkeypatch)
    memo = linewise.LineMemo(first.memo)
    again = repair(edited, memo=memo)
    assert len(asked) == 2 * LINE_RUNS, "lines the last build repaired were repaired again"
    del asked[:]
    cold = repair(edited)
    assert asked, "the cold repair did not repair"
    assert [(l.text, l.lineno, l.kind) for l in again[0]] == [(l.text, l.lineno, l.kind) for l in cold[0]]
    assert [vars(r) for r in again[1]] == [vars(r) for r in cold[1]]
    # the records are placed on this build's lines: the inserted line moved none of the others'
    assert {r.line for r in again[1]} >= {99_999, book[-1].lineno}
    assert not memo.worth_saving()  # two lines of hundreds: kept for the next build that changes more


def test_the_memo_keeps_only_what_this_build_used(monkeypatch):
    book = _book(5_000)
    first = linewise.LineMemo()
    repair(book, memo=first)
    half = book[: len(book) // 2]
    shorter = linewise.LineMemo(first.memo)
    repair(half, memo=shorter)
    assert shorter.worth_saving()  # half of it unused
    cold = linewise.LineMemo()
    repair(half, memo=cold)
    assert shorter.memo == cold.memo  # what a cold build of this input keeps, no more
    same = linewise.LineMemo(first.memo)
    repair(book, memo=same)
    assert not same.worth_saving()  # nothing new to keep: the build need not write it again
    grown = linewise.LineMemo(first.memo)
    repair(book + _book(1_000, seed=9), memo=grown)
    assert grown.worth_saving()  # more than a few lines new


def test_another_measure_is_not_answered_from_the_last_one():
    """The wrap spaces' answers hold for the column they were measured
    against: a document measured otherwise is repaired anew."""
    # A paragraph whose second wrap fell at a mark (no space there): its
    # segments are of one and two column lines, so the document's column decides.
    first, second, rest = wrapped_paragraph(BODY).split(" ", 2)
    uneven = f"{first} {second}{rest}"
    lines = [Line(uneven, "b.txt", 1)] + [Line(wrapped_paragraph(BODY), "b.txt", i) for i in range(2, 40)]
    memo = linewise.LineMemo()
    wide = repair(lines, memo=memo)
    narrow = [Line(wrapped_paragraph(BODY, 16), "b.txt", i) for i in range(1, 40)] + [Line(uneven, "b.txt", 99)]
    cold = repair(narrow)
    # the wide line is repaired otherwise against the narrow column
    assert [r.reason for r in cold[1] if r.line == 99] != [r.reason for r in wide[1] if r.line == 1]
    assert repair(narrow, memo=linewise.LineMemo(memo.memo)) == cold


def test_the_body_column_is_measured_again_only_over_the_lines_that_changed(monkeypatch):
    lines = [Line(wrapped_paragraph(BODY), "b.txt", i) for i in range(1, 40)]
    memo = linewise.LineMemo()
    repair(lines, memo=memo)
    import functools

    from build_scripts.repair import _body_column

    measured = []
    real = wrap.segment_widths
    counted = functools.wraps(real)(lambda text: measured.append(text) or real(text))  # (its name keys its tallies)
    monkeypatch.setattr(_body_column, "of_text", counted)
    narrow = [Line(wrapped_paragraph(BODY, 16), "b.txt", 1)] + lines[1:]
    again = repair(narrow, memo=linewise.LineMemo(memo.memo))
    assert measured == [narrow[0].text]
    monkeypatch.setattr(_body_column, "of_text", real)
    assert again == repair(narrow)
