"""The bytes of a text input file read as text, the way Windows editors save it.

One function, :func:`decode`, for every verb that reads text: the YAML loader, and
``import`` and ``convert-legacy`` of a .txt or .md file (which then convert their TCVN3
and VNI paragraphs, :mod:`thidua_docs.legacy`).
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from thidua_docs.exceptions import InvalidInputError, Problem
from thidua_docs.messages import Message

_log = logging.getLogger("thidua_docs")

#: Byte order marks of the encodings Windows editors save (Notepad's "Unicode" is UTF-16);
#: UTF-32 first, since its little-endian mark begins with UTF-16's.
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
#: What Windows-1258 text holds beyond ASCII: Vietnamese letters, tone marks, typography.
_VIETNAMESE = re.compile(r"[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹÀ-ÃÈ-ÊÌÍÒ-ÕÙÚÝĂĐĨŨƠƯẠ-Ỹ"
                         r"\u0300\u0301\u0303\u0309\u0323“”‘’–—…•°«» ]")


def bom_encoding(raw: bytes) -> str | None:
    """The codec named by the byte order mark *raw* starts with, or None."""
    return next((name for bom, name in BOMS if raw.startswith(bom)), None)


def decode(raw: bytes | str, source: str, *, legacy: bool = False,
           forced: str | None = None) -> str:
    """The text of the input file *source* (see :func:`decoded`)."""
    return decoded(raw, source, legacy=legacy, forced=forced)[0]


#: Windows-1258, as messages name it.
WINDOWS_1258 = "Windows-1258"
#: How :func:`decoded` names a reading of one byte to a character (TCVN3 and VNI files).
SINGLE_BYTES = "single-byte"


def decoded(raw: bytes | str, source: str, *, legacy: bool = False,
            forced: str | None = None) -> tuple[str, str]:
    """The text of the input file *source* and the codec it was read with:

    - UTF-8, UTF-16 or UTF-32 with a byte order mark, else UTF-8;
    - else Windows-1258 when the bytes read as Vietnamese in it (a notice names the
      encoding), in NFC (Windows-1258 writes most toned letters as a letter and a
      combining tone mark);
    - else InvalidInputError.

    With *legacy* (a verb that converts TCVN3 and VNI paragraphs next) bytes that are not
    UTF-8 are read one byte to a character (Windows-1252; Latin-1 where 1252 leaves a
    byte undefined), as TCVN3 and VNI files are, unless Windows-1258 reads as more
    Vietnamese words than their TCVN3/VNI conversion (:func:`legacy.converts_better`);
    *forced* (the legacy encoding the user named) reads them so without trying
    Windows-1258.
    """
    if isinstance(raw, str):
        return raw, "utf-8"
    encoding = bom_encoding(raw) or "utf-8"
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        if encoding in ("utf-8", "utf-8-sig"):
            single = _single_bytes(raw) if legacy else None
            text = None if forced else _windows_1258(raw)
            if text is not None and single is not None:
                from thidua_docs.legacy import converts_better  # its tables: only when needed

                text = None if converts_better(single, text) else text
            if text is not None:
                _log.warning(Message("encoding_assumed", path=source, encoding=WINDOWS_1258))
                return text, "cp1258"
            if single is not None:
                return single, SINGLE_BYTES
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidInputError([Problem(source, line, None, "", "not_utf8",
                                         {"encoding": encoding.upper()})]) from None


def _windows_1258(raw: bytes) -> str | None:
    """*raw* read as Windows-1258 (NFC) if every character beyond ASCII is Vietnamese."""
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        return None
    if all(_VIETNAMESE.match(char) for char in text if ord(char) > 127):
        return unicodedata.normalize("NFC", text)
    return None


def _single_bytes(raw: bytes) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # a byte 1252 leaves undefined
        return raw.decode("latin-1")
