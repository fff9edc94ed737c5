"""Reader-site figures: axe-core violations per page type (hosted and offline at
desktop width, hosted at phone width), the 繁體 copy's time and size, and the site sizes.

    make site && .venv/bin/python benchmarks/reader_site.py [--no-axe]

Reads the built site/ and dist/ of the working tree (run `make site` first);
axe-core from node_modules/ (`npm ci`). Prints Markdown for benchmarks/RESULTS.md.
"""
from __future__ import annotations

import collections
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from build_scripts import traditional  # noqa: E402
from reader import address, axe_violations, serve_under  # noqa: E402
from test_accessibility import PAGE_TYPES  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    from playwright.sync_api import sync_playwright

    site = ROOT / "site"
    with tempfile.TemporaryDirectory() as tmp:
        offline = Path(tmp) / "offline"
        with zipfile.ZipFile(ROOT / "dist" / "yearbook-offline.zip") as zf:
            zf.extractall(offline)
        offline_index = (offline / "yearbook" / "index.html").as_uri()
        copy = Path(tmp) / "copy"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns(traditional.FOLDER))
        t0 = time.perf_counter()
        pages = traditional.write(copy)
        seconds = time.perf_counter() - t0
        if "--no-axe" in sys.argv:
            print(f"繁體 copy: {pages} pages converted in {seconds:.1f} s; zh-Hant/ {_size(copy / traditional.FOLDER) / 1e6:.1f} MB")
            return
        server, hosted = serve_under(site, "/")
        rows = []
        totals = collections.Counter()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for label, base in (("hosted", hosted), ("offline", offline_index)):
                for width in ((1280, 390) if label == "hosted" else (1280,)):
                    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
                    page = ctx.new_page()
                    for kind, url in PAGE_TYPES.items():
                        page.goto(address(base, url))
                        found = axe_violations(page)
                        rules = sorted(v["id"] for v in found)
                        totals[(label, width)] += len(rules)
                        if rules:
                            rows.append(f"| {label} | {width} | {kind} | {', '.join(rules)} |")
                    ctx.close()
            browser.close()
        server.shutdown()
    print(f"繁體 copy: {pages} pages converted in {seconds:.1f} s; zh-Hant/ {_size(site / traditional.FOLDER) / 1e6:.1f} MB")
    print(f"site/ {_size(site) / 1e6:.1f} MB, offline zip {(ROOT / 'dist' / 'yearbook-offline.zip').stat().st_size / 1e6:.2f} MB")
    print(f"page types checked: {len(PAGE_TYPES)}")
    for (label, width), n in sorted(totals.items()):
        print(f"axe serious/critical rule-page failures, {label} {width}px: {n}")
    print("\n| build | width | page type | serious/critical rules |\n|---|---|---|---|")
    print("\n".join(rows) or "| – | – | – | none |")


if __name__ == "__main__":
    main()
