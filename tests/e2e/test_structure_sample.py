"""End-to-end figures of the structure of the whole sample yearbook."""
from __future__ import annotations

import pytest

from build_scripts.check import THRESHOLDS, check_volume
from build_scripts.manifest import load_manifest
from build_scripts.pipeline import structure_volume
from build_scripts.structure.shapes import norm

from project import ROOT


@pytest.fixture(scope="module")
def volume():
    spec = load_manifest(ROOT / "seeds" / "volumes.yml")[0]
    return structure_volume(spec, ROOT / "seeds")


def _part(volume, title):
    return next(p for p in volume.parts if norm(p.title) == norm(title))


def test_check_figures_meet_their_thresholds(volume):
    report = check_volume(volume)
    assert report.failures() == []
    assert report.index_titles >= 450 and report.ratios()["index_matched"] >= THRESHOLDS["index_matched"]


def test_the_named_ocr_damage_in_headings_is_repaired(volume):
    repairs = {(r.before.replace(" ", ""), r.after) for r in volume.audit if r.kind == "heading-repair"}
    for pair in [("综迷", "综述"), ("河面区总工会", "河西区总工会"), ("退没军人管理", "退役军人管理"), ("检", "检察")]:
        assert pair in repairs
    assert any("天津介" in b and "天津市" in a for b, a in repairs)
    chapters = {c.title for p in volume.parts for c in p.chapters if c.title}
    assert not {t for t in chapters if "综迷" in t or "河面区" in t or "天津介" in t}


def test_speeches_of_the_special_feature_have_bylines_and_sections(volume):
    entries = [e for c in _part(volume, "特载").chapters for e in c.entries]
    speeches = [e for e in entries if any(b.kind == "byline" for b in e.blocks)]
    assert len(speeches) == 4
    for e in speeches:
        assert sum(1 for b in e.blocks if b.kind == "h" and b.level) >= 5


def test_footnote_markers_of_the_government_report_are_kept_for_its_glossary(volume):
    entries = [e for c in _part(volume, "特载").chapters for e in c.entries]
    report = next(e for e in entries if "人民政府工作报告" in e.title)
    assert "实施方案¹" in report.text and "产业²" in report.text
    assert any(e.title.endswith("名词解释") for e in entries)


def test_articles_have_their_run_in_numbered_parts(volume):
    entries = [e for c in _part(volume, "专文").chapters for e in c.entries]
    assert len(entries) == 2
    assert all(sum(1 for b in e.blocks if b.kind == "h") >= 3 for e in entries)


def test_chronicle_is_twelve_months_of_dated_events(volume):
    part = next(p for p in volume.parts if "大事记" in p.title)
    assert [c.title for c in part.chapters] == [f"{m}月" for m in range(1, 13)]
    events = [e for c in part.chapters for e in c.entries]
    # The book's 大事记 prints 147 dated events (counted in the raw text by
    # test_sample_figures.test_147_chronicle_events_one_entry_each): one entry each.
    assert len(events) == 147 and all(e.title.startswith(c.title) for c in part.chapters for e in c.entries)


def test_appendix_tables_are_tables_and_their_damage_is_said(volume):
    blocks = [b for c in _part(volume, "附录").chapters for e in c.entries for b in e.blocks]
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) >= 6 and all(b.rows and len(b.rows) > 1 for b in tables)
    assert any(b.kind == "note" for b in blocks)


def test_honours_award_lists_are_lists(volume):
    blocks = [b for c in _part(volume, "人物·荣誉").chapters for e in c.entries for b in e.blocks]
    assert sum(1 for b in blocks if b.kind == "list") >= 6


def test_sections_of_a_chapter_with_companies(volume):
    sections = {e.section for p in volume.parts for c in p.chapters if c.title == "重点企业" for e in c.entries}
    assert len({s for s in sections if s and s.endswith("公司")}) == 3


def test_colour_page_photo_captions_form_the_photo_list(volume):
    assert len(volume.photos) >= 60
    assert all(b.kind == "caption" for b in volume.photos)
