"""Stage 1, read: decode a seed file into numbered lines (读取).

Editorial offices send UTF-8 (with or without BOM), GB18030/GBK and sometimes
UTF-16 (with BOM); line ends may be CRLF or CR. Anything else is rejected with
an InputError naming the file (and line), never guessed at: a wrong guess would
silently corrupt text.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import InputError
from .model import Line

# Control characters other than tab/newline/CR/form feed mean binary data, not text.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# A line that is valid UTF-8 holding this many 3-byte characters (CJK) is UTF-8
# text: a GB18030 line of Chinese forms valid UTF-8 by chance with odds of about
# 0.02 per character, so three in a row mean a UTF-8 line inside a GB18030 file.
UTF8_LINE_MIN_CJK = 3
# Below this share of CJK among visible characters, a GB18030 decoding is not
# Chinese text but the mojibake of some other encoding or of binary data.
GB_MIN_CJK_SHARE = 0.3
# A whole yearbook is 5–50 MB of text; the build holds a file's text, lines and
# audit in memory several times over, so far larger input is refused up front
# (a wrong file, a disk image) instead of exhausting memory hours later.
MAX_TEXT_BYTES = 512 * 1024 * 1024


def decode(data: bytes, name: str) -> str:
    """Decode bytes of a text file; raise InputError when it is not text."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = _decode_utf16(data, name)
    elif b"\x00" in data:
        raise InputError(name, "binary file (NUL bytes), or UTF-16 without a byte-order mark; not text")
    else:
        text = _decode_8bit(data, name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(name, "file is empty")
    bad = _BINARY.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(name, f"control character U+{ord(bad.group()):04X}: binary data, not text", line)
    return text


def _decode_utf16(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"invalid UTF-16 at byte {exc.start} (truncated file?)") from None


def _decode_8bit(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        first_bad_line = data.count(b"\n", 0, utf8_error.start) + 1
        if _mostly_utf8(data):
            # Valid UTF-8 Chinese with some bytes that are not: a file cut in the
            # middle of a character, or lines pasted in another encoding.
            raise InputError(
                name, "invalid UTF-8 in a UTF-8 file (truncated, or mixed encodings)", first_bad_line
            ) from None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as gb_error:
        line = data.count(b"\n", 0, gb_error.start) + 1
        raise InputError(name, "cannot decode as UTF-8 or GB18030 (truncated or mixed encodings)", line) from None
    # GB18030 decodes almost any byte string; accept it only when the result
    # is mostly CJK text, else the file is really broken UTF-8 or binary.
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    visible = sum(1 for ch in text if not ch.isspace())
    if visible and cjk / visible < GB_MIN_CJK_SHARE:
        raise InputError(name, "not valid UTF-8 and does not read as GB18030 Chinese text", first_bad_line)
    utf8_line = _utf8_line(data)
    if utf8_line:
        raise InputError(name, "mixed encodings: a UTF-8 line in a GB18030/GBK file", utf8_line)
    return text


def _mostly_utf8(data: bytes) -> bool:
    """More characters decode as valid multi-byte UTF-8 than fail to."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good > bad


def _utf8_line(data: bytes) -> int | None:
    """Number of the first line of a GB18030 file that is really UTF-8 text."""
    for number, raw in enumerate(data.split(b"\n"), 1):
        if raw.isascii():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if sum(1 for ch in line if ord(ch) > 0x7FF) >= UTF8_LINE_MIN_CJK:
            return number
    return None


def read_lines(path: Path, name: str | None = None) -> list[Line]:
    """Read a seed file into Line values numbered from 1."""
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(name, f"file is {size / 2**20:.0f} MB, over the {MAX_TEXT_BYTES // 2**20} MB limit of a seed text")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "file not found") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a text file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    text = decode(data, name)
    return [Line(t, name, i) for i, t in enumerate(text.split("\n"), 1)]
