"""PDF conversion with LibreOffice, kept running across a batch.

Each worker runs its own soffice with its own profile directory (instances
sharing a profile fail at random) and converts many files per start. soffice
converts its files in order and prints a line as it begins exporting each one,
so a file is finished when the next line comes or soffice exits. A watchdog
kills an instance that makes no progress for *timeout* seconds; the file it was
on is reported and the instance restarts on the rest. Instances restart after
*restart_after* files. Finished PDFs move into place whole (rename), so an
interrupted batch never leaves half a PDF. LibreOffice writes into a temporary folder
outside the user's, and dies with the process that started it.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from thidua_docs import lifetime
from thidua_docs.exceptions import OutputExistsError, OutputWriteError, ThiduaError
from thidua_docs.messages import Message, os_reason
from thidua_docs.output import write_atomic

#: The program, as messages name it.
LIBREOFFICE = "LibreOffice"
SOFFICE_NAMES = ("soffice", "libreoffice")
#: Seconds LibreOffice may go without progress before it is killed.
DEFAULT_TIMEOUT = 120.0
_LINE_CONVERT = "convert "
_LINE_ERROR = "Error:"


class LibreOfficeMissing(ThiduaError):
    """--pdf was asked for but LibreOffice is not installed."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__("pdf_no_libreoffice")


class SofficeUnusable(ThiduaError):
    """THIDUA_SOFFICE names no program that can be run."""

    exit_code = 2

    def __init__(self, value: str) -> None:
        super().__init__("pdf_soffice_unusable", value=value)


def default_soffice_paths() -> list[Path]:
    """Where the LibreOffice installers put soffice on Windows and macOS."""
    if sys.platform == "win32":
        folders = [os.environ.get(name) for name in ("ProgramFiles", "ProgramFiles(x86)")]
        return [Path(folder) / "LibreOffice" / "program" / "soffice.exe"
                for folder in [*folders, r"C:\Program Files"] if folder]
    if sys.platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
                Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice"]
    return []


def find_soffice() -> str:
    """The soffice executable: THIDUA_SOFFICE (a path or a name on PATH; SofficeUnusable if
    it names no program that can be run), else on PATH, else at the default install path of
    Windows or macOS; or LibreOfficeMissing."""
    override = os.environ.get("THIDUA_SOFFICE")
    if override:
        found = shutil.which(override)
        if not found:
            raise SofficeUnusable(override)
        return found
    found = next(filter(None, map(shutil.which, SOFFICE_NAMES)), None) or next(
        (str(path) for path in default_soffice_paths() if path.is_file()), None)
    if not found:
        raise LibreOfficeMissing()
    return found


def soffice_command(soffice: str, profile: Path, target: str, out_dir: Path,
                    files: list[Path]) -> list[str]:
    """The headless LibreOffice command converting *files* to *target* into *out_dir*, with
    its own *profile* folder (instances sharing a profile fail at random)."""
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--nologo", "--nodefault", "--convert-to", target, "--outdir", str(out_dir),
            *map(str, files)]


@dataclass
class PdfResult:
    """The outcome of one conversion: the PDF written, or why not."""

    source: Path
    pdf: Path | None = None
    error: Message | None = None
    seconds: float = 0.0


class PdfConverter:
    """Converts .docx files to PDF with *workers* LibreOffice instances."""

    def __init__(self, workers: int = 1, *, timeout: float = DEFAULT_TIMEOUT,
                 restart_after: int = 200, force: bool = False) -> None:
        self.soffice = find_soffice()
        self.workers = max(1, workers)
        self.timeout = timeout
        self.restart_after = max(1, restart_after)
        self.force = force

    def convert(self, sources: list[Path], out_dir: Path, progress=None) -> list[PdfResult]:
        """Convert *sources* into *out_dir*/<name>.pdf; one result per source, in order."""
        out_dir.mkdir(parents=True, exist_ok=True)
        results = {source: PdfResult(source) for source in sources}
        shares = [sources[i::self.workers] for i in range(self.workers)]
        workers = [_Worker(self, share, out_dir, results, progress) for share in shares if share]
        threads = [threading.Thread(target=w.run, daemon=True) for w in workers]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                while thread.is_alive():
                    thread.join(0.2)
        finally:
            for worker in workers:
                worker.stop()
        return [results[source] for source in sources]


