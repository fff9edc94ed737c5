"""The pipeline (流水线): every stage from the manifest to the data files,
in one ordered list, run top to bottom.

    manifest → volumes (read → repair → structure, per volume) → layout → glossary
             → names ┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┐ (beside)
             → render → search → export → indexes ┘ → data

`STAGES` is that list (like `repair.REPAIRS`): each stage a named function
registered in reading order by `@stage`, taking the `Run` and filling the
fields the stages after it read; none calls back into an earlier one, and only
the volume stages read the seed texts (glossary and indexes read the editors'
YAML beside them). A stage may start work that a later stage collects: the
names stage starts the name indexes in a process of their own (they read
only the volumes, their layout and the glossary's terms), which the indexes
stage collects, so that both cores work while render, search and export
run; in a rebuild of one volume, structured in this process, that process
also makes the 条目索引 and 主题索引 and writes the volume's cache file. Each
stage that takes time ends with a progress line that starts with what it did
(`read …`, `repaired …`, `structured …`, `glossary: …`, `render: …`,
`search: …`, `export: …`, `indexes: …`, `data: …`; `names: …` when the indexes stage
has the name indexes: the time up to it is what the build waited for them),
so benchmarks/build_bench.py charges the time to the stage that really ran;
the near-instant ones (manifest, layout) print none. The result is a
`Book`: what the publishing step (output.py) hands to MkDocs. `check.py`
calls `structure_volume`, the per-volume part.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import audit_page, export, layout, publish, readings, search, volume_home, workers
from .cache import Cache, collector_paused, pickled, unpickled
from .errors import InputError, worker_signals
from .glossary import pages as glossary_pages
from .glossary.pages import Glossary
from .indexes import PHRASES_FILE, BookHeadings, IndexBuild, NameIndexes, book_headings, build_indexes, name_indexes
from .indexes import printed as printed_index
from .indexes.collation import load_phrase_readings
from .indexes.locators import Target, TextMemo, targets as make_targets
from .indexes.names import CandidateMemo
from .indexes.tagging import KeptLookups, Tagger, load_posseg, loaded_word_tags
from .manifest import load_manifest, load_site_config
from .model import Line, Volume, VolumeSpec
from .reader import read_lines
from .render import Page, escape, render_volume
from .repair import LineMemo, repair
from .repair import wrap
from .repair.wrap import _segmenter
from .structure.reports import parse_reports
from .structure.yearbook import parse_yearbook


@dataclass
class Progress:
    quiet: bool = False
    _t0: float = time.monotonic()

    def __call__(self, message: str) -> None:
        if not self.quiet:
            print(f"[{time.monotonic() - self._t0:6.1f}s] {message}", file=sys.stderr, flush=True)


@dataclass
class Book:
    """Everything the site is made of, before MkDocs: the generated pages, the
    navigation, the data files of the contract and the search records."""

    pages: list[Page]
    nav: list
    data: dict[str, str]
    searchable: list[dict]
    figures: dict
    volumes: list[Volume] = field(default_factory=list)
    search_files: dict[str, dict[str, str]] = field(default_factory=dict)  # "hosted"/"offline" → search/ files
    beside: workers.Beside | None = None  # the names process, perhaps still writing its cache files

    def finish(self) -> None:
        """Wait for the work beside the build that the book does not need
        (the names process's cache files) and write this process's own that
        no wait took (workers.later): after publishing (site.py)."""
        if self.beside is not None:
            self.beside.join()
        workers.finish()  # the cache files left for when this process waited, and those of the work beside


@dataclass
class Run:
    """What the stages hand forward: each stage reads the fields of the stages
    before it and fills its own."""

    root: Path
    cache: Cache
    progress: Callable[[str], None]
    specs: list[VolumeSpec] = field(default_factory=list)  # manifest
    volumes: list[Volume] = field(default_factory=list)  # volumes
    keys: list[str] = field(default_factory=list)  # volumes: each one's cache key, which keys what later stages keep of it
    unsaved: list[tuple[str, Volume]] = field(default_factory=list)  # volumes: (key, volume) to save (by the names process)
    site: layout.SiteLayout | None = None  # layout
    targets: list[Target] = field(default_factory=list)  # names: what the indexes point to
    names: workers.Beside | None = None  # names (started; collected by indexes)
    indexes_beside: bool = False  # names: the 条目索引 and 主题索引 made in the names process too
    glossary: Glossary | None = None  # glossary
    glossary_records: list[dict] = field(default_factory=list)  # glossary
    pages: list[Page] = field(default_factory=list)  # render, indexes
    nav: list = field(default_factory=list)  # render, indexes
    entries: list[dict] = field(default_factory=list)  # render
    audit: list = field(default_factory=list)  # render
    figures: dict = field(default_factory=dict)  # render, export, indexes
    searchable: list[dict] = field(default_factory=list)  # search
    search_files: dict[str, dict[str, str]] = field(default_factory=dict)  # search
    indexes: IndexBuild | None = None  # indexes
    export_parts: dict = field(default_factory=dict)  # export
    export_kept: set[str] = field(default_factory=set)  # export: the keys of the parts the last build kept
    data: dict[str, str] = field(default_factory=dict)  # data

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[..., None]  # takes a Run (book stages) or a VolumeRun (volume stages)


STAGES: list[Stage] = []


def _registrar(stages: list[Stage]):
    """A decorator factory appending named stages to `stages`: the order of
    this module is the order of the build."""
    def stage(name: str):
        def register(function):
            stages.append(Stage(name, function))
            return function
        return register
    return stage


def _run_all(stages: list[Stage], state):
    for step in stages:
        step.run(state)
    return state


stage = _registrar(STAGES)  # @stage("name"): one stage of the book


def run(root: Path, cache: Cache, progress=lambda m: None, finish: bool = True) -> Book:
    """Every stage, in order; the book they make. `finish=False`: the names
    process may still be writing its cache files, the caller waits for them
    (`Book.finish`, site.py: after publishing). pypinyin's answers of the last
    build are lent to the stages that read pinyin (readings.py)."""
    readings.MEMO.update(cache.load_readings())
    known = len(readings.MEMO)
    state = Run(root, cache, progress)
    try:
        # Python's cyclic collector paused: the stages make many objects that
        # live to the end of the build (volumes, pages, records, index
        # headings) and next to no cyclic garbage, and the collections their
        # number sets off walk them all (≈ 0.1 s of a yearbook rebuild, one
        # full collection 0.04 s of it).
        with collector_paused():
            _run_all(STAGES, state)
    except BaseException:
        if state.names is not None:  # stopped (or, collected already, awaited)
            state.names.cancel()
        workers.drop_later()
        raise
    if len(readings.MEMO) != known:
        workers.later(lambda memo=dict(readings.MEMO): cache.save_readings(memo))
    book = Book(state.pages, state.nav, state.data, state.searchable, state.figures, state.volumes,
                state.search_files, state.names)
    if finish:
        book.finish()
    return book


# --- the stages, in order ------------------------------------------------------


@stage("manifest")
def manifest_stage(run: Run) -> None:
    """seeds/volumes.yml into VolumeSpec values; mkdocs.yml read too, to fail
    fast on a broken one, before the long stages."""
    run.specs = load_manifest(run.seeds / "volumes.yml", _handwritten(run.root / "docs"))
    load_site_config(run.root)


@stage("volumes")
def volumes_stage(run: Run) -> None:
    """read → repair → structure of every volume (structure_volume), or its
    result from the cache; the repair's line rules keep their answers in
    the cache meanwhile (repair_stage)."""
    run.volumes, run.keys, run.unsaved = _structure_all(run.specs, run.seeds, run.cache, run.progress)
    run.cache.prune_volumes()
    run.cache.prune_repairs({(spec.id, source.file) for spec in run.specs for source in spec.sources})


@stage("layout")
def layout_stage(run: Run) -> None:
    """Where every entry goes: its page, URLs and id (layout.SiteLayout),
    computed once for the stages after it. The names the site reserves were
    checked against the volume ids by the manifest and against the 篇/章
    slugs by structure."""
    run.site = layout.SiteLayout(run.volumes)


@stage("glossary")
def glossary_stage(run: Run) -> None:
    """名词解释: the books' lists and the editors' terms, every occurrence
    found; their records (glossary.json, and the search's)."""
    run.glossary = glossary_pages.prepare(run.volumes, run.seeds, run.site)
    run.glossary_records = glossary_pages.records(run.glossary)
    for warning in run.glossary.warnings:
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    run.progress(f"glossary: {len(run.glossary.terms)} terms")


@stage("names")
def names_stage(run: Run) -> None:
    """Starts the 人名/机构/地名 indexes, collected by the indexes stage: they
    read the volumes, their layout and the glossary's terms only, so they are
    made in a process of their own (workers.Beside; jieba's tagging, when
    there is any, in workers of that process) while render, search and
    export go on in this one. The book's phrase readings, which order their
    headings, are read first, here: bad input stops the build in this process.

    Where the names are quick to make — a rebuild of one volume, structured
    in this process (`run.unsaved`), whose name rules find their answers
    kept — that process also makes what every index points to (the
    targets) and the 条目索引 and 主题索引, which this process would
    otherwise make while it idles: each process then has about half of the
    rest of the pipeline. It writes the cache files of that volume too."""
    load_phrase_readings(run.seeds / PHRASES_FILE)
    run.indexes_beside = bool(run.unsaved)
    if not run.indexes_beside:
        # Made once, here, for both processes: the name indexes (there) and the others (here).
        run.targets = _targets(run)
    run.names = workers.Beside(lambda: _beside_the_build(run), workers.processes(),
                               afterwards=lambda: _kept_beside_the_build(run))


@stage("render")
def render_stage(run: Run) -> None:
    """Markdown pages of every volume (glossary terms marked), the glossary
    pages and the 修订记录, in reading order."""
    glossary = run.glossary
    run.nav = [{"首页": "index.md"}]
    for volume in run.volumes:
        rendered = render_volume(volume, glossary.linker.mark, run.site)
        run.pages += volume_home.pages(volume) + rendered.pages
        # 名词解释 is in the menu once (the combined page, below); the volume's
        # own glossary page is linked from the volume home.
        run.nav += rendered.nav
        run.entries += export.entry_records(run.site.of_volume(volume))
        run.audit += volume.audit
    run.pages += glossary_pages.pages(glossary)
    run.nav.append({glossary_pages.TITLE: glossary_pages.COMBINED})
    run.pages.append(Page(audit_page.PATH, audit_page.TITLE, audit_page.render_audit(run.audit)))
    run.figures = glossary.figures()
    figures = run.figures
    run.progress(f"render: {len(run.pages)} pages of Markdown; {figures['glossary_terms']} glossary terms, "
                 f"{figures['glossary_marks']} marked occurrences in {figures['glossary_entries']} entries")


@stage("search")
def search_stage(run: Run) -> None:
    """The search records (every entry, then the 名词解释 terms) and the
    search index of each build, from the records and the layout of the pages
    they link (the volumes' and the glossary's, all rendered by now)."""
    run.searchable = run.entries + search.glossary_records(run.glossary_records)
    volumes = [{"id": v.id, "title": v.spec.title, "year": v.spec.year} for v in run.volumes]
    # Each volume's part of the index is kept under its cache key: a rebuild
    # makes only the changed volumes' files (and the 名词解释's, always).
    memo = search.IndexMemo({v.id: key for v, key in zip(run.volumes, run.keys)}, run.cache.load_kept("search"))
    run.search_files = search.site_files(run.searchable, layout.Layout(p.path for p in run.pages), volumes,
                                         run.cache.t2s_pairs(), memo)
    if memo.memo.keys() != memo.known.keys():
        _keep(run.cache, "search", memo.memo)
    run.progress(f"search: {len(run.searchable)} records indexed")


@stage("export")
def export_stage(run: Run) -> None:
    """The data contract's entries, audit and glossary JSON (index.json is
    the indexes stage's), joined by the data stage. Each volume's part of
    entries.json and audit.json is kept under its cache key: a rebuild
    makes only the changed volumes' parts."""
    kept = run.cache.load_kept("export")
    run.export_kept = set(kept)
    run.export_parts = {key: kept.get(key) or _export_part(run.site, v) for v, key in zip(run.volumes, run.keys)}
    made = run.export_parts.keys() - kept.keys()
    run.progress(f"export: {len(made)} of {len(run.volumes)} volumes' records made")


@stage("indexes")
def indexes_stage(run: Run) -> None:
    """The 索引 section: the 条目索引 and 主题索引 (the glossary's terms join
    the 主题索引), made here or collected with the name indexes the names
    stage started; the home page and the rest of the menu; index.json."""
    collected = {}

    def made_names() -> NameIndexes:
        collected["names"], collected["headings"] = _collect_names(run)
        return collected["names"]

    indexes = run.indexes = build_indexes(
        run.volumes, run.seeds, _glossary_terms(run), progress=run.progress, site=run.site, made_names=made_names,
        targets=run.targets, made_headings=(lambda: collected["headings"]) if run.indexes_beside else None)
    run.progress(f"indexes: {sum(len(v) for k, v in indexes.data.items() if k != 'printed_index')} headings")
    run.pages += indexes.pages
    run.pages.append(Page("index.md", "首页", _home(run.volumes, indexes.nav)))
    run.nav.append({"索引": indexes.nav})
    # Editors' material (the raw front matter, the printed 目录/索引) sits
    # beside the 修订记录, out of the reader's volume menus.
    editors = [volume_home.editors_nav_item(v) for v in run.volumes]
    run.nav.append({"使用说明": ["guide.md", {audit_page.TITLE: audit_page.PATH}, *editors]})
    run.figures.update(pages=len(run.pages), audit_records=len(run.audit))


@stage("data")
def data_stage(run: Run) -> None:
    """The data contract's four files: entries.json and audit.json joined
    from the volumes' parts (the export stage's, and those made beside the
    build, collected with the names), glossary.json, and index.json of the
    indexes stage."""
    if run.export_parts.keys() != run.export_kept:  # parts made, or a volume gone: kept for the next build
        _keep(run.cache, "export", run.export_parts)
    parts = [run.export_parts[key] for key in run.keys]
    run.data = {
        "entries.json": export.entries_json(parts),
        "audit.json": export.audit_json(parts),
        "glossary.json": export.dumps(run.glossary_records),
        "index.json": export.dumps(run.indexes.data),
    }
    run.figures.update(entries=len(run.entries))
    run.progress(f"data: entries.json, audit.json, glossary.json, index.json; {len(run.entries)} entries")


# --- one volume: read → repair → structure (the `volumes` stage, per volume) -----


@dataclass
class VolumeRun:
    """What the volume stages hand forward, for one volume."""

    spec: VolumeSpec
    seeds: Path
    progress: Callable[[str], None]
    memos: Cache | None = None  # where the repair's line rules keep their answers (None: nowhere)
    read: list[list[Line]] = field(default_factory=list)  # read: each source's lines
    extracted: list[str] = field(default_factory=list)  # read: the lines as read, for the printed 条目索引's own layout
    documents: list[list[Line]] = field(default_factory=list)  # repair
    audit: list = field(default_factory=list)  # repair, structure
    volume: Volume | None = None  # structure


VOLUME_STAGES: list[Stage] = []

volume_stage = _registrar(VOLUME_STAGES)  # one volume's part of the `volumes` stage


def structure_volume(spec: VolumeSpec, seeds: Path, progress=lambda m: None, memos: Cache | None = None) -> Volume:
    """read → repair → structure for one volume. `memos`: the cache the
    repair's line rules keep their answers in (the build's; None on its own,
    as check.py and tests run it: nothing is kept)."""
    return _run_all(VOLUME_STAGES, VolumeRun(spec, seeds, progress, memos)).volume


@volume_stage("read")
def read_stage(run: VolumeRun) -> None:
    """Each source file decoded into lines."""
    for source in run.spec.sources:
        lines = read_lines(run.seeds / source.file, source.file)
        run.progress(f"read {source.file}: {len(lines)} lines")
        run.extracted += [line.text for line in lines]
        run.read.append(lines)


@volume_stage("repair")
def repair_stage(run: VolumeRun) -> None:
    """Extraction damage undone, each source on its own, every change
    audited; the line rules' answers of the last build taken where a line
    is as it was (linewise.LineMemo), and this build's kept."""
    cache = run.memos
    for source, lines in zip(run.spec.sources, run.read):
        memo = LineMemo(cache.load_repairs(run.spec.id, source.file)) if cache is not None else None
        with collector_paused():  # (see structure_stage)
            repaired, records = repair(lines, run.spec.running_heads, memo)
        if memo is not None and memo.worth_saving():
            cache.save_repairs(run.spec.id, source.file, memo.memo)
        run.audit.extend(records)
        run.documents.append(repaired)
    run.progress(f"repaired {run.spec.id}: {len(run.audit)} changes audited")


@volume_stage("structure")
def structure_stage(run: VolumeRun) -> None:
    """篇 → 章 → 分目 → 条目 and the finding aids."""
    spec = run.spec
    # Python's cyclic collector paused: the stage makes many objects (a
    # yearbook's structure ≈ 180,000) and no cycles, and each full
    # collection their number sets off walks them, the lines, the audit and
    # the repair's memo too (≈ 50 ms of the ≈ 0.2 s of a yearbook's structure).
    with collector_paused():
        if spec.kind == "yearbook":
            lines = [line for doc in run.documents for line in doc]
            volume = parse_yearbook(spec, lines, run.audit)
            volume.finding_aids.printed_index = printed_index.parse(run.extracted)
        else:
            volume = parse_reports(spec, run.documents, run.audit)
    run.volume = volume
    count = sum(1 for _ in volume.entries())
    run.progress(f"structured {spec.id}: {len(volume.parts)} parts, {count} entries")
    # A text with no structure signal at all comes out as one entry named after
    # the volume (structure/parts.py keeps the text whole): that is no
    # recovered structure either, and the editor must hear of it.
    recovered = sum(1 for _, _, e in volume.entries() if e.title != spec.title)
    if recovered == 0:
        files = ", ".join(f"seeds/{s.file}" for s in spec.sources)
        print(f"warning: {files}: volume '{spec.id}' has no entries of its own; its structure "
              f"(篇/章 headings, 【】 entries) was not recovered, the text is kept as one page, "
              f"see the 修订记录", file=sys.stderr, flush=True)


def _structure_all(specs: list[VolumeSpec], seeds: Path, cache: Cache,
                   progress) -> tuple[list[Volume], list[str], list[tuple[str, Volume]]]:
    """read → repair → structure of every volume, or its result from the cache
    when the volume's sources, manifest entry and the code are those of an
    earlier build; the volumes, their keys, and the volumes (with their
    keys) whose cache files are still to write. Volumes are independent: those
    to structure are structured in worker processes (one per core, side by
    side when several), each of which also writes its volume's cache file,
    while this process loads what the later stages need
    (_prepare_later_stages)."""
    keys = [cache.volume_key(spec, seeds) for spec in specs]
    volumes: list[Volume | None] = [cache.load_volume(key) for key in keys]
    for spec, volume in zip(specs, volumes):
        if volume is not None:
            progress(f"structured {spec.id} (cached, inputs unchanged): {len(volume.parts)} parts, {sum(1 for _ in volume.entries())} entries")
    todo = [i for i, v in enumerate(volumes) if v is None]
    if not todo:
        return volumes, keys, []
    kept, known = cache.splits_kept(), cache.load_splits()
    wrap.SPLITS.update(known)
    unsaved = []
    one_core = (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods()
    if one_core or (len(todo) == 1 and kept and cache.tags_kept() and readings.MEMO):
        # In this process: on one core; or in a rebuild of one volume, where
        # this process has little to load (an earlier build kept jieba's
        # splits and tags and pypinyin's readings) and would wait for the
        # worker, then for the volume to cross over (pickled, sent,
        # unpickled: ≈ 0.2 s for a yearbook). The volumes' cache files are
        # pickled and written by the names process (_beside_the_build), off
        # the build's critical path. What the later stages need they load
        # themselves (the publishing step's modules while the build waits
        # for the names: _collect_names).
        for i in todo:
            volumes[i] = structure_volume(specs[i], seeds, progress, cache)
            unsaved.append((keys[i], volumes[i]))
    else:
        # A worker even for one volume: it pickles the volume once, for its
        # cache file and for this process (which would otherwise pickle it
        # after the worker, on the critical path), and this process
        # meanwhile loads what the later stages need. jieba's dictionary (wrap repair) is loaded once,
        # before the workers fork, when no earlier build kept its splits (a
        # cold build): a rebuild asks it only of a pair of words new to the
        # text, if any, and a worker that needs it loads it then (≈ 0.25 s
        # that a one-character change does not spend).
        if not kept:
            _segmenter()
        processes = min(len(todo), os.cpu_count() or 1)
        with workers.pool(processes, initializer=worker_signals) as pool:
            # Progress lines of the workers go to stderr as they come; another
            # progress callable (a test's log), which may not cross
            # processes, gets them with the volume.
            shown = progress if isinstance(progress, Progress) else None
            results = pool.imap(_structure_worker, [(specs[i], seeds, shown, cache.root, keys[i]) for i in todo])
            # The pool's thread unpickles each result as it comes (cache.collector_paused).
            with collector_paused():
                _prepare_later_stages(cache)
                for i in todo:
                    result = workers.next_waiting(results)  # (what this process queued runs meanwhile)
                    if isinstance(result, tuple):  # an InputError, sent back as its parts
                        raise InputError(*result)
                    for message in result["messages"]:
                        progress(message)
                    volumes[i] = unpickled(result["volume"])
                    wrap.SPLITS.update(result["splits"])
                    readings.MEMO.update(result["readings"])
    if len(wrap.SPLITS) != len(known) or not kept:
        cache.save_splits(wrap.SPLITS)
    return volumes, keys, unsaved


def _prepare_later_stages(cache: Cache) -> None:
    """While the workers structure the volumes, this process would idle until
    the longest volume is done: it loads now what the later stages would load
    then. jieba's tagger for the names (≈ 0.4 s; the names process inherits
    it) and pypinyin's dictionaries for the slugs and index order (≈ 0.3 s)
    when nothing was kept from an earlier build (a cold build); OpenCC's t2s
    characters for the search (≈ 0.15 s, or read from the cache) and what the
    publishing step loads (output.warm_up: MkDocs' modules, OpenCC's s2t). The tagger's
    dictionary tags, which a rebuild reads instead of loading jieba's tagger
    (tagging.KeptLookups), are written now too, not by the names process
    on the build's critical path (≈ 0.15 s). Last, what the MkDocs run
    would do first is queued for this process's waits (output.ahead: in a
    cold build, the theme's templates compiled, its files found), from
    the wait for the longest volume on."""
    cold = not cache.tags_kept()
    if cold:
        load_posseg()
    if not readings.MEMO:
        readings.prepare()
    cache.t2s_pairs()
    from . import output  # the publishing step's modules and tables (output.warm_up)

    output.warm_up()
    if cold:  # last: by now the shorter volumes' workers are done, and this process has a core of its own
        cache.save_word_tags(load_posseg().dt.word_tag_tab)
    # The publishing step's theme, ahead, in this process's waits (output.ahead).
    output.ahead(cache)


def _structure_worker(job) -> dict | tuple:
    spec, seeds, progress, root, key = job
    known = len(readings.MEMO)
    messages = []  # progress lines for a callable that stayed in the build process
    try:
        cache = Cache(root)
        volume = structure_volume(spec, seeds, progress or messages.append, cache)
        data = pickled(volume)
        cache.save_volume_pickle(key, data)
        # pypinyin's answers for the slugs go back with the volume, so the
        # build keeps them (readings.py) and a rebuild of this volume alone
        # need not import pypinyin.
        return {"volume": data, "splits": wrap.SPLITS, "readings": readings.since(known), "messages": messages}
    except InputError as exc:  # its constructor takes three arguments: pickle its parts
        return (exc.file, exc.problem, exc.line)


# --- helpers of the stages ------------------------------------------------------


def _beside_the_build(run: Run) -> tuple[NameIndexes, dict, BookHeadings | None]:
    """The names process's work: the name indexes and the readings pypinyin
    gave for them; with the targets and the 条目索引 and 主题索引 first when
    the names stage gave it those (`run.indexes_beside`). The cache files of
    the volumes structured in the build process come after
    (_kept_beside_the_build)."""
    if not run.indexes_beside:
        return (*_name_indexes(run), None)
    run.targets = _targets(run)
    headings = book_headings(run.targets, _glossary_terms(run))
    return (*_name_indexes(run), headings)


def _targets(run: Run) -> list[Target]:
    """What every index points to, with the entries' texts as searched (an
    unchanged volume's kept)."""
    texts = TextMemo(run.cache.load_kept("texts"))
    targets = make_targets(run.volumes, run.site, texts)
    if texts.memo.keys() != texts.known.keys():
        _keep(run.cache, "texts", texts.memo)
    return targets


def _keep(cache: Cache, name: str, parts: dict) -> None:
    """What a stage made of each volume, kept for the next build
    (Cache.save_kept), which only the next build reads: written when this
    process would otherwise wait (workers.later), not on the build's path."""
    parts = dict(parts)  # as it is now
    workers.later(lambda: cache.save_kept(name, parts))


def _glossary_terms(run: Run) -> list[tuple[str, list[str]]]:
    """The glossary's terms with the ids of the entries they occur in (they join the 主题索引)."""
    return [(t.term, [o.entry_id for o in t.occurrences]) for t in run.glossary.terms]


def _kept_beside_the_build(run: Run) -> None:
    """After the names process has sent its result (the build does not wait
    for this): the cache files of the volumes structured in the build
    process (≈ 0.1 s to pickle a yearbook)."""
    for key, volume in run.unsaved:
        run.cache.save_volume(key, volume)


def _export_part(site: layout.SiteLayout, volume: Volume) -> export.VolumeData:
    """One volume's part of entries.json and audit.json."""
    return export.volume_data(export.entry_records(site.of_volume(volume)), volume.audit)


def _name_indexes(run: Run) -> tuple[NameIndexes, dict]:
    """The name indexes (the names stage's work, beside the build) and the
    readings pypinyin gave for them, which the build keeps. jieba's tags come
    from and go back to the cache: as far as the last build's name rules
    asked jieba's dictionary, their answers; the whole table (jieba's own
    when this process has it, else kept) only for a word outside them. Each volume's name
    candidates too: a volume whose text did not change is not read again."""
    cache = run.cache
    known = len(readings.MEMO)
    kept = cache.load_word_lookups()
    lookups = KeptLookups(kept, lambda: loaded_word_tags() or cache.load_word_tags() or load_posseg().dt.word_tag_tab)
    tagger = Tagger(cache.load_tags(), dictionary=lookups)
    candidates = CandidateMemo(cache.load_kept("names"))
    made = name_indexes(run.volumes, tagger, run.site, candidates, run.targets)
    if candidates.memo.keys() != candidates.known.keys():
        _keep(cache, "names", candidates.memo)
    # The tagger's files too once the answer is sent (workers.later: in that
    # process, after it; in this one, when it next waits).
    if tagger.tagged or len(tagger.memo) != len(tagger.known):  # else the kept tags are this build's
        workers.later(lambda: cache.save_tags(tagger.memo))
    if lookups.asked != kept:
        workers.later(lambda: cache.save_word_lookups(lookups.asked))
    if lookups.loaded is not None:
        workers.later(lambda: cache.save_word_tags(lookups.loaded))
    return made, readings.since(known)


def _collect_names(run: Run) -> tuple[NameIndexes, BookHeadings | None]:
    """What the names process made (_beside_the_build), once the publishing
    step's modules are loaded: while that process may still be at work."""
    from . import output

    output.warm_up()
    made, learnt, headings = run.names.result()
    readings.MEMO.update(learnt)
    return made, headings


def _home(volumes: list[Volume], index_nav: list = ()) -> str:
    lines = ["# 地方年鉴在线版", "", "本站收录以下各卷，全文可检索，每个条目可直接引用链接。", ""]
    for v in volumes:
        n = sum(1 for _ in v.entries())
        lines.append(f"- [{escape(v.spec.title)}]({v.id}/index.md)：{len(v.parts)} 篇，{n} 个条目（{escape(v.spec.publisher)}，{v.spec.year}）")
    # The menu shows only the open section (navigation.prune), so the home page
    # links every index itself.
    links = [f"[{escape(t)}]({p})" for item in index_nav if isinstance(item, dict) for t, p in item.items()]
    if links:
        lines += ["", "索引：" + " · ".join(links)]
    lines += ["", "[使用说明与数据下载](guide.md)", ""]
    return "\n".join(lines)


def _handwritten(docs: Path) -> frozenset[str]:
    """Top-level names (without .md) of the hand-written pages and folders of
    docs/: a volume id must not take one."""
    if not docs.is_dir():
        return frozenset()
    return frozenset(
        p.name[:-3] if p.name.endswith(".md") else p.name
        for p in docs.iterdir()
        if p.name != publish.GENERATED_LIST and not layout.is_generated(docs, p.name)
    )
