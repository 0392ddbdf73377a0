"""Fixed wordings of Nghị định 30/2020 Phụ lục I (and their accepted spellings)."""

from __future__ import annotations

#: Quốc hiệu, as printed; the older "HOÀ" spelling is accepted when read.
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_NAMES = (NATIONAL_NAME, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
#: Tiêu ngữ: spaces on both sides of each hyphen.
MOTTO = "Độc lập - Tự do - Hạnh phúc"

#: Mức độ khẩn (box 10b), as written in lower case; printed in capitals.
URGENCY_LEVELS = ("khẩn", "thượng khẩn", "hỏa tốc")
#: Older spellings of a mức độ khẩn, with the accent on the other vowel.
URGENCY_SPELLINGS = {"hoả tốc": "hỏa tốc"}

#: Quyền hạn ký: thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền.
AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
#: The same, written out (as hand-typed drafts sometimes do).
AUTHORITY_WORDS = ("thay mặt", "ký thay", "thừa lệnh", "thừa ủy quyền", "quyền")
DEPUTY_PREFIX = "KT."

#: Administrative units that follow a People's Committee's name ("Ủy ban nhân dân" /
#: "Huyện Đăk Hà"), longest first; "đặc khu" since the 2025 reorganisation.
LOCALITY_WORDS = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận",
                  "Tỉnh", "Xã")

NUMBER_LABEL = "Số:"
#: The label of a công văn's trích yếu ("về việc").
SUMMARY_LABEL = "V/v"
ADDRESSEE_LABEL = "Kính gửi:"
RECIPIENTS_LABEL = "Nơi nhận:"
ARCHIVE_LABEL = "Lưu:"
#: Văn thư keeps the first copy: the Lưu line starts with it.
ARCHIVE_DEFAULT = "VT"
#: The end of the body of a document.
END_MARK = "./."
#: "Căn cứ ..." lines of the legal basis, before the body of a decision or plan.
BASIS_WORD = "Căn cứ"
#: Heading of an appendix: "Phụ lục" and its Roman numeral; then "(Kèm theo ...)".
APPENDIX_WORD = "Phụ lục"
APPENDIX_ATTACHED = "Kèm theo"

#: What a draft prints where nothing of the date is known yet.
BLANK_DATE = "ngày      tháng      năm      "


def blank_date(year: int | None) -> str:
    """The date of a draft: day and month left for the signing day, the year kept when it
    is known ("ngày      tháng      năm 2025"), as unsigned drafts are circulated."""
    return BLANK_DATE if year is None else f"{BLANK_DATE.rstrip()} {year}"


def urgency_level(text: str) -> str | None:
    """The mức độ khẩn *text* names (any case, either spelling), or None."""
    word = " ".join(text.split()).lower()
    word = URGENCY_SPELLINGS.get(word, word)
    return word if word in URGENCY_LEVELS else None
