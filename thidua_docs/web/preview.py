"""Previews from a warm LibreOffice: a bounded pool of UNO workers, PDFs, then page pictures.

Each worker is ``uno_worker.py`` under the system Python that has ``uno``, driving its own
soffice (own profile) over a private pipe, so a conversion costs a document load and a PDF
export, not a LibreOffice start. Requests wait for a free worker (at most *queue_wait*
seconds); a conversion that takes longer than *timeout* kills that worker (and its soffice),
which restarts in the background while the others keep serving. Pages are drawn by pdftoppm
on demand, one picture per page, and kept in a small cache with the PDFs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

from thidua_docs.exceptions import ThiduaError
from thidua_docs.messages import Message
from thidua_docs.pdf import LIBREOFFICE, find_soffice, own_group

log = logging.getLogger("thidua.web.preview")

WORKER_SCRIPT = Path(__file__).with_name("uno_worker.py")
UNO_PYTHONS = ("/usr/bin/python3", "/usr/local/bin/python3", "python3")
PAGE_DPI = 72
#: pdftoppm processes drawing pages at once (the machine has few cores).
_DRAWING = threading.BoundedSemaphore(max(2, os.cpu_count() or 2))


class PreviewError(ThiduaError):
    """A preview could not be made; *key* names the message."""

    def __init__(self, key: str, **params) -> None:
        super().__init__(key, **params)
        self.key = key


def find_uno_python() -> str:
    """A Python that can ``import uno``: Debian's python3-uno is for the system Python;
    LibreOffice on Windows and macOS brings its own, beside soffice."""
    override = os.environ.get("THIDUA_UNO_PYTHON")
    beside = Path(os.path.realpath(find_soffice())).parent
    bundled = [str(beside / name) for name in ("python.exe", "python")]
    for candidate in ([override] if override else [*bundled, *UNO_PYTHONS]):
        path = shutil.which(candidate)
        if path and subprocess.run([path, "-c", "import uno"], capture_output=True,
                                   timeout=30).returncode == 0:
            return path
    raise PreviewError("web_preview_failed", reason=Message("tool_missing_uno"))


_STOPPED = Message("tool_stopped", program=LIBREOFFICE)


class _Worker:
    """One uno_worker.py process and its soffice."""

    def __init__(self, python: str, soffice: str) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="thidua-uno-profile-"))
        self.process = subprocess.Popen(
            [python, str(WORKER_SCRIPT), soffice, self.profile.as_uri()],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, env={**os.environ, "PYTHONPATH": ""}, **own_group())
        self.answers: queue.Queue = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.done = 0

    def _pump(self) -> None:
        for line in self.process.stdout:
            try:
                self.answers.put(json.loads(line))
            except ValueError:
                continue
        self.answers.put(None)

    def wait_ready(self, timeout: float) -> None:
        answer = self._answer(timeout)
        if not answer or not answer.get("ready"):
            raise PreviewError("web_preview_failed", reason=Message("tool_not_ready",
                                                                    program=LIBREOFFICE))

    def convert(self, docx: Path, pdf: Path, timeout: float) -> None:
        try:
            self.process.stdin.write(json.dumps({"docx": str(docx), "pdf": str(pdf)}) + "\n")
            self.process.stdin.flush()
        except OSError:  # the worker or its soffice died
            raise PreviewError("web_preview_failed", reason=_STOPPED) from None
        answer = self._answer(timeout)
        self.done += 1
        if not answer.get("ok"):
            log.warning("LibreOffice could not convert %s: %s", docx, answer.get("error"))
            raise PreviewError("web_preview_failed", reason=Message("tool_could_not_convert",
                                                                    program=LIBREOFFICE))

    def _answer(self, timeout: float) -> dict:
        try:
            answer = self.answers.get(timeout=timeout)
        except queue.Empty:
            raise PreviewError("web_preview_timeout", seconds=f"{timeout:g}") from None
        if answer is None:
            raise PreviewError("web_preview_failed", reason=_STOPPED)
        return answer

    def kill(self) -> None:
        """Stop the worker and its soffice at once (the whole process group or tree)."""
        if os.name == "nt":  # no process groups: end the tree
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(self.process.pid)],
                           capture_output=True)
        else:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def close(self) -> None:
        try:
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()


class PreviewPool:
    """*workers* warm LibreOffice instances shared by every session of the desk."""

    def __init__(self, workers: int = 2, *, timeout: float = 20.0, queue_wait: float = 60.0,
                 start_timeout: float = 60.0, restart_after: int = 300, cache: int = 128,
                 warm_up: bytes | None = None) -> None:
        self.soffice = find_soffice()
        self.python = find_uno_python()
        self.timeout = timeout
        self.queue_wait = queue_wait
        self.start_timeout = start_timeout
        self.restart_after = restart_after
        self.size = max(1, workers)
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.folder = Path(tempfile.mkdtemp(prefix="thidua-preview-"))
        self.cache: OrderedDict[str, int] = OrderedDict()
        self.cache_size = cache
        self.lock = threading.Lock()
        self.closed = False
        self.ready = threading.Event()
        self.warm_up = warm_up
        for _ in range(self.size):
            threading.Thread(target=self._start_worker, daemon=True).start()

    # --- workers ----------------------------------------------------------------------------

    def _start_worker(self) -> None:
        """Start one worker, warm it with a small conversion, and make it available."""
        for attempt in range(3):
            worker = None
            try:
                worker = _Worker(self.python, self.soffice)
                worker.wait_ready(self.start_timeout)
                if self.warm_up:
                    scratch = Path(tempfile.mkdtemp(dir=self.folder))
                    (scratch / "warm.docx").write_bytes(self.warm_up)
                    worker.convert(scratch / "warm.docx", scratch / "warm.pdf", self.timeout)
                    shutil.rmtree(scratch, ignore_errors=True)
            except (PreviewError, OSError) as error:
                if worker:
                    worker.kill()
                if self.closed:  # the desk stopped while this worker started
                    return
                log.warning("LibreOffice worker did not start (%s), attempt %d",
                            getattr(error, "key", error), attempt + 1)
                continue
            if self.closed:
                worker.close()
                return
            self.idle.put(worker)
            self.ready.set()
            return

    def _retire(self, worker: _Worker, *, hung: bool) -> None:
        """Replace *worker* in the background."""
        (worker.kill if hung else worker.close)()
        if not self.closed:
            threading.Thread(target=self._start_worker, daemon=True).start()

    def close(self) -> None:
        self.closed = True
        while True:
            try:
                self.idle.get_nowait().close()
            except queue.Empty:
                break
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- conversions -----------------------------------------------------------------------

    def pdf(self, docx: bytes) -> bytes:
        """The PDF LibreOffice makes of *docx*."""
        key = self._convert(docx)
        return (self.folder / key / "document.pdf").read_bytes()

    def preview(self, docx: bytes) -> tuple[str, int]:
        """Convert *docx* (or find it converted); return its key and number of pages."""
        key = self._convert(docx)
        return key, self.cache[key]

    def _convert(self, docx: bytes) -> str:
        key = hashlib.sha256(docx).hexdigest()[:32]
        with self.lock:
            if key in self.cache:
                self.cache.move_to_end(key)
                return key
        folder = self.folder / key
        folder.mkdir(parents=True, exist_ok=True)
        source, target = folder / "document.docx", folder / "document.pdf"
        source.write_bytes(docx)
        try:
            worker = self.idle.get(timeout=self.queue_wait)
        except queue.Empty:
            raise PreviewError("web_preview_busy") from None
        try:
            partial = folder / f"part-{threading.get_ident()}.pdf"
            worker.convert(source, partial, self.timeout)
            os.replace(partial, target)
        except PreviewError as error:
            self._retire(worker, hung=error.key == "web_preview_timeout" or
                         worker.process.poll() is not None)
            raise
        except BaseException:  # whatever happens, the pool keeps its size
            self._retire(worker, hung=True)
            raise
        else:
            if worker.done >= self.restart_after:
                self._retire(worker, hung=False)
            else:
                self.idle.put(worker)
        pages = _page_count(target)
        with self.lock:
            self.cache[key] = pages
            while len(self.cache) > self.cache_size:
                old, _ = self.cache.popitem(last=False)
                shutil.rmtree(self.folder / old, ignore_errors=True)
        return key

    def page_png(self, key: str, number: int) -> bytes | None:
        """The picture of page *number* of the converted document *key* (None if unknown)."""
        with self.lock:
            pages = self.cache.get(key)
        if pages is None or not 1 <= number <= pages:
            return None
        picture = self.folder / key / f"page-{number}.png"
        if not picture.exists():
            stem = self.folder / key / f"draw-{number}-{threading.get_ident()}"
            with _DRAWING:
                subprocess.run(["pdftoppm", "-r", str(PAGE_DPI), "-png", "-singlefile",
                                "-f", str(number), "-l", str(number),
                                str(self.folder / key / "document.pdf"), str(stem)],
                               check=True, capture_output=True, timeout=60)
            os.replace(f"{stem}.png", picture)
        return picture.read_bytes()


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise PreviewError("web_preview_failed", reason=Message("tool_no_page_count"))
