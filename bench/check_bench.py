"""Speed of `thidua check` on real documents of other offices (../shared/wild).

Times ``check_file`` (open, read with wordml, find the parts, run every rule) on the
longest in-scope documents and over the whole corpus, and writes the section
"Check" of bench/RESULTS.md (replacing it if present). Run from the repository:
``.venv/bin/python bench/check_bench.py``.
"""

from __future__ import annotations

import platform
import re
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from thidua_docs.check import check_file

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT.parent / "shared" / "wild"
RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## 5. Check (`thidua check` on real documents, ../shared/wild)"
#: In-scope documents of about 20 pages and more, with their printed page counts.
LONG = {"lamdong-2026-bc-tong-ket-chien-luoc-pcmt.docx": 26,
        "lamdong-2025-kh-cchc-2026.docx": 30,
        "lamdong-bcd-2025-bc-de-an-06-thang-11.docx": 14,
        "lamdong-2025-bc-cchc-nam-2025.docx": 36}
RUNS = 7
BAR_SECONDS = 0.5


def median_seconds(path: Path, runs: int = RUNS) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_file(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def main() -> int:
    if not WILD.is_dir():
        print(f"{WILD} is absent: nothing to measure", file=sys.stderr)
        return 1
    rows = []
    for name, pages in LONG.items():
        median, times = median_seconds(WILD / name)
        rows.append(f"| {name} ({pages} pages) | {median * 1000:.0f} ms | "
                    + ", ".join(f"{t * 1000:.0f}" for t in times) + " |")
    corpus = [median_seconds(path, 3)[0] for path in sorted(WILD.glob("*.docx"))]
    twenty = median_seconds(WILD / "lamdong-2026-bc-tong-ket-chien-luoc-pcmt.docx")[0]
    section = "\n".join([
        HEADING, "",
        f"Measured by `bench/check_bench.py` on {date.today()}: {platform.machine()}, "
        f"Python {platform.python_version()}; medians of {RUNS} runs in one process "
        "(open, wordml read, anatomy, every rule).", "",
        "| document | median | runs (ms) |", "|---|---|---|", *rows,
        f"| all {len(corpus)} .docx of the corpus (median of per-file medians) | "
        f"{statistics.median(corpus) * 1000:.0f} ms | max {max(corpus) * 1000:.0f} ms |", "",
        f"- a real 20-page document (the 26-page báo cáo): **{twenty:.2f} s** "
        f"(bar: ≤ {BAR_SECONDS} s) {'✅' if twenty <= BAR_SECONDS else '❌'}", ""])
    text = RESULTS.read_text("utf-8")
    if HEADING in text:
        before, _, after = text.partition(HEADING)
        following = re.search(r"\n(## |<!-- )", after)  # the next section, ours or not
        text = before + section + (after[following.start() + 1:] if following else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, "utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
