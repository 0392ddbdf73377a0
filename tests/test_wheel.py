"""pip install of a wheel built from the repository works anywhere: the template, the
calendar, the sample and the message catalogs are package data, found through
importlib.resources, and ``thidua`` renders the sample in a folder far from the repository
(its path has a space and Vietnamese letters)."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from docx import Document

from conftest import REPO, document_paragraphs

BUNDLED = ["thidua_docs/templates/phat_dong.docx", "thidua_docs/calendars/anniversaries.yaml",
           "thidua_docs/examples/mau-phat-dong.yaml", "thidua_docs/messages/vi/fields.po",
           "thidua_docs/messages/en/help.po", "thidua_docs/layout/tnr_widths.json"]


#: No PYTHONPATH: the wheel's copy must be the one imported.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}


def _run(*args, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("env", ENV)
    result = subprocess.run(list(map(str, args)), capture_output=True, text=True, timeout=300,
                            **kwargs)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv holding only the wheel (its dependencies are this venv's): its bin/."""
    base = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", base / "dist", REPO, cwd=base)
    (wheel,) = (base / "dist").glob("thidua_docs-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert all(name in names for name in BUNDLED), sorted(names)
    venv = base / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
                .stdout.strip())
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
         "-q", wheel)
    # then the dependencies, from this venv (a path line: its editable .pth is not read)
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return bindir


def _text(path: Path) -> str:
    return "\n".join(p.text for p in document_paragraphs(Document(str(path))))


def test_the_installed_wheel_renders_the_sample_anywhere(installed, rendered, tmp_path):
    folder = tmp_path / "Văn bản thi đua 2025"
    folder.mkdir()
    env = ENV
    thidua = installed / ("thidua.exe" if os.name == "nt" else "thidua")
    where = _run(installed / "python", "-c", "import thidua_docs; print(thidua_docs.__file__)",
                 cwd=folder, env=env).stdout
    assert str(installed.parent) in where and str(REPO) not in where
    _run(thidua, "example", cwd=folder, env=env)
    assert (folder / "thidua.schema.json").is_file()
    _run(thidua, "render", "mau-phat-dong.yaml", cwd=folder, env=env)
    written = _text(folder / "output" / "mau-phat-dong.docx")
    assert "Nơi nhận:" in written and written == _text(rendered["mau-phat-dong"])
    listed = _run(thidua, "anniversaries", "2025", cwd=folder, env=env).stdout  # the calendar
    assert "năm" in listed
    help_text = _run(installed / "python", "-m", "thidua_docs", "render", "--help", cwd=folder,
                     env=env).stdout
    assert "Cách dùng:" in help_text and "Ví dụ:" in help_text
