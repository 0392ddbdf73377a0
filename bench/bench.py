"""Benchmarks of thidua-docs, measured in one run on one machine.

    .venv/bin/python bench/bench.py            # everything (about 10 minutes)
    .venv/bin/python bench/bench.py docx start # some sections only

Writes bench/RESULTS.md: medians of several runs and the ratios against each
baseline, with the bar each one must reach. Timings are never asserted in
tests; this file is where they are recorded.
"""

from __future__ import annotations

import gc
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from docxtpl import DocxTemplate  # noqa: E402

from thidua_docs.loader import load_directive  # noqa: E402
from thidua_docs.process import RUN_THRESHOLDS  # noqa: E402
from thidua_docs.render.context import build_context  # noqa: E402
from thidua_docs.render.docx import _jinja_context, default_template, render_docx  # noqa: E402

SOURCE = REPO / "data" / "kontum-2020.yaml"
CALENDARS = REPO / "data" / "calendars"
THIDUA = [sys.executable, "-m", "thidua_docs"]
RESULTS = REPO / "bench" / "RESULTS.md"
LARGE = 2000


def median_of(runs: int, measure) -> tuple[float, list[float]]:
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values


def per_doc_ms(function, count: int) -> float:
    start = time.perf_counter()
    for _ in range(count):
        function()
    return (time.perf_counter() - start) / count * 1000


