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

from cases import CASES, REPO, TEMPLATE, Case, Stock

TIMEOUT = 60
MEMORY = 2 * 1024 ** 3
#: (case, language) → (seconds, peak resident KiB): printed by conftest at the end.
FIGURES: dict[tuple[str, str], tuple[float, int]] = {}


@pytest.fixture(scope="session")
def stock() -> Stock:
    from thidua_docs.loader import load_directive
    from thidua_docs.render.docx import render_docx

    docx = render_docx(load_directive(REPO / "data" / "mau-phat-dong.yaml"))
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
def runs(stock):
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
