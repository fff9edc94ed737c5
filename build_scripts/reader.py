"""Stage 1, read: decode a seed file into numbered lines (读取).

Editorial offices send UTF-8 (with or without BOM), GB18030/GBK and sometimes
UTF-16; line ends may be CRLF. Anything else is rejected with an InputError
naming the file, never guessed at: a wrong guess would silently corrupt text.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from .errors import InputError
from .model import Line

# Control characters other than tab/newline/CR/form feed mean binary data, not text.
_BINARY = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f"}


def decode(data: bytes, name: str) -> str:
    """Decode bytes of a text file; raise InputError when it is not text."""
    if not data.strip():
        raise InputError(name, "file is empty")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(name, f"invalid UTF-16 at byte {exc.start}") from None
    elif b"\x00" in data:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    else:
        text = _decode_8bit(data, name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = next((i for i, ch in enumerate(text) if ch in _BINARY), None)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise InputError(name, f"control character U+{ord(text[bad]):04X}: binary data, not text", line)
    return text


def _decode_8bit(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            line = data.count(b"\n", 0, utf8_error.start) + 1
            raise InputError(
                name, "cannot decode as UTF-8 or GB18030 (truncated or mixed encodings)", line
            ) from None
        # GB18030 decodes almost any byte string; accept it only when the result
        # is mostly CJK text, else the file is really broken UTF-8 or binary.
        cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        visible = sum(1 for ch in text if not ch.isspace())
        if visible and cjk / visible < 0.3:
            line = data.count(b"\n", 0, utf8_error.start) + 1
            raise InputError(name, "not valid UTF-8 and does not read as GB18030 Chinese text", line)
        return text


def read_lines(path: Path, name: str | None = None) -> list[Line]:
    """Read a seed file into Line values numbered from 1."""
    name = name or path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    text = decode(data, name)
    return [Line(t, name, i) for i, t in enumerate(text.split("\n"), 1)]
