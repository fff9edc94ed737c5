"""Data, never code, for a book whose own signals fail: the manifest's
`running_head` names the head printed before each 篇's title page (here twice
and without a year, which repetition cannot tell); a 篇 title's English
subtitle is taken out of the text and audited."""
from pathlib import Path

import pytest

from build_scripts.errors import InputError
from build_scripts.manifest import load_manifest
from build_scripts.model import Line, VolumeSpec
from build_scripts.repair import repair
from build_scripts.pipeline import structure_volume
from build_scripts.structure.yearbook import parse_yearbook

BODY = "2030年，全镇完成固定资产投资12亿元，比上年增长5.2%。"
# No 编辑说明 list, no 目录, 篇 titles of no special shape: only the heads
# (两次, 无年份) mark where the 篇 open.
BOOK = ["某镇年鉴", "某镇年鉴", "镇情概览", "【自然地理】" + BODY, "【人口】" + BODY,
        "某镇年鉴", "经济建设", "【农业】" + BODY, "【工业】" + BODY]
MANIFEST = """\
volumes:
  - id: town
    title: 某镇年鉴（2030）
    year: 2030
    kind: yearbook
    publisher: 某出版社
    sources: [town.txt]
{extra}"""


def _structure(tmp_path: Path, extra: str):
    (tmp_path / "town.txt").write_text("\n".join(BOOK[1:]), encoding="utf-8")
    (tmp_path / "volumes.yml").write_text(MANIFEST.format(extra=extra), encoding="utf-8")
    spec, = load_manifest(tmp_path / "volumes.yml")
    return structure_volume(spec, tmp_path)


def test_the_running_head_the_manifest_names_opens_each_part(tmp_path):
    volume = _structure(tmp_path, "    running_head: 某镇年鉴\n")
    assert [(p.title, [e.title for _, _, e in [(p, c, e) for c in p.chapters for e in c.entries]]) for p in volume.parts] == [
        ("镇情概览", ["自然地理", "人口"]), ("经济建设", ["农业", "工业"])]
    assert [r.kind for r in volume.audit].count("running-head") == 2


def test_without_it_the_parts_are_not_recovered(tmp_path):
    volume = _structure(tmp_path, "")
    assert [p.title for p in volume.parts] != ["镇情概览", "经济建设"]


def test_a_running_head_that_is_not_text_is_a_one_line_error(tmp_path):
    with pytest.raises(InputError) as info:
        _structure(tmp_path, "    running_head: [1, 2]\n")
    assert "running_head" in str(info.value) and "\n" not in str(info.value)


SPEC = VolumeSpec(id="x", title="某市年鉴", year=2031, kind="yearbook", publisher="p", sources=())


def test_an_english_subtitle_under_a_part_title_is_no_entry_and_is_audited():
    texts = ["某市年鉴（2031）", "编辑说明", "本年鉴共设概况、政务、附录等3个篇目。", "概况", "Overview",
             "【自然地理】" + BODY, "政务", "Government Affairs", "【政务公开】" + BODY, "附录", "Appendix", "附表一"]
    lines, audit = repair([Line(t, "b.txt", i + 1) for i, t in enumerate(texts)])
    volume = parse_yearbook(SPEC, lines, audit)
    assert [(p.title, e.title) for p, _, e in volume.entries()] == [
        ("概况", "自然地理"), ("政务", "政务公开"), ("附录", "附录")]
    assert [r.before for r in audit if r.kind == "part-subtitle"] == ["Overview", "Government Affairs", "Appendix"]


def test_an_english_first_line_of_a_text_without_parts_stays_text():
    lines, audit = repair([Line(t, "b.txt", i + 1) for i, t in enumerate(["Annual Report", "【概况】" + BODY])])
    volume = parse_yearbook(SPEC, lines, audit)
    assert any(b.text == "Annual Report" for _, _, e in volume.entries() for b in e.blocks)
    assert not [r for r in audit if r.kind == "part-subtitle"]
