"""Page furniture (repair/furniture.py): page numbers, running heads and
flipbook marks in the middle of the text are removed, audited, and leave
the printed page for the structure stage."""
from build_scripts.model import Line
from build_scripts.repair import repair
from build_scripts.repair.furniture import remove_page_furniture

PARA = "全区新建改造道路12条，完成老旧小区改造30个，城市面貌持续改善，"


def _lines(texts):
    return [Line(t, "book.txt", i + 1) for i, t in enumerate(texts)]


def _book(page_lines):
    """Five printed pages, each cut mid-paragraph by its furniture."""
    out = []
    for page in range(11, 16):
        body = PARA * (1 + page % 3)  # paragraphs of differing lengths
        out += [body + "群众满意度明显提", *page_lines(page), "高。" + body[: 9 * page] + "各项工作扎实推进。"]
    return out


def test_page_numbers_and_alternating_heads_are_removed_and_the_paragraph_rejoined():
    given = _book(lambda n: [str(n), "某某区年鉴（2030）"] if n % 2 == 0 else ["城市建设", str(n)])
    out, audit = repair(_lines(given))
    texts = [l.text for l in out if l.text]
    assert all("年鉴" not in t and "城市建设" != t for t in texts)
    assert sum("群众满意度明显提高。" in t for t in texts) == 5
    assert [l.page for l in out if l.kind == "page"] == [11, 12, 13, 14, 15]
    kinds = [r.kind for r in audit]
    assert kinds.count("page-number") == 5 and kinds.count("running-head") == 5


def test_flipbook_marks_are_page_numbers():
    given = _book(lambda n: [f"Page {n} - 《某某年鉴（2020）》"] if n % 2 else [f"P. {n}"])
    out, _ = repair(_lines(given))
    assert [l.page for l in out if l.kind == "page"] == [11, 12, 13, 14, 15]
    assert not any("Page" in l.text or "P. " in l.text for l in out)


def test_lone_numbers_that_do_not_run_in_order_stay():
    given = ["表1 主要指标", "2024", PARA, "56", PARA, "3", PARA, "18"]
    out = remove_page_furniture(_lines(given), [])
    assert [l.text for l in out] == given


def test_a_title_after_the_page_number_stays_though_the_heads_repeat_it():
    given = []
    for n in range(1, 7):  # odd pages: the 篇 head above the number; even: the book's
        given += [PARA, "城市建设", str(n)] if n % 2 else [PARA, str(n), "某某区年鉴"]
    given += [PARA, "城市建设", "7", "城市建设", "【概况】" + PARA]
    out = remove_page_furniture(_lines(given), [])
    texts = [l.text for l in out if l.text]
    assert texts.count("城市建设") == 1 and texts[-2] == "城市建设"
