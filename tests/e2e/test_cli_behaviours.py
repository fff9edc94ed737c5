"""What the README promises of the command line, run as a user runs it (a
subprocess on a small generated project): `check` exits 1 below a threshold,
an unexpected error is one line and exit 1 (`--traceback` shows it), a glossary
term that never occurs is a `warning:` line, CR-only line ends read like LF,
and SOURCE_DATE_EPOCH dates the sitemap."""
from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys

import pytest

from project import ONE_VOLUME_MANIFEST, ROOT, TOWN_PARTS, copy_project, town_text as project_town_text

TITLES = [f"{p}事项{k}" for p in TOWN_PARTS for k in "甲乙丙丁"]


def town_text(index_titles: list[str]) -> str:
    """Five 篇 of four 【】 entries each, and a two-column 条目索引 listing `index_titles`."""
    cells = [f"{t} {10 + i}" for i, t in enumerate(index_titles)]
    return project_town_text(
        lambda n, part: [line for k in "甲乙丙丁" for line in (f"【{part}事项{k}】 2099年,{part}工作稳步推进,完成年度任务。", "")],
        ["\t".join(cells[i : i + 2]) for i in range(0, len(cells), 2)])


def project(tmp_path, text: str, newline: str = "\n", extra: str | None = None):
    root = copy_project(tmp_path, with_seeds=False)
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "volumes.yml").write_text(ONE_VOLUME_MANIFEST, encoding="utf-8")
    (seeds / "town.txt").write_bytes(text.replace("\n", newline).encode("utf-8"))
    if extra is not None:
        (seeds / "glossary-extra.yml").write_text(extra, encoding="utf-8")
    return root


def cli(root, *args: str, env: dict | None = None, code: str | None = None):
    """`python -m build_scripts --root ROOT ARGS`, or the same entry point
    behind a few lines of `code` run first (to plant a bug)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    prog = ["-m", "build_scripts"] if code is None else ["-c", code + "\nfrom build_scripts.__main__ import main\nsys.exit(main(sys.argv[1:]))"]
    return subprocess.run([sys.executable, *prog, "--root", str(root), *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


# --- check: exit 1 when a figure drops below its threshold ----------------------

def test_check_is_ok_at_the_threshold(tmp_path):
    # 18 of 20 index titles found: 0.90, the threshold itself
    titles = TITLES[:18] + ["不存在的条目甲", "不存在的条目乙"]
    proc = cli(project(tmp_path, town_text(titles)), "check")
    assert proc.returncode == 0, proc.stdout
    assert "index titles matched: 18/20 (90.0%)" in proc.stdout
    assert "result: ok" in proc.stdout


def test_check_exits_1_just_below_a_threshold(tmp_path):
    # 17 of 20: 0.85 < 0.90; every other figure passes
    titles = TITLES[:17] + ["不存在的条目甲", "不存在的条目乙", "不存在的条目丙"]
    proc = cli(project(tmp_path, town_text(titles)), "check")
    assert proc.returncode == 1, proc.stdout
    (verdict,) = [l for l in proc.stdout.splitlines() if l.startswith("result:")]
    assert verdict == "result: FAIL — index_matched 0.850 < 0.9"


# --- an unexpected error ---------------------------------------------------------

BUG = (
    "import sys\n"
    "import build_scripts.site as site\n"
    "def build(*args, **kwargs):\n"
    "    raise RuntimeError('planted bug:   two\\nlines')\n"
    "site.build = build\n"
)


def test_an_unexpected_error_is_one_line_and_exit_1(tmp_path):
    proc = cli(project(tmp_path, town_text(TITLES)), "--quiet", "build", code=BUG)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("error: unexpected RuntimeError: planted bug: two lines")
    assert "--traceback" in line


def test_traceback_flag_shows_the_traceback(tmp_path):
    proc = cli(project(tmp_path, town_text(TITLES)), "--traceback", "--quiet", "build", code=BUG)
    assert proc.returncode == 1
    assert "Traceback (most recent call last)" in proc.stderr
    assert "RuntimeError: planted bug" in proc.stderr


# --- builds: glossary warning, CR line ends, SOURCE_DATE_EPOCH -------------------

NEVER_OCCURS = """\
terms:
  - term: “从未出现的术语”
    definition: 测试用的术语，正文里没有。
    source: 编辑部
"""


def _tree(root, top: str) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / top).rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def lf_build(tmp_path_factory):
    root = project(tmp_path_factory.mktemp("lf"), town_text(TITLES), extra=NEVER_OCCURS)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    proc = subprocess.run([sys.executable, "-m", "build_scripts", "--root", str(root), "--quiet", "build"],
                          cwd=root, env=dict(env, PYTHONPATH=str(ROOT)), capture_output=True, text=True, timeout=600)
    return root, proc


def test_a_glossary_term_that_never_occurs_is_a_warning_line_and_the_build_goes_on(lf_build):
    root, proc = lf_build
    assert proc.returncode == 0, proc.stderr
    warnings = [l for l in proc.stderr.splitlines() if l.startswith("warning:")]
    assert warnings == ["warning: seeds/glossary-extra.yml:2: glossary term “从未出现的术语” never occurs in any volume"]
    assert (root / "site" / "index.html").is_file()


def test_cr_only_line_ends_build_the_same_site(lf_build, tmp_path):
    lf_root, _ = lf_build
    root = project(tmp_path, town_text(TITLES), newline="\r", extra=NEVER_OCCURS)
    assert b"\n" not in (root / "seeds" / "town.txt").read_bytes()
    proc = cli(root, "--quiet", "build", env={"SOURCE_DATE_EPOCH": "1704067200"})
    assert proc.returncode == 0, proc.stderr
    for top in ("docs", "site"):
        assert _tree(root, top) == _tree(lf_root, top), top


def _sitemap_dates(root) -> set[str]:
    return set(re.findall(r"<lastmod>([^<]+)</lastmod>", (root / "site" / "sitemap.xml").read_text(encoding="utf-8")))


def _gzip_mtime(root) -> int:
    with open(root / "site" / "sitemap.xml.gz", "rb") as fh:
        header = fh.read(10)
    return int.from_bytes(header[4:8], "little")


def _with_address(root):
    """The sitemap lists pages only when the site has an address (mkdocs.yml
    site_url; empty by default, then no sitemap entries)."""
    config = root / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url:.*$", "", config.read_text(encoding="utf-8"))
    config.write_text(text + "\nsite_url: https://nianjian.example.cn/\n", encoding="utf-8")
    return root


def test_the_sitemap_is_dated_2024_01_01_unless_source_date_epoch_says_otherwise(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    dates = {}
    for name, epoch in (("default", None), ("2025", "1735689600")):  # 2025-01-01
        root = _with_address(project(tmp_path / name, town_text(TITLES), extra=NEVER_OCCURS))
        run_env = dict(env, PYTHONPATH=str(ROOT), **({"SOURCE_DATE_EPOCH": epoch} if epoch else {}))
        proc = subprocess.run([sys.executable, "-m", "build_scripts", "--root", str(root), "--quiet", "build"],
                              cwd=root, env=run_env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        dates[name] = (_sitemap_dates(root), _gzip_mtime(root))
    assert dates["default"] == ({"2024-01-01"}, 1704067200)
    assert dates["2025"] == ({"2025-01-01"}, 1735689600)
    assert gzip.decompress((root / "site" / "sitemap.xml.gz").read_bytes()) == (root / "site" / "sitemap.xml").read_bytes()
