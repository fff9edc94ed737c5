"""MkDocs, run once and in-process, with a cache of rendered pages (站点渲染).

`build(config_file, …)` does what `mkdocs build` does (mkdocs.commands.build.build,
whose steps it follows, plugin events included) with two differences that make
it cheap:

- a page whose inputs did not change is not rendered again: its Markdown → HTML
  conversion is kept under a key of everything that conversion reads (the page's
  Markdown and path, the Markdown settings of the configuration, the list of
  files its links resolve against, the code); its finished HTML under that key
  plus everything the template reads (the whole configuration with the nav,
  the theme's files, every page's title and URL, the build date). A key covers
  every input, so a cached page is the page MkDocs would write;
- the pages still to render are split over worker processes, one per core
  (forked after MkDocs has read its configuration and files, so each worker
  shares them; Python-Markdown is pure Python and holds the GIL).

A configuration with plugins of its own (mkdocs.yml `plugins:`) is built by
MkDocs' own `build`, without the cache or the workers: a plugin may read
anything, so no key could cover it.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
from pathlib import Path

from . import pieces, workers
from .cache import Memo, code_hash
from .errors import BuildError
from .reuse import Tree


class _Collect(logging.Handler):
    """MkDocs' log records of a run, so a failure can name its cause in one line."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.errors: list[str] = []

    def emit(self, record):
        (self.errors if record.levelno >= logging.ERROR else self.messages).append(record.getMessage())


def build(config_file: Path, cache_dir: Path | None, processes: int = 1, tree: Tree | None = None,
          derive=None, sources: dict[str, str] | None = None, **settings) -> dict:
    """Build the site `config_file` describes; return how many Markdown pages
    it has and how many were converted and laid out anew (the rest came from
    the cache), under "keys" each page's output file (posix path in the
    site) with the key of its HTML: a digest of every input of that HTML, so a
    step derived from a page alone can be kept under it (derived.py), and
    under "outputs" every file written. `cache_dir`: where rendered pages are
    kept (None: no cache); `tree`: the site folder to write into (reuse.py:
    recycled; None: emptied first); `derive(files, keys)`: called with every
    file the build will write and the keys once they are known, before any
    page is laid out, it returns the function of a page's output file that
    the worker laying the page out calls after writing it (or None); its
    results are under "derived" (by output file; None when `derive` gave no
    function or the list proved wrong). `sources`: the text of pages the
    caller has just written into docs_dir, by path there (output.py's
    generated pages), taken as MkDocs would read them back.
    `settings`: configuration values over the file's (as `mkdocs build`'s
    options). A configuration with plugins, built by MkDocs itself, returns
    none of these."""
    import jinja2
    from mkdocs import exceptions
    from mkdocs.config import load_config

    with _quiet_mkdocs() as handler:
        try:
            config = load_config(config_file=str(config_file), **settings)
            if len(config.plugins):
                from mkdocs.commands.build import build as mkdocs_build

                mkdocs_build(config)
                return {}
            return _build(config, cache_dir, processes, tree, derive, sources or {})
        except (exceptions.MkDocsException, exceptions.ConfigurationError, jinja2.TemplateError, OSError, ValueError) as exc:
            # The first error MkDocs logged names the cause ("Config value
            # 'markdown_extensions': …"); its exception only says it aborted.
            why = handler.errors[:1] or str(exc).strip().splitlines()[-1:] or ["unknown error"]
            raise BuildError(f"mkdocs build failed: {' '.join(why[0].split())}") from None


def ahead(config_file: Path, cache_dir: Path):
    """A generator: what `build` of `config_file` would do first on the
    build's critical path, done ahead a step at a time (output.ahead runs
    the steps while the pipeline waits): the theme's static files found and
    kept (`_theme_files`), then each template a page, the 404 page or
    the sitemap reaches (its {% extends %}, {% include %} and {% import %}
    of a fixed name, followed from `main.html` and the theme's own pages)
    compiled into Jinja's bytecode cache, one template per step, as
    Jinja's loader would compile and keep it (its key: the template's name,
    file and source). `build` then reads what it finds there, under the
    same keys."""
    import jinja2
    from jinja2 import meta
    from mkdocs.config import load_config

    with _quiet_mkdocs():
        config = load_config(config_file=str(config_file))
    if len(config.plugins):  # built by MkDocs itself: nothing of this is read
        return
    env = config.theme.get_env()
    cache = _template_cache(env, cache_dir)
    yield
    theme_trees = _theme_trees(config)
    _theme_files(env, config, _Store(cache_dir), theme_trees)
    yield
    todo = ["main.html", *config.theme.static_templates]
    seen = set()
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = env.loader.get_source(env, name)
        except jinja2.TemplateNotFound:  # ({% include … ignore missing %})
            continue
        tree = env.parse(source, name, filename)
        todo += [ref for ref in meta.find_referenced_templates(tree) if ref]
        bucket = cache.get_bucket(env, name, filename, source)
        if bucket.code is None:
            bucket.code = env.compile(tree, name, filename)
            cache.set_bucket(bucket)
        yield


