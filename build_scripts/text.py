"""The shared text vocabulary (文本词汇): what counts as a Chinese character,
a sentence end, a printed width, and the key two spellings of one title
share. Every stage takes these from here, so a rule that reads "an
ideograph" means the same thing in repair, structure and check.

Here too: the caption vocabulary (a credit, a dated photo description) and a
web page's byline (its date, its 来源), shared by repair (which sets
Line.kind) and structure (which reads it). repair/common.py re-exports
these names and structure/shapes.norm is title_key; every stage takes its
class of ideographs from CJK here (repair/ocr.py's table of legitimate
blocks and search/normalise.py's 繁→简 table walk Unicode blocks of their own).
"""
from __future__ import annotations

import functools
import re
import unicodedata

# CJK ideographs: the basic block, extension A and the compatibility block —
# the characters whose neighbourhood decides whether a space or a half-width
# mark is in Chinese context. (Named blocks composed, pangu.py-style.)
CJK_BASIC = "\u4e00-\u9fff"
CJK_EXT_A = "\u3400-\u4dbf"
CJK_COMPAT = "\uf900-\ufaff"
CJK = f"{CJK_EXT_A}{CJK_BASIC}{CJK_COMPAT}"
CJK_RE = re.compile(f"[{CJK}]")
# Full-width Chinese punctuation that may touch a wrapped line's edge.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·"
# Punctuation that ends a sentence (or a quoted/bracketed sentence) in print:
# a paragraph ending in one of these is complete.
SENTENCE_END = "。！？!?…”’）)》】；;：:"


# A web page's byline (发布信息): its date, perhaps with a time and a 来源
# ("2024-09-04 15:25 来源: 某委员会"), and a 来源 line of its own. Repair marks
# these lines (repair/webpage.py); structure reads the date and publisher.
WEB_DATE_PART = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
WEB_TIME_PART = r"\d{1,2}:\d{2}(?::\d{2})?"
WEB_DATE = re.compile(rf"^({WEB_DATE_PART})(?:\s+({WEB_TIME_PART}))?(?:\s*来源\s*[:：]\s*(.+))?$")
WEB_SOURCE = re.compile(r"^来源\s*[:：]\s*(\S.{0,60})$")


# Photo captions and attributions (图片说明 · 供稿署名), recognised by the
# repair stage (repair/captions.py sets Line.kind "caption"/"credit"):
# a credit standing alone: （区委宣传部提供） （孙丹摄）;
CREDIT = re.compile(r"^[（(][^（）()]{1,40}(?:提供|摄|供稿|供图)[）)]$")
# an author's or compiler's names standing alone: （王文振） （李恩建 呼春生）
# — but not a cross-reference note of the same shape, which opens with the
# word for "see" (（见附表） （详见下表） （参见附录）): it stays text;
NAME_CREDIT = re.compile(rf"^[（(](?![详参另]?见)[{CJK}]{{2,4}}(?:[ 、，][{CJK}]{{2,4}})*[）)]$")
# a photo credit ending a line: "… 召开工作会议 （区委党校提供）";
TRAILING_CREDIT = re.compile(r"\s*[（(][^（）()]{1,40}(?:提供|摄)[）)]$")
# a photo description opens with its date: 10月20日， / 2023年， / 4月下旬至…
DATED = re.compile(r"^(?:\d{4}\s*年|\d{1,2}\s*月)")


def width(text: str) -> int:
    """Printed width in columns: ideographs and full-width marks take two,
    digits, Latin letters and spaces one — the unit of a column's measure."""
    # (the wide characters counted over the text translated to classes: a
    # quarter of the time of a sum over its characters, for the repair
    # stage measures every line several times)
    return len(text) + text.translate(_WIDE).count("w")


class _WideClasses(dict):
    """str.translate table: a character to "w" when it takes two columns."""

    def __missing__(self, code: int) -> int:
        cls = self[code] = ord("w" if _char_width(chr(code)) == 2 else "n")
        return cls


_WIDE = _WideClasses()


@functools.lru_cache(maxsize=None)
def _char_width(c: str) -> int:
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


_SPACES = re.compile(r"\s+")


def title_key(text: str) -> str:
    """Comparison key for titles: no spaces, one middle-dot form, full-width
    brackets and quotes unified, so a title matches its 目录/索引 form."""
    text = _SPACES.sub("", text)
    text = text.replace("・", "·").replace("•", "·")
    text = text.replace("(", "（").replace(")", "）").replace('"', "").replace("“", "").replace("”", "")
    return text
