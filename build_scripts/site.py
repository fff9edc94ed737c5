"""Stage 6, site: run the whole pipeline and publish atomically (建站).

read → repair → structure → render → export → MkDocs (hosted + offline) → zip.
Everything is built under .build/ first; docs/ (generated part), site/ and
dist/ are replaced only when every step succeeded, so a failed build leaves
the previous site intact.
"""
from __future__ import annotations

import html
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import audit_page, export, layout, notfound, publish, search, traditional, volume_home
from .cache import Cache
from .glossary import pages as glossary_pages
from .indexes import build_indexes
from .indexes import printed as printed_index
from .indexes.tagging import Tagger
from .layout import Layout
from .errors import BuildError, InputError, worker_signals
from .yamlfile import read_yaml
from .manifest import load_manifest
from .model import Line, Volume, VolumeSpec
from .reader import read_lines
from .render import Page, escape, render_volume
from .repair import repair
from .repair.wrap import _segmenter
from .structure.reports import parse_reports
from .structure.yearbook import parse_yearbook

GENERATED_LIST = publish.GENERATED_LIST
SHIM = "assets/javascripts/iframe-worker-shim.js"  # vendored npm iframe-worker (MIT)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed member dates: the bundle is byte-reproducible


@dataclass
class Progress:
    quiet: bool = False
    _t0: float = time.monotonic()

    def __call__(self, message: str) -> None:
        if not self.quiet:
            print(f"[{time.monotonic() - self._t0:6.1f}s] {message}", file=sys.stderr, flush=True)


def structure_volume(spec: VolumeSpec, seeds: Path, progress=lambda m: None) -> Volume:
    """read → repair → structure for one volume."""
    audit = []
    documents: list[list[Line]] = []
    extracted: list[str] = []  # the lines as read, for the printed 条目索引's own layout
    for source in spec.sources:
        lines = read_lines(seeds / source.file, source.file)
        progress(f"read {source.file}: {len(lines)} lines")
        extracted += [line.text for line in lines]
        repaired, records = repair(lines, spec.running_heads)
        audit.extend(records)
        documents.append(repaired)
    progress(f"repaired {spec.id}: {len(audit)} changes audited")
    if spec.kind == "yearbook":
        lines = [line for doc in documents for line in doc]
        volume = parse_yearbook(spec, lines, audit)
        volume.finding_aids.printed_index = printed_index.parse(extracted)
    else:
        volume = parse_reports(spec, documents, audit)
    count = sum(1 for _ in volume.entries())
    progress(f"structured {spec.id}: {len(volume.parts)} parts, {count} entries")
    # A text with no structure signal at all comes out as one entry named after
    # the volume (structure/parts.py keeps the text whole): that is no
    # recovered structure either, and the editor must hear of it.
    recovered = sum(1 for _, _, e in volume.entries() if e.title != spec.title)
    if recovered == 0:
        files = ", ".join(f"seeds/{s.file}" for s in spec.sources)
        print(f"warning: {files}: volume '{spec.id}' has no entries of its own; its structure "
              f"(篇/章 headings, 【】 entries) was not recovered, the text is kept as one page, "
              f"see the 修订记录", file=sys.stderr, flush=True)
    return volume


@dataclass
class Book:
    """Everything the site is made of, before MkDocs: the generated pages, the
    navigation, the data files of the contract and the search records."""

    pages: list[Page]
    nav: list
    data: dict[str, str]
    searchable: list[dict]
    figures: dict


def build(root: Path, progress=Progress()) -> dict:
    """Build everything; return figures for the caller to print."""
    root = root.resolve()
    with publish.lock(root):
        # A publish a kill interrupted is completed first: its staged site
        # lives in .build/, which this build is about to clear.
        publish.recover(root, progress)
        return _build(root, progress)


