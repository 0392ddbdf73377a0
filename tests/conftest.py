"""Shared fixtures: rendered data files, their PDFs, and small readers."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from docx import Document

from thidua_docs import main

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
#: The two real Kon Tum directives as text (reference texts, copied from ../shared/reference).
REFERENCE = REPO / "tests" / "fixtures"
#: The sample directive bundled with the package (``thidua example``).
SAMPLE = REPO / "thidua_docs" / "examples" / "mau-phat-dong.yaml"
#: The directives in data/ and the sample (the anniversary calendars are in data/calendars/).
EXAMPLES = sorted([*DATA.glob("*.yaml"), SAMPLE])
IN_CI = bool(os.environ.get("CI"))
#: An unknown message key or parameter fails the test instead of showing the key.
os.environ["THIDUA_STRICT_MESSAGES"] = "1"
#: The session's own cache folder (parsed catalogs, prepared templates): starts empty.
os.environ.setdefault("THIDUA_CACHE_DIR", tempfile.mkdtemp(prefix="thidua-test-cache-"))


def need(condition: bool, reason: str) -> None:
    """Skip when a tool or file is missing locally; in CI that is a failure."""
    if not condition:
        (pytest.fail if IN_CI else pytest.skip)(reason)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """Every data/*.yaml rendered once: name → .docx path."""
    out = tmp_path_factory.mktemp("rendered")
    return {path.stem: main.render(path, out / f"{path.stem}.docx") for path in EXAMPLES}


@pytest.fixture(scope="session")
def pdfs(rendered, tmp_path_factory) -> dict[str, Path]:
    """The rendered documents converted by LibreOffice in one run: name → .pdf path."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    need(soffice is not None, "LibreOffice (soffice) is not installed")
    need(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext) is not installed")
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, rendered.values())],
        check=True, capture_output=True, timeout=600,
    )
    return {name: out / f"{name}.pdf" for name in rendered}


def pdf_text(pdf: Path, *pages: int) -> str:
    """pdftotext of the whole PDF, or of the pages given (1-based)."""
    args = ["pdftotext", "-layout"]
    if pages:
        args += ["-f", str(min(pages)), "-l", str(max(pages))]
    return subprocess.run(args + [str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    line = next(l for l in info.stdout.splitlines() if l.startswith("Pages:"))
    return int(line.split()[1])


def document_paragraphs(document) -> list:
    """Every paragraph of the body, tables included, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    result = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            result.append(Paragraph(block, document))
        elif block.tag.endswith("}tbl"):
            table = Table(block, document)
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    result.extend(cell.paragraphs)
    return result


def open_docx(path: Path):
    return Document(str(path))


@pytest.fixture(scope="session", autouse=True)
def every_docx_of_ours_is_valid(tmp_path_factory):
    """At the end of the session, every .docx of ours that any test wrote (made from our
    template; see tests/ooxml_audit.py) passes ../shared/ooxml/validate.py, checked by one
    validator process. A file broken on purpose is named *.invalid.docx."""
    yield
    import ooxml_audit

    if ooxml_audit.available():
        errors = ooxml_audit.audit(tmp_path_factory.getbasetemp())
        assert not errors, "\n".join([f"{len(errors)} OOXML errors:"] + errors[:40])
