"""The pipeline (build_scripts/pipeline.py): its stages run in the order of the
list, each progress line names the stage that ran, and nothing is published
before the publishing step."""
from __future__ import annotations

import json

from build_scripts import pipeline
from build_scripts.cache import Cache

from project import ONE_VOLUME_MANIFEST, copy_project

NL = "\n"
TOWN = NL.join([
    "某某镇年鉴(2099)", "", "编辑说明", "",
    "一、本书分为篇目、章目、分目、条目 4 个层次。全书设置党政机关、经济发展 2 篇。", "",
    "某某镇年鉴 2099", "", "党政机关", "", "综合工作", "",
    "【概况】 2099年,党政机关工作稳步推进,镇长李学义主持全年工作。", "",
    "某某镇年鉴 2099", "", "经济发展", "", "工业", "",
    "【重要会议】 召开经济发展工作会议,部署全年任务。(镇党委办公室提供)", "",
])


class Log(list):
    def __call__(self, message: str) -> None:
        self.append(message)


def _project(tmp_path):
    root = copy_project(tmp_path / "p", with_seeds=False)
    (root / "seeds").mkdir()
    (root / "seeds" / "volumes.yml").write_text(ONE_VOLUME_MANIFEST, encoding="utf-8")
    (root / "seeds" / "town.txt").write_text(TOWN, encoding="utf-8")
    return root


def test_the_stage_list_reads_like_the_readme():
    assert [s.name for s in pipeline.STAGES] == ["manifest", "volumes", "layout", "glossary", "names", "render", "search", "export", "indexes", "data"]
    assert [s.name for s in pipeline.VOLUME_STAGES] == ["read", "repair", "structure"]


def test_progress_lines_name_each_stage_as_it_runs_in_order(tmp_path):
    root = _project(tmp_path)
    log = Log()
    pipeline.run(root, Cache(root), log)
    firsts = [m.split(":")[0].split(" ")[0] for m in log]
    assert firsts == ["read", "repaired", "structured", "glossary", "render", "search", "export", "names", "indexes", "data"], log
    assert log[0] == f"read town.txt: {TOWN.count(NL) + 1} lines"


def test_the_pipeline_makes_the_book_and_publishes_nothing(tmp_path):
    root = _project(tmp_path)
    book = pipeline.run(root, Cache(root), Log())
    assert sorted(book.data) == ["audit.json", "entries.json", "glossary.json", "index.json"]
    paths = {p.path for p in book.pages}
    assert {"index.md", "town-2099/index.md"} <= paths
    assert {r["title"] for r in book.searchable} >= {"概况", "重要会议"}
    # the search index of both builds is made here, before MkDocs runs: the
    # hosted one links directory URLs, the offline one the .html pages
    hosted, offline = book.search_files["hosted"], book.search_files["offline"]
    assert sorted(hosted) == sorted(offline) and {"manifest.js", "search.js"} <= set(hosted)
    chunk = next(n for n in hosted if n.startswith("town-2099-"))
    urls = [[place[3] for place in json.loads(files[chunk].partition("(")[2].rpartition(")")[0])["places"]]
            for files in (hosted, offline)]
    assert urls[0] and all(u.startswith("town-2099/") and u.endswith("/") for u in urls[0])
    assert all(u.endswith(".html") for u in urls[1])
    assert [u.removesuffix("/index.html").removesuffix(".html") + "/" for u in urls[1]] == urls[0]
    # docs/, site/ and dist/ are the publishing step's (output.py): untouched here
    assert sorted(p.name for p in (root / "docs").iterdir()) == ["assets", "guide.md"]
    assert not (root / "site").exists() and not (root / "dist").exists()


_MODULES_AFTER_A_RUN = """
import sys
from pathlib import Path
from build_scripts import pipeline
from build_scripts.cache import Cache
root = Path(sys.argv[1])
pipeline.run(root, Cache(root), lambda m: None)
print(" ".join(m for m in ("jieba", "jieba.posseg", "pypinyin") if m in sys.modules))
"""


def test_a_rebuild_of_a_changed_volume_loads_neither_jieba_nor_pypinyin_in_the_build_process(tmp_path):
    """jieba's dictionary (≈ 0.3 s) and pypinyin's (≈ 0.3 s) are loaded for
    a volume's wrap splits, name tags and slugs: a rebuild after a one-character
    change finds the answers it needs kept by the last build (the volume,
    structured in the build process, would load them only for a new question). Each run in a process of its
    own: this one has imported both long ago."""
    import subprocess
    import sys
    from pathlib import Path

    root = _project(tmp_path)
    town = root / "seeds" / "town.txt"
    # a word cut by a stray space (职称 评审): the wrap repair asks jieba about it
    town.write_text(TOWN.replace("部署全年任务。", "部署全年任务,开展职称 评审。"), encoding="utf-8")
    env = dict(__import__("os").environ, PYTHONPATH=str(Path(pipeline.__file__).parents[1]))

    def modules_loaded() -> set[str]:
        done = subprocess.run([sys.executable, "-c", _MODULES_AFTER_A_RUN, str(root)], env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        return set(done.stdout.split())

    assert modules_loaded() == {"jieba", "jieba.posseg", "pypinyin"}  # cold: the build process preloads them
    assert Cache(root).load_splits(), "the text asks jieba about a split"
    town.write_text(town.read_text(encoding="utf-8").replace("稳步推进", "稳步推行"), encoding="utf-8")
    assert modules_loaded() == set()
