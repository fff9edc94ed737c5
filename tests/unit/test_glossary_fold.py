"""The glossary's comparison form (glossary.folded): whitespace and footnote
markers dropped, every quote mark one ASCII quote, nothing else changed."""
from __future__ import annotations

from hypothesis import given, strategies as st

from build_scripts.glossary import QUOTES, _DROP, fold, folded

TEXT = st.text(alphabet=st.sampled_from(list(_DROP + QUOTES) + list("蔷薇工程双随机、一公开m²10ab") + ["\u3001", "\u00b7"]))


@given(TEXT)
def test_folding_drops_spaces_and_markers_and_unifies_quotes(text):
    expected = "".join('"' if c in QUOTES else c for c in text if c not in _DROP)
    assert folded(text) == expected
    form, where = fold(text)
    assert form == expected and [text[i] for i in where] == [c for c in text if c not in _DROP]


def test_an_extracted_term_folds_to_the_printed_one():
    assert folded(" 蔷薇\u3000工程 ") == folded("蔷薇工程")
    assert folded("“双随机、一公开”²²监管") == '"双随机、一公开"监管'
