"""Run every case of the bad-input corpus (cases.py) as a real ``python -m thidua_docs``
process, in Vietnamese and in English, each in a fresh folder with 60 s and 2 GiB.

Every case: no traceback, the exit code README documents, the message fragments, the
file named (and line:column where it applies), nothing written but what was asked, no
input changed. The slowest case and the largest peak memory are printed at the end.
"""

from __future__ import annotations

import hashlib
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

from cases import (
    BATCH_CASES, CASES, OK, REPO, TEMPLATE, WRITERS_CASES, BatchCase, Case, Stock, WritersCase,
)
from conftest import need

TIMEOUT = 60
MEMORY = 2 * 1024 ** 3
#: (case, language) → (seconds, peak resident KiB): printed when the corpus is done.
FIGURES: dict[tuple[str, str], tuple[float, int]] = {}


@pytest.fixture(scope="session")
def stock() -> Stock:
    from thidua_docs.loader import load_directive
    from thidua_docs.render.docx import render_docx

    docx = render_docx(load_directive(REPO / "thidua_docs" / "examples" / "mau-phat-dong.yaml"))
    return Stock(docx=docx, template=TEMPLATE.read_bytes())


def materialise(case: Case, folder: Path, stock: Stock) -> None:
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content(stock) if callable(content) else content)
    if case.setup:
        case.setup(folder)


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path → sha256 (or "dir", or "-> target" for a link) of everything in *folder*."""
    result = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            result[name] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            result[name] = "dir"
        else:
            result[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def limits(case: Case):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        for name, value in case.rlimits.items():
            resource.setrlimit(getattr(resource, name), (value, value))

    return apply


@dataclass
class Run:
    """One case run in one language, and the folder before and after."""

    code: int
    said: str
    seconds: float
    peak_kib: int
    before: dict[str, str]
    after: dict[str, str]
    folder: Path


def run(case: Case, lang: str, folder: Path, stock: Stock) -> Run:
    """Run thidua for *case* in a fresh *folder*."""
    materialise(case, folder, stock)
    before = snapshot(folder)
    env = {**os.environ, "THIDUA_LANG": "vi", "PYTHONDONTWRITEBYTECODE": "1"}
    args = [sys.executable, "-m", "thidua_docs"] + (["--lang", "en"] if lang == "en" else [])
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    start = time.perf_counter()
    process = subprocess.Popen(args + case.argv, cwd=folder, env=env, stdout=out, stderr=err,
                               stdin=subprocess.DEVNULL, preexec_fn=limits(case))
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > TIMEOUT:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.01)
    process.returncode = code = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    out.seek(0), err.seek(0)
    said = out.read().decode("utf-8", "replace") + err.read().decode("utf-8", "replace")
    return Run(code, said, seconds, usage.ru_maxrss, before, snapshot(folder), folder)


@pytest.fixture(scope="module")
def runs(stock, request):
    """Every case in both languages, three processes at a time (the suite runs on two
    cores): (case name, language) → Run."""
    with tempfile.TemporaryDirectory(prefix="thidua-corpus-") as name:
        root = Path(name)
        jobs = [(case, lang, root / f"{i}-{lang}") for i, case in enumerate(CASES)
                for lang in ("vi", "en")]
        for _, _, folder in jobs:
            folder.mkdir()
        with ThreadPoolExecutor(3) as pool:
            done = pool.map(lambda job: run(*job, stock), jobs)
            results = {(case.name, lang): result for (case, lang, _), result in zip(jobs, done)}
        for (name_, lang), result in results.items():
            FIGURES[(name_, lang)] = (result.seconds, result.peak_kib)
        yield results
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line("\n" + figures())


def figures() -> str:
    """The corpus's figures: cases, the slowest run and the largest peak memory."""
    (slow, slow_lang), (seconds, _) = max(FIGURES.items(), key=lambda item: item[1][0])
    (big, big_lang), (_, peak) = max(FIGURES.items(), key=lambda item: item[1][1])
    return (f"bad-input corpus: {len(CASES)} cases x 2 languages = {len(FIGURES)} runs; "
            f"slowest {slow} ({slow_lang}) {seconds:.2f} s; largest peak memory {big} "
            f"({big_lang}) {peak / 1024:.0f} MiB")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bad_input(case: Case, lang: str, runs, tmp_path):
    result = runs[(case.name, lang)]
    said = result.said
    where = f"{case.name} ({lang}): exit {result.code} in {result.seconds:.1f} s\n{said}"
    assert result.seconds < TIMEOUT, where
    assert "Traceback" not in said, where
    assert result.code == case.exit_code, where
    for fragment in case.fragments(lang):
        assert fragment in said, f"{fragment!r} missing from {where}"
    named = case.named()
    if named:
        assert named in said, f"{named!r} not named: {where}"
        if case.at:
            assert f"{named}:{case.at}" in said, f"{case.at} not given: {where}"
    for path, digest in result.before.items():
        assert result.after.get(path) == digest, f"{path} changed or removed: {where}"
    assert sorted(set(result.after) - set(result.before)) == sorted(case.writes), where
    if case.prints:
        document = Document(io.BytesIO((result.folder / case.writes[0]).read_bytes()))
        text = "\n".join(p.text for p in document.paragraphs)
        assert unicodedata.normalize("NFC", case.prints) in text, where
        assert unicodedata.is_normalized("NFC", text)
    for written in case.writes:  # our documents join the session's OOXML audit
        if written.endswith(".docx"):
            shutil.copy(result.folder / written, tmp_path / f"{lang}-{len(written)}.docx")


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 80
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))


