"""Defect counts of the sample before and after the repair stage.

    python benchmarks/repair_counts.py            # table for benchmarks/RESULTS.md

Each class is counted with the same detector on the raw lines and on the
repaired lines (text, caption and credit lines; running heads excluded).
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_scripts.manifest import load_manifest  # noqa: E402
from build_scripts.reader import read_lines  # noqa: E402
from build_scripts.repair import CJK, CJK_PUNCT, repair  # noqa: E402
from build_scripts.repair import paragraphs  # noqa: E402

C = f"{CJK}{CJK_PUNCT.replace('】', '')}"
_CJK_SPACE = re.compile(f"(?<=[{C}]) +(?=[{C.replace('（', '')}])")
# Running text: a line with sentence punctuation, not a table row.
_RUNNING = re.compile(r"[，。；,;]")
# The space after a 大事记 day ("21日 河西区召开…") is the printed separator.
_DAY_PREFIX = re.compile(r"^(?:\d{1,2}\s*日|同日|是日)(?:至\s*\d{1,2}\s*日)? ")


def cjk_spaces(texts: list[str], running: bool) -> int:
    n = 0
    for t in texts:
        if "\t" in t or bool(_RUNNING.search(t)) != running:
            continue
        n += len(_CJK_SPACE.findall(_DAY_PREFIX.sub("", t)))
    return n


DETECTORS = {
    "CJK–space–digit/Latin (mostly the print's number spacing)": re.compile(f"(?<=[{C}]) +(?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) +(?=[{C}])"),
    "half-width , : ; ? ! next to CJK": re.compile(f"(?<=[{C}])[,:;?!]|[,:;?!](?=[{C}])"),
    "half-width ( ) in a Chinese line": re.compile(r"[()]"),
    'straight " in a Chinese line': re.compile('"'),
    "HTML tags": re.compile(r"</?[a-zA-Z][^<>]*>"),
    "##…## CMS markers": re.compile(r"##[A-Za-z]+##"),
    "NBSP/ideographic spaces": re.compile("[\u00a0\u3000\u2002-\u200b]"),
    "'- ' list markers": re.compile(r"^[-•]\s"),
    "footnote superscripts (kept)": re.compile("[¹²³⁰⁴-⁹]"),
    "Myanmar က (OCR for 3)": re.compile("က"),
}
_CHINESE = re.compile(f"[{CJK}]")


def counts(lines) -> dict[str, int]:
    texts = [l.text for l in lines if l.kind != "break"]
    out = {
        "CJK–space–CJK in running text": cjk_spaces(texts, True),
        "CJK–space–CJK in lists/headings (deliberate)": cjk_spaces(texts, False),
    }
    for name, rx in DETECTORS.items():
        chinese_only = "line" in name
        out[name] = sum(len(rx.findall(t)) for t in texts if not chinese_only or _CHINESE.search(t))
    paras = [l for l in lines if l.text and l.kind in ("text",)]
    out["paragraphs cut mid-sentence"] = sum(
        1 for a, b in zip(paras, paras[1:]) if paragraphs._is_cut(a.text) and paragraphs._continues(b.text)
    )
    out["cut, next is new (left)"] = sum(
        1 for a, b in zip(paras, paras[1:]) if paragraphs._is_cut(a.text) and not paragraphs._continues(b.text)
    )
    out["caption lines (kind)"] = sum(1 for l in lines if l.kind == "caption")
    out["credit lines (kind)"] = sum(1 for l in lines if l.kind == "credit")
    return out


def main() -> None:
    specs = load_manifest(ROOT / "seeds" / "volumes.yml")
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    seconds = 0.0
    for spec in specs:
        for source in spec.sources:
            lines = read_lines(ROOT / "seeds" / source.file, source.file)
            t0 = time.perf_counter()
            repaired, _ = repair(lines)
            seconds += time.perf_counter() - t0
            for target, ls in ((before, lines), (after, repaired)):
                for k, v in counts(ls).items():
                    target[k] = target.get(k, 0) + v
    print("| defect class | before | after |")
    print("|---|---:|---:|")
    for k in before:
        print(f"| {k} | {before[k]} | {after[k]} |")
    print(f"\nrepair of all sources: {seconds:.2f} s")


if __name__ == "__main__":
    main()
