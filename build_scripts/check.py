"""`python -m build_scripts check`: the structure report for editors (结构核对).

Compares the outline the structure stage recovered (篇/章/分目/条目) with the
book's own finding aids, the 条目索引 at the back and the 目录 at the front:

- entries recovered, per 篇;
- index titles matched: every title the 条目索引 prints with a page is looked
  for among the recovered 篇, 章, 分目 and 条目 titles; each one not found is
  listed with the reason (garbled in the index itself, one character from a
  recovered heading, or not found);
- pages: how many entries carry a printed page (from the index/目录, or
  estimated from neighbours), whether the 目录 and the index agree where both
  give a title one page, and whether the pages run in reading order;
- repaired headings: every "heading-repair" audit record.

The exit status is 1 when a figure drops below its threshold (THRESHOLDS), so
the check can guard a build of next year's book.
"""
from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from pathlib import Path

from .manifest import load_manifest
from .text import CJK
from .structure.headings import repair_candidates
from .structure.shapes import norm
from .structure.toc_index import BookIndex

# Thresholds, with why:
# - index_matched 0.90: the 条目索引 is the book's list of its 条目; a
#   structure that finds fewer than nine in ten of them has lost headings
#   (the sample reaches ~0.97; what remains is damage in the index itself).
# - pages_assigned 0.75: a reader must be able to cite the printed page; the
#   index and 目录 give it for most entries, and an entry without one is
#   either unindexed (大事记 events, lists) or ambiguous. Below three in four
#   the page sources stopped being read.
# - pages_in_order 0.95: pages of entries in reading order must not go back;
#   more than one in twenty going back means entries are misplaced.
# - toc_index_agree 0.90: where 目录 and 索引 both give one page for a title
#   they should agree; disagreement beyond OCR slips means we paired the
#   wrong cells.
# - entries 1.0: a volume with no entry at all has lost its structure.
# - bracket_entries 0.90: the text's own 【title】s each open an entry;
#   fewer than nine in ten recovered means entries were swallowed.
# - parts_listed 0.90: the 篇 the 编辑说明 lists are the 篇 recovered (and
#   no others); below nine in ten, 篇 were lost or invented.
# - headings_whole 0.99: at most one heading in a hundred may be a wrapped
#   fragment of a sentence (a long heading known to no finding aid that
#   stops in the middle of a phrase).
THRESHOLDS = {
    "entries": 1.0,
    "bracket_entries": 0.90,
    "parts_listed": 0.90,
    "headings_whole": 0.99,
    "index_matched": 0.90,
    "pages_assigned": 0.75,
    "pages_in_order": 0.95,
    "toc_index_agree": 0.90,
}
# A title the index prints garbled: Latin letters, stray symbols or digits
# inside the Chinese (OCR of the small print), so no heading can match it.
_GARBLED = re.compile(f"[^{CJK}0-9\\s\"“”‘’《》（）()·・、—\\-+.%：:，,]|[{CJK}]\\s*\\d+\\s*[{CJK}]")


@dataclass
class Report:
    volume: str
    entries: int = 0
    entries_by_part: dict = field(default_factory=dict)
    index_titles: int = 0
    index_matched: int = 0
    unmatched: list = field(default_factory=list)  # (title, reason)
    pages_assigned: int = 0
    pages_estimated: int = 0
    pages_in_order: int = 0
    pages_checked: int = 0
    toc_index_both: int = 0
    toc_index_agree: int = 0
    disagreements: list = field(default_factory=list)
    repairs: list = field(default_factory=list)  # (line, before, after)
    dropped: list = field(default_factory=list)  # (title, pages)
    skipped: int = 0
    brackets: int = 0  # 【title】s in the text
    brackets_matched: int = 0  # … that open a recovered entry
    parts_expected: int = 0  # 篇 of the 编辑说明's list, or recovered when it has none
    parts_matched: int = 0
    headings: int = 0  # 章/分目 headings recovered
    fragments: list = field(default_factory=list)  # headings that look like wrapped fragments
    page_source: bool = True  # the book has printed pages (目录/索引 pages or page numbers)
    columns: list = field(default_factory=list)  # (line, reason) of passages that may be interleaved columns

    def ratios(self) -> dict[str, float]:
        pages = self.page_source
        return {
            "entries": 1.0 if self.entries else 0.0,
            "bracket_entries": self.brackets_matched / self.brackets if self.brackets else 1.0,
            "parts_listed": self.parts_matched / self.parts_expected if self.parts_expected else 1.0,
            "headings_whole": 1 - len(self.fragments) / self.headings if self.headings else 1.0,
            "index_matched": self.index_matched / self.index_titles if self.index_titles else 1.0,
            # the page figures apply only when the book has a source of pages
            "pages_assigned": (self.pages_assigned + self.pages_estimated) / self.entries if self.entries and pages else 1.0,
            "pages_in_order": self.pages_in_order / self.pages_checked if self.pages_checked and pages else 1.0,
            "toc_index_agree": self.toc_index_agree / self.toc_index_both if self.toc_index_both else 1.0,
        }

    def failures(self) -> list[str]:
        return [f"{k} {v:.3f} < {THRESHOLDS[k]}" for k, v in self.ratios().items() if v < THRESHOLDS[k]]


