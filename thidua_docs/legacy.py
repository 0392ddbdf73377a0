"""Legacy Vietnamese encodings TCVN3 (ABC) and VNI: detection and conversion to Unicode.

Before Unicode, Vietnamese offices typed with fonts that drew Vietnamese
letters at the code points of Western ones. Read without the font, the text
shows those Western characters: "C«ng v¨n" (TCVN3) or "Coâng vaên" (VNI) for
"Công văn".

**TCVN3** (ABC, fonts ``.VnTime``, ``.VnArial``, ...) is the VN3 subset of
TCVN 5712:1993: one byte per letter in 0xA1-0xFE, lower-case letters only plus
the seven bare capitals Ă Â Ê Ô Ơ Ư Đ. Capitals with tone marks are typed with
the same lower-case codes in a separate capitals font (``.VnTimeH``,
``.VnArialH``: the font name ends in "H"). The table follows the TCVN5712-1
charmap of the GNU C Library (``localedata/charmaps/TCVN5712-1``, the VN1
repertoire of TCVN 5712:1993); VN3 is its upper half without the combining
marks (0xB0-0xB4). The VN1 capitals that fall in that half (0xAF, 0xBA, 0xBF,
0xC0-0xC5, 0xCD, 0xD9-0xDB, 0xE0, 0xF0, 0xFF: positions VN3 leaves unused)
are kept, so text typed with VN1 capitals converts too.

**VNI** (VNI-Windows, fonts ``VNI-Times``, ``VNI-Helve``, ...) writes a letter
as its base letter followed by one mark character: "aù" is á, "aâ" is â, "aá"
is ấ; ơ, ư, đ and the toned i and ỵ are single characters (ô, ö, ñ, í ì æ ó
ò, î). The table follows the VNI-Windows chart as published in the xvnkb
keyboard driver (Đào Hải Lâm, ``vni.h``, 2002), row by row: base letter, then
sắc, huyền, hỏi, ngã, nặng.

No library on PyPI was complete enough to depend on: viparse 0.1.x leaves out
VNI's ẳ/Ẳ ("aú"), reads ỵ as "yï" (VNI types it "î") and does not restore the
capitals of a TCVN3 capitals font; vniencoder covers VNI only. The tests check
every one of the 134 letters against the C library's converter (TCVN3) and
against VNI's typing rules.

Detection: in a .docx by the font of each run (:func:`font_encoding`); in
plain text paragraph by paragraph (:func:`detect`), by converting each
candidate and counting the words that are well-formed Vietnamese syllables:
a legacy paragraph reads as nonsense until converted, a Unicode one stays the
best reading as it is. Mixed documents are handled paragraph by paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TCVN3, VNI = "tcvn3", "vni"
ENCODINGS = (TCVN3, VNI)

# --- TCVN3 --------------------------------------------------------------------------------

#: Tone order of the TCVN3 rows: huyền, hỏi, ngã, sắc, nặng.
_TCVN3_ROWS = {
    "a": "µ¶·¸¹", "ă": "»¼½¾Æ", "â": "ÇÈÉÊË", "e": "ÌÎÏÐÑ", "ê": "ÒÓÔÕÖ",
    "i": "×ØÜÝÞ", "o": "ßáâãä", "ô": "åæçèé", "ơ": "êëìíî", "u": "ïñòóô",
    "ư": "õö÷øù", "y": "úûüýþ",
}
_TCVN3_BASES = {"¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\xad": "ư", "®": "đ",
                "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ"}
#: VN1 capitals in the upper half (positions VN3 does not use).
_VN1_CAPITALS = {"¯": "Ằ", "º": "Ẳ", "¿": "Ẵ", "À": "Ắ", "Á": "Ầ", "Â": "Ẩ", "Ã": "Ẫ",
                 "Ä": "Ấ", "Å": "Ề", "Í": "Ể", "Ù": "Ễ", "Ú": "Ế", "Û": "Ồ", "à": "Ổ",
                 "ð": "Ỗ", "ÿ": "Ố"}
_TONES = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng


def _toned(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


TCVN3_TABLE: dict[str, str] = {
    **_TCVN3_BASES,
    **{code: _toned(base, tone) for base, codes in _TCVN3_ROWS.items()
       for code, tone in zip(codes, _TONES)},
    **_VN1_CAPITALS,
}

# --- VNI ----------------------------------------------------------------------------------

#: Each row: the letter's VNI form without tone, then sắc, huyền, hỏi, ngã, nặng.
_VNI_ROWS = {
    "a": "a aù aø aû aõ aï", "â": "aâ aá aà aå aã aä", "ă": "aê aé aè aú aü aë",
    "e": "e eù eø eû eõ eï", "ê": "eâ eá eà eå eã eä",
    "o": "o où oø oû oõ oï", "ô": "oâ oá oà oå oã oä", "ơ": "ô ôù ôø ôû ôõ ôï",
    "u": "u uù uø uû uõ uï", "ư": "ö öù öø öû öõ öï",
    "i": "i í ì æ ó ò", "y": "y yù yø yû yõ î",
}
_VNI_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng


def _vni_table() -> dict[str, str]:
    table = {"ñ": "đ", "Ñ": "Đ"}
    for letter, forms in _VNI_ROWS.items():
        for case in (str.lower, str.upper):
            sequences = case(forms).split()
            targets = [letter] + [_toned(letter, tone) for tone in _VNI_TONES]
            for sequence, target in zip(sequences, targets):
                if sequence != case(target):  # plain a, e, i, ... need no entry
                    table[sequence] = case(target)
    return table


VNI_TABLE: dict[str, str] = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI_TABLE), key=len, reverse=True)))


# --- conversion ---------------------------------------------------------------------------


def convert(text: str, encoding: str, *, capitals: bool = False) -> str:
    """*text* read in *encoding* ("tcvn3" or "vni"), as Unicode NFC.

    *capitals*: the text was set in a TCVN3 capitals font (.VnTimeH), which
    draws every letter as a capital.
    """
    if encoding == TCVN3:
        result = "".join(TCVN3_TABLE.get(char, char) for char in text)
    elif encoding == VNI:
        result = _VNI_PATTERN.sub(lambda match: VNI_TABLE[match.group(0)], text)
    else:
        raise ValueError(f"unknown encoding {encoding!r}")
    result = unicodedata.normalize("NFC", result)
    return result.upper() if capitals else result


def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """(encoding, capitals) of a legacy font name, or None for any other font.

    ".VnTime", ".VnArial", "VNtimes new roman" → TCVN3 (".VnTimeH": capitals);
    "VNI-Times", "VNI-Helve" → VNI.
    """
    if not font:
        return None
    name = font.strip()
    folded = name.casefold()
    if folded.startswith(("vni-", "vni ")) or folded == "vni":
        return VNI, False
    if re.match(r"\.?vn(?!i)", folded):
        family = re.sub(r"\s+(bold|italic|bold italic)$", "", name, flags=re.IGNORECASE)
        return TCVN3, family.endswith("H")
    return None


# --- detection ----------------------------------------------------------------------------

_ONSET = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]"
_NUCLEI = (
    "iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi "
    "ươ ưu yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(rf"^(?:{_ONSET})?(?:{'|'.join(_NUCLEI)})(?:ch|nh|ng|[cmnpt])?$")
_TONE_MARKS = set("\u0300\u0301\u0303\u0309\u0323")
_WORD_EDGES = ".,;:!?()[]\"'“”‘’…-–/*"
#: Letters only Unicode Vietnamese has (none of them is a Latin-1 character).
_UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")


def is_syllable(word: str) -> bool:
    """Whether *word* is a well-formed Vietnamese syllable (with at most one tone)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(char in _TONE_MARKS for char in decomposed) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return bool(_SYLLABLE.match(base))


