"""Work split over forked workers (build_scripts/workers.py): the same results,
in the same order, as in one process; and the 繁體 copy and the offline bundle
made over two workers are byte for byte those made in one."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from build_scripts import workers
from build_scripts.derived import Derived


def test_a_forked_map_gives_the_results_in_order_as_one_process_does():
    items = [f"第{i}页" * (i % 5 + 1) for i in range(3 * workers.PARALLEL_FROM)]
    serial = workers.map_forked(lambda s: s[::-1] + str(len(s)), items, 1)
    assert serial == [s[::-1] + str(len(s)) for s in items]
    assert workers.map_forked(lambda s: s[::-1] + str(len(s)), items, 2, size=len) == serial


def test_the_largest_of_a_few_items_is_done_beside_the_others_when_they_are_big_enough():
    """A rebuild's few pages (the printable page, the changed chapter, the
    修订记录): the printable page in a process of its own while this one
    does the rest; the same results in the same order. Small others: all here."""
    def work(s):
        return s[:3] + str(len(s)), os.getpid()

    big, others = "全卷" * workers.SPLIT_FROM, ["条目" * (workers.SPLIT_FROM // 2), "章" * workers.SPLIT_FROM]
    items = [others[0], big, others[1]]
    results = workers.map_forked(work, items, 2, size=len)
    assert [r for r, _ in results] == [work(s)[0] for s in items]
    assert [pid == os.getpid() for _, pid in results] == [True, False, True]
    small = [big, "章" * 10, "节" * 10]
    assert all(pid == os.getpid() for _, pid in workers.map_forked(work, small, 2, size=len))
    assert all(pid == os.getpid() for _, pid in workers.map_forked(work, items, 1, size=len))


def test_a_failure_beside_the_others_is_raised_in_the_build():
    def work(s):
        if len(s) > workers.SPLIT_FROM:
            raise ValueError(f"页面过大：{len(s)}")
        return s

    items = ["章" * (workers.SPLIT_FROM * 2), "条" * workers.SPLIT_FROM]
    with pytest.raises(ValueError, match="页面过大"):
        workers.map_forked(work, items, 2, size=len)


def _site(root: Path) -> Path:
    for i in range(2 * workers.PARALLEL_FROM):
        page = root / "v" / f"c{i}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<!doctype html><html lang="zh-CN"><head></head><body><a href="../c{(i + 1) % 16}/">'
                        f"发展与规划{i}：区属国有企业</a></body></html>", encoding="utf-8")
    (root / "index.html").write_text('<html lang="zh-CN"><head></head><body>首页</body></html>', encoding="utf-8")
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_traditional_copy_and_the_offline_bundle_do_not_depend_on_the_workers(tmp_path):
    made = []
    for n in (1, 2):
        site = _site(tmp_path / f"site{n}")
        md = ["index.md"] + [f"v/c{i}/index.md" for i in range(2 * workers.PARALLEL_FROM)]
        derived = Derived(site, md, {"search.js": "var s;"}, "")
        assert derived.pages({}, n) == 2 * workers.PARALLEL_FROM + 1
        derived.write_zip(tmp_path / f"bundle{n}.zip")
        with zipfile.ZipFile(tmp_path / f"bundle{n}.zip") as zf:
            made.append((_tree(site), {name: zf.read(name) for name in zf.namelist()}))
    assert made[0] == made[1]
    hosted, bundle = made[0]
    assert "區屬國有企業".encode() in hosted["zh-Hant/v/c3/index.html"]
    assert b'href="../c4/index.html"' in bundle["yearbook/v/c3/index.html"]
    assert b'href="../c4/index.html"' in bundle["yearbook/zh-Hant/v/c3/index.html"]


def test_work_beside_gives_its_result_whether_forked_or_not():
    """The 条目/主题 indexes are made beside the names: in another process when
    there are two cores, in this one when there is one; the same result."""
    for n in (1, 2):
        other = workers.Beside(lambda: ([f"索引{i}" for i in range(5)], os.getpid()), n)
        mine = sum(range(1000))  # this process goes on meanwhile
        result, pid = other.result()
        assert result == [f"索引{i}" for i in range(5)] and mine == 499500
        assert (pid != os.getpid()) == (n > 1)
