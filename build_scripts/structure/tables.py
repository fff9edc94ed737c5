"""附录 and 统计 tables as real tables, with their damage said visibly (表格).

The extraction gives a table as tab-separated lines. It damages some: cells of
rotated or faint print come out as letters of other scripts (က, ı, 땤), rows
lose or gain a column, a table is transposed into label/value pairs, a header
row repeats. What is certain is shown as it is; a cell that cannot be read is
shown as DAMAGED_CELL and audited with its original text; a note block above
the table says what is wrong. Nothing is filled in.
"""
from __future__ import annotations

import re

from ..model import AuditRecord, Block, Entry
from ..text import CJK

# What a readable cell may hold: Chinese, ASCII, full-width forms and the
# punctuation of addresses and phone numbers. Anything else is OCR of print it
# could not read (other scripts, symbols).
_READABLE = re.compile(f"^[{CJK}\\x20-\\x7e\\uff00-\\uffef\\u3000-\\u303f·—…“”‘’《》、]*$")
DAMAGED_CELL = "〔损〕"


def finish_tables(entry: Entry, audit: list[AuditRecord], headers: set[str] | None = None) -> None:
    """Merge each run of table-row blocks of the entry into one table block.
    `headers` collects the header cells of the part's tables so far: a later
    table whose rows are label/value pairs under those labels was transposed."""
    headers = set() if headers is None else headers
    out: list[Block] = []
    run: list[Block] = []
    for block in entry.blocks + [Block("end", "")]:
        if block.kind == "table" and block.rows is None:
            run.append(block)
            continue
        if run:
            out.extend(build_table(run, entry, audit, headers))
            run = []
        if block.kind != "end":
            out.append(block)
    entry.blocks = out


def build_table(rows: list[Block], entry: Entry, audit: list[AuditRecord], headers: set[str]) -> list[Block]:
    """One table (with a note block before it when damaged) from its row lines."""
    cells = [[c.strip() for c in r.text.split("\t")] for r in rows]
    notes = []
    labels = [c[0] for c in cells if len(c) == 2]
    if len(labels) == len(cells) >= 3 and sum(l in headers for l in labels) * 2 >= len(labels):
        header = ["项目", "内容"]
        body = cells
        notes.append("原表在提取中被转置为“项目—内容”对，按提取顺序列出。")
    else:
        header, body = cells[0], cells[1:]
        headers.update(c for c in header if c)
    kept = []
    for r, row in zip(rows[-len(body):] if body else [], body):
        if row == header:
            audit.append(AuditRecord(entry.file, r.line, "table-repeated-header", r.text, "", "table header printed again"))
            continue
        kept.append((r, row))
    damaged = 0
    clean_rows = []
    for r, row in kept:
        new = []
        for cell in row:
            if cell and not _READABLE.match(cell):
                damaged += 1
                audit.append(AuditRecord(entry.file, r.line, "table-damaged-cell", cell, DAMAGED_CELL, "table cell not readable in the extraction"))
                new.append(DAMAGED_CELL)
            else:
                new.append(cell)
        clean_rows.append(new)
    ragged = sum(1 for row in clean_rows if len(row) != len(header))
    if damaged:
        notes.append(f"原表有 {damaged} 个单元格在提取中无法辨认，以“{DAMAGED_CELL}”标出。")
    if ragged:
        notes.append(f"原表有 {ragged} 行的列数与表头不符，按提取结果照录，列可能错位。")
    width = max([len(header)] + [len(r) for r in clean_rows])
    table = Block("table", "\n".join(r.text for r in rows), rows[0].line, rows=[header] + clean_rows)
    table.rows = [row + [""] * (width - len(row)) for row in table.rows]
    out = []
    if notes:
        out.append(Block("note", "".join(notes) + "以原书为准。", rows[0].line))
    return out + [table]