def _score(text: str) -> int:
    """How many words of *text* that hold a non-ASCII character read as syllables."""
    return sum(is_syllable(word.strip(_WORD_EDGES)) for word in text.split()
               if not word.isascii())


def _legacy_words(text: str) -> list[str]:
    return [word for word in text.split() if not word.isascii()]


def detect(text: str, prefer: str | None = None) -> str | None:
    """The legacy encoding *text* (one paragraph) is in, or None if it reads as Unicode.

    *prefer* breaks a tie between a legacy reading and the text as it stands
    (the encoding of the rest of the document).
    """
    if not _legacy_words(text) or _UNICODE_ONLY.search(text):
        return None
    as_is = _score(text)
    scores = {encoding: _score(convert(text, encoding)) for encoding in ENCODINGS}
    best = max(ENCODINGS, key=lambda encoding: (scores[encoding], encoding == prefer))
    if scores[best] > as_is:
        return best
    return prefer if prefer and scores[prefer] == as_is else None


def convert_detected(text: str, encoding: str) -> str:
    """Convert a paragraph detected as *encoding*; TCVN3 capitals are restored from case.

    A plain-text TCVN3 paragraph typed in a capitals font has upper-case ASCII
    letters and lower-case codes for the accented ones ("CéNG HOµ"): such
    words (and a paragraph without any lower-case ASCII letter) are upper-cased.
    """
    converted = convert(text, encoding)
    if encoding != TCVN3:
        return converted
    ascii_letters = [c for c in text if c.isascii() and c.isalpha()]
    if ascii_letters and not any(c.islower() for c in ascii_letters) and \
            sum(c.isupper() for c in ascii_letters) >= 2:
        return converted.upper()
    words = text.split(" ")
    result = converted.split(" ")
    if len(words) != len(result):
        return converted
    return " ".join(new.upper() if _capitals_word(old) else new
                    for old, new in zip(words, result))


