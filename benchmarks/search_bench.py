"""Search benchmark in a real browser: the yearbook's search against stock
Material (lunr + jieba) built from the same pages on the same run.

    python -m build_scripts build && python benchmarks/search_bench.py [--runs N] [--volumes 10,100]

Measures, in headless Chromium (/usr/bin/chromium), each run in a fresh
context (cold cache); sites served over http://127.0.0.1 by
`python -m http.server` (one process per site), the offline bundle from file://:
  * bytes of search (engine + index) a page view downloads when the reader
    never touches the search (ours: none; stock: its index and worker);
  * first keystroke → first result: the box is clicked (focus: ours starts
    loading then) and the first character of 垃圾分类 typed at once; the time
    from that keydown to the first result in the list, hosted and file://;
  * readiness: focus → the page's own volume searchable (ours, readyAt −
    startedAt) and → every volume loaded;
  * query time: ours, search + rendering of the result list for each query
    of tests/search/search_queries.tsv, in-page; stock, from the query's keyup
    to its result list (its worker is asynchronous);
  * bytes of search before the first result of 垃圾分类, as served and as
    gzip (level 6) would serve them;
  * scale: 10 and 100 generated volumes (the sample's entries repeated under
    new volume ids, index split per volume): on a volume page, focus → ready
    (own volume), → autoloaded (volumes within LIMITS["autoload_chars"]),
    query time then, and loadAll() (every volume, on the reader's request)
    with query time over all of them.
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
from build_scripts import search  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
QUERY = "垃圾分类"
BOX = "input.md-search__input"
# Stock Material's search as this project configured it before its own search.
STOCK_SEARCH = {"search": {"lang": "zh", "separator": "[\\s\\u200b\\-]"}}

# Installed before the reader acts: the time of the first keystroke in the box
# (its input event: Playwright types a Chinese character as text input, with
# no keydown) and of the first result item in the list.
WATCH = """() => {
  window.__kd = null; window.__first = null;
  document.addEventListener('input', () => { if (window.__kd === null) window.__kd = performance.now(); }, true);
  const t = () => {
    if (document.querySelector('.md-search-result__item')) window.__first = performance.now();
    else requestAnimationFrame(t);
  };
  t();
}"""


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


def build_library(site: Path, volumes: int) -> Path:
    """Our site with an index of `volumes` yearbooks of this sample's size:
    the sample's yearbook (its largest volume, ~0.49 M characters) under its
    own id and copies (…-copy1 …), each copy its own volume with its own index
    files; the original keeps its id, pages and links."""
    entries = json.loads((site / "data" / "entries.json").read_text(encoding="utf-8"))
    sizes: dict[str, int] = {}
    for e in entries:
        sizes[e["volume"]] = sizes.get(e["volume"], 0) + len(e["title"]) + len(e["text"])
    book = max(sizes, key=sizes.get)
    dest = OUT / f"library-{volumes}"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(site, dest, ignore=shutil.ignore_patterns("search"))
    records, metas = [], []
    for n in range(volumes):
        vid = book if n == 0 else f"{book}-copy{n}"
        metas.append({"id": vid, "title": f"{book} 第{n + 1}卷", "year": 2024 - n})
        records += [dict(e, volume=vid) for e in entries if e["volume"] == book]
    search.write(dest, records, volumes=metas)
    return dest


def local_file(url: str, roots: dict[str, Path]) -> Path | None:
    for prefix, root in roots.items():
        if url.startswith(prefix):
            rel = unquote(urlparse(url).path).lstrip("/") if prefix.startswith("http") else None
            if rel is None:
                return Path(unquote(urlparse(url).path))
            path = root / rel
            return path / "index.html" if path.is_dir() else path
    return None


def search_bytes(page, roots, needles, until=None) -> tuple[int, int]:
    """Bytes (raw, gzipped) of resources whose URL holds one of `needles`,
    finished before `until` (ms) if given."""
    urls = page.evaluate(
        """at => performance.getEntriesByType('resource').filter(r => at === null || r.responseEnd <= at).map(r => r.name)""",
        until)
    raw = gz = 0
    for url in urls:
        if any(n in url for n in needles):
            path = local_file(url.split("#")[0].split("?")[0], roots)
            if path and path.is_file():
                data = path.read_bytes()
                raw += len(data)
                gz += len(gzip.compress(data, 6))
    return raw, gz


def idle_bytes(browser, url, roots, needles) -> tuple[int, int]:
    """A page view without search: loaded, scrolled, 1.5 s idle."""
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.mouse.wheel(0, 800)
    page.wait_for_timeout(1500)
    got = search_bytes(page, roots, needles)
    ctx.close()
    return got


def first_keystroke(browser, url, roots, needles, ours: bool) -> dict:
    """Cold: click the box, type the first character at once; keystroke → first result."""
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate(WATCH)
    page.click(BOX)
    page.keyboard.type(QUERY[0])
    page.wait_for_function("window.__first !== null", timeout=60000)
    kd, first = page.evaluate("[window.__kd, window.__first]")
    out = {"first": first - kd, "bytes": search_bytes(page, roots, needles, first)}
    if ours:
        # every volume within the autoload budget (all of a small library)
        page.wait_for_function("window.yearbookSearch && yearbookSearch.autoloadedAt !== undefined", timeout=120000)
        started, ready, complete = page.evaluate("[yearbookSearch.startedAt, yearbookSearch.readyAt, yearbookSearch.autoloadedAt]")
        out.update(ready=ready - started, complete=complete - started)
    ctx.close()
    return out


QUERY_TIMES = """qs => {
  const box = document.querySelector('input.md-search__input'), out = [];
  for (const q of qs) {
    box.value = ''; box.dispatchEvent(new Event('input'));
    const t = performance.now();
    box.value = q; box.dispatchEvent(new Event('input'));
    out.push(performance.now() - t);
  }
  return out;
}"""


def query_times_ours(browser, url, queries, load_all=False) -> dict:
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    page.goto(url)
    page.click(BOX)
    page.wait_for_function("window.yearbookSearch && yearbookSearch.readyAt !== null && yearbookSearch.autoloadedAt !== undefined", timeout=300000)
    started, ready, auto = page.evaluate("[yearbookSearch.startedAt, yearbookSearch.readyAt, yearbookSearch.autoloadedAt]")
    out = {"ready": ready - started, "autoloaded": auto - started,
           "loaded_volumes": page.evaluate("Object.values(yearbookSearch.volumeState).filter(s => s === 'loaded').length"),
           "times": page.evaluate(QUERY_TIMES, queries)}
    if load_all:
        t = page.evaluate("() => new Promise(r => { const t = performance.now(); yearbookSearch.loadAll(() => r(performance.now() - t)); })")
        out["all"] = t
        out["all_times"] = page.evaluate(QUERY_TIMES, queries)
        out["heap"] = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : null")
    ctx.close()
    return out


def query_times_stock(browser, url, queries) -> list[float]:
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    page.goto(url)
    page.click(BOX)
    page.fill(BOX, QUERY)
    page.wait_for_selector(".md-search-result__item", timeout=60000)
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
    return [t for t in times if t is not None]


def med(xs) -> float:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


def p95(xs) -> float:
    xs = sorted(xs)
    return xs[int(len(xs) * 0.95)] if xs else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--volumes", default="10,100", help="library sizes to generate, comma-separated")
    args = parser.parse_args()
    site = ROOT / "site"
    if not (site / "search" / "manifest.js").is_file() or not (ROOT / ".build" / "mkdocs-hosted.yml").is_file():
        sys.exit("build first: python -m build_scripts build")
    OUT.mkdir(exist_ok=True)
    queries = [l.split("\t")[1] for l in (ROOT / "tests/search/search_queries.tsv").read_text(encoding="utf-8").splitlines()
               if l and not l.startswith("#")]
    stock_site = build_stock()
    offline = OUT / "offline"
    shutil.rmtree(offline, ignore_errors=True)
    with zipfile.ZipFile(ROOT / "dist" / "yearbook-offline.zip") as zf:
        zf.extractall(offline)
    sizes = [int(v) for v in args.volumes.split(",") if v]
    libraries = {n: build_library(site, n) for n in sizes}
    ours_url, s1 = serve(site)
    stock_url, s2 = serve(stock_site)
    lib_servers = {n: serve(path) for n, path in libraries.items()}
    offline_url = (offline / "yearbook" / "index.html").as_uri()
    roots = {ours_url: site, stock_url: stock_site, "file://": offline}
    ours_needles = ("/search/",)
    stock_needles = ("/search/", "workers/")
    volume_page = json.loads((site / "data" / "entries.json").read_text(encoding="utf-8"))[0]["url"].split("/")[0] + "/"

    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            idle_ours = [idle_bytes(browser, ours_url, roots, ours_needles) for _ in range(2)]
            idle_stock = [idle_bytes(browser, stock_url, roots, stock_needles) for _ in range(2)]
            idle_off = [idle_bytes(browser, offline_url, roots, ours_needles) for _ in range(2)]
            ours = [first_keystroke(browser, ours_url, roots, ours_needles, True) for _ in range(args.runs)]
            off = [first_keystroke(browser, offline_url, roots, ours_needles, True) for _ in range(args.runs)]
            stock = [first_keystroke(browser, stock_url, roots, stock_needles, False) for _ in range(args.runs)]
            qt = query_times_ours(browser, ours_url, queries)
            sqt = query_times_stock(browser, stock_url, queries)
            lib = {}
            for n, (url, _) in lib_servers.items():
                cold = [first_keystroke(browser, url + volume_page, {url: libraries[n]}, ours_needles, True)
                        for _ in range(max(1, args.runs // 2))]
                lib[n] = {"cold": cold, "q": query_times_ours(browser, url + volume_page, queries, load_all=True)}
            browser.close()
    finally:
        for server in [s1, s2] + [proc for _, proc in lib_servers.values()]:  # also on failure
            server.terminate()
            server.wait()

    load = os.getloadavg()[0]
    mb = lambda b: f"{b / 1e6:.2f} MB"
    pair = lambda rs, k: f"{mb(med([r[k][0] for r in rs]))} ({mb(med([r[k][1] for r in rs]))} gzipped)"
    idle = lambda rs: f"{mb(med([r[0] for r in rs]))}"
    lines = [f"### Search — {args.runs} cold runs each, load average {load:.1f} on {os.cpu_count()} cores", "",
             "| | yearbook search | stock Material (lunr + jieba) |", "|---|---|---|",
             f"| search bytes of a page view that never touches the search | hosted {idle(idle_ours)}, file:// {idle(idle_off)} | {idle(idle_stock)} |",
             f"| first keystroke → first result, cold, median / max (ms) | hosted {med([r['first'] for r in ours]):.0f} / {max(r['first'] for r in ours):.0f}; file:// {med([r['first'] for r in off]):.0f} / {max(r['first'] for r in off):.0f} | {med([r['first'] for r in stock]):.0f} / {max(r['first'] for r in stock):.0f} |",
             f"| focus → page's volume ready / all volumes loaded, median (ms) | hosted {med([r['ready'] for r in ours]):.0f} / {med([r['complete'] for r in ours]):.0f}; file:// {med([r['ready'] for r in off]):.0f} / {med([r['complete'] for r in off]):.0f} | — |",
             f"| search bytes before the first result of {QUERY[0]} | {pair(ours, 'bytes')} | {pair(stock, 'bytes')} |",
             f"| query time, median / 95th pct (ms), {len(queries)} queries | {med(qt['times']):.1f} / {p95(qt['times']):.1f} (search + render) | {med(sqt):.1f} / {p95(sqt):.1f} (keyup → list) |",
             ""]
    if lib:
        lines += ["Generated libraries (the sample's yearbook, 0.49 M characters, repeated under new ids, index split",
                  "per volume, on a volume page; autoload budget `LIMITS[\"autoload_chars\"]` = "
                  f"{search.LIMITS['autoload_chars']:,} characters):", "",
                  "| volumes | first keystroke → first result (ms) | focus → own volume ready (ms) | → autoloaded (volumes) | query median / p95, autoloaded (ms) | loadAll() (ms) | query median / p95, all volumes (ms) | JS heap, all |",
                  "|---|---|---|---|---|---|---|---|"]
        for n, r in lib.items():
            q = r["q"]
            lines.append(f"| {n} | {med([c['first'] for c in r['cold']]):.0f} | {q['ready']:.0f} | {q['autoloaded']:.0f} ({q['loaded_volumes']}) | "
                         f"{med(q['times']):.1f} / {p95(q['times']):.1f} | {q['all']:.0f} | {med(q['all_times']):.1f} / {p95(q['all_times']):.1f} | "
                         f"{(q['heap'] or 0) / 1e6:.0f} MB |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
