"""What rules share: deviations at a line, missing parts, an element's size, weight, case."""

from __future__ import annotations

from typing import Iterator

from thidua_docs import decree
from thidua_docs.wordml.anatomy import Anatomy, Line
from thidua_docs.check.registry import Deviation
from thidua_docs.messages import message

_EPS = 0.05


def at(line: Line | None, expected: str, found: str, cause: object = None) -> Deviation:
    """A deviation at *line*; None stands for the page header or footer."""
    return Deviation(line if line is not None else message("check_page_header_or_footer"),
                     expected, found, cause)


def missing(what: str, where: str = "check_document_header") -> Deviation:
    return Deviation(message(where), what, message("check_not_found"))


def size_range(low: float, high: float) -> str:
    return f"{low:g} pt" if low == high else f"{low:g}–{high:g} pt"


def element(doc: Anatomy, line: Line, name: str, what: str) -> Iterator[Deviation]:
    """Size, weight, slant and case of *line* against decree.ELEMENTS[name]."""
    spec = decree.ELEMENTS[name]
    low, high = spec.size_pt
    wrong = sorted((s for s in doc.sizes(line) if s is None or not low - _EPS <= s <= high + _EPS),
                   key=lambda s: s or 0)
    if wrong:
        yield at(line, f"{what}: {size_range(low, high)}",
                 ", ".join("?" if s is None else f"{s:g} pt" for s in wrong))
    if spec.bold is not None and doc.bold(line) != spec.bold:
        yield at(line, f"{what}: " + message("check_bold" if spec.bold else "check_not_bold"),
                 message("check_not_bold" if spec.bold else "check_bold"))
    if spec.italic is not None and doc.italic(line) != spec.italic:
        yield at(line, f"{what}: " + message("check_italic" if spec.italic else "check_upright"),
                 message("check_upright" if spec.italic else "check_italic"))
    if spec.upper and line.shown != line.shown.upper():
        yield at(line, f"{what}: " + message("check_capitals"), line.stripped)
