"""The yearbook site generator (年鉴网站生成器): `python -m build_scripts`.

Importing the package first memoises the regular-expression compiler's
character classes (charsets.py), before any of its modules compiles a pattern.
"""
from . import charsets

charsets.install()
