"""A volume's own pages beside its 篇 and 章: its home, its editors' page and
its printable page (卷首页 · 编辑资料 · 打印版).

- Home (`<volume>/index.md`): the cover data (题名, 编者, 出版, ISBN), the
  volume's figures, the book's 编辑说明 and a 目录 generated from the
  recovered structure, each line a link with its printed page.
- Editors' page (`<volume>/editors.md`, in the menu beside the 修订记录): the
  front matter as extracted (版权页, 编委会, 彩页图片说明, the printed 目录)
  and a link to the book's printed 索引 篇, which the reader's menu leaves out.
- Printable page (`<volume>/print.md`): the whole volume on one page, for the
  browser's print (the print stylesheet drops the menu and shows the address
  and each entry's printed page).
"""
from __future__ import annotations

import html
import re

from .cover import Cover, cover_of
from .model import Block, Chapter, Part, Volume
from .render import Page, _blocks, escape, escape_inline, is_index_part, page_path, printed_pages
from .slugs import SlugRegistry

EDITORS_TITLE = "编辑资料"
PRINT_TITLE = "全卷打印版"
# The front-matter heading of the book's editorial notes: 编辑说明, or 凡例 in
# many yearbooks (the names the genre uses for it).
_NOTES = re.compile(r"^\s*(?:编\s*辑\s*说\s*明|凡\s*例)\s*$")


def pages(volume: Volume, has_glossary: bool = True) -> list[Page]:
    vid = volume.id
    out = [Page(f"{vid}/index.md", volume.spec.title, home(volume, has_glossary))]
    out.append(Page(f"{vid}/editors.md", f"{EDITORS_TITLE}：{volume.spec.title}", editors_page(volume)))
    out.append(Page(f"{vid}/print.md", f"{PRINT_TITLE}：{volume.spec.title}", print_page(volume)))
    return out


def editors_nav_item(volume: Volume) -> dict:
    return {f"{EDITORS_TITLE}：{volume.spec.title}": f"{volume.id}/editors.md"}


def reading_parts(volume: Volume) -> list[Part]:
    """The 篇 a reader reads: all but the reprinted printed index."""
    return [p for p in volume.parts if not is_index_part(p)]


def figures(volume: Volume) -> dict:
    """Counts shown on the volume home (and checked by the tests)."""
    parts = reading_parts(volume)
    entries = [e for p in parts for c in p.chapters for e in c.entries]
    chars = sum(len(re.sub(r"\s", "", e.title + e.text)) for e in entries)
    return {
        "parts": len(parts),
        "chapters": sum(1 for p in parts for c in p.chapters if c.title),
        "entries": len(entries),
        "characters": chars,
        "photos": len(volume.photos),
    }


def _cover_list(cover: Cover) -> list[str]:
    rows = [("书名", cover.title)]
    if cover.editor:
        rows.append(("编者", cover.editor))
    imprint = "：".join(x for x in (cover.place, cover.publisher) if x)
    rows.append(("出版", f"{imprint}，{cover.year}" if imprint else str(cover.year)))
    if cover.isbn:
        rows.append(("ISBN", cover.isbn))
    items = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in rows)
    return [f'<dl class="cover">{items}</dl>', ""]


def _figures_line(volume: Volume) -> str:
    f = figures(volume)
    text = f"本卷 {f['parts']} 篇"
    if f["chapters"]:
        text += f"、{f['chapters']} 章"
    text += f"、{f['entries']} 个条目，正文约 {round(f['characters'] / 10000, 1):g} 万字"
    if f["photos"]:
        text += f"；原书照片 {f['photos']} 幅，本站收录其图片说明，不含照片本身"
    return text + "。"


def editorial_notes(volume: Volume) -> list[Block]:
    """The book's 编辑说明 (or 凡例): the front-matter blocks under that heading."""
    out: list[Block] = []
    inside = False
    for block in volume.front_matter:
        if block.kind == "h":
            if inside:
                break
            inside = bool(_NOTES.match(block.text))
            continue
        if inside:
            out.append(block)
    return out


def _first_page(chapters: list[Chapter]) -> str:
    """The first printed page of some chapters: read from the book's 目录/索引
    where an entry has one, else estimated (约)."""
    exact = [p for c in chapters for e in c.entries if not e.pages_estimated for p in e.pages]
    if exact:
        return f"第 {min(exact)} 页"
    guessed = [p for c in chapters for e in c.entries for p in e.pages]
    return f"约第 {min(guessed)} 页" if guessed else ""


