"""Write a .docx (a zip package) from parts compressed once and one fresh part.

Every part of the template except the document body is the same in every
rendered file, so it is deflated once; each render deflates only its body. The body
keeps the template's timestamp: the same input gives the same bytes, whenever rendered.
"""

from __future__ import annotations

import base64
import struct
import zlib
from dataclasses import dataclass
from zipfile import ZipInfo

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DEFLATED, _VERSION, _UTF8 = 8, 20, 0x800


@dataclass(frozen=True)
class _Entry:
    name: bytes
    crc: int
    data: bytes
    size: int
    dos_time: int
    dos_date: int


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _entry(name: str, data: bytes, date_time: tuple) -> _Entry:
    year, month, day, hour, minute, second = date_time[:6]
    return _Entry(name.encode("utf-8"), zlib.crc32(data), _deflate(data), len(data),
                  (hour << 11) | (minute << 5) | (second // 2),
                  ((year - 1980) << 9) | (month << 5) | day)


class PackageWriter:
    """Builds packages holding the *fixed* parts plus a fresh part named *slot* at
    *position* (where it stood in the template)."""

    def __init__(self, fixed: list[tuple[ZipInfo, bytes]], slot: str, position: int,
                 date_time: tuple) -> None:
        self._fixed = [_entry(info.filename, data, info.date_time) for info, data in fixed]
        self._slot = slot
        self._slot_index = position
        self._date_time = date_time

    def state(self) -> dict:
        """The compressed parts as plain data (JSON-able: text and numbers)."""
        return {"slot": self._slot, "position": self._slot_index,
                "date_time": list(self._date_time), "parts": [
            [e.name.decode("utf-8"), e.crc, base64.b64encode(e.data).decode("ascii"), e.size,
             e.dos_time, e.dos_date] for e in self._fixed]}

    @classmethod
    def from_state(cls, state: dict) -> "PackageWriter":
        """The writer whose state() was *state*."""
        writer = cls.__new__(cls)
        writer._fixed = [_Entry(name.encode("utf-8"), crc, base64.b64decode(data), size,
                                dos_time, dos_date)
                         for name, crc, data, size, dos_time, dos_date in state["parts"]]
        writer._slot, writer._slot_index = state["slot"], state["position"]
        writer._date_time = tuple(state["date_time"])
        return writer

    def write(self, body: bytes) -> bytes:
        """The whole package with *body* as the slot part."""
        fresh = _entry(self._slot, body, self._date_time)
        entries = self._fixed[:self._slot_index] + [fresh] + self._fixed[self._slot_index:]
        chunks, central, offset = [], [], 0
        for entry in entries:
            header = _LOCAL.pack(0x04034B50, _VERSION, _UTF8, _DEFLATED, entry.dos_time,
                                 entry.dos_date, entry.crc, len(entry.data), entry.size,
                                 len(entry.name), 0)
            chunks += [header, entry.name, entry.data]
            central.append(_CENTRAL.pack(0x02014B50, _VERSION, _VERSION, _UTF8, _DEFLATED,
                                         entry.dos_time, entry.dos_date, entry.crc,
                                         len(entry.data), entry.size, len(entry.name),
                                         0, 0, 0, 0, 0, offset) + entry.name)
            offset += len(header) + len(entry.name) + len(entry.data)
        directory = b"".join(central)
        chunks += [directory, _END.pack(0x06054B50, 0, 0, len(entries), len(entries),
                                        len(directory), offset, 0)]
        return b"".join(chunks)
