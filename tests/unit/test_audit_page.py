"""The editors' page of the audit: totals, then changes by file and kind."""
from __future__ import annotations

import markdown

from build_scripts.audit_page import SAMPLE, render_audit
from build_scripts.model import AuditRecord


def _html(records) -> str:
    return markdown.markdown(render_audit(records).split("---\n", 2)[2], extensions=["tables"])


def test_every_kind_gets_its_own_heading_under_its_file():
    records = [
        AuditRecord("a.txt", 3, "wrap-space", "经建 设", "经建设", "line-wrap"),
        AuditRecord("a.txt", 9, "running-head", "天津市河西年鉴（2024）", "", "page running head"),
        AuditRecord("b.txt", 1, "html-tag", "<mark>", "", "HTML markup"),
    ]
    html = _html(records)
    assert html.count("<h2") == 3  # totals + two files
    assert html.count("<h3") == 3
    # the kind an editor must check comes before the mechanical one
    assert html.index("running-head</code>，1 处") < html.index("wrap-space</code>，1 处")


def test_frequent_mechanical_kinds_are_capped_with_their_count():
    records = [AuditRecord("a.txt", i, "half-width-punct", "会议,研究", "会议，研究", "GB/T 15834") for i in range(1, 101)]
    html = _html(records)
    assert html.count("会议，研究") == SAMPLE
    assert f"其余 {100 - SAMPLE} 处" in html


def test_removed_text_is_escaped_and_the_page_is_kept_out_of_search():
    page = render_audit([AuditRecord("a.txt", 1, "html-tag", "<td>|", "", "HTML markup")])
    assert page.startswith("---\nsearch:\n  exclude: true\n---")
    assert "&lt;td&gt;\\|" in page


def test_kinds_of_the_structure_stage_are_explained_in_the_totals():
    records = [
        AuditRecord("a.txt", 5, "heading-repair", "概 兄", "概况", "one character away from a title the index prints"),
        AuditRecord("a.txt", 7, "table-damaged-cell", "$", "〔损〕", "table cell not readable"),
        AuditRecord("a.txt", 9, "table-repeated-header", "校名\t电话", "", "table header printed again"),
        AuditRecord("a.txt", 11, "markdown-emphasis", "**二是**", "二是", "Markdown bold"),
    ]
    page = render_audit(records)
    for r in records:
        row = next(l for l in page.splitlines() if l.startswith(f"| `{r.kind}` |"))
        assert row.split("|")[2].strip(), f"{r.kind} has no explanation"