def check_volume(volume) -> Report | None:
    index: BookIndex | None = volume.finding_aids.titles if volume.finding_aids else None
    if index is None:
        return None
    report = Report(volume=volume.id)
    outline: set[str] = set()
    entries = []
    for part in volume.parts:
        outline.add(norm(part.title))
        report.entries_by_part[part.title] = sum(len(c.entries) for c in part.chapters)
        for chapter in part.chapters:
            if chapter.title:
                outline.add(norm(chapter.title))
            for entry in chapter.entries:
                outline.add(norm(entry.title))
                if entry.section:
                    outline.add(norm(entry.section))
                entries.append(entry)
    report.entries = len(entries)
    _structure(report, volume, entries, index)
    _match_index(report, index, outline)
    _pages(report, index, entries)
    report.dropped = list(index.dropped_pages)
    report.skipped = len(index.skipped_lines)
    report.repairs = [(r.line, r.before, r.after) for r in volume.audit if r.kind == "heading-repair"]
    return report


# A wrapped fragment taken for a heading is long and stops inside a phrase.
FRAGMENT_MIN = 16


def _structure(report: Report, volume, entries, index: BookIndex) -> None:
    """Outline against the text's own signals: its 【title】s, its 篇 list."""
    want = collections.Counter(volume.bracket_titles)
    have = collections.Counter(norm(e.title) for e in entries)
    report.brackets = sum(want.values())
    report.brackets_matched = sum(min(n, have[k]) for k, n in want.items())
    listed = {norm(n) for n in volume.part_list}
    titles = [norm(p.title) for p in volume.parts]
    if listed:
        report.parts_expected = max(len(listed), len(titles))
        report.parts_matched = sum(1 for t in titles if t in listed)
    known = index.keys
    heads = {h for p in volume.parts for c in p.chapters for h in [c.title] + [e.section for e in c.entries] if h}
    report.headings = len(heads)
    report.fragments = sorted(
        h for h in heads if len(norm(h)) >= FRAGMENT_MIN and norm(h) not in known and not _whole_phrase(h)
    )
    report.page_source = volume.printed_pages or any(i.pages for i in index.items)
    report.columns = [(r.line, r.reason) for r in volume.audit if r.kind == "columns-unclear"]


def _whole_phrase(heading: str) -> bool:
    """A heading ends on a whole word: a noun-like last character the
    segmenter keeps as the end of a word (工作, 建设, 会议 …)."""
    from .repair.wrap import _segmenter

    words = list(_segmenter().cut(norm(heading), HMM=False))
    return len(words[-1]) >= 2


def _match_index(report: Report, index: BookIndex, outline: set[str]) -> None:
    """Each 条目索引 cell that gives a page is one title (with its wrapped forms)."""
    groups: dict[int, list] = collections.defaultdict(list)
    for item in index.items:
        if item.source == "index" and item.pages:
            groups[item.group].append(item)
    for items in groups.values():
        report.index_titles += 1
        if any(i.key in outline for i in items):
            report.index_matched += 1
            continue
        title = max(items, key=lambda i: len(i.key))
        report.unmatched.append((title.text, _reason(title.text, title.key, outline)))


def _reason(text: str, key: str, outline: set[str]) -> str:
    near = repair_candidates(key, outline)
    if near:
        return f"one character from the recovered heading “{near[0]}” (damage in the index or the text)"
    if _GARBLED.search(text):
        return "garbled in the index itself (OCR of the small print)"
    if any(key in o or o in key for o in outline if len(o) >= 4):
        return "part of a longer/shorter recovered heading (a title wrapped in the index)"
    return "not found among the recovered headings"


