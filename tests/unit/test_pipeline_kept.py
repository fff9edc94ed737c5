"""What the later stages make of each volume is kept for the next build
(cache.Cache.load_kept: each entry's text as the indexes search it, the
names' candidates, the volume's part of the search index, of entries.json
and of audit.json): a rebuild after one volume changed makes only that
volume's parts, and the book is a cold build's."""
from __future__ import annotations

import shutil

from build_scripts import export, pipeline
from build_scripts.cache import Cache
from build_scripts.indexes import locators, names
from build_scripts.search import index as search_index

from test_pipeline_workers import REPORT, Log, _project


def _book(root):
    book = pipeline.run(root, Cache(root), Log())
    return book.data, book.search_files, [(p.path, p.markdown) for p in book.pages], book.nav


def test_a_rebuild_makes_only_the_changed_volume_s_parts_and_the_cold_book(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 1)  # every stage in this process, where it is counted
    root = _project(tmp_path / "p")
    _book(root)
    changed = REPORT.replace("继续推进工作", "继续推进工作，局长王伟主持召开全局会议")
    (root / "seeds" / "report.txt").write_text(changed, encoding="utf-8")
    made = []
    for module, name in ((names, "_Reading"), (search_index, "volume_index"), (export, "volume_data"),
                         (locators, "search_text")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _o=original, _n=name, **k: made.append(_n) or _o(*a, **k))
    again = _book(root)
    # The changed volume's parts, and the searched text of the one entry that changed (locators.TextMemo).
    assert sorted(made) == ["_Reading", "search_text", "volume_data", "volume_index"], \
        "an unchanged volume's (or entry's) part was made again, or the changed one's was not"
    assert again[0]["entries.json"].count('"volume":"papers"') > 1
    cold = tmp_path / "cold"
    shutil.copytree(root, cold, ignore=shutil.ignore_patterns(".build"))
    assert again == _book(cold)
    assert "王伟" in again[0]["index.json"]


def test_the_repair_s_line_rules_answer_a_rebuild_from_the_last_build_and_it_is_a_cold_one(tmp_path, monkeypatch):
    from build_scripts.repair import linewise

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 1)  # every volume in this process, where it is counted
    root = _project(tmp_path / "p")
    _book(root)
    kept = list((root / ".build" / "cache").glob("repairs-*/*.pickle"))
    assert len(kept) == 2  # one per volume and source
    changed = REPORT.replace("继续推进工作", "继续推进 工作")
    (root / "seeds" / "report.txt").write_text(changed, encoding="utf-8")
    asked = []
    real = linewise._answer
    monkeypatch.setattr(linewise, "_answer", lambda rules, line: asked.append(line.text) or real(rules, line))
    again = _book(root)
    assert asked and {t.replace(" ", "") for t in asked} == {"继续推进工作。"}, "an unchanged line was repaired again"
    cold = tmp_path / "cold"
    shutil.copytree(root, cold, ignore=shutil.ignore_patterns(".build"))
    assert again == _book(cold)
    # a damaged memo is ignored (and rewritten)
    for path in (root / ".build" / "cache").glob("repairs-*/*.pickle"):
        path.write_bytes(b"damaged")
    (root / "seeds" / "report.txt").write_text(REPORT, encoding="utf-8")
    restored = _book(root)
    shutil.rmtree(cold)
    shutil.copytree(root, cold, ignore=shutil.ignore_patterns(".build"))
    assert restored == _book(cold)
