"""Files saved by Windows editors: UTF-16 with a BOM (Notepad's "Unicode"), UTF-8 with a
BOM, Windows-1258 (detected, and said), CRLF line ends kept by ``thidua new``; the same for
the text files ``thidua import`` and ``thidua convert-legacy`` read, where Windows-1258
must not take TCVN3 or VNI bytes, nor they it."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import DATA, REFERENCE, REPO, document_paragraphs, need, open_docx
from helpers import cp1258
from legacy_text import iconv_available, tcvn3, tcvn3_capitals, vni
from thidua_docs import charsets, legacy, main
from thidua_docs.cli import cli
from thidua_docs.exceptions import InvalidInputError
from thidua_docs.loader import load_directive

SOURCE = DATA / "huyen-dak-ha-2025.yaml"


def _text(path) -> list[str]:
    return [p.text for p in document_paragraphs(open_docx(path))]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    return _text(main.render(SOURCE, tmp_path_factory.mktemp("utf8") / "ref.docx"))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_files_with_a_bom_load_and_render_the_same(encoding, reference, tmp_path):
    text = SOURCE.read_text(encoding="utf-8").replace("\n", "\r\n")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / f"{encoding}.yaml"
    path.write_bytes(data)
    assert _text(main.render(path, tmp_path / "out.docx")) == reference


def test_windows_1258_is_detected_and_said(reference, tmp_path):
    path = tmp_path / "cp1258.yaml"
    path.write_bytes(cp1258(SOURCE.read_text(encoding="utf-8")))
    assert load_directive(path) == load_directive(SOURCE)
    result = CliRunner().invoke(cli, ["render", str(path), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 0, result.output
    assert "Windows-1258" in result.stderr and "UTF-8" in result.stderr
    assert _text(tmp_path / "o.docx") == reference
    record = json.loads(CliRunner().invoke(cli, [
        "render", str(path), "-o", str(tmp_path / "j.docx"), "--json"]).stdout)
    assert [note["code"] for note in record["notes"]] == ["encoding_assumed"]


def test_bytes_that_are_no_vietnamese_text_are_refused_saying_what_to_do(tmp_path):
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"issuer:\n  name: \x81\x8d\x8f garbage\n")
    with pytest.raises(InvalidInputError) as caught:
        load_directive(path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line) == ("not_utf8", 2)
    assert "UTF-8" in problem.message and "Notepad" in problem.message


def test_new_keeps_crlf_line_ends(tmp_path):
    source = tmp_path / "dak-ha-2025.yaml"
    source.write_bytes(SOURCE.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    written, _ = main.new_year(source)
    data = written.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 100


def thidua(*args):
    """The command as a clerk runs it: its notices printed on standard error."""
    env = {**os.environ, "THIDUA_LANG": "vi", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_new_says_the_encoding_once_and_keeps_crlf(tmp_path):
    source = tmp_path / "dak-ha-2025.yaml"
    source.write_bytes(cp1258(SOURCE.read_text(encoding="utf-8").replace("\n", "\r\n")))
    result = thidua("new", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Windows-1258") == 1, result.stderr
    data = (tmp_path / "dak-ha-2026.yaml").read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 100
    assert load_directive(tmp_path / "dak-ha-2026.yaml").year == 2026


# --- text files read by import and convert-legacy ------------------------------------------

#: A real directive as text (Kon Tum, 2020).
DIRECTIVE = (REFERENCE / "kontum-2020-phat-dong-thi-dua.txt").read_text(encoding="utf-8")


def _import(data, tmp_path, name, caplog=None):
    """``thidua import`` of the text file *data* (under one name, so the YAML's first line
    is the same): the YAML written, and the notices it gave."""
    folder = tmp_path / name
    folder.mkdir()
    source = folder / "kontum-2020.txt"
    source.write_bytes(data)
    if caplog:
        caplog.clear()
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(folder / "out.yaml")])
    assert result.exit_code == 0, result.output
    notices = [record.getMessage() for record in caplog.records] if caplog else []
    return (folder / "out.yaml").read_text(encoding="utf-8"), notices


#: How Windows editors save text: Notepad's "Unicode" (UTF-16 LE), "Unicode big endian",
#: "UTF-8" (with a BOM), "ANSI" on a Vietnamese Windows (Windows-1258); CRLF line ends.
WINDOWS = {
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-8-bom": lambda text: text.encode("utf-8-sig"),
    "windows-1258": lambda text: cp1258(text),
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The YAML ``thidua import`` writes from the directive in UTF-8."""
    return _import(DIRECTIVE.encode("utf-8"), tmp_path_factory.mktemp("i"), "u")[0]


