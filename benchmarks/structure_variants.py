"""Structure figures on the sample rewritten into other extractions' shapes.

    python benchmarks/structure_variants.py [variant …]     # table for benchmarks/RESULTS.md
    python benchmarks/structure_variants.py --corpus        # the real pages of tests/fixtures/corpus/

Each variant of tests/variants.py (no running heads, page furniture, line per
printed line, …) is read, repaired and structured like a real volume, and
compared with the sample's own 【】 entries as the sample itself comes out:

- recall: share of the sample's 【】 entries found (title, in order);
- 篇 acc.: share found under the same 篇 as in the sample;
- frag.: headings (章, 分目, 条目 titles) the sample does not have, as a share
  of the variant's headings — wrapped fragments taken for headings;
- rejoin: share of the paragraphs the variant cut (a page break, a printed
  line end) that come out whole again;
- furniture: running heads / page numbers / flipbook marks left in entry text;
- spaced: letter-spaced paragraphs left;
- pages: share of 【】 entries given exactly the printed page the variant
  prints them on (variants with page numbers only);
- check: what `python -m build_scripts check` says (failures).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import variants  # noqa: E402

def corpus() -> int:
    """Per real page: entries expected (tests/unit/test_structure_corpus.py,
    from the corpus README), found with their text, invented, furniture
    lines left in entries, ideographs lost."""
    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    import re
    import test_structure_corpus as t  # noqa: E402

    print("| page | expected | found with text | invented | furniture left | ideographs lost |")
    print("|---|---|---|---|---|---|")
    names = sorted(t.ENTRIES) + ["yueyang-dsj-1629673"]
    totals = [0, 0, 0, 0, 0]
    for name in names:
        raw, volume = t._structure(name)
        got = t._titled(volume)
        want = t.ENTRIES.get(name)
        if want is None:  # the month page's events are checked by their dates in its own test
            want = [(e.title, "") for e in got]
        found = sum(1 for e, (title, words) in zip(got, want)
                    if e.title == title and words in re.sub(r"\s+", "", e.text).replace("“", "").replace("”", ""))
        invented = max(0, len(got) - len(want))
        left = sum(1 for _, _, e in volume.entries() for b in e.blocks
                   if t._FURNITURE.match(b.text.strip()) and t._FURNITURE.match(raw[b.line - 1].text.strip()))
        shown = "".join(b.text for b in volume.front_matter)
        for p, c, e in volume.entries():
            shown += "".join([p.title, c.title or "", e.title, e.section or "", e.source or ""] + [b.text for b in e.blocks])
        shown += "".join(r.before for r in volume.audit)
        need = t._CJK.findall("".join(l.text for l in raw) + "".join(r.after for r in volume.audit))
        have = {}
        for ch in t._CJK.findall(shown):
            have[ch] = have.get(ch, 0) + 1
        lost = 0
        for ch in need:
            if have.get(ch, 0) > 0:
                have[ch] -= 1
            else:
                lost += 1
        row = [len(want), found, invented, left, lost]
        totals = [a + b for a, b in zip(totals, row)]
        print(f"| {name} | " + " | ".join(map(str, row)) + " |")
    print("| all 18 | " + " | ".join(map(str, totals)) + " |")
    return 0


def main(argv: list[str]) -> int:
    if argv == ["--corpus"]:
        return corpus()
    names = argv or variants.VARIANTS
    ref, heads = variants.reference()
    print(f"reference: {len(ref)} 【】 entries of the sample\n")
    print("| variant | entries | 篇 | recall | 篇 acc. | frag. headings | rejoin | furniture left | spaced left | exact pages | check | s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in names:
        m = variants.measure(variants.make(name), ref, heads)
        rejoin = "–" if m["rejoin"] is None else f"{m['rejoin']:.3f} of {m['cuts']}"
        pages = "–" if m["pages"] is None else f"{m['pages']:.3f}"
        print(
            f"| {name} | {m['entries']} | {m['parts']} | {m['recall']:.3f} | {m['part_acc']:.3f} "
            f"| {m['frag']:.3f} ({m['frag_n']}) | {rejoin} | {m['furniture']} | {m['spaced']} | {pages} | {m['check']} | {m['seconds']:.1f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
