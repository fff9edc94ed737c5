"""Incremental builds of a large page converted in pieces (pieces.py) and
its 繁體 twin in chunks (traditional.Chunks): a rebuild after a change to
one 篇 converts only that 篇's piece of the printable page and only that
篇's chunk of its twin — also when a build in between left the page as it
was — and publishes what a cold build of the same input publishes."""
from __future__ import annotations

import shutil

from build_scripts import pieces, traditional
from build_scripts.site import build

from project import copy_project, town_text, two_volume_project

REPORT = "某某局2099年工作总结\n\n一、主要工作\n\n局长王伟主持召开工作会议，全年完成各项任务。\n"
# Enough entries that the town's printable page is cut (pieces.MIN_CHARS).
ENTRIES = 140


def _town() -> str:
    return town_text(lambda n, part: [
        line
        for k in range(ENTRIES)
        for line in (f"【{part}事项{k}】 2099年,{part}第{k}项工作稳步推进,镇政府召开专题会议部署落实，"
                     f"年内完成全部任务，群众满意度明显提升，各项指标均达到年初目标。", "")])


def _project(path):
    return two_volume_project(path, _town(), REPORT)


def _published(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for top in ("docs", "site", "dist") for p in sorted((root / top).rglob("*")) if p.is_file()}


def _counted(monkeypatch, log):
    """pieces.render, each call recorded in `log` (a file: the conversion
    may run in a forked worker) by the first line of the piece."""
    render = pieces.render

    def counted(page, config, files, text):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{page.file.src_uri}\t{text.splitlines()[0]}\n")
        return render(page, config, files, text)

    monkeypatch.setattr(pieces, "render", counted)
    convert = traditional.convert_text

    def counted_twin(text):
        if text.startswith(("<h2", "<h3")):  # a chunk of a page converted in chunks
            with open(log, "a", encoding="utf-8") as out:
                out.write(f"twin\t{text[:text.index('>') + 1]}\n")
        return convert(text)

    monkeypatch.setattr(traditional, "convert_text", counted_twin)


def _calls(log) -> tuple[list[str], list[str]]:
    """The printable page's pieces converted since the last call, and the chunks of its twin."""
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return [c for c in calls if c.startswith("town-2099/print.md")], [c for c in calls if c.startswith("twin")]


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_converts_only_the_changed_piece_of_the_printable_page(tmp_path, monkeypatch):
    root = _project(tmp_path / "project")
    log = tmp_path / "pieces.log"
    _counted(monkeypatch, log)
    build(root, lambda m: None)
    assert len(md := (root / "docs" / "town-2099" / "print.md").read_text(encoding="utf-8")) >= pieces.MIN_CHARS
    assert len(html := (root / "site" / "town-2099" / "print" / "index.html").read_text(encoding="utf-8")) >= (
        traditional.CHUNKED_FROM)
    converted, twins = _calls(log)
    # The title and cover, then the five 篇 (each under 30,000 characters:
    # not cut again); the twin's 篇 and 章 (h2, h3: the chunk before the first is not counted).
    assert len(converted) == 6 and len(twins) == 10
    # A change elsewhere: the printable page is taken whole from the cache; its pieces are kept.
    _edit(root / "seeds" / "report.txt", "全年完成各项任务", "全年完成各项工作任务")
    build(root, lambda m: None)
    assert _calls(log) == ([], [])
    # One entry of the third 篇 changed: its piece alone is converted again.
    _edit(root / "seeds" / "town.txt", "城市建设第7项工作稳步推进", "城市建设第7项工作扎实推进")
    build(root, lambda m: None)
    assert _calls(log) == (["town-2099/print.md\t## 城市建设 {#cheng-shi-jian-she}"], ['twin\t<h3 id="cheng-shi-jian-she--zong-he-gong-zuo-2">'])
    assert "扎实推进" in (root / "site" / "town-2099" / "print" / "index.html").read_text(encoding="utf-8")
    assert "紮實推進" in (root / "site" / "zh-Hant" / "town-2099" / "print" / "index.html").read_text(encoding="utf-8")
    assert html != (root / "site" / "town-2099" / "print" / "index.html").read_text(encoding="utf-8")
    assert md != (root / "docs" / "town-2099" / "print.md").read_text(encoding="utf-8")

    fresh = copy_project(tmp_path / "cold", with_seeds=False)
    shutil.copytree(root / "seeds", fresh / "seeds")
    build(fresh, lambda m: None)
    assert _published(root) == _published(fresh)
