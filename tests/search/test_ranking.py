"""Each ranking rule of build_scripts/search/rules.RANKING, with a query and
the first result a reader expects, against the shipped search.js in the
browser (hosted and from file://). The last test proves the browser takes
the order of the rules from the manifest."""
from __future__ import annotations

from build_scripts import search as si
from search_helpers import ITEM, ranked, rendered, type_query


def place(record: dict) -> str:
    return "›".join(x for x in (record["part"], record["chapter"], record["section"]) if x)


def first(page, searchable, query: str) -> tuple[dict, str]:
    """The first result shown for the query, and the rule that placed it."""
    type_query(page, query)
    shown = rendered(page)
    rule = page.get_attribute(f"{ITEM} a", "data-yb-rule")
    return searchable[shown[0]], rule


def test_rules_are_in_the_order_the_issue_asks_for():
    ids = [r["id"] for r in si.RANKING]
    assert ids == ["title-equals", "heading-equals", "title-contains", "heading-contains", "body", "pinyin"]
    assert si.DEMOTE["kinds"] == ["table", "names", "aid"]


def test_title_equals_the_query(search_page, searchable):
    record, rule = first(search_page, searchable, "垃圾分类")
    assert (record["title"], rule) == ("垃圾分类", "title-equals")


def test_chapter_named_by_the_query_its_overview_first(search_page, searchable):
    record, rule = first(search_page, searchable, "挂甲寺街道")
    assert (place(record), record["title"], rule) == ("街道和社区建设›挂甲寺街道", "概况", "heading-equals")
    # every entry of the chapter answers its name, even where its text does not repeat it
    record, rule = first(search_page, searchable, "商务贸易")
    assert (place(record), record["title"]) == ("区域经济›商务贸易", "概况")
    assert "商务贸易" not in si.normalise(record["text"])
    chapter = [i for i, r in enumerate(searchable) if r["chapter"] == "商务贸易"]
    assert set(chapter) <= set(rendered(search_page)) or len(chapter) > 20


def test_title_containing_the_query(search_page, searchable):
    record, rule = first(search_page, searchable, "河西区")
    assert (place(record), record["title"], rule) == ("区情概览›综述", "河西区概况", "title-contains")


def test_chapter_name_containing_the_query(search_page, searchable):
    record, rule = first(search_page, searchable, "金融业")
    assert (place(record), record["title"], rule) == ("区域经济›金融业发展", "概况", "heading-contains")


def test_body_matches_are_scored_with_length_normalisation(search_page, searchable):
    record, rule = first(search_page, searchable, "科技创新")
    assert (place(record), record["title"], rule) == ("社会事业›科学技术", "概况", "body")
    # not simply the entry repeating the word most: that one is longer
    counts = {i: si.normalise(r["text"]).count("科技创新") for i, r in enumerate(searchable)}
    most = max(counts, key=counts.get)
    assert counts[most] > si.normalise(record["text"]).count("科技创新")
    assert len(searchable[most]["text"]) > len(record["text"])


def test_tables_name_lists_and_finding_aids_after_prose(search_page, searchable):
    record, _ = first(search_page, searchable, "幼儿园")
    assert si.entry_kind(record) == "prose"
    results = ranked(search_page, "幼儿园")
    kinds = [r["kind"] for r in results]
    assert "table" in kinds, "the 幼儿园名录 table holds the word (and has it in its title)"
    prose = [n for n, k in enumerate(kinds) if k == "prose"]
    other = [n for n, k in enumerate(kinds) if k != "prose"]
    assert max(prose) < min(other)


def test_latin_letters_find_titles_by_pinyin_marked_and_after_han_matches(search_page, searchable):
    for query in ("lajifenlei", "ljfl", "la ji fen lei"):
        type_query(search_page, query)
        item = search_page.locator(ITEM).first
        assert searchable[rendered(search_page)[0]]["title"] == "垃圾分类"
        assert "拼音" in item.locator(".yb-search-result__badge").inner_text()
    results = ranked(search_page, "tj")  # TJ in the text (tj.gov.cn), 天津 in titles
    flags = [bool(r["pinyin"]) for r in results]
    assert False in flags and True in flags
    assert flags == sorted(flags), "every substring match before every pinyin match"


def test_the_browser_takes_the_order_of_the_rules_from_the_manifest(search_page, searchable):
    record, _ = first(search_page, searchable, "挂甲寺街道")
    assert record["title"] == "概况"
    # Put the body rule first: the chapter's 概况 is no longer first.
    search_page.evaluate(
        "() => { const r = yearbookSearch.manifest.ranking;"
        " r.unshift(r.splice(r.findIndex(x => x.id === 'body'), 1)[0]); }")
    top = ranked(search_page, "挂甲寺街道")[0]
    assert top["rule"] == "body" and searchable[top["position"]]["title"] != "概况"
