"""OCR junk (识别错字): characters of scripts a Chinese book does not use.

Repaired only where certain — a lone look-alike glyph in a table column whose
other cells are numbers stands for the digit it resembles (the Myanmar letter
က for 3). Everything else is kept and flagged in the audit for an editor.
"""
from __future__ import annotations

import re

from ..model import AuditRecord, Line
from .common import record

# Glyphs an OCR engine returns for a printed digit they resemble. A property
# of OCR engines, not of one book: extend when another text shows a new one.
DIGIT_LOOKALIKES = {"က": "3"}
# Cyrillic capitals drawn exactly like Latin ones: standing alone as a cell
# (the letter heads of a pinyin-ordered index: B, H, P, T) they are the Latin
# letter the OCR mistook.
LETTER_HOMOGLYPHS = dict(zip("АВЕКМНОРСТХ", "ABEKMHOPCTX"))
# Characters a Chinese book legitimately uses: ASCII, Latin-1 signs (° ± × ·),
# general punctuation (— … ‰), super/subscripts (footnote marks ¹ ²⁶),
# letterlike and number forms (Ⅰ Ⅱ), arrows, maths (≤ ≥ √), circled numbers,
# box drawing, geometric shapes (★ □), CJK symbols, ideographs, full-width forms.
_FOREIGN_SCRIPT = re.compile(
    "[^\u0000-\u00ff\u2010-\u2027\u2030-\u205e\u2070-\u209f\u2100-\u218f\u2190-\u21ff"
    "\u2200-\u2211\u2213-\u221d\u221f-\u2237\u2260-\u22ff\u2460-\u24ff\u2500-\u25ff\u2600-\u26ff"
    "\u3000-\u303f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
# A cell that is a number: 42, 1.5, 23371888-8506.
_NUMBER = re.compile(r"^\d[\d.,\-]*$")
# Share of a column's cells that must be numbers for it to be a number column.
NUMERIC_SHARE = 0.6


def _numeric_columns(rows: list[list[str]]) -> set[int]:
    """Columns whose cells are numbers or lone digit look-alikes (a column the
    OCR damaged throughout), with at least three real numbers."""
    cols = set()
    for c in range(max(len(r) for r in rows)):
        cells = [r[c].strip() for r in rows if c < len(r) and r[c].strip()]
        numbers = sum(bool(_NUMBER.match(x)) for x in cells)
        lookalikes = sum(x in DIGIT_LOOKALIKES for x in cells)
        if numbers >= 3 and numbers + lookalikes >= NUMERIC_SHARE * len(cells):
            cols.add(c)
    return cols


def _table_runs(lines: list[Line]) -> list[list[int]]:
    """Indices of runs of tab-separated lines (blank lines inside allowed)."""
    runs, cur = [], []
    for i, line in enumerate(lines):
        if "\t" in line.text:
            cur.append(i)
        elif line.text.strip():
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def repair_table_digits(lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """Lone digit look-alikes in number columns → the digit."""
    for run in _table_runs(lines):
        rows = [lines[i].text.split("\t") for i in run]
        numeric = _numeric_columns(rows)
        for i, cells in zip(run, rows):
            changed = False
            for c in numeric:
                if c < len(cells) and cells[c].strip() in DIGIT_LOOKALIKES:
                    glyph = cells[c].strip()
                    cells[c] = cells[c].replace(glyph, DIGIT_LOOKALIKES[glyph])
                    record(audit, lines[i], "ocr-digit", glyph, DIGIT_LOOKALIKES[glyph],
                           f"OCR look-alike of {DIGIT_LOOKALIKES[glyph]} in a number column (column {c + 1})")
                    changed = True
            if changed:
                lines[i] = Line("\t".join(cells), lines[i].file, lines[i].lineno, lines[i].kind)
    return lines


def repair_lone_letters(lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """A cell that is one Cyrillic capital twin of a Latin letter → the Latin letter."""
    out = []
    for line in lines:
        cells = line.text.split("\t")
        changed = False
        for c, cell in enumerate(cells):
            glyph = cell.strip()
            if glyph in LETTER_HOMOGLYPHS:
                cells[c] = cell.replace(glyph, LETTER_HOMOGLYPHS[glyph])
                record(audit, line, "ocr-letter", glyph, LETTER_HOMOGLYPHS[glyph],
                       "Cyrillic look-alike of a Latin capital standing alone (index letter head)")
                changed = True
        out.append(Line("\t".join(cells), line.file, line.lineno, line.kind) if changed else line)
    return out


def flag_foreign_script(lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """Keep, but flag, characters of scripts a Chinese book does not use."""
    for line in lines:
        if line.kind == "break":
            continue
        odd = _FOREIGN_SCRIPT.findall(line.text)
        if odd:
            found = "".join(dict.fromkeys(odd))
            record(audit, line, "ocr-suspect", found, found,
                   "kept: character of a script the book does not use (likely OCR junk); check against the print")
    return lines
