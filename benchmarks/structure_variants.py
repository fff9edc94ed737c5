"""Structure figures on the sample rewritten into other extractions' shapes.

    python benchmarks/structure_variants.py [variant …]     # table for benchmarks/RESULTS.md

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

def main(argv: list[str]) -> int:
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
