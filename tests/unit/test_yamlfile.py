"""The editors' YAML files are bounded: size, nesting, alias expansion, and
(for seeds/) where the file really is. Each problem is one line naming the file."""
from __future__ import annotations

import pytest

from build_scripts import yamlfile
from build_scripts.errors import InputError
from build_scripts.yamlfile import read_yaml


def _read(tmp_path, text: str, **kw):
    path = tmp_path / "f.yml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, "seeds/f.yml", **kw)[1]


def _problem(tmp_path, text: str, **kw) -> InputError:
    with pytest.raises(InputError) as info:
        _read(tmp_path, text, **kw)
    assert "\n" not in str(info.value) and str(info.value).startswith("seeds/f.yml")
    return info.value


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 10)}]\n" for a, b in zip("abcdefgh", "bcdefghi")
) + "volumes: *i\n"


def test_alias_bomb_is_refused_before_anything_walks_it(tmp_path):
    # 10**9 values once expanded: str() of it alone would exhaust memory.
    assert "expands to more than" in _problem(tmp_path, BOMB).problem


def test_a_few_aliases_are_fine(tmp_path):
    data = _read(tmp_path, "base: &b {kind: reports, year: 2099}\nvolumes:\n  - <<: *b\n    id: a\n  - <<: *b\n    id: b\n")
    assert [v["year"] for v in data["volumes"]] == [2099, 2099]


def test_recursive_alias_is_refused(tmp_path):
    assert "contains it" in _problem(tmp_path, "a: &a [1, *a]\n").problem


@pytest.mark.parametrize("depth", [yamlfile.MAX_DEPTH + 5, 5000])
def test_deep_nesting_is_refused(tmp_path, depth):
    assert "nesting deeper" in _problem(tmp_path, "v: " + "[" * depth + "]" * depth + "\n").problem


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "f.yml"
    with path.open("wb") as f:
        f.truncate(yamlfile.MAX_BYTES + 1)
    with pytest.raises(InputError, match="MB limit"):
        read_yaml(path, "seeds/f.yml")


def test_file_reached_through_a_link_out_of_the_folder_is_refused(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    outside = tmp_path / "secret.yml"
    outside.write_text("terms: []\n", encoding="utf-8")
    (seeds / "glossary-extra.yml").symlink_to(outside)
    with pytest.raises(InputError, match="leads outside seeds/"):
        read_yaml(seeds / "glossary-extra.yml", "seeds/glossary-extra.yml", within=seeds)
