"""The message catalogs: every key in both languages with the same parameters, and every
key the code names present (an unknown key is this test's failure, not a crash)."""

from __future__ import annotations

import ast
import io
import json
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from thidua_docs import messages

PACKAGE = Path(messages.__file__).resolve().parents[1]
CATALOGS = Path(messages.__file__).resolve().parent


def _entries(lang: str) -> dict[str, dict[str, str]]:
    """area → key → text, read straight from the .po files."""
    result = {}
    for path in sorted((CATALOGS / lang).glob("*.po")):
        catalog = read_po(io.BytesIO(path.read_bytes()), locale=lang)
        result[path.stem] = {entry.id: entry.string for entry in catalog if entry.id}
    return result


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_areas_keys_and_parameters():
    vi, en = _entries("vi"), _entries("en")
    assert vi.keys() == en.keys()
    for area in vi:
        if area == messages.CLICK_AREA:
            continue
        assert vi[area].keys() == en[area].keys(), area
        for key, text in vi[area].items():
            assert text and en[area][key], (area, key)
            assert _fields(text) == _fields(en[area][key]), (area, key)


def test_no_key_is_in_two_areas():
    seen: dict[str, str] = {}
    for area, entries in _entries("vi").items():
        if area == messages.CLICK_AREA:
            continue
        for key in entries:
            assert key not in seen, f"{key} is in {seen[key]}.po and {area}.po"
            seen[key] = area


def _error_classes(trees) -> set[str]:
    names = {"ThiduaError"}
    changed = True
    while changed:
        changed = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        getattr(base, "id", getattr(base, "attr", "")) in names
                        for base in node.bases):
                    names.add(node.name)
                    changed = True
    return names


def _keys_named_in_code() -> set[str]:
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")]
    first_argument = {"message", "Message", "invalid", "PydanticCustomError"} | \
        _error_classes(trees)
    position = {"Problem": 4, "Failure": 4, "_problem_at": 3}
    keys = set()
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            index = 0 if name in first_argument else position.get(name)
            if index is not None and len(node.args) > index and \
                    isinstance(node.args[index], ast.Constant) and \
                    isinstance(node.args[index].value, str):
                keys.add(node.args[index].value)
    return keys


def test_every_key_the_code_names_is_in_the_catalog():
    keys = _keys_named_in_code()
    assert len(keys) > 100  # the scan finds the calls
    missing = sorted(key for key in keys if not messages.has(key))
    assert not missing


def test_every_rule_has_its_summary_and_reason():
    from thidua_docs.check import REGISTRY

    for code in REGISTRY:
        assert messages.has(f"rule_{code}") and messages.has(f"rule_why_{code}"), code


def test_an_unknown_key_shows_the_key_without_crashing(monkeypatch):
    monkeypatch.delenv("THIDUA_STRICT_MESSAGES")
    assert messages.message("no_such_key", path="a.yaml") == "no_such_key path=a.yaml"
    assert "'{path}'" in messages.message("input_missing")  # a parameter left out


# --- every verb, every message: no English in Vietnamese output ------------------------------

#: English words that are not Vietnamese words too (so not "a", "in", "to", "do", "no", "an").
ENGLISH = set("""the is are was were be been not of and or for with without by this that these
from into must should cannot could missing found expected invalid error errors option options
usage show exit message argument arguments try default please does did mean such got
unexpected extra requires required given range integer between only when if then has have
its it unknown file files folder line column value values write read writes reads
""".split())
#: Quoted text, options, paths and codes: names, not words of a sentence.
NAMES = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’|\{[^}]*\}|--?[\w-]+|\S*[./\\_=<>\d]\S*")


def english_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[A-Za-z]+", NAMES.sub(" ", text))
            if word.lower() in ENGLISH}


def test_the_detector_finds_english():
    assert english_words("Error: Missing argument 'SOURCE'.") == {"Error", "Missing", "argument"}
    assert not english_words("Lỗi: thiếu đối số 'SOURCE' ở dòng 3; xem --help, tệp a_b.yaml")


@pytest.fixture
def run():
    from thidua_docs.cli import cli
    from thidua_docs.commands import translate_click

    translate_click()

    def invoke(*args: str, lang: str = "vi", input: str | None = None):
        result = CliRunner().invoke(cli, list(args), env={"THIDUA_LANG": lang}, input=input,
                                    prog_name="thidua")
        messages.set_language("vi")
        return result

    return invoke


def _verbs() -> list[str]:
    from thidua_docs.cli import cli

    return cli.list_commands(None)


def test_every_help_is_vietnamese_with_an_example_and_the_exit_codes(run):
    for args in [()] + [(verb,) for verb in _verbs()]:
        result = run(*args, "--help")
        assert result.exit_code == 0, (args, result.output)
        assert "Cách dùng:" in result.output and "Ví dụ:" in result.output, args
        assert "Mã thoát:" in result.output, args
        assert not english_words(result.output), (args, english_words(result.output))
        english = run(*args, "--help", lang="en").output
        assert "Usage:" in english and "Examples:" in english and "Exit codes:" in english


