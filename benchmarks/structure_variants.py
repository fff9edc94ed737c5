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
- pages: share of 【】 entries given exactly the printed page the variant
  prints them on (variants with page numbers only);
- check: what `python -m build_scripts check` says (failures).
"""
from __future__ import annotations

import difflib
import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from build_scripts.check import check_volume  # noqa: E402
from build_scripts.manifest import load_manifest  # noqa: E402
from build_scripts.model import SourceSpec  # noqa: E402
from build_scripts.site import structure_volume  # noqa: E402
from build_scripts.structure.shapes import norm  # noqa: E402

import variants  # noqa: E402

# The repair stage makes ASCII marks full-width and pairs quotes: compare without them.
_ASCII = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！",
                        '"': "", "“": "", "”": "", "'": "", "‘": "", "’": ""})
_FURNITURE = re.compile(r"^\s*\d{1,4}\s*$|Page \d+ -|(?:^|\s)P\. ?\d+")


def structure(text: str, name: str):
    spec = next(s for s in load_manifest(ROOT / "seeds" / "volumes.yml") if s.kind == "yearbook")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"{name}.txt").write_text(text, encoding="utf-8")
        spec = replace(spec, sources=(SourceSpec(f"{name}.txt"),))
        return structure_volume(spec, Path(tmp))


def _key(text: str) -> str:
    return norm(text).translate(_ASCII).replace("“", "").replace("”", "")


def _entries(volume):
    return [(p.title, c, e) for p, c, e in volume.entries()]


def reference():
    """The sample's 【】 entries as the sample comes out: (key, 篇 key)."""
    raw = variants.SAMPLE.read_text(encoding="utf-8")
    bracketed = {_key(m) for m in re.findall(r"【([^【】]{1,60})】", raw)}
    volume = structure(raw, "sample")
    ref = [(_key(e.title), _key(p)) for p, _, e in _entries(volume) if _key(e.title) in bracketed]
    heads = set()
    for p, c, e in _entries(volume):
        heads |= {_key(e.title), _key(c.title or ""), _key(e.section or "")}
    return ref, heads


def measure(v, ref, heads) -> dict:
    t0 = time.perf_counter()
    volume = structure(v.text, v.name)
    seconds = time.perf_counter() - t0
    got = _entries(volume)
    keys = [_key(e.title) for _, _, e in got]
    want = [_key(v.rename(k)) for k, _ in ref]
    sm = difflib.SequenceMatcher(None, want, keys, autojunk=False)
    found = same_part = 0
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            found += 1
            same_part += _key(got[b + k][0]) == _key(v.rename(ref[a + k][1]))
    renamed = {_key(v.rename(h)) for h in heads}
    variant_heads = [h for _, c, e in got for h in (_key(e.title), _key(c.title or ""), _key(e.section or "")) if h]
    frag = sum(h not in renamed for h in set(variant_heads))
    texts = "\n".join(re.sub(r"\s+", "", b.text).translate(_ASCII) for _, _, e in got for b in e.blocks)
    texts += "\n".join(re.sub(r"\s+", "", b.text).translate(_ASCII) for b in volume.front_matter)
    # a cut inside an entry's title line straddles title and text: not a paragraph
    cuts = [c for c in v.cuts if not re.search("[【】]", c)]
    joined = sum(re.sub(r"\s+", "", c.replace("|", "")).translate(_ASCII) in texts for c in cuts)
    furniture = sum(
        bool(_FURNITURE.search(b.text)) or any(f in b.text for f in v.furniture)
        for _, _, e in got for b in e.blocks
    )
    pages = None
    if v.entry_pages:
        wanted = [_key(v.rename(t)) for t, _ in v.entry_pages]
        sm = difflib.SequenceMatcher(None, wanted, keys, autojunk=False)
        hits = sum(
            bool(got[b + k][2].pages) and got[b + k][2].pages[0] == v.entry_pages[a + k][1]
            for a, b, n in sm.get_matching_blocks() for k in range(n)
        )
        pages = hits / len(wanted)
    report = check_volume(volume)
    return {
        "entries": len(got), "parts": len(volume.parts),
        "recall": found / len(ref), "part_acc": same_part / len(ref),
        "frag": frag / max(1, len(set(variant_heads))), "frag_n": frag,
        "rejoin": joined / len(cuts) if cuts else None, "cuts": len(cuts),
        "furniture": furniture, "pages": pages,
        "check": "ok" if not report.failures() else "fails: " + ", ".join(report.failures()),
        "seconds": seconds,
    }


def main(argv: list[str]) -> int:
    names = argv or variants.VARIANTS
    ref, heads = reference()
    print(f"reference: {len(ref)} 【】 entries of the sample\n")
    print("| variant | entries | 篇 | recall | 篇 acc. | frag. headings | rejoin | furniture left | exact pages | check |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in names:
        m = measure(variants.make(name), ref, heads)
        rejoin = "–" if m["rejoin"] is None else f"{m['rejoin']:.3f} of {m['cuts']}"
        pages = "–" if m["pages"] is None else f"{m['pages']:.3f}"
        print(
            f"| {name} | {m['entries']} | {m['parts']} | {m['recall']:.3f} | {m['part_acc']:.3f} "
            f"| {m['frag']:.3f} ({m['frag_n']}) | {rejoin} | {m['furniture']} | {pages} | {m['check']} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
