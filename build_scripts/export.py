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
from dataclasses import dataclass

import orjson

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


@dataclass
class VolumeData:
    """One volume's part of entries.json and audit.json as `dumps` writes
    them (its records' JSON, between the arrays' brackets) and how many audit
    records of each kind it has: made once per volume and kept for the next
    build (pipeline.py), so a rebuild writes out only the changed volume's
    records."""

    entries: str
    audit: str
    kinds: dict[str, int]


def volume_data(entries: list[dict], audit: list[AuditRecord]) -> VolumeData:
    return VolumeData(_items(entries), _items(r.as_dict() for r in audit), dict(collections.Counter(r.kind for r in audit)))


def _items(values) -> str:
    """The records' JSON as `dumps` writes a list of them, without the
    brackets (its items' JSON joined by ","). Written by orjson: for these
    records — strings, integers, lists of them, booleans, None; no floats,
    whose notation the two libraries write differently — its bytes are
    json.dumps(ensure_ascii=False, separators=(",", ":"))'s, in a tenth of
    the time (a yearbook's 34,000 audit records: 0.07 → 0.008 s, on the
    rebuild's critical path; tests/unit/test_export_parts.py). What orjson
    refuses (a lone surrogate, an integer beyond 64 bits) json writes."""
    values = list(values)
    try:
        return orjson.dumps(values).decode("utf-8")[1:-1]
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(values, ensure_ascii=False, separators=(",", ":"))[1:-1]


def entries_json(parts: list[VolumeData]) -> str:
    """entries.json of the volumes: dumps(all their entry records)."""
    return "[" + ",".join(p.entries for p in parts if p.entries) + "]\n"


def audit_json(parts: list[VolumeData]) -> str:
    """audit.json of the volumes: dumps(audit_document(all their audit records))."""
    kinds: collections.Counter = collections.Counter()
    for p in parts:
        kinds.update(p.kinds)
    totals = json.dumps(dict(sorted(kinds.items())), ensure_ascii=False, separators=(",", ":"))
    return '{"totals":' + totals + ',"records":[' + ",".join(p.audit for p in parts if p.audit) + "]}\n"
