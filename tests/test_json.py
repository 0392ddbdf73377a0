"""The pipeline's contract of ``--json``, through the real command: one JSON Lines record
per file (or one for the whole verb), also when the command is called wrongly; errors as
``{"file", "line", "column", "field", "code", "message"}``; notes in the record."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import DATA, REPO
from helpers import cp1258
from thidua_docs import main

ERROR_KEYS = {"file", "line", "column", "field", "code", "message"}
SOURCE = DATA / "kontum-2020.yaml"


def thidua(*args: str, lang: str = "vi", input: bytes | None = None,
           cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "THIDUA_LANG": lang, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          input=input, env=env, cwd=cwd, timeout=120)


def records(result: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


@pytest.fixture(scope="module")
def docx(tmp_path_factory) -> Path:
    return main.render(SOURCE, tmp_path_factory.mktemp("docx") / "kontum-2020.docx")


@pytest.mark.parametrize("lang, words", [("vi", "Lệnh gọi sai"), ("en", "Usage error")])
def test_a_usage_error_under_json_still_gives_the_verbs_record(lang, words, tmp_path):
    folder = tmp_path / "thư mục"
    folder.mkdir()
    for args in (("validate", str(SOURCE), str(folder), "--json"),
                 ("validate", "--json", "--draft", "--dfart", "a.yaml"),
                 ("check", "--json", "--select", "NO-SUCH-RULE", "a.docx"),
                 ("diff", str(SOURCE), "--json")):
        result = thidua(*args, lang=lang)
        assert result.returncode == 2, (args, result.stderr)
        (record,) = records(result)
        assert record["status"] == "error", args
        (error,) = record["errors"]
        assert set(error) == ERROR_KEYS and error["code"] == "usage_error", args
        assert error["message"].startswith(words), error
        assert b"thidua" in result.stderr and b"--help" in result.stderr, args  # usage text
        plain = thidua(*[arg for arg in args if arg != "--json"], lang=lang)
        assert plain.returncode == 2 and plain.stdout == b"", args
    assert "thư mục" in records(thidua("validate", str(folder), "--json"))[0]["errors"][0][
        "message"]


def test_a_verb_without_json_gets_no_record_for_its_usage_error():
    result = thidua("new", "--json")
    assert result.returncode == 2 and result.stdout == b"" and b"--json" in result.stderr


def test_an_empty_folder_given_to_check_is_reported(tmp_path, docx):
    empty = tmp_path / "rỗng"
    empty.mkdir()
    alone = thidua("check", str(empty), "--json")
    assert alone.returncode == 2
    (record,) = records(alone)
    assert (record["input"], record["status"], record["findings"]) == (str(empty), "error", [])
    (error,) = record["errors"]
    assert set(error) == ERROR_KEYS and (error["file"], error["code"]) == \
        (str(empty), "check_no_files")
    with_file = thidua("check", str(empty), str(docx), "--json")
    assert with_file.returncode == 2
    assert [(r["input"], r["status"]) for r in records(with_file)] == \
        [(str(empty), "error"), (str(docx), "ok")]
    plain = thidua("check", str(empty), str(docx))
    assert plain.returncode == 2
    assert f"Không tìm thấy tệp .docx nào trong {empty}" in plain.stderr.decode()
    assert "đạt thể thức" in plain.stdout.decode()


def test_validate_writes_one_line_per_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("issuer: [\n", encoding="utf-8")
    result = thidua("validate", str(SOURCE), str(DATA / "kontum-2017.yaml"), str(bad), "--json")
    assert result.returncode == 2, result.stderr
    lines = records(result)
    assert [(r["input"], r["status"]) for r in lines] == [
        (str(SOURCE), "ok"), (str(DATA / "kontum-2017.yaml"), "ok"), (str(bad), "error")]
    assert all(set(r) == {"input", "status", "errors", "notes"} for r in lines)
    (error,) = lines[2]["errors"]
    assert set(error) == ERROR_KEYS and (error["file"], error["line"]) == (str(bad), 2)


def test_render_to_stdout_writes_the_docx_there_and_its_record_to_stderr():
    result = thidua("render", str(SOURCE), "-o", "-", "--json")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(io.BytesIO(result.stdout)) as package:
        assert "word/document.xml" in package.namelist()
    record = json.loads(result.stderr)
    assert (record["input"], record["status"], record["outputs"]) == \
        (str(SOURCE), "ok", {"docx": "-"})


def test_a_windows_1258_notice_is_a_note_of_the_record(tmp_path):
    data = cp1258((DATA / "huyen-dak-ha-2025.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "cp1258.yaml"
    path.write_bytes(data)
    (checked,) = records(thidua("validate", str(path), "--json"))
    assert [note["code"] for note in checked["notes"]] == ["encoding_assumed"]
    assert "Windows-1258" in checked["notes"][0]["message"]
    piped = thidua("render", "-", "-o", "-", "--json", input=data)
    assert piped.returncode == 0 and zipfile.is_zipfile(io.BytesIO(piped.stdout))
    assert [note["code"] for note in json.loads(piped.stderr)["notes"]] == ["encoding_assumed"]
    for args in (("validate", str(path)), ("render", "-", "-o", "-")):  # and said to people
        assert "Windows-1258" in thidua(*args, input=data).stderr.decode(), args


def test_lint_template_has_the_common_record(docx):
    from thidua_docs.render.docx import default_template

    (clean,) = records(thidua("lint-template", str(default_template()), "--json"))
    assert clean == {"input": str(default_template()), "status": "ok", "errors": [],
                     "findings": []}
    finished = thidua("lint-template", str(docx), "--json")
    assert finished.returncode == 1
    (record,) = records(finished)
    assert (record["input"], record["status"], record["errors"]) == (str(docx), "findings", [])
    assert [finding["code"] for finding in record["findings"]] == ["T005"]


def test_a_whole_verb_error_names_its_file(tmp_path):
    missing = str(tmp_path / "nope.yaml")
    for args, code, exit_code in (
            (("diff", missing, str(SOURCE), "--json"), "input_missing", 2),
            (("lint-template", str(tmp_path / "nope.docx"), "--json"),
             "lint_template_missing", 1)):
        result = thidua(*args)
        assert result.returncode == exit_code, (args, result.stderr)
        (record,) = records(result)
        (error,) = record["errors"]
        assert (record["status"], error["code"], error["file"]) == ("error", code, args[1])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_lint_templates_advice_fits_the_verb(lang, tmp_path, docx):
    """lint-template has no --template option: its messages do not send the user to one."""
    missing = thidua("lint-template", str(tmp_path / "nope.docx"), lang=lang)
    assert missing.returncode == 1 and b"nope.docx" in missing.stderr
    finished = thidua("lint-template", str(docx), lang=lang)
    assert finished.returncode == 1 and b"[T005]" in finished.stdout
    for output in (missing.stderr, finished.stdout):
        text = output.decode()
        assert "--template." not in text and "(bỏ --template)" not in text and \
            "(leave out --template)" not in text, text


def test_with_o_dash_every_failure_record_goes_to_stderr_and_stdout_stays_empty(tmp_path):
    two = [str(SOURCE), str(SOURCE)]
    for args, code in ((["render", str(tmp_path / "nope.yaml")], "input_missing"),
                       (["render", *two], "render_stdout_one"),
                       (["render", str(SOURCE), "--jobs", "x"], "usage_error")):
        result = thidua(*args, "-o", "-", "--json")
        assert result.returncode != 0 and result.stdout == b"", (args, result.stdout)
        records = [json.loads(line) for line in result.stderr.decode().splitlines()
                   if line.startswith("{")]
        assert [error["code"] for error in records[0]["errors"]] == [code], args
