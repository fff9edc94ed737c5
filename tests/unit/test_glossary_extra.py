"""Editors' terms in seeds/glossary-extra.yml: read, validated, warned about."""
from __future__ import annotations

import pytest
from glossary_helpers import chapter, entry, glossary_list, report, volume

from build_scripts.errors import InputError
from build_scripts.glossary.extra import load_extra
from build_scripts.glossary.pages import prepare

GOOD = """
terms:
  - term: “街巷长制”
    definition: 每条街巷设街巷长，负责日常巡查。
    source: 某区城管局2030年工作总结
    aliases: ["街巷长"]
aliases:
  “海棠计划”: ["海棠行动"]
"""


def _seeds(tmp_path, text):
    (tmp_path / "glossary-extra.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_editor_terms_are_read_with_definition_source_and_aliases(tmp_path):
    extra = load_extra(_seeds(tmp_path, GOOD) / "glossary-extra.yml")
    (term,) = extra.terms
    assert (term.term, term.definition, term.source, term.origin) == ("“街巷长制”", "每条街巷设街巷长，负责日常巡查。", "某区城管局2030年工作总结", "extra")
    assert "街巷长" in term.forms
    assert extra.aliases == {'"海棠计划"': ["海棠行动"]}


def test_missing_file_adds_nothing(tmp_path):
    assert load_extra(tmp_path / "glossary-extra.yml").terms == []


@pytest.mark.parametrize(
    "text, problem",
    [
        ("terms: [", "invalid YAML"),
        ("terms:\n  - term: 甲\n    definition: 乙\n", "'source' is missing"),
        ("terms:\n  - term: 甲\n    definition: 乙\n    source: 丙\n    colour: red\n", "unknown key 'colour'"),
        ("terms:\n  - {term: 甲, definition: 乙, source: 丙}\n  - {term: ' 甲', definition: 丁, source: 丙}\n", "listed twice"),
        ("words: []\n", "expected a mapping"),
    ],
)
def test_malformed_file_is_one_line_error_naming_the_file(tmp_path, text, problem):
    with pytest.raises(InputError) as err:
        load_extra(_seeds(tmp_path, text) / "glossary-extra.yml")
    message = str(err.value)
    assert message.startswith(f"{tmp_path.name}/glossary-extra.yml") and problem in message and "\n" not in message


def test_a_bad_term_is_reported_with_its_line(tmp_path):
    text = "terms:\n  - {term: 甲, definition: 乙, source: 丙}\n  - term: 丁\n    definition: 戊\n"
    with pytest.raises(InputError) as err:
        load_extra(_seeds(tmp_path, text) / "glossary-extra.yml")
    assert str(err.value).startswith(f"{tmp_path.name}/glossary-extra.yml:3: term 2")


def test_build_warns_about_a_term_that_never_occurs(tmp_path):
    seeds = _seeds(tmp_path, "terms:\n  - {term: “从未出现”, definition: 无。, source: 某文件}\n")
    glossary = prepare([volume(chapter(report(), glossary_list()))], seeds)
    assert any("“从未出现”" in w and "never occurs" in w for w in glossary.warnings)
    assert not any("海棠计划" in w for w in glossary.warnings)


def test_alias_makes_a_book_term_match_another_spelling(tmp_path):
    seeds = _seeds(tmp_path, GOOD)
    other = entry("社区建设", "全镇开展海棠行动，新建口袋公园。", anchor="she-qu")
    glossary = prepare([volume(chapter(report(), glossary_list(), other))], seeds)
    term = next(t for t in glossary.terms if t.term == "“海棠计划”")
    assert "she-qu" in [o.anchor for o in term.occurrences]
