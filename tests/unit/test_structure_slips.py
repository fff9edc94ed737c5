"""The slip tables (structure/slips.SlipIndex) give the answers of
repair_candidates, the comparison of a key with every known title."""
import pickle
import random

from build_scripts.structure.slips import SlipIndex, repair_candidates
from build_scripts.structure.shapes import norm
from build_scripts.structure.toc_index import BookIndex, IndexItem

ALPHABET = "河西区民政局街道社区工作服务管理建设发展检察院"


def _titles(rng: random.Random, count: int) -> list[str]:
    # a small alphabet, so that many titles are one or two slips from others;
    # digits and Latin letters, which are no slip of a character
    return ["".join(rng.choice(ALPHABET + "1A·") for _ in range(rng.randint(1, 16))) for _ in range(count)]


def _damaged(rng: random.Random, title: str) -> list[str]:
    """The title with a character misread, two misread, one lost, one added."""
    i, j = rng.randrange(len(title)), rng.randrange(len(title))
    one = title[:i] + rng.choice(ALPHABET + "1") + title[i + 1:]
    two = one[:j] + rng.choice(ALPHABET) + one[j + 1:]
    return [one, two, title[:i] + title[i + 1:], title[:i] + rng.choice(ALPHABET) + title[i:], title]


def test_every_answer_is_the_one_of_a_comparison_with_every_title():
    rng = random.Random(13)
    known = set(_titles(rng, 600))
    slips = SlipIndex(known)
    questions = [q for t in sorted(known)[:300] for q in _damaged(rng, t)] + _titles(rng, 200) + [""]
    found = 0
    for key in questions:
        assert slips.candidates(key) == repair_candidates(key, known), key
        found += bool(slips.candidates(key))
    assert found > 300  # the questions do reach titles, by every kind of slip


def test_two_slips_only_in_a_long_title_and_a_loss_anywhere():
    known = {"退役军人事务服务中心工作", "综合执法", "检察", "检查站"}
    slips = SlipIndex(known)
    assert slips.candidates("退没军人事务服务中心工昨") == ["退役军人事务服务中心工作"]
    assert slips.candidates("综布执去") == []
    assert slips.candidates("综执法") == ["综合执法"] and slips.candidates("合执法") == ["综合执法"]
    assert slips.candidates("检查") == ["检察", "检查站"]
    assert slips.candidates("检察") == []  # a known title is no slip


def test_a_changed_answer_leaves_the_next_one_whole():
    slips = SlipIndex({"综合执法"})
    slips.candidates("综执法").append("x")
    assert slips.candidates("综执法") == ["综合执法"]


def test_the_book_index_tables_follow_its_items_and_are_not_pickled():
    book = BookIndex()
    book.add(IndexItem(norm("城区管理"), "城区管理", [1], "index", 1))
    assert book.slips().candidates("城区管埋") == ["城区管理"]
    book.add(IndexItem(norm("道路养护"), "道路养护", [2], "index", 2))
    assert book.slips().candidates("道路养扩") == ["道路养护"]
    copy = pickle.loads(pickle.dumps(book))
    assert copy._slips is None and copy.slips().candidates("道路养扩") == ["道路养护"]
