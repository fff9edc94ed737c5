"""The one exception type the pipeline lets reach the user.

Every problem with the input (a file, the manifest) is raised as InputError
with the file, the line where it applies, and a plain description; the command
line prints it as one line and exits non-zero, never with a traceback.
"""
from __future__ import annotations


class InputError(Exception):
    """Bad input: names the file (and line) and the problem."""

    def __init__(self, file: str, problem: str, line: int | None = None):
        self.file = file
        self.problem = problem
        self.line = line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {problem}")
