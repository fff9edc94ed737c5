"""The cache of what is derived from each page (build_scripts/derived.py: its
繁體 twin and the zip members of the offline copies, kept under the page's
MkDocs key, the site address and the offline layout): a rebuild after a
change that alters those outputs publishes what a cold build publishes."""
from __future__ import annotations

import shutil
import zipfile

from build_scripts.site import build

from project import copy_project, small_project

REPORT = "某某局2099年工作总结\n\n一、主要工作\n\n局长王伟主持召开工作会议，全年完成各项任务。\n"


def _project(path):
    return small_project(path, "2099年,{part}工作稳步推进,发展改革委员会完成年度任务。", REPORT)


def _published(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for top in ("docs", "site", "dist") for p in sorted((root / top).rglob("*")) if p.is_file()}


def _cold(root, dest):
    fresh = copy_project(dest, with_seeds=False)
    shutil.copytree(root / "seeds", fresh / "seeds")
    shutil.copy2(root / "mkdocs.yml", fresh / "mkdocs.yml")
    build(fresh, lambda m: None)
    return fresh


def test_a_new_site_address_reaches_every_twin_and_the_bundle_as_in_a_cold_build(tmp_path):
    root = _project(tmp_path / "p")
    build(root, lambda m: None)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert 'site_url: ""' in text
    config.write_text(text.replace('site_url: ""', "site_url: https://nianjian.example.org/"), encoding="utf-8")
    build(root, lambda m: None)
    twin = (root / "site" / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://nianjian.example.org/zh-Hant/">' in twin
    with zipfile.ZipFile(root / "dist" / "yearbook-offline.zip") as zf:
        assert b"canonical" not in zf.read("yearbook/zh-Hant/index.html")
    assert _published(root) == _published(_cold(root, tmp_path / "cold"))


def test_an_edited_page_rebuilt_beside_kept_ones_is_the_cold_build(tmp_path):
    root = _project(tmp_path / "p")
    build(root, lambda m: None)
    (root / "seeds" / "report.txt").write_text(REPORT.replace("工作会议", "发展会议"), encoding="utf-8")
    log = []
    build(root, log.append)
    assert any("1 laid out anew" in m or "2 laid out anew" in m for m in log), log  # the rest kept
    with zipfile.ZipFile(root / "dist" / "yearbook-offline.zip") as zf:
        assert any("發展會議" in zf.read(n).decode("utf-8", "replace") for n in zf.namelist() if n.startswith("yearbook/zh-Hant/"))
    assert _published(root) == _published(_cold(root, tmp_path / "cold"))


def test_with_plugins_of_its_own_the_pages_are_kept_under_their_bytes_and_the_rebuild_is_the_cold_build(tmp_path):
    """A mkdocs.yml with plugins is built by MkDocs' own build (no page keys)."""
    root = _project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - search"), encoding="utf-8")
    log = []
    build(root, log.append)
    assert not any(m.startswith("mkdocs: ") for m in log), log  # MkDocs' own build ran
    (root / "seeds" / "report.txt").write_text(REPORT.replace("工作会议", "发展会议"), encoding="utf-8")
    build(root, lambda m: None)
    assert "發展會議".encode() in b"".join(p.read_bytes() for p in (root / "site" / "zh-Hant").rglob("*.html"))
    assert _published(root) == _published(_cold(root, tmp_path / "cold"))


def test_an_earlier_versions_cache_folders_are_cleared_and_the_current_ones_kept(tmp_path):
    root = _project(tmp_path / "p")
    build(root, lambda m: None)
    cache = root / ".build" / "cache"
    for name in ("traditional", "offline"):  # what the separate 繁體 and offline passes kept
        (cache / name).mkdir()
        (cache / name / ("0" * 64)).write_bytes(b"x" * 1000)
    (root / "seeds" / "report.txt").write_text(REPORT.replace("工作会议", "发展会议"), encoding="utf-8")
    build(root, lambda m: None)
    assert not (cache / "traditional").exists() and not (cache / "offline").exists()
    assert any((cache / "derived").iterdir()) and any((cache / "zip").iterdir())
    (root / "seeds" / "report.txt").write_text(REPORT, encoding="utf-8")
    build(root, lambda m: None)  # the next build empties the trash they went to
    assert not any(p.name.endswith(("traditional", "offline")) for p in (root / ".build").rglob("*"))


def test_a_hand_written_zh_hant_folder_gives_way_to_the_copy(tmp_path):
    """docs/zh-Hant/ of an editor's own: the 繁體 copy replaces what MkDocs
    made of it (the copy is then derived once the site is whole, not by the
    workers that lay the pages out), in a cold build and a rebuild alike."""
    from build_scripts import offline, traditional

    root = _project(tmp_path / "p")
    (root / "docs" / "zh-Hant" / "extra").mkdir(parents=True)
    (root / "docs" / "zh-Hant" / "guide.md").write_text("# 手写的繁体页\n", encoding="utf-8")
    (root / "docs" / "zh-Hant" / "extra" / "note.txt").write_text("手写", encoding="utf-8")
    for _ in range(3):  # cold, then twice into the site the swap before replaced
        (root / "seeds" / "report.txt").write_text(REPORT + f"\n新增{_}。\n", encoding="utf-8")
        build(root, lambda m: None)
        site = root / "site"
        files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
        hosted = {rel for rel in files if not rel.startswith("zh-Hant/")}
        assert {rel for rel in files if rel.startswith("zh-Hant/")} == {
            f"zh-Hant/{rel}" for rel in hosted if traditional.mirrored(rel)}
        guide = (site / "guide" / "index.html").read_text(encoding="utf-8")
        assert (site / "zh-Hant" / "guide" / "index.html").read_text(encoding="utf-8") == traditional.convert_page(guide)
        assert not (site / "zh-Hant" / "extra").exists()
        assert offline.bundled("zh-Hant/guide/index.html")
    cold = copy_project(tmp_path / "cold", with_seeds=False)
    shutil.copytree(root / "seeds", cold / "seeds")
    shutil.copytree(root / "docs" / "zh-Hant", cold / "docs" / "zh-Hant")
    build(cold, lambda m: None)
    assert _published(root) == _published(cold)


def test_a_cold_build_keeps_what_its_layout_workers_derived_for_the_next_build(tmp_path):
    """The twins and members made in the layout workers (derived.Derived.deriver)
    are kept for the next build: the first rebuild after a cold one derives
    only its changed pages again (it once derived every page again: the
    build process, which prunes the memo, had not seen the workers' keys)."""
    root = _project(tmp_path / "p")
    build(root, lambda m: None)
    site = root / "site"
    pages = [p for p in site.rglob("*.html") if "zh-Hant" not in p.relative_to(site).parts and p.name != "404.html"]
    kept = {p.name for p in (root / ".build" / "cache" / "derived").iterdir()}
    assert len(pages) >= 8 and len(kept) == len(pages)  # enough pages for the layout workers
    (root / "seeds" / "report.txt").write_text(REPORT.replace("工作会议", "发展会议"), encoding="utf-8")
    build(root, lambda m: None)
    again = {p.name for p in (root / ".build" / "cache" / "derived").iterdir()}
    assert len(again) == len(pages) and len(kept - again) <= 3  # the report's pages (and the home's)
