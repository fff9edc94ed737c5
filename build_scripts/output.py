"""The publishing step (发布): the pipeline's book made into docs/, site/ and dist/.

.build/docs (hand-written pages, generated pages, data files) → MkDocs, once,
in-process, for the hosted site (mkdocs_run.py) → search index → 404 links →
繁體 copy (traditional.py) and offline bundle (offline.py, zipped by
bundle.py), derived from the hosted site in one pass (derived.py) →
publish.py's journaled swap into docs/, site/ and dist/. Everything is built
under .build/ first and published only when every step succeeded, so a
failed build leaves the previous site intact.
"""
from __future__ import annotations

import copy
import html
import os
import shutil
import threading
from pathlib import Path

import yaml

from . import bundle, cache as cache_module, mkdocs_run, notfound, publish, reuse, search, traditional, workers
from .cache import Cache
from .derived import Derived
from .manifest import load_site_config
from .pipeline import Book
from .render import Page

GENERATED_LIST = publish.GENERATED_LIST
# Cache folders of earlier versions of this step (separate 繁體 and offline
# passes, before derived.py made both in one): up to 36 MB an upgraded project
# would otherwise keep for ever.
RETIRED_MEMOS = ("traditional", "offline")


def warm_up() -> None:
    """What the publishing step loads in any build that publishes — MkDocs'
    modules (≈ 0.2 s), OpenCC's s2t tables (≈ 0.1 s, traditional.load) —
    loaded by the build while it waits for its volume workers
    (pipeline._prepare_later_stages) or for the name indexes' process
    (pipeline._collect_names), when a core is idle, rather than after."""
    import mkdocs.commands.build  # noqa: F401 (the modules mkdocs_run.build and load_config use)
    import mkdocs.config.defaults  # noqa: F401
    import mkdocs.localization  # noqa: F401
    import mkdocs.structure.nav  # noqa: F401
    import mkdocs.theme  # noqa: F401
    import markdown.extensions.fenced_code  # noqa: F401 (MkDocs' built-in extensions, imported by load_config)
    import markdown.extensions.tables  # noqa: F401
    import markdown.extensions.toc  # noqa: F401
    from mkdocs import utils

    from . import block_fastpath, inline_fastpath, traditional  # noqa: F401 (the Markdown extensions of ours)

    utils.get_themes()  # the installed themes' entry points, found once per process (≈ 0.02 s)
    traditional.load()


def publish_book(root: Path, book: Book, cache: Cache, inputs: str, progress,
                 recycled: reuse.Recycled | None = None) -> dict:
    """Stage, build and publish `book`; return figures for the caller to print.
    `recycled`: the site the last build replaced, to write this one into (reuse.py)."""
    work = root / ".build"
    _clear_work(work)
    stage_docs = work / "docs"
    _copy_handwritten(root / "docs", stage_docs)
    # The generated pages are written into those the last swap replaced (reuse.take_docs).
    recycled_docs = work / publish.RECYCLE / "docs"
    docs_tree = reuse.take_docs(recycled_docs, {p.path.split("/")[0] for p in book.pages} | {"data"}, stage_docs)
    publish.discard(work, recycled_docs)  # what is no longer generated
    generated = _write_pages(docs_tree, book.pages)
    progress(f"wrote {len(book.pages)} pages into .build/docs")
    # The data files go into docs/data/ before MkDocs runs, so MkDocs copies
    # them and rewrites the pages' links to them (guide.md's data/entries.json)
    # correctly for directory URLs (hosted) and for .html URLs (offline).
    memos = {name: cache_module.Memo(cache.dir / name) for name in ("derived", "zip")}
    # The zip members of what is known now (the data files, the bundle's search
    # index: ≈ 12 MB to deflate) are compressed while MkDocs runs.
    compressor = bundle.Compressor(memos["zip"], workers.processes())
    written = {f"data/{name}" for name in book.data}
    docs_tree.plan(written)
    (stage_docs / "data").mkdir(exist_ok=True)
    for name, text in book.data.items():
        data = text.encode("utf-8")
        compressor.start(data)
        docs_tree.write(f"data/{name}", data)
    docs_tree.finish(written | {p.path for p in book.pages})
    for text in book.search_files["offline"].values():
        compressor.start(text.encode("utf-8"))
    generated = sorted(set(generated) | {"data"})

    try:
        recycled = recycled or reuse.Recycled(work / publish.RECYCLE / "site")
        dist = _site_and_bundle(root, work, stage_docs, book, cache, memos, compressor, recycled, progress)
    finally:
        compressor.close()

    cache.forget_stamp()  # from here on the published outputs change
    publish.publish(root, stage_docs, generated, work / "site", dist)
    progress("published site/ and dist/")
    listing = cache.published() or []  # one walk for the figures and the stamp
    figures = {
        **book.figures,
        "site_bytes": sum(size for rel, size, _ in listing if rel.startswith("site/")),
        "bundle_bytes": (root / "dist" / "yearbook-offline.zip").stat().st_size,
    }
    workers.later(lambda: _prune(memos.values()))
    for name in RETIRED_MEMOS:  # an earlier version's, never read again: into the trash
        publish.discard(work, cache.dir / name)
    cache.write_stamp(inputs, figures, listing)
    return figures


