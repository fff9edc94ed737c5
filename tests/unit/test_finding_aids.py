"""The book's 目录 and 条目索引 parsed once into FindingAids on the Volume
(model.FindingAids), by the structure stage; `check` and the index coverage
figure read them there and never read the seed files again."""
from pathlib import Path

from build_scripts.check import check_volume
from build_scripts.indexes import build_indexes
from build_scripts.model import FindingAids, SourceSpec, VolumeSpec
from build_scripts.pipeline import structure_volume

BODY = "2030年，全县实现地区生产总值100亿元，比上年增长5%。"
BOOK = [
    "某县年鉴(2030)",
    "编辑说明",
    "本卷设政务、经济、索引 3 篇。",
    "目 录",
    "政务 1\t经济 5",
    "综述 1\t工业 5",
    "政务",
    "综述",
    "【概况】" + BODY,
    "【政务公开】" + BODY,
    "经济",
    "工业",
    "【工业经济】" + BODY,
    "索引",
    "条目索引",
    "概况 1\t工业经济 5",
    "政务公开 2\t",
]


def _volume(tmp_path: Path):
    (tmp_path / "book.txt").write_text("\n".join(BOOK), encoding="utf-8")
    spec = VolumeSpec("book", "某县年鉴", 2030, "yearbook", "某出版社", (SourceSpec("book.txt"),))
    return structure_volume(spec, tmp_path)


def test_the_structure_stage_puts_both_finding_aids_on_the_volume(tmp_path):
    aids = _volume(tmp_path).finding_aids
    assert isinstance(aids, FindingAids)
    assert {"综述", "工业", "概况", "政务公开", "工业经济"} <= aids.titles.keys
    assert {h.title: h.pages for h in aids.printed_index} == {"概况": [1], "工业经济": [5], "政务公开": [2]}


def test_the_index_coverage_and_check_read_the_volume_not_the_seed_files(tmp_path):
    volume = _volume(tmp_path)
    (tmp_path / "book.txt").unlink()  # a later stage that re-read the seeds would fail or find nothing
    built = build_indexes([volume], tmp_path)
    coverage, = built.data["printed_index"]
    assert coverage["printed_headings"] == 3 and coverage["present"] == 3
    assert check_volume(volume).failures() == []