def _build(root: Path, progress) -> dict:
    cache = Cache(root)
    inputs = cache.inputs_hash()
    unchanged = cache.unchanged(inputs)
    if unchanged is not None:
        progress("unchanged: no input changed since the last build; docs/, site/ and dist/ are current")
        return unchanged
    specs = load_manifest(root / "seeds" / "volumes.yml", _handwritten(root / "docs"))
    load_site_config(root)  # fail fast on a broken mkdocs.yml, before the long stages
    volumes = _structure_all(specs, root / "seeds", cache, progress)
    cache.prune_volumes()
    # Every input (seeds, glossary-extra.yml, pinyin-phrases.yml) is read by
    # now: bad input stops the build before anything is touched.
    tagger = Tagger(cache.load_tags())
    book = assemble(volumes, root / "seeds", progress, tagger)
    cache.save_tags(tagger.memo)

    work = root / ".build"
    _clear_work(work)
    stage_docs = work / "docs"
    _copy_handwritten(root / "docs", stage_docs)
    generated = _write_pages(stage_docs, book.pages)
    progress(f"rendered {len(book.pages)} pages")
    # The data files go into docs/data/ before MkDocs runs, so MkDocs copies
    # them and rewrites the pages' links to them (guide.md's data/entries.json)
    # correctly for directory URLs (hosted) and for .html URLs (offline).
    (stage_docs / "data").mkdir(exist_ok=True)
    for name, text in book.data.items():
        (stage_docs / "data" / name).write_text(text, encoding="utf-8")
    generated = sorted(set(generated) | {"data"})

    total = len(book.pages)
    # The two MkDocs runs are independent (same pages, own site folders): run
    # them at once, one per core.
    hosted, offline = _mkdocs_all(
        root, work, stage_docs, book.nav, [(work / "site", False), (work / "offline", True)], progress, total
    )
    # The search engine and its index scripts (search/*.js), per volume.
    search_volumes = [{"id": v.id, "title": v.spec.title, "year": v.spec.year} for v in volumes]
    search.write(hosted, book.searchable, volumes=search_volumes)
    search.write(offline, book.searchable, layout=Layout(p.path for p in book.pages), volumes=search_volumes)
    progress("wrote search index")
    site_url = str(load_site_config(root).get("site_url") or "")
    notfound.fix(hosted, site_url)
    notfound.fix(offline)
    # The 繁體 copy of each build (zh-Hant/), made from the finished pages.
    converted = traditional.write(hosted, site_url)
    traditional.write(offline)
    progress(f"wrote the 繁體 copy: {converted} pages")
    dist = work / "dist"
    dist.mkdir()
    _zip(offline, dist / "yearbook-offline.zip")
    progress("wrote offline bundle")

    cache.forget_stamp()  # from here on the published outputs change
    publish.publish(root, stage_docs, generated, hosted, dist)
    progress("published site/ and dist/")
    figures = {
        **book.figures,
        "site_bytes": _size(root / "site"),
        "bundle_bytes": (root / "dist" / "yearbook-offline.zip").stat().st_size,
    }
    cache.write_stamp(inputs, figures)
    return figures


def _structure_all(specs: list[VolumeSpec], seeds: Path, cache: Cache, progress) -> list[Volume]:
    """read → repair → structure of every volume, or its result from the cache
    when the volume's sources, manifest entry and the code are those of an
    earlier build. Volumes are independent: when several must be structured,
    they are, side by side, in worker processes (one per core)."""
    keys = [cache.volume_key(spec, seeds) for spec in specs]
    volumes: list[Volume | None] = [cache.load_volume(key) for key in keys]
    for spec, volume in zip(specs, volumes):
        if volume is not None:
            progress(f"structured {spec.id} (cached, inputs unchanged): {len(volume.parts)} parts, {sum(1 for _ in volume.entries())} entries")
    todo = [i for i, v in enumerate(volumes) if v is None]
    processes = min(len(todo), os.cpu_count() or 1)
    if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for i in todo:
            volumes[i] = structure_volume(specs[i], seeds, progress)
    else:
        # jieba's dictionary (wrap repair) loaded once, before the workers fork.
        _segmenter()
        with multiprocessing.get_context("fork").Pool(processes, initializer=worker_signals) as pool:
            # Progress lines of the workers go to stderr as usual; another
            # progress callable (a test's log) may not cross processes.
            shown = progress if isinstance(progress, Progress) else None
            results = pool.imap(_structure_worker, [(specs[i], seeds, shown) for i in todo])
            for i, result in zip(todo, results):
                if isinstance(result, tuple):  # an InputError, sent back as its parts
                    raise InputError(*result)
                volumes[i] = result
    for i in todo:
        cache.save_volume(keys[i], volumes[i])
    return volumes


