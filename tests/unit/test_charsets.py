"""The regular-expression compiler's character classes memoised (charsets.py):
every pattern of the package compiles to exactly the code it compiles to
without the memo, and a class shared by two patterns is optimised once."""
from __future__ import annotations

import importlib
import pkgutil
import re
from re import _compiler, _parser

import pytest

import build_scripts
from build_scripts import charsets
from build_scripts.text import CJK


def _code(pattern: str, flags: int) -> list[int]:
    parsed = _parser.parse(pattern, flags)
    return _compiler._code(parsed, parsed.state.flags)


def _package_patterns() -> list[re.Pattern]:
    found = {}
    for info in pkgutil.walk_packages(build_scripts.__path__, "build_scripts."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = value
    return list(found.values())


MEMOISED = getattr(_compiler._optimize_charset, "memoised", False)
needs_the_memo = pytest.mark.skipif(not MEMOISED, reason="this Python's regular-expression compiler is not the one charsets.py knows")


def test_the_memo_is_installed_by_the_package_where_the_compiler_is_the_known_one():
    import inspect

    known = list(inspect.signature(getattr(_compiler._optimize_charset, "original", _compiler._optimize_charset)).parameters)
    assert MEMOISED == (known == ["charset", "iscased", "fixup", "fixes"])
    assert charsets.install() == MEMOISED  # a second call leaves it as it is


@needs_the_memo


def test_every_pattern_of_the_package_compiles_as_without_the_memo(monkeypatch):
    patterns = _package_patterns()
    assert len(patterns) > 100
    memoised = {(p.pattern, p.flags): _code(p.pattern, p.flags) for p in patterns}
    monkeypatch.setattr(_compiler, "_optimize_charset", _compiler._optimize_charset.original)
    plain = {(p.pattern, p.flags): _code(p.pattern, p.flags) for p in patterns}
    assert memoised == plain


@needs_the_memo
@pytest.mark.parametrize("flags", [0, re.IGNORECASE, re.IGNORECASE | re.ASCII, re.MULTILINE])
def test_a_class_shared_by_patterns_is_optimised_once_and_compiles_the_same(flags, monkeypatch):
    calls = []
    original = _compiler._optimize_charset.original

    def counted(*args):
        calls.append(args[0])
        return original(*args)

    monkeypatch.setattr(_compiler, "_optimize_charset", charsets._memoised(counted, _compiler._EXTRA_CASES))
    first, second = f"[{CJK}]{{2,4}}(?:局|委)", f"(?<=[{CJK}])\\s+(?=[{CJK}a-z])"
    codes = [_code(p, flags) for p in (first, second, first)]
    assert sum(1 for c in calls if len(c) == 3) == 1  # the CJK class (three ranges), once
    monkeypatch.setattr(_compiler, "_optimize_charset", original)
    assert codes == [_code(p, flags) for p in (first, second, first)]
    assert re.compile(second, flags).sub("", "河西 区  abc") == "河西区abc"
