"""Text widths in Times New Roman, from the metric-compatible Liberation Serif."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(resources.files(__package__).joinpath("tnr_widths.json").read_text("utf-8"))


def text_width_pt(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Width of *text* set in Times New Roman at *size_pt* points."""
    return word_widths_pt([text], size_pt, bold=bold)[0]


def word_widths_pt(words: list[str], size_pt: float, *, bold: bool = False) -> list[float]:
    """Widths of each of *words* in Times New Roman at *size_pt* (one table look-up)."""
    table = _table()
    widths = table["bold" if bold else "regular"]
    fallback, scale = widths["n"], size_pt / table["units_per_em"]
    return [sum([widths.get(char, fallback) for char in word]) * scale for word in words]


def longest_line_pt(text: str, size_pt: float, width_pt: float, *, bold: bool = False) -> float:
    """Width of the longest line of *text* wrapped at word boundaries into *width_pt*.

    Lines break the way a word processor breaks them: as many words as fit; a
    single word wider than the line counts as the whole line width; a "\n" (a
    line break, w:br) always starts a new line.
    """
    if "\n" in text:
        return max(longest_line_pt(line, size_pt, width_pt, bold=bold)
                   for line in text.split("\n"))
    space = text_width_pt(" ", size_pt, bold=bold)
    longest = line = 0.0
    for word in text.split():
        word_pt = text_width_pt(word, size_pt, bold=bold)
        if line and line + space + word_pt > width_pt:
            longest, line = max(longest, line), word_pt
        else:
            line = line + space + word_pt if line else word_pt
    return min(max(longest, line), width_pt)