def _toc_line(indent: str, title: str, link: str, page: str) -> str:
    tail = f' <span class="toc-page">{page}</span>' if page else ""
    return f"{indent}- [{escape_inline(title)}]({link}){tail}"


def home(volume: Volume, has_glossary: bool = True) -> str:
    cover = cover_of(volume)
    lines = [f"# {escape(volume.spec.title)}", ""]
    lines += _cover_list(cover)
    lines += [_figures_line(volume), ""]
    links = [f"[{PRINT_TITLE}](print.md)", "[本卷名词解释](glossary.md)"] if has_glossary else [f"[{PRINT_TITLE}](print.md)"]
    links.append(f"[{EDITORS_TITLE}（版权页、编委会、原书目录与索引）](editors.md)")
    lines += [" · ".join(links), ""]
    notes = editorial_notes(volume)
    if notes:
        lines += ["## 编辑说明", ""] + _blocks(notes, depth=2)
    lines += ["## 目录", "", "页码为原书页码。", "{: .toc-note }", ""]
    for part in reading_parts(volume):
        lines.append(_toc_line("", part.title, f"{part.slug}/index.md", _first_page(part.chapters)))
        for chapter in part.chapters:
            if chapter.title:
                link = page_path(volume, part, chapter)[len(volume.id) + 1 :]
                lines.append(_toc_line("    ", chapter.title, link, _first_page([chapter])))
    return "\n".join(lines) + "\n"


def editors_page(volume: Volume) -> str:
    lines = [f"# {EDITORS_TITLE}：{escape(volume.spec.title)}", ""]
    lines += [
        "供编辑核对的原始材料：卷首的版权页、编委会、编辑说明、彩页图片说明和原书目录，按提取结果照录"
        "（原书目录的页码和分栏在提取时已有错乱）。读者请用[本卷首页](index.md)的目录和站内索引。",
        "",
    ]
    for part in volume.parts:
        if is_index_part(part):
            lines += [f"原书书后的索引照录在 [{escape_inline(part.title)}]({part.slug}/index.md) 篇（不在读者菜单中）。", ""]
    lines += ["## 卷首（照录）", ""]
    lines += _blocks(volume.front_matter, depth=2)
    return "\n".join(lines) + "\n"


def print_page(volume: Volume) -> str:
    """The whole volume on one page: 篇 h2, 章 h3, 条目 h4 (under a 分目 h5).
    Every heading below the title has an id of its own, unique on the page
    and independent of its position in the book: the 篇's slug; the 章's
    page (`fa-zhi--jian-cha`); an entry's or 分目's that, then its anchor
    there (`fa-zhi--jian-cha--fu-wu-fa-zhan-da-ju`), which its numbered
    section headings extend (`--1` …). The page then converts in pieces
    (pieces.py), which Python-Markdown's `_1`, `_2` … would not allow."""
    lines = [f"# {escape(volume.spec.title)}", ""]
    lines += _cover_list(cover_of(volume))
    lines += ["本页收录全卷正文，供打印或存为 PDF；每个条目标出原书页码。", "{: .print-note }", ""]
    for part in reading_parts(volume):
        lines += [f"## {escape(part.title)} {{#{part.slug}}}", ""]
        for chapter in part.chapters:
            # The 章's own page (its path without the volume and .md, / as --)
            # scopes its ids: slugs never hold "--" (slugs.slugify), so no
            # id of one scope can be taken for one of another.
            scope = page_path(volume, part, chapter)[len(volume.id) + 1 : -len(".md")].replace("/", "--")
            depth = 2
            if chapter.title:
                lines += [f"### {escape(chapter.title)} {{#{scope}}}", ""]
                depth = 3
            sections = SlugRegistry(reserved=tuple(e.anchor for e in chapter.entries))
            section = None
            for entry in chapter.entries:
                if entry.section and entry.section != section:
                    lines += [f"{'#' * (depth + 1)} {escape(entry.section)} {{#{scope}--{sections.take(entry.section)}}}", ""]
                section = entry.section
                level = min(6, depth + (2 if entry.section else 1))
                ident = f"{scope}--{entry.anchor}"
                lines += [f"{'#' * level} {escape(entry.title)} {{#{ident}}}", ""]
                if entry.pages:
                    lines += [escape(printed_pages(entry)), "{: .entry-pages }", ""]
                lines += _blocks(entry.blocks, depth=level, ids=ident)
                if entry.source:
                    lines += [escape(entry.source), "{: .entry-source }", ""]
    return "\n".join(lines) + "\n"
