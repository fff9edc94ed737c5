"""The manifest (seeds/volumes.yml): typos are reported with the file, the line
of the offending volume or key, and the problem."""
from __future__ import annotations

import pytest

from build_scripts.errors import InputError
from build_scripts.manifest import load_manifest

from project import TOWN_VOLUME

GOOD = "volumes:\n" + TOWN_VOLUME + """\
  - id: reports
    title: 工作文献
    year: 2099
    kind: reports
    sources:
      - file: a.txt
        publisher: 甲局
      - b.txt
"""


@pytest.fixture
def seeds(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    for name in ("town.txt", "a.txt", "b.txt"):
        (d / name).write_text("【概况】 正文。\n", encoding="utf-8")
    return d


def _load(seeds, text: str):
    path = seeds / "volumes.yml"
    path.write_text(text, encoding="utf-8")
    return load_manifest(path)


def _error(seeds, text: str) -> InputError:
    with pytest.raises(InputError) as info:
        _load(seeds, text)
    assert "\n" not in str(info.value)
    return info.value


def test_valid_manifest_gives_volumes_in_order(seeds):
    vols = _load(seeds, GOOD)
    assert [v.id for v in vols] == ["town-2099", "reports"]
    assert [s.file for s in vols[1].sources] == ["a.txt", "b.txt"]
    assert vols[1].sources[0].publisher == "甲局"
    assert vols[0].year == 2099 and vols[0].kind == "yearbook"


def test_missing_manifest(tmp_path):
    with pytest.raises(InputError) as info:
        load_manifest(tmp_path / "volumes.yml")
    assert "not found" in info.value.problem


def test_invalid_yaml_names_the_line(seeds):
    err = _error(seeds, GOOD.replace("    year: 2099\n    kind: reports", "    year: [2099\n    kind: reports"))
    assert "invalid YAML" in err.problem and err.line is not None and 11 <= err.line <= 13


def test_unknown_kind_names_the_line_and_the_choices(seeds):
    err = _error(seeds, GOOD.replace("kind: reports", "kind: report"))
    assert err.line == 12
    assert "unknown kind 'report'" in err.problem and "yearbook" in err.problem


def test_duplicate_volume_id_names_the_second_one(seeds):
    err = _error(seeds, GOOD.replace("id: reports", "id: town-2099"))
    assert err.line == 9 and "duplicate volume id 'town-2099'" in err.problem


def test_missing_seed_file_names_the_file_and_its_line(seeds):
    err = _error(seeds, GOOD.replace("- file: a.txt", "- file: a-typo.txt"))
    assert err.line == 14 and "seeds/a-typo.txt" in err.problem and "missing" in err.problem


def test_seed_file_outside_seeds_is_refused(seeds):
    (seeds.parent / "outside.txt").write_text("正文\n", encoding="utf-8")
    err = _error(seeds, GOOD.replace("- b.txt", "- ../outside.txt"))
    assert err.line == 16 and "outside" in err.problem


def test_missing_key_names_the_volume(seeds):
    err = _error(seeds, GOOD.replace("    year: 2099\n    kind: yearbook\n", "    kind: yearbook\n"))
    assert err.line == 2 and "lacks 'year'" in err.problem


def test_volume_id_must_be_url_safe(seeds):
    err = _error(seeds, GOOD.replace("id: reports", "id: 文献"))
    assert err.line == 9


def test_volume_id_may_not_replace_a_site_folder(seeds):
    err = _error(seeds, GOOD.replace("id: reports", "id: search"))
    assert err.line == 9 and "reserved" in err.problem


def test_year_must_be_a_number(seeds):
    err = _error(seeds, GOOD.replace("year: 2099\n    kind: reports", "year: 二〇九九\n    kind: reports"))
    assert err.line == 11


def test_manifest_without_volumes_list(seeds):
    assert "volumes" in _error(seeds, "volume:\n  - id: x\n").problem


# --- hostile or unlucky values ------------------------------------------------

@pytest.mark.parametrize("value", ['"assets\\n"', "|\n      assets\n", '"town\\n"'])
def test_volume_id_with_a_trailing_newline_is_refused_on_one_line(seeds, value):
    err = _error(seeds, GOOD.replace("id: reports", f"id: {value}"))
    assert err.line == 9 and "\\n" in err.problem  # shown as \n, not as a line break


@pytest.mark.parametrize("vid", ["glossary", "indexes", "audit"])
def test_volume_id_may_not_take_a_generated_page_of_the_site(seeds, vid):
    assert "reserved" in _error(seeds, GOOD.replace("id: reports", f"id: {vid}")).problem


def test_volume_id_may_not_take_a_hand_written_page(seeds):
    path = seeds / "volumes.yml"
    path.write_text(GOOD.replace("id: reports", "id: faq"), encoding="utf-8")
    with pytest.raises(InputError, match="reserved"):
        load_manifest(path, handwritten=frozenset({"faq", "guide", "assets"}))


def test_kind_with_terminal_escape_is_shown_inert(seeds):
    err = _error(seeds, GOOD.replace("kind: reports", 'kind: "reports\\n\\e[31mred"'))
    message = str(err)
    assert "\x1b" not in message and "\n" not in message and "\\u001b[31mred" in message


@pytest.mark.parametrize("key,value,words", [
    ("editor", "[a, b]", "'editor' must be text, not a list"),
    ("publisher", "{a: b}", "'publisher' must be text, not a mapping"),
    ("title", "[甲, 乙]", "'title' must be text, not a list"),
])
def test_a_list_or_mapping_where_text_belongs_is_an_input_error(seeds, key, value, words):
    text = GOOD.replace("    publisher: 某某出版社\n", "") if key == "publisher" else GOOD
    text = text.replace("    title: 某某镇年鉴（2099）\n", "") if key == "title" else text
    text = text.replace("    year: 2099\n    kind: yearbook\n", f"    year: 2099\n    kind: yearbook\n    {key}: {value}\n", 1)
    assert words in _error(seeds, text).problem


@pytest.mark.parametrize("year", [".inf", "-.inf", ".nan", "2024.5", "true", "[2024]", "99999", "二〇二四"])
def test_year_that_is_no_year_is_an_input_error(seeds, year):
    err = _error(seeds, GOOD.replace("year: 2099", f"year: {year}", 1))
    assert err.line == 4 and "is not a year" in err.problem


def test_year_may_be_quoted(seeds):
    assert _load(seeds, GOOD.replace("year: 2099", 'year: "2099"', 1))[0].year == 2099


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_bidi_override_in_a_title_is_refused(seeds, char):
    err = _error(seeds, GOOD.replace("title: 工作文献", f'title: "工作{char}文献"'))
    assert err.line == 10 and f"U+{ord(char):04X}" in err.problem
    assert char not in str(err)


def test_bidi_override_in_a_source_title_is_refused(seeds):
    err = _error(seeds, GOOD.replace("        publisher: 甲局", '        publisher: 甲局\n        title: "通报\u202e"'))
    assert "U+202E" in err.problem


def test_line_break_in_a_title_is_refused(seeds):
    assert "line break" in _error(seeds, GOOD.replace("title: 工作文献", 'title: "工作\\n文献"')).problem


def test_manifest_reached_through_a_link_out_of_seeds_is_refused(tmp_path, seeds):
    outside = tmp_path / "elsewhere.yml"
    outside.write_text(GOOD, encoding="utf-8")
    (seeds / "volumes.yml").symlink_to(outside)
    with pytest.raises(InputError, match="leads outside seeds/"):
        load_manifest(seeds / "volumes.yml")


def test_a_volume_may_name_its_parts_as_data(seeds):
    text = GOOD.replace("    publisher: 某某出版社\n", "    publisher: 某某出版社\n    parts: [概况, 政务]\n", 1)
    assert _load(seeds, text)[0].parts == ("概况", "政务")
    error = _error(seeds, GOOD.replace("    publisher: 某某出版社\n", "    publisher: 某某出版社\n    parts: 概况\n", 1))
    assert "'parts' must be a list" in str(error)
