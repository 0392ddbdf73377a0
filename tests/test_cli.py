"""The command line: outputs, and every invalid input reported clearly.

Commands run as a real process (``python -m thidua_docs``), so a traceback
would show on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, REPO
from helpers import MINIMAL, directive_data, write_yaml

GOOD_YAML = write_yaml  # alias for readability below


def thidua(*args: str, cwd: Path | None = None, lang: str = "vi") -> subprocess.CompletedProcess:
    env = {**os.environ, "THIDUA_LANG": lang, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          text=True, cwd=cwd or REPO, env=env, timeout=120)


def test_render_writes_docx_and_prints_its_path(tmp_path):
    out = tmp_path / "sub" / "kontum.docx"
    result = thidua("render", str(DATA / "kontum-2020.yaml"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert out.read_bytes()[:2] == b"PK"


def test_default_output_goes_to_output_folder(tmp_path):
    source = write_yaml(tmp_path / "huyen.yaml", directive_data())
    result = thidua("render", str(source), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "huyen.docx").exists()


def test_existing_output_is_kept_without_force(tmp_path):
    source = write_yaml(tmp_path / "in.yaml", directive_data())
    out = tmp_path / "out.docx"
    out.write_bytes(b"the clerk's own file")
    result = thidua("render", str(source), "-o", str(out))
    assert result.returncode == 1
    assert "--force" in result.stderr and "Traceback" not in result.stderr
    assert out.read_bytes() == b"the clerk's own file"
    result = thidua("render", str(source), "-o", str(out), "--force")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.yaml", "out.docx"]


def test_validate_writes_nothing(tmp_path):
    source = write_yaml(tmp_path / "in.yaml", directive_data())
    result = thidua("validate", str(source), cwd=tmp_path)
    assert result.returncode == 0 and "Hợp lệ" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.yaml"]


def _body(**section):
    return [{"section": "Mục tiêu", "content": ["x"], **section}]


# name → (YAML text or data, expected line, expected field path, words of the message)
INVALID = {
    "missing required field": (directive_data(signature={"title": "Chủ tịch"}), None,
                               "signature.name", ["thiếu trường bắt buộc 'name'"]),
    "wrong type": (directive_data(year="hai nghìn"), None, "year", ["số nguyên"]),
    "unknown key with hint": (directive_data(recipent=["x"]), None, "recipent",
                              ["'recipent'", "recipients"]),
    "malformed yaml": ("issuer:\n  name: [ỦY BAN\n  code: UBND\n", 3, "", ["cú pháp YAML"]),
    "empty file": ("", None, "", ["tệp trống"]),
    "only a comment": ("# nothing yet\n", None, "", ["tệp trống"]),
    "impossible date": (None, None, "document.date", ["2021-02-30", "không tồn tại"]),
    "duplicate key": (None, None, "year", ["'year' bị lặp lại"]),
    "bad authority": (directive_data(signature={**MINIMAL["signature"], "authority": "XX"}),
                      None, "signature.authority", ["TM., KT."]),
    "unknown block": (directive_data(body=[{"section": "A", "content": [{"iterms": ["x"]}]}]),
                      None, "body[0].content[0]", ["'items'"]),
    "bad number": (directive_data(body=[{"section": "A", "content": [{"indicators": [
        {"name": "GRDP", "value": "mười hai"}]}]}]), None,
        "body[0].content[0].indicators[0].value", ["mười hai"]),
    "ambiguous number": (directive_data(body=[{"section": "A", "content": [{"indicators": [
        {"name": "Thu ngân sách", "value": 3.505, "unit": "tỷ đồng"}]}]}]), None,
        "body[0].content[0].indicators[0].value", ["3505", '"3.505"', '"3,505"']),
    "unknown placeholder": (directive_data(preamble=["Năm {nam}"]), None, "preamble[0]",
                            ["{nam}"]),
    "too deep numbering": (directive_data(body=[{"section": "A", "content": [{"items": [
        {"text": "1", "content": [{"items": [{"text": "a", "content": [{"items": ["x"]}]}]}]}
    ]}]}]), None, "body[0].content[0].items[0].content[0].items[0].content[0].items[0]",
        ["3 cấp"]),
    "empty list": (directive_data(recipients=[]), None, "recipients", ["không được để trống"]),
    "not a mapping": ("- a\n- b\n", 1, "", ["bảng khóa"]),
}


def _invalid_text(name: str, spec) -> str:
    import yaml

    if name == "impossible date":
        data = directive_data()
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        return text.replace("place: Đăk Hà", "place: Đăk Hà\n  date: 2021-02-30")
    if name == "duplicate key":
        text = yaml.safe_dump(directive_data(), allow_unicode=True, sort_keys=False)
        return text + "year: 2022\n"
    return spec if isinstance(spec, str) else yaml.safe_dump(spec, allow_unicode=True,
                                                             sort_keys=False)


@pytest.mark.parametrize("name", INVALID)
def test_invalid_input_is_reported_with_place_and_field(name, tmp_path):
    spec, line, field, words = INVALID[name]
    source = tmp_path / "bad.yaml"
    source.write_text(_invalid_text(name, spec), encoding="utf-8")
    out = tmp_path / "out.docx"
    result = thidua("render", str(source), "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{source}:" if line is None else f"{source}:{line}:") or \
        name in ("empty file", "only a comment")
    if line is None and name not in ("empty file", "only a comment"):
        assert first.split(":")[1].isdigit() and first.split(":")[2].isdigit(), first
    if field:
        assert f" {field}: " in result.stderr
    for word in words:
        assert word in result.stderr
    assert result.stderr.splitlines()[-1].startswith("Dữ liệu không hợp lệ")


def test_every_problem_is_listed_at_once(tmp_path):
    data = directive_data(year="x", recipent=[], preamble=["{nam}"])
    data["document"]["kind"] = "thư"
    source = write_yaml(tmp_path / "bad.yaml", data)
    result = thidua("validate", str(source))
    assert result.returncode == 2
    assert "4 lỗi" in result.stderr.splitlines()[-1]


def test_messages_in_english_on_request(tmp_path):
    source = write_yaml(tmp_path / "bad.yaml", directive_data(recipent=["x"]))
    result = thidua("--lang", "en", "validate", str(source))
    assert result.returncode == 2
    assert "did you mean 'recipients'" in result.stderr
    assert "Invalid input: 1 problem" in result.stderr


def test_missing_input_file(tmp_path):
    result = thidua("render", str(tmp_path / "nowhere.yaml"))
    assert result.returncode == 2 and "Không tìm thấy tệp" in result.stderr
    assert "Traceback" not in result.stderr


def test_not_utf8(tmp_path):
    """Bytes that are neither UTF-8 nor Vietnamese (Windows-1258 is read: test_encodings)."""
    source = tmp_path / "bad.yaml"
    source.write_bytes("year: 2021\ntheme: Größe\n".encode("latin-1"))
    result = thidua("validate", str(source))
    assert result.returncode == 2 and "UTF-8" in result.stderr
    assert f"{source}:2:" in result.stderr


def test_missing_or_damaged_template(tmp_path):
    source = write_yaml(tmp_path / "in.yaml", directive_data())
    result = thidua("render", str(source), "-o", str(tmp_path / "a.docx"),
                    "--template", str(tmp_path / "none.docx"))
    assert result.returncode == 1 and "mẫu Word" in result.stderr
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"not a zip")
    result = thidua("render", str(source), "-o", str(tmp_path / "a.docx"),
                    "--template", str(damaged))
    assert result.returncode == 1 and "bị hỏng" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "a.docx").exists()
