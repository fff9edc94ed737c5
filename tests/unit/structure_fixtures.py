"""Small books in the shape of an extracted yearbook (not copied from the
sample): front matter with an 编辑说明 that lists the 篇, a two-column 目录,
running heads (PART_BREAK), 【title】 entries under 章 headings, a 条目索引."""
from __future__ import annotations

from build_scripts.model import Line
from build_scripts.repair import PART_BREAK
from build_scripts.repair.captions import classify_captions


def lines(texts: list[str], file: str = "book.txt", kinds: dict[int, str] | None = None) -> list[Line]:
    kinds = kinds or {}
    # a PART_BREAK line is what the repair stage makes of a running head: kind
    # "break"; captions and credits get their kind from the repair pass that
    # sets it (structure trusts Line.kind)
    made = [Line(t, file, i + 1, kinds.get(i, "break" if t == PART_BREAK else "text")) for i, t in enumerate(texts)]
    return classify_captions(made, [])


FRONT = [
    "某县年鉴(2030)",
    "编辑说明",
    "三、本卷分为篇目、章目、分目、条目 4 个层次。全书设置政务、城乡建设管理、索引 3 篇。",
    "3月2日,召开全县春耕动员会 (县融媒体中心提供)",
    "目 录",
    "政 务\t城乡建设管理 20",
    "综 述 10\t概况 20",
    "概况 10\t道路养护 21",
    "退役军人事务 11\t重点企业 22",
    "概况 11\t某县城投集团有限公司 22",
    "双拥共建 11\t概况 22",
    "\t某县水务集团有限公司 23",
    "\t概况 23",
]

PARTS = [
    PART_BREAK,
    "政务",
    "综迷",
    "【概况】 2030年,全县实现地区生产总值100亿元。",
    "退没军人事务",
    "【概况】 县退役军人事务局内设3个科室。【双拥共建】 开展双拥活动12次。",
    "（县退役军人事务局提供）",
    PART_BREAK,
    "城乡建设管理",
    "【概况】 全年完成道路维修10公里。",
    "【道路养护】 维修道路5公里。",
    "重点企业",
    "某县城投集团有限公司",
    "【概况】 公司注册资本10亿元。",
    "某县水务集团有限公司",
    "【概况】 公司供水能力每日5万吨。",
    PART_BREAK,
    "索引",
    "条目索引",
    "道路养护21\t双拥共建11",
    "某县城投集团有限公司\t22",
]
