"""Structure on generated, repaired text: it never crashes, entry ids are
unique, and no CJK character of the input is lost — each one is shown on the
site or recorded in the audit as removed."""
from __future__ import annotations

from accounting import lost, volume_texts
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import report_lines, yearbook_lines

from build_scripts import export
from build_scripts.model import SourceSpec, VolumeSpec
from build_scripts.layout import SiteLayout
from build_scripts.repair import repair
from build_scripts.structure.reports import parse_reports
from build_scripts.structure.yearbook import parse_yearbook

FAST = settings(max_examples=50, deadline=None, derandomize=True)


def _spec(kind: str, files: list[str]) -> VolumeSpec:
    return VolumeSpec(
        id="vol", title="测试卷", year=2099, kind=kind, publisher="",
        sources=tuple(SourceSpec(file=f) for f in files),
    )


def _ids_unique(volume):
    records = export.entry_records(SiteLayout([volume]).placed)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))


@FAST
@given(yearbook_lines())
def test_yearbook_structure_loses_no_character(lines):
    repaired, audit = repair(lines)
    volume = parse_yearbook(_spec("yearbook", ["book.txt"]), repaired, audit)
    assert lost(lines, volume_texts(volume), volume.audit) == {}
    _ids_unique(volume)


@FAST
@given(st.lists(report_lines(), min_size=1, max_size=3))
def test_reports_structure_loses_no_character(documents):
    files = [f"report{i}.txt" for i in range(len(documents))]
    documents = [[type(l)(l.text, f, l.lineno) for l in doc] for doc, f in zip(documents, files)]
    audit, repaired = [], []
    for doc in documents:
        out, records = repair(doc)
        repaired.append(out)
        audit += records
    volume = parse_reports(_spec("reports", files), repaired, audit)
    inputs = [l for doc in documents for l in doc]
    assert lost(inputs, volume_texts(volume), volume.audit) == {}
    _ids_unique(volume)
