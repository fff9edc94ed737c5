"""End to end: the real sample builds into a site whose data contract holds."""
from __future__ import annotations

import json
import re
import zipfile

from build_scripts.manifest import load_manifest
from build_scripts.structure.shapes import norm

from project import ROOT

ENTRY_KEYS = ["id", "volume", "part", "chapter", "section", "title", "url", "pages", "text"]


def _part_names_from_preface() -> list[str]:
    text = (ROOT / "seeds" / "hexi-yearbook-2024.txt").read_text(encoding="utf-8")
    m = re.search(r"全书设置(.+?)24\s*篇", text)
    return [n for n in m.group(1).split("、")]


def test_outputs_exist(built):
    assert (built / "site" / "index.html").is_file()
    assert (built / "site" / "data" / "entries.json").is_file()
    assert (built / "dist" / "yearbook-offline.zip").is_file()


def test_every_entry_has_the_contract_fields(entries):
    for e in entries:
        assert list(e)[: len(ENTRY_KEYS)] == ENTRY_KEYS
        assert e["title"] and isinstance(e["pages"], list)
        assert all(isinstance(p, int) for p in e["pages"])
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "entry ids must be unique"


def test_all_24_parts_of_the_preface_are_represented(entries):
    parts = {norm(e["part"]) for e in entries if e["volume"] == "hexi-2024"}
    missing = [p for p in _part_names_from_preface() if norm(p) not in parts]
    assert not missing


def test_every_bracketed_entry_of_the_book_is_present(built, entries):
    raw = (ROOT / "seeds" / "hexi-yearbook-2024.txt").read_text(encoding="utf-8")
    audit = json.loads((built / "site" / "data" / "audit.json").read_text(encoding="utf-8"))
    # a title repaired against the book's 目录/索引 is present under its repaired form
    repaired = {norm(r["before"]): norm(r["after"]) for r in audit["records"] if r["kind"] == "heading-repair"}
    titles = [repaired.get(norm(t), norm(t)) for t in re.findall(r"【([^【】]{1,60})】", raw)]
    assert len(titles) == 877
    have = {}
    for e in entries:
        if e["volume"] == "hexi-2024":
            have[norm(e["title"])] = have.get(norm(e["title"]), 0) + 1
    need = {}
    for t in titles:
        need[t] = need.get(t, 0) + 1
    short = {t: n for t, n in need.items() if have.get(t, 0) < n}
    assert not short


def test_entry_urls_resolve_to_a_heading_with_that_id(built, entries):
    for e in entries[::25]:
        page, anchor = e["url"].split("#")
        html = (built / "site" / page / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html


def test_reports_volume_has_one_chapter_per_document(entries):
    chapters = {e["chapter"] for e in entries if e["volume"] == "urban-management"}
    assert len(chapters) == len(load_manifest(ROOT / "seeds" / "volumes.yml")[1].sources)


def test_offline_bundle_holds_the_local_iframe_worker_shim(built):
    with zipfile.ZipFile(built / "dist" / "yearbook-offline.zip") as zf:
        names = zf.namelist()
        assert "yearbook/index.html" in names
        assert "yearbook/search/manifest.js" in names  # the search index, as scripts
        index = zf.read("yearbook/index.html").decode("utf-8")
    assert "unpkg.com" not in index and "iframe-worker-shim.js" in index