def _prune(memos) -> None:
    """Drop what this build did not use (cache.Memo.prune), once the workers
    released after their answer have written their files into them."""
    workers.settle()
    for memo in memos:
        memo.prune()


def _site_and_bundle(root: Path, work: Path, stage_docs: Path, book: Book, cache: Cache, memos: dict,
                     compressor: bundle.Compressor, recycled: reuse.Recycled, progress) -> Path:
    """The hosted site (.build/site) and the offline bundle (.build/dist); return the latter."""
    # MkDocs once, in-process, for the hosted site; the offline bundle is
    # derived from it (offline.py), not built a second time.
    hosted = work / "site"
    site_config = load_site_config(root)  # read once: a YAML parse costs ≈ 0.03 s
    tree = recycled.take(hosted)
    site_url = str(site_config.get("site_url") or "")
    md_paths = [p.path for p in book.pages] + _handwritten_pages(stage_docs)
    # The search engine and its index scripts (search/*.js, made by the pipeline).
    searched = [f"search/{name}" for name in book.search_files["hosted"]]

    def derived_from(files: list[str] | None) -> Derived:
        """The 繁體 copy (zh-Hant/) and the offline bundle of the hosted site
        whose files are `files` (None: listed from the disk)."""
        return Derived(hosted, md_paths, book.search_files["offline"], site_url, memos["derived"], memos["zip"],
                       compressor, tree, files)

    early = []

    def derive(planned: set[str], keys: dict[str, str]):
        """Called by MkDocs' run before it lays out any page: what is derived
        from a page is made by the worker that lays it out (mkdocs_run.build)."""
        if any(rel.startswith(f"{traditional.FOLDER}/") for rel in planned):
            return None  # docs/ has a zh-Hant/ of its own: the copy replaces it when the site is whole
        traditional.load()  # before the workers are forked: they inherit OpenCC's tables
        early.append(derived_from(sorted(planned | set(searched))))
        return early[0].deriver(keys)

    done = _mkdocs_hosted(root, work, stage_docs, hosted, book.nav, site_config, cache, progress, len(book.pages),
                          tree, derive, {p.path: p.markdown for p in book.pages})
    tree.plan(searched)
    search.write(hosted, book.search_files["hosted"])
    notfound.fix(hosted, site_url)
    progress("offline bundle: derived from the hosted site, with the 繁體 copy")
    made = done.get("derived")
    if made is not None:
        derived = early[0]
    else:  # derived once the site is whole, from every file of it as written (a plugin build: as listed)
        derived = derived_from(sorted(set(done["outputs"]) | set(searched)) if "outputs" in done else None)
        made = {}
    converted = derived.pages(done.get("keys", {}), workers.processes(), made)
    progress(f"wrote the offline pages and the 繁體 copy: {converted} pages")
    dist = work / "dist"
    dist.mkdir()
    derived.write_zip(dist / "yearbook-offline.zip")
    progress("wrote offline bundle")
    return dist


def _clear_work(work: Path) -> None:
    """Empty the scratch folder .build/, keeping its cache/ (see cache.py),
    the trash and the site to recycle (reuse.py): what an earlier build left
    goes into the trash (publish.discard)."""
    if not work.is_dir():
        return
    for item in sorted(work.iterdir()):
        if item.name not in ("cache", publish.TRASH, publish.RECYCLE):
            publish.discard(work, item)


def _copy_handwritten(docs: Path, dest: Path) -> None:
    skip = publish.generated_names(docs)
    dest.mkdir(parents=True)
    if not docs.is_dir():
        return
    for item in sorted(docs.iterdir()):
        if item.name in skip or item.name == GENERATED_LIST:
            continue
        target = dest / item.name
        if item.is_dir():
            shutil.copytree(item, target)
        else:
            shutil.copy2(item, target)


def _write_pages(docs: reuse.Tree, pages: list[Page]) -> list[str]:
    top = set()
    docs.plan(page.path for page in pages)
    for page in pages:
        docs.write(page.path, page.markdown.encode("utf-8"))
        top.add(page.path.split("/")[0])
    return sorted(top)


