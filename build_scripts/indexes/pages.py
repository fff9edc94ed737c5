"""Markdown of the index pages (索引页): letter bar, A–Z groups, linked locators.

Links are written to the target's Markdown file (../hexi-2024/fa-zhi/gong-an.md#gai-kuang),
so MkDocs resolves them for both the hosted site (directory URLs) and the
offline one (file URLs), and warns if one ever points nowhere.
"""
from __future__ import annotations

import posixpath

from ..layout import relative
from ..render import escape
from .collation import group_order
from .headings import Heading, Locator

DIR = "indexes"  # where the index pages live, relative to docs/


def group_id(group: str) -> str:
    """Anchor of a letter group: g-a … g-z, g-0-9, g-other."""
    if group.isalpha() and group.isascii():
        return f"g-{group.lower()}"
    return "g-0-9" if group[:1].isdigit() else "g-other"


def link(page: str, loc: Locator) -> str:
    """Relative link from one docs page to a locator's page and anchor."""
    rel = relative(loc.path, posixpath.dirname(page))
    return rel + (f"#{loc.anchor}" if loc.anchor else "")


def index_page(page: str, title: str, intro: list[str], headings: list[Heading], show_kind: bool = False) -> str:
    groups: dict[str, list[Heading]] = {}
    for h in headings:
        groups.setdefault(h.group, []).append(h)
    order = sorted(groups, key=group_order)
    lines = [f"# {escape(title)}", ""] + intro
    lines += [" · ".join(f"[{escape(g)}](#{group_id(g)})" for g in order), "{: .index-letterbar }", ""]
    for g in order:
        lines += [f"## {escape(g)} {{#{group_id(g)}}}", ""]
        for h in groups[g]:
            lines += _heading(page, h, show_kind)
        lines.append("")
    return "\n".join(lines) + "\n"


def _heading(page: str, h: Heading, show_kind: bool) -> list[str]:
    tag = f" 〔{escape(h.kind)}〕" if show_kind and h.kind and h.kind != "条目" else ""
    see = f"　参见：{'；'.join(escape(s) for s in h.see_also)}" if h.see_also else ""
    if len(h.locators) == 1:
        loc = h.locators[0]
        where = escape(loc.label)
        pages = f" {escape(loc.pages)}" if loc.pages else ""
        return [f"- [{escape(h.title)}]({link(page, loc)}){tag} <small>{where}{pages}</small>{see}"]
    lines = [f"- {escape(h.title)}{tag} <small>（{len(h.locators)} 处）</small>{see}"]
    for loc in h.locators:
        pages = f" {escape(loc.pages)}" if loc.pages else ""
        lines.append(f"    - [{escape(loc.label)}{pages}]({link(page, loc)})")
    return lines
