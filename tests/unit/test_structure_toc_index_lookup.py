"""The 目录/索引's titles looked up by key and by length (BookIndex keeps
them while its items do not change): the answers of a scan of every item."""
from build_scripts.structure.shapes import norm
from build_scripts.structure.toc_index import BookIndex, IndexItem, parse_finding_aids

from structure_fixtures import lines


def _book():
    return parse_finding_aids(lines(["目 录", "综 述1\t概况 5", "道路养护21\t双拥共建 11", "条目索引",
                                     "综述103\t概况 56", "道路养护21、 30\t双拥共建11", "退役军人事务 40"]))


def test_an_item_added_after_a_question_is_in_the_next_answer():
    book = _book()
    assert book.pages("道路养护") == [[21], [21, 30]]
    assert "城区管理" not in book.keys
    book.add(IndexItem(norm("城区管理"), "城区 管理", [277], "index", 99))
    book.add(IndexItem(norm("道路养护"), "道路养护", [88], "index", 100))
    assert book.pages("城区管理") == [[277]]
    assert book.spacing("城区管理") == "城区 管理"
    assert book.pages("道路养护") == [[21], [21, 30], [88]]
    assert "城区管理" in book.keys
    assert book.slips().candidates("城区管埋") == ["城区管理"]


def test_changing_an_answer_leaves_the_next_one_whole():
    book = _book()
    book.pages("综述").append([999])
    assert book.pages("综述") == [[103]]
    assert book.pages("综述", raw=True) == [[1], [103]]
