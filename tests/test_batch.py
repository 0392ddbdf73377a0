"""Batch and pipeline rendering: many inputs, PDFs, JSON, standard streams, interrupts."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from conftest import DATA, REPO, SAMPLE, document_paragraphs, need, pdf_text
from helpers import directive_data, write_yaml
from thidua_docs.pdf import PdfConverter

VALID = ["kontum-2020", "kontum-2017", "huyen-dak-ha-2025"]


def thidua(*args, env=None, **kwargs):
    environment = {**os.environ, "THIDUA_LANG": "vi", "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          env=environment, timeout=600, **kwargs)


def docx_text(path) -> str:
    return " ".join(p.text for p in document_paragraphs(Document(str(path))))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Three real directives and two broken ones."""
    folder = tmp_path_factory.mktemp("inputs")
    for name in VALID:
        shutil.copy(DATA / f"{name}.yaml", folder)
    shutil.copytree(DATA / "calendars", folder / "calendars")
    (folder / "broken.yaml").write_text("issuer: [\n", encoding="utf-8")
    write_yaml(folder / "no-signature.yaml", directive_data(signature=None))
    return folder


@pytest.mark.pdf
def test_batch_writes_valid_inputs_and_reports_invalid_ones(inputs, tmp_path):
    need(shutil.which("soffice") is not None, "LibreOffice is not installed")
    sources = [inputs / f"{n}.yaml" for n in VALID] + [inputs / "broken.yaml",
                                                        inputs / "no-signature.yaml"]
    out = tmp_path / "out"
    result = thidua("render", *map(str, sources), "-o", f"{out}/", "--pdf", "--json",
                    "--jobs", "2", text=True)
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"] for r in records] == list(map(str, sources))
    for record in records:
        assert set(record) == {"input", "outputs", "status", "errors", "notes", "ms"}
        assert isinstance(record["ms"], (int, float)) and record["ms"] >= 0
    for record, name in zip(records, VALID):
        assert record["status"] == "ok" and record["errors"] == []
        assert record["outputs"] == {"docx": str(out / f"{name}.docx"),
                                     "pdf": str(out / f"{name}.pdf")}
    broken, unsigned = records[3:]
    assert broken["status"] == unsigned["status"] == "error" and not broken["outputs"]
    for error in broken["errors"] + unsigned["errors"]:
        assert set(error) == {"file", "line", "column", "field", "code", "message"}
    (syntax,) = broken["errors"]  # the summary line is not one of the errors
    assert (syntax["file"], syntax["line"], syntax["code"]) == (str(inputs / "broken.yaml"), 2,
                                                               "yaml_flow")
    assert "cú pháp YAML" in syntax["message"]
    assert [(e["field"], e["code"]) for e in unsigned["errors"]] == [("signature", "missing")]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{n}.{ext}" for n in VALID for ext in ("docx", "pdf"))

    # Identical in text to the single-file path.
    single = tmp_path / "single"
    for name in VALID:
        one = thidua("render", str(inputs / f"{name}.yaml"), "-o", str(single / f"{name}.docx"),
                     "--pdf", text=True)
        assert one.returncode == 0, one.stderr
        assert one.stdout.split() == [str(single / f"{name}.docx"), str(single / f"{name}.pdf")]
        assert docx_text(out / f"{name}.docx") == docx_text(single / f"{name}.docx")
        assert pdf_text(out / f"{name}.pdf") == pdf_text(single / f"{name}.pdf")


@pytest.mark.pdf
def test_a_document_that_breaks_libreoffice_does_not_stop_the_batch(rendered, tmp_path):
    need(shutil.which("soffice") is not None, "LibreOffice is not installed")
    good = [shutil.copy(rendered[n], tmp_path / f"{n}.docx") for n in VALID]
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(Path(good[0]).read_bytes()[:3000])  # LibreOffice cannot load it
    heavy = tmp_path / "heavy.docx"  # takes LibreOffice far longer than the timeout
    document = Document()
    for _ in range(20000):
        document.add_paragraph("Phấn đấu hoàn thành toàn diện các chỉ tiêu năm 2025. " * 6)
    document.save(heavy)
    sources = [Path(good[0]), truncated, Path(good[1]), heavy, Path(good[2])]
    started = time.monotonic()
    results = PdfConverter(1, timeout=5).convert(sources, tmp_path / "pdf")
    assert time.monotonic() - started < 120
    assert [r.pdf is not None for r in results] == [True, False, True, False, True]
    assert results[1].error.key == "tool_reported"
    assert "could not be loaded" in str(results[1].error)
    assert results[3].error.key == "pdf_timeout"
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == sorted(
        f"{n}.pdf" for n in VALID)
    for result in results:
        if result.pdf:
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdf_text(result.pdf)


