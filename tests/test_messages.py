"""The message catalogs: every key in both languages with the same parameters, and every
key the code names present (an unknown key is this test's failure, not a crash)."""

from __future__ import annotations

import ast
import io
import string
from pathlib import Path

from babel.messages.pofile import read_po

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


def test_every_rule_has_its_summary():
    from thidua_docs.check import RULES

    for code in RULES:
        assert messages.has(f"rule_{code}"), code


def test_an_unknown_key_shows_the_key_without_crashing(monkeypatch):
    monkeypatch.delenv("THIDUA_STRICT_MESSAGES")
    assert messages.message("no_such_key", path="a.yaml") == "no_such_key path=a.yaml"
    assert "'{path}'" in messages.message("input_missing")  # a parameter left out