def _handwritten_pages(docs: Path) -> list[str]:
    """Markdown paths of the hand-written pages staged in docs/ (guide.md …)."""
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def _mkdocs_hosted(root: Path, work: Path, docs: Path, site: Path, nav: list, site_config: dict, cache: Cache,
                   progress, pages_total: int, tree: reuse.Tree, derive, sources: dict[str, str]) -> dict:
    """MkDocs, in this process, for the hosted site, written into `tree` (see
    mkdocs_run.py: pages whose inputs did not change come from the cache, the
    others are rendered over the cores, and `derive` makes what is derived
    from them in the same workers); return what mkdocs_run.build returns.
    `sources`: the generated pages' Markdown as written into `docs`."""
    path = _hosted_config(root, work, docs, site, site_config)
    # Fixed build date (sitemap, footer) so two builds of one input are identical.
    os.environ.setdefault("SOURCE_DATE_EPOCH", cache_module.DEFAULT_EPOCH)
    progress("mkdocs build (hosted)")
    reporter = _PagesWritten(site, pages_total, progress)
    try:
        done = mkdocs_run.build(path, cache.dir / "mkdocs", os.cpu_count() or 1, tree, derive, sources,
                                nav=_escape_nav(nav))
    finally:
        reporter.stop()
    if done:
        progress(f"mkdocs: {done['pages']} pages, {done['converted']} converted from Markdown and "
                 f"{done['laid_out']} laid out anew, the rest unchanged since the last build")
    return done


def ahead(cache: Cache) -> None:
    """In a cold build, what the MkDocs run would do first done ahead, in
    the pipeline's waits (workers.idle_steps: while a worker or the names
    process works and a core is free): its configuration read, the theme's
    templates compiled into Jinja's bytecode cache and the theme's own
    files found (mkdocs_run.ahead). Otherwise the run does it on the
    build's critical path: ≈ 0.15 s for the 404 page's templates, ≈ 0.05 s
    again in each layout worker, ≈ 0.07 s for the theme's files. A rebuild
    has them kept."""
    if any((cache.dir / "mkdocs" / "templates").glob("*")):
        return
    root = cache.root
    work = root / ".build"

    def steps():
        site_config = load_site_config(root)
        (work / "docs").mkdir(parents=True, exist_ok=True)  # (MkDocs checks the folder; the build stages it anew)
        path = _hosted_config(root, work, work / "docs", work / "site", site_config)
        yield
        yield from mkdocs_run.ahead(path, cache.dir / "mkdocs")

    workers.idle_steps(steps())


def _hosted_config(root: Path, work: Path, docs: Path, site: Path, site_config: dict) -> Path:
    """The configuration MkDocs reads for the hosted site, written under
    .build/ with the theme it names staged: mkdocs.yml's settings with the
    build's own."""
    theme_dir = _stage_theme(root, work, site_config)
    config = copy.deepcopy(site_config)
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    # The generated nav goes to MkDocs as it is, over the file's settings:
    # written as YAML and read back it costs ≈ 0.1 s (pure-Python YAML).
    config.pop("nav", None)
    # Inline patterns and block tests not tried on text they cannot match (same HTML, less time).
    config["markdown_extensions"] = list(config.get("markdown_extensions") or []) + [
        "build_scripts.inline_fastpath", "build_scripts.block_fastpath"]
    theme = config.get("theme", {})
    if isinstance(theme, dict):
        theme["custom_dir"] = str(theme_dir)
    # The site's address (mkdocs.yml site_url, its one home) also goes to the
    # pages as extra.site_address, for the URL in a citation (cite.js); the
    # offline bundle drops the canonical links and sitemap (offline.py).
    config.setdefault("extra", {})["site_address"] = str(config.get("site_url") or "")
    path = work / "mkdocs-hosted.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


PROGRESS_EVERY = 15.0  # seconds between "pages written" reports of a long MkDocs run


class _PagesWritten:
    """On a large book, report now and then how many pages MkDocs has written."""

    def __init__(self, site: Path, total: int, progress):
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(site, total, progress), daemon=True)
        self._thread.start()

    def _run(self, site: Path, total: int, progress) -> None:
        while not self._done.wait(PROGRESS_EVERY):
            written = sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0
            progress(f"mkdocs build (hosted): {written} of {total} pages written")

    def stop(self) -> None:
        self._done.set()


def _stage_theme(root: Path, work: Path, site_config: dict) -> Path:
    """The project's overrides/ with the search's own partials laid over them
    (build_scripts/search/templates/), staged under .build/."""
    theme = site_config.get("theme", {})
    custom = root / theme["custom_dir"] if isinstance(theme, dict) and theme.get("custom_dir") else None
    return search.stage_theme(custom, work / "theme")


def _escape_nav(nav):
    """Nav titles with HTML special characters escaped: MkDocs and Material put
    nav titles into the page (menu, <title>) without escaping, so a title such
    as 工作总结<img onerror=…> from the input would otherwise become markup."""
    if isinstance(nav, list):
        return [_escape_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {html.escape(title, quote=False): _escape_nav(value) for title, value in nav.items()}
    return nav

