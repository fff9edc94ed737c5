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
import struct
import sys
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import audit_page, cache as cache_module, export, layout, mkdocs_run, notfound, offline, publish, search, traditional, volume_home
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
from .repair import wrap
from .repair.wrap import _segmenter
from .structure.reports import parse_reports
from .structure.yearbook import parse_yearbook

GENERATED_LIST = publish.GENERATED_LIST
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
    tagger = Tagger(cache.load_tags(), dictionary=cache.load_word_tags())
    book = assemble(volumes, root / "seeds", progress, tagger)
    cache.save_tags(tagger.memo)
    cache.save_word_tags(tagger.dictionary)

    work = root / ".build"
    _clear_work(work)
    stage_docs = work / "docs"
    _copy_handwritten(root / "docs", stage_docs)
    generated = _write_pages(stage_docs, book.pages)
    progress(f"wrote {len(book.pages)} pages into .build/docs")
    # The data files go into docs/data/ before MkDocs runs, so MkDocs copies
    # them and rewrites the pages' links to them (guide.md's data/entries.json)
    # correctly for directory URLs (hosted) and for .html URLs (offline).
    (stage_docs / "data").mkdir(exist_ok=True)
    for name, text in book.data.items():
        (stage_docs / "data" / name).write_text(text, encoding="utf-8")
    generated = sorted(set(generated) | {"data"})

    # MkDocs once, in-process, for the hosted site; the offline bundle is
    # derived from it (offline.py), not built a second time.
    hosted = work / "site"
    offline_site = work / "offline"
    _mkdocs_hosted(root, work, stage_docs, hosted, book.nav, cache, progress, len(book.pages))
    # The search engine and its index scripts (search/*.js), per volume.
    search_volumes = [{"id": v.id, "title": v.spec.title, "year": v.spec.year} for v in volumes]
    search.write(hosted, book.searchable, volumes=search_volumes)
    progress("wrote search index")
    site_url = str(load_site_config(root).get("site_url") or "")
    notfound.fix(hosted, site_url)
    # The 繁體 copy (zh-Hant/), made from the finished pages.
    memos = {name: cache_module.Memo(cache.dir / name) for name in ("traditional", "offline", "zip")}
    converted = traditional.write(hosted, site_url, memos["traditional"])
    progress(f"wrote the 繁體 copy: {converted} pages")
    progress("offline bundle: derived from the hosted site")
    md_paths = [p.path for p in book.pages] + _handwritten_pages(stage_docs)
    offline.derive(hosted, offline_site, md_paths, skip=("search",), memo=memos["offline"])
    search.write(offline_site, book.searchable, layout=Layout(md_paths), volumes=search_volumes)
    shutil.copytree(offline_site / "search", offline_site / traditional.FOLDER / "search", dirs_exist_ok=True)
    progress("wrote the offline pages and their search index")
    dist = work / "dist"
    dist.mkdir()
    _zip(offline_site, dist / "yearbook-offline.zip", memos["zip"])
    progress("wrote offline bundle")

    cache.forget_stamp()  # from here on the published outputs change
    publish.publish(root, stage_docs, generated, hosted, dist)
    progress("published site/ and dist/")
    figures = {
        **book.figures,
        "site_bytes": _size(root / "site"),
        "bundle_bytes": (root / "dist" / "yearbook-offline.zip").stat().st_size,
    }
    for memo in memos.values():
        memo.prune()
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
    if not todo:
        return volumes
    known = cache.load_splits()
    wrap.SPLITS.update(known)
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
                volumes[i], splits = result["volume"], result["splits"]
                wrap.SPLITS.update(splits)
    for i in todo:
        cache.save_volume(keys[i], volumes[i])
    if len(wrap.SPLITS) != len(known):
        cache.save_splits(wrap.SPLITS)
    return volumes


def _structure_worker(job) -> dict | tuple:
    spec, seeds, progress = job
    try:
        volume = structure_volume(spec, seeds, progress or (lambda m: None))
        return {"volume": volume, "splits": wrap.SPLITS}
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
    progress(f"glossary: {len(glossary.terms)} terms")
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
    progress(f"render: {len(pages)} pages of Markdown; {figures['glossary_terms']} glossary terms, "
             f"{figures['glossary_marks']} marked occurrences in {figures['glossary_entries']} entries")
    indexes = build_indexes(volumes, seeds, [(t.term, [o.entry_id for o in t.occurrences]) for t in glossary.terms], tagger, progress)
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


