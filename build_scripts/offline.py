"""The offline bundle (离线包), derived from the finished hosted site.

The hosted site has directory URLs (a/b.md → a/b/index.html, linked as a/b/);
from file:// a browser opens no index.html for a folder, so the bundle has
MkDocs' other layout (a/b.md → a/b.html), which is what a second MkDocs run
with `use_directory_urls: false` would write. Instead of that run, each hosted
page is copied to its offline path with its relative links rewritten: every
href/src and the theme's base and worker paths (`__config`) are resolved
against the page's hosted URL, mapped to the target's offline file and made
relative to the page's offline path again. Everything else — page text,
navigation, scripts — is the hosted build's, so the two cannot drift apart.

Besides the links, the bundle differs in what a file:// copy must not carry:
no canonical links or sitemap (they name the host), and it loads the vendored
iframe-worker shim (Material's offline plugin would otherwise add a CDN copy).
"""
from __future__ import annotations

import hashlib
import posixpath
import re

from .layout import page_urls

SHIM = "assets/javascripts/iframe-worker-shim.js"  # vendored npm iframe-worker (MIT)
SKIP = ("sitemap.xml", "sitemap.xml.gz")  # host-only files
MIRRORS = ("zh-Hant/",)  # trees that repeat the site's layout one folder down (traditional.py)
# The hosted search index (search/, zh-Hant/search/): the bundle has its own,
# written for file:// (search.index), neither copied nor linked to by a page.
SEARCH = tuple(f"{m}search/" for m in ("", *MIRRORS))

# A quoted relative path in an attribute: no scheme, not root-absolute, not a
# bare #fragment, and no character of a script expression (quotes, +, spaces),
# so an inline script's href="'+root+'" is left alone.
# (One pattern per attribute: a pattern that starts with a literal is searched
# for fast; an alternation is tried at every position of a 4 MB page.)
_ATTRS = [re.compile(f' ({name})="' + r'([^"#?:\'+\s(){}<>\\]*)([?#][^"\s]*)?"') for name in ("href", "src")]
# Paths in the theme's and the search partial's inline scripts ("../../search/search.js",
# the storage scope "../.."): written for the page's hosted folder.
# (No look-behind for the = of an attribute: it would be tried at every position;
# the callback looks at the character before instead.)
_SCRIPT_PATH = re.compile(r'"(\.\.(?:/\.\.)*|\.\./(?:\.\./)*[A-Za-z0-9_.~/-]*)"')
# The theme's base (its __config): the site root as a folder. (Its worker path,
# "search": "../…", is one of the script paths below.)
_CONFIG_PATH = re.compile(r'("base": ")([^"]*)(")')
_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">\s*')


def relative(target: str, start: str) -> str:
    """posixpath.relpath(target, start) for two normalised paths inside the
    site ("" or "." for its root). relpath makes both absolute first, asking
    the system for the working folder each time: half the derivation's
    time, on pages with thousands of links."""
    to = [part for part in target.split("/") if part and part != "."]
    start_parts = [part for part in start.split("/") if part and part != "."]
    common = 0
    for a, b in zip(to, start_parts):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + to[common:]) or "."


def bundled(rel: str) -> bool:
    """Whether a file of the hosted site (zh-Hant/ included) has its copy in the bundle."""
    return rel not in SKIP and not rel.startswith(SEARCH)


class Derivation:
    """The mapping of hosted page URLs to offline files of one build."""

    def __init__(self, md_paths, hosted_files: set[str]):
        self.files = hosted_files  # every file of the hosted site, posix paths
        # What every page's copy depends on besides its own HTML and path.
        layout = "\n".join(sorted(md_paths)) + "\0" + "\n".join(sorted(hosted_files))
        self.key = hashlib.sha256(layout.encode("utf-8")).hexdigest()
        self.pages: dict[str, str] = {}  # hosted URL ("" for the home, "a/b/") → offline file
        for md in md_paths:
            hosted, offline = page_urls(md)
            for mirror in ("", *MIRRORS):
                self.pages[mirror + hosted] = mirror + offline
        self._memo: dict[tuple[str, str, str], str] = {}

    def offline_path(self, hosted_file: str) -> str:
        """Where a file of the hosted site goes in the bundle."""
        if hosted_file.endswith("index.html"):
            url = hosted_file[: -len("index.html")]
            return self.pages.get(url, hosted_file)
        return hosted_file

    def _target(self, resolved: str, directory: bool) -> tuple[str, bool]:
        """The offline file (or folder) a resolved hosted path points at."""
        url = "" if resolved in (".", "") else resolved + "/"
        if url in self.pages and (directory or resolved not in self.files):
            return self.pages[url], False
        if resolved in self.files:
            return resolved, False
        if url + "index.html" in self.files:
            return url + "index.html", False
        return resolved, directory

    def link(self, value: str, hosted_dir: str, offline_dir: str) -> str:
        """A relative link of a page at hosted_dir, rewritten for the page at offline_dir."""
        key = (value, hosted_dir, offline_dir)
        out = self._memo.get(key)
        if out is None:
            resolved = posixpath.normpath(posixpath.join(hosted_dir, value))
            if not value or value.startswith("/") or resolved.startswith(".."):
                out = value  # a same-page #fragment, root-absolute, or outside the site: not ours
            else:
                directory = value.endswith("/") or posixpath.basename(value) in (".", "..")
                target, is_dir = self._target(resolved, directory)
                out = relative(target, offline_dir)
                if is_dir and not out.endswith("/"):
                    out += "/"
            self._memo[key] = out
        return out

    def page(self, html: str, hosted_file: str) -> str:
        """One hosted HTML file as its offline copy."""
        hosted_dir = posixpath.dirname(hosted_file)
        offline_file = self.offline_path(hosted_file)
        offline_dir = posixpath.dirname(offline_file)
        # The site root as a folder (the theme's base, its storage scope): a
        # mirror (zh-Hant/) is a whole site of its own, assets included.
        root = next((m.rstrip("/") for m in MIRRORS if offline_file.startswith(m)), ".")
        base = posixpath.relpath(root, offline_dir or ".")

        def attr(m: re.Match) -> str:
            return f' {m.group(1)}="{self.link(m.group(2), hosted_dir, offline_dir)}{m.group(3) or ""}"'

        def script(m: re.Match) -> str:
            if m.start() and m.string[m.start() - 1] == "=":  # an attribute, done above
                return m.group()
            value = m.group(1)
            if value.rstrip("./") == "":  # only ../ steps: the site root, as a folder
                return f'"{base}"'
            return f'"{self.link(value, hosted_dir, offline_dir)}"'

        def config(m: re.Match) -> str:
            value = m.group(2)
            return m.group(1) + (value if value.startswith("/") else base) + m.group(3)

        for pattern in _ATTRS:
            html = pattern.sub(attr, html)
        if hosted_dir != offline_dir:
            html = _SCRIPT_PATH.sub(script, html)
        html = _CONFIG_PATH.sub(config, html, count=1)
        html = _CANONICAL.sub("", html, count=1)
        shim = posixpath.relpath(SHIM, offline_dir or ".")
        return html.replace("</head>", f'  <script src="{shim}"></script>\n  </head>', 1)
