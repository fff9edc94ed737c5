"""What an editor reads when seeds/volumes.yml is wrong (卷清单), word for word.

The README promises one line naming the file, the line and the problem; an editor
fixes the manifest from that line alone, so its words are behaviour: a message that
names the wrong key, the wrong line or a garbled choice list sends them astray. And
what a good manifest gives: every field of every volume and source as written.
(test_manifest.py checks the line numbers and key words of the common typos.)
"""
from __future__ import annotations

import pytest

from build_scripts.errors import InputError
from build_scripts.manifest import load_manifest
from build_scripts.model import SourceSpec, VolumeSpec

HEAD = "volumes:\n"
ONE = """\
  - id: town-2099
    title: 某某镇年鉴（2099）
    year: 2099
    kind: yearbook
    sources:
      - town.txt
"""


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    d = tmp_path / "seeds"
    d.mkdir()
    for name in ("town.txt", "a.txt", "b.txt"):
        (d / name).write_text("【概况】 正文。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # messages name the manifest as typed: seeds/volumes.yml
    return d


def _message(seeds, text: str) -> str:
    (seeds / "volumes.yml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_manifest(seeds / "volumes.yml")
    return str(info.value)


# --- the whole manifest --------------------------------------------------------

def test_a_missing_manifest_says_so(seeds):
    with pytest.raises(InputError) as info:
        load_manifest(seeds / "volumes.yml")
    assert str(info.value) == "seeds/volumes.yml: manifest not found"


def test_a_manifest_outside_the_working_folder_is_named_by_its_full_path(seeds, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with pytest.raises(InputError) as info:
        load_manifest(seeds / "volumes.yml")
    assert str(info.value) == f"{seeds / 'volumes.yml'}: manifest not found"


@pytest.mark.parametrize("text", ["- a\n- b\n", "volume: []\n", "volumes: town.txt\n", ""])
def test_a_manifest_without_a_volumes_list_says_what_it_expects(seeds, text):
    assert _message(seeds, text) == "seeds/volumes.yml: expected a mapping with a 'volumes' list"


def test_an_empty_volumes_list_says_no_volume_is_declared(seeds):
    assert _message(seeds, "volumes: []\n") == "seeds/volumes.yml: no volumes declared"


def test_a_volume_that_is_no_mapping_is_named_by_its_number_and_line(seeds):
    assert _message(seeds, HEAD + ONE + "  - just-a-name\n") == "seeds/volumes.yml:8: volume #2 is not a mapping"


@pytest.mark.parametrize("key", ["id", "title", "year", "kind", "sources"])
def test_a_missing_key_is_named_with_the_volumes_first_line(seeds, key):
    keys = [l.replace("  - ", "    ") for l in ONE.splitlines()]
    kept = [l for l in keys if not l.strip().startswith(key + ":") and not (key == "sources" and l.startswith("      "))]
    text = HEAD + "  - note: x\n" + "".join(l + "\n" for l in kept)
    assert _message(seeds, text) == f"seeds/volumes.yml:2: volume #1 lacks '{key}'"


def test_a_duplicate_id_names_the_second_volumes_id_line(seeds):
    assert _message(seeds, HEAD + ONE + ONE) == "seeds/volumes.yml:8: duplicate volume id 'town-2099'"


# --- one volume's keys ---------------------------------------------------------

@pytest.mark.parametrize("value,kind", [("[a]", "a list"), ("{a: b}", "a mapping"), ("true", "true/false"),
                                        ("1.5", "a number"), ("null", "NoneType")])
def test_an_id_that_is_no_text_names_what_it_is(seeds, value, kind):
    text = HEAD + ONE.replace("id: town-2099", f"id: {value}")
    assert _message(seeds, text) == f"seeds/volumes.yml:2: volume #1: 'id' must be text, not {kind}"


def test_a_numeric_id_is_text(seeds):
    (seeds / "volumes.yml").write_text(HEAD + ONE.replace("id: town-2099", "id: 2099"), encoding="utf-8")
    assert load_manifest(seeds / "volumes.yml")[0].id == "2099"


def test_an_upper_case_id_says_the_rule(seeds):
    assert _message(seeds, HEAD + ONE.replace("id: town-2099", "id: Town")) == (
        "seeds/volumes.yml:2: volume id 'Town' must be 1–63 lowercase letters, digits and '-', "
        "starting with a letter or digit")


@pytest.mark.parametrize("value", ["annals", "[yearbook]", "Yearbook"])
def test_an_unknown_kind_lists_the_kinds(seeds, value):
    shown = {"[yearbook]": "['yearbook']"}.get(value, value)
    assert _message(seeds, HEAD + ONE.replace("kind: yearbook", f"kind: {value}")) == (
        f"seeds/volumes.yml:5: volume 'town-2099': unknown kind '{shown}' (expected one of yearbook, reports)")


@pytest.mark.parametrize("value,shown", [("0", "0"), ("10000", "10000"), ("-2024", "-2024"), ("2024.5", "2024.5"),
                                         ("true", "True"), ('" 2O24"', " 2O24"), ("２０２４", "２０２４")])
def test_a_year_that_is_no_year_says_what_a_year_looks_like(seeds, value, shown):
    assert _message(seeds, HEAD + ONE.replace("year: 2099", f"year: {value}")) == (
        f"seeds/volumes.yml:4: volume 'town-2099': year '{shown}' is not a year such as 2024")


@pytest.mark.parametrize("value,year", [("1", 1), ("9999", 9999), ("2024.0", 2024), ('" 2024 "', 2024)])
def test_a_year_is_read_as_written(seeds, value, year):
    (seeds / "volumes.yml").write_text(HEAD + ONE.replace("year: 2099", f"year: {value}"), encoding="utf-8")
    assert load_manifest(seeds / "volumes.yml")[0].year == year


@pytest.mark.parametrize("value", ['""', '"   "'])
def test_an_empty_title_says_so_on_its_line(seeds, value):
    assert _message(seeds, HEAD + ONE.replace("title: 某某镇年鉴（2099）", f"title: {value}")) == (
        "seeds/volumes.yml:3: volume 'town-2099': 'title' is empty")


@pytest.mark.parametrize("value", ["[]", "town.txt", "{file: town.txt}"])
def test_sources_that_are_no_list_say_so_on_their_line(seeds, value):
    text = HEAD + ONE.split("    sources:")[0] + f"    sources: {value}\n"
    assert _message(seeds, text) == "seeds/volumes.yml:6: volume 'town-2099': 'sources' must be a non-empty list"


@pytest.mark.parametrize("value", ["概况", "[概况, '']", "[概况, [政务]]", "[概况, '  ']"])
def test_parts_that_are_no_list_of_titles_say_so_on_their_line(seeds, value):
    assert _message(seeds, HEAD + ONE + f"    parts: {value}\n") == (
        "seeds/volumes.yml:8: volume 'town-2099': 'parts' must be a list of 篇 titles")


@pytest.mark.parametrize("char", ["\u202e", "\u2066"])
def test_a_bidi_control_in_a_title_is_named_by_its_code_point(seeds, char):
    text = HEAD + ONE.replace("title: 某某镇年鉴（2099）", f'title: "某某{char}镇"')
    assert _message(seeds, text) == (
        f"seeds/volumes.yml:3: volume 'town-2099': 'title' holds the bidirectional control U+{ord(char):04X}, "
        "which reorders text on screen (remove it)")


@pytest.mark.parametrize("escape,shown", [("\\n", "\\n"), ("\\t", "\\t"), ("\\x07", "\\u0007"), ("\\u2028", "\\u2028"),
                                          ("\\u2029", "\\u2029")])
def test_a_control_character_in_a_publisher_is_shown_inert(seeds, escape, shown):
    text = HEAD + ONE + f'    publisher: "某某{escape}社"\n'
    assert _message(seeds, text) == (
        f"seeds/volumes.yml:8: volume 'town-2099': 'publisher' holds a line break or control character: '某某{shown}社'")


@pytest.mark.parametrize("value,kind", [("[a]", "a list"), ("{a: b}", "a mapping"), ("true", "true/false")])
def test_an_editor_that_is_no_text_names_what_it_is(seeds, value, kind):
    assert _message(seeds, HEAD + ONE + f"    editor: {value}\n") == (
        f"seeds/volumes.yml:8: volume 'town-2099': 'editor' must be text, not {kind}")


# --- sources -------------------------------------------------------------------

def _sources(*items: str) -> str:
    return HEAD + ONE.split("    sources:")[0] + "    sources:\n" + "".join(f"      - {i}\n" for i in items)


@pytest.mark.parametrize("item", ["{title: 甲}", "[town.txt]"])
def test_a_source_without_a_file_names_its_line(seeds, item):
    assert _message(seeds, _sources("town.txt", item)) == (
        "seeds/volumes.yml:8: volume 'town-2099': each source needs a 'file'")


@pytest.mark.parametrize("value,kind", [("[a.txt]", "a list"), ("{a: b}", "a mapping"), ("2", "int")])
def test_a_source_file_that_is_no_name_names_what_it_is(seeds, value, kind):
    assert _message(seeds, _sources(f"file: {value}")) == (
        f"seeds/volumes.yml:7: volume 'town-2099': a source 'file' must be a file name, not {kind}")


@pytest.mark.parametrize("escape,shown", [("\\n", "\\n"), ("\\u200b", "\\u200b"), ("\\u2028", "\\u2028")])
def test_a_source_file_name_with_a_control_character_is_shown_inert(seeds, escape, shown):
    assert _message(seeds, _sources(f'file: "town{escape}.txt"')) == (
        f"seeds/volumes.yml:7: volume 'town-2099': seed file name 'town{shown}.txt' holds a control character")


@pytest.mark.parametrize("file", ["../town.txt", "/etc/hostname"])
def test_a_source_outside_seeds_is_refused_by_name(seeds, file):
    assert _message(seeds, _sources(f"file: {file}")) == (
        f"seeds/volumes.yml:7: volume 'town-2099': seed file '{file}' lies outside seeds/")


def test_a_missing_source_is_named_inside_seeds_on_its_own_line(seeds):
    assert _message(seeds, _sources("town.txt", "a.txt", "gone.txt")) == (
        "seeds/volumes.yml:9: volume 'town-2099': seed file 'seeds/gone.txt' is missing")


def test_a_source_that_is_a_folder_is_missing_as_a_file(seeds):
    (seeds / "sub").mkdir()
    assert _message(seeds, _sources("sub")) == "seeds/volumes.yml:7: volume 'town-2099': seed file 'seeds/sub' is missing"


def test_a_control_character_in_a_source_title_names_the_sources_line(seeds):
    assert _message(seeds, _sources("town.txt", 'file: a.txt\n        url_source: "http://x\\ny"')) == (
        "seeds/volumes.yml:8: volume 'town-2099': 'url_source' holds a line break or control character: 'http://x\\ny'")


# --- a good manifest -------------------------------------------------------------

FULL = """\
volumes:
  - id: town-2099
    title: "  某某镇年鉴（2099）  "
    year: "2099"
    kind: yearbook
    publisher: 某某出版社
    editor: 某某镇地方志办公室
    place: 某某
    isbn: 978-7-0000-0000-0
    parts: [" 概况 ", 政务]
    sources:
      - file: town.txt
        title: 正文
        publisher: 镇政府
        url_source: https://example.org/town
  - id: reports
    title: 2099
    year: 2099.0
    kind: reports
    place: ""
    sources:
      - a.txt
      - {file: b.txt}
"""


def test_every_field_of_a_good_manifest_arrives_as_written(seeds):
    (seeds / "volumes.yml").write_text(FULL, encoding="utf-8")
    assert load_manifest(seeds / "volumes.yml") == [
        VolumeSpec(id="town-2099", title="某某镇年鉴（2099）", year=2099, kind="yearbook", publisher="某某出版社",
                   editor="某某镇地方志办公室", place="某某", isbn="978-7-0000-0000-0", parts=("概况", "政务"),
                   sources=(SourceSpec(file="town.txt", title="正文", publisher="镇政府",
                                       url_source="https://example.org/town"),)),
        VolumeSpec(id="reports", title="2099", year=2099, kind="reports", publisher="", editor=None, place=None,
                   isbn=None, parts=(), sources=(SourceSpec(file="a.txt"), SourceSpec(file="b.txt"))),
    ]


# --- what the first run of mutants showed untested -------------------------------------

LATE_ID = """\
volumes:
  - title: 某某镇年鉴（2099）
    year: 2099
    id: {id}
    kind: yearbook
    sources:
      - town.txt
"""


@pytest.mark.parametrize("value,words", [("[a]", "volume #1: 'id' must be text, not a list"),
                                         ("Town", "volume id 'Town' must be 1–63 lowercase letters")])
def test_an_id_problem_names_the_id_line_not_the_volumes_first(seeds, value, words):
    message = _message(seeds, LATE_ID.format(id=value))
    assert message.startswith(f"seeds/volumes.yml:4: {words}"), message


def test_a_duplicate_id_written_below_the_title_names_that_line(seeds):
    text = LATE_ID.format(id="town") + LATE_ID.format(id="town").removeprefix("volumes:\n")
    assert _message(seeds, text) == "seeds/volumes.yml:10: duplicate volume id 'town'"


def test_a_list_before_the_volumes_list_does_not_shift_the_lines(seeds):
    text = "notes:\n  - a\n  - b\n" + HEAD + ONE.replace("kind: yearbook", "kind: annals")
    assert _message(seeds, text).startswith("seeds/volumes.yml:8: volume 'town-2099': unknown kind 'annals'")


def test_invalid_yaml_names_the_manifest_and_the_line(seeds):
    message = _message(seeds, HEAD + ONE + "  - id: [unclosed\n")
    assert message.startswith("seeds/volumes.yml:"), message


@pytest.mark.parametrize("key,value,problem", [
    ("title", '"正\\n文"', "'title' holds a line break or control character: '正\\n文'"),
    ("publisher", "[甲, 乙]", "'publisher' must be text, not a list"),
    ("publisher", '"镇\\u202e政府"', "'publisher' holds the bidirectional control U+202E"),
])
def test_a_bad_source_field_is_named_with_the_sources_line(seeds, key, value, problem):
    message = _message(seeds, _sources("town.txt", f"file: a.txt\n        {key}: {value}"))
    assert message.startswith(f"seeds/volumes.yml:8: volume 'town-2099': {problem}"), message


def test_a_paragraph_separator_in_a_file_name_is_shown_inert(seeds):
    assert _message(seeds, _sources('file: "town\\u2029.txt"')) == (
        "seeds/volumes.yml:7: volume 'town-2099': seed file name 'town\\u2029.txt' holds a control character")
