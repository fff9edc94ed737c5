"""The exceptions the pipeline lets reach the user, and how they are shown.

Every problem with the input (a file, the manifest) is raised as InputError
with the file, the line where it applies, and a plain description (exit 2);
any other failure of a build step is a BuildError (exit 1). The command line
prints either as one line, never with a traceback.
"""
from __future__ import annotations

import contextlib
import signal

import unicodedata

# Bidirectional embedding/override/isolate controls (U+202A–202E, U+2066–2069):
# they reorder the text that follows on screen, so 'abc' can display as 'cba'
# and a title or file name can pose as another. Chinese text never needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def visible(text: str, limit: int = 120) -> str:
    """`text` made safe for one line of a terminal: control and format
    characters (newline, ESC of a terminal escape sequence, bidi overrides …)
    written as \\n or \\u202e instead of acting, long values cut."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    shown = "".join(out)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class YearbookError(Exception):
    """An error the command line reports in one line."""

    exit_code = 1


class InputError(YearbookError):
    """Bad input: names the file (and line) and the problem."""

    exit_code = 2

    def __init__(self, file: str, problem: str, line: int | None = None):
        self.file = file
        self.problem = problem
        self.line = line
        where = f"{file}:{line}" if line else file
        super().__init__(visible(f"{where}: {problem}", limit=400))


class BuildError(YearbookError):
    """A build step other than reading input failed (MkDocs, the file system,
    another build running in the same folder)."""

    def __init__(self, message: str):
        super().__init__(visible(message, limit=400))


class Interrupted(KeyboardInterrupt):
    """SIGTERM (what `timeout` and a CI cancel send) or SIGINT stopped the
    build. `published`: the new site had been put in place already."""

    def __init__(self, signum: int, published: bool = False):
        super().__init__(signum)
        self.signum = signum
        self.published = published


def worker_signals() -> None:
    """Initializer of every worker process the build forks (structure, tagging).

    A forked worker inherits the build's SIGTERM/SIGINT handlers, which raise
    `Interrupted`; the pool's own terminate() (when another worker's volume
    fails) sends SIGTERM and each worker would then print a traceback. A
    worker has nothing to undo: it dies on SIGTERM, and leaves Ctrl-C to the
    build process, which owns the clean-up.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # held while the build forked it (signals_held)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


_HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def signals_held():
    """SIGTERM and SIGINT held back in this process while it forks workers.

    A child inherits the build's handlers (they raise `Interrupted`) and keeps
    them until `worker_signals` runs, after multiprocessing's start-up code; a
    cancel or Ctrl-C arriving in between would print a traceback from that
    code (seen: the names process cancelled at once when the glossary stage
    failed). A child inherits the mask too, so such a signal waits until its
    handlers are the worker's; here it waits until the fork is done.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
