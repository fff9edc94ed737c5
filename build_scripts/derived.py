"""The 繁體 copy and the offline bundle, derived from the finished hosted site
in one pass (派生：繁體版与离线包).

Each HTML page of the hosted site is read once, by one worker, which makes
everything derived from it: its 繁體 twin (traditional.py, written at
zh-Hant/<path>), the offline copies of both (offline.py) and their compressed
zip members (bundle.py). Only the zip is published, so the offline copies are
never written out. (As three passes — twins, offline tree, zip — each read
every page again from disk, hashed it for its cache and forked workers of its
own: together more than twice this pass's time.) That worker is the one that
lays the page out (`deriver`, called by mkdocs_run.build right after the page
is written: every file of the site is known before the layout), so no second
pool is forked; `pages` then derives only what is left (the pages MkDocs took
from its cache, or every page when the list of files was not known early).

A page's derived outputs (its twin and the two members) are kept together
(cache.Memo) under the key of its HTML from MkDocs (mkdocs_run: a digest of
everything the HTML depends on), its path, the site address and the offline
layout: a rebuild takes an unchanged page's outputs without reading or hashing
the page. A page without such a key (a plugin build, an .html file of docs/)
is keyed on its bytes. The files that are not pages — assets, search/, data/,
the 404 page — are few: their twins are links, their members are compressed
in threads, each distinct content once, and kept under their content.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from . import bundle, offline, reuse, traditional, workers
from .cache import Memo

FOLDER = traditional.FOLDER


class Derived:
    """The derived outputs of one finished hosted site `site`: call `pages`,
    then `write_zip`; what is kept for the next build is written when the
    process waits, or by `workers.finish` at the latest. `md_paths`: the Markdown pages (their offline file
    names); `search_files`: the bundle's own search/ files (name → text)."""

    def __init__(self, site: Path, md_paths, search_files: dict[str, str], site_url: str,
                 pages_memo: Memo | None = None, members_memo: Memo | None = None,
                 compressor: bundle.Compressor | None = None, tree: reuse.Tree | None = None,
                 hosted_files: list[str] | None = None):
        """`tree`: the site folder as written so far (reuse.py), `hosted_files`:
        every file the hosted build wrote in it (None: listed from the disk)."""
        self.site = site
        self.site_url = site_url
        self.search_files = search_files
        self.pages_memo = pages_memo
        # The other files' members: `compressor` may have started some already (output.py).
        self._own_compressor = compressor is None
        self.compressor = compressor or bundle.Compressor(members_memo, workers.processes())
        self.tree = tree or reuse.Tree(site)
        # The copy is made here, whatever docs/ held: what MkDocs copied to zh-Hant/ goes.
        if hosted_files is None:
            self.tree.remove(FOLDER)
            hosted = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        else:
            hosted = [rel for rel in hosted_files if not rel.startswith(f"{FOLDER}/")]
            if len(hosted) < len(hosted_files):
                self.tree.remove(FOLDER)
        self.mirrored = [rel for rel in hosted if traditional.mirrored(rel)]
        self.page_files = [rel for rel in self.mirrored if rel.endswith(".html")]
        copies = [f"{FOLDER}/{rel}" for rel in self.mirrored]
        self.tree.plan(copies)
        self.expected = set(hosted) | set(copies)  # the finished site's files
        self.bundled = [rel for rel in hosted + copies if offline.bundled(rel)]
        self.derivation = offline.Derivation(md_paths, set(self.bundled))
        self.members: dict[str, bundle.Member] = {}  # path in the bundle → its member

    def deriver(self, keys: dict[str, str]):
        """The function that makes one page's twin (written) and members from
        its output file, as `pages` would, for the worker that lays the page
        out (mkdocs_run.build); `keys` as for `pages`."""
        return lambda rel: self._make((rel, self._key(rel, keys.get(rel))))

    def pages(self, keys: dict[str, str], processes: int = 1, made: dict | None = None) -> int:
        """Write the 繁體 copy (zh-Hant/) and make the pages' zip members;
        `keys`: the key of each page's HTML (mkdocs_run.build); `made`: the
        members of the pages `deriver` has made already, by output file.
        Return the number of pages."""
        for rel in self.mirrored:
            if not rel.endswith(".html"):
                traditional.mirror_file(self.site, rel)
        if self.pages_memo is not None:  # (the workers' lookups are not this process's)
            self.pages_memo.used.update(self._chunks_key(rel) for rel in self.page_files)
        todo = []
        for rel in self.page_files:
            key = self._key(rel, keys.get(rel))
            if made and rel in made:
                # The layout worker kept it under `key` (Memo.put in that
                # process): this build used it, so `prune` keeps it.
                if key is not None:
                    self.pages_memo.used.add(key)
                self._add(rel, made[rel])
                continue
            kept = self._kept(key)
            if kept is None:
                todo.append((rel, key))
            else:
                twin, *members = kept
                self._write_twin(rel, twin)
                self._add(rel, members)
        if todo:
            traditional.load()  # once, here, not in every worker
        results = workers.map_forked(self._make, todo, processes, size=lambda item: (self.site / item[0]).stat().st_size)
        for (rel, _), members in zip(todo, results):
            self._add(rel, members)
        self.tree.finish(self.expected)  # the site is whole: what is left of a recycled tree goes
        return len(self.page_files)

    def write_zip(self, target: Path) -> None:
        """The bundle: the pages' members (`pages` makes them) and those of
        every other file, compressed in threads (bundle.Compressor), each
        distinct content once (an asset and its zh-Hant/ link, the two search
        indexes)."""
        sources: dict[str, bytes] = {}  # path in the bundle → its bytes
        for rel in self.bundled:
            path = self.derivation.offline_path(rel)
            if path in self.members:
                continue
            if rel.endswith(".html"):  # a page without a 繁體 twin: the 404 page
                html = (self.site / rel).read_bytes().decode("utf-8")
                sources[path] = self.derivation.page(html, rel).encode("utf-8")
            else:  # a mirrored file has the bytes of the one it repeats
                sources[path] = (self.site / rel.removeprefix(f"{FOLDER}/")).read_bytes()
        for mirror in ("", f"{FOLDER}/"):
            for name, text in self.search_files.items():
                sources[f"{mirror}search/{name}"] = text.encode("utf-8")
        for data in sources.values():
            self.compressor.start(data)
        for path, data in sources.items():
            self.members[path] = self.compressor.member(data)
        if self._own_compressor:
            self.compressor.close()
        bundle.write_zip(self.members, target)

    # -- one page -------------------------------------------------------------

    def _key(self, rel: str, html_key: str | None) -> str | None:
        if self.pages_memo is None:
            return None
        if html_key is None:
            html_key = "bytes " + hashlib.sha256((self.site / rel).read_bytes()).hexdigest()
        return self.pages_memo.key(html_key, rel, self.site_url, self.derivation.key)

    def _kept(self, key: str | None):
        data = self.pages_memo.get(key) if key is not None else None
        if data is None:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # from another version: derive again
            return None

    def _make(self, item: tuple[str, str | None]) -> tuple[bundle.Member, bundle.Member]:
        """One page's twin (written) and the members of the offline copies of both."""
        rel, key = item
        html = (self.site / rel).read_bytes().decode("utf-8")
        # The offline copy compressed beside, while the twin is made (a
        # 1.8 MB printable page: ≈ 0.025 s of deflate each copy).
        offline_copy = bundle.member_beside(self.derivation.page(html, rel).encode("utf-8"))
        chunks = self._chunks(rel) if len(html) >= traditional.CHUNKED_FROM else None
        twin = traditional.convert_page(html, self.site_url, chunks)
        # The twin's offline copy compressed beside too, while the twin and
        # the chunks are written.
        offline_twin = bundle.member_beside(self.derivation.page(twin, f"{FOLDER}/{rel}").encode("utf-8"))
        twin_bytes = twin.encode("utf-8")
        self._write_twin(rel, twin_bytes)
        # What is kept for the next build is written when this process
        # would wait, or after its answer (workers.later): the chunks of a
        # printable page and its outputs are ≈ 15 ms of pickling and writing.
        if chunks is not None and chunks.made != chunks.known:
            workers.later(lambda: self._put(self._chunks_key(rel), chunks.made))
        members = (offline_copy.result(), offline_twin.result())
        if key is not None:
            workers.later(lambda: self._put(key, (twin_bytes, *members)))
        return members

    def _put(self, key: str, value) -> None:
        self.pages_memo.put(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _chunks_key(self, rel: str) -> str:
        """Where a large page's converted chunks are kept: under its path
        (a chunk is looked up by its text), for the next build that changes it."""
        return self.pages_memo.key("traditional chunks", rel)

    def _chunks(self, rel: str) -> traditional.Chunks | None:
        """The 繁體 conversion of a large page, with its chunks of the last build."""
        if self.pages_memo is None:
            return None
        kept = self._kept(self._chunks_key(rel))
        return traditional.Chunks(kept if isinstance(kept, dict) else None)

    def _write_twin(self, rel: str, twin: bytes) -> None:
        self.tree.write(f"{FOLDER}/{rel}", twin)

    def _add(self, rel: str, members) -> None:
        for hosted_file, member in zip((rel, f"{FOLDER}/{rel}"), members):
            if offline.bundled(hosted_file):
                self.members[self.derivation.offline_path(hosted_file)] = member
