"""One reader of .docx for the checker, the importer and the tests.

``open_docx(path)`` opens a file safely (or raises :class:`UnreadableDocument`
saying why) and reads it; ``read(document)`` reads a python-docx Document
already open (the importer converts legacy encodings in place first). The
result, a :class:`WordDocument`, holds every paragraph in reading order with
its shown text (smartTags, insertions, content controls, hyperlinks and
simple fields read; tabs "\\t", line breaks "\\n"; NFC), its effective
formatting (style ``basedOn`` chains resolved once, here), its runs'
formatting (caps included), the label of Word's automatic numbering, its
fields, the shapes anchored in it with their geometry, the table cell it
stands in; and the sections with page size, orientation, margins, headers
and footers.
"""

from __future__ import annotations

from pathlib import Path

from thidua_docs.wordml.document import (Field, Paragraph, Section, Span, WordDocument,
                                         read)
from thidua_docs.wordml.formatting import FormatResolver, ParagraphFormat, RunFormat
from thidua_docs.wordml.package import UnreadableDocument, open_document
from thidua_docs.wordml.shapes import Shape

__all__ = ["Field", "FormatResolver", "Paragraph", "ParagraphFormat", "RunFormat", "Section",
           "Shape", "Span", "UnreadableDocument", "WordDocument", "open_docx", "open_document",
           "read"]


def open_docx(path: Path) -> WordDocument:
    """The :class:`WordDocument` of the .docx at *path*; UnreadableDocument if unreadable."""
    return read(open_document(Path(path)))