def _pages(report: Report, index: BookIndex, entries) -> None:
    report.pages_assigned = sum(1 for e in entries if e.pages and not e.pages_estimated)
    report.pages_estimated = sum(1 for e in entries if e.pages_estimated)
    last = 0
    for e in entries:
        if not e.pages:
            continue
        report.pages_checked += 1
        if min(e.pages) >= last - 1:  # one page back: two entries begun on a spread
            report.pages_in_order += 1
        last = max(last, min(e.pages))
    keys = {i.key for i in index.items}
    for key in sorted(keys):
        toc, idx = index.pages(key, "toc"), index.pages(key, "index")
        if len(toc) == 1 and len(idx) == 1 and len(toc[0]) == 1 and len(idx[0]) == 1:
            report.toc_index_both += 1
            if toc[0] == idx[0]:
                report.toc_index_agree += 1
            else:
                report.disagreements.append((key, toc[0][0], idx[0][0]))


def format_report(report: Report) -> str:
    r = report.ratios()
    out = [f"# Structure check: {report.volume}", ""]
    out.append(f"entries recovered: {report.entries} in {len(report.entries_by_part)} 篇")
    out.append(f"【title】s of the text opening an entry: {report.brackets_matched}/{report.brackets} ({r['bracket_entries']:.1%})")
    if report.parts_expected:
        out.append(f"篇 of the 编辑说明's list recovered: {report.parts_matched}/{report.parts_expected} ({r['parts_listed']:.1%})")
    out.append(f"headings that look like wrapped fragments: {len(report.fragments)}/{report.headings}")
    for h in report.fragments:
        out.append(f"  - {h}")
    if report.columns:
        out.append(f"passages that may be two interleaved columns, order kept (read them): {len(report.columns)}")
        for line, reason in report.columns:
            out.append(f"  line {line}: {reason}")
    if not report.page_source:
        out.append("no source of printed pages (no 目录/索引 pages, no page numbers): page figures not applied")
    for part, n in report.entries_by_part.items():
        out.append(f"  {part}: {n}")
    out.append(
        f"index titles matched: {report.index_matched}/{report.index_titles} ({r['index_matched']:.1%})"
    )
    out.append(
        f"entries with a printed page: {report.pages_assigned} from the index/目录 + "
        f"{report.pages_estimated} estimated from neighbours = {r['pages_assigned']:.1%} of {report.entries}"
    )
    out.append(f"pages in reading order: {report.pages_in_order}/{report.pages_checked} ({r['pages_in_order']:.1%})")
    out.append(
        f"目录 and 索引 agree on a title's page: {report.toc_index_agree}/{report.toc_index_both} ({r['toc_index_agree']:.1%})"
    )
    out.append(f"pages dropped as contradicting reading order (misread in the 目录/索引): {len(report.dropped)}")
    out.append(f"目录/索引 lines skipped as garbled (a column read as one line): {report.skipped}")
    out.append(f"headings repaired against the 目录/索引: {len(report.repairs)}")
    for line, before, after in report.repairs:
        out.append(f"  line {line}: {before} → {after}")
    if report.unmatched:
        out.append(f"index titles not matched: {len(report.unmatched)}")
        by_reason = collections.Counter(reason.split("“")[0] for _, reason in report.unmatched)
        for reason, n in by_reason.most_common():
            out.append(f"  {n} × {reason.strip()}")
        for title, reason in report.unmatched:
            out.append(f"  - {title}: {reason}")
    if report.disagreements:
        out.append("目录/索引 page disagreements:")
        for key, toc, idx in report.disagreements:
            out.append(f"  - {key}: 目录 {toc}, 索引 {idx}")
    fails = report.failures()
    out.append("")
    out.append("result: " + ("FAIL — " + "; ".join(fails) if fails else "ok (all figures at or above their thresholds)"))
    return "\n".join(out) + "\n"


def run_check(root: Path) -> tuple[str, bool]:
    """The report text for every volume with a 目录/索引, and whether all pass."""
    from .pipeline import structure_volume

    texts, ok = [], True
    for spec in load_manifest(root / "seeds" / "volumes.yml"):
        report = check_volume(structure_volume(spec, root / "seeds"))
        if report is None:
            continue
        texts.append(format_report(report))
        ok = ok and not report.failures()
    return "\n".join(texts), ok
