"""Every .docx we write is valid Office Open XML, judged the way Word judges it
(../shared/ooxml/validate.py: ISO/IEC 29500 schemas with Office's child orders).

One validator process checks the template and every kind of document we produce: each
example, a draft, all signing forms, every document kind (with V/v, urgency, Kính gửi),
convert-legacy output, a batch's outputs, and directives imported (ours and real ones of
other offices) then rendered. A broken
copy proves the validator is wired in. (conftest.py also validates, at the end of the
session, every .docx of ours that any test wrote.)
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.table import CT_TblPr
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.parfmt import CT_PPr
from docx.shared import Pt, RGBColor

import ooxml_audit
from conftest import DATA, EXAMPLES, REPO
from helpers import directive_data, write_yaml
from legacy_text import tcvn3
from test_forms import SIGNATURES
from thidua_docs import main, ooxml
from thidua_docs.exceptions import InputFileError
from thidua_docs.decree import KIND_CODES

pytestmark = pytest.mark.skipif(not ooxml_audit.available(), reason=ooxml_audit.ABSENT)

TEMPLATE = REPO / "thidua_docs" / "templates" / "phat_dong.docx"
WILD = REPO.parent / "shared" / "wild"
LEGACY_TEXT = ["ủy ban nhân dân tỉnh phát động phong trào thi đua năm 2025",
               "cộng hòa xã hội chủ nghĩa việt nam"]


def _thidua(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "THIDUA_LANG": "vi", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def _render(folder: Path, name: str, data: dict, *, draft: bool = False) -> Path:
    source = write_yaml(folder / f"{name}.yaml", data)
    return main.render(source, folder / f"{name}.docx", draft=draft)


def _kinds(folder: Path) -> dict[str, Path]:
    """Every document kind; the công văn with its V/v line, urgency and Kính gửi list."""
    documents = {}
    for kind in KIND_CODES:
        document = {**directive_data()["document"], "kind": kind, "urgency": "hỏa tốc"}
        if KIND_CODES[kind] is None:
            document["summary"] = "Phát động phong trào thi đua năm 2021"
        addressees = ["Các sở, ban, ngành", "UBND các huyện"] if kind == "công văn" else []
        documents[f"kind {kind}"] = _render(folder, f"kind-{KIND_CODES[kind] or 'CV'}",
                                            directive_data(document=document,
                                                           addressees=addressees))
    return documents


def _legacy(folder: Path) -> Path:
    """convert-legacy output of a TCVN3 document whose runs carry a character style (the
    new w:rFonts must go after w:rStyle), a colour and a size."""
    document = Document()
    style = document.styles.add_style("Legacy", WD_STYLE_TYPE.CHARACTER)
    for text in LEGACY_TEXT:
        run = document.add_paragraph().add_run(tcvn3(text))
        run.style = style
        run.font.color.rgb = RGBColor(0, 0, 0)
        run.font.size = Pt(14)
        run.font.name = ".VnTime"
    source = folder / "cu.docx"
    document.save(source)
    result = _thidua("convert-legacy", str(source), "-o", str(folder / "cu-unicode.docx"))
    assert result.returncode == 0, result.stderr
    return folder / "cu-unicode.docx"


def _batch(folder: Path) -> dict[str, Path]:
    out = folder / "batch"
    result = _thidua("render", *map(str, EXAMPLES), "-o", f"{out}/", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    return {f"batch {path.stem}": out / f"{path.stem}.docx" for path in EXAMPLES}


def _imported(folder: Path, rendered: dict[str, Path]) -> dict[str, Path]:
    """Our rendered examples imported back to YAML and rendered again."""
    documents = {}
    for name, path in rendered.items():
        yaml_path, _ = main.import_document(path, folder / f"imported-{name}.yaml")
        documents[f"imported {name}"] = main.render(yaml_path, folder / f"imported-{name}.docx")
    return documents


def _imported_wild(folder: Path) -> dict[str, Path]:
    """Every sixth real directive of ../shared/wild imported and rendered (the others are
    not directives: the importer refuses them)."""
    documents = {}
    for source in sorted(WILD.glob("*.docx"))[::6]:
        try:
            yaml_path, _ = main.import_document(source, folder / f"wild-{source.stem}.yaml")
        except InputFileError:
            continue
        documents[f"wild {source.stem}"] = main.render(yaml_path,
                                                       folder / f"wild-{source.stem}.docx")
    assert len(documents) >= 3 or not WILD.is_dir()
    return documents


@pytest.fixture(scope="module")
def documents(rendered, tmp_path_factory) -> dict[str, Path]:
    """Name → .docx of every kind of document the suite renders."""
    folder = tmp_path_factory.mktemp("ooxml")
    rolled, _ = main.new_year(DATA / "kontum-2020.yaml", 2021, folder / "kontum-2021.yaml")
    found = {"template": TEMPLATE,
             **{f"example {name}": path for name, path in rendered.items()},
             "draft": main.render(rolled, folder / "draft.docx", draft=True),
             **{f"signing form {form}": _render(folder, f"sign-{index}", directive_data(
                 signature={**fields, "name": "Nguyễn Văn A"}))
                for index, (form, (fields, _)) in enumerate(SIGNATURES.items())},
             **_kinds(folder),
             "convert-legacy": _legacy(folder),
             **_batch(folder),
             **_imported(folder, rendered),
             **_imported_wild(folder)}
    return found


@pytest.fixture(scope="module")
def verdicts(documents) -> dict[str, list[str]]:
    """Name → the validator's errors, from one validator process over every document."""
    code, errors = ooxml_audit.validate(list(documents.values()))
    by_name = {name: errors[path] for name, path in documents.items()}
    assert (code == 0) == (not any(by_name.values()))
    return by_name


