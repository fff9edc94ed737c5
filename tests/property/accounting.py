"""Character accounting: what the input held = what the output shows + what
the audit says was removed − what the audit says was put in."""
from __future__ import annotations

import collections

from strategies import CJK_RE

from build_scripts.model import AuditRecord, Line, Volume


def cjk(texts) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    for t in texts:
        counts.update(CJK_RE.findall(t or ""))
    return counts


def audit_delta(audit: list[AuditRecord]) -> tuple[collections.Counter, collections.Counter]:
    """(CJK characters the audit says were removed, … were added)."""
    return cjk(r.before for r in audit), cjk(r.after for r in audit)


def volume_texts(volume: Volume) -> list[str]:
    """Every piece of book text the site shows for a volume."""
    texts = [b.text for b in volume.front_matter + volume.photos]
    for part in volume.parts:
        texts.append(part.title)
        for chapter in part.chapters:
            texts.append(chapter.title or "")
            texts += [str(v) for v in chapter.meta.values()]
            sections = []
            for entry in chapter.entries:
                if entry.section and entry.section not in sections:
                    sections.append(entry.section)
                texts += [entry.title, entry.source or ""] + [b.text for b in entry.blocks]
                texts += ["\t".join(c for row in (b.rows or []) for c in row) for b in entry.blocks if b.rows]
                texts += [item for b in entry.blocks for item in (getattr(b, "items", None) or [])]
            texts += sections
    return texts


def lost(inputs: list[Line], shown: list[str], audit: list[AuditRecord]) -> dict[str, int]:
    """CJK characters of the input found neither in the output nor in the audit."""
    removed, added = audit_delta(audit)
    have = cjk(shown) + removed
    need = cjk(l.text for l in inputs) + added
    return {ch: n - have[ch] for ch, n in need.items() if n > have[ch]}
