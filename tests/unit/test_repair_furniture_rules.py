"""Page furniture (repair/furniture.py), rule by rule: which lone numbers are
page numbers (their shapes, the chain they make), which neighbours are
running heads, and what the removal leaves and audits (issue 16: mutants of
these rules got past the suite)."""
from __future__ import annotations

from build_scripts.model import AuditRecord, Line
from build_scripts.repair.furniture import remove_page_furniture

PARA = "全区新建改造道路12条，完成老旧小区改造30个，城市面貌持续改善。"


def _lines(texts, kind="text"):
    return [Line(t, "book.txt", i + 1, kind) for i, t in enumerate(texts)]


def _run(texts):
    audit: list[AuditRecord] = []
    out = remove_page_furniture(_lines(texts), audit)
    return out, audit


def _pages(out) -> list[int]:
    return [l.page for l in out if l.kind == "page"]


def _texts(out) -> list[str]:
    return [l.text for l in out if l.kind != "page"]


def _numbered(numbers, shape="{}") -> list[str]:
    out = []
    for n in numbers:
        out += [PARA, shape.format(n)]
    return out


def test_every_printed_shape_of_a_page_number_is_one():
    for shape in ("{}", "- {} -", "— {} —", "· {} ·", "• {} •", "–{}–", "第{}页", "第 {} 页", " {} "):
        out, _ = _run(_numbered(range(21, 25), shape))
        assert _pages(out) == [21, 22, 23, 24], shape
        assert _texts(out) == [PARA] * 4, shape


def test_a_number_in_words_or_with_a_unit_is_no_page_number():
    for shape in ("{}个", "共{}", "{}年", "{}.5", "{}%"):
        given = _numbered(range(21, 25), shape)
        out, _ = _run(given)
        assert _texts(out) == given, shape


def test_four_numbers_in_a_row_are_a_chain_three_are_chance():
    out, _ = _run(_numbered([5, 6, 7]))
    assert _pages(out) == [] and _texts(out) == _numbered([5, 6, 7])
    out, _ = _run(_numbered([5, 6, 7, 8]))
    assert _pages(out) == [5, 6, 7, 8]


def test_a_chain_may_skip_four_pages_but_not_five_and_never_stands_still():
    out, _ = _run(_numbered([10, 14, 18, 22]))  # photo pages between: steps of 4
    assert _pages(out) == [10, 14, 18, 22]
    given = _numbered([10, 15, 20, 25])  # steps of 5: a column of figures, not pages
    out, _ = _run(given)
    assert _texts(out) == given
    given = _numbered([10, 10, 10, 10])  # the same number four times: a table column
    out, _ = _run(given)
    assert _texts(out) == given


def test_a_number_that_breaks_the_run_stays_text_and_the_run_goes_on_past_it():
    out, _ = _run(_numbered([30, 31, 2024, 32, 33]))
    assert _pages(out) == [30, 31, 32, 33]
    assert "2024" in _texts(out)


def test_of_two_equal_chains_the_first_is_the_book():
    given = _numbered([30, 31, 32, 33]) + _numbered([5, 6, 7, 8])
    out, _ = _run(given)
    assert _pages(out) == [30, 31, 32, 33]
    assert _texts(out)[-8:] == _numbered([5, 6, 7, 8])


def test_the_longest_chain_wins_wherever_it_starts():
    given = _numbered([30, 31, 32, 33]) + _numbered([5, 6, 7, 8, 9])
    out, _ = _run(given)
    assert _pages(out) == [5, 6, 7, 8, 9]


def test_only_text_lines_are_read_as_page_numbers():
    lines = _lines(_numbered([1, 2, 3, 4]))
    lines[1] = Line("1", "book.txt", 2, "caption")
    out = remove_page_furniture(lines, [])
    assert [l.text for l in out if l.kind == "caption"] == ["1"]
    assert _pages(out) == []  # three left: no chain


def test_one_flipbook_mark_alone_is_text_two_are_marks():
    given = [PARA, "Page 3", PARA]
    assert _texts(_run(given)[0]) == given
    out, _ = _run([PARA, "Page 3", PARA, "P4", PARA])
    assert _pages(out) == [3, 4] and _texts(out) == [PARA, PARA, PARA]


def test_the_page_marker_stands_where_the_number_stood_and_the_removal_is_audited():
    out, audit = _run(_numbered([7, 8, 9, 10], "- {} -"))
    marker = out[1]
    assert (marker.kind, marker.text, marker.page, marker.file, marker.lineno) == ("page", "", 7, "book.txt", 2)
    assert [(r.line, r.kind, r.before, r.after) for r in audit] == [
        (2, "page-number", "- 7 -", ""), (4, "page-number", "- 8 -", ""),
        (6, "page-number", "- 9 -", ""), (8, "page-number", "- 10 -", "")]
    assert "7" in audit[0].reason


