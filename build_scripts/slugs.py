"""Stable ASCII ids for headings and pages (锚点).

Default Markdown slugs drop Chinese, so ids are built from the title's pinyin
(pypinyin, phrase-aware). An id depends only on the title text (and on how many
earlier entries of the same page share that title), never on position in the
book, so links and citations survive edits elsewhere.
"""
from __future__ import annotations

import hashlib
import re

from . import readings

MAX_SLUG = 64  # keeps URLs citable; longer titles get a hash suffix to stay unique


def slugify(title: str, fallback: str = "x") -> str:
    syllables = readings.plain(title)
    raw = "-".join(s for s in syllables if s.strip())
    slug = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")
    if not slug:
        slug = fallback
    if len(slug) > MAX_SLUG:
        digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:6]
        slug = slug[: MAX_SLUG - 7].rstrip("-") + "-" + digest
    return slug


class SlugRegistry:
    """Hands out unique slugs within one scope (a page or a volume): a repeated
    title gets -2, -3 … in order of occurrence within that scope only."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self._used: set[str] = set(reserved)

    def take(self, title: str, fallback: str = "x") -> str:
        base = slugify(title, fallback)
        slug, n = base, 1
        while slug in self._used:
            n += 1
            slug = f"{base}-{n}"
        self._used.add(slug)
        return slug