def _structure_worker(job) -> Volume | tuple:
    spec, seeds, progress = job
    try:
        return structure_volume(spec, seeds, progress or (lambda m: None))
    except InputError as exc:  # its constructor takes three arguments: pickle its parts
        return (exc.file, exc.problem, exc.line)


def _clear_work(work: Path) -> None:
    """Empty the scratch folder .build/, keeping its cache/ (see cache.py)."""
    if not work.is_dir():
        return
    for item in work.iterdir():
        if item.name == "cache":
            continue
        if item.is_dir() and not item.is_symlink():
            shutil.rmtree(item, ignore_errors=True)
        else:
            item.unlink(missing_ok=True)


def assemble(volumes: list[Volume], seeds: Path, progress=lambda m: None, tagger: Tagger | None = None) -> Book:
    """glossary → render → indexes → export, for all volumes: the whole book
    as pages, navigation and data, in reading order."""
    glossary = glossary_pages.prepare(volumes, seeds)
    for warning in glossary.warnings:
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    pages: list[Page] = []
    nav: list = [{"首页": "index.md"}]
    entries: list[dict] = []
    audit = []
    for volume in volumes:
        rendered = render_volume(volume, glossary.linker.mark)
        pages += volume_home.pages(volume) + rendered.pages
        # 名词解释 is in the menu once (the combined page, below); the volume's
        # own glossary page is linked from the volume home.
        nav += rendered.nav
        entries += export.entry_records(volume, rendered)
        audit += volume.audit
    pages += glossary_pages.pages(glossary)
    nav.append({glossary_pages.TITLE: glossary_pages.COMBINED})
    pages.append(Page(audit_page.PATH, audit_page.TITLE, audit_page.render_audit(audit)))
    figures = glossary.figures()
    progress(f"glossary: {figures['glossary_terms']} terms, {figures['glossary_marks']} marked occurrences in {figures['glossary_entries']} entries")
    indexes = build_indexes(volumes, seeds, [(t.term, [o.entry_id for o in t.occurrences]) for t in glossary.terms], tagger)
    progress(f"indexes: {sum(len(v) for k, v in indexes.data.items() if k != 'printed_index')} headings")
    pages += indexes.pages
    pages.append(Page("index.md", "首页", _home(volumes, indexes.nav)))
    nav.append({"索引": indexes.nav})
    # Editors' material (the raw front matter, the printed 目录/索引) sits
    # beside the 修订记录, out of the reader's volume menus.
    editors = [volume_home.editors_nav_item(v) for v in volumes]
    nav.append({"使用说明": ["guide.md", {audit_page.TITLE: audit_page.PATH}, *editors]})
    glossary_records = glossary_pages.records(glossary)
    data = {
        "entries.json": export.dumps(entries),
        "audit.json": export.dumps(export.audit_document(audit)),
        "glossary.json": export.dumps(glossary_records),
        "index.json": export.dumps(indexes.data),
    }
    # Search covers every entry, then the 名词解释 terms.
    searchable = entries + search.glossary_records(glossary_records)
    figures.update(entries=len(entries), pages=len(pages), audit_records=len(audit))
    return Book(pages, nav, data, searchable, figures)


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
        if p.name != GENERATED_LIST and not layout.is_generated(docs, p.name)
    )


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


def _write_pages(docs: Path, pages: list[Page]) -> list[str]:
    top = set()
    for page in pages:
        path = docs / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
        top.add(page.path.split("/")[0])
    return sorted(top)


def _mkdocs_all(root: Path, work: Path, docs: Path, nav: list, runs: list[tuple[Path, bool]], progress, pages_total: int = 0) -> list[Path]:
    """MkDocs runs (site folder, offline?) side by side, each its own process."""
    jobs = []
    theme_dir = _stage_theme(root, work)
    try:
        for site, offline in runs:
            # One line per run as it starts; the runs then go on side by side.
            progress(f"mkdocs build ({'offline' if offline else 'hosted'})")
            jobs.append(_mkdocs_start(root, work, docs, site, nav, offline, theme_dir))
        for job in jobs:
            _mkdocs_finish(job, pages_total, progress)
    finally:
        for proc, log, *_ in jobs:
            if proc.poll() is None:  # interrupted or one failed: do not leave MkDocs running
                proc.kill()
                proc.wait()
            log.close()
    return [site for site, _ in runs]