# --- batches stopped by a signal, two writers on one output ---------------------------------


def descendants(root: int) -> dict[int, str]:
    """pid → start time of every living descendant of *root* (from /proc)."""
    parents, starts = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)], starts[int(entry.name)] = int(fields[1]), fields[19]
    found, frontier = {}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in found:
                found[pid] = starts[pid]
                frontier.append(pid)
    return found


def alive(pid: int, start: str) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[19] == start and fields[0] != "Z"


def _commands(pids) -> list[str]:
    result = []
    for pid in pids:
        try:
            result.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            pass
    return result


def _wait_for(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def whole(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    Document(io.BytesIO(data))
    return True


@pytest.mark.parametrize("case", BATCH_CASES, ids=[case.name for case in BATCH_CASES])
def test_batch_stopped_by_a_signal(case: BatchCase, tmp_path):
    import signal

    if case.pdf:
        need(shutil.which("soffice") is not None, "LibreOffice (soffice) is not installed")
    work, temporary = tmp_path / "work", tmp_path / "tmp"  # TMPDIR: LibreOffice's profiles
    work.mkdir(), temporary.mkdir()
    for i in range(case.inputs):
        (work / f"in{i:04}.yaml").write_bytes(OK)
    before = snapshot(work)
    argv = [sys.executable, "-m", "thidua_docs", "render", *sorted(
        p.name for p in work.glob("*.yaml")), "-o", "out/", "-j", "2"] + \
        (["--pdf"] if case.pdf else [])
    process = subprocess.Popen(argv, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "TMPDIR": str(temporary)},
                               preexec_fn=limits(Case("", [], 0, "", "")))
    out = work / "out"
    started = _wait_for(lambda: any(out.glob("*.pdf" if case.pdf else "*.docx"))
                        if not case.pdf else any("soffice" in c for c in _commands(
                            descendants(process.pid))), TIMEOUT)
    assert started, process.communicate()
    children = descendants(process.pid)
    assert children, "the batch runs in worker processes"
    process.send_signal(getattr(signal, case.signal))
    _, stderr = process.communicate(timeout=TIMEOUT)
    code = process.returncode
    if case.exit_code is None:
        assert code == -signal.SIGKILL
    else:
        assert code == case.exit_code, stderr.decode()
    assert b"Traceback" not in stderr, stderr.decode()
    assert _wait_for(lambda: not any(alive(pid, start) for pid, start in children.items()), 20), \
        _commands(pid for pid, start in children.items() if alive(pid, start))
    after = snapshot(work)
    for path, digest in before.items():
        assert after[path] == digest, path
    written = sorted(set(after) - set(before) - {"out"})
    for name in written:
        assert not Path(name).name.startswith("."), f"temporary file left: {name}"
        assert Path(name).parent == Path("out") and whole(work / name), name
    assert len([n for n in written if n.endswith(".docx")]) < case.inputs or case.pdf
    if case.signal != "SIGKILL":  # a killed process cannot remove its temporary folders
        assert not list(temporary.iterdir()), list(temporary.iterdir())


@pytest.mark.parametrize("case", WRITERS_CASES, ids=[case.name for case in WRITERS_CASES])
def test_two_writers_on_one_output(case: WritersCase, stock: Stock, tmp_path):
    for name, content in case.files.items():
        (tmp_path / name).write_bytes(content(stock) if callable(content) else content)
    args = [sys.executable, "-m", "thidua_docs", *case.argv]
    for _ in range(3):  # the race is decided differently each time: run it a few times
        (tmp_path / case.output).unlink(missing_ok=True)
        first, second = (subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE) for _ in range(2))
        results = [(p.wait(TIMEOUT), p.stderr.read().decode()) for p in (first, second)]
        assert sorted(code for code, _ in results) == case.exit_codes, results
        assert not any("Traceback" in said for _, said in results)
        if 1 in case.exit_codes:
            assert any("--force" in said for code, said in results if code == 1), results
        written = tmp_path / case.output
        if written.suffix == ".docx":
            assert whole(written)
        else:
            assert written.read_text(encoding="utf-8").startswith(("#", "issuer", "document"))
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*case.files, case.output])


def test_the_corpus_counts():
    """Cases of every kind: at least 80 in all."""
    assert len(CASES) + len(BATCH_CASES) + len(WRITERS_CASES) >= 80