def copies(folder: Path, count: int) -> list[str]:
    """*count* copies of the 2020 directive (and its calendar) in *folder*."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(CALENDARS, folder / "calendars", dirs_exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"d{index:04d}.yaml"
        shutil.copy(SOURCE, path)
        paths.append(str(path))
    return paths


def run(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   **kwargs)
    return time.perf_counter() - start


# --- 0. Issue 13: a fast first document ----------------------------------------------------

#: The code at the start of issue 13's work, measured beside today's in the same run.
BASELINE_COMMIT = "b713436"


def _baseline(folder: Path) -> Path:
    """A checkout of BASELINE_COMMIT in *folder* (its package is run with PYTHONPATH)."""
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(folder),
                    BASELINE_COMMIT], check=True, capture_output=True)
    return folder


def _compile_bytecode(*packages: Path) -> None:
    """Byte-compile *packages* as ``pip install`` does, so that start-up is measured as a
    clerk's installed copy starts (PYTHONDONTWRITEBYTECODE would otherwise make every run
    compile the sources again)."""
    for package in packages:
        subprocess.run([sys.executable, "-m", "compileall", "-f", "-q", str(package)], check=True,
                       stdout=subprocess.DEVNULL)


def bench_goals(lines: list[str]) -> None:
    from thidua_docs.main import render

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = _baseline(tmp / "baseline")
        _compile_bytecode(base / "thidua_docs")
        env_now = {**os.environ, "PYTHONPATH": str(REPO)}
        env_base = {**os.environ, "PYTHONPATH": str(base)}
        # each version renders its own data/kontum-2020.yaml (the format grew since)
        inputs = {"now": REPO / "data", "baseline": base / "data"}
        sources = {}
        for label, data in inputs.items():
            folder = tmp / f"in-{label}"
            shutil.copytree(data / "calendars", folder / "calendars")
            sources[label] = [shutil.copy(data / "kontum-2020.yaml", folder / f"d{i:03d}.yaml")
                              for i in range(100)]
        envs = {"now": env_now, "baseline": env_base}

        def commands(label: str) -> dict[str, list[str]]:
            return {"bare": [sys.executable, "-c", "pass"], "help": THIDUA + ["--help"],
                    "one": THIDUA + ["render", str(sources[label][0]), "-o", f"{tmp}/one.docx",
                                     "--force"]}

        samples: dict[tuple[str, str], list[tuple[float, float]]] = {}
        # cwd: the temporary folder (python -m puts the working folder first on sys.path)
        for label, env in envs.items():
            run(commands(label)["one"], env=env, cwd=tmp)  # warm: caches filled, page cache
        for _ in range(15):  # interleaved, so both see the same load
            for name in ("bare", "help", "one"):
                for label, env in envs.items():
                    samples.setdefault((name, label), []).append(
                        cpu_run(commands(label)[name], env=env, cwd=tmp))
        figures = {key: statistics.median(wall for wall, _ in values)
                   for key, values in samples.items()}
        cpu = {key: statistics.median(used for _, used in values)
               for key, values in samples.items()}
        # the whole per-document cost in one process: load the YAML, render, write the file
        batch_sources = sources
        sources = copies(tmp / "in", 200)
        out = tmp / "out"
        out.mkdir()
        documents = iter(range(10**9))

        def whole():
            index = next(documents) % len(sources)
            render(Path(sources[index]), out / f"{index}.docx", force=True)

        whole()
        thresholds = gc.get_threshold()
        gc.set_threshold(*RUN_THRESHOLDS)  # as in a batch's workers (thidua_docs/process.py)
        per_doc, per_doc_runs = median_of(5, lambda: per_doc_ms(whole, 200))
        gc.set_threshold(*thresholds)
        finished = render_docx(load_directive(SOURCE))
        with zipfile.ZipFile(io.BytesIO(finished)) as package:
            parts = [(info, package.read(info)) for info in package.infolist()]

        def floor():
            with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED) as package:
                for info, data in parts:
                    package.writestr(info.filename, data)

        floor_ms, floor_runs = median_of(5, lambda: per_doc_ms(floor, 200))
        batch_s = {label: median_of(3, lambda: run(
            THIDUA + ["render", *map(str, batch_sources[label]), "-o", f"{out}/", "--force",
                      "--jobs", "2"], env=env, cwd=tmp))[0] for label, env in envs.items()}
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)],
                       check=True, capture_output=True)
    load_after = os.getloadavg()
    one, base_one = figures["one", "now"] * 1000, figures["one", "baseline"] * 1000
    help_over = (figures["help", "now"] - figures["bare", "now"]) * 1000
    base_help_over = (figures["help", "baseline"] - figures["bare", "baseline"]) * 1000
    batch_per_doc = batch_s["now"] / 100 * 1000
    base_batch_per_doc = batch_s["baseline"] / 100 * 1000
    lines += [
        "## 0. Issue 13: a fast first document",
        "",
        f"Load average (1, 5, 15 min) before: {', '.join(f'{x:.1f}' for x in load_before)};"
        f" after: {', '.join(f'{x:.1f}' for x in load_after)} on {os.cpu_count()} cores"
        + (" (other sessions were running: wall times are inflated, ratios less so)."
           if max(load_before + load_after) > 1.5 else " (a quiet machine).")
        + " Both versions are byte-compiled first, as `pip install` does."
        f" \"before\" is the code at {BASELINE_COMMIT} (this issue's start), measured in the"
        " same run.",
        "",
        "| measure | before | now | goal |",
        "|---|---|---|---|",
        f"| `python -c pass` (bare Python) | {figures['bare', 'baseline'] * 1000:.0f} ms | "
        f"{figures['bare', 'now'] * 1000:.0f} ms | |",
        f"| CPU time (user + system) of `--help`, over bare Python | "
        f"{(cpu['help', 'baseline'] - cpu['bare', 'baseline']) * 1000:.0f} ms | "
        f"{(cpu['help', 'now'] - cpu['bare', 'now']) * 1000:.0f} ms | |",
        f"| CPU time of one-file `thidua render` | {cpu['one', 'baseline'] * 1000:.0f} ms | "
        f"{cpu['one', 'now'] * 1000:.0f} ms | |",
        f"| `thidua --help` over bare Python | {base_help_over:.0f} ms | {help_over:.0f} ms | "
        f"≤ 60 ms {_verdict(help_over <= 60)} |",
        f"| one-file `thidua render` (start to finish, wall) | {base_one:.0f} ms | {one:.0f} ms"
        f" | ≤ 200 ms {_verdict(one <= 200)} |",
        f"| per document in one process (the collector set as `thidua` sets it): load + render"
        f" + write ({_fmt(per_doc_runs)}) | | "
        f"{per_doc:.2f} ms | ≤ 2.5 ms {_verdict(per_doc <= 2.5)} |",
        f"| the all-parts-deflated zip floor ({_fmt(floor_runs)}) | | {floor_ms:.2f} ms | |",
        f"| per document / floor | | {per_doc / floor_ms:.2f}× | ≤ 2.5× "
        f"{_verdict(per_doc / floor_ms <= 2.5)} |",
        f"| 100 files, `--jobs 2`, start-up included, per document | {base_batch_per_doc:.2f} ms"
        f" | {batch_per_doc:.2f} ms | |",
        f"| that / floor | {base_batch_per_doc / floor_ms:.2f}× | "
        f"{batch_per_doc / floor_ms:.2f}× | ≤ 3× {_verdict(batch_per_doc / floor_ms <= 3)} |",
        "",
    ]


def cpu_run(command: list[str], **kwargs) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of *command*."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run(command, **kwargs)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


# --- 1. DOCX ---------------------------------------------------------------------------------


def bench_docx(lines: list[str]) -> None:
    directive = load_directive(SOURCE)
    template = default_template()
    batch = 200
    finished = render_docx(directive)
    with zipfile.ZipFile(io.BytesIO(finished)) as package:
        parts = [(info, package.read(info)) for info in package.infolist()]

    def ours():
        render_docx(directive)

    def plain():
        document = DocxTemplate(template)
        document.render(_jinja_context(build_context(directive)), autoescape=True)
        document.save(io.BytesIO())

    def floor():
        with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED) as package:
            for info, data in parts:
                package.writestr(info.filename, data)

    ours_ms, ours_runs = median_of(5, lambda: per_doc_ms(ours, batch))
    plain_ms, plain_runs = median_of(5, lambda: per_doc_ms(plain, 40))
    floor_ms, floor_runs = median_of(5, lambda: per_doc_ms(floor, batch))

    cli = {}
    with tempfile.TemporaryDirectory() as tmp:
        sources = copies(Path(tmp) / "in", LARGE)
        out = Path(tmp) / "out"
        for size in (batch, LARGE):
            for jobs in (1, 2):
                cli[size, jobs], _ = median_of(3, lambda: run(
                    THIDUA + ["render", *sources[:size], "-o", f"{out}/", "--force", "--jobs",
                              str(jobs)]))
    rate = {key: key[0] / seconds for key, seconds in cli.items()}
    lines += [
        "## 1. DOCX rendering (data/kontum-2020.yaml)",
        "",
        "| measure | median | runs |",
        "|---|---|---|",
        f"| our renderer, batch of {batch} in one process | {ours_ms:.2f} ms/doc | "
        f"{_fmt(ours_runs)} |",
        f"| plain docxtpl: `DocxTemplate(path).render(ctx).save()` per doc | {plain_ms:.2f} ms/doc"
        f" | {_fmt(plain_runs)} |",
        f"| floor: the finished parts written into a zip (same compression) | "
        f"{floor_ms:.2f} ms/doc | {_fmt(floor_runs)} |",
        *[f"| `thidua render` of {size} files, --jobs {jobs} (whole CLI: start-up, YAML, disk)"
          f" | {rate[size, jobs]:.0f} docs/s | {cli[size, jobs]:.2f} s |"
          for size in (batch, LARGE) for jobs in (1, 2)],
        "",
        f"- speed-up over plain docxtpl: **{plain_ms / ours_ms:.1f}×** (bar: ≥ 3×) "
        f"{_verdict(plain_ms / ours_ms >= 3)}",
        f"- ratio to the floor: **{ours_ms / floor_ms:.2f}×** (bar: ≤ 2×) "
        f"{_verdict(ours_ms / floor_ms <= 2)}",
        f"- throughput with --jobs 2 on {os.cpu_count()} cores, {LARGE:,} documents, start-up"
        f" included: **{rate[LARGE, 2]:.0f} docs/s** (bar: ≥ 200) "
        f"{_verdict(rate[LARGE, 2] >= 200)}; a {batch}-document run reaches "
        f"{rate[batch, 2]:.0f} docs/s: the one-time start-up (section 3) weighs on short runs",
        "",
    ]


# --- 2. PDF ----------------------------------------------------------------------------------


def bench_pdf(lines: list[str]) -> None:
    count = 100
    soffice = shutil.which("soffice")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sources = copies(tmp / "in", count)
        docx_dir = tmp / "docx"
        subprocess.run(THIDUA + ["render", *sources, "-o", f"{docx_dir}/"], check=True,
                       stdout=subprocess.DEVNULL)
        docx = sorted(map(str, docx_dir.glob("*.docx")))

        def ours(workers: int) -> float:
            from thidua_docs.pdf import PdfConverter

            out = tmp / f"ours-{workers}"
            shutil.rmtree(out, ignore_errors=True)
            start = time.perf_counter()
            results = PdfConverter(workers).convert([Path(p) for p in docx], out)
            assert all(r.pdf for r in results)
            return time.perf_counter() - start

        def one_start() -> float:
            profile = Path(tempfile.mkdtemp(prefix="bench-lo-"))
            out = tmp / "floor"
            shutil.rmtree(out, ignore_errors=True)
            try:
                return run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                            "--norestore", "--convert-to", "pdf", "--outdir", str(out), *docx])
            finally:
                shutil.rmtree(profile, ignore_errors=True)

        def one_per_doc() -> float:
            profile = Path(tempfile.mkdtemp(prefix="bench-lo-"))
            try:
                return sum(run([soffice, f"-env:UserInstallation={profile.as_uri()}",
                                "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                                str(tmp / "each"), path]) for path in docx)
            finally:
                shutil.rmtree(profile, ignore_errors=True)

        floor, floor_runs = median_of(3, one_start)
        one, one_runs = median_of(3, lambda: ours(1))
        two, two_runs = median_of(3, lambda: ours(2))
        each = one_per_doc()
    lines += [
        f"## 2. PDF conversion ({count} documents)",
        "",
        "| measure | median | runs |",
        "|---|---|---|",
        f"| one `soffice --convert-to pdf` process per document | {each:.1f} s | 1 run |",
        f"| floor: LibreOffice converting the {count} files in one start | {floor:.1f} s | "
        f"{_fmt(floor_runs, 's')} |",
        f"| thidua, 1 worker | {one:.1f} s ({one / count * 1000:.0f} ms/doc) | "
        f"{_fmt(one_runs, 's')} |",
        f"| thidua, 2 workers | {two:.1f} s ({two / count * 1000:.0f} ms/doc) | "
        f"{_fmt(two_runs, 's')} |",
        "",
        f"- 1 worker against the floor: **{one / floor:.2f}×** (bar: ≤ 1.3×) "
        f"{_verdict(one / floor <= 1.3)}",
        f"- 2 workers against 1 worker: **{one / two:.2f}× faster** (bar: ≥ 1.6×) "
        f"{_verdict(one / two >= 1.6)}",
        f"- against one process per document: **{each / two:.1f}× faster** with 2 workers",
        "",
    ]


# --- 3. Start-up -----------------------------------------------------------------------------


def bench_start(lines: list[str]) -> None:
    script = Path(sys.executable).with_name("thidua")
    command = [str(script)] if script.exists() else THIDUA
    bare, bare_runs = median_of(20, lambda: run([sys.executable, "-c", "pass"]))
    help_, help_runs = median_of(20, lambda: run(command + ["--help"]))
    validate, _ = median_of(10, lambda: run(command + ["validate", str(SOURCE)]))
    with tempfile.TemporaryDirectory() as tmp:
        single, _ = median_of(10, lambda: run(command + ["render", str(SOURCE), "-o",
                                                         f"{tmp}/one.docx", "--force"]))
    extra = (help_ - bare) * 1000
    lines += [
        "## 3. Start-up",
        "",
        "| measure | median |",
        "|---|---|",
        f"| `python -c pass` | {bare * 1000:.0f} ms |",
        f"| `thidua --help` | {help_ * 1000:.0f} ms |",
        f"| `thidua validate data/kontum-2020.yaml` | {validate * 1000:.0f} ms |",
        f"| `thidua render data/kontum-2020.yaml` (one file, start to finish) | "
        f"{single * 1000:.0f} ms |",
        "",
        f"- `thidua --help` costs **{extra:.0f} ms** more than bare Python (bar: < 150 ms) "
        f"{_verdict(extra < 150)}",
        "",
    ]


# --- 4. Scale --------------------------------------------------------------------------------


def _batch_peak(sources: list[str], out: Path) -> tuple[float, float]:
    """Wall time and the peak resident memory (MiB) of the largest process."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(elapsed, peak)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, *THIDUA, "render", *sources, "-o",
                             f"{out}/", "--force", "--jobs", "2"], check=True,
                            capture_output=True, text=True)
    elapsed, peak = map(float, result.stdout.split())
    return elapsed, peak