def _stage_theme(root: Path, work: Path) -> Path:
    """The project's overrides/ with the search's own partials laid over them
    (build_scripts/search/templates/), staged under .build/ once for both runs."""
    theme = load_site_config(root).get("theme", {})
    custom = root / theme["custom_dir"] if isinstance(theme, dict) and theme.get("custom_dir") else None
    return search.stage_theme(custom, work / "theme")


def _mkdocs_start(root: Path, work: Path, docs: Path, site: Path, nav: list, offline: bool, theme_dir: Path):
    config = load_site_config(root)
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["nav"] = _escape_nav(nav)
    theme = config.get("theme", {})
    if isinstance(theme, dict):
        theme["custom_dir"] = str(theme_dir)
    # The site's address (mkdocs.yml site_url, its one home) also goes to the
    # pages as extra.site_address, for the URL in a citation (cite.js). The
    # offline bundle keeps that but drops site_url itself: no canonical links
    # or sitemap entries pointing at a host from a file:// copy.
    address = str(config.get("site_url") or "")
    config.setdefault("extra", {})["site_address"] = address
    if offline:
        config["site_url"] = ""
        # Material's offline plugin adds https://unpkg.com/iframe-worker/shim to
        # the page unless a polyfill whose URL names iframe-worker is present:
        # ship the vendored copy so offline search starts without a network.
        config.setdefault("extra", {})["polyfills"] = [SHIM]
        config["plugins"] = list(config.get("plugins", [])) + ["offline"]
        config["use_directory_urls"] = False
    path = work / ("mkdocs-offline.yml" if offline else "mkdocs-hosted.yml")
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = dict(os.environ)
    # Fixed build date (sitemap, footer) so two builds of one input are identical.
    env.setdefault("SOURCE_DATE_EPOCH", "1704067200")
    label = "offline" if offline else "hosted"
    # stderr goes to a file, not a pipe: thousands of warnings would fill a pipe
    # and stall MkDocs while this process waits for it.
    log = (work / f"mkdocs-{label}.log").open("w+", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "-f", str(path)],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=log, text=True,
    )
    return proc, log, site, label


def _mkdocs_finish(job, pages_total: int, progress) -> None:
    proc, log, site, label = job
    with log:
        _wait_with_progress(proc, site, pages_total, label, progress)
        log.seek(0)
        stderr = log.read()
    if proc.returncode != 0:
        last = (stderr.strip().splitlines() or ["unknown error"])[-1]
        raise BuildError(f"mkdocs build failed: {last}")


PROGRESS_EVERY = 15.0  # seconds between "pages written" reports of a long MkDocs run


def _wait_with_progress(proc, site: Path, pages_total: int, label: str, progress) -> None:
    """Wait for MkDocs; on a large book, report how many pages it has written."""
    last = time.monotonic()
    while proc.poll() is None:
        time.sleep(0.2)
        if time.monotonic() - last >= PROGRESS_EVERY:
            last = time.monotonic()
            written = sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0
            progress(f"mkdocs build ({label}): {written} of {pages_total} pages written")


def _escape_nav(nav):
    """Nav titles with HTML special characters escaped: MkDocs and Material put
    nav titles into the page (menu, <title>) without escaping, so a title such
    as 工作总结<img onerror=…> from the input would otherwise become markup."""
    if isinstance(nav, list):
        return [_escape_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {html.escape(title, quote=False): _escape_nav(value) for title, value in nav.items()}
    return nav


def load_site_config(root: Path) -> dict:
    """The hand-written mkdocs.yml; a typo there is bad input like any other."""
    path = root / "mkdocs.yml"
    _, config = read_yaml(path, "mkdocs.yml")
    if not isinstance(config, dict):
        raise InputError("mkdocs.yml", "expected a mapping of MkDocs settings")
    return config


def _zip(site: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"yearbook/{path.relative_to(site).as_posix()}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


__all__ = ["build", "structure_volume", "BuildError", "InputError"]
