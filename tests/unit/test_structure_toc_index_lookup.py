"""The 目录/索引's titles looked up by key and by length (BookIndex keeps
them while its items do not change): the answers of a scan of every item."""
import random

from build_scripts.structure.headings import repair_candidates
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
    assert "城区管理" in book.keys and "城区管理" in book.keys_near(4)


def test_changing_an_answer_leaves_the_next_one_whole():
    book = _book()
    book.pages("综述").append([999])
    assert book.pages("综述") == [[103]]
    assert book.pages("综述", raw=True) == [[1], [103]]


def test_candidates_among_titles_near_in_length_are_those_among_all():
    rng = random.Random(7)
    known = ["".join(rng.choice("河西区民政局街道社区工作服务管理建设发展") for _ in range(rng.randint(2, 14)))
             for _ in range(400)]
    book = BookIndex()
    for k, title in enumerate(known):
        book.add(IndexItem(norm(title), title, [k + 1], "index", k))
    headings = []
    for title in known[:150]:
        i = rng.randrange(len(title))
        headings += [title[:i] + "亖" + title[i + 1:], title[:i] + title[i + 1:], title]
    for key in headings:
        assert repair_candidates(key, book.keys_near(len(key))) == repair_candidates(key, book.keys), key
