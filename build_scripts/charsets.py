"""Character classes of the regular expressions compiled once per process, not
once per pattern (字符类编译记忆).

Python's regular-expression compiler (`re._compiler._optimize_charset`) turns
every character class that reaches beyond Latin-1 into a 65,536-entry map,
filling it code point by code point in a Python loop: ≈ 1.5 ms for this
package's CJK ideograph class (`text.CJK`, 28,000 code points), in each of the
≈ 60 patterns that hold it (≈ 0.08 s of every build's start, before a line is
read; the workers inherit the compiled patterns). The class's optimisation
depends only on its items and the case rules the compiler passes with it, so
it is memoised here, the compiled patterns unchanged (tests/unit/test_charsets.py
compiles every pattern of the package both ways). Written by hand: no
library does it, and `re` keeps only whole compiled patterns.

`install()` (build_scripts/__init__.py) wraps the compiler's function when it
has the signature this was written against (CPython 3.11's), and leaves it
alone otherwise: the patterns then compile as before, only slower.
"""
from __future__ import annotations

import functools
import inspect

_PARAMETERS = ["charset", "iscased", "fixup", "fixes"]


def install() -> bool:
    """Memoise the class optimisation of `re`'s compiler; whether it was."""
    try:
        from re import _compiler as compiler
    except ImportError:  # Python before 3.11 (sre_compile): as it is
        return False
    original = compiler._optimize_charset
    if getattr(original, "memoised", False):
        return True
    try:
        if list(inspect.signature(original).parameters) != _PARAMETERS:
            return False
    except (TypeError, ValueError):
        return False
    compiler._optimize_charset = _memoised(original, getattr(compiler, "_EXTRA_CASES", None))
    return True


def _memoised(original, extra_cases):
    memo: dict = {}

    @functools.wraps(original)
    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        # `fixes`: None, or the compiler's own table of extra case pairs (the
        # same object for every pattern); anything else is compiled as it is.
        if fixes is not None and fixes is not extra_cases:
            return original(charset, iscased, fixup, fixes)
        try:
            key = (tuple(charset), iscased, fixup, fixes is None)
            found = memo.get(key)
        except TypeError:  # an item that does not hash: compiled as it is
            return original(charset, iscased, fixup, fixes)
        if found is None:
            # The compiler only reads the result (_compile_charset emits it).
            found = memo[key] = original(charset, iscased, fixup, fixes)
        return found

    optimize_charset.memoised = True
    optimize_charset.original = original
    optimize_charset.memo = memo
    return optimize_charset
