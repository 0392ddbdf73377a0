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
    table = _table()
    widths = table["bold" if bold else "regular"]
    fallback = widths["n"]
    units = sum(widths.get(char, fallback) for char in text)
    return units * size_pt / table["units_per_em"]