def _headed(head: str, numbers=range(1, 7), before=True) -> list[str]:
    out = []
    for n in numbers:
        out += [PARA, head, str(n)] if before else [PARA, str(n), head]
    return out + [PARA]


def test_a_running_head_beside_every_number_is_removed_and_audited():
    out, audit = _run(_headed("某某区年鉴（2030）"))
    assert _texts(out) == [PARA] * 7
    heads = [r for r in audit if r.kind == "running-head"]
    assert [(r.line, r.before, r.after) for r in heads] == [(2 + 3 * k, "某某区年鉴（2030）", "") for k in range(6)]
    assert heads[0].reason == "running head or footer printed beside a page number"


def test_a_head_one_line_further_off_or_across_blank_lines_is_still_the_head():
    given = []
    for n in range(1, 7):
        given += [PARA, "某某区年鉴", "", "城市建设", "", str(n)]
    out, _ = _run(given + [PARA])
    # 城市建设 is the nearer neighbour, also printed beside every number: the
    # head is the one printed beside numbers most (both always): the nearer
    assert "城市建设" not in _texts(out)


def test_a_line_three_lines_from_the_number_is_not_its_head():
    given = []
    for n in range(1, 7):
        given += [PARA, PARA, "某某区年鉴", PARA, PARA, str(n), PARA, PARA]
    out, _ = _run(given)
    assert _texts(out).count("某某区年鉴") == 6


def test_a_long_line_or_a_sentence_beside_numbers_is_no_head():
    long_head = "某" * 31
    out, _ = _run(_headed(long_head))
    assert _texts(out).count(long_head) == 6
    short_head = "某" * 30
    out, _ = _run(_headed(short_head))
    assert short_head not in _texts(out)
    for sentence in ("城市建设，", "城市建设。", "城市建设；", "城市建设！", "城市建设？", "城市建设,"):
        out, _ = _run(_headed(sentence))
        assert _texts(out).count(sentence) == 6, sentence


def test_a_line_printed_beside_a_number_once_is_a_head_only_if_mostly_printed_there():
    def book(elsewhere: int) -> list[str]:
        given = []
        for n in range(1, 7):  # page 3 has 综合经济 for its head, the others 某某区年鉴
            given += [PARA, PARA, str(n), "综合经济" if n == 3 else "某某区年鉴"]
        return given + [PARA, PARA] + ["综合经济", PARA] * elsewhere
    out, _ = _run(book(1))  # beside a number 1 time of 2: a head
    assert _texts(out).count("综合经济") == 1
    out, _ = _run(book(3))  # 1 time of 4: the text's, not the page's
    assert _texts(out).count("综合经济") == 4


def test_a_line_printed_once_beside_a_number_and_nowhere_else_is_text():
    given = _headed("某某区年鉴", before=False)
    given.insert(3, "城市建设")  # [PARA, '1', '某某区年鉴', '城市建设', PARA, …]
    out, _ = _run(given)
    assert "城市建设" in _texts(out)


def test_each_page_number_has_one_head_at_most():
    """The head and, across the number, a 篇 title the heads repeat: only the
    one printed beside numbers more often goes."""
    given = []
    for n in range(1, 7):
        given += [PARA, "某某区年鉴", str(n), "城市建设" if n == 4 else PARA]
    given += ["城市建设", PARA]
    out, _ = _run(given)
    assert _texts(out).count("城市建设") == 2 and "某某区年鉴" not in _texts(out)


def test_a_file_without_page_numbers_comes_back_as_it_was():
    lines = _lines([PARA, "某某区年鉴", PARA])
    audit: list[AuditRecord] = []
    assert remove_page_furniture(lines, audit) is lines and audit == []


def test_a_head_two_text_lines_off_across_a_blank_line_is_the_head_even_on_the_first_line():
    given = ["某某区年鉴", "", PARA, "1", PARA, PARA, PARA]
    for n in range(2, 7):
        given += [PARA, "某某区年鉴", "", PARA, str(n), PARA, PARA, PARA]
    out, _ = _run(given)
    assert "某某区年鉴" not in _texts(out)


def test_a_lower_number_after_the_chain_stays_text():
    out, _ = _run(_numbered([10, 11, 12, 13, 8]))
    assert _pages(out) == [10, 11, 12, 13] and "8" in _texts(out)
