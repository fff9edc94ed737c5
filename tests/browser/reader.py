"""Helpers of the reader-site browser tests: page addresses in both builds,
a host that serves the site under a deep path with a 404 fallback, and axe-core."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from project import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def offline_page(offline_index: str, url: str) -> str:
    """file:// address in the unzipped bundle of a hosted site-relative URL
    (a/b/ → a/b.html, or a/b/index.html for a section's index page)."""
    base = offline_index[: -len("index.html")]
    path, _, anchor = url.partition("#")
    root = Path(base[len("file://"):])
    if not path:
        rel = "index.html"
    elif path.endswith("/") and (root / (path[:-1] + ".html")).is_file():
        rel = path[:-1] + ".html"
    elif path.endswith("/"):
        rel = path + "index.html"
    else:
        rel = path
    return base + rel + (f"#{anchor}" if anchor else "")


def address(site: str, url: str) -> str:
    """The page `url` (hosted site-relative) on `site` (hosted base or offline index)."""
    if site.startswith("file://"):
        return offline_page(site, url)
    return site + url


class _Host(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX; anything missing gets 404.html, status 404
    (what a web host configured for the site does)."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def send_head(self):
        if not self.path.startswith(self.prefix):
            return self._not_found()
        self.path = "/" + self.path[len(self.prefix):]
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not (target / "index.html").is_file() or not target.exists():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve_under(site: Path, prefix: str):
    """(server, base URL) of `site` served under `prefix` (e.g. /a/b/yearbook/)."""
    handler = functools.partial(type("Host", (_Host,), {"prefix": prefix}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """axe-core's violations of the loaded page at the given impacts."""
    if not AXE.is_file():
        raise AssertionError(f"{AXE} is missing: `make test` installs it (npm ci, package-lock.json)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [v for v in result if v["impact"] in impacts]
