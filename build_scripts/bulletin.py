"""主要指标一览: the headline indicators of a 统计公报 as one table.

A 国民经济和社会发展统计公报 (the statistical bulletin every yearbook's
统计资料 reprints) is prose: under each sub-heading (经济总量, 财政收入及支出 …)
its first sentence gives the headline figure, "全年地区生产总值 1154.20 亿元，
按照不变价格计算，同比增长 4.4%". The table lists, per sub-heading, the first
such figure with its unit and its change, read from the text by the shape
every bulletin uses (name, number, unit, then 增长/下降 and a rate in the same
sentence). It is an addition for the reader, marked as derived; the text
itself stays whole below it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Block, Entry

# The document type, named in its title.
_BULLETIN = re.compile(r"统计公报")
# Units a bulletin counts in (longest first, so 万平方米 is not read as 米).
_UNITS = "亿元|万元|元|万人次|万人|人次|人|万户|户|万平方米|平方米|万吨|吨|公里|千米|家|个|所|座|套|项|件|起|场|次|张|辆|床|%"
# One figure: a name of 2–20 characters, its value and unit.
_FIGURE = re.compile(rf"([\u4e00-\u9fff“”（）()]{{2,24}}?)\s*(?:达到|达|为|是)?\s*(\d+(?:\.\d+)?)\s*({_UNITS})")
# Its change, later in the same sentence.
_CHANGE = re.compile(r"(增长|下降|提高|减少|上升|回落)\s*(\d+(?:\.\d+)?)\s*(%|个百分点)")
# A headline figure is a rate of change's subject or a total, by the noun that
# ends its name; counts of things done (建成 45 个, 接收 4 所) are not.
_TOTAL = re.compile(r"(?:总值|总额|总量|收入|支出|税收|人口|增加值|面积|额|率|产值)$")
# Words that open a figure's sentence but are no part of its name.
_LEAD = re.compile(r"^(?:年(?=[^末底])|全年|年末|年底|全区|本年|当年|累计|共|实现|完成|新增|其中|截至年底|截至\d{4}年底)+")


@dataclass(frozen=True)
class Indicator:
    section: str  # the sub-heading it stands under (经济总量)
    name: str  # 地区生产总值
    value: str  # 1154.20
    unit: str  # 亿元
    change: str  # 增长 4.4% / 下降 9.8% / ""


def is_bulletin(entry: Entry) -> bool:
    return bool(_BULLETIN.search(entry.title))


def _first_figure(text: str) -> tuple[str, str, str, str] | None:
    for sentence in re.split(r"[。；]", text):
        m = _FIGURE.search(sentence)
        if not m:
            continue
        name = re.sub(r"(?:指标|超|近|约|达)$", "", _LEAD.sub("", m.group(1)).strip("“”（）() "))
        change = _CHANGE.search(sentence, m.end())
        if len(name) < 2 or not (change or _TOTAL.search(name)):
            continue
        return name, m.group(2), m.group(3), f"{change.group(1)} {change.group(2)}{change.group(3)}" if change else ""
    return None


def indicators(entry: Entry) -> list[Indicator]:
    """The first figure under each sub-heading of the bulletin, in order."""
    out: list[Indicator] = []
    heads = [b.level for b in entry.blocks if b.kind == "h" and b.level]
    deepest = max(heads) if heads else 0
    section: str | None = None
    taken = False
    for block in entry.blocks:
        if block.kind == "h" and block.level == deepest:
            section, taken = block.text, False
        elif block.kind == "p" and section and not taken:
            figure = _first_figure(block.text)
            if figure:
                out.append(Indicator(section, *figure))
                taken = True
    return out


def table(entry: Entry, escape) -> list[str]:
    """Markdown of the indicator table (empty when the text has none)."""
    rows = indicators(entry)
    if len(rows) < 3:  # too few to be the bulletin's overview
        return []
    lines = ["**主要指标一览**（据公报正文整理，详见下文）", "{: .bulletin-caption }", "",
             "| 方面 | 指标 | 数值 | 比上年 |", "| --- | --- | ---: | --- |"]
    for r in rows:
        lines.append(f"| {escape(r.section)} | {escape(r.name)} | {escape(r.value)} {escape(r.unit)} | {escape(r.change) or '—'} |")
    return lines + [""]