def _handwritten_pages(docs: Path) -> list[str]:
    """Markdown paths of the hand-written pages staged in docs/ (guide.md …)."""
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def _mkdocs_hosted(root: Path, work: Path, docs: Path, site: Path, nav: list, cache: Cache, progress, pages_total: int) -> None:
    """MkDocs, in this process, for the hosted site (see mkdocs_run.py: pages
    whose inputs did not change come from the cache, the others are rendered
    over the cores)."""
    theme_dir = _stage_theme(root, work)
    config = load_site_config(root)
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["nav"] = _escape_nav(nav)
    # Inline patterns not tried on text they cannot match (same HTML, less time).
    config["markdown_extensions"] = list(config.get("markdown_extensions") or []) + ["build_scripts.inline_fastpath"]
    theme = config.get("theme", {})
    if isinstance(theme, dict):
        theme["custom_dir"] = str(theme_dir)
    # The site's address (mkdocs.yml site_url, its one home) also goes to the
    # pages as extra.site_address, for the URL in a citation (cite.js); the
    # offline bundle drops the canonical links and sitemap (offline.py).
    config.setdefault("extra", {})["site_address"] = str(config.get("site_url") or "")
    path = work / "mkdocs-hosted.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # Fixed build date (sitemap, footer) so two builds of one input are identical.
    os.environ.setdefault("SOURCE_DATE_EPOCH", cache_module.DEFAULT_EPOCH)
    progress("mkdocs build (hosted)")
    reporter = _PagesWritten(site, pages_total, progress)
    try:
        done = mkdocs_run.build(path, cache.dir / "mkdocs", os.cpu_count() or 1)
    finally:
        reporter.stop()
    if done:
        progress(f"mkdocs: {done['pages']} pages, {done['converted']} converted from Markdown and "
                 f"{done['laid_out']} laid out anew, the rest unchanged since the last build")


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


def _stage_theme(root: Path, work: Path) -> Path:
    """The project's overrides/ with the search's own partials laid over them
    (build_scripts/search/templates/), staged under .build/."""
    theme = load_site_config(root).get("theme", {})
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


def load_site_config(root: Path) -> dict:
    """The hand-written mkdocs.yml; a typo there is bad input like any other."""
    path = root / "mkdocs.yml"
    _, config = read_yaml(path, "mkdocs.yml")
    if not isinstance(config, dict):
        raise InputError("mkdocs.yml", "expected a mapping of MkDocs settings")
    return config


def _zip(site: Path, target: Path, memo: cache_module.Memo | None = None) -> None:
    """The bundle as a zip of `site` under yearbook/, members in path order
    with fixed dates (byte-reproducible). Each member's deflate stream is kept
    in `memo` under its content, so a rebuild compresses only the files that
    changed, and those in threads (zlib releases the GIL). Written by hand
    because zipfile cannot take a member already compressed; the format is the
    plain one (no zip64: a bundle over 4 GB is refused)."""
    paths = sorted(p for p in site.rglob("*") if p.is_file())

    def compressed(path: Path) -> tuple[bytes, int, int, bytes]:
        data = path.read_bytes()
        key = memo.key(data) if memo is not None else None
        kept = memo.get(key) if memo is not None else None
        if kept is None:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)  # zipfile's level and raw deflate
            kept = zlib.crc32(data).to_bytes(4, "little") + packer.compress(data) + packer.flush()
            if memo is not None:
                memo.put(key, kept)
        name = f"yearbook/{path.relative_to(site).as_posix()}".encode("utf-8")
        return name, len(data), int.from_bytes(kept[:4], "little"), kept[4:]

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        members = list(pool.map(compressed, paths))
    time_, date = 0, (ZIP_DATE[0] - 1980) << 9 | ZIP_DATE[1] << 5 | ZIP_DATE[2]
    central = []
    with target.open("wb") as out:
        for name, size, crc, data in members:
            if out.tell() + len(data) >= 0xFFFFFFFF:
                raise BuildError(f"the offline bundle would exceed 4 GB ({target})")
            flags = 0x800 if not name.isascii() else 0  # UTF-8 names
            head = struct.pack("<HHHHHIII", 20, flags, 8, time_, date, crc, len(data), size)
            central.append(struct.pack("<IH", 0x02014B50, 3 << 8 | 20) + head
                           + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0o100644 << 16, out.tell()) + name)
            out.write(struct.pack("<I", 0x04034B50) + head + struct.pack("<HH", len(name), 0) + name + data)
        start = out.tell()
        out.write(b"".join(central))
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


__all__ = ["build", "structure_volume", "BuildError", "InputError"]
