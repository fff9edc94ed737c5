"""Line rules, runs of them over two cores, and their answers kept (逐行修复).

Most repairs are line rules: each line's new text depends on that line alone
(and, for the wrap spaces, on a measure of the whole document taken before
the rule runs). `LineRepair` is such a processor. A run of consecutive ones
is applied line by line: each line goes through the run's rules one after
the other, and its answer — the new text and each rule's audit records — is
a function of the rules, the measure, the line's text and kind only (a rule
reads the line's file and number only to place its records). So:

- `LineMemo` keeps the answers across builds, by (rules, measure) and (kind,
  text), the records without their place (filled in again from the line),
  and a measure's tallies of each line (`Tally`): a rebuild after an edit
  repairs and measures only the lines that changed;
- `run_in_halves` repairs the second half of the lines still to repair in a
  forked process while this one does the first half, when they are many (a
  yearbook's cold build: its line rules are two thirds of the repair stage,
  which is on the critical path of the build).

The result is the one of running the processors one after the other over
every line: the same lines, and the audit records in the same order (each
processor's records, line after line). Where fork is not available, no core
is free (the load average), or the text to repair is small, it is all
repaired here.
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
# A line's answer: its new text and each rule's records as (kind, before,
# after, reason), in the run's order; None when no rule changed or audited it.
Answer = tuple[str, tuple[tuple[tuple[str, str, str, str], ...], ...]] | None

# Characters of text from which a run of line rules is worth a second
# process: forking and sending the half's changes back cost ≈ 10–20 ms, a
# run of rules over 100,000 characters of a yearbook ≈ 30–100 ms.
PARALLEL_FROM = 100_000


class Tally:
    """A measure of the whole document made of one tally per line:
    `of_text(text)` of each line of `kinds`, and `total(values)` of all
    their values, in order (wrap.segment_widths and wrap.column_of: the
    body column). A line's tally is a function of its text: LineMemo keeps
    them too, so a rebuild measures only the lines that changed."""

    def __init__(self, of_text: Callable[[str], tuple], total: Callable, kinds: tuple[str, ...]):
        self.of_text, self.total, self.kinds = of_text, total, kinds

    def __call__(self, lines: list[Line], memo: LineMemo | None = None):
        known, used = memo.tallies(self) if memo is not None else ({}, {})
        values = []
        for line in lines:
            if line.kind in self.kinds:
                tally = known.get(line.text)
                if tally is None:
                    tally = self.of_text(line.text)
                used[line.text] = tally
                values += tally
        return self.total(values)

    def name(self) -> str:
        return f"{self.of_text.__module__}.{self.of_text.__qualname__}:{','.join(self.kinds)}"


class LineRepair:
    """A processor applying a line rule to every text/caption/credit line
    (never a break line or an empty one). `measure`, if given (a Tally),
    reads the whole document first (its lines as they reach this processor) and its
    answer is handed to the rule as a fourth argument. The rule reads the
    line's text and kind; its file and number only to place its records."""

    def __init__(self, rule: Callable, measure: Tally | None = None, doc: str | None = None):
        self.rule = rule
        self.measure = measure
        self.__doc__ = doc or rule.__doc__

    def bind(self, measured) -> LineRule:
        """The rule as it applies to a document `measure` gave `measured` for."""
        if self.measure is None:
            return self.rule
        return lambda text, line, audit: self.rule(text, line, audit, measured)

    def __call__(self, lines: list[Line], audit: list[AuditRecord]) -> list[Line]:
        return run_in_halves([self], lines, audit)

    def name(self) -> str:
        return f"{self.rule.__module__}.{self.rule.__qualname__}"


class LineMemo:
    """The answers of runs of line rules (see the module's docstring), by the
    run — its rules' names and its measure — then by line (kind, text):
    `known` an earlier build's, `memo` what this build used, which the
    caller keeps for the next. The code's digest keys the file they are kept
    in (cache.py): a changed rule is never answered from an older one."""

    def __init__(self, known: dict | None = None):
        self.known = known or {}
        self.memo: dict[str, dict[tuple[str, str], Answer]] = {}
        self.asked = self.answered = self.missed = 0  # lines asked about, answered from `known`, repaired

    def table(self, processors: list[LineRepair], measured) -> tuple[dict, dict]:
        """The kept answers of this run over a document so measured, and the
        table this build's answers go into."""
        key = "\0".join([p.name() for p in processors] + [repr(measured)])
        return self.known.get(key, {}), self.memo.setdefault(key, {})

    def tallies(self, tally: Tally) -> tuple[dict, dict]:
        """The kept tallies of a measure by line text, and the table this build's go into."""
        key = _TALLY + tally.name()
        return self.known.get(key, {}), self.memo.setdefault(key, {})

    def worth_saving(self) -> bool:
        """Whether to write the memo for the next build: when this build
        repaired more than 1 % of the lines it asked about afresh, or a
        quarter of the kept answers went unused. Rewriting the whole memo
        (≈ 6 MB for a yearbook) for the few lines an edit changed costs more
        than repairing them again in the next builds; a line not kept is
        only repaired again, never answered wrongly."""
        kept = sum(len(table) for key, table in self.known.items() if not key.startswith(_TALLY))
        return self.missed > self.asked / 100 or self.answered < 0.75 * kept


