"""The audit as a page for editors (修订记录页).

site/data/audit.json holds every change; this page makes it readable: totals
per kind, then the changes grouped by source file and kind. The very frequent
mechanical kinds (wrap spaces, punctuation) show a capped sample with their
count; the kinds an editor must check (removals, joins, flags) are listed whole.
"""
from __future__ import annotations

import collections
import re

from .model import AuditRecord
from .render import escape
from .slugs import SlugRegistry

PATH = "audit.md"
TITLE = "修订记录"

# What each kind of change is, for an editor (kinds of repair and structure).
KIND_NAMES = {
    "wrap-space": "删除断行空格",
    "half-width-punct": "半角标点改全角",
    "half-width-quote": "直引号改弯引号",
    "quote-space": "删除引号内侧空格",
    "unpaired-quote": "不成对的引号（待核）",
    "paragraph-join": "合并被截断的段落",
    "html-tag": "删除 HTML 标记",
    "cms-marker": "删除网页付费标记",
    "markdown-emphasis": "删除网页加粗符号 **",
    "odd-space": "不间断空格改普通空格",
    "list-marker": "删除多余列表符号",
    "running-head": "删除书眉",
    "bidi-control": "删除双向控制符（可使文字倒序显示）",
    "ocr-digit": "修正识别错字（数字）",
    "ocr-letter": "修正识别错字（字母）",
    "middle-dot": "间隔号改为 ·",
    "ocr-suspect": "疑似识别错字（保留待核）",
    "web-boilerplate": "删除网页导航与页脚",
    "web-metadata": "网页标题、日期、来源（转为元数据）",
    "heading-repair": "按目录/索引修正标题",
    "heading-number": "删除章、分目标题的序号（一、 （一））",
    "part-subtitle": "篇名下的英文副标题（移出正文）",
    "table-damaged-cell": "表格单元格无法辨认（标为〔损〕）",
    "table-repeated-header": "删除跨页重复的表头",
}
# Kinds so frequent and mechanical that a sample shows the rule at work.
MECHANICAL = {"wrap-space", "half-width-punct", "half-width-quote", "odd-space"}
SAMPLE = 20  # rows shown for a mechanical kind
FULL_MAX = 500  # rows shown for any other kind before the list is cut
# A kind (an ASCII name such as paragraph-join) as the end of its heading's id.
_KIND_ID = re.compile(r"[^a-z0-9-]+")


def _cell(text: str) -> str:
    """Table-cell text: escaped, pipes and line breaks made visible."""
    shown = text.replace("\n", " ¶ ") if text else "（空）"
    return escape(shown)  # escape() backslashes | too, so a cell never splits


def render_audit(audit: list[AuditRecord]) -> str:
    totals = collections.Counter(r.kind for r in audit)
    lines = [
        "---",
        "search:",
        "  exclude: true",  # the removed text must not answer a reader's search
        "---",
        "",
        f"# {TITLE}",
        "",
        "本页列出从原始文本到本站正文所做的全部修订：删去或改动了什么、在哪一行、为什么。"
        f"共 {len(audit)} 处；完整记录见站点数据文件 `data/audit.json`（见[使用说明](guide.md)）。",
        "",
        "## 各类修订合计 {#totals}",
        "",
        "| 类别 | 说明 | 处数 |",
        "|---|---|---:|",
    ]
    for kind in sorted(totals):
        lines.append(f"| `{kind}` | {KIND_NAMES.get(kind, '')} | {totals[kind]} |")
    by_file: dict[str, dict[str, list[AuditRecord]]] = {}
    for r in audit:
        by_file.setdefault(r.file, {}).setdefault(r.kind, []).append(r)
    # Each file's and kind's heading has an id of its own (Python-Markdown's
    # would repeat a kind's for each file, and its numbering ties every id
    # to the headings before it): the page converts in pieces (pieces.py).
    slugs = SlugRegistry()
    for file in sorted(by_file):
        ident = slugs.take(file, "file")
        lines += ["", f"## {escape(file)} {{#{ident}}}", ""]
        # Kinds an editor must check first; the mechanical ones after.
        for kind in sorted(by_file[file], key=lambda k: (k in MECHANICAL, k)):
            records = by_file[file][kind]
            cap = SAMPLE if kind in MECHANICAL else FULL_MAX
            lines += [f"### {KIND_NAMES.get(kind, kind)}（`{kind}`，{len(records)} 处） {{#{ident}--{_KIND_ID.sub('-', kind)}}}", ""]
            if len(records) > cap:
                lines += [f"列出前 {cap} 处，其余 {len(records) - cap} 处见 audit.json。", ""]
            lines += ["| 行 | 原文 | 改为 | 原因 |", "|---:|---|---|---|"]
            for r in records[:cap]:
                lines.append(f"| {r.line} | {_cell(r.before)} | {_cell(r.after)} | {_cell(r.reason)} |")
            lines.append("")  # a table ends at a blank line, else the next heading joins it
    lines.append("")
    return "\n".join(lines)
