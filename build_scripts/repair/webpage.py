"""Web-page furniture of a scraped page (网页导航、页眉与页脚).

A government page saved as text carries, around the document, the site's
header (image placeholders, the "today is" clock, language and accessibility
switches, the breadcrumb), the page's title with its date/来源 line, and the
site's footer (filing numbers, copyright, badges). They are recognised by
where they stand on the page and by the shape of the whole line, never by a
word a report could also use (a report heading may well say 推进政务网建设,
a sentence may begin 来源于 or 党政机关, an attachment list starts with 附件):

- header: only on a page whose title is followed, within the first lines, by
  the page's date line — a date with a time or a 来源 (the shape of a web
  page's byline; a bare date under a signature is not one) — and only if every
  line above the title is furniture-shaped (short, no sentence punctuation).
  Those lines are removed; the title becomes kind "web-title", the date/来源
  lines and the page's repeat of title, date and 来源 just below become kind
  "web-meta" (structure keeps them as the document's metadata).
- controls right under the byline (分享：, 字号：大 中 小, 打印, 关闭) are removed;
  so are, anywhere, a breadcrumb (您的当前位置：…) among the first lines above
  any sentence, a line holding only the page's address (Original URL: http…)
  and a line of only table rules (| / ||), each by the shape of the whole line.
- masthead: a site's name, tagline and navigation row at the very top of a
  page that has no byline (an archive mirror's page): found only by a link
  that names the site itself (首页, 关于本站, 网站地图, 联系我们 …) ending a
  line after a tagline or other links (a lone 首页 line proves nothing: with
  no byline below it the text is left whole), among the first lines and above the page's first
  【】; that line, the furniture-shaped lines above it, and the lines of
  navigation labels just below it (档案浏览, 全文检索 …) are removed.
- footer: only at the end of the text, from a line shaped like a site footer
  (a filing number ICP备…号 / 公网安备…号 / 网站标识码, or a line that starts
  with a copyright notice) to the end, plus the short unpunctuated lines just
  above it, up to the document's own end (a sentence, a numbered heading, the
  signature date).

Every removed line is audited as web-boilerplate.
"""
from __future__ import annotations

import re

from ..model import AuditRecord, Line
from ..text import WEB_DATE, WEB_DATE_PART as _DATE, WEB_SOURCE as SOURCE, WEB_TIME_PART as _TIME
from .common import record

HEADER_SPAN = 12  # the page's date line stands within its first lines
FOOTER_SPAN = 12  # a site footer is a few lines at the very end
FURNITURE_MAX = 40  # menu entries, breadcrumbs and badges are short

