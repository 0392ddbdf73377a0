"""Document kinds of Nghị định 30/2020, Phụ lục III, with their type codes."""

from __future__ import annotations

import unicodedata

#: Kind name (lower case, as written in Vietnamese) → type code; công văn has none.
KIND_CODES: dict[str, str | None] = {
    "công văn": None,
    "nghị quyết": "NQ",
    "quyết định": "QĐ",
    "chỉ thị": "CT",
    "quy chế": "QC",
    "quy định": "QyĐ",
    "thông cáo": "TC",
    "thông báo": "TB",
    "hướng dẫn": "HD",
    "chương trình": "CTr",
    "kế hoạch": "KH",
    "phương án": "PA",
    "đề án": "ĐA",
    "dự án": "DA",
    "báo cáo": "BC",
    "biên bản": "BB",
    "tờ trình": "TTr",
    "công điện": "CĐ",
    "giấy mời": "GM",
    "giấy giới thiệu": "GGT",
}

_BY_CODE = {code.upper(): name for name, code in KIND_CODES.items() if code}


def normalise_kind(value: str) -> str:
    """Accept a kind by name ("Chỉ thị") or code ("CT"); return its lower-case name."""
    text = " ".join(unicodedata.normalize("NFC", value).split())
    if text.lower() in KIND_CODES:
        return text.lower()
    if text.upper() in _BY_CODE:
        return _BY_CODE[text.upper()]
    raise ValueError(f"unknown document kind '{value}'")
