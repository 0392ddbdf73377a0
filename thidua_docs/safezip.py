"""Read zip packages (.docx) within bounds: no member or total beyond the limits.

Every .docx read from outside (checked, imported, converted, or used as template)
goes through ``check`` first, which streams each member once with a cap: the sizes
a package declares, the ratio of expansion, and what it actually expands to.
"""

from __future__ import annotations

import zipfile

from thidua_docs import limits
from thidua_docs.exceptions import ThiduaError
from thidua_docs.messages import Message

_CHUNK = 1024 * 1024
_PARAGRAPH_TAGS = (b"<w:p>", b"<w:p ")


def damage(error: Exception) -> Message:
    """What is wrong with a package that could not be read, from the library's *error*
    (its own text is English): a broken XML part, a damaged zip, a missing part."""
    from lxml import etree  # loaded already by every reader of packages

    if isinstance(error, etree.XMLSyntaxError):
        return Message("damage_xml", line=error.lineno)
    if isinstance(error, KeyError):
        named = [word.strip("'\"") for word in str(error).split() if "/" in word]
        return Message("damage_part_missing", part=named[0] if named else "?")
    if isinstance(error, ValueError) and not isinstance(error, UnicodeError):
        return Message("damage_content")
    return Message("damage_zip")


def check(package: zipfile.ZipFile, path: str, error: type[ThiduaError],
          document: str = "word/document.xml") -> None:
    """Raise *error* ("zip_limit", with the member and the limit) if *package* is beyond a
    bound, zipfile.BadZipFile if a member is damaged (CRC, truncated)."""
    members = package.infolist()
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise error("zip_too_many", path=path, count=len(members),
                    limit=limits.MAX_ZIP_MEMBERS)
    total = 0
    for info in members:
        _declared(info, path, error)
        total += info.file_size
        if total > limits.MAX_ZIP_TOTAL_BYTES:
            raise error("zip_limit", path=path, member=info.filename,
                        limit=_mib(limits.MAX_ZIP_TOTAL_BYTES))
    for info in members:
        paragraphs = _read_capped(package, info, path, error, count=info.filename == document)
        if paragraphs > limits.MAX_PARAGRAPHS:
            raise error("too_many_paragraphs", path=path, count=paragraphs,
                        limit=limits.MAX_PARAGRAPHS)


def _declared(info: zipfile.ZipInfo, path: str, error: type[ThiduaError]) -> None:
    if info.file_size > limits.MAX_ZIP_MEMBER_BYTES:
        raise error("zip_limit", path=path, member=info.filename,
                    limit=_mib(limits.MAX_ZIP_MEMBER_BYTES))
    if info.file_size > limits.RATIO_FROM_BYTES and \
            info.file_size > limits.MAX_ZIP_RATIO * max(info.compress_size, 1):
        raise error("zip_ratio", path=path, member=info.filename,
                    ratio=info.file_size // max(info.compress_size, 1),
                    limit=limits.MAX_ZIP_RATIO)


def _read_capped(package: zipfile.ZipFile, info: zipfile.ZipInfo, path: str,
                 error: type[ThiduaError], *, count: bool) -> int:
    """Stream one member (never more than its declared size, which zipfile holds it to,
    and the member cap); return its paragraphs when *count*."""
    size, paragraphs, tail = 0, 0, b""
    with package.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > limits.MAX_ZIP_MEMBER_BYTES:
                raise error("zip_limit", path=path, member=info.filename,
                            limit=_mib(limits.MAX_ZIP_MEMBER_BYTES))
            if count:
                window = tail + chunk
                paragraphs += sum(window.count(tag) for tag in _PARAGRAPH_TAGS)
                tail = chunk[-4:]
    return paragraphs


def _mib(size: int) -> str:
    return f"{size // limits.MIB} MiB"
