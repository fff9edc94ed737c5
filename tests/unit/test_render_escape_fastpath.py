"""render.escape_inline skips text with nothing to escape: the result must be
exactly that of the full escape (html.escape, then markup backslashed) for
every text, so no title or paragraph ever reaches Markdown unescaped."""
from __future__ import annotations

import html

from hypothesis import given, strategies as st

from build_scripts import render

ASCII_AND_CJK = st.text(alphabet=st.sampled_from([chr(c) for c in range(0x20, 0x7F)] + list("河西区年鉴【】“”，。\n")))


def _full(text: str) -> str:
    return render._INLINE_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def test_every_printable_ascii_character_is_escaped_as_before():
    for ch in map(chr, range(0x20, 0x7F)):
        assert render.escape_inline(ch) == _full(ch), ch
        assert render.escape_inline(f"河西{ch}区") == _full(f"河西{ch}区"), ch


@given(ASCII_AND_CJK)
def test_any_text_is_escaped_as_the_full_escape_does(text):
    assert render.escape_inline(text) == _full(text)
    assert render.escape(text) == render._LINE_START.sub(render._line_start, _full(text))
