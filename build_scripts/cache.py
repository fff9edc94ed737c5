"""Build caches keyed on content hashes of the inputs (增量构建).

Everything lives in `.build/cache/`, which the build never wipes (the rest of
`.build/` is scratch). Keys are SHA-256 digests of what an output depends on,
so a cache entry is either right or never looked up:

- `code`: every file of the package `build_scripts/`, the pinned requirements,
  the installed distributions and their versions, the Python
  version — a change of any invalidates every cache;
- a volume's structure (`volumes/<key>.pickle`: read → repair → structure):
  the code, the volume's manifest entry and the bytes of its source files,
  and `seeds/pinyin-phrases.yml`;
- the answers of the repair's line rules for each source of a volume
  (`repairs-<code>/<volume and source>.pickle`, repair/linewise.py LineMemo):
  by the rules, their measure of the document and each line's kind and text;
  in a folder keyed on the code;
- jieba's tags of the stretches the name indexes tag (`tags-<key>.pickle`):
  the tags depend on the text (the memo's key) and on jieba and its dictionary
  (the key: jieba's version and the pinned requirements);
- the words jieba's dictionary finds across a space (`splits-<key>.pickle`,
  repair/wrap.py): keyed on the code and jieba;
- what the later stages made of each volume (`texts-`, `names-`, `search-`, `export-<code>.pickle`):
  its entries' texts as the indexes search them and its name candidates (indexes/) under a
  digest of its texts, its part of the
  search index (search/index.py) and of entries.json and audit.json (export.py) under
  its structure's key and its place in the book; in files keyed on the code (jieba's,
  pypinyin's and OpenCC's versions included);
- OpenCC's t2s characters of the search (`t2s-<code>.pickle`): keyed on the code;
- the stamp of the last successful build (`stamp.json`): a digest of every
  input (seeds/, hand-written docs/, mkdocs.yml, overrides/, code,
  requirements, SOURCE_DATE_EPOCH) and of what it published (names, sizes
  and modification times of docs/ generated pages, site/ and dist/); when both
  still match, the build has nothing to do.

A cache file that cannot be read is ignored (and rewritten): caches only
save time, they never decide what the site holds.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the stamp check imports as little as it can
    from .model import Volume, VolumeSpec

CACHE = Path(".build") / "cache"  # relative to the project root
PACKAGE = Path(__file__).resolve().parent
DEFAULT_EPOCH = "1704067200"  # site.py's fixed build date unless the caller sets one
GENERATED_LIST = ".generated"
# Everything a build reads besides seeds/ (whole) and docs/ (hand-written part).
PROJECT_INPUTS = ("mkdocs.yml", "overrides", "requirements.txt", "requirements-dev.txt")
PHRASES = "pinyin-phrases.yml"


def _hash_files(h, base: Path, paths) -> None:
    for path in sorted(paths):
        rel = path.relative_to(base).as_posix()
        h.update(rel.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"<dir>")
        h.update(b"\0")


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        return [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return []


_code: str | None = None


def code_hash() -> str:
    """The build's own code and what it runs on (computed once per process)."""
    global _code
    if _code is None:
        h = hashlib.sha256(sys.version.encode())
        _hash_files(h, PACKAGE, [p for p in _files(PACKAGE) if p.suffix in (".py", ".js", ".css", ".html", ".yml")])
        for name in ("requirements.txt", "requirements-dev.txt"):
            path = PACKAGE.parent / name
            h.update(name.encode() + (path.read_bytes() if path.is_file() else b""))
        # What is installed, in case the environment strays from the pins: the
        # names of the installed distributions' metadata folders carry their
        # versions (mkdocs-1.6.1.dist-info); listing them is cheaper than
        # importing importlib.metadata.
        for folder in sorted({p for p in sys.path if p.endswith("-packages")}):
            try:
                names = sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
            except OSError:
                continue
            h.update(("\0".join(names)).encode())
        _code = h.hexdigest()
    return _code


