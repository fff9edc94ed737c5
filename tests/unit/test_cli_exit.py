"""The command line ends its process without the interpreter's teardown
(build_scripts/__main__.py `_exit`): what it printed still arrives, and the
exit status is the command's."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Output to a pipe stays in Python's buffers until flushed (as it does for a
# user; this sandbox sets PYTHONUNBUFFERED).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=60)


def test_the_fast_exit_flushes_the_output_and_keeps_the_status():
    code = ("import sys; from build_scripts.__main__ import _exit; "
            "print('built 3 entries', end=''); print('warning: x', file=sys.stderr, end=''); _exit(3)")
    done = _run([sys.executable, "-c", code])
    assert (done.returncode, done.stdout, done.stderr) == (3, "built 3 entries", "warning: x")


def test_output_whose_reader_has_gone_is_an_error_status_not_a_traceback():
    # `… build | true`: the figures line is still in the buffer when the pipe's reader has exited
    code = "import time; from build_scripts.__main__ import _exit; print('built 3 entries'); time.sleep(0.5); _exit(0)"
    done = _run(["bash", "-c", f'{sys.executable} -c "{code}" | true; echo "status ${{PIPESTATUS[0]}}" >&2'])
    assert done.stderr == "status 120\n"


def test_under_a_profiler_the_process_exits_as_usual_so_the_profile_is_written(tmp_path):
    code = tmp_path / "run.py"
    code.write_text("from build_scripts.__main__ import _exit\n_exit(0)\n", encoding="utf-8")
    done = _run([sys.executable, "-m", "cProfile", "-o", str(tmp_path / "out.prof"), str(code)])
    assert done.returncode == 0 and (tmp_path / "out.prof").stat().st_size > 0
