"""The end of the document: signing authority and name, Nơi nhận, recipients, Lưu."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from thidua_docs import decree
from thidua_docs.wordml.anatomy import Anatomy, fold, plain
from thidua_docs.check.registry import Deviation, rule
from thidua_docs.check.rules.common import at, element, missing
from thidua_docs.messages import message

#: "- Lưu: VT, NC." and its variants: "Lưu VT", "Lưu: VT,NC", "- Lưu VT, TH (2b)."
#: A recipient line with a note typed beside it after wide spaces: "- Cổng TTĐT;    Để đăng".
_NOTE = re.compile(r"(?<=;)\s{2,}")
#: A drafter's mark (Phụ lục I, ô 12) may follow the Lưu line's full stop, unspaced:
#: "- Lưu: VT, NC.Châu", "- Lưu: VT, TH.PL(300)".
_ARCHIVE_RIGHT = re.compile(r"^- Lưu: VT(,\s*[^.]*\S)?\.(\S+)?$")


@rule("KY-QUYEN-HAN", "signature", clause="Phụ lục I, Phần I, mục III.7 (quyền hạn TM., KT., "
      "Q., TL., TUQ. và chức vụ người ký: in hoa, 13–14 pt, đậm)",
      right="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
      wrong="T/M. ỦY BAN NHÂN DÂN; Chủ tịch (không in hoa)")
def signer_lines(doc: Anatomy) -> Iterator[Deviation]:
    lines = [l for l in doc.signature if l.stripped]
    if not lines:
        if doc.recipients_label:
            yield missing(message("check_signature_block"), "check_end_of_document")
        return
    first = lines[0].stripped.split()[0]
    looks_like_prefix = (first.endswith(".") and len(first) <= 5) or fold(
        lines[0].stripped).startswith(decree.AUTHORITY_WORDS)
    if looks_like_prefix and first not in decree.AUTHORITY_PREFIXES:
        yield at(lines[0], " / ".join(decree.AUTHORITY_PREFIXES), first)
    for line in lines:
        yield from element(doc, line, "signer_title", message("check_signer_title"))


@rule("KY-HO-TEN", "signature", clause="Phụ lục I, Phần I, mục III.7b (họ tên người ký: chữ "
      "thường, 13–14 pt, đậm)", right="Nguyễn Văn A (đậm)", wrong="NGUYỄN VĂN A")
def signer_name(doc: Anatomy) -> Iterator[Deviation]:
    line = doc.signer
    if line is None:
        return
    yield from element(doc, line, "signer_name", message("check_name"))
    if line.shown == line.shown.upper() and any(c.isalpha() for c in line.shown):
        yield at(line, message("check_name_case"), line.stripped)


@rule("NOI-NHAN", "signature", clause="Phụ lục I, Phần I, mục III.9b (“Nơi nhận:” 12 pt, "
      "nghiêng, đậm)", right="Nơi nhận: (12 pt, đậm nghiêng)",
      wrong="Nơi nhận (thiếu dấu hai chấm); Nơi nhận: 14 pt")
def recipients_label(doc: Anatomy) -> Iterator[Deviation]:
    line = doc.recipients_label
    if line is None:
        yield missing(decree.RECIPIENTS_LABEL, "check_end_of_document")
        return
    if line.stripped != decree.RECIPIENTS_LABEL:
        yield at(line, decree.RECIPIENTS_LABEL, line.stripped)
    yield from element(doc, line, "recipients_label", decree.RECIPIENTS_LABEL.rstrip(":"))


@rule("NOI-NHAN-DONG", "signature", clause="Phụ lục I, Phần I, mục III.9b (mỗi nơi nhận một "
      "dòng, 11 pt, bắt đầu “-”, kết thúc “;”)", right="- Như trên;", wrong="Như trên,")
def recipient_lines(doc: Anatomy) -> Iterator[Deviation]:
    lines = [l for l in doc.recipients if l.stripped]
    for line in lines:
        text = " ".join(_NOTE.split(line.text)[0].split())  # a note beside it ("Để đăng")
        is_archive = plain(text).lstrip("-–+ ").startswith("luu")
        if not text.startswith(("- ", "+ ")):
            yield at(line, message("check_starts_dash"), text[:12], cause="dash")
        last = line is lines[-1]  # with no Lưu line after it, the list may end with "."
        if not is_archive and not text.endswith((";", ":")) and not (last and
                                                                    text.endswith(".")):
            yield at(line, message("check_ends_semicolon"), text[-12:], cause="semicolon")
        yield from element(doc, _without_mark(line) if is_archive else line, "recipient",
                           message("check_recipient"))


def _without_mark(line):
    """A Lưu line without the drafter's mark after its full stop (often set smaller)."""
    spans, seen = list(line.spans), ""
    for position, span in enumerate(spans):
        seen += span.text
        if span.text.rstrip().endswith("."):
            rest = "".join(s.text for s in spans[position + 1:]).strip()
            if rest and " " not in rest:
                kept = spans[:position] if span.text.strip() == "." else spans[:position + 1]
                return replace(line, spans=kept, text=seen)
    return line


@rule("LUU", "signature", clause="Phụ lục I, Phần I, mục III.9b (dòng cuối “- Lưu: VT, …” "
      "kết thúc bằng dấu chấm)", right="- Lưu: VT, NC.", wrong="- Lưu VT; - Lưu: NC, VT; "
      "- Lưu: VT. NC")
def archive_line(doc: Anatomy) -> Iterator[Deviation]:
    if doc.recipients_label is None:
        return
    lines = [l for l in doc.recipients if l.stripped]
    archive = next((l for l in reversed(lines) if plain(l.text).lstrip("-–+ ").startswith("luu")),
                   None)
    if archive is None:
        last = lines[-1] if lines else doc.recipients_label
        yield at(last, "- Lưu: VT, …", message("check_no_luu_line"))
        return
    text = " ".join(archive.stripped.split())
    following = lines[lines.index(archive) + 1:]
    if following and not text.endswith("."):  # "- Lưu: VT, NC<br>Tên (2b)."
        text = text + " " + " ".join(l.stripped for l in following)
    if not _ARCHIVE_RIGHT.match(text) or re.search(r"VT\s*\.\s*\S", text):
        yield at(archive, "- Lưu: VT, ….", text)