USAGE_ERRORS = [
    ("render",), ("validate",), ("check",), ("new",), ("diff", "a.yaml"), ("import",),
    ("anniversaries", "năm"), ("render", "--jobs", "x", "a.yaml"), ("render", "--bogus", "a"),
    ("validate", "--json", "--draft", "--dfart", "a"), ("--lang", "xx", "render"), ("nope",),
    ("diff", "a", "b", "c"), ("render", "-o"), ("anniversaries", "5000"),
]


def test_every_usage_error_is_vietnamese(run):
    for args in USAGE_ERRORS:
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "Lỗi:" in result.output, (args, result.output)
        assert not english_words(result.output), (args, result.output)


def test_every_message_is_vietnamese():
    for key, text in messages.catalogs()["vi"]["messages"].items():
        assert not english_words(text), (key, english_words(text))


BROKEN_YAML = [
    "issuer:\n\tname: UBND\n", "document:\n  title: Kế hoạch: năm 2025\n",
    "issuer:\n  name: A\n code: B\n", 'issuer: "UBND\nyear: 1\n', "title: @x\n",
    "issuer: [a, b\nyear: 1\n", 'title: "C:\\q"\n', "a: *x\n", "a: b\x07c\n",
    "issuer:\n  name: UBND\ndocument:\n  kind: cong van\nyear: mười hai\n",
    "year: 1900\nsignature:\n  authority: XX\n",
]


def test_yaml_and_validator_errors_are_vietnamese_in_text_and_json(run, tmp_path):
    for number, text in enumerate(BROKEN_YAML):
        path = tmp_path / f"in{number}.yaml"
        path.write_text(text, encoding="utf-8")
        result = run("validate", str(path))
        assert result.exit_code == 2 and str(path) in result.output, text
        assert not english_words(result.output), (text, result.output)
        records = [json.loads(line) for line in run("validate", "--json", str(path)).stdout
                   .splitlines()]
        for error in records[0]["errors"]:
            assert set(error) == {"file", "line", "column", "field", "code", "message"}
            assert error["line"] is not None and messages.has(error["code"]), error
            assert not english_words(error["message"]), error


def test_system_errors_are_told_in_words_not_in_the_systems_english(run, tmp_path):
    folder = tmp_path / "thư mục.yaml"
    folder.mkdir()
    source = tmp_path / "a.yaml"
    source.write_bytes((PACKAGE.parent / "data" / "kontum-2020.yaml").read_bytes())
    cases = [(("render", str(folder)), "đây là một thư mục, không phải tệp"),
             (("render", str(source), "-o", f"{source}/x.docx"),
              "một phần của đường dẫn không phải thư mục")]
    for args, words in cases:
        result = run(*args)
        assert result.exit_code in (1, 2) and words in result.output, (args, result.output)
        assert not english_words(result.output), (args, result.output)
        english = run(*args, lang="en").output
        assert "Is a directory" not in english and "Not a directory" not in english


def test_a_damaged_docx_says_what_is_damaged(run, tmp_path):
    import zipfile

    from thidua_docs.bundled import TEMPLATE, path

    template = path(TEMPLATE)
    cut = tmp_path / "cụt.invalid.docx"
    cut.write_bytes(template.read_bytes()[:4000])
    broken = tmp_path / "hỏng.invalid.docx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(b"</w:body>", b"</w:bod>")
                            if info.filename == "word/document.xml" else data)
    yaml = tmp_path / "a.yaml"
    yaml.write_bytes((PACKAGE.parent / "data" / "kontum-2020.yaml").read_bytes())
    result = run("check", str(broken))
    assert "một phần XML bên trong viết sai, ở dòng" in result.output, result.output
    result = run("render", str(yaml), "--template", str(cut), "-o", str(tmp_path / "o.docx"))
    assert result.exit_code == 1 and "gói nén zip bị hỏng" in result.output, result.output
    for output in (run("check", str(broken)).output, result.output):
        assert not english_words(output), output


def test_a_helper_programs_failure_is_told_in_vietnamese(run, tmp_path):
    import shutil

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    fake = tmp_path / "giả.pdf"
    fake.write_bytes(b"%PDF-1.4\nnot a pdf at all\n")
    result = run("import", str(fake))
    assert result.exit_code == 2 and "cấu trúc tệp PDF bị hỏng" in result.output, result.output
    assert not english_words(result.output), result.output


def test_every_reason_the_code_maps_is_in_the_catalog():
    from thidua_docs.importer import pdftext

    for key in [*messages._OS_REASONS.values(), *pdftext._PDFTOTEXT_EXITS.values(),
                "os_other", "tool_reported", "tool_exit"]:
        assert messages.has(key), key


def test_no_parameter_borrows_a_verbs_help():
    from thidua_docs.cli import cli

    verb_helps = {messages.message(f"help_{name.replace('-', '_')}")
                  for name in cli.list_commands(None)}
    for name in cli.list_commands(None):
        command = cli.get_command(None, name)
        for param in command.params:
            assert getattr(param, "help", None) not in verb_helps, (name, param.name)
    diff = cli.get_command(None, "diff")
    assert [param.help for param in diff.params[:2]] == [
        messages.message("help_diff_old"), messages.message("help_diff_new")]
