"""The desk on a loopback port and a headless Chromium driving it (tests/test_web*.py)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import DATA, need

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


class Desk:
    """``thidua serve`` in a thread: the same app, a free port, a workspace of copies."""

    def __init__(self, workspace: Path, *, password: str | None = None, preview: bool = True,
                 preview_workers: int = 2, preview_timeout: float = 20.0) -> None:
        import uvicorn

        from thidua_docs.web import Settings, create_app

        self.workspace = workspace
        self.app = create_app(Settings(workspace=workspace, password=password,
                                       start_preview=preview, preview_workers=preview_workers,
                                       preview_timeout=preview_timeout))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the desk did not start")
            time.sleep(0.05)

    @property
    def pool(self):
        return self.app.state.pool_holder.get("pool")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(5)
        if self.thread.is_alive():  # connections a test left open: do not wait for them
            self.server.force_exit = True
            self.thread.join(30)


def source_of(name: str) -> Path:
    """A directive of data/, or the sample shipped in the package."""
    from thidua_docs import bundled

    return bundled.path(bundled.SAMPLE) if name == bundled.SAMPLE[-1] else DATA / name


def workspace_with(tmp: Path, *names: str) -> Path:
    folder = tmp / "workspace"
    folder.mkdir()
    shutil.copytree(DATA / "calendars", folder / "calendars")  # kontum-2020's own calendar
    for name in names:
        shutil.copy(source_of(name), folder / name)
    return folder


def need_browser() -> None:
    need(Path(CHROMIUM).exists(), "Chromium is not installed (apt install chromium)")
    need(Path(CHROMEDRIVER).exists(), "chromedriver is not installed (apt install chromium-driver)")


def need_preview() -> None:
    need(shutil.which("soffice") is not None, "LibreOffice (soffice) is not installed")
    need(shutil.which("pdftoppm") is not None, "poppler-utils (pdftoppm) is not installed")
    from thidua_docs.web.preview import PreviewError, find_uno_python

    try:
        find_uno_python()
    except PreviewError:
        need(False, "python3-uno is not installed for the system Python (apt install python3-uno)")


def chromium(download_dir: Path | None = None):
    """A headless Chromium under Selenium, from the system's packages (nothing downloaded)."""
    need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--lang=vi"):
        options.add_argument(argument)
    if download_dir is not None:
        options.add_experimental_option("prefs", {
            "download.default_directory": str(download_dir), "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module."""
    driver = chromium()
    yield driver
    driver.quit()


def wait_for(condition, timeout: float = 20.0, message: str = "condition"):
    """Poll *condition* until it returns something true; fail after *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = condition()
        except Exception:  # the page is changing under the test (stale element...)
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {message}")
        time.sleep(0.05)


def js_errors(driver) -> list[str]:
    """The page's script errors so far (a favicon 404 is not one)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]


def same_bytes(downloaded: bytes, rendered: bytes) -> bool:
    """Whether two .docx are the same bytes; if not, fail naming the parts that differ."""
    if downloaded == rendered:
        return True
    import io
    import zipfile

    ours, theirs = (zipfile.ZipFile(io.BytesIO(data)) for data in (downloaded, rendered))
    differ = []
    for name in sorted(set(ours.namelist()) | set(theirs.namelist())):
        a = ours.read(name) if name in ours.namelist() else b""
        b = theirs.read(name) if name in theirs.namelist() else b""
        if a != b:
            at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            differ.append(f"{name} at {at}: {a[max(0, at - 120):at + 80]!r} vs "
                          f"{b[max(0, at - 120):at + 80]!r}")
    pytest.fail("the .docx differ: " + ("; ".join(differ) or "in the zip's own bytes"))