# The byline of a web page (text.WEB_DATE): 2024-09-04 15:25 来源: 某委员会
# (time and 来源 optional, one required here).
# A byline written as labelled fields, in any order, with at most a
# publisher's name beside them: "来源:本室 日期:2019-11-27 11:17",
# "日期:2008-04-01 来源:通州区政府", "呼兰区人民政府 发布时间:2024-08-27".
BYLINE_DATE_FIELD = re.compile(rf"(?:日期|发布时间|发布日期|更新时间|时间)\s*[:：]\s*{_DATE}(?:\s+{_TIME})?")
BYLINE_FIELD = re.compile(r"(?:来源|作者|编辑|浏览次数|点击数|访问量)\s*[:：]\s*[^\s:：]*")
BYLINE_NAME_MAX = 20
# The page's own controls beside its byline: 分享: / 字号:大 中 小 / 打印 / 关闭.
PAGE_CONTROL = re.compile(r"^(?:分享到?|字号|字体|打印(?:本页)?|关闭(?:窗口)?|收藏(?:本页)?|返回顶部)(?:\s*[:：]\s*(?:\S{1,2}(?:\s+\S{1,2}){0,4})?)?$")
# A breadcrumb: 您的当前位置:首页 > 政务公开 > … (with or without its path).
BREADCRUMB = re.compile(r"^(?:您的|您现在的)?(?:当前)?位置\s*[:：]")
BREADCRUMB_MAX = 80
# A line holding only the page's own address, perhaps after an English label
# ("Original URL: http://…"): an archive's or a scrape's note, not the book's.
URL_LINE = re.compile(r"^(?:[A-Za-z][A-Za-z ]{0,24}[:：]\s*)?https?://\S+$")
# A line of nothing but the page layout's table rules (| or ||).
TABLE_RULE = re.compile(r"^[|｜]+$")
# A navigation link that names the site itself (首页 "home", 本站 "this
# site", 网站地图 …): no book's text ends a line with one, so it marks the
# line as the site's masthead.
SITE_LINK = re.compile(r"^(?:网站)?首页$|^(?:关于|联系)(?:本站|本网|我们)$|^(?:本站|网站)(?:地图|导航|声明|简介)$|^(?:设为首页|加入收藏)$")
# Other navigation labels, taken only beside a SITE_LINK line: a browser,
# a search box, a login.
NAV_LABEL = re.compile(r"^\S{0,6}(?:浏览器?|检索|搜索|查询)$|^(?:登录|注册|帮助)$")
# Sentence punctuation: furniture is never a sentence.
SENTENCE = re.compile(r"[。，；！？,;!?]")
# The line a footer hangs on: a filing number, or a copyright notice at its start.
FOOTER_ANCHOR = re.compile(
    r"ICP\s*备\s*\d+\s*号|公网安备\s*\d+\s*号|网站标识码\s*[:：]?\s*[0-9A-Za-z]+|^(?:版权所有|Copyright\b|©|\(c\)\s)",
    re.I,
)
# Where a document ends, above a footer: its signature date, a numbered heading.
SIGNATURE_DATE = re.compile(rf"^(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?|{_DATE})$")
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])")


def furniture_shaped(text: str) -> bool:
    """Short and no sentence: what a menu entry, a badge or a breadcrumb looks like."""
    return len(text) <= FURNITURE_MAX and not SENTENCE.search(text)


def is_byline(text: str, following: str = "") -> bool:
    """The date line of a web page: a date with a time or a 来源 (on it or on the next line)."""
    m = WEB_DATE.match(text)
    return bool(m and (m.group(2) or m.group(3) or SOURCE.match(following))) or _labelled_byline(text)


def _labelled_byline(text: str) -> bool:
    """A byline of labelled fields: a labelled date, perhaps a 来源, and
    nothing else but a short name (the publisher) — never a sentence."""
    if not BYLINE_DATE_FIELD.search(text):
        return False
    rest = BYLINE_FIELD.sub("", BYLINE_DATE_FIELD.sub("", text)).strip()
    return len(rest) <= BYLINE_NAME_MAX and not SENTENCE.search(rest)