@pytest.mark.parametrize("encoding", WINDOWS)
def test_import_reads_text_saved_by_windows_editors_as_the_utf8_file(encoding, imported,
                                                                     tmp_path, caplog):
    data = WINDOWS[encoding](DIRECTIVE.replace("\n", "\r\n"))
    yaml_text, notices = _import(data, tmp_path, encoding, caplog)
    assert yaml_text == imported
    if encoding == "windows-1258":
        (notice,) = notices
        assert "Windows-1258" in notice and "UTF-8" in notice
    else:
        assert notices == []


def _typeable(text: str) -> str:
    """*text* as plain TCVN3 can hold it: its lines in capitals are typed in a capitals
    font; elsewhere a capital other than Ă Â Ê Ô Ơ Ư Đ (Ủy) has no code, and is written
    in lower case."""
    return "\n".join(line if line.upper() == line else "".join(
        char.lower() if char.isupper() and not char.isascii() and char not in "ĂÂÊÔƠƯĐ"
        else char for char in line) for line in text.split("\n"))


def _tcvn3_file(text: str) -> bytes:
    return "\n".join(tcvn3_capitals(line) if line.upper() == line else tcvn3(line)
                     for line in text.split("\n")).encode("cp1252")  # with its “quotes”


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_import_does_not_take_a_legacy_text_for_windows_1258(encoding, tmp_path, caplog):
    """A whole directive in TCVN3 or VNI bytes: converted as before, no Windows-1258."""
    if encoding == "tcvn3":
        need(iconv_available(), "iconv (the C library's converter) is not installed")
    text = _typeable(DIRECTIVE) if encoding == "tcvn3" else DIRECTIVE
    expected, _ = _import(text.encode("utf-8"), tmp_path, "utf-8")
    data = _tcvn3_file(text) if encoding == "tcvn3" else vni(text).encode("cp1252")
    yaml_text, notices = _import(data, tmp_path, encoding, caplog)
    assert yaml_text == expected
    assert notices == []


@pytest.mark.parametrize("text, encoding", [
    ("Nghị quyết", "tcvn3"), ("kiến nghị", "tcvn3"),
    ("Công văn ngã", "vni"), ("Nguyễn Văn Bình", "vni"),
])
def test_short_legacy_text_that_windows_1258_reads_too_stays_legacy(text, encoding):
    """Each of these legacy texts uses only bytes Windows-1258 reads as Vietnamese letters
    ("ngaõ" → "ngaơ"): the TCVN3/VNI reading has more Vietnamese words, and wins."""
    if encoding == "tcvn3":
        need(iconv_available(), "iconv (the C library's converter) is not installed")
    data = tcvn3(text).encode("latin-1") if encoding == "tcvn3" else vni(text).encode("cp1252")
    assert charsets._windows_1258(data) not in (None, data.decode("cp1252"))
    decoded = charsets.decode(data, "x.txt", legacy=True)
    assert decoded == data.decode("cp1252")
    assert legacy.fix_paragraphs([decoded]).paragraphs == [text]


def test_convert_legacy_writes_a_windows_1258_file_in_utf8(tmp_path):
    """The notice says to save the file as UTF-8: convert-legacy is the verb that does."""
    source = tmp_path / "kontum.txt"
    original = cp1258(DIRECTIVE.replace("\n", "\r\n"))
    source.write_bytes(original)
    result = thidua("convert-legacy", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Windows-1258") == 1, result.stderr  # the notice, once
    written = tmp_path / "kontum-unicode.txt"
    vietnamese = sum(not line.isascii() for line in DIRECTIVE.splitlines())
    assert result.stdout.strip() == f"Đã ghi {written}: {vietnamese} đoạn Windows-1258."
    assert written.read_bytes().decode("utf-8") == DIRECTIVE.replace("\n", "\r\n")  # NFC, CRLF
    assert source.read_bytes() == original  # the input is never replaced
    again = thidua("convert-legacy", str(source))  # the output exists: kept, exit 1
    assert again.returncode != 0 and written.read_bytes().decode("utf-8").startswith(
        DIRECTIVE.splitlines()[0])


def test_convert_legacy_reads_utf16_and_keeps_crlf(tmp_path):
    """VNI text pasted into Notepad and saved as "Unicode": converted, CRLF kept."""
    source = tmp_path / "vni.txt"
    source.write_bytes(codecs.BOM_UTF16_LE + vni(DIRECTIVE).replace("\n", "\r\n").encode(
        "utf-16-le"))
    result = CliRunner().invoke(cli, ["convert-legacy", str(source)])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "vni-unicode.txt").read_bytes()
    assert written.decode("utf-8") == DIRECTIVE.replace("\n", "\r\n")
    assert result.stderr == ""
