"""Regular expressions that recognise the decree's lines in any document (checker,
importer), built from ``wording`` where the wording is fixed."""

from __future__ import annotations

import re

from thidua_docs.decree.wording import (
    ADDRESSEE_LABEL, ARCHIVE_LABEL, AUTHORITY_PREFIXES, DEPUTY_PREFIX, LOCALITY_WORDS,
    RECIPIENTS_LABEL, URGENCY_LEVELS, URGENCY_SPELLINGS,
)

#: One group of a ký hiệu: letters and digits, starting with a capital or a digit.
SYMBOL_PART = re.compile(r"[A-ZĐ0-9][A-ZĐa-zđ0-9]*")
#: The "Số:" line as the decree writes it: "Số: 05/UBND-VP" (a draft leaves the number blank).
NUMBER_LINE = re.compile(r"^Số: (\d{2,}|\s+)/[A-ZĐa-z0-9]+(-[A-ZĐa-z0-9]+)+$")
#: The "Số:" line as typed anywhere, spacing and case loose.
NUMBER = re.compile(r"(?i:số)\s*:?\s*(?P<number>\d*)\s*/\s*"
                    r"(?P<symbol>[A-ZĐ0-9][A-Za-zĐđ0-9]*(?:\s?-\s?[A-ZĐ0-9][A-Za-zĐđ0-9]*)*)")
#: Starts like a "Số:" line.
NUMBER_START = re.compile(r"^\s*(Số|SỐ|số)\b")
#: A date with the decree's leading zeros: days 01-09, months 01 and 02, 3-12 without zero.
DATE = re.compile(r"ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}")
#: "Place, ngày ... tháng ... năm ..." as typed, every part maybe blank.
PLACE_DATE = re.compile(r"(?P<place>[^\s,][^,]{0,60}?),?\s*ngày\s*(?P<day>\d{0,2})\s*"
                        r"tháng\s*(?P<month>\d{0,2})\s*năm\s*(?P<year>\d{0,4})", re.IGNORECASE)
#: Any line with ngày, tháng and năm in order.
DATE_WORDS = re.compile(r"\bngày\b.*\btháng\b.*\bnăm\b", re.IGNORECASE)
#: Quốc hiệu and Tiêu ngữ with loose spacing, on case-folded text.
NATIONAL = re.compile(r"cộng\s*h(?:òa|oà)\s*xã\s*hội\s*chủ\s*nghĩa\s*việt\s*nam")
MOTTO = re.compile(r"độc\s*lập\s*[-–]\s*tự\s*do\s*[-–]\s*hạnh\s*phúc")
_URGENCY_WORDS = sorted(set(URGENCY_LEVELS) | set(URGENCY_SPELLINGS), key=len, reverse=True)
#: A line that is only a mức độ khẩn.
URGENCY = re.compile(rf"^({'|'.join(_URGENCY_WORDS)})$", re.IGNORECASE)
_PREFIXES = "|".join(prefix.rstrip(".") for prefix in AUTHORITY_PREFIXES)
#: A signature line opening with a signing prefix ("TM. ỦY BAN NHÂN DÂN").
AUTHORITY = re.compile(rf"^({_PREFIXES})\.\s*\S")
#: An administrative unit opening an issuer's line ("HUYỆN ĐĂK HÀ"), in capitals.
LOCALITY = re.compile(rf"^({'|'.join(word.upper() for word in LOCALITY_WORDS)})\b")
#: A line that opens a part of the end of a document: Nơi nhận, Kính gửi, Lưu, TM. ...
END_KEYWORDS = re.compile(
    rf"^({RECIPIENTS_LABEL.rstrip(':').lower()}|{ADDRESSEE_LABEL.rstrip(':').lower()}"
    rf"|{ARCHIVE_LABEL.rstrip(':').lower()}\s*:|({_PREFIXES.lower()})\.\s)", re.IGNORECASE)
#: The deputy line "KT. CHỦ TỊCH".
DEPUTY = re.compile(rf"^{re.escape(DEPUTY_PREFIX)}\s*(.+)$")
#: "Nơi nhận:" as typed.
RECIPIENTS_LABEL = re.compile(r"^\W*nơi\s+nhận\s*:?\W*", re.IGNORECASE)
#: "Lưu: VT, ..." as typed (without its dash).
ARCHIVE = re.compile(r"^lưu\s*:?\s*", re.IGNORECASE)
#: A công văn's trích yếu label as typed ("V/v", "v/v.", "V/v:").
SUMMARY_LABEL = re.compile(r"^v/v[.:]?\s*", re.IGNORECASE)
