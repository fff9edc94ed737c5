"""Search benchmark in a real browser: the yearbook's search against stock
Material (lunr + jieba) built from the same pages on the same run.

    python -m build_scripts build && python benchmarks/search_bench.py [--runs N]

Measures, in headless Chromium (/usr/bin/chromium), each run in a fresh
context (cold cache), the site served over http://127.0.0.1 by
`python -m http.server` (one process per site):
  * readiness: when the search can answer, in ms after DOMContentLoaded
    (ours: window.yearbookSearch.readyAt — the page's volume loaded — and
    completeAt — every volume; stock: the first result of a query typed at
    the load event, since its worker does not report readiness);
  * query time: ours, the search plus rendering of the result list for each
    query of tests/browser/search_queries.tsv, in-page; stock, from the
    query's keyup to its result list (its worker is asynchronous);
  * bytes transferred before the first result of 垃圾分类, as served and as
    gzip (level 6) would serve them;
  * the offline bundle's readiness from file://;
  * scale: ten volumes of this size (the entries repeated under ten volume
    ids), readiness on a volume page and on the home page.
Prints a Markdown section for benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from build_scripts import search_index  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
QUERY = "垃圾分类"
# Stock Material's search as this project configured it before its own search.
STOCK_SEARCH = {"search": {"lang": "zh", "separator": "[\\s\\u200b\\-]"}}

FIRST_RESULT = """
new Promise(resolve => {
  const t = () => document.querySelector('.md-search-result__item') ? resolve(performance.now()) : requestAnimationFrame(t);
  t();
})"""


def serve(directory: Path) -> tuple[str, subprocess.Popen]:
    """`python -m http.server` in its own process (in this one it would share
    the interpreter lock with the Playwright driver and slow both sites)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return url, proc


def build_stock() -> Path:
    """Stock Material search over the same generated pages: the published
    docs/ (the build moves its staged pages there, so .build/docs is not whole)."""
    config = yaml.safe_load((ROOT / ".build" / "mkdocs-hosted.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"].pop("custom_dir", None)
    config["plugins"] = [STOCK_SEARCH]
    site = OUT / "stock-site"
    config["site_dir"] = str(site)
    path = OUT / "mkdocs-stock.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1704067200")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "-f", str(path)],
                   cwd=ROOT, env=env, check=True)
    return site


def build_ten_volumes(site: Path) -> Path:
    """Our site with an index ten times this sample: every entry under its
    own volume id and nine copies (…-copy1 … -copy9), so ten yearbooks and
    ten report volumes; the originals keep their ids, pages and links."""
    entries = json.loads((site / "data" / "entries.json").read_text(encoding="utf-8"))
    dest = OUT / "ten-volumes"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(site, dest)
    shutil.rmtree(dest / "search")
    records = [dict(e, volume=e["volume"] if n == 0 else f"{e['volume']}-copy{n}") for n in range(10) for e in entries]
    search_index.write(dest, records)
    return dest


def local_file(url: str, roots: dict[str, Path]) -> Path | None:
    for prefix, root in roots.items():
        if url.startswith(prefix):
            rel = unquote(urlparse(url).path).lstrip("/")
            path = root / rel
            return path / "index.html" if path.is_dir() else path
    return None


def bytes_before(page, at: float, roots) -> tuple[int, int]:
    """Bytes of every response finished before `at` (ms), raw and gzipped."""
    urls = page.evaluate(
        """at => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                 .filter(r => r.responseEnd <= at).map(r => r.name)""", at)
    raw = gz = 0
    for url in urls:
        path = local_file(url.split("#")[0], roots)
        if path and path.is_file():
            data = path.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, 6))
    return raw, gz


def dcl(page) -> float:
    return page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventStart")


def open_loaded(browser, url: str):
    """A fresh context on `url`, waited until every volume's index is in;
    returns it with DOMContentLoaded and the ready/complete times."""
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_function("window.yearbookSearch && yearbookSearch.completeAt !== null", timeout=60000)
    t0 = dcl(page)
    ready, complete = page.evaluate("[yearbookSearch.readyAt, yearbookSearch.completeAt]")
    return ctx, page, t0, ready, complete


def run_ours(browser, url: str, roots, queries: list[str]) -> dict:
    ctx, page, t0, ready, complete = open_loaded(browser, url)
    page.click("input.md-search__input")
    page.fill("input.md-search__input", QUERY)
    first = page.evaluate(FIRST_RESULT)
    raw, gz = bytes_before(page, first, roots)
    search_bytes = bytes_before_matching(page, first, roots, ("/search/", "search.js"))
    times = page.evaluate(
        """qs => {
             const box = document.querySelector('input.md-search__input'), out = [];
             for (const q of qs) {
               box.value = ''; box.dispatchEvent(new Event('input'));
               const t = performance.now();
               box.value = q; box.dispatchEvent(new Event('input'));
               out.push(performance.now() - t);
             }
             return out;
           }""", queries)
    count = page.evaluate("q => yearbookSearch.search(q).length", QUERY)
    ctx.close()
    return {"ready": ready - t0, "complete": complete - t0, "bytes": raw, "gz": gz,
            "search_bytes": search_bytes, "times": times, "count": count}


def bytes_before_matching(page, at, roots, needles) -> tuple[int, int]:
    urls = page.evaluate(
        "at => performance.getEntriesByType('resource').filter(r => r.responseEnd <= at).map(r => r.name)", at)
    raw = gz = 0
    for url in urls:
        if any(n in url for n in needles):
            path = local_file(url, roots)
            if path and path.is_file():
                data = path.read_bytes()
                raw += len(data)
                gz += len(gzip.compress(data, 6))
    return raw, gz


