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
