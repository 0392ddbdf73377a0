"""The labels of a body (Phụ lục I, II.7): I., II. → 1., 2. → a), b) → -, +."""

from __future__ import annotations

import re

#: Letters of điểm labels a), b), ... (the Vietnamese alphabet: no f, j, w, z).
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
#: Marks of bullets by depth.
BULLET_MARKS = ("-", "+")
#: A label as typed at the start of a paragraph: I., 1., a), -, +.
LABEL = re.compile(
    r"^(?P<label>(?P<roman>[IVXL]{1,6})\.|(?P<arabic>\d{1,2})\.|(?P<letter>[a-zđ])\)"
    r"|(?P<dash>[-–—•])|(?P<plus>\+))(?:\s+|$)")
