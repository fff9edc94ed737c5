"""The editors' structure check: outline against the book's 目录 and 条目索引."""
from build_scripts.check import check_volume, format_report
from build_scripts.model import VolumeSpec
from build_scripts.structure.yearbook import parse_yearbook

from structure_fixtures import FRONT, PARTS, lines

SPEC = VolumeSpec(id="x", title="某县年鉴", year=2030, kind="yearbook", publisher="p", sources=())


def _report(parts):
    return check_volume(parse_yearbook(SPEC, lines(FRONT + parts), []))


def test_a_book_whose_index_titles_are_all_found_passes():
    report = _report(PARTS)
    assert report.index_matched == report.index_titles == 3
    assert report.failures() == []
    text = format_report(report)
    assert "index titles matched: 3/3" in text and "综迷 → 综述" in text


def test_an_index_title_missing_from_the_text_is_listed_with_a_reason_and_fails():
    parts = PARTS + ["失踪的条目名称\t99", "另一个找不到的条目\t98"]
    report = _report(parts)
    assert report.index_matched == 3 and report.index_titles == 5
    assert ("失踪的条目名称", "not found among the recovered headings") in report.unmatched
    assert any(f.startswith("index_matched") for f in report.failures())


def test_a_volume_without_finding_aids_is_not_checked():
    from build_scripts.model import Volume

    assert check_volume(Volume(spec=SPEC)) is None
