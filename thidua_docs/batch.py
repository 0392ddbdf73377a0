"""Render many directives at once: .docx in parallel processes, then PDFs.

One bad input never stops the batch: each input gets an Outcome saying what
was written or what went wrong, and the others go on.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from thidua_docs.exceptions import (
    Failure, InvalidInputError, Problem, ThiduaError, UsageError,
)
from thidua_docs.messages import Message


@dataclass
class Outcome:
    """What happened to one input: outputs written, or the problems (keys and parameters,
    made into text by whoever shows them)."""

    input: str
    outputs: dict[str, str] = field(default_factory=dict)
    status: str = "ok"
    errors: list[Problem] = field(default_factory=list)
    #: The closing line of an invalid input ("N problems, fix them"): shown, not an error.
    summary: Message | None = None
    #: What the user should know though nothing failed (an encoding assumed).
    notes: list[Message] = field(default_factory=list)
    ms: float = 0.0
    #: The exit code this failure would have alone (2 invalid input, 1 output problem).
    exit_code: int = 0
    #: Whether its problems were already shown (as they happened, above a progress bar).
    shown: bool = False

    def fail(self, error: ThiduaError) -> None:
        self.status = "error"
        self.exit_code = max(self.exit_code, error.exit_code)
        self.errors += error.as_problems(self.input)
        if isinstance(error, InvalidInputError):
            self.summary = Message(error.message_key, **error.params)

    def lines(self) -> list[str]:
        """The lines that tell a person what went wrong."""
        return [problem.text() for problem in self.errors] + \
            ([str(self.summary)] if self.summary else [])

    def record(self) -> dict:
        """The machine-readable record of this input (``--json``)."""
        return {"input": self.input, "outputs": self.outputs, "status": self.status,
                "errors": [problem.record() for problem in self.errors],
                "notes": [note.record() for note in self.notes],
                "ms": round(self.ms, 1)}


@dataclass(frozen=True)
class Job:
    """One input and where its .docx goes."""

    source: Path
    target: Path


def render_docx_files(jobs: list[Job], *, workers: int, template: Path | None, force: bool,
                      draft: bool, progress=None) -> list[Outcome]:
    """Render every job's .docx, in *workers* processes when there are several jobs."""
    options = (template, force, draft)
    if workers <= 1 or len(jobs) <= 1:
        outcomes = []
        for job in jobs:
            outcomes.append(_render_one(job, *options))
            if progress:
                progress(outcomes[-1])
        return outcomes
    method = start_method()
    if method == "fork":
        _prepare(template)  # once, before the fork: every worker inherits it ready
        gc.freeze()  # keep inherited objects out of the workers' collections (no copy-on-write)
    import multiprocessing  # only for a parallel batch: one input starts without it
    from concurrent.futures import ProcessPoolExecutor

    from thidua_docs import lifetime

    context = multiprocessing.get_context(method)
    chunk = max(1, min(16, len(jobs) // (workers * 4)))
    outcomes = []
    with lifetime.stop_on_signals(), ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker,
            initargs=(template, method != "fork", os.getpid())) as pool:
        try:
            for outcome in pool.map(_render_one, jobs, *[[o] * len(jobs) for o in options],
                                    chunksize=chunk):
                outcomes.append(outcome)
                if progress:
                    progress(outcome)
        except lifetime.Stopped:  # SIGTERM, SIGHUP: stop now (workers remove their temporaries)
            for process in list((pool._processes or {}).values()):
                process.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        except BaseException:  # Ctrl-C: the files being written finish whole
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return outcomes


def _prepare(template: Path | None) -> None:
    """Import the renderer and compile the template in this process."""
    from thidua_docs.render.docx import compiled, default_template

    importlib.import_module("thidua_docs.main")  # before the fork: the workers share it
    try:
        compiled(template or default_template())
    except ThiduaError:
        pass  # reported per input by _render_one


@contextlib.contextmanager
def notices():
    """Collect the notices (Messages logged on "thidua_docs") of one job, shown later."""
    collected: list[Message] = []
    logger = logging.getLogger("thidua_docs")

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            collected.append(record.msg)

    saved, logger.handlers = logger.handlers, [Collect()]
    try:
        yield collected
    finally:
        logger.handlers = saved


def start_method() -> str:
    """How worker processes start: THIDUA_START_METHOD ("fork" or "spawn"), else "fork"
    where the system has it (Linux: workers inherit the compiled template), else "spawn"
    (Windows, macOS). A worker watches its parent, so the method must make this process
    its parent: "forkserver" does not."""
    chosen = os.environ.get("THIDUA_START_METHOD")
    if chosen:
        if chosen not in ("fork", "spawn"):
            raise UsageError("start_method_unknown", value=chosen)
        return chosen
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _start_worker(template: Path | None, prepare: bool, parent: int) -> None:
    """Workers ignore Ctrl-C (the parent stops the batch and lets the files being written
    finish whole) and end with *parent* (lifetime.worker_started); a spawned worker
    prepares the renderer itself."""
    from thidua_docs import lifetime

    lifetime.worker_started(parent)
    if prepare:
        _prepare(template)


def _render_one(job: Job, template: Path | None, force: bool, draft: bool) -> Outcome:
    from thidua_docs import main

    outcome = Outcome(str(job.source))
    start = time.perf_counter()
    with notices() as outcome.notes:
        try:
            written = main.render(job.source, job.target, template=template, force=force,
                                  draft=draft)
            outcome.outputs["docx"] = str(written)
        except ThiduaError as error:
            outcome.fail(error)
    outcome.ms = (time.perf_counter() - start) * 1000
    return outcome


def convert_to_pdf(outcomes: list[Outcome], *, workers: int, timeout: float, force: bool,
                   progress=None) -> None:
    """Add a PDF to every outcome that has a .docx (each beside its .docx); *progress* is
    called with each outcome as its PDF is settled."""
    from thidua_docs import lifetime
    from thidua_docs.pdf import PdfConverter

    with lifetime.stop_on_signals():
        _convert_to_pdf(PdfConverter(workers, timeout=timeout, force=force), outcomes, progress)


def _convert_to_pdf(converter, outcomes: list[Outcome], progress) -> None:
    by_folder: dict[Path, list[Outcome]] = {}
    for outcome in outcomes:
        if outcome.status == "ok":
            by_folder.setdefault(Path(outcome.outputs["docx"]).parent, []).append(outcome)
    for folder, group in by_folder.items():
        by_source = {Path(outcome.outputs["docx"]): outcome for outcome in group}

        def settled(result, by_source=by_source) -> None:
            outcome = by_source[result.source]
            outcome.ms += result.seconds * 1000
            if result.pdf is not None:
                outcome.outputs["pdf"] = str(result.pdf)
            else:
                outcome.status = "error"
                outcome.exit_code = max(outcome.exit_code, 1)
                outcome.errors.append(Failure(outcome.input, None, None, "", "pdf_failed",
                                              {"path": str(result.source),
                                               "reason": result.error}))
            if progress:
                progress(outcome)

        converter.convert(list(by_source), folder, settled)
