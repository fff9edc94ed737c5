"""End to end: the audit accounts for every Chinese character of the sample."""
from __future__ import annotations

import collections
import json
import re

import pytest

from build_scripts.manifest import load_manifest
from build_scripts.reader import read_lines
from build_scripts.repair import repair

from project import ROOT

IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SPECS = load_manifest(ROOT / "seeds" / "volumes.yml")
SOURCES = [s.file for spec in SPECS for s in spec.sources]


def ideographs(text: str) -> collections.Counter:
    return collections.Counter(IDEOGRAPH.findall(text))


def net_removed(records: list[dict]) -> collections.Counter:
    """Characters the audit says were taken out (before minus after)."""
    removed = collections.Counter()
    for r in records:
        removed.update(IDEOGRAPH.findall(r["before"]))
        removed.subtract(IDEOGRAPH.findall(r["after"]))
    return removed


@pytest.fixture(scope="module")
def audit(built) -> dict:
    return json.loads((built / "site" / "data" / "audit.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_every_character_is_published_or_audited(built, audit, spec):
    """Per volume: each ideograph of the input is in the volume's generated
    pages, or the audit says why it was removed. Counts, not sets: losing one
    of two 的 fails."""
    files = {s.file for s in spec.sources}
    given = collections.Counter()
    for f in files:
        given += ideographs((ROOT / "seeds" / f).read_text(encoding="utf-8"))
    published = collections.Counter()
    for page in sorted((built / "docs" / spec.id).rglob("*.md")):
        published += ideographs(page.read_text(encoding="utf-8"))
    removed = net_removed([r for r in audit["records"] if r["file"] in files])
    missing = {c: n - removed[c] - published[c] for c, n in given.items() if n - removed[c] > published[c]}
    assert not missing, f"{sum(missing.values())} characters lost, e.g. {list(missing.items())[:10]}"


@pytest.mark.parametrize("name", SOURCES)
def test_repair_stage_balances_exactly(name):
    """Repaired lines plus the repair audit give back exactly the input's
    ideographs, per file."""
    lines = read_lines(ROOT / "seeds" / name, name)
    out, records = repair(lines)
    have = ideographs("".join(l.text for l in out))
    have.update(net_removed([r.as_dict() for r in records]))
    assert +have == ideographs("".join(l.text for l in lines))


def test_every_record_says_where_what_and_why(audit):
    assert audit["records"]
    for r in audit["records"]:
        assert r["file"] in SOURCES and r["line"] >= 1
        assert r["kind"] and r["reason"]
        assert r["before"] != r["after"] or r["kind"] == "ocr-suspect"
    totals = collections.Counter(r["kind"] for r in audit["records"])
    assert audit["totals"] == dict(sorted(totals.items()))


def test_editors_page_lists_every_kind_with_its_count(built, audit):
    html = (built / "site" / "audit" / "index.html").read_text(encoding="utf-8")
    for kind, n in audit["totals"].items():
        assert re.search(rf"<code>{re.escape(kind)}</code></td>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*>{n}</td>", html), kind