class Cache:
    def __init__(self, root: Path):
        self.root = root
        self.dir = root / CACHE
        self.volumes_used: set[str] = set()
        self._t2s: tuple | None = None  # t2s_pairs, once read

    # --- per-volume structure ----------------------------------------------

    def volume_key(self, spec: VolumeSpec, seeds: Path) -> str:
        h = hashlib.sha256(code_hash().encode())
        h.update(repr(spec).encode())
        for source in spec.sources:
            h.update(b"\0" + (seeds / source.file).read_bytes())
        phrases = seeds / PHRASES
        h.update(b"\0" + (phrases.read_bytes() if phrases.is_file() else b""))
        return h.hexdigest()

    def load_volume(self, key: str) -> Volume | None:
        self.volumes_used.add(key)
        return self._load(self.dir / "volumes" / f"{key}.pickle")

    def save_volume(self, key: str, volume: Volume) -> None:
        self._save(self.dir / "volumes" / f"{key}.pickle", volume)

    def save_volume_pickle(self, key: str, data: bytes) -> None:
        """`save_volume` of a volume already pickled (`pickled`): a
        volume worker pickles its volume once, for this file and for the
        build process (pipeline._structure_worker)."""
        self._save_bytes(self.dir / "volumes" / f"{key}.pickle", data)

    def prune_volumes(self) -> None:
        """Drop the structures of volumes this build did not use (old versions of a seed)."""
        folder = self.dir / "volumes"
        if folder.is_dir():
            for path in folder.glob("*.pickle"):
                if path.stem not in self.volumes_used:
                    path.unlink(missing_ok=True)

    # --- the line rules' answers (repair/linewise.py LineMemo) ----------------

    def _repairs_path(self, volume: str, source: str) -> Path:
        name = hashlib.sha256(f"{volume}\0{source}".encode()).hexdigest()[:32]
        return self.dir / f"repairs-{code_hash()[:16]}" / f"{name}.pickle"

    def load_repairs(self, volume: str, source: str) -> dict:
        """The line rules' answers the last build kept for this source of
        this volume (a LineMemo's `memo`)."""
        kept = self._load(self._repairs_path(volume, source))
        return kept if isinstance(kept, dict) else {}

    def save_repairs(self, volume: str, source: str, answers: dict) -> None:
        # (one file per volume and source: the volume workers write theirs side by side)
        self._save(self._repairs_path(volume, source), answers)

    def prune_repairs(self, sources: set[tuple[str, str]]) -> None:
        """Drop the answers of other versions of the code and of sources
        (volume id, file) no longer built."""
        keep = {self._repairs_path(*source) for source in sources}
        for folder in self.dir.glob("repairs-*") if self.dir.is_dir() else ():
            for path in folder.iterdir():
                if path not in keep:
                    path.unlink(missing_ok=True)
            if not any(folder.iterdir()):
                folder.rmdir()

    # --- jieba tags ----------------------------------------------------------

    def _tags_path(self) -> Path:
        from .indexes.tagging import jieba_version

        h = hashlib.sha256(jieba_version().encode())
        h.update((PACKAGE.parent / "requirements.txt").read_bytes() if (PACKAGE.parent / "requirements.txt").is_file() else b"")
        return self.dir / f"tags-{h.hexdigest()[:16]}.pickle"

    def tags_kept(self) -> bool:
        """Whether an earlier build kept jieba's tags (else every stretch is to tag)."""
        return self._tags_path().is_file()

    def load_tags(self) -> dict:
        tags = self._load(self._tags_path())
        return tags if isinstance(tags, dict) else {}

    def load_splits(self) -> dict:
        """The words jieba's dictionary finds across a space (repair/wrap.py
        SPLITS), by the text either side: they depend on that text and jieba only."""
        splits = self._load(self._splits_path())
        return splits if isinstance(splits, dict) else {}

    def splits_kept(self) -> bool:
        """Whether an earlier build kept its splits (an empty memo included)."""
        return self._splits_path().is_file()

    def _splits_path(self) -> Path:
        # The answers are jieba's and the code's (the window, the rule): keyed on both.
        h = hashlib.sha256((code_hash() + self._tags_path().name).encode())
        return self.dir / f"splits-{h.hexdigest()[:16]}.pickle"

    def save_splits(self, splits: dict) -> None:
        self._save_replacing(self._splits_path(), "splits-*", splits)

    def load_word_tags(self) -> dict | None:
        """jieba's dictionary words and their tags (jieba.posseg's word_tag_tab),
        kept beside the tags: the same version of jieba gives the same table."""
        table = self._load(self._tags_path().with_suffix(".words"))
        return table if isinstance(table, dict) else None

    def load_word_lookups(self) -> dict:
        """The dictionary words the last build's name rules asked about, with
        their tags (None: not a word of it): tagging.KeptLookups."""
        kept = self._load(self._tags_path().with_suffix(".asked"))
        return kept if isinstance(kept, dict) else {}

    def save_word_lookups(self, asked: dict) -> None:
        self._save(self._tags_path().with_suffix(".asked"), asked)

    def save_word_tags(self, table: dict) -> None:
        path = self._tags_path().with_suffix(".words")
        if not path.is_file():
            self._save(path, table)

    def save_tags(self, tags: dict) -> None:
        path = self._tags_path()
        self._save_replacing(path, "tags-*", tags, keep=(path.with_suffix(".words"), path.with_suffix(".asked")))

    # --- what later stages made of each volume (names, search, export) --------

    def _kept_path(self, name: str) -> Path:
        # Each part is keyed on its volume's text or cache key; the file on the
        # code, which covers jieba, pypinyin and OpenCC (installed packages).
        return self.dir / f"{name}-{code_hash()[:16]}.pickle"

    def load_kept(self, name: str) -> dict:
        """What stage `name` made of each volume in the last build (`texts`:
        locators.TextMemo's, of each entry, `names`: names.CandidateMemo's, `search`:
        search.IndexMemo's, `export`: the volumes' export.VolumeData), by its key."""
        kept = self._load(self._kept_path(name))
        return kept if isinstance(kept, dict) else {}

    def save_kept(self, name: str, parts: dict) -> None:
        self._save_replacing(self._kept_path(name), f"{name}-*", parts)

    # --- pypinyin's readings (readings.py) -----------------------------------

    def _readings_path(self) -> Path:
        # pypinyin's answers depend on its version only: the code hash covers
        # the installed packages (and readings.py's own calls).
        return self.dir / f"readings-{code_hash()[:16]}.pickle"

    def load_readings(self) -> dict:
        memo = self._load(self._readings_path())
        return memo if isinstance(memo, dict) else {}

    def save_readings(self, memo: dict) -> None:
        self._save_replacing(self._readings_path(), "readings-*", memo)

    # --- OpenCC's t2s characters (search/normalise.py) -----------------------

    def t2s_pairs(self) -> tuple[tuple[str, str], ...]:
        """normalise.t2s_pairs(), kept: converting every CJK character with
        OpenCC costs ≈ 0.15 s a build, reading the answer ≈ 2 ms. OpenCC's
        version is part of the code hash (the installed packages)."""
        if self._t2s is not None:
            return self._t2s
        path = self.dir / f"t2s-{code_hash()[:16]}.pickle"
        pairs = self._load(path)
        if not isinstance(pairs, tuple):
            from .search.normalise import t2s_pairs

            pairs = t2s_pairs()
            self._save_replacing(path, "t2s-*", pairs)
        self._t2s = pairs
        return pairs

    # --- stamp of the last build ---------------------------------------------

    def inputs_hash(self) -> str:
        root = self.root
        h = hashlib.sha256(code_hash().encode())
        h.update(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH).encode())
        _hash_files(h, root, _files(root / "seeds"))
        docs = root / "docs"
        skip = generated_names(docs) | {GENERATED_LIST}
        if docs.is_dir():
            _hash_files(h, root, [p for item in docs.iterdir() if item.name not in skip for p in _files(item)])
        for name in PROJECT_INPUTS:
            _hash_files(h, root, _files(root / name))
        return h.hexdigest()

    def published(self) -> list[tuple[str, int, int]] | None:
        """What the build published — docs/'s generated pages, site/, dist/ —
        as (path, size, modification time) in path order; None when nothing
        is, or a file cannot be read. (One walk with os.scandir: pathlib's
        rglob and a stat per Path took ≈ 0.05 s over a site's 1,400 files.)"""
        docs = self.root / "docs"
        names = sorted(generated_names(docs))
        if not names:
            return None
        listing: list[tuple[str, int, int]] = []
        try:
            for top in [f"docs/{GENERATED_LIST}", *(f"docs/{n}" for n in names), "site", "dist"]:
                _walk(self.root, top, listing)
        except OSError:
            return None
        listing.sort()
        return listing

    def outputs_hash(self, listing: list[tuple[str, int, int]] | None = None) -> str:
        """Names, sizes and modification times of what the build published
        (cheap: no file is read), so an output changed or removed by hand is
        noticed. `listing`: self.published(), when the caller has it."""
        listing = listing if listing is not None else self.published()
        if not listing:
            return ""
        h = hashlib.sha256()
        for rel, size, mtime in listing:
            h.update(f"{rel}\0{size}\0{mtime}\0".encode())
        return h.hexdigest()

    def unchanged(self, inputs: str) -> dict | None:
        """The figures of the last build when neither its inputs nor its outputs changed since."""
        try:
            stamp = json.loads((self.dir / "stamp.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(stamp, dict) or stamp.get("inputs") != inputs:
            return None
        if not stamp.get("outputs") or stamp.get("outputs") != self.outputs_hash():
            return None
        return stamp.get("figures")

    def write_stamp(self, inputs: str, figures: dict, listing: list[tuple[str, int, int]] | None = None) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        stamp = {"inputs": inputs, "outputs": self.outputs_hash(listing), "figures": figures}
        (self.dir / "stamp.json").write_text(json.dumps(stamp, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    def forget_stamp(self) -> None:
        (self.dir / "stamp.json").unlink(missing_ok=True)

    # --- files ---------------------------------------------------------------

    @staticmethod
    def _load(path: Path):
        try:
            with path.open("rb") as f:
                return _unpickle(f)
        except Exception:  # missing, truncated, or from another version: rebuild it
            return None

    def _save_replacing(self, path: Path, pattern: str, value, keep: tuple[Path, ...] = ()) -> None:
        """Save `value` at `path`, dropping the files of other versions (`pattern`) but `keep`."""
        for old in self.dir.glob(pattern) if self.dir.is_dir() else ():
            if old != path and old not in keep:
                old.unlink(missing_ok=True)
        self._save(path, value)

    @staticmethod
    def _save(path: Path, value) -> None:
        Cache._save_bytes(path, pickled(value))

    @staticmethod
    def _save_bytes(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)  # a build interrupted mid-write leaves no half cache file


def pickled(value) -> bytes:
    """A cache file's bytes for `value`, with the collector paused: pickling
    makes a tuple for each object that reduces to one (every audit record),
    and the collections their number sets off walk the whole heap of the
    process (a yearbook volume worker: 0.12 s to pickle its volume, against
    0.05 s paused, on the cold build's critical path)."""
    with collector_paused():
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpickled(data: bytes):
    """`pickle.loads` with the collector paused (see collector_paused)."""
    with collector_paused():
        return pickle.loads(data)


@contextlib.contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused: unpickling makes many objects
    (a yearbook's structure ≈ 180,000) and no garbage, and the collections
    their number sets off took half of the time of reading one."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _unpickle(f):
    with collector_paused():
        return pickle.load(f)


class Memo:
    """Outputs of one deterministic step (a page's 繁體 twin, its offline
    copy, a compressed zip member) stored under a digest of everything the step
    reads, in `folder`; `prune` drops what this build did not look up, so the
    folder holds one build's worth. A key covers every input, so a hit is the
    output the step would compute."""

    def __init__(self, folder: Path, *salt: str):
        self.folder = folder
        self.salt = hashlib.sha256("\0".join((code_hash(), *salt)).encode()).digest()
        self.used: set[str] = set()
        self._made = False  # whether `put` has made sure the folder exists

    def key(self, *parts: bytes | str) -> str:
        h = hashlib.sha256(self.salt)
        for part in parts:
            h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()

    def get(self, key: str) -> bytes | None:
        """The kept output, or None; an entry whose bytes do not match the
        digest stored with them (damaged, edited) is not used."""
        self.used.add(key)
        try:
            data = (self.folder / key).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data[32:]).digest() != data[:32]:
            return None
        return data[32:]

    def put(self, key: str, data: bytes) -> None:
        if not self._made:  # once per memo, not once per entry
            self.folder.mkdir(parents=True, exist_ok=True)
            self._made = True
        tmp = self.folder / f"{key}.{os.getpid()}.tmp"
        tmp.write_bytes(hashlib.sha256(data).digest() + data)
        os.replace(tmp, self.folder / key)  # a kill mid-write leaves no half entry

    def prune(self) -> None:
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in self.used:
                    path.unlink(missing_ok=True)


def _walk(root: Path, rel: str, listing: list) -> None:
    """(path, size, modification time) of the file at `rel` under `root`, or
    of every file in the folder there (a link is followed as stat does);
    nothing when there is nothing at `rel`; OSError when it cannot be read."""
    path = os.path.join(root, rel)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):  # a dangling link: as unreadable
            raise
        return
    if not os.path.isdir(path) or os.path.islink(path):
        listing.append((rel, st.st_size, st.st_mtime_ns))
        return
    listing.append((rel + "/", 0, st.st_mtime_ns))  # the folder itself: an entry added or removed shows in its time
    pending = [rel]
    while pending:
        folder = pending.pop()
        with os.scandir(os.path.join(root, folder)) as entries:
            for entry in entries:
                sub = f"{folder}/{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    pending.append(sub)
                else:
                    st = entry.stat()
                    listing.append((sub, st.st_size, st.st_mtime_ns))


def generated_names(docs: Path) -> set[str]:
    """Top-level names in docs/ the last build generated (docs/.generated)."""
    listing = docs / GENERATED_LIST
    if not listing.is_file():
        return set()
    return {l for l in listing.read_text(encoding="utf-8").splitlines() if l and "/" not in l and l not in (".", "..")}
