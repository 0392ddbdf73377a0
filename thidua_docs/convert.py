"""Word documents in other formats (.doc, .odt, .rtf) read as .docx, through LibreOffice.

The same LibreOffice as for PDF (:func:`thidua_docs.pdf.find_soffice`, its own
profile, the same no-progress timeout) converts a copy of the file in a
temporary folder, removed when the reading is done; the source is never
touched. ``import`` and ``check`` both open their input through
:func:`as_docx`.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from thidua_docs.exceptions import InputFileError
from thidua_docs.messages import Message, tool_failure
from thidua_docs.pdf import (
    DEFAULT_TIMEOUT, LIBREOFFICE, LibreOfficeMissing, find_soffice, kill_tree, own_group,
    soffice_command,
)

#: Formats LibreOffice converts to .docx for reading.
CONVERTIBLE = (".doc", ".odt", ".rtf")
#: A larger office file is refused before LibreOffice opens it.
MAX_BYTES = 50 * 1024 * 1024


@contextmanager
def as_docx(path: Path, *, timeout: float = DEFAULT_TIMEOUT) -> Iterator[Path]:
    """*path* itself unless it is a .doc, .odt or .rtf; else a .docx converted from it in a
    temporary folder that is removed on leaving the block. InputFileError (exit 2) when
    LibreOffice is missing, stalls for *timeout* seconds or produces nothing."""
    path = Path(path)
    if path.suffix.lower() not in CONVERTIBLE:
        yield path
        return
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputFileError("check_missing", path=str(path)) from None
    if size > MAX_BYTES:
        raise InputFileError("convert_too_large", path=str(path),
                             size=size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    try:
        soffice = find_soffice()
    except LibreOfficeMissing:
        raise InputFileError("convert_no_libreoffice", path=str(path)) from None
    with tempfile.TemporaryDirectory(prefix="thidua-convert-") as folder:
        work = Path(folder)
        source = work / "in" / f"source{path.suffix.lower()}"  # a name LibreOffice cannot trip on
        source.parent.mkdir()
        shutil.copyfile(path, source)
        _run(soffice_command(soffice, work / "profile", "docx:MS Word 2007 XML", work / "out",
                             [source]), path, timeout)
        produced = work / "out" / "source.docx"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise InputFileError("convert_failed", path=str(path),
                                 reason=Message("convert_no_output"))
        yield produced


def _run(command: list[str], path: Path, timeout: float) -> None:
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, **own_group())
    except OSError:  # soffice cannot be started
        raise InputFileError("convert_no_libreoffice", path=str(path)) from None
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_tree(process)
        raise InputFileError("convert_failed", path=str(path),
                             reason=Message("pdf_timeout", seconds=f"{timeout:g}")) from None
    if process.returncode != 0:  # its output and errors are one stream here
        result = subprocess.CompletedProcess(command, process.returncode, stderr=output)
        raise InputFileError("convert_failed", path=str(path),
                             reason=tool_failure(LIBREOFFICE, result))
