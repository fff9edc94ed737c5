"""The build command (建站): the pipeline, then the publishing step.

    pipeline.py   manifest → volumes (read → repair → structure) → layout
                  → glossary → names (beside) → render → search → export
                  → indexes → data: the book
    output.py     MkDocs (hosted) → search index → 繁體 copy → offline bundle
                  → zip → publish.py's atomic swap into docs/, site/, dist/

A build whose inputs all match the last build's stamp is a stamp check.
"""
from __future__ import annotations

import gc
from pathlib import Path

from . import output, pipeline, publish, workers
from .cache import Cache, collector_paused
from .errors import BuildError, InputError
from .pipeline import Progress, structure_volume


def build(root: Path, progress=Progress()) -> dict:
    """Build everything; return figures for the caller to print."""
    root = root.resolve()
    with publish.lock(root):
        # A publish a kill interrupted is completed first: its staged site
        # lives in .build/, which this build is about to clear.
        publish.recover(root, progress)
        return _build(root, progress)


def _build(root: Path, progress) -> dict:
    cache = Cache(root)
    inputs = cache.inputs_hash()
    unchanged = cache.unchanged(inputs)
    if unchanged is not None:
        progress("unchanged: no input changed since the last build; docs/, site/ and dist/ are current")
        return unchanged
    # Every input (seeds, glossary-extra.yml, pinyin-phrases.yml, mkdocs.yml)
    # is read by the pipeline: bad input stops the build before anything is touched.
    # What the last build replaced is deleted meanwhile (publish.emptying_trash).
    with publish.emptying_trash(root / ".build") as recycled:
        # What the pipeline made lives until the book is published: out of
        # the cyclic collector's sight meanwhile (gc.freeze), the publishing
        # step's collections look only at what that step makes (a full one
        # walked the pipeline's objects too: ≈ 0.04 s). Frozen before the
        # collector, paused through the stages, runs again: its first
        # collection would walk everything the stages made (≈ 0.04 s of a
        # yearbook rebuild). Unfrozen after, for a caller that goes on
        # (tests build many times in one process).
        with collector_paused():
            book = pipeline.run(root, cache, progress, finish=False)
            gc.freeze()
        try:
            return output.publish_book(root, book, cache, inputs, progress, recycled)
        except BaseException:
            workers.drop_later()  # a failed build leaves no cache file to write
            raise
        finally:
            gc.unfreeze()
            book.finish()  # the names process's cache files, written meanwhile


__all__ = ["build", "structure_volume", "Progress", "BuildError", "InputError"]
