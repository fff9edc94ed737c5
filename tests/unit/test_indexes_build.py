"""The indexes stage as the pipeline calls it (`build_indexes`): the pages it
adds and their order, the menu, site/data/index.json's data, the figures,
the overview page, which of the book's own lines feed the name indexes, and
the reuse of jieba's tags from an earlier build."""
from __future__ import annotations

from build_scripts.indexes import build_indexes
from build_scripts.indexes.tagging import Tagger
from build_scripts.model import Block

from _book import entry, volume

PAGES = [
    ("indexes/index.md", "索引"),
    ("indexes/entries.md", "条目索引"),
    ("indexes/subjects.md", "主题索引"),
    ("indexes/people.md", "人名索引"),
    ("indexes/organisations.md", "机构索引"),
    ("indexes/places.md", "地名索引"),
]


def _book():
    listing = entry("社区名录", "")
    listing.blocks = [Block("p", "港云里社区"), Block("h", "尖山街道"), Block("p", "尖山街道辖港云里社区，区长胡学明到港云里社区调研。")]
    return volume({
        "政务": {"区总工会": [
            entry("区司法局", "区总工会和区司法局开展“海棠计划”普法宣传，区长胡学明出席。", [12]),
            listing,
        ]},
        "索引": {None: [entry("条目索引", "港湾社区\n区档案局 12")]},  # the book's printed index, reprinted
        "附录": {"区图书馆": [entry("概况", "区图书馆开放，区总工会参与。", [300])]},
    })


def _built(tagger=None, messages=None, glossary=()):
    book = _book()
    say = messages.append if messages is not None else (lambda m: None)
    return book, build_indexes([book], _seeds(), glossary, tagger or Tagger(processes=1), say)


def _seeds():
    from pathlib import Path

    return Path(__file__).resolve().parents[2] / "seeds"


def _titles(data, key):
    return [h["heading"] for h in data[key]]


def test_the_stage_adds_the_overview_and_the_five_index_pages_in_this_order():
    _, built = _built()
    assert [(p.path, p.title) for p in built.pages] == PAGES
    assert built.nav == ["indexes/index.md"] + [{title: path} for path, title in PAGES[1:]]


def test_each_index_page_opens_with_its_title_and_what_it_holds():
    _, built = _built()
    people = next(p for p in built.pages if p.path == "indexes/people.md").markdown.split("\n")
    assert people[:4] == ["# 人名索引", "", people[2], ""]
    assert people[2].startswith("书中以“职务+姓名”等形式出现的人名，共 1 个标目，按汉语拼音音序排列")
    assert "- 胡学明 <small>（2 处）</small>" in people


def test_only_the_entry_index_tags_what_each_heading_is():
    _, built = _built()
    pages = {p.path: p.markdown for p in built.pages}
    assert "〔章〕" in pages["indexes/entries.md"]  # 区总工会 is a 章 title
    assert "〔" not in pages["indexes/organisations.md"] and "〔" not in pages["indexes/people.md"]


def test_bodies_come_from_part_chapter_and_entry_titles_also_after_the_printed_index():
    _, built = _built()
    # 区总工会 (a 章), 区司法局 (a 条目), 区图书馆 (a 章 after the reprinted 索引 part);
    # none of them is a name jieba's tags would confirm.
    assert _titles(built.data, "organisations") == ["区司法局", "区图书馆", "区总工会"]


def test_places_come_from_the_books_short_lines_and_sub_headings_not_from_its_printed_index():
    _, built = _built()
    assert set(_titles(built.data, "places")) == {"港云里社区", "尖山街道", "尖山街"}  # not 港湾社区


def test_glossary_terms_join_the_subject_index():
    book = _book()
    first = f"{book.id}/zheng-wu/qu-zong-gong-hui/qu-si-fa-ju"
    built = build_indexes([book], _seeds(), [("“海棠计划”", [first])], Tagger(processes=1))
    assert _titles(built.data, "subjects") == ["海棠计划"]
    assert built.data["subjects"][0]["locators"][0]["entry"] == first


def test_index_json_says_which_volume_each_printed_index_figure_is_of_even_without_one():
    book, built = _built()
    assert book.finding_aids is None  # a yearbook whose text had no printed index
    assert built.data["printed_index"] == [{
        "volume": book.id, "printed_headings": 0, "present": 0, "present_share": None,
        "present_with_printed_page": 0, "locator_on_printed_page": 0, "missing": [],
    }]
    assert set(built.data) == {"entries", "subjects", "people", "organisations", "places", "printed_index"}


def test_the_figures_count_entries_headings_and_locators_of_each_index():
    _, built = _built()
    f = built.figures
    assert f["entries_total"] == 3 and f["entries_reachable"] == 3
    assert f["people_headings"] == 1 and f["people_locators"] == 2
    assert f["organisations_headings"] == 3 and f["places_headings"] == 3
    assert f["printed_index"] == built.data["printed_index"]
    assert set(f) == {"entries_total", "entries_reachable", "printed_index"} | {
        f"{k}_{n}" for k in ("entries", "subjects", "people", "organisations", "places") for n in ("headings", "locators")}


def test_the_overview_lists_each_index_with_its_counts_and_points_to_the_reprinted_one():
    book, built = _built()
    overview = built.pages[0].markdown
    lines = overview.split("\n")
    assert lines[:4] == ["# 索引", "", "本站的索引由全书结构和正文自动生成，每个出处都是链接，可直达条目。", ""]
    f = built.figures
    for path, title in PAGES[1:]:
        key = path.removeprefix("indexes/").removesuffix(".md")
        n, locs = f[f"{key}_headings"], f[f"{key}_locators"]
        assert sum(l.startswith(f"- [{title}]({key}.md)：") and l.endswith(f"，{n} 个标目，{locs} 处出处") for l in lines) == 1
    note = lines.index(next(l for l in lines if l.startswith("《")))
    assert lines[note - 1] == "" and lines[note + 1] == ""
    assert lines[note] == (f"《{book.spec.title}》书后原有的条目索引按原书照录在 [索引](../{book.id}/suo-yin/index.md) 篇；"
                           "它只收部分条目，且提取时有缺行缺页码，请以上面的条目索引为准。")
    assert lines[-2:] == ["索引数据（JSON）随站点发布：`data/index.json`。", ""]
    assert overview.count("\n") == len(lines) - 1 and "\n\n\n" not in overview


def test_a_rebuild_with_the_tags_kept_tags_nothing_again_and_builds_the_same_indexes():
    said_first, said_again = [], []
    tagger = Tagger(processes=1)
    _, first = _built(tagger, said_first)
    assert tagger.memo and tagger.tagged == len(tagger.memo)  # what cache.py keeps
    again_tagger = Tagger(known=dict(tagger.memo), processes=1)
    _, again = _built(again_tagger, said_again)
    assert again_tagger.tagged == 0 and again.data == first.data
    kept = len(tagger.memo)
    assert said_first == [f"names: 7 name headings; jieba tagged {kept} stretches, 0 kept from the last build"]
    assert said_again == [f"names: 7 name headings; jieba tagged 0 stretches, {kept} kept from the last build"]