def bench_scale(lines: list[str]) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        sources = copies(Path(tmp) / "in", 2000)
        for size in (200, 1000, 2000):
            elapsed, peak = _batch_peak(sources[:size], Path(tmp) / "out")
            rows.append((size, elapsed, peak))
    docx_per_hour = rows[-1][0] / rows[-1][1] * 3600
    lines += [
        "## 4. Scale (`thidua render --jobs 2`, .docx only)",
        "",
        "| documents | time | docs/s | peak memory of the largest process |",
        "|---|---|---|---|",
        *[f"| {n} | {t:.1f} s | {n / t:.0f} | {m:.0f} MiB |" for n, t, m in rows],
        "",
        f"- memory from 200 to 2,000 documents: {rows[0][2]:.0f} → {rows[-1][2]:.0f} MiB "
        f"{_verdict(rows[-1][2] <= rows[0][2] * 1.25)} (flat: within 25 %)",
        f"- one machine like this one renders about **{docx_per_hour:,.0f} .docx per hour**"
        " (see section 2 for PDFs)",
        "",
    ]


# --- report ----------------------------------------------------------------------------------


def _fmt(values: list[float], unit: str = "") -> str:
    return ", ".join(f"{v:.2f}{unit}" for v in values)


def _verdict(ok: bool) -> str:
    return "✅" if ok else "❌"