def test_stdin_to_stdout(tmp_path):
    source = DATA / "kontum-2020.yaml"
    result = thidua("render", "-", "-o", "-", input=source.read_bytes(), cwd=DATA)
    assert result.returncode == 0, result.stderr.decode()
    out = tmp_path / "from-stdin.docx"
    out.write_bytes(result.stdout)
    assert zipfile.is_zipfile(out)
    reference = thidua("render", str(source), "-o", str(tmp_path / "file.docx"), cwd=DATA)
    assert reference.returncode == 0
    assert docx_text(out) == docx_text(tmp_path / "file.docx")
    bad = thidua("render", "-", "-o", "-", input=b"issuer: [\n")
    assert bad.returncode == 2 and b"<stdin>:2:" in bad.stderr and bad.stdout == b""
    both = thidua("render", str(source), str(source), "-o", "-")
    assert both.returncode == 2 and "đúng một tệp".encode() in both.stderr


@pytest.mark.parametrize("verb", [["render", "-", "-o", "-"], ["validate", "-"]])
def test_endless_standard_input_is_refused_past_the_limit(verb):
    """`yes | thidua render - -o -` ends at once past the size limit, not when memory does."""
    from thidua_docs import limits

    command = [sys.executable, "-m", "thidua_docs", *verb]
    environment = {**os.environ, "THIDUA_LANG": "vi", "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=environment)
    chunk, sent = b"- dong\n" * 8192, 0
    try:
        while process.poll() is None and sent < 40 * limits.MAX_YAML_BYTES:
            process.stdin.write(chunk)
            sent += len(chunk)
    except BrokenPipeError:  # it stopped reading: what it should do
        pass
    finally:
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
    out, err = process.stdout.read(), process.stderr.read()
    assert process.wait(timeout=60) == 2, err.decode()
    assert sent < 4 * limits.MAX_YAML_BYTES  # it did not read on to the end
    assert "quá lớn" in err.decode() and "<stdin>" in err.decode() and out == b""


def test_progress_bar_only_on_a_terminal(inputs, tmp_path):
    sources = [str(inputs / f"{n}.yaml") for n in VALID]
    plain = thidua("render", *sources, "-o", f"{tmp_path}/plain/", text=True)
    assert plain.returncode == 0, plain.stderr
    assert "Tạo văn bản" not in plain.stderr and "\r" not in plain.stderr
    assert "%" not in plain.stderr

    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_docs", "render", sources[0], str(inputs / "broken.yaml"),
         *sources[1:], "-o", f"{tmp_path}/tty/", "--jobs", "1"],
        stdout=secondary, stderr=secondary, stdin=secondary,
        env={**os.environ, "PYTHONPATH": str(REPO), "THIDUA_LANG": "vi"})
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(60) == 1
    text = output.decode("utf-8")
    assert "Tạo văn bản [" in text and "4/4 100%" in text and "còn khoảng" in text
    # the broken input is reported as it happens, before the bar is full, and only once
    assert text.index("broken.yaml:2:") < text.index("4/4 100%")
    assert text.count("broken.yaml:2:") == 1


def test_pdf_without_libreoffice_fails_at_once(inputs, tmp_path):
    bare = tmp_path / "bin"
    bare.mkdir()
    result = thidua("render", str(inputs / "kontum-2020.yaml"), "-o", f"{tmp_path}/out/",
                    "--pdf", env={"PATH": str(bare), "THIDUA_SOFFICE": ""}, text=True)
    assert result.returncode == 2
    assert "apt-get install libreoffice-writer-nogui" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_existing_outputs_are_kept_in_a_batch(inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "kontum-2020.docx").write_bytes(b"clerk's file")
    result = thidua("render", *(str(inputs / f"{n}.yaml") for n in VALID), "-o", str(out),
                    text=True)
    assert result.returncode == 1
    assert (out / "kontum-2020.docx").read_bytes() == b"clerk's file"
    assert "--force" in result.stderr and "Xong 2 tệp, lỗi 1 tệp." in result.stderr


def _assert_whole(folder: Path) -> None:
    for path in folder.iterdir():
        assert not path.name.startswith("."), f"temporary left behind: {path.name}"
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as package:
                assert package.testzip() is None
        elif path.suffix == ".pdf":
            info = subprocess.run(["pdfinfo", str(path)], capture_output=True)
            assert info.returncode == 0, path


