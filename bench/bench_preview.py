"""The desk's preview latency: edit → refreshed preview, and the first preview after start.

Runs ``thidua serve``'s app on a loopback port (the same code the CLI starts), opens the
commented sample as a clerk would, and for each of RUNS edits changes an indicator's value and
times what the browser waits for: the validation answer, the preview answer (render + warm
LibreOffice PDF) and every page's picture (fetched in parallel, as the browser does). The first
preview is timed from the server's start. Writes its section of bench/RESULTS.md.

    .venv/bin/python bench/bench_preview.py [RUNS]
"""

from __future__ import annotations

import copy
import datetime as dt
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import uvicorn

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "RESULTS.md"
BEGIN, END = "<!-- bench_preview.py -->", "<!-- /bench_preview.py -->"
SAMPLE = "mau-phat-dong.yaml"
VALUE_PATH = ("body", 1, "content", 0, "content", 0, "indicators", 0, "value")


def main(runs: int = 40) -> None:
    from thidua_docs import roundtrip
    from thidua_docs.web import Settings, create_app

    workspace = Path(tempfile.mkdtemp(prefix="thidua-bench-"))
    from thidua_docs import bundled

    shutil.copy(bundled.path(bundled.SAMPLE), workspace / SAMPLE)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    app = create_app(Settings(workspace=workspace))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
    token = re.search(r'name="csrf-token" content="([0-9a-f]+)"', client.get("/").text)[1]
    headers = {"X-CSRF-Token": token}
    data = roundtrip.plain(roundtrip.load((workspace / SAMPLE).read_text(encoding="utf-8")))
    pictures = ThreadPoolExecutor(8)

    def refresh(value: str) -> float:
        edited = copy.deepcopy(data)
        node = edited
        for key in VALUE_PATH[:-1]:
            node = node[key]
        node[VALUE_PATH[-1]] = value
        begin = time.perf_counter()
        client.post(f"/api/validate/{SAMPLE}", json={"data": edited}, headers=headers) \
            .raise_for_status()
        answer = client.post(f"/api/preview/{SAMPLE}", json={"data": edited}, headers=headers)
        answer.raise_for_status()
        for page in pictures.map(client.get, answer.json()["pages"]):
            page.raise_for_status()
        return time.perf_counter() - begin

    refresh("9,5")
    first = time.perf_counter() - started  # from the server's start to the pictures shown
    times = [refresh(f"{10 + run},{run % 10}") for run in range(runs)]
    server.should_exit = True
    thread.join(30)
    shutil.rmtree(workspace, ignore_errors=True)
    _write(first, times)


def _write(first: float, times: list[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    median = statistics.median(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    office = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout
    section = "\n".join([
        BEGIN,
        "## Web preview (`thidua serve`, bench/bench_preview.py)",
        "",
        f"Measured on {dt.date.today().isoformat()}: {platform.machine()}, "
        f"{__import__('os').cpu_count()} cores, Python {platform.python_version()}, "
        f"{office.split('(')[0].strip() or 'LibreOffice'}; 2 warm UNO workers. "
        "One edit = the validation answer + the preview answer (render, PDF from the warm "
        "LibreOffice) + every page's picture, fetched in parallel as the browser does; "
        f"the sample directive ({SAMPLE}), {len(ms)} edits. Load average while measuring: "
        f"{__import__('os').getloadavg()[0]:.1f} (the machine is shared with other jobs: "
        "figures vary with its load).",
        "",
        "| measure | value | bar |",
        "|---|---|---|",
        f"| edit → refreshed preview, median | {median:.0f} ms | ≤ 700 ms "
        f"{'✅' if median <= 700 else '❌'} |",
        f"| edit → refreshed preview, p95 | {p95:.0f} ms | ≤ 1500 ms "
        f"{'✅' if p95 <= 1500 else '❌'} |",
        f"| fastest / slowest edit | {ms[0]:.0f} / {ms[-1]:.0f} ms | |",
        f"| first preview after the server starts | {first * 1000:.0f} ms | ≤ 5000 ms "
        f"{'✅' if first <= 5 else '❌'} |",
        END,
    ])
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
