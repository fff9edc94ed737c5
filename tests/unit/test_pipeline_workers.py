"""What the worker processes of the pipeline learn comes back to the build, and
what they do stops with it: pypinyin's readings of the slugs the volume workers
made are kept like every other reading (readings.py); the name indexes made
beside the other stages (workers.Beside) stop when a stage fails."""
from __future__ import annotations

from build_scripts import pipeline, readings
from build_scripts.cache import Cache

from project import small_project

REPORT = "某某局2099年工作总结\n\n一、主要工作\n\n局长王伟主持召开工作会议，全年完成各项任务。\n\n二、下一步打算\n\n继续推进工作。\n"


class Log(list):
    def __call__(self, message: str) -> None:
        self.append(message)


def _project(path):
    return small_project(path, "2099年,{part}工作稳步推进,镇长李学义主持全年工作。", REPORT)


def test_a_rebuild_of_one_volume_asks_pypinyin_nothing_its_workers_were_told(tmp_path, monkeypatch):
    root = _project(tmp_path)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)  # both volumes in worker processes
    readings.MEMO.clear()
    pipeline.run(root, Cache(root), Log())
    # The workers' readings came back and were kept: the one volume changed now,
    # structured in this process, asks pypinyin nothing.
    (root / "seeds" / "report.txt").write_text(REPORT.replace("继续推进", "继续推动"), encoding="utf-8")
    readings.MEMO.clear()

    def no_pypinyin(*args, **kwargs):
        raise AssertionError(f"pypinyin asked again: {args}")

    monkeypatch.setattr(readings, "_pinyin", no_pypinyin)
    book = pipeline.run(root, Cache(root), Log())
    assert any(p.path.startswith("papers/") for p in book.pages)


def test_a_stage_failing_while_the_name_indexes_are_made_beside_stops_them(tmp_path, monkeypatch):
    import multiprocessing

    import pytest

    from build_scripts.errors import InputError

    root = _project(tmp_path)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)  # the names in a process of their own
    started = []
    beside = pipeline.workers.Beside
    monkeypatch.setattr(pipeline.workers, "Beside", lambda f, n, **k: started.append(beside(f, n, **k)) or started[-1])

    def failing(*args, **kwargs):  # the render stage, after the names stage
        raise InputError("town.txt", "a page that cannot be made", 3)

    monkeypatch.setattr(pipeline, "render_volume", failing)
    with pytest.raises(InputError, match="town.txt:3: a page that cannot be made"):
        pipeline.run(root, Cache(root), Log())
    assert started and started[0]._process is None, "the names process was not stopped"
    assert not multiprocessing.active_children()


def test_bad_editors_input_stops_the_build_before_the_name_indexes_start(tmp_path, monkeypatch):
    """The glossary stage, before the names stage, reads the editors' YAML:
    bad input there stops the build with no process started beside it."""
    import pytest

    from build_scripts.errors import InputError

    root = _project(tmp_path)
    (root / "seeds" / "glossary-extra.yml").write_text("terms: 3\n", encoding="utf-8")
    started = []
    monkeypatch.setattr(pipeline.workers, "Beside", lambda *a, **k: started.append(a))
    with pytest.raises(InputError, match="glossary-extra.yml: 'terms' must be a list"):
        pipeline.run(root, Cache(root), Log())
    assert not started


def test_a_cold_build_keeps_the_dictionarys_tags_before_the_name_indexes_start(tmp_path, monkeypatch):
    """jieba's dictionary tags, which a rebuild reads instead of loading the
    tagger, are written while the volume workers run, not by the names process."""
    from build_scripts.indexes.tagging import load_posseg

    root = _project(tmp_path)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)  # the volumes in workers, the names beside
    kept = []
    beside = pipeline.workers.Beside
    monkeypatch.setattr(pipeline.workers, "Beside", lambda f, n, **k: kept.append(Cache(root).load_word_tags()) or beside(f, n, **k))
    pipeline.run(root, Cache(root), Log())
    assert kept and kept[0] == load_posseg().dt.word_tag_tab
