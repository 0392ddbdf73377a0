"""Open a .docx safely: say why a file that is not a readable .docx cannot be read."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from thidua_docs import safezip
from thidua_docs.exceptions import ThiduaError
from thidua_docs.messages import os_reason

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnreadableDocument(ThiduaError):
    """The file is not a .docx that can be checked."""

    exit_code = 2


def open_document(path: Path):
    """The python-docx Document of *path*, or UnreadableDocument saying why not."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(8)
    except FileNotFoundError:
        raise UnreadableDocument("check_missing", path=str(path)) from None
    except OSError as exc:
        raise UnreadableDocument("input_unreadable", path=str(path),
                                 reason=os_reason(exc)) from None
    if not head:
        raise UnreadableDocument("check_empty", path=str(path))
    if head == OLE_MAGIC:
        kind = "check_encrypted" if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n" in \
            path.read_bytes() else "check_legacy_doc"
        raise UnreadableDocument(kind, path=str(path))
    if not zipfile.is_zipfile(path):
        raise UnreadableDocument("check_not_zip", path=str(path))
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "word/document.xml" not in names:
                raise UnreadableDocument("check_not_docx", path=str(path))
            safezip.check(package, str(path), UnreadableDocument)
        return Document(str(path))
    except UnreadableDocument:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, etree.XMLSyntaxError,
            ValueError, EOFError, zlib.error) as exc:
        raise UnreadableDocument("check_damaged", path=str(path),
                                 reason=safezip.damage(exc)) from None