def _template_cache(env, cache_dir: Path):
    """Jinja's bytecode cache of the theme's templates, kept under `cache_dir`
    (keyed on each template's source and the Python version)."""
    import jinja2

    (cache_dir / "templates").mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache_dir / "templates"))
    return env.bytecode_cache


@contextlib.contextmanager
def _quiet_mkdocs():
    """MkDocs' log quiet, as `mkdocs build --quiet`: its warnings and errors
    collected (the handler it yields), not printed."""
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def _theme_trees(config) -> list[str]:
    """Digests of the theme folders that are the project's (custom_dir), not an installed package's."""
    return [_tree_digest(d) for d in config.theme.dirs if not _installed(d)]


def _digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _tree_digest(folder: str | None) -> str:
    h = hashlib.sha256()
    if folder and os.path.isdir(folder):
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _build(config, cache_dir: Path | None, processes: int, tree: Tree | None, derive,
           sources: dict[str, str]) -> dict:
    from mkdocs import utils
    from mkdocs.commands import build as mk
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    if tree is None:
        utils.clean_directory(config.site_dir)
        tree = Tree(Path(config.site_dir))
    files = get_files(config)
    env = config.theme.get_env()
    if cache_dir is not None:
        # The theme's templates compiled once and kept (Jinja's own cache,
        # keyed on each template's source and the Python version): laying
        # out the two pages of a one-report rebuild otherwise spends most of
        # its time compiling Material's templates again (≈ 0.5 s).
        _template_cache(env, cache_dir)
    theme_trees = _theme_trees(config)
    store = _Store(cache_dir)
    _add_theme_files(files, env, config, store, theme_trees)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)

    pages = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        pages.append(file.page)
    file_list = "\n".join(f"{f.src_uri}\t{f.dest_uri}\t{f.url}" for f in files)
    # What a page's conversion reads besides its own Markdown (nav excluded: the
    # conversion does not read it; the template does, see `page_global`).
    settings = {k: v for k, v in config.items() if k not in ("nav", "plugins", "theme")}
    render_global = _digest(code_hash(), repr(sorted(settings.items(), key=lambda kv: kv[0])), file_list)

    # 1. Markdown → HTML, from the cache or rendered (in workers when many).
    keys = {}
    todo = []
    for page in pages:
        _known_source(page.file, sources.get(page.file.src_uri))
        config._current_page = page
        page.read_source(config)
        config._current_page = None
        keys[page.file.src_uri] = key = _digest(render_global, page.file.src_uri, page.markdown)
        cached = store.load("render", key)
        if cached is None:
            todo.append(page)
        else:
            _restore(page, cached, files)
    converted = len(todo)
    # A large page is converted in pieces, each kept (pieces.py): a rebuild
    # converts only the pieces that changed. Looked up here, so that this
    # process knows which entries the build used (cache.Memo.prune); a page
    # from the cache keeps its pieces too, for the next build that changes it.
    plans = {}
    todo_uris = {page.file.src_uri for page in todo}
    for page in pages:
        cut = pieces.cut(page.markdown or "")
        if cut is None:
            continue
        piece_keys = [_digest(render_global, page.file.src_uri, "piece", text) for text in cut]
        if page.file.src_uri in todo_uris:
            plans[page.file.src_uri] = [(k, text, store.load("render", k)) for k, text in zip(piece_keys, cut)]
        else:
            store.keep("render", piece_keys)

    def render(page):
        plan = plans.get(page.file.src_uri)
        result = _render_pieces(page, config, files, plan, store) if plan else None
        if result is None:
            result = _render_one(page, config, files)
        store.save("render", keys[page.file.src_uri], result, later=True)  # by the worker: the saving too is spread
        return result

    def size(page) -> int:  # what is left to convert
        plan = plans.get(page.file.src_uri)
        return sum(len(text) for _, text, kept in plan if kept is None) if plan else len(page.markdown or "")

    results = workers.map_forked(render, todo, processes, size=size)
    for page, result in zip(todo, results):
        _restore(page, result, files)

    env = config.plugins.on_env(env, config=config, files=files)
    static = [f.dest_uri for f in files if not f.is_documentation_page() and InclusionLevel.is_included(f.inclusion)]
    templates = [*config.theme.static_templates, *config.extra_templates]
    made_by_templates = templates + [t + ".gz" for t in templates]  # sitemap.xml.gz
    tree.plan([p.file.dest_uri for p in pages] + static + made_by_templates)
    # A template that makes nothing writes nothing: no recycled file is left where it writes.
    for rel in made_by_templates:
        (Path(config.site_dir) / rel).unlink(missing_ok=True)
    files.copy_static_files(inclusion=InclusionLevel.is_included)

    # 2. The template around each page: cached under its conversion's key and
    # everything the template reads.
    theme = config.theme
    page_global = _digest(
        render_global,
        repr(config.get("nav")), repr(dict(theme.items())) if hasattr(theme, "items") else repr(theme),
        # The theme's own files are those of its installed version (in the
        # code hash); the project's custom_dir is read here.
        *theme_trees,
        "\n".join(f"{p.file.src_uri}\t{p.url}\t{p.title}" for p in pages),
        utils.get_build_datetime().isoformat(),
    )
    # The theme's own pages (404.html, sitemap.xml): what they read (the nav,
    # every page's title and URL, the configuration, the date) is all in page_global.
    for template in config.theme.static_templates:
        _static_template(template, _digest(page_global, template), store, env, files, config, nav, tree)
    for template in config.extra_templates:
        mk._build_extra_template(template, files, config, nav)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    todo = []
    written = {}  # each page's output file → the key of its HTML
    for page in pages:
        written[page.file.dest_uri] = key = _digest(page_global, keys[page.file.src_uri])
        output = store.load("page", key)
        if output is None:
            todo.append((page, key))
        else:
            tree.write(page.file.dest_uri, output)
    # Every file the build writes is known now (a page is written unless its
    # HTML is blank): what is derived from a page is made by the worker that
    # lays it out, from the HTML it has just written.
    site = Path(config.site_dir)
    planned = set(static) | set(written) | {rel for rel in made_by_templates if (site / rel).is_file()}
    per_page = derive(planned, written) if derive is not None else None
    made = workers.map_forked(lambda item: _write_page(item, config, doc_files, nav, env, store, per_page), todo,
                              processes, size=lambda item: len(item[0].content or ""))

    log_level = config.validation.links.anchors
    for page in pages:
        page.validate_anchor_links(files=files, log_level=log_level)
    config.plugins.on_post_build(config=config)
    # What this build did not use is dropped at its end, once the workers
    # released after their answer (the printable page's) have written theirs.
    workers.later(store.prune)
    laid_out = [p.file.dest_uri for p, _ in todo]
    outputs = set(static) | (set(written) - set(laid_out)) | {
        rel for rel in laid_out + made_by_templates if (site / rel).is_file()}
    # A blank page (not written) made the list `derive` was given wrong: nothing derived is kept.
    derived = dict(zip(laid_out, made)) if per_page is not None and outputs == planned else None
    return {"pages": len(pages), "converted": converted, "laid_out": len(todo), "keys": written, "outputs": outputs,
            "derived": derived}


