"""Line rules, and runs of them over two cores (逐行修复).

Most repairs are line rules: each line's new text depends on that line alone
(and, for the wrap spaces, on a measure of the whole document taken before
the rule runs). `LineRepair` is such a processor; `run_in_halves` runs a run
of consecutive ones over a large file with the second half of its lines in
a forked process, while this one does the first half: a yearbook's line
rules are two thirds of the repair stage, and the stage is on the critical
path of the build. The result is the one of running the processors one
after the other over every line: the same lines, and the audit records in
the same order (each processor's records of the first half, then of the
second). Where fork is not available, no core is free (the load average),
or the file is small, the processors simply run one after the other here.
"""
from __future__ import annotations

import os
import pickle
import signal
from typing import Callable

from ..errors import signals_held, worker_signals
from ..model import AuditRecord, Line
from . import wrap

LineRule = Callable[[str, Line, list[AuditRecord]], str]

# Characters of text from which a run of line rules is worth a second
# process: forking and sending the half's changes back cost ≈ 10–20 ms, a
# run of rules over 100,000 characters of a yearbook ≈ 30–100 ms.
PARALLEL_FROM = 100_000


class LineRepair:
    """A processor applying a line rule to every text/caption/credit line
    (never a break line or an empty one). `measure`, if given, reads the
    whole document first (its lines as they reach this processor) and its
    answer is handed to the rule as a fourth argument."""

    def __init__(self, rule: Callable, measure: Callable[[list[Line]], object] | None = None, doc: str | None = None):
        self.rule = rule
        self.measure = measure
        self.__doc__ = doc or rule.__doc__

    def bind(self, lines: list[Line]) -> LineRule:
        """The rule as it applies to this document's lines."""
        if self.measure is None:
            return self.rule
        measured = self.measure(lines)
        return lambda text, line, audit: self.rule(text, line, audit, measured)

    def __call__(self, lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
        return apply(self.bind(lines), lines, audit)


def apply(rule: LineRule, lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """The rule over every line it repairs, in order."""
    out = []
    for line in lines:
        if line.kind == "break" or not line.text:
            out.append(line)
            continue
        text = rule(line.text, line, audit)
        # Most rules leave most lines as they are: keep the line then
        # (copying 40,000 lines per rule was a tenth of the stage).
        out.append(line if text == line.text else line.with_text(text))
    return out


def run_in_halves(processors: list[LineRepair], lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
    """The processors one after the other over `lines`, the second half of
    the lines in a forked process when the text is large enough."""
    size = sum(len(line.text) for line in lines)
    if size < PARALLEL_FROM or not _spare_core():
        for processor in processors:
            lines = processor(lines, audit)
        return lines
    # A measure reads the whole document: it is taken here, before the split
    # (only the first processor of a run may have one, see `runs`).
    rules = [processors[0].bind(lines)] + [p.rule for p in processors[1:]]
    cut = _middle(lines, size)
    child = _Half(rules, lines, cut)
    try:
        head, head_records = _run(rules, lines[:cut])
        tail, tail_records, splits = child.result()
    finally:
        child.close()
    wrap.SPLITS.update(splits)
    for mine, theirs in zip(head_records, tail_records):
        audit += mine
        audit += theirs
    return head + tail


def _run(rules: list[LineRule], lines: list[Line]) -> tuple[list[Line], list[list[AuditRecord]]]:
    """The rules one after the other over these lines, each rule's records apart."""
    records = []
    for rule in rules:
        audit: list[AuditRecord] = []
        lines = apply(rule, lines, audit)
        records.append(audit)
    return lines, records


def runs(processors: list) -> list[list]:
    """The processors in order, consecutive line repairs together in one run
    (a line repair with a measure opening a new one: its measure reads the
    lines the processors before it made); any other processor a run of its own."""
    out: list[list] = []
    for processor in processors:
        linewise = isinstance(processor, LineRepair)
        if linewise and out and isinstance(out[-1][-1], LineRepair) and processor.measure is None:
            out[-1].append(processor)
        else:
            out.append([processor])
    return out


def _middle(lines: list[Line], size: int) -> int:
    """The first line of the second half, by characters of text."""
    total = 0
    for i, line in enumerate(lines):
        total += len(line.text)
        if 2 * total >= size:
            return i + 1
    return len(lines)


def _spare_core() -> bool:
    """Fork is available and a core is free for the second process: the
    machine's load average (last minute) at most its cores less one. On a
    machine whose cores are all taken the second process only waits for
    one, and the split costs more than it saves (the sample's repair on two
    cores under a load of 4–5: 1.5 s against 1.35 s in one process)."""
    if not hasattr(os, "fork"):
        return False
    cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except OSError:  # no load average on this system: trust the cores
        load = 0.0
    return cores > 1 and load <= cores - 1


class _Half:
    """The lines from `cut` on, repaired in a forked process that sends back
    the texts it changed, its records and the word splits it looked up. If
    the process fails, `result` repairs them here: the same answer."""

    def __init__(self, rules: list[LineRule], lines: list[Line], cut: int) -> None:
        self._rules, self._lines, self._cut = rules, lines, cut
        self._pid = None
        read, write = os.pipe()
        # Held across the fork (errors.signals_held): the child has the build's
        # handlers until worker_signals replaces them.
        with signals_held():
            pid = os.fork()
            if pid == 0:  # the child: compute, send, exit without running the parent's cleanup
                status = 1
                try:
                    os.close(read)
                    worker_signals()  # Ctrl-C is the build's to handle; it stops this process (close)
                    known = len(wrap.SPLITS)
                    tail, records = _run(rules, lines[cut:])
                    changed = [(i, l.text) for i, (l, was) in enumerate(zip(tail, lines[cut:])) if l is not was]
                    splits = list(wrap.SPLITS.items())[known:]
                    # records as tuples of their fields: a fifth of the time to
                    # pickle of the records themselves (one constructor call each)
                    fields = [[tuple(vars(r).values()) for r in audit] for audit in records]
                    data = pickle.dumps((changed, fields, splits), protocol=pickle.HIGHEST_PROTOCOL)
                    with os.fdopen(write, "wb") as out:
                        out.write(data)
                    status = 0
                finally:
                    os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> tuple[list[Line], list[list[AuditRecord]], list]:
        with os.fdopen(self._read, "rb", closefd=False) as pipe:
            data = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        lines = self._lines[self._cut :]
        if status != 0 or not data:
            tail, records = _run(self._rules, lines)
            return tail, records, []
        changed, fields, splits = pickle.loads(data)
        records = [[AuditRecord(*f) for f in audit] for audit in fields]
        tail = list(lines)
        for i, text in changed:
            tail[i] = tail[i].with_text(text)
        return tail, records, splits

    def close(self) -> None:
        """Stop a child still running (this process is unwinding from an
        error or Ctrl-C) and release the pipe."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._pid = None
        try:
            os.close(self._read)
        except OSError:
            pass
