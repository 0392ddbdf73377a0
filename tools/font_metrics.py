"""Rebuild thidua_docs/layout/tnr_widths.json from Liberation Serif.

Liberation Serif is metric-compatible with Times New Roman, so its advance
widths are those of Times New Roman. Run once when the character set
changes (needs fonttools and Debian's fonts-liberation2):

    python tools/font_metrics.py
"""

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
RANGES = [(0x20, 0x250), (0x1E00, 0x1F00)]  # Latin, Latin Extended, Vietnamese letters
OUT = Path(__file__).resolve().parents[1] / "thidua_docs" / "layout" / "tnr_widths.json"


def widths(font_file: str) -> dict[str, int]:
    font = TTFont(FONT_DIR / font_file)
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    return {
        chr(code): metrics[cmap[code]][0]
        for low, high in RANGES
        for code in range(low, high)
        if code in cmap
    }


def main() -> None:
    data = {
        "units_per_em": TTFont(FONT_DIR / "LiberationSerif-Regular.ttf")["head"].unitsPerEm,
        "regular": widths("LiberationSerif-Regular.ttf"),
        "bold": widths("LiberationSerif-Bold.ttf"),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['regular'])} characters)")


if __name__ == "__main__":
    main()