SECTIONS = {"goals": bench_goals, "docx": bench_docx, "pdf": bench_pdf, "start": bench_start,
            "scale": bench_scale}


def main(selected: list[str]) -> None:
    names = selected or list(SECTIONS)
    lines = [
        "# Benchmark results",
        "",
        f"Measured by `bench/bench.py` in one run on {time.strftime('%Y-%m-%d')}: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {_libreoffice_version()}. Medians of the runs listed;"
        " timings are not asserted in tests (shared machines are noisy).",
        "",
    ]
    sections = _previous_sections() if selected else {}
    _compile_bytecode(REPO / "thidua_docs")
    for name in names:
        new: list[str] = []
        SECTIONS[name](new)
        sections[name] = new
        print(f"{name}: done", file=sys.stderr)
    if selected:  # the other sections stay as their last run wrote them
        lines[2] = lines[2].replace("in one run", f"({', '.join(names)}) in one run")
    for name in SECTIONS:
        lines += sections.get(name, [])
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))


def _previous_sections() -> dict[str, list[str]]:
    """The sections of the last RESULTS.md, by name (their "## N." heading's order)."""
    if not RESULTS.exists():
        return {}
    text = RESULTS.read_text(encoding="utf-8")
    chunks = text.split("\n## ")[1:]
    names = {"0": "goals", "1": "docx", "2": "pdf", "3": "start", "4": "scale"}
    return {names[chunk.split(".", 1)[0]]: ("## " + chunk.rstrip("\n")).split("\n") + [""]
            for chunk in chunks if chunk.split(".", 1)[0] in names}


def _libreoffice_version() -> str:
    soffice = shutil.which("soffice")
    if not soffice:
        return "no LibreOffice"
    out = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout
    return " ".join(out.split()[:2]) or "LibreOffice"


if __name__ == "__main__":
    main(sys.argv[1:])