def strip_web_furniture(lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """Remove a scraped page's header and footer (audited); mark its title and byline."""
    content = [i for i, l in enumerate(lines) if l.kind != "break" and l.text.strip()]
    drop: dict[int, str] = {}
    header = _header(lines, content)
    if header:
        title, meta, controls = header
        for i in content[: content.index(title)]:
            drop[i] = "web-page header before the title (navigation, clock, image placeholders)"
        for i in controls:
            drop[i] = "web-page controls beside the byline (share, font size, print)"
        lines = list(lines)
        lines[title] = Line(lines[title].text, lines[title].file, lines[title].lineno, "web-title")
        for i in meta:
            lines[i] = Line(lines[i].text, lines[i].file, lines[i].lineno, "web-meta")
    if not header:
        for i in _masthead(lines, content):
            drop.setdefault(i, "web-page masthead (site name, tagline, navigation links) at the top of the page")
    for i in _top_breadcrumbs(lines, content):
        drop.setdefault(i, "web-page breadcrumb (您的当前位置：…) at the top of the page")
    for i in content:
        t = lines[i].text.strip()
        if URL_LINE.match(t):
            drop.setdefault(i, "the page's own web address on a line of its own")
        elif TABLE_RULE.match(t):
            drop.setdefault(i, "a line of the page layout's table rules (|) only")
    for i in _footer(lines, content):
        drop.setdefault(i, "web-page footer (filing numbers, copyright, site badges)")
    if not drop:
        return lines
    out = []
    for i, line in enumerate(lines):
        if i in drop:
            record(audit, line, "web-boilerplate", line.text, "", drop[i])
        else:
            out.append(line)
    return out


def _top_breadcrumbs(lines: list[Line], content: list[int]) -> list[int]:
    """Breadcrumb lines among the page's first lines, above its first sentence."""
    out = []
    for i in content[:HEADER_SPAN]:
        t = lines[i].text.strip()
        if BREADCRUMB.match(t) and len(t) <= BREADCRUMB_MAX and not SENTENCE.search(t):
            out.append(i)
        elif SENTENCE.search(t):
            break
    return out


def _masthead(lines: list[Line], content: list[int]) -> list[int]:
    """The site's masthead at the top of a page without a byline: up to the
    last line among the first ones that ends, after a tagline or other links,
    with a link naming the site, if every line above it is furniture-shaped, plus the lines of
    navigation labels right below it; never past the page's first 【】."""
    top = []
    for i in content[:HEADER_SPAN]:
        if "【" in lines[i].text:
            break
        top.append(i)
    last = None
    for n, i in enumerate(top):
        pieces = lines[i].text.split()
        if len(pieces) >= 2 and SITE_LINK.match(pieces[-1]) and all(furniture_shaped(lines[j].text.strip()) for j in top[:n]):
            last = n
    if last is None:
        return []
    out = top[: last + 1]
    for i in top[last + 1:]:
        if not all(SITE_LINK.match(p) or NAV_LABEL.match(p) for p in lines[i].text.split()):
            break
        out.append(i)
    return out


def _header(lines: list[Line], content: list[int]) -> tuple[int, list[int], list[int]] | None:
    """(title line, byline and repeated title/date/来源 lines, page-control
    lines beside them), or None when the text does not open like a web page."""
    texts = [lines[i].text.strip() for i in content]
    for k in range(1, min(HEADER_SPAN, len(texts))):
        following = texts[k + 1] if k + 1 < len(texts) else ""
        if not is_byline(texts[k], following):
            continue
        title = texts[k - 1]
        if not all(furniture_shaped(t) for t in texts[: k - 1]) or title.endswith(("。", "：", ":")):
            return None
        meta, controls = [content[k]], []
        for j in range(k + 1, len(texts)):
            t = texts[j]
            if t == title or WEB_DATE.match(t) or SOURCE.match(t):
                meta.append(content[j])
            elif PAGE_CONTROL.match(t):
                controls.append(content[j])
            else:
                break
        return content[k - 1], meta, controls
    return None


def _footer(lines: list[Line], content: list[int]) -> list[int]:
    """Indices of the footer lines at the end of the text, or []."""
    tail = content[-FOOTER_SPAN:]
    texts = {i: lines[i].text.strip() for i in tail}
    anchor = next((n for n, i in enumerate(tail) if FOOTER_ANCHOR.search(texts[i]) and not re.search("[。；！？]", texts[i])), None)
    if anchor is None:
        return []
    # From the anchor down: footer lines (anchors, badges) to the end.
    end = anchor
    while end + 1 < len(tail):
        t = texts[tail[end + 1]]
        if not (FOOTER_ANCHOR.search(t) or furniture_shaped(t)):
            return []  # a sentence after it: not a footer at the end of the page
        end += 1
    # Up from the anchor: short unpunctuated lines, to where the document ends.
    start = anchor
    while start > 0:
        t = texts[tail[start - 1]]
        if not furniture_shaped(t) or SIGNATURE_DATE.match(t) or NUMBERED.match(t) or lines[tail[start - 1]].kind != "text":
            break
        start -= 1
    return tail[start : end + 1]