def _known_source(file, text: str | None) -> None:
    """A page's Markdown as MkDocs reads it from docs_dir (File.content_string:
    UTF-8, a BOM dropped, line ends made "\n"), from the text the caller
    wrote there instead of the file: ≈ 0.02 s of reading and decoding 5 MB
    on every build's path. A text that reading would change (a BOM, a "\r")
    is read from the file. (File._content is what MkDocs' own generated
    files hold; its setter would also drop the file's path.)"""
    if text is not None and not text.startswith("\ufeff") and "\r" not in text:
        file._content = text


def _installed(folder: str) -> bool:
    """A theme folder of an installed package (its files are those of its
    version, which the code hash covers), not the project's custom_dir."""
    return "-packages" in Path(folder).parts[-4:-1] or "site-packages" in folder


def _add_theme_files(files, env, config, store, theme_trees: list[str]) -> None:
    """files.add_files_from_theme(env, config), with the theme's static files
    (path, theme folder) kept: finding them walks the theme's ≈ 14,500 files
    (Material's icons) through nine name patterns each, on every build. The
    list depends on the theme folders' contents and the patterns' inputs."""
    from mkdocs.structure.files import File

    for path, folder in _theme_files(env, config, store, theme_trees):
        # Theme files do not override docs_dir files (as in MkDocs).
        if files.get_file_from_path(path) is None:
            files.append(File(path, folder, config.site_dir, config.use_directory_urls))


