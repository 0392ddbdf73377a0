"""Vietnamese text typed the old way, for tests: TCVN3 (through the C library's TCVN5712-1
converter, an implementation independent of ours) and VNI (from VNI's own typing rules)."""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata

TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng
VOWELS = "aăâeêioôơuưy"
#: The 67 letters of Vietnamese outside ASCII, lower case (12 vowels × 6 tones, đ, less
#: the six plain ASCII vowels); with their capitals, the 134 letters of the alphabet.
LETTERS = [letter for letter in (
    [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in ("",) + TONES] + ["đ"])
    if not letter.isascii()]
ALPHABET = LETTERS + [letter.upper() for letter in LETTERS]

#: VNI's marks: the tone after a plain vowel (or ơ, ư), after â/ê/ô, after ă.
_VNI_TONE = {"\u0301": "ùáé", "\u0300": "øàè", "\u0309": "ûåú", "\u0303": "õãü", "\u0323": "ïäë"}
_VNI_I = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni_letter(letter: str) -> str:
    """One letter as VNI types it: base letter, then its mark (ấ = "aá", Ộ = "OÄ")."""
    lower = letter.lower()
    parts = unicodedata.normalize("NFD", lower)
    tone = next((c for c in parts if c in TONES), "")
    base, marks = parts[0], {c for c in parts[1:] if c not in TONES}
    if lower == "đ":
        typed = "ñ"
    elif base == "i":
        typed = _VNI_I[tone]
    elif base == "y" and tone == "\u0323":
        typed = "î"
    elif "\u031b" in marks:  # horn: ơ, ư are single characters
        typed = {"o": "ô", "u": "ö"}[base] + (_VNI_TONE[tone][0] if tone else "")
    elif "\u0302" in marks:  # circumflex: â ê ô
        typed = base + (_VNI_TONE[tone][1] if tone else "â")
    elif "\u0306" in marks:  # breve: ă
        typed = base + (_VNI_TONE[tone][2] if tone else "ê")
    else:
        typed = base + (_VNI_TONE[tone][0] if tone else "")
    return typed.upper() if letter.isupper() else typed


def vni(text: str) -> str:
    return "".join(vni_letter(c) if not c.isascii() and c.isalpha() else c
                   for c in unicodedata.normalize("NFC", text))


def iconv_available() -> bool:
    return shutil.which("iconv") is not None


def tcvn3(text: str) -> str:
    """*text* in TCVN3 (the VN3 repertoire: lower case and Ă Â Ê Ô Ơ Ư Đ), as the surface
    characters a reader without the .VnTime font shows; other characters stay."""
    return "".join(_tcvn3_letter(c) if c.isalpha() and not c.isascii() else c for c in text)


@functools.lru_cache(maxsize=None)
def _tcvn3_letter(letter: str) -> str:
    raw = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=letter.encode(),
                         capture_output=True, check=True).stdout
    assert len(raw) == 1 and 0xA1 <= raw[0] <= 0xFE and raw[0] not in _VN1_CAPITALS, \
        f"{letter!r} needs a capitals font in TCVN3"
    return raw.decode("latin-1")


_VN1_CAPITALS = {0xAF, 0xBA, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xCD, 0xD9, 0xDA, 0xDB,
                 0xE0, 0xF0, 0xFF}


def tcvn3_capitals(text: str) -> str:
    """*text* typed in a TCVN3 capitals font (.VnTimeH): ASCII letters in capitals, the
    others with their lower-case codes, which the font draws as capitals."""
    return "".join(c.upper() if c.isascii() else c for c in tcvn3(text.lower()))
