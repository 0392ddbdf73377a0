"""Files saved by Windows editors: UTF-16 with a BOM (Notepad's "Unicode"), UTF-8 with a
BOM, Windows-1258 (detected, and said), CRLF line ends kept by ``thidua new``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import DATA, document_paragraphs, open_docx
from helpers import cp1258
from thidua_docs import main
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
