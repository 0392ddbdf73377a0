"""Child processes end with their parent, whatever signal it gets.

A batch's worker processes and LibreOffice instances must never outlive the ``thidua``
process that started them: the parent turns SIGTERM and SIGHUP into an orderly stop
(``stop_on_signals``), and every child asks the kernel to be signalled when its parent
dies (Linux ``prctl(PR_SET_PDEATHSIG)``; elsewhere a thread watches the parent), so even
a SIGKILL of the parent leaves nothing running. Windows has neither SIGHUP nor SIGKILL:
there SIGTERM alone stops a batch.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
#: Signals that stop a batch in an orderly way (Ctrl-C is KeyboardInterrupt already).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


def _c_library():
    """The C library this process runs on (Linux), opened once here, before any fork: no
    search (``ctypes.util.find_library`` runs ldconfig), no dlopen between fork and exec."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _c_library()


def die_with_parent(signum: int) -> bool:
    """Have the kernel send *signum* to this process when its parent dies (Linux); False
    where that is not available. Safe between fork and exec (``preexec_fn``)."""
    if _LIBC is None:
        return False
    try:
        return _LIBC.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except AttributeError:  # a C library without prctl
        return False


def kill_with_parent() -> None:
    """``preexec_fn`` of a LibreOffice instance: killed when the thread that started it,
    or the whole parent, dies."""
    die_with_parent(signal.SIGKILL)


def worker_started(parent: int) -> None:
    """Initializer of a batch worker process (fork or spawn): Ctrl-C is the parent's to
    handle; SIGTERM removes the file being written and ends the worker at once; the
    worker ends when *parent* dies."""
    from thidua_docs.output import remove_temporaries

    def terminate(signum, _frame) -> None:
        remove_temporaries()
        os._exit(128 + signum)

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for each in STOP_SIGNALS:
        signal.signal(each, terminate)
    if not die_with_parent(signal.SIGTERM):
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request took effect
        terminate(signal.SIGTERM, None)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)


class Stopped(SystemExit):
    """The batch was stopped by SIGTERM or SIGHUP: exit 128 + the signal, no traceback."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


@contextlib.contextmanager
def stop_on_signals():
    """Within the block, SIGTERM and SIGHUP raise Stopped in the main thread, so the
    batch's ``finally`` clauses stop its workers and LibreOffice instances."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, _frame) -> None:
        for each in STOP_SIGNALS:  # a second signal must not interrupt the clean-up
            signal.signal(each, signal.SIG_IGN)
        raise Stopped(signum)

    previous = {each: signal.signal(each, stop) for each in STOP_SIGNALS}
    try:
        yield
    finally:
        for each, handler in previous.items():
            signal.signal(each, handler)
