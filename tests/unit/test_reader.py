"""Reading seed files: the encodings editorial offices send are read alike;
anything that is not decodable text is refused with the file and line."""
from __future__ import annotations

import codecs

import pytest

from build_scripts.errors import InputError
from build_scripts.reader import read_lines

# A few lines in the shape of the sample: running head, 章 heading, 【】 entry, caption.
TEXT = (
    "某某区年鉴 2099\n"
    "\n"
    "党政机关\n"
    "【概况】 2099年,全区完成各项任务,群众满意度提高。\n"
    "3月4日,街道开展志愿服务活动 (街道办事处提供)\n"
)
LINES = TEXT.split("\n")


def _read(tmp_path, data: bytes, name: str = "book.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_lines(path)


def _error(tmp_path, data: bytes) -> InputError:
    with pytest.raises(InputError) as info:
        _read(tmp_path, data)
    return info.value


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(TEXT.encode("gb18030"), id="gb18030"),
        pytest.param(TEXT.encode("gbk"), id="gbk"),
        pytest.param(TEXT.encode("utf-16"), id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
    ],
)
def test_supported_encodings_read_to_the_same_lines(tmp_path, data):
    lines = _read(tmp_path, data)
    assert [l.text for l in lines] == LINES
    assert [l.lineno for l in lines] == list(range(1, len(LINES) + 1))
    assert all(l.file == "book.txt" for l in lines)


def test_gb18030_sample_reads_exactly_like_its_utf8_original(tmp_path):
    from project import ROOT

    original = (ROOT / "seeds" / "hexi-yearbook-2024.txt").read_text(encoding="utf-8")
    lines = _read(tmp_path, original.encode("gb18030"))
    assert "\n".join(l.text for l in lines) == original


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\r\n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE],
    ids=["zero-bytes", "whitespace", "utf-8-bom-only", "utf-16-bom-only"],
)
def test_empty_file_is_refused(tmp_path, data):
    assert "empty" in _error(tmp_path, data).problem


def test_binary_file_is_refused(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    err = _error(tmp_path, png)
    assert err.file == "book.txt" and "binary" in err.problem


def test_binary_without_nul_bytes_is_refused(tmp_path):
    data = bytes(range(128, 256)) * 4 + b"\x01\x02\x03"
    assert _error(tmp_path, data).file == "book.txt"


def test_control_characters_in_text_are_refused_with_their_line(tmp_path):
    err = _error(tmp_path, "第一行\n第二行\x07\n".encode("utf-8"))
    assert err.line == 2 and "U+0007" in err.problem


def test_utf16_without_bom_is_refused_not_misread(tmp_path):
    err = _error(tmp_path, TEXT.encode("utf-16-le"))
    assert "UTF-16" in err.problem


def test_utf8_file_cut_inside_a_character_is_refused_with_its_line(tmp_path):
    data = TEXT.encode("utf-8") + "最后一行被截断".encode("utf-8")[:-1]
    err = _error(tmp_path, data)
    assert err.line == len(LINES) and "truncated" in err.problem


def test_gbk_line_inside_a_utf8_file_is_refused(tmp_path):
    data = TEXT.encode("utf-8") + "这一行是GBK编码的文字\n".encode("gbk") + TEXT.encode("utf-8")
    err = _error(tmp_path, data)
    assert err.line == len(LINES) and "mixed" in err.problem


def test_utf8_line_inside_a_gbk_file_is_refused(tmp_path):
    data = TEXT.encode("gbk") + "这一行却是UTF-8编码的文字\n".encode("utf-8") + TEXT.encode("gbk")
    err = _error(tmp_path, data)
    assert err.line == len(LINES) and "mixed" in err.problem


def test_gb18030_file_cut_inside_a_character_is_refused(tmp_path):
    data = TEXT.encode("gb18030") + "截断".encode("gb18030")[:-1]
    assert _error(tmp_path, data).file == "book.txt"


def test_truncated_utf16_is_refused(tmp_path):
    data = TEXT.encode("utf-16")[:-1]
    assert "UTF-16" in _error(tmp_path, data).problem


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError) as info:
        read_lines(tmp_path / "nope.txt", "nope.txt")
    assert info.value.file == "nope.txt" and "not found" in info.value.problem


def test_error_message_is_one_line_naming_file_and_line(tmp_path):
    err = _error(tmp_path, "甲\n乙\x1b".encode("utf-8"))
    message = str(err)
    assert "\n" not in message and message.startswith("book.txt:2: ")


def test_a_seed_text_far_larger_than_any_yearbook_is_refused_without_reading_it(tmp_path):
    from build_scripts import reader

    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(reader.MAX_TEXT_BYTES + 1)  # sparse: takes no disk space
    with pytest.raises(InputError, match="MB limit"):
        read_lines(path, "huge.txt")