_TALLY = "tally\0"  # the key of a measure's tallies in a LineMemo (the others are runs')


def run_in_halves(processors: list[LineRepair], lines: list[Line], audit: list[AuditRecord],
                  memo: LineMemo | None = None) -> list[Line]:
    """The processors one after the other over `lines` (their audit records
    appended to `audit`): each line's answer from `memo` when it has one,
    the others repaired here, the second half of them in a forked process
    when they are many."""
    # A measure reads the whole document: it is taken here, first (only the
    # first processor of a run may have one, see `runs`).
    measured = processors[0].measure(lines, memo) if processors[0].measure is not None else None
    rules = [processors[0].bind(measured)] + [p.rule for p in processors[1:]]
    known, used = memo.table(processors, measured) if memo is not None else ({}, {})
    answers: list[Answer] = [None] * len(lines)
    todo = []
    for i, line in enumerate(lines):
        if line.kind == "break" or not line.text:
            continue
        key = (line.kind, line.text)
        if key in known:
            answers[i] = used[key] = known[key]
        else:
            todo.append(i)
    if memo is not None:
        memo.asked += len(lines)
        memo.missed += len(todo)
        memo.answered += len(used)  # (the distinct kept answers used: no other is in it yet)
    for i, answer in zip(todo, _repaired(rules, [lines[i] for i in todo])):
        answers[i] = answer
        if memo is not None:
            used[lines[i].kind, lines[i].text] = answer
    return _assembled(lines, answers, len(rules), audit)


def _assembled(lines: list[Line], answers: list[Answer], count: int, audit: list[AuditRecord]) -> list[Line]:
    """The lines with their answers applied, and the records of each rule
    (in the run's order), line after line, appended to `audit`."""
    out = list(lines)
    answered = [(i, a) for i, a in enumerate(answers) if a is not None]
    for i, (text, _) in answered:
        if text != lines[i].text:
            out[i] = lines[i].with_text(text)
    for r in range(count):
        for i, (_, records) in answered:
            if records[r]:
                line = lines[i]
                audit += [AuditRecord(line.file, line.lineno, *fields) for fields in records[r]]
    return out


def _repaired(rules: list[LineRule], lines: list[Line]) -> list[Answer]:
    """Each line's answer, the second half of the lines in a forked process
    when the text is large enough."""
    size = sum(len(line.text) for line in lines)
    if size < PARALLEL_FROM or not _spare_core():
        return _run(rules, lines)
    cut = _middle(lines, size)
    child = _Half(rules, lines, cut)
    try:
        head = _run(rules, lines[:cut])
        tail, splits = child.result()
    finally:
        child.close()
    wrap.SPLITS.update(splits)
    return head + tail


def _run(rules: list[LineRule], lines: list[Line]) -> list[Answer]:
    """Each line's answer: the rules one after the other over it."""
    return [_answer(rules, line) for line in lines]


def _answer(rules: list[LineRule], line: Line) -> Answer:
    current = line
    records = []
    for rule in rules:
        audit: list[AuditRecord] = []
        if current.text:  # a rule that empties the line leaves it to no other
            text = rule(current.text, current, audit)
            if text != current.text:
                current = current.with_text(text)
        if any(r.file != line.file or r.line != line.lineno for r in audit):
            raise ValueError(f"a line rule placed a record off its line ({rule!r})")  # it could not be kept
        records.append(tuple((r.kind, r.before, r.after, r.reason) for r in audit))
    if current is line and not any(records):
        return None
    return current.text, tuple(records)


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
    their answers and the word splits it looked up. If the process fails,
    `result` repairs them here: the same answer."""

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
                    answers = _run(rules, lines[cut:])
                    changed = [(i, a) for i, a in enumerate(answers) if a is not None]
                    splits = list(wrap.SPLITS.items())[known:]
                    data = pickle.dumps((changed, splits), protocol=pickle.HIGHEST_PROTOCOL)
                    with os.fdopen(write, "wb") as out:
                        out.write(data)
                    status = 0
                finally:
                    os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> tuple[list[Answer], list]:
        with os.fdopen(self._read, "rb", closefd=False) as pipe:
            data = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        lines = self._lines[self._cut :]
        if status != 0 or not data:
            return _run(self._rules, lines), []
        changed, splits = pickle.loads(data)
        answers: list[Answer] = [None] * len(lines)
        for i, answer in changed:
            answers[i] = answer
        return answers, splits

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
