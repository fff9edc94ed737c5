"""Small hand-made volumes in the shape of a yearbook's 特载: a 政府工作报告
whose text carries footnote markers, followed by its 名词解释 list."""
from __future__ import annotations

from build_scripts.model import Block, Chapter, Entry, Part, Volume, VolumeSpec


def spec(vid: str = "town-2030", title: str = "某镇年鉴（2030）") -> VolumeSpec:
    return VolumeSpec(id=vid, title=title, year=2030, kind="yearbook", publisher="某出版社", sources=())


def entry(title: str, *paragraphs: str, anchor: str | None = None, kind: str = "p") -> Entry:
    blocks = [Block(kind, p, line=i + 1) for i, p in enumerate(paragraphs)]
    return Entry(title=title, blocks=blocks, anchor=anchor or f"e{abs(hash(title)) % 10**6}", file="town.txt")


def volume(*chapters: Chapter, vid: str = "town-2030", part_title: str = "特载") -> Volume:
    v = Volume(spec=spec(vid))
    v.parts.append(Part(title=part_title, slug="te-zai", chapters=list(chapters)))
    return v


def chapter(*entries: Entry, title: str | None = None, slug: str = "") -> Chapter:
    return Chapter(title=title, slug=slug, entries=list(entries))


def report() -> Entry:
    return entry(
        "某镇人民政府工作报告",
        "一年来，我们全力推进“海棠计划”¹，深化“三通两联”工作²，建成“零废街区”³12个。",
        "落实“双岗双责”监管要求⁴，推进“1+5”服务体系⁵建设。",
        anchor="zheng-fu-gong-zuo-bao-gao",
    )

def glossary_list() -> Entry:
    return entry(
        "主要名词解释",
        "- 1. “海棠计划”：镇政府于2029年启动的社区微更新行动，以口袋公园和",
        "街巷绿化为重点。",
        "- 2. “三通两联”工作：路通、水通、网通和联户、联企。",
        '3." 零废街区 ":按照“无废城市”要求建设的最小单元。',
        "4. “双岗双责”监管：业务岗和安全岗同时负责的监管模式。",
        '5. "1+5"服务体系"1"即一个中心；"5"即五个服务站。',
        anchor="zhu-yao-ming-ci-jie-shi",
    )