def _theme_files(env, config, store, theme_trees: list[str]) -> list[tuple[str, str]]:
    """(path, theme folder) of each static file of the theme, kept under a
    key of what finds them."""
    from mkdocs import utils

    key = _digest(code_hash(), repr(config.theme.dirs), *theme_trees, repr(sorted(config.theme.static_templates)),
                  repr(sorted(utils.markdown_extensions)))
    found = store.load("render", key)
    if found is None:
        from mkdocs.structure.files import Files

        every = Files([])
        every.add_files_from_theme(env, config)
        found = [(f.src_uri, f.src_dir) for f in every]
        store.save("render", key, found)
    return found


def _static_template(name: str, key: str, store, env, files, config, nav, tree: Tree) -> None:
    """mkdocs.commands.build._build_theme_template, or the files it wrote for the same key."""
    from mkdocs.commands import build as mk

    site = Path(config.site_dir)
    written = store.load("render", key)
    if written is None:
        mk._build_theme_template(name, env, files, config, nav)
        written = {rel: (site / rel).read_bytes() for rel in (name, name + ".gz") if (site / rel).is_file()}
        store.save("render", key, written)
    for rel, data in written.items():
        tree.write(rel, data)


def _render_one(page, config, files):
    """Markdown → HTML of one page (mkdocs.commands.build._populate_page):
    what the page keeps of it, in plain picklable form."""
    config._current_page = page
    try:
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
    finally:
        config._current_page = None
    links = {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()}
    return (page.content, page.toc, page._title_from_render, set(page.present_anchor_ids or ()), links)


def _render_pieces(page, config, files, plan: list[tuple], store: "_Store"):
    """A page's conversion from its pieces (pieces.py), each from the cache
    or converted and kept; None when the page must be converted whole."""
    results = []
    for key, text, kept in plan:
        if kept is None:
            kept = pieces.render(page, config, files, text)
            store.save("render", key, kept, later=True)
        results.append(kept)
    merged = pieces.merge(results)
    if merged is None:
        return None
    content, *rest = merged
    return (config.plugins.on_page_content(content, page=page, config=config, files=files), *rest)


def _restore(page, result, files) -> None:
    content, toc, title, anchors, links = result
    page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, set(anchors)
    page.links_to_anchors = {files.get_file_from_path(uri): dict(v) for uri, v in links.items() if files.get_file_from_path(uri)}


def _write_page(item, config, doc_files, nav, env, store, per_page):
    """One page laid out and written (mkdocs.commands.build._build_page);
    what `per_page` derives from it (None: nothing)."""
    from mkdocs.commands import build as mk

    page, key = item
    path = Path(page.file.abs_dest_path)
    # MkDocs writes nothing for a page whose HTML is blank: then no recycled page is left there.
    path.unlink(missing_ok=True)
    mk._build_page(page, config, doc_files, nav, env)
    if not path.is_file():
        return None
    store.save("page", key, path.read_bytes(), later=True)
    return per_page(page.file.dest_uri) if per_page is not None else None


# -- the cache ------------------------------------------------------------------

class _Store:
    """The two caches of a run (cache.Memo: digest-checked files, what this
    build did not use dropped at its end): conversions (pickled) and pages."""

    def __init__(self, folder: Path | None):
        self.memos = {kind: Memo(folder / kind) for kind in ("render", "page")} if folder else {}

    def load(self, kind: str, key: str):
        if not self.memos:
            return None
        data = self.memos[kind].get(key)
        if data is None or kind == "page":
            return data
        try:
            return pickle.loads(data)
        except Exception:  # from another version of a class: render again
            return None

    def save(self, kind: str, key: str, value, later: bool = False) -> None:
        """Keep `value` under `key`; `later`: written when this process would
        wait, or after its answer (workers.later), what it pickles to taken now."""
        if self.memos:
            data = value if kind == "page" else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            if later:
                workers.later(lambda: self.memos[kind].put(key, data))
            else:
                self.memos[kind].put(key, data)

    def keep(self, kind: str, keys: list[str]) -> None:
        """Entries not looked up by this build that it keeps (as if it had)."""
        if self.memos:
            self.memos[kind].used.update(keys)

    def prune(self) -> None:
        workers.settle()  # (a released worker may still be writing a file into them)
        for memo in self.memos.values():
            memo.prune()