def run_stock(browser, url: str, roots, queries: list[str]) -> dict:
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    page.goto(url)
    t0 = dcl(page)
    page.click("input.md-search__input")
    page.fill("input.md-search__input", QUERY)
    first = page.evaluate(FIRST_RESULT)
    raw, gz = bytes_before(page, first, roots)
    search_bytes = bytes_before_matching(page, first, roots, ("/search/", "workers/"))
    meta = page.inner_text(".md-search-result__meta")
    times = []
    for q in queries:
        times.append(page.evaluate(
            """q => new Promise(resolve => {
                 const box = document.querySelector('input.md-search__input');
                 const list = document.querySelector('.md-search-result__list');
                 const t = performance.now();
                 const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now() - t); });
                 obs.observe(list, {childList: true});
                 box.value = q; box.dispatchEvent(new KeyboardEvent('keyup'));
                 setTimeout(() => { obs.disconnect(); resolve(null); }, 5000);
               })""", q))
    ctx.close()
    return {"ready": first - t0, "bytes": raw, "gz": gz, "search_bytes": search_bytes,
            "times": [t for t in times if t is not None], "meta": meta}


def run_ready_only(browser, url: str) -> dict:
    ctx, page, t0, ready, complete = open_loaded(browser, url)
    ctx.close()
    return {"ready": ready - t0, "complete": complete - t0}


def med(xs) -> float:
    return statistics.median(xs) if xs else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    site = ROOT / "site"
    if not (site / "search" / "manifest.js").is_file() or not (ROOT / ".build" / "docs").is_dir():
        sys.exit("build first: python -m build_scripts build")
    OUT.mkdir(exist_ok=True)
    queries = [l.split("\t")[1] for l in (ROOT / "tests/browser/search_queries.tsv").read_text(encoding="utf-8").splitlines()
               if l and not l.startswith("#")]
    stock_site = build_stock()
    ten = build_ten_volumes(site)
    offline = OUT / "offline"
    shutil.rmtree(offline, ignore_errors=True)
    with zipfile.ZipFile(ROOT / "dist" / "yearbook-offline.zip") as zf:
        zf.extractall(offline)
    ours_url, s1 = serve(site)
    stock_url, s2 = serve(stock_site)
    ten_url, s3 = serve(ten)
    roots = {ours_url: site, stock_url: stock_site}
    volume_page = json.loads((site / "data" / "entries.json").read_text(encoding="utf-8"))[0]["url"].split("/")[0] + "/"

    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        ours = [run_ours(browser, ours_url, roots, queries) for _ in range(args.runs)]
        stock = [run_stock(browser, stock_url, roots, queries) for _ in range(args.runs)]
        off = [run_ready_only(browser, (offline / "yearbook" / "index.html").as_uri()) for _ in range(args.runs)]
        ten_vol = [run_ready_only(browser, ten_url + volume_page) for _ in range(args.runs)]
        ten_home = [run_ready_only(browser, ten_url) for _ in range(args.runs)]
        browser.close()
    for server in (s1, s2, s3):
        server.terminate()
        server.wait()

    times = [t for r in ours for t in r["times"]]
    stimes = [t for r in stock for t in r["times"]]
    load = os.getloadavg()[0]
    mb = lambda b: f"{b / 1e6:.2f} MB"
    print(f"""### Search — {args.runs} cold runs each, load average {load:.1f} on {os.cpu_count()} cores

| | yearbook search | stock Material (lunr + jieba) |
|---|---|---|
| ready after DOMContentLoaded, median (ms) | {med([r['ready'] for r in ours]):.0f} (page's volume) / {med([r['complete'] for r in ours]):.0f} (all volumes) | {med([r['ready'] for r in stock]):.0f} (first result of a query typed at load) |
| query time, median / 95th pct (ms) | {med(times):.1f} / {sorted(times)[int(len(times) * .95)]:.1f} (search + render, {len(queries)} queries) | {med(stimes):.1f} / {sorted(stimes)[int(len(stimes) * .95)] if stimes else float('nan'):.1f} (keyup → list) |
| bytes before the first result of {QUERY}, all | {mb(med([r['bytes'] for r in ours]))} ({mb(med([r['gz'] for r in ours]))} gzipped) | {mb(med([r['bytes'] for r in stock]))} ({mb(med([r['gz'] for r in stock]))} gzipped) |
| … of which search index and engine | {mb(med([r['search_bytes'][0] for r in ours]))} ({mb(med([r['search_bytes'][1] for r in ours]))} gzipped) | {mb(med([r['search_bytes'][0] for r in stock]))} ({mb(med([r['search_bytes'][1] for r in stock]))} gzipped) |
| counter for {QUERY} | {ours[0]['count']} entries | “{stock[0]['meta'].strip()}” |
| offline bundle from file://, ready (ms) | {med([r['ready'] for r in off]):.0f} / {med([r['complete'] for r in off]):.0f} (all) | never starts (issue 2) |
| ten volumes, on a volume page: ready / all (ms) | {med([r['ready'] for r in ten_vol]):.0f} / {med([r['complete'] for r in ten_vol]):.0f} | — |
| ten volumes, on the home page: ready / all (ms) | {med([r['ready'] for r in ten_home]):.0f} / {med([r['complete'] for r in ten_home]):.0f} | — |
""")


if __name__ == "__main__":
    main()