def _capitals_word(word: str) -> bool:
    letters = [c for c in word if c.isascii() and c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not word.isascii()


@dataclass
class Conversion:
    """What :func:`fix_paragraphs` did: the text and, per paragraph, the encoding found."""

    paragraphs: list[str]
    encodings: list[str | None]

    @property
    def counts(self) -> dict[str, int]:
        return {encoding: self.encodings.count(encoding) for encoding in ENCODINGS
                if encoding in self.encodings}


def encoding_of(text: str, *, prefer: str | None = None, forced: str | None = None) -> str | None:
    """The encoding of one paragraph: *forced* for any paragraph that is not already
    Unicode Vietnamese, else :func:`detect` (ties going to *prefer*)."""
    if forced:
        return forced if _legacy_words(text) and not _UNICODE_ONLY.search(text) else None
    return detect(text, prefer=prefer)


def fix_paragraphs(paragraphs: list[str], encoding: str | None = None) -> Conversion:
    """Detect and convert each paragraph; *encoding* forces one for every legacy-looking one."""
    majority = encoding or _majority([detect(p) for p in paragraphs])
    found = [encoding_of(p, prefer=majority, forced=encoding) for p in paragraphs]
    return Conversion([convert_detected(p, e) if e else p for p, e in zip(paragraphs, found)],
                      found)


def _majority(encodings: list[str | None]) -> str | None:
    counts = {e: encodings.count(e) for e in ENCODINGS}
    best = max(ENCODINGS, key=counts.get)
    return best if counts[best] else None


# --- bytes --------------------------------------------------------------------------------


def converts_better(single: str, windows: str) -> bool:
    """Whether the bytes of a text file read one to a character (*single*, Windows-1252),
    their TCVN3/VNI paragraphs converted, hold at least as many Vietnamese words as the
    same bytes read as Windows-1258 (*windows*): a short legacy text may use only bytes
    that Windows-1258 reads as Vietnamese letters ("Coâng vaên ngaõ", VNI for "Công văn
    ngã", is "Coâng vaên ngaơ" in Windows-1258)."""
    converted = fix_paragraphs(single.splitlines()).paragraphs
    return sum(map(_score, converted)) >= _score(windows)