def test_every_document_we_write_is_valid(verdicts):
    assert len(verdicts) >= 1 + len(EXAMPLES) * 3 + 1 + len(SIGNATURES) + len(KIND_CODES) + 1
    invalid = {name: errors[:5] for name, errors in verdicts.items() if errors}
    assert not invalid, invalid


def _rewrite(path: Path, target: Path, part: str, edit) -> Path:
    """A copy of the package *path* with *part* passed through *edit* (bytes → bytes)."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w",
                                                          zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            data = source.read(info)
            copy.writestr(info, edit(data) if info.filename == part else data)
    return target


def _move_to_end(child: str, parent: str):
    """An edit moving the first *child* of every *parent* to the end of that parent."""
    def edit(data: bytes) -> bytes:
        from lxml import etree

        root = etree.fromstring(data)
        for element in root.iter(qn(parent)):
            found = element.find(qn(child))
            if found is not None and element.index(found) < len(element) - 1:
                element.append(found)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return edit


@pytest.mark.parametrize("part, child, parent, reported", [
    ("word/styles.xml", "w:rFonts", "w:rPr", "w:rFonts"),  # the old bug, the other way round
    ("word/document.xml", "w:tblBorders", "w:tblPr", "w:tblBorders"),
])
def test_the_validator_fails_a_broken_copy(documents, tmp_path, part, child, parent, reported):
    """The wiring is real: a copy with children out of schema order fails, and says where."""
    broken = _rewrite(documents["example kontum-2020"],
                      tmp_path / f"broken{ooxml_audit.BROKEN_ON_PURPOSE}", part,
                      _move_to_end(child, parent))
    code, errors = ooxml_audit.validate([broken])
    assert code == 1
    assert errors[broken] and all(line.startswith(part) for line in errors[broken])
    assert any(reported in line for line in errors[broken])


# --- one table of child orders --------------------------------------------------------------


@pytest.mark.parametrize("parent_tag, element_class", [
    ("w:rPr", CT_RPr), ("w:pPr", CT_PPr), ("w:tblPr", CT_TblPr)])
def test_schema_order_agrees_with_python_docx(parent_tag, element_class):
    """For every child python-docx's oxml layer declares, python-docx inserts it where
    ooxml.SCHEMA_ORDER places it, among all the other children of the table."""
    from docx.oxml.parser import OxmlElement

    declared = [tag for tag in ooxml.SCHEMA_ORDER[parent_tag]
                if hasattr(element_class, f"get_or_add_{tag[2:]}")]
    assert len(declared) >= 3
    # python-docx's sequences stop early (w:rPr has no w:rPrChange): compare up to the last
    # child it declares
    order = ooxml.SCHEMA_ORDER[parent_tag]
    order = order[:order.index(declared[-1]) + 1]
    for tag in declared:
        parent = OxmlElement(parent_tag)
        for other in order:
            if other != tag:
                parent.append(OxmlElement(other))
        getattr(parent, f"get_or_add_{tag[2:]}")()
        assert [child.tag for child in parent] == [qn(t) for t in order], tag


def test_children_are_placed_by_the_table_whatever_the_call_order():
    from docx.oxml.parser import OxmlElement

    rpr = OxmlElement("w:rPr")
    for tag in ("w:lang", "w:color", "w:sz", "w:rFonts", "w:b", "w:rStyle"):
        ooxml.child(rpr, tag)
    assert [child.tag for child in rpr] == [qn(t) for t in ("w:rStyle", "w:rFonts", "w:b",
                                                            "w:color", "w:sz", "w:lang")]
    with pytest.raises(KeyError):  # an element the table does not know is never appended
        ooxml.child(rpr, "w:madeUp")


def test_run_xml_writes_run_properties_in_schema_order():
    order = ooxml.SCHEMA_ORDER["w:rPr"]
    xml = ooxml.run_xml("x", bold=True, italic=True, highlight="yellow")
    positions = [xml.index(f"<{tag}") for tag in ("w:b", "w:i", "w:highlight")]
    assert positions == sorted(positions)
    assert [order.index(t) for t in ("w:b", "w:i", "w:highlight")] == sorted(
        order.index(t) for t in ("w:b", "w:i", "w:highlight"))


def test_the_template_names_its_fixed_table_layout_where_word_reads_it():
    """The two layout tables keep fixed widths and zero margins: the properties Word would
    drop when misplaced are present, before w:tblLook."""
    body = Document(str(TEMPLATE)).element.body
    tables = body.findall(qn("w:tbl"))
    assert len(tables) == 2
    for table in tables:
        names = [child.tag for child in table.find(qn("w:tblPr"))]
        for tag in ("w:tblBorders", "w:tblLayout", "w:tblCellMar"):
            assert names.index(qn(tag)) < names.index(qn("w:tblLook"))


def test_an_in_memory_render_is_valid_too(tmp_path):
    """``thidua render - -o -`` (standard output) writes the same valid package."""
    source = write_yaml(tmp_path / "in.yaml", directive_data())
    data = main.render_text(source.read_bytes())
    target = tmp_path / "stdout.docx"
    target.write_bytes(data)
    assert zipfile.is_zipfile(io.BytesIO(data))
    code, errors = ooxml_audit.validate([target])
    assert code == 0, errors


def test_the_session_audit_finds_a_broken_file_of_ours_and_only_ours(documents):
    """conftest.py's end-of-session audit: a broken copy of one of our files is reported,
    a test's own input and a file named *.invalid.docx are not. (Written outside the
    session's folder, which the real audit reads.)"""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        broken = _move_to_end("w:rFonts", "w:rPr")
        _rewrite(documents["example kontum-2020"], folder / "ours.docx", "word/styles.xml",
                 broken)
        _rewrite(documents["example kontum-2020"], folder / f"x{ooxml_audit.BROKEN_ON_PURPOSE}",
                 "word/styles.xml", broken)
        Document().save(folder / "input.docx")
        (folder / "not-a-zip.docx").write_bytes(b"clerk's file")
        errors = ooxml_audit.audit(folder)
    assert errors and all(line.startswith(str(folder / "ours.docx")) for line in errors)
