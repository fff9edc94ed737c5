"""jieba (结巴分词), imported once per process for the two stages that use it:
the wrap repair's word segmenter (repair/wrap.py) and the name indexes' tagger
(indexes/tagging.py)."""
from __future__ import annotations

import logging
import marshal
import sys


def import_jieba():
    """The jieba module, imported without pkg_resources: jieba 0.42.1 uses it
    only to open its own data files and opens them by path when it is absent
    (jieba/_compat.py), while importing pkg_resources scans every installed
    distribution — most of the time `import jieba` takes."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
        try:
            import jieba  # noqa: F401
        finally:
            del sys.modules["pkg_resources"]
    import jieba

    return jieba


class _WholeFileMarshal:
    """marshal for jieba's dictionary cache, read whole: `marshal.load` of a
    file reads it a few bytes at a time (0.85 s CPU for jieba's 9 MB cache of
    its prefix dictionary, against 0.3 s for `marshal.loads` of its bytes).
    Same values; a damaged cache still raises, and jieba rebuilds it."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):
        return marshal.loads(file.read())


def load_jieba():
    """jieba with its dictionary loaded (a no-op after the first call)."""
    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    jieba.marshal = _WholeFileMarshal  # jieba/__init__.py calls its module's `marshal` by name
    jieba.initialize()
    return jieba
