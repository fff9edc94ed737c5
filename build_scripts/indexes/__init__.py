"""Indexes of the built book (索引): 条目索引, 主题索引, 人名/机构/地名索引.

`build_indexes` is called by the pipeline's indexes stage (pipeline.py), after
rendering; it derives every index from the structured volumes at build time
(nothing is counted or listed by hand) and returns the pages to add, their
navigation and the data for site/data/index.json (schema in README, "Data contract").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..layout import SiteLayout
from ..model import Volume
from ..render import Page, escape
from . import entry_index, names, printed, subjects
from .collation import load_phrase_readings
from .headings import Heading
from .locators import Target, is_index_part, targets as make_targets
from .pages import DIR, index_page
from .tagging import Tagger

PHRASES_FILE = "pinyin-phrases.yml"  # in seeds/: the book's own phrase readings
SHORT_LINE = 12  # a paragraph this short that names a 社区 or 街道 is a list item

# (key in index.json, page file, page title, what the page says it holds)
INDEXES = (
    ("entries", "entries.md", "条目索引", "全部条目及各篇、章、分目标题"),
    ("subjects", "subjects.md", "主题索引", "书中加引号提出、在多个条目中反复出现的工作、政策和活动名称，以及名词解释的词目"),
    ("people", "people.md", "人名索引", "书中以“职务+姓名”等形式出现的人名"),
    ("organisations", "organisations.md", "机构索引", "书中提到的机关、团体、学校、医院、企业等机构名称"),
    ("places", "places.md", "地名索引", "街道、社区和书中提到的省、市、区、道路等地名"),
)
ORDER_NOTE = "按汉语拼音音序排列（逐字比较，同音按声调，再按字的编码）。"


@dataclass
class IndexBuild:
    pages: list[Page] = field(default_factory=list)
    nav: list = field(default_factory=list)
    data: dict = field(default_factory=dict)
    figures: dict = field(default_factory=dict)


# The name indexes' keys in index.json and their kinds (names.py).
NAME_KINDS = {"people": names.KIND_PERSON, "organisations": names.KIND_ORG, "places": names.KIND_PLACE}


@dataclass
class NameIndexes:
    """The 人名/机构/地名 indexes, made apart from the others (they read the
    volumes and their layout only, so the pipeline makes them in a process of
    their own): by index.json key, how many headings and locators, the page
    and the data (what the process hands back is only what the build writes)."""

    sizes: dict[str, tuple[int, int]]
    pages: dict[str, Page]
    data: dict[str, list[dict]]
    message: str  # the progress line: what was found, what jieba tagged


def name_indexes(volumes: list[Volume], tagger: Tagger | None = None, site: SiteLayout | None = None,
                 candidates: names.CandidateMemo | None = None, targets: list[Target] | None = None) -> NameIndexes:
    """The three name indexes of the volumes (placed by `site`, the build's
    layout; `targets`: the volumes' targets, when the caller made them);
    `tagger` may hold jieba's tags from an earlier build (see tagging.py),
    `candidates` each volume's name candidates (names.py). The book's phrase
    readings (load_phrase_readings) must be loaded before: they order the
    headings."""
    tagger = tagger or Tagger()
    targets = targets if targets is not None else make_targets(volumes, site)
    by_name = names.build(targets, _titles(volumes), _short_lines(volumes), tagger, candidates)
    headings = {key: by_name[kind] for key, kind in NAME_KINDS.items()}
    message = (f"names: {sum(len(v) for v in by_name.values())} name headings; jieba tagged {tagger.tagged} stretches, "
               f"{len(tagger.memo) - tagger.tagged} kept from the last build")
    return NameIndexes({key: _size(headings[key]) for key in NAME_KINDS}, {key: _page(key, headings[key]) for key in NAME_KINDS},
                       {key: [h.as_dict() for h in headings[key]] for key in NAME_KINDS}, message)


@dataclass
class BookHeadings:
    """The 条目索引 and 主题索引 headings (the indexes read from the book's
    structure and its quoted names, with the glossary's terms), and how many
    entries they could point to."""

    entries: list[Heading]
    subjects: list[Heading]
    targets: int


def book_headings(targets: list[Target], glossary: list[tuple[str, list[str]]] = ()) -> BookHeadings:
    """The 条目索引 and 主题索引 of `targets` (`glossary` as for build_indexes)."""
    return BookHeadings(entry_index.build(targets), subjects.build(targets, glossary), len(targets))


def build_indexes(
    volumes: list[Volume], seeds: Path, glossary: list[tuple[str, list[str]]] = (), tagger: Tagger | None = None,
    progress=lambda message: None, site: SiteLayout | None = None, made_names=None, targets: list[Target] | None = None,
    made_headings=None,
) -> IndexBuild:
    """`glossary`: the glossary stage's terms with the entries.json ids of the
    entries they occur in; they join the 主题索引. `tagger` may hold jieba's
    tags from an earlier build (see tagging.py). `site`: the build's layout
    (where each entry is), by default the volumes'. `made_names`: a callable
    giving the name indexes made elsewhere (the pipeline's, made beside the
    other stages), called once the 条目索引 and 主题索引 are made; by default
    they are made here, with `tagger`. `made_headings`: a callable giving the
    条目索引 and 主题索引 made elsewhere too (BookHeadings), called after
    `made_names`; by default they are made here. `targets`: the volumes'
    targets, when the caller made them."""
    load_phrase_readings(seeds / PHRASES_FILE)
    made_here = made_headings is None
    if made_here:  # before the names are collected: their process may still be at work
        targets = targets if targets is not None else make_targets(volumes, site)
        headings = book_headings(targets, glossary)
    made = made_names() if made_names is not None else name_indexes(volumes, tagger, site, targets=targets)
    if not made_here:
        headings = made_headings()
    progress(made.message)
    built = {"entries": headings.entries, "subjects": headings.subjects}
    sizes = {**{key: _size(found) for key, found in built.items()}, **made.sizes}
    out = IndexBuild()
    out.nav.append(f"{DIR}/index.md")
    for key, file, title, holds in INDEXES:
        out.pages.append(made.pages[key] if key in made.pages else _page(key, built[key]))
        out.nav.append({title: f"{DIR}/{file}"})
        out.data[key] = made.data[key] if key in made.data else [h.as_dict() for h in built[key]]
    # the book's printed 条目索引, parsed once by the structure stage (FindingAids)
    coverage = [printed.coverage(v.finding_aids.printed_index if v.finding_aids else [], built["entries"])
                for v in volumes if v.spec.kind == "yearbook"]
    out.data["printed_index"] = [dict(volume=v.id, **c.as_dict()) for v, c in zip([v for v in volumes if v.spec.kind == "yearbook"], coverage)]
    out.pages.insert(0, Page(f"{DIR}/index.md", "索引", _overview(volumes, sizes)))
    out.figures = {
        "entries_total": headings.targets,
        "entries_reachable": len(entry_index.reachable(built["entries"])),
        **{f"{key}_headings": sizes[key][0] for key in sizes},
        **{f"{key}_locators": sizes[key][1] for key in sizes},
        "printed_index": out.data["printed_index"],
    }
    return out


def _size(headings: list[Heading]) -> tuple[int, int]:
    """How many headings an index has, and locators."""
    return len(headings), sum(len(h.locators) for h in headings)


def _page(key: str, headings: list[Heading]) -> Page:
    """The page of the index `key` (INDEXES)."""
    _, file, title, holds = next(i for i in INDEXES if i[0] == key)
    path = f"{DIR}/{file}"
    intro = [f"{holds}，共 {len(headings)} 个标目，{ORDER_NOTE}点击标目或出处即到原文；小字为所在章和原书页码，多处出现的标目按所在章分列。", ""]
    return Page(path, title, index_page(path, title, intro, headings, show_kind=key == "entries"))


def _titles(volumes: list[Volume]) -> list[str]:
    """The book's own headings: 篇, 章 and 条目 titles (its 机构 and 街道 names)."""
    out = []
    for v in volumes:
        for part in v.parts:
            if is_index_part(part):
                continue
            out.append(part.title)
            for chapter in part.chapters:
                out += [chapter.title] if chapter.title else []
                out += [e.title for e in chapter.entries]
    return out


def _short_lines(volumes: list[Volume]) -> list[str]:
    """Paragraphs short enough to be items of a list the book prints one per line."""
    return [
        b.text
        for v in volumes
        for part, _, entry in v.entries()
        if not is_index_part(part)
        for b in entry.blocks
        if b.kind in ("p", "h") and len(b.text.strip()) <= SHORT_LINE
    ]


def _overview(volumes: list[Volume], sizes: dict[str, tuple[int, int]]) -> str:
    lines = ["# 索引", "", "本站的索引由全书结构和正文自动生成，每个出处都是链接，可直达条目。", ""]
    for key, file, title, holds in INDEXES:
        n, locs = sizes[key]
        lines.append(f"- [{title}]({file})：{holds}，{n} 个标目，{locs} 处出处")
    lines.append("")
    for v in volumes:
        for part in v.parts:
            if is_index_part(part):
                lines += [
                    f"《{escape(v.spec.title)}》书后原有的条目索引按原书照录在 [{escape(part.title)}](../{v.id}/{part.slug}/index.md) 篇；"
                    "它只收部分条目，且提取时有缺行缺页码，请以上面的条目索引为准。",
                    "",
                ]
    lines += ["索引数据（JSON）随站点发布：`data/index.json`。", ""]
    return "\n".join(lines)
