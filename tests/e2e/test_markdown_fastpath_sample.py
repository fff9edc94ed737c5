"""End to end: every Markdown page of the built sample converts to the same
HTML with the inline and block fast paths (build_scripts/inline_fastpath.py,
block_fastpath.py) as with Python-Markdown alone, under the site's own
Markdown settings (mkdocs.yml, with MkDocs' built-in extensions)."""
from __future__ import annotations

import markdown

from build_scripts.manifest import load_site_config

FAST_PATHS = ["build_scripts.inline_fastpath", "build_scripts.block_fastpath"]
MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]


def _settings(root) -> tuple[list[str], dict]:
    """mkdocs.yml's markdown_extensions as Python-Markdown takes them."""
    names, configs = list(MKDOCS_BUILTINS), {}
    for item in load_site_config(root).get("markdown_extensions") or []:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        if config:
            configs[name] = config
    return names, configs


def test_every_page_of_the_sample_converts_the_same_with_the_fast_paths(built):
    names, configs = _settings(built)
    pages = sorted((built / "docs").rglob("*.md"))
    assert len(pages) > 100
    differing = []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        stock = markdown.Markdown(extensions=names, extension_configs=configs).convert(text)
        fast = markdown.Markdown(extensions=names + FAST_PATHS, extension_configs=configs).convert(text)
        if fast != stock:
            differing.append(path.relative_to(built / "docs").as_posix())
    assert differing == []
