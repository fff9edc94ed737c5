"""The MkDocs run's first work done ahead (mkdocs_run.ahead, output.ahead):
what a cold build compiles of the theme while it waits, its MkDocs run does
not compile again, and the site it writes is the same byte for byte."""
from __future__ import annotations

import shutil
from pathlib import Path

import jinja2

from build_scripts import mkdocs_run, output, site, workers
from build_scripts.cache import Cache

from project import small_project

REPORT = "某某局2099年工作总结\n\n一、主要工作\n\n局长王伟主持召开工作会议，全年完成各项任务。\n"


def _built(path: Path) -> Path:
    root = small_project(path, "2099年,{part}工作稳步推进,镇长李学义主持全年工作。", REPORT)
    site.build(root, site.Progress(quiet=True))
    return root


def _compiled(monkeypatch) -> list[str]:
    names = []
    compile_ = jinja2.Environment.compile

    def recording(self, source, name=None, filename=None, *args, **kwargs):
        names.append(name)
        return compile_(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", recording)
    return names


def _site_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_what_was_compiled_ahead_the_mkdocs_run_does_not_compile_again(tmp_path, monkeypatch):
    root = _built(tmp_path / "p")
    work = root / ".build"
    config = work / "mkdocs-hosted.yml"
    # Two MkDocs runs of the staged site, each with nothing kept: one after
    # `ahead`, one without.
    results = {}
    for label in ("ahead", "plain"):
        cache_dir = tmp_path / f"cache-{label}"
        compiled = _compiled(monkeypatch)
        if label == "ahead":
            list(mkdocs_run.ahead(config, cache_dir))
            results["ahead compiled"] = list(compiled)
            compiled.clear()
        out = tmp_path / f"site-{label}"
        mkdocs_run.build(config, cache_dir, 1, site_dir=str(out))
        results[label] = (list(compiled), _site_files(out))
        monkeypatch.undo()
    ahead_compiled = set(results["ahead compiled"])
    assert {"main.html", "base.html", "404.html", "sitemap.xml"} <= ahead_compiled
    run_compiled = set(results["ahead"][0])
    assert not run_compiled & ahead_compiled
    assert "main.html" in results["plain"][0]  # (without it, the run compiles them)
    assert results["ahead"][1] == results["plain"][1]


def test_the_theme_s_files_found_ahead_are_those_the_run_finds(tmp_path, monkeypatch):
    from mkdocs.structure.files import Files

    root = _built(tmp_path / "p")
    config = root / ".build" / "mkdocs-hosted.yml"
    plain = tmp_path / "site-plain"
    mkdocs_run.build(config, tmp_path / "cache-plain", 1, site_dir=str(plain))
    cache_dir = tmp_path / "cache"
    steps = mkdocs_run.ahead(config, cache_dir)
    next(steps), next(steps)  # the configuration read, then the theme's files found and kept
    assert len(list((cache_dir / "render").iterdir())) == 1

    def walked(*args):
        raise AssertionError("the theme's files walked again")

    monkeypatch.setattr(Files, "add_files_from_theme", walked)
    ahead = tmp_path / "site-ahead"
    mkdocs_run.build(config, cache_dir, 1, site_dir=str(ahead))
    assert _site_files(ahead) == _site_files(plain)


def test_only_a_cold_build_works_ahead(tmp_path):
    root = _built(tmp_path / "p")
    cache = Cache(root)
    workers.drop_idle()
    output.ahead(cache)  # the templates are kept: nothing to do
    assert workers._IDLE.items == []
    shutil.rmtree(cache.dir / "mkdocs")
    output.ahead(cache)
    assert workers._IDLE.items
    workers.waiting(lambda: False)
    assert any((cache.dir / "mkdocs" / "templates").iterdir())
