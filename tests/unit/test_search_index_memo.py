"""Each volume's part of the search index kept for the next build
(search.IndexMemo): a rebuild makes only the changed volume's files, and the
index is the one a cold build makes, also when a volume before another
changes how many entries it has (the later volume's files move)."""
from __future__ import annotations

from build_scripts import layout, search
from build_scripts.search import index as search_index


def _record(n, volume, text):
    return {"id": f"{volume}/{n}", "volume": volume, "part": "篇一", "chapter": f"章{n % 3}", "section": None,
            "title": f"条目{n}", "url": f"{volume}/p/c{n % 3}/#e{n}", "pages": [n], "text": text}


def _records(a_texts, b_texts):
    return ([_record(i, "a", t) for i, t in enumerate(a_texts)] + [_record(i, "b", t) for i, t in enumerate(b_texts)]
            + [{**_record(0, search.GLOSSARY_VOLUME, "名词的解释"), "url": "glossary/#term"}])


LAYOUT = layout.Layout([f"{v}/p/c{n}.md" for v in "ab" for n in range(3)] + ["glossary.md"])
VOLUMES = [{"id": "a", "title": "甲卷", "year": 2023}, {"id": "b", "title": "乙卷", "year": 2024}]
A = ["推进垃圾分類工作。" * 40] * 5
B = ["召开工作会议，部署全年任务。" * 30] * 4


def _site(records, memo=None):
    return search.site_files(records, LAYOUT, VOLUMES, memo=memo)


def _counting(monkeypatch):
    made = []
    original = search_index.volume_index
    monkeypatch.setattr(search_index, "volume_index",
                        lambda records, *a, **k: made.append(records[0]["volume"]) or original(records, *a, **k))
    return made


def test_a_rebuild_makes_only_the_changed_volume_s_files_and_the_cold_index(monkeypatch):
    first = search.IndexMemo({"a": "key-a1", "b": "key-b1"})
    assert _site(_records(A, B), first) == _site(_records(A, B))
    changed = _records(A, B[:-1] + ["召开工作会议。" * 30])
    made = _counting(monkeypatch)
    again = search.IndexMemo({"a": "key-a1", "b": "key-b2"}, first.memo)
    assert _site(changed, again) == _site(changed)
    assert made[:2] == ["b", search.GLOSSARY_VOLUME], "the unchanged volume's files were made again"
    assert len(again.memo) == 2


def test_a_volume_after_one_that_grew_moves_and_is_made_again(monkeypatch):
    first = search.IndexMemo({"a": "key-a1", "b": "key-b1"})
    _site(_records(A, B), first)
    grown = _records(["新增条目。" * 13000] + A, B)  # past rules.LIMITS["chunk_chars"]: a second file of a
    made = _counting(monkeypatch)
    again = search.IndexMemo({"a": "key-a2", "b": "key-b1"}, first.memo)
    files = _site(grown, again)
    assert files == _site(grown)
    assert made[:3] == ["a", "b", search.GLOSSARY_VOLUME]
    assert "b-2.js" in files["hosted"] and "b-1.js" not in files["hosted"]


def test_a_changed_volume_makes_only_the_chunks_whose_records_changed(monkeypatch):
    long = [t * 40 for t in A]  # 14,400 characters each: several chunk files (rules.LIMITS["chunk_chars"])
    first = search.IndexMemo({"a": "key-a1", "b": "key-b1"})
    _site(_records(long, B), first)
    assert len(first.memo["key-a1:0:0"].parts) > 1
    made = []
    original = search_index._chunk
    monkeypatch.setattr(search_index, "_chunk", lambda key, name, *a: made.append(name) or original(key, name, *a))
    edited = _records(long[:-1] + ["推进垃圾分類工作，成效明显。" * 1100], B)
    again = search.IndexMemo({"a": "key-a2", "b": "key-b1"}, first.memo)
    files = _site(edited, again)
    made_here = list(made)
    assert files == _site(edited)
    assert made_here == ["a-1.js", "glossary-3.js"], "a chunk of unchanged records was made again"
    # the page of a record that moved is in the key: its chunk is made again
    made.clear()
    moved = [{**r, "url": r["url"].replace("c1/", "c2/")} if r["id"] == "a/1" else r for r in _records(long, B)]
    files = _site(moved, search.IndexMemo({"a": "key-a3", "b": "key-b1"}, first.memo))
    assert made == ["a-0.js", "glossary-3.js"]
    assert files == _site(moved)
