"""entries.json and audit.json put together from each volume's part
(export.volume_data, kept by the pipeline for the next build): the same bytes
as the documents written whole, with volumes without entries or changes too."""
from __future__ import annotations

from build_scripts import export
from build_scripts.model import AuditRecord


def _entry(volume, n, text):
    return {"id": f"{volume}/p/c/e{n}", "volume": volume, "part": "篇", "chapter": None, "section": None,
            "title": f"“条目”{n}", "url": f"{volume}/p/#e{n}", "pages": [n, n + 1], "text": text,
            "source": None, "pages_estimated": n % 2 == 0}


def _audit(file, kinds):
    return [AuditRecord(file, i + 1, kind, "前\u3000后", "前后", "空格\\n") for i, kind in enumerate(kinds)]


def test_the_documents_of_the_parts_are_the_documents_of_the_whole():
    volumes = [
        ([_entry("a", 1, "正文\n第二段"), _entry("a", 2, "")], _audit("a.txt", ["wrap", "page", "wrap"])),
        ([], []),
        ([], _audit("c.txt", ["caption"])),
        ([_entry("d", 1, "</script>")], []),
    ]
    parts = [export.volume_data(entries, audit) for entries, audit in volumes]
    entries = [e for es, _ in volumes for e in es]
    audit = [r for _, rs in volumes for r in rs]
    assert export.entries_json(parts) == export.dumps(entries)
    assert export.audit_json(parts) == export.dumps(export.audit_document(audit))
    assert export.entries_json([]) == export.dumps([]) and export.audit_json([]) == export.dumps(export.audit_document([]))


def test_the_records_json_is_the_standard_library_s_for_every_character():
    import json

    # Every character of the BMP but the surrogates (controls, quotes, backslash, U+2028 …) and beyond.
    text = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF) + "\U0001F600\U00020000"
    records = [_entry("a", 1, text), _entry("b", 2, text[::-1])] + [r.as_dict() for r in _audit("a.txt", ["wrap"])]
    standard = json.dumps(records, ensure_ascii=False, separators=(",", ":"))[1:-1]
    assert export._items(records) == standard
    # What orjson refuses, json writes: a lone surrogate, an integer beyond 64 bits.
    odd = [{"text": "前\ud800后", "line": 2**70}]
    assert export._items(odd) == json.dumps(odd, ensure_ascii=False, separators=(",", ":"))[1:-1]
