"""Stage 5, data export: the public data contract under site/data/ (数据导出).

entries.json — every 条目 in reading order:
  {"id", "volume", "part", "chapter", "section", "title", "url", "pages", "text"}
  plus, added later and optional for readers: "source" (attribution),
  "pages_estimated".
audit.json — every change the pipeline made to the input text, with totals.

JSON is written with sorted-free, fixed key order and no timestamps so that the
same input gives byte-identical files.
"""
from __future__ import annotations

import collections
import json

from .layout import Placed
from .model import AuditRecord


def entry_records(placed: list[Placed]) -> list[dict]:
    """entries.json's records of the given entries (layout.SiteLayout.placed), in their order."""
    records = []
    for item in placed:
        part, chapter, entry, where = item.part, item.chapter, item.entry, item.placement
        records.append(
            {
                "id": where.id,
                "volume": item.volume.id,
                "part": part.title,
                "chapter": chapter.title,
                "section": entry.section,
                "title": entry.title,
                "url": f"{where.hosted_page}#{entry.anchor}",
                "pages": list(entry.pages),
                "text": entry.text,
                "source": entry.source,
                "pages_estimated": entry.pages_estimated,
            }
        )
    return records


def audit_document(audit: list[AuditRecord]) -> dict:
    kinds = collections.Counter(r.kind for r in audit)
    return {
        "totals": dict(sorted(kinds.items())),
        "records": [r.as_dict() for r in audit],
    }


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
