"""Two columns interleaved line by line (repair/columns.py): the words the
printed line breaks cut decide, with clear thresholds (issue 16: mutants of
these thresholds got past the suite)."""
from __future__ import annotations

import pytest

from build_scripts.model import AuditRecord, Line
from build_scripts.repair import columns, wrap


@pytest.fixture(autouse=True)
def fresh_splits(monkeypatch):
    """jieba's answers are kept per process (wrap.SPLITS): each test measures the rule."""
    monkeypatch.setattr(wrap, "SPLITS", {})

# Filler that makes no word across a line break; each line 22 ideographs (44 columns).
FILLER = "之乎者也矣焉哉兮" * 3
WORDS = ["发展", "建设", "改革", "经济", "文化", "社会", "生态", "安全", "教育", "科技"]


def _block(skip_words: int, next_words: int, n: int = 10) -> list[str]:
    """n printed lines whose breaks make `skip_words` words with the line two
    further down and `next_words` with the next line."""
    ends, starts = [""] * n, ["之"] * n
    for k in range(skip_words):
        ends[k], starts[k + 2] = WORDS[k]
    for k in range(next_words):
        i = n - 3 - k
        ends[i], starts[i + 1] = WORDS[-1 - k]
    return [(starts[i] + FILLER)[: 22 - len(ends[i])] + ends[i] for i in range(n)]


def _run(texts: list[str]) -> tuple[list[str], list[AuditRecord]]:
    audit: list[AuditRecord] = []
    out = columns.reassemble_columns([Line(t, "b.txt", i + 1) for i, t in enumerate(texts)], 44, audit)
    return [l.text for l in out], audit


def test_a_block_whose_breaks_make_words_two_lines_apart_is_put_back_in_order():
    block = _block(3, 1)
    out, audit = _run(block)
    assert out == block[0::2] + block[1::2]
    assert [(r.kind, r.line, r.before, r.after) for r in audit] == [("columns", 1, "", "")]
    assert audit[0].reason == ("two columns interleaved line by line over lines 1–10 "
                               "(3 words whole two lines apart, 1 with the next line): put back in order")


def test_twice_as_many_words_two_lines_apart_is_clear_fewer_is_flagged_and_kept():
    out, audit = _run(_block(4, 2))
    assert [r.kind for r in audit] == ["columns"]
    block = _block(3, 2)
    out, audit = _run(block)
    assert out == block
    assert [(r.kind, r.before, r.after) for r in audit] == [("columns-unclear", "", "")]
    assert audit[0].reason == ("lines 1–10 may be two interleaved columns "
                               "(3 words whole two lines apart, 2 with the next line): order kept")


def test_two_words_are_chance():
    block = _block(2, 0)
    assert _run(block) == (block, [])


def test_a_block_as_many_words_with_the_next_line_is_one_column():
    block = _block(3, 3)
    assert _run(block) == (block, [])


def test_a_block_of_seven_lines_is_too_short_to_say_eight_is_enough():
    block = _block(3, 0, n=7)
    assert _run(block) == (block, [])
    given = [FILLER[:22], ""] + block  # the same block further down the file
    assert _run(given) == (given, [])
    out, audit = _run(_block(3, 0, n=8))
    assert [r.kind for r in audit] == ["columns"]


def test_blocks_end_at_blank_lines_and_table_rows():
    for breaker in ("", "项目\t数量"):
        block = _block(3, 0)
        given = block[:5] + [breaker] + block[5:]
        assert _run(given) == (given, []), repr(breaker)


def test_a_paragraphs_short_last_line_carries_on_nowhere():
    """Only a line within 6 columns of the full width is read for a cut word."""
    block = _block(3, 0)
    block[0] = block[0][-15:]  # 30 columns: short, its 发 cuts nothing
    assert _run(block) == (block, [])
    block = _block(3, 0)
    block[0] = block[0][-19:]  # 38 columns: full enough
    assert [r.kind for r in _run(block)[1]] == ["columns"]


def test_a_word_needs_both_sides_of_the_break():
    assert columns._cuts_word("全面贯彻新发", "展理念")
    assert columns._cuts_word("全面贯彻新发  ", "  展理念")
    assert not columns._cuts_word("", "展理念")
    assert not columns._cuts_word("全面贯彻新发", "   ")
    assert not columns._cuts_word("工作", "任务")  # two whole words either side


def test_a_short_block_or_a_one_column_block_before_does_not_stop_the_search():
    interleaved = _block(3, 0)
    for before in (_block(3, 0, n=5), _block(3, 3)):
        given = before + [""] + interleaved
        out, audit = _run(given)
        assert out == before + [""] + interleaved[0::2] + interleaved[1::2]
        assert [(r.kind, r.line) for r in audit] == [("columns", len(before) + 2)]


def test_the_column_checks_answers_are_kept_so_a_rebuild_asks_jieba_nothing(monkeypatch):
    """A line-per-line book is scored page by page on every build: the words
    its line breaks cut are kept with the wrap repair's (wrap.SPLITS, saved by
    the build), and a rebuild that finds them all there needs no segmenter."""
    block = _block(3, 1)
    first = _run(block)
    assert any(word == "发展" for word in wrap.SPLITS.values())

    def no_jieba():
        raise AssertionError("jieba asked again")

    monkeypatch.setattr(wrap, "_segmenter", no_jieba)
    again = _run(block)
    assert again[0] == first[0] and [r.reason for r in again[1]] == [r.reason for r in first[1]]
