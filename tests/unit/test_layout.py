"""Reserved names (build_scripts/layout.py): one list of the names the site
itself writes, checked by volume ids, 篇 slugs and 章 slugs."""
from __future__ import annotations

import pytest

from build_scripts import layout
from build_scripts.model import Line, SourceSpec, VolumeSpec
from build_scripts.repair import repair
from build_scripts.structure.yearbook import parse_yearbook


@pytest.mark.parametrize("vid", ["assets\n", "town-2099\n", "a\nb", "Town", "-town", "", "x" * 64, "town_2099"])
def test_volume_id_shape_is_checked_to_its_very_end(vid):
    # `$` matches before a final newline: "assets\n" passed the old pattern.
    assert layout.volume_id_problem(vid)


@pytest.mark.parametrize("vid", ["glossary", "indexes", "audit", "assets", "data", "search", "index", "guide", "404", "sitemap"])
def test_volume_id_may_not_take_a_name_of_the_site(vid):
    assert "reserved" in layout.volume_id_problem(vid)


def test_volume_id_may_not_take_a_hand_written_page():
    assert "reserved" in layout.volume_id_problem("faq", handwritten={"faq", "assets", "guide"})
    assert layout.volume_id_problem("hexi-2024", handwritten={"faq"}) is None


def test_hand_written_docs_are_never_taken_for_generated(tmp_path):
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "search.js").write_text("js", encoding="utf-8")
    (tmp_path / "guide.md").write_text("x", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "logo.png").write_bytes(b"png")
    (tmp_path / "town-2099").mkdir()
    (tmp_path / "town-2099" / "index.md").write_text("x", encoding="utf-8")
    assert not layout.is_generated(tmp_path, "assets")
    assert not layout.is_generated(tmp_path, "guide.md")
    assert not layout.is_generated(tmp_path, "notes")  # not only Markdown: hand-written
    assert layout.is_generated(tmp_path, "town-2099")
    assert layout.is_generated(tmp_path, "index.md") and layout.is_generated(tmp_path, "data")


def test_part_slugs_avoid_the_volume_folder_names():
    """A 篇 named Glossary/About/Index would be written over the volume's
    名词解释, 关于本卷 or home page."""
    parts = ["Glossary", "About", "Index", "社会事业", "街道社区"]
    text = ["某某镇年鉴(2099)", "", "编辑说明", "", f"一、全书设置{'、'.join(parts)} 5 篇。", ""]
    for part in parts:
        text += ["某某镇年鉴 2099", "", part, "", "综合工作", "", f"【概况】 {part}工作稳步推进。", ""]
    lines, audit = repair([Line(t, "t.txt", i + 1) for i, t in enumerate(text)])
    spec = VolumeSpec(id="t", title="t", year=2099, kind="yearbook", publisher="", sources=(SourceSpec("t.txt"),))
    slugs = [p.slug for p in parse_yearbook(spec, lines, audit).parts]
    assert len(slugs) == 5
    assert not set(slugs) & layout.VOLUME_LEVEL, slugs
