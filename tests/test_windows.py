"""Windows and macOS: no POSIX-only call on the main paths, LibreOffice at its install paths.

Windows' signal module has no SIGHUP, SIGKILL or pthread_sigmask; these tests take them
out of this process's signal module, re-import the modules that read them at import, and
render for real (one document, and batches whose workers inherit or rebuild that module).
"""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest
from docx import Document

from conftest import DATA, SAMPLE, document_paragraphs
from thidua_docs import batch, lifetime, main, pdf

#: What Windows' signal module lacks of what thidua_docs uses.
POSIX_ONLY = ("SIGHUP", "SIGKILL", "pthread_sigmask", "SIG_BLOCK", "SIG_SETMASK")


@pytest.fixture
def windows_signals():
    """This process's signal module as on Windows, and lifetime re-imported under it;
    afterwards the real module and lifetime re-imported again."""
    with pytest.MonkeyPatch.context() as patch:
        for name in POSIX_ONLY:
            patch.delattr(signal, name)
        importlib.reload(lifetime)
        yield
    importlib.reload(lifetime)


def _text(path: Path) -> str:
    return " ".join(p.text for p in document_paragraphs(Document(str(path))))


def test_lifetime_stops_on_sigterm_alone_without_posix_signals(windows_signals):
    assert lifetime.STOP_SIGNALS == (signal.SIGTERM,)
    with lifetime.stop_on_signals():
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN, None)


def test_a_render_works_without_posix_signals(windows_signals, tmp_path):
    target = main.render(SAMPLE, tmp_path / "Phòng Nội vụ" / "phát động.docx")
    assert "Nơi nhận:" in _text(target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["phát động.docx"]


@pytest.mark.parametrize("method,workers", [("spawn", 2), ("fork", 2), ("spawn", 1)])
def test_a_batch_works_without_posix_signals(windows_signals, monkeypatch, tmp_path, method,
                                             workers):
    """spawn is Windows' start method; forked workers inherit the Windows-like signal module
    and run lifetime.worker_started under it."""
    monkeypatch.setenv("THIDUA_START_METHOD", method)
    names = ["kontum-2020", "kontum-2017"]
    jobs = [batch.Job(DATA / f"{name}.yaml", tmp_path / f"{name}.docx") for name in names]
    outcomes = batch.render_docx_files(jobs, workers=workers, template=None, force=False,
                                       draft=False)
    assert [o.status for o in outcomes] == ["ok", "ok"], [o.errors for o in outcomes]
    for outcome in outcomes:
        assert "Nơi nhận:" in _text(Path(outcome.outputs["docx"]))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.docx" for n in names)


def test_the_real_signal_module_is_back_after_the_windows_tests():
    assert hasattr(signal, "SIGHUP") and hasattr(signal, "pthread_sigmask")
    assert lifetime.STOP_SIGNALS == (signal.SIGTERM, signal.SIGHUP)


def test_programs_start_in_a_group_of_their_own_without_preexec_fn_on_windows(monkeypatch):
    assert pdf.own_group(preexec_fn=lifetime.kill_with_parent) == {
        "start_new_session": True, "preexec_fn": lifetime.kill_with_parent}
    monkeypatch.setattr(os, "name", "nt")
    monkeypatch.setattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x200, raising=False)
    assert pdf.own_group(preexec_fn=lifetime.kill_with_parent) == {"creationflags": 0x200}


# --- LibreOffice where its installers put it -----------------------------------------------


def test_libreoffice_is_looked_for_where_the_windows_installer_puts_it(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("ProgramFiles", raising=False)
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    default = PureWindowsPath(r"C:\Program Files\LibreOffice\program\soffice.exe")
    assert [PureWindowsPath(str(p)) for p in pdf.default_soffice_paths()] == [default]
    monkeypatch.setenv("ProgramFiles", r"D:\Chương trình")
    monkeypatch.setenv("ProgramFiles(x86)", r"C:\Program Files (x86)")
    assert [PureWindowsPath(str(p)) for p in pdf.default_soffice_paths()] == [
        PureWindowsPath(r"D:\Chương trình\LibreOffice\program\soffice.exe"),
        PureWindowsPath(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"), default]


def test_libreoffice_is_looked_for_where_the_macos_installer_puts_it(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert pdf.default_soffice_paths() == [
        Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
        tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice"]


def test_libreoffice_off_path_is_found_at_its_install_path(monkeypatch, tmp_path):
    """Neither THIDUA_SOFFICE nor PATH: the Mac user's own Applications folder."""
    installed = tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice"
    installed.parent.mkdir(parents=True)
    installed.write_text("#!/bin/sh\n")
    installed.chmod(0o755)
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.delenv("THIDUA_SOFFICE", raising=False)
    assert pdf.find_soffice() == str(installed)
    installed.unlink()
    with pytest.raises(pdf.LibreOfficeMissing):
        pdf.find_soffice()
