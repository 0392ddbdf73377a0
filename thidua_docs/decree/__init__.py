"""The vocabulary of Nghị định 30/2020/NĐ-CP: one source for the model, renderer,
checker and importer.

* ``wording``: fixed words the decree prescribes (Quốc hiệu, Tiêu ngữ, mức độ khẩn,
  signing prefixes, "V/v", "Kính gửi:", "Nơi nhận:", "Lưu:", "./.", "Phụ lục", "Căn cứ").
* ``kinds``: document kinds and their type codes (Phụ lục III).
* ``labels``: the labels of the body (I. → 1. → a) → - → +) and their pattern.
* ``patterns``: regular expressions that recognise the decree's lines in any document.
* ``ranges``: the sizes, weights and margins Phụ lục I allows.

Source: ../shared/reference/nd30-layout.md.
"""

from thidua_docs.decree.kinds import KIND_CODES, normalise_kind
from thidua_docs.decree.labels import BULLET_MARKS, LABEL, POINT_LETTERS
from thidua_docs.decree.ranges import (
    BODY_FIRST_LINE_CM,
    BODY_LINE_SPACING,
    BODY_MIN_SPACING_PT,
    ELEMENTS,
    FONT,
    ISSUER_RULE_FRACTION,
    MARGINS_MM,
    PAGE_MM,
    SUBJECT_RULE_FRACTION,
    URGENCY_COLOR,
    ElementRule,
)
from thidua_docs.decree.wording import (
    ADDRESSEE_LABEL,
    APPENDIX_ATTACHED,
    APPENDIX_WORD,
    ARCHIVE_DEFAULT,
    ARCHIVE_LABEL,
    AUTHORITY_PREFIXES,
    AUTHORITY_WORDS,
    BASIS_WORD,
    BLANK_DATE,
    DEPUTY_PREFIX,
    END_MARK,
    LOCALITY_WORDS,
    MOTTO,
    NATIONAL_NAME,
    NATIONAL_NAMES,
    NUMBER_LABEL,
    RECIPIENTS_LABEL,
    SUMMARY_LABEL,
    URGENCY_LEVELS,
    URGENCY_SPELLINGS,
    blank_date,
    urgency_level,
)
from thidua_docs.decree import patterns

__all__ = [
    "ADDRESSEE_LABEL", "APPENDIX_ATTACHED", "APPENDIX_WORD", "ARCHIVE_DEFAULT", "ARCHIVE_LABEL",
    "AUTHORITY_PREFIXES", "AUTHORITY_WORDS", "BASIS_WORD", "BLANK_DATE", "BODY_FIRST_LINE_CM",
    "BODY_LINE_SPACING", "BODY_MIN_SPACING_PT", "BULLET_MARKS", "DEPUTY_PREFIX", "ELEMENTS",
    "END_MARK", "ElementRule", "FONT", "ISSUER_RULE_FRACTION", "KIND_CODES", "LABEL", "LOCALITY_WORDS",
    "MARGINS_MM", "MOTTO", "NATIONAL_NAME", "NATIONAL_NAMES", "NUMBER_LABEL", "PAGE_MM",
    "POINT_LETTERS", "RECIPIENTS_LABEL", "SUBJECT_RULE_FRACTION", "SUMMARY_LABEL",
    "URGENCY_COLOR", "URGENCY_LEVELS", "URGENCY_SPELLINGS", "blank_date", "normalise_kind",
    "patterns", "urgency_level",
]