def test_parallel_runs_write_whole_files(inputs, tmp_path):
    sources = []
    for i in range(40):
        target = tmp_path / "in" / f"d{i:02d}.yaml"
        target.parent.mkdir(exist_ok=True)
        shutil.copy(DATA / "kontum-2020.yaml", target)
    shutil.copytree(DATA / "calendars", tmp_path / "in" / "calendars")
    sources = sorted(str(p) for p in (tmp_path / "in").glob("d*.yaml"))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "thidua_docs", "render", *sources, "-o", f"{out}/",
               "--force", "--jobs", "2"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE) for _ in range(3)]
    for run in runs:
        assert run.wait(300) == 0, run.stderr.read()
    assert len(list(out.glob("*.docx"))) == 40
    _assert_whole(out)


@pytest.mark.pdf
def test_interrupt_leaves_no_half_written_file(tmp_path):
    need(shutil.which("soffice") is not None, "LibreOffice is not installed")
    for i in range(60):
        shutil.copy(SAMPLE, tmp_path / f"m{i:02d}.yaml")
    out = tmp_path / "out"
    temporary = tmp_path / "tmp"  # its own TMPDIR: other runs' LibreOffice profiles are not its
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_docs", "render", *sorted(map(str, tmp_path.glob("m*.yaml"))),
         "-o", f"{out}/", "--pdf", "--jobs", "2"],
        env={**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(temporary)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob("*.pdf")):
        time.sleep(0.1)  # interrupt during the PDF conversion
    os.killpg(process.pid, signal.SIGINT)
    assert process.wait(60) == 130
    assert b"Traceback" not in process.stderr.read()
    _assert_whole(out)
    assert 0 < len(list(out.glob("*.pdf"))) < 60
    assert not list(temporary.glob("thidua-lo-profile-*"))


def test_spawned_workers_render_paths_with_spaces_and_vietnamese_letters(monkeypatch, tmp_path):
    """Windows has no fork: workers started by spawn give the same files, and paths with
    spaces and Vietnamese letters, and CRLF inputs (Notepad), work."""
    from thidua_docs import batch

    folder = tmp_path / "Phòng Nội vụ" / "thi đua 2025"
    folder.mkdir(parents=True)
    shutil.copytree(DATA / "calendars", folder / "calendars")
    names = ["kontum-2020", "huyện Đăk Hà", "xã Ngọk Wang"]
    for name, source in zip(names, ["kontum-2020", "huyen-dak-ha-2025", "xa-ngoc-wang-2025"]):
        text = (DATA / f"{source}.yaml").read_bytes().replace(b"\r\n", b"\n")
        (folder / f"{name}.yaml").write_bytes(text.replace(b"\n", b"\r\n"))
    (folder / "hỏng.yaml").write_text("issuer: [\n", encoding="utf-8")
    jobs = [batch.Job(folder / f"{name}.yaml", folder / "ra" / f"{name}.docx")
            for name in [*names, "hỏng"]]
    monkeypatch.setenv("THIDUA_START_METHOD", "spawn")
    spawned = batch.render_docx_files(jobs, workers=2, template=None, force=False, draft=False)
    assert [o.status for o in spawned] == ["ok", "ok", "ok", "error"]
    assert spawned[3].errors[0].code == "yaml_flow" and spawned[3].errors[0].line == 2
    alone = [batch.Job(job.source, tmp_path / "alone" / job.target.name) for job in jobs[:3]]
    for outcome, single in zip(spawned, batch.render_docx_files(
            alone, workers=1, template=None, force=False, draft=False)):
        assert docx_text(outcome.outputs["docx"]) == docx_text(single.outputs["docx"])


def test_the_eta_counts_the_pdf_phase_still_to_come():
    from thidua_docs.progress import Progress

    progress = Progress([("progress_docx", 10), ("progress_pdf", 10)], enabled=False)
    progress.seconds = {"progress_docx": 0.01, "progress_pdf": 1.0}
    progress.done = 5
    assert progress.eta() == pytest.approx(5 * 0.01 + 10 * 1.0)
    progress.start("progress_pdf", 8)  # two inputs failed: no PDF for them
    progress.seconds["progress_pdf"] = 1.0
    assert progress.eta() == pytest.approx(8.0)


def test_a_start_method_workers_cannot_live_under_is_refused_in_words(inputs, tmp_path):
    sources = [str(inputs / f"{name}.yaml") for name in VALID]
    result = thidua("render", *sources, "-o", f"{tmp_path}/", "--jobs", "2",
                    env={"THIDUA_START_METHOD": "forkserver"})
    assert result.returncode == 2
    error = result.stderr.decode("utf-8")
    assert "THIDUA_START_METHOD là 'forkserver'" in error and "Traceback" not in error
    assert not list(tmp_path.glob("*.docx"))
