"""Properties over the model (hypothesis): any directive that validates renders to a .docx
that python-docx reopens, that ../shared/ooxml/validate.py accepts, whose text holds every
value given (NFC), that ``check`` passes, and that ``import`` reads back as the same
directive (as it prints: tests/test_import.py's ``canonical``).

1,000 examples by default (the "ci" profile); THIDUA_PROPERTY_EXAMPLES=N asks for more.
"""

from __future__ import annotations

import importlib.util
import io
import os
import tempfile
import unicodedata
from pathlib import Path

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from helpers import MINIMAL
from test_import import canonical
from thidua_docs.check import check_document
from thidua_docs.importer import import_file
from thidua_docs.loader import parse_directive
from thidua_docs.render.docx import render_docx

VALIDATOR = REPO.parent / "shared" / "ooxml" / "validate.py"
EXAMPLES = int(os.environ.get("THIDUA_PROPERTY_EXAMPLES", "1000"))
#: CI runs the same 1,000 examples each time (derandomized); asking for more explores anew.
settings.register_profile("ci", max_examples=EXAMPLES, deadline=None,
                          derandomize=EXAMPLES <= 1000,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
PROPERTY = settings.get_profile("ci")

#: Words a directive is made of; each may come in NFD (as some keyboards type it).
WORDS = ["phong", "trào", "thi", "đua", "yêu", "nước", "Ủy", "ban", "nhân", "dân", "huyện",
         "xã", "Đăk", "Hà", "Kon", "Tum", "đoàn", "kết", "sáng", "tạo", "hoàn", "thành",
         "nhiệm", "vụ", "kinh", "tế", "xã", "hội", "quốc", "phòng", "an", "ninh", "năm",
         "cán", "bộ", "công", "chức", "viên", "chức", "người", "lao", "động", "đẩy", "mạnh",
         "chuyển", "đổi", "số", "nông", "thôn", "mới", "giảm", "nghèo", "bền", "vững", "Ngọk",
         "Wang", "M'Nông", "Ê-đê", "Xơ", "Đăng", "tỉnh", "phường", "trường", "học", "y", "tế",
         "<w.t>", "<b>", "&amp;", "A&B", "50%", "2.000", "1,5", "(b/c)", "v.v."]


#: Words a list entry may not hold: an entry ending "50%" prints as an indicator does.
NUMBERS = {"50%", "2.000", "1,5"}


def _word(draw, numbers: bool = True) -> str:
    word = draw(st.sampled_from(WORDS if numbers else [w for w in WORDS if w not in NUMBERS]))
    return unicodedata.normalize("NFD", word) if draw(st.booleans()) else word


@st.composite
def phrase(draw, min_words: int = 2, max_words: int = 12, numbers: bool = True) -> str:
    words = [_word(draw, numbers) for _ in range(draw(st.integers(min_words, max_words)))]
    text = " ".join(words)
    return text[0].upper() + text[1:]


@st.composite
def directives(draw) -> dict:
    """A valid directive as YAML data: the minimal one with generated text everywhere a
    clerk types."""
    data = yaml.safe_load(yaml.safe_dump(MINIMAL))
    data["theme"] = draw(phrase())
    data["preamble"] = ["Phát động phong trào thi đua với chủ đề “{theme}”."] + [
        draw(phrase(4, 30)) + "." for _ in range(draw(st.integers(0, 2)))]
    body = []
    for _ in range(draw(st.integers(1, 3))):
        # paragraphs, then at most one list: lists of two kinds in a row print alike as
        # one list with a sub-list, so no directive can say which was meant
        content = [draw(phrase(4, 25)) + "." for _ in range(draw(st.integers(0, 2)))]
        kind = draw(st.sampled_from([None, "items", "bullets", "indicators"]))
        if kind == "indicators":
            content.append({"indicators": [
                {"name": draw(phrase(2, 6, numbers=False)), "qualifier": draw(st.sampled_from(
                    ["đạt", "trên", "giảm"])),
                 "value": str(draw(st.integers(1, 999))), "unit": draw(st.sampled_from(
                     ["%", "xã", "tỷ đồng"]))}
                for _ in range(draw(st.integers(1, 3)))]})
        elif kind:
            content.append({kind: [draw(phrase(3, 15, numbers=False))
                                   for _ in range(draw(st.integers(1, 3)))]})
        if not content:
            content.append(draw(phrase(4, 25)) + ".")
        body.append({"section": draw(phrase(2, 6)), "content": content})
    data["body"] = body
    data["closing"] = draw(phrase(5, 20))
    data["signature"]["name"] = " ".join(
        draw(st.sampled_from(["Nguyễn", "Trần", "Lê", "Văn", "Thị", "Hùng", "Lan",
                              "Ksor", "H'Luông"])) for _ in range(draw(st.integers(2, 4))))
    data["recipients"] = [draw(phrase(2, 6, numbers=False))
                          for _ in range(draw(st.integers(1, 4)))]
    return data


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.fixture(scope="module")
def scratch():
    """One file rewritten by every example, outside the session's audited folders (each
    document is validated here, in-process)."""
    with tempfile.TemporaryDirectory(prefix="thidua-property-") as name:
        yield Path(name) / "generated.docx"


@pytest.fixture(scope="module")
def validator():
    if not VALIDATOR.is_file():
        pytest.skip(f"the OOXML validator {VALIDATOR} is absent (../shared is not beside "
                    "the repository)")
    spec = importlib.util.spec_from_file_location("ooxml_validate", VALIDATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Validator(module._schema_dir(), warnings=False)


def _squeezed(text: str) -> str:
    """*text* in NFC, its white space collapsed and its closing punctuation left out (list
    entries get theirs from the renderer: "; " and a final ".")."""
    return " ".join(unicodedata.normalize("NFC", text).split()).rstrip(" .;,:")


def merged(value):
    """A canonical directive with adjacent lists of one kind joined (two ``items`` blocks
    in a row print as one continued list) and closing punctuation left out."""
    if isinstance(value, dict):
        return {key: merged(item) for key, item in value.items()}
    if isinstance(value, str):  # list entries' closing punctuation is the renderer's
        return value.rstrip(" .;,:")
    if not isinstance(value, list):
        return value
    result = []
    for item in map(merged, value):
        kind = next(iter(item)) if isinstance(item, dict) and len(item) == 1 else None
        if kind in ("items", "bullets", "indicators") and result and \
                isinstance(result[-1], dict) and list(result[-1]) == [kind]:
            result[-1] = {kind: result[-1][kind] + item[kind]}
        else:
            result.append(item)
    return result


@PROPERTY
@given(data=directives())
def test_every_valid_directive_renders_checks_and_imports_back(data, validator, scratch):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    directive = parse_directive(text.encode("utf-8"), "generated.yaml")
    document = render_docx(directive)
    path = scratch
    path.write_bytes(document)

    report = validator.validate(io.BytesIO(document))
    assert not report.errors, report.errors[:5]

    reopened = Document(io.BytesIO(document))
    printed = _squeezed(" ".join(p.text for p in reopened.paragraphs) + " " + " ".join(
        cell.text for table in reopened.tables for row in table.rows for cell in row.cells))
    assert unicodedata.is_normalized("NFC", printed)
    for value in strings(data):
        if "{" in value:  # a placeholder: printed expanded
            value = value.replace("{theme}", data["theme"]).replace("{year}", str(data["year"]))
        wanted = _squeezed(value)
        assert wanted in printed or wanted.upper() in printed, value

    assert check_document(path) == []

    imported = import_file(path)
    assert merged(canonical(imported.directive)) == merged(canonical(directive))
