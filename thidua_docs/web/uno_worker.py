"""One warm LibreOffice for previews, run under the system Python that has ``uno``.

Started by ``thidua_docs.web.preview`` as ``/usr/bin/python3 uno_worker.py SOFFICE PROFILE``:
it starts soffice listening on a private pipe with its own profile, connects, then reads one
JSON request a line on standard input ({"docx": path, "pdf": path}) and answers one JSON line
on standard output ({"ok": true} or {"ok": false, "error": text}). It imports nothing from
thidua_docs: the system Python has only the standard library and uno.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid

import uno  # noqa: F401  (system python3-uno)
from com.sun.star.beans import PropertyValue


def _props(**values):
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def _connect(soffice, profile):
    pipe = f"thidua-{uuid.uuid4().hex}"
    process = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore",
         "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 60
    while True:
        try:
            context = resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # NoConnectException while soffice starts
            if time.monotonic() > deadline or process.poll() is not None:
                _kill_all(process)
            time.sleep(0.05)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context)
    return process, desktop


def _convert(desktop, docx, pdf):
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(docx), "_blank", 0,
        _props(Hidden=True, ReadOnly=True, UpdateDocMode=0))
    try:
        document.storeToURL(uno.systemPathToFileUrl(pdf),
                            _props(FilterName="writer_pdf_Export"))
    finally:
        document.close(True)


def _kill_all(process):
    """soffice (a script, a launcher and the office itself) and this worker, at once: they
    are one process group, the worker its leader (Windows: soffice alone)."""
    if hasattr(os, "killpg"):
        os.killpg(os.getpgrp(), signal.SIGKILL)
    process.kill()
    os._exit(1)


def _end_with_parent(process):
    """Stop soffice and this worker as soon as the desk that started them is gone (even
    killed), so no LibreOffice outlives it."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        _kill_all(process)

    threading.Thread(target=watch, daemon=True).start()


def main():
    soffice, profile = sys.argv[1], sys.argv[2]
    process, desktop = _connect(soffice, profile)
    _end_with_parent(process)
    try:
        print(json.dumps({"ready": True, "pid": process.pid}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            try:
                _convert(desktop, request["docx"], request["pdf"])
                answer = {"ok": True}
            except Exception as error:  # reported to the parent, which logs it
                answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            print(json.dumps(answer), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            _kill_all(process)


if __name__ == "__main__":
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    main()