class _Worker:
    """One LibreOffice instance working through its share of the files."""

    def __init__(self, converter: PdfConverter, files: list[Path], out_dir: Path,
                 results: dict[Path, PdfResult], progress) -> None:
        self.converter = converter
        self.files = files
        self.out_dir = out_dir
        self.results = results
        self.progress = progress
        self.profile = Path(tempfile.mkdtemp(prefix="thidua-lo-profile-"))
        # LibreOffice writes outside the user's folder: a killed batch leaves nothing there
        self.scratch = Path(tempfile.mkdtemp(prefix="thidua-pdf-"))
        self.process: subprocess.Popen | None = None
        self.stopped = False

    def run(self) -> None:
        pending = list(self.files)
        while pending and not self.stopped:
            batch = pending[:self.converter.restart_after]
            done = self._run_instance(batch)
            pending = batch[done:] + pending[len(batch):]

    def stop(self) -> None:
        """Kill the instance and remove the worker's temporary folders."""
        self.stopped = True
        self._kill()
        shutil.rmtree(self.scratch, ignore_errors=True)
        shutil.rmtree(self.profile, ignore_errors=True)

    # --- one soffice start ------------------------------------------------------------------

    def _run_instance(self, batch: list[Path]) -> int:
        """Convert *batch* with one soffice start; return how many files it settled."""
        command = soffice_command(self.converter.soffice, self.profile, "pdf", self.scratch, batch)
        try:
            process = self.process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, text=True, errors="replace",
                **own_group(preexec_fn=lifetime.kill_with_parent))
        except OSError as error:  # soffice cannot be started: every file of the batch fails
            reason = Message("pdf_cannot_start", program=self.converter.soffice,
                             reason=os_reason(error))
            for source in batch:
                self._fail(source, reason, time.monotonic())
            return len(batch)
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
        seen: list[str] = []  # "convert" or "error", one per file, in order
        started = time.monotonic()
        while True:
            try:
                line = lines.get(timeout=self.converter.timeout)
            except queue.Empty:
                self._kill()
                return self._settle(batch, seen, started, None)
            if line is None:  # soffice exited
                return self._settle(batch, seen, started, process.wait())
            if line.startswith(_LINE_CONVERT) or line.startswith(_LINE_ERROR):
                if seen:
                    self._finish(batch[len(seen) - 1], seen[-1], started)
                seen.append("convert" if line.startswith(_LINE_CONVERT) else line.strip())
                started = time.monotonic()

    def _settle(self, batch: list[Path], seen: list[str], started: float,
                exit_code: int | None) -> int:
        """After soffice exited (*exit_code*) or was killed as hung (None): settle the
        last file and the culprit; return how many files are settled."""
        if exit_code == 0:
            if seen:
                self._finish(batch[len(seen) - 1], seen[-1], started)
            for source in batch[len(seen):]:  # never reached: cannot happen on a clean exit
                self._fail(source, Message("pdf_not_converted"), started)
            return len(batch)
        reason = (Message("pdf_timeout", seconds=f"{self.converter.timeout:g}")
                  if exit_code is None else Message("tool_exit", program=LIBREOFFICE,
                                                         code=exit_code))
        settled = len(seen)
        if seen:
            last = batch[len(seen) - 1]
            if seen[-1] == "convert" and not self._complete(last):
                self._fail(last, reason, started)  # it hung or died exporting this file
                return settled
            self._finish(last, seen[-1], started)
        if settled < len(batch):  # it hung or died loading the next file
            self._fail(batch[settled], reason, started)
            settled += 1
        return settled

    def _complete(self, source: Path) -> bool:
        pdf = self.scratch / f"{source.stem}.pdf"
        lock = self.scratch / f".~lock.{source.stem}.pdf#"
        return pdf.exists() and not lock.exists()

    def _finish(self, source: Path, outcome: str, started: float) -> None:
        produced = self.scratch / f"{source.stem}.pdf"
        if outcome != "convert" or not produced.exists():
            self._fail(source, Message("tool_reported", program=LIBREOFFICE, detail=outcome)
                       if outcome != "convert"
                       else Message("pdf_no_output"), started)
            return
        target = self.out_dir / f"{source.stem}.pdf"
        try:
            write_atomic(target, produced.read_bytes(), force=self.converter.force,
                         inputs=(source,))
        except OutputExistsError:
            self._fail(source, Message("pdf_exists", path=str(target)), started)
            return
        except OutputWriteError as error:
            self._fail(source, Message(error.message_key, **error.params), started)
            return
        finally:
            produced.unlink(missing_ok=True)
        self._record(PdfResult(source, target, None, time.monotonic() - started))

    def _fail(self, source: Path, error: Message, started: float) -> None:
        (self.scratch / f"{source.stem}.pdf").unlink(missing_ok=True)
        self._record(PdfResult(source, None, error, time.monotonic() - started))

    def _record(self, result: PdfResult) -> None:
        self.results[result.source] = result
        if self.progress:
            self.progress(result)

    def _kill(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            kill_tree(process)


def own_group(**posix) -> dict:
    """Popen options starting a program in a process group of its own, which kill_tree ends
    whole and Ctrl-C in the terminal does not reach (this process stops it): a new session
    with the options *posix* (such as ``preexec_fn``) on POSIX, a new process group on
    Windows (which has no ``preexec_fn``)."""
    if os.name == "posix":
        return {"start_new_session": True, **posix}
    return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}


def kill_tree(process: subprocess.Popen) -> None:
    """Stop *process* and the processes it started (soffice starts soffice.bin): its process
    group on POSIX (it was started with own_group), its tree on Windows."""
    if process.poll() is None:
        try:
            if sys.platform == "win32":
                subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)],
                               capture_output=True, check=False)
            else:
                os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait()


def _pump(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)
