"""The stretches the name indexes tag (names._windows): an office and the
words after it, a body word and the words before it, each within its clause,
found by searching the whole text — the same stretches as looking in each
clause one by one, which is what the rule says."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.indexes import names

ROOT = Path(__file__).resolve().parents[2]
CLAUSE = re.compile(r"[^。；！？\n，,：:（）()]+")  # a clause: a run between the book's clause marks


def _clause_by_clause(text: str) -> set[str]:
    out = set()
    for clause in CLAUSE.findall(text):
        for m in names._OFFICE_IN_TEXT.finditer(clause):
            out.add(clause[m.start() : m.end() + names.WINDOW])
        for m in names._ORG_IN_TEXT.finditer(clause):
            out.add(clause[max(0, m.end() - names.WINDOW) : m.end()])
    return out


@pytest.mark.parametrize("text", [
    "区委书记李学义，区委副书记、区长胡学明出席。区领导黄孝喜、宗燕锋参加。",
    "秘书长王伟主持",  # 秘书长, not 书记 inside it
    "局长",  # a signal and nothing else
    "河西区民政局（区老龄办）主任张强：天津市河西区人民政府办公室副主任",
    "这是一句很长很长很长很长很长很长很长很长很长的话然后是天津市河西区民政局",  # a body far into its clause
    "区长" + "甲" * 30 + "，局长",  # a window cut by its length, not its clause
])
def test_the_windows_are_each_clauses_own(text):
    assert names._windows(text) == _clause_by_clause(text)


def test_the_windows_of_the_whole_sample_book_are_each_clauses_own():
    book = (ROOT / "seeds" / "hexi-yearbook-2024.txt").read_text(encoding="utf-8")
    paragraphs = book.split("\n\n")
    assert sum(len(names._windows(p)) for p in paragraphs) > 5000
    assert all(names._windows(p) == _clause_by_clause(p) for p in paragraphs)
