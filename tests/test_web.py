"""The clerk's desk (``thidua serve``) driven by a real headless Chromium and by HTTP."""

from __future__ import annotations

import re
import shutil
import subprocess

import httpx
import pytest
from selenium.webdriver.common.by import By

from conftest import DATA
from thidua_docs import main
from webdesk import (  # noqa: F401 (browser: a fixture)
    Desk, browser, js_errors, need_preview, same_bytes, source_of, wait_for, workspace_with,
)

SAMPLE = "mau-phat-dong.yaml"
#: The sample's first indicator ("Tổng giá trị sản xuất tăng khoảng 9.5%").
FIRST_VALUE = "body[1].content[0].content[0].indicators[0].value"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    need_preview()
    folder = workspace_with(tmp_path_factory.mktemp("desk"), SAMPLE, "kontum-2020.yaml",
                            "huyen-dak-ha-2025.yaml")
    desk = Desk(folder)
    yield desk
    desk.stop()


def client(desk: Desk) -> tuple[httpx.Client, str]:
    """An HTTP session with the desk and its CSRF token."""
    session = httpx.Client(base_url=desk.url, timeout=60)
    page = session.get("/")
    token = re.search(r'name="csrf-token" content="([0-9a-f]+)"', page.text)[1]
    return session, token


def field(browser, path: str):
    """The input, text box or choice of the field at *path*."""
    return browser.find_element(By.CSS_SELECTOR, ", ".join(
        f'{tag}[data-path="{path}"], {tag}[data-outline-path="{path}"]'
        for tag in ("input", "textarea", "select")))


def problem_at(browser, path: str) -> str:
    return browser.find_element(By.CSS_SELECTOR, f'[data-problem-for="{path}"]').text


def retype(element, text: str) -> None:
    element.clear()
    element.send_keys(text)


def preview_pdf_text(desk: Desk, browser, previous_key: str | None = None) -> str:
    """The text of the PDF behind the preview pictures the page shows now."""
    key = wait_for(lambda: (k := browser.find_element(By.ID, "pages").get_attribute("data-key"))
                   and k != previous_key and k, 30, "a refreshed preview")
    pdf = desk.pool.folder / key / "document.pdf"
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_home_lists_the_workspace_with_status(desk):
    session, _ = client(desk)
    page = session.get("/").text
    assert "Phát động phong trào thi đua" in page
    assert page.count('<tr data-name="') == 3
    assert "Hợp lệ" in page
    session.cookies.set("thidua_lang", "en")
    english = session.get("/").text
    assert "Directives" in english and "Valid" in english


def test_edit_preview_save_download(desk, browser, tmp_path):
    browser.get(f"{desk.url}/edit/{SAMPLE}")
    before = preview_pdf_text(desk, browser)
    assert "9,5%" in before
    old_key = browser.find_element(By.ID, "pages").get_attribute("data-key")
    retype(field(browser, FIRST_VALUE), "10,5")
    after = preview_pdf_text(desk, browser, old_key)
    assert "tăng khoảng 10,5%" in after and "9,5%" not in after
    assert browser.find_elements(By.CSS_SELECTOR, "#pages img.page")
    browser.find_element(By.ID, "save").click()
    wait_for(lambda: "Đã lưu" in browser.find_element(By.ID, "notice").text, 20, "saved")
    saved = (desk.workspace / SAMPLE).read_text(encoding="utf-8")
    assert 'value: "10,5"' in saved
    assert "# TỆP MẪU" in saved and "# số kiểu quốc tế (9.5)" in saved  # comments kept
    session, _ = client(desk)
    docx = session.get(f"/download/{SAMPLE}/docx")
    assert docx.status_code == 200
    rendered = main.render(desk.workspace / SAMPLE, tmp_path / "cli.docx")
    assert same_bytes(docx.content, rendered.read_bytes())
    assert session.get(f"/download/{SAMPLE}/yaml").content.decode() == saved
    assert not js_errors(browser)


def test_validation_error_beside_its_field_keeps_the_input(desk, browser):
    browser.get(f"{desk.url}/edit/huyen-dak-ha-2025.yaml")
    unit = field(browser, "document.unit")
    retype(unit, "v x")
    wait_for(lambda: "ký hiệu" in problem_at(browser, "document.unit"), 20, "the unit's problem")
    assert unit.get_attribute("value") == "v x"
    value = field(browser, "body[1].content[0].content[0].indicators[0].value")
    retype(value, "mười")
    path = "body[1].content[0].content[0].indicators[0].value"
    wait_for(lambda: problem_at(browser, path), 20, "the value's problem")
    assert value.get_attribute("value") == "mười"
    assert "ký hiệu" in problem_at(browser, "document.unit")  # both shown at once
    browser.find_element(By.ID, "save").click()  # saving keeps what was typed, errors and all
    wait_for(lambda: "còn 2 lỗi" in browser.find_element(By.ID, "notice").text, 20, "saved")
    browser.get(f"{desk.url}/edit/huyen-dak-ha-2025.yaml")
    assert field(browser, path).get_attribute("value") == "mười"
    assert field(browser, "document.unit").get_attribute("value") == "v x"
    wait_for(lambda: "ký hiệu" in problem_at(browser, "document.unit"), 20, "the problem again")
    shutil.copy(DATA / "huyen-dak-ha-2025.yaml", desk.workspace)  # as it was, for the next test


def test_every_state_change_needs_the_csrf_token(desk):
    session, token = client(desk)
    for path in ("/api/save/kontum-2020.yaml", "/api/validate/kontum-2020.yaml",
                 "/start/sample", "/start/new"):
        assert session.post(path, json={}).status_code == 403, path
    other = httpx.Client(base_url=desk.url)
    other.get("/")
    assert other.post("/api/validate/kontum-2020.yaml", json={},
                      headers={"X-CSRF-Token": token}).status_code == 403  # another session's
    assert session.post("/api/validate/kontum-2020.yaml", json={"data": {}},
                        headers={"X-CSRF-Token": token}).status_code == 200
    assert session.post("/api/validate/kontum-2020.yaml", json={},
                        headers={"X-CSRF-Token": token,
                                 "Origin": "http://evil.example"}).status_code == 403


def test_names_never_leave_the_workspace_and_errors_are_messages(desk):
    session, token = client(desk)
    for name in ("..%2Fsecret.yaml", "%2Fetc%2Fpasswd", "nope.yaml", "kontum-2020.txt"):
        response = session.get(f"/edit/{name}")
        assert response.status_code == 404, name
        assert "Traceback" not in response.text
    broken = session.post("/api/save/kontum-2020.yaml", content=b"{not json",
                          headers={"X-CSRF-Token": token, "Content-Type": "application/json"})
    assert broken.status_code == 400 and "Traceback" not in broken.text
    assert "error" in broken.json()


def test_uploads_are_capped_and_bad_files_are_messages(desk):
    session, token = client(desk)
    big = session.post(f"/check?csrf={token}",
                       files={"file": ("big.docx", b"0" * (21 * 2**20), "application/octet-stream")})
    assert big.status_code == 413 and "20 MB" in big.text
    for name, data in (("hong.docx", b"PK\x03\x04 not really a zip"),
                       ("ma-hoa.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Encryption".encode(
                           "utf-16-le")),
                       ("rong.docx", b"")):
        answer = session.post(f"/check?csrf={token}", files={"file": (name, data)})
        assert answer.status_code == 400, name
        text = re.search(r'<p id="message">(.*?)</p>', answer.text, re.S)[1]
        assert name in text and "/tmp" not in text, text
        assert "Traceback" not in answer.text
    wrong = session.post(f"/start/import?csrf={token}", files={"file": ("x.exe", b"MZ")})
    assert wrong.status_code == 400 and ".docx" in wrong.text


def test_hostile_uploads_meet_the_same_limits_as_check_and_import(desk):
    """A zip bomb and an entity bomb, uploaded to the check page and to the import start, are
    refused with the limit or the damage named; an external entity is read as nothing, never
    as the file it names."""
    from bad_inputs.cases import Stock, entity_bomb, xxe, zip_bomb
    from thidua_docs.loader import load_directive
    from thidua_docs.render.docx import render_docx

    stock = Stock(docx=render_docx(load_directive(source_of(SAMPLE))), template=b"")
    session, token = client(desk)
    for make, said in ((zip_bomb, "128 MiB"), (entity_bomb, "hỏng"), (xxe, None)):
        data = make(stock)
        for start in ("check", "start/import"):
            answer = session.post(f"/{start}?csrf={token}", follow_redirects=True,
                                  files={"file": (f"{make.__name__}.docx", data)})
            assert "Traceback" not in answer.text and "root:x:0" not in answer.text, start
            if said:
                assert answer.status_code == 400, (start, make.__name__, answer.status_code)
                assert said in answer.text, (start, make.__name__, answer.text)
            else:
                assert answer.status_code == 200, (start, answer.status_code)


def test_off_this_machine_a_password_is_required(tmp_path):
    from thidua_docs.commands.serve import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    desk = Desk(workspace_with(tmp_path, SAMPLE), password="mật khẩu", preview=False)
    try:
        session = httpx.Client(base_url=desk.url)
        assert session.get("/").headers["location"] == "/login"
        assert session.get(f"/download/{SAMPLE}/yaml").status_code == 303
        login = session.get("/login")
        assert login.status_code == 200
        token = re.search(r'name="csrf-token" content="([0-9a-f]+)"', login.text)[1]
        assert session.post("/login", data={"password": "mật khẩu"}).status_code == 403
        assert session.post(f"/login?csrf={token}", data={"password": "sai"}).status_code == 401
        assert session.post(f"/login?csrf={token}",
                            data={"password": "mật khẩu"}).status_code == 303
        assert session.get(f"/download/{SAMPLE}/yaml").status_code == 200
    finally:
        desk.stop()


def test_a_download_is_the_same_bytes_whenever_it_is_rendered():
    """The desk's .docx equals ``thidua render``'s at any later time: no clock in the file."""
    import time

    from webdesk import source_of

    data = source_of(SAMPLE).read_bytes()
    first = main.render_text(data)
    time.sleep(2.1)  # zip times have a resolution of two seconds
    assert main.render_text(data) == first


def test_the_outline_adds_moves_and_indents_with_labels_computed_live(desk, browser):
    name = "huyen-dak-ha-2025.yaml"
    browser.get(f"{desk.url}/edit/{name}")

    def label(path):
        return browser.find_element(By.CSS_SELECTOR, f'[data-label-for="{path}"]').text

    def ops(path):
        head = browser.find_element(By.CSS_SELECTOR, f'[data-path="{path}"] > .block-head')
        return {b.get_attribute("title"): b for b in head.find_elements(By.CSS_SELECTOR, "button")}

    wait_for(lambda: label("body[3]") == "IV.", 20, "the labels")
    ops("body[0]")["Xuống"].click()  # "Mục tiêu" below "Các chỉ tiêu chủ yếu"
    wait_for(lambda: field(browser, "body[1].section").get_attribute("value") == "Mục tiêu",
             10, "the move")
    assert field(browser, "body[0].section").get_attribute("value") == "Các chỉ tiêu chủ yếu"
    top = browser.find_elements(By.CSS_SELECTOR, "#outline > .blocks > .adder")[0]
    top.find_element(By.CSS_SELECTOR, "select option[value=section]").click()
    top.find_element(By.CSS_SELECTOR, "button").click()
    wait_for(lambda: problem_at(browser, "body[4].section") or problem_at(browser, "body[4]"),
             20, "the empty title's problem")
    retype(field(browser, "body[4].section"), "Khen thưởng")
    wait_for(lambda: label("body[4]") == "V." and not problem_at(browser, "body[4]"), 20,
             "the new section's label")
    top = browser.find_elements(By.CSS_SELECTOR, "#outline > .blocks > .adder")[0]
    top.find_element(By.CSS_SELECTOR, "select option[value=paragraph]").click()
    top.find_element(By.CSS_SELECTOR, "button").click()
    retype(field(browser, "body[5]"), "Khen thưởng kịp thời các tập thể, cá nhân tiêu biểu.")
    ops("body[5]")["Thụt vào"].click()  # into the section above
    wait_for(lambda: field(browser, "body[4].content[0]").get_attribute("value").startswith(
        "Khen thưởng kịp thời"), 10, "the indent")
    browser.find_element(By.ID, "save").click()
    wait_for(lambda: "Đã lưu" in browser.find_element(By.ID, "notice").text, 20, "saved")
    saved = main.validate(desk.workspace / name)
    assert [s.section for s in saved.body] == ["Các chỉ tiêu chủ yếu", "Mục tiêu",
                                               "Nội dung thi đua", "Tổ chức thực hiện",
                                               "Khen thưởng"]
    assert saved.body[4].content == ["Khen thưởng kịp thời các tập thể, cá nhân tiêu biểu."]
    browser.find_element(By.ID, "lang-switch").click()
    wait_for(lambda: browser.find_element(By.ID, "save").text == "Save", 10, "English")
    browser.find_element(By.ID, "lang-switch").click()
    wait_for(lambda: browser.find_element(By.ID, "save").text == "Lưu", 10, "Vietnamese")


def test_a_taken_port_or_an_unknown_host_is_said_in_words_before_anything_starts(tmp_path):
    import os
    import socket
    import sys

    from conftest import REPO

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    environment = {**os.environ, "THIDUA_LANG": "vi", "PYTHONPATH": str(REPO)}
    try:
        for args, words in ((["--port", str(port)], f"Cổng {port} đang được chương trình khác"),
                            (["--host", "no-such-host.invalid"], "Không tìm thấy máy")):
            result = subprocess.run(
                [sys.executable, "-m", "thidua_docs", "serve", "--no-browser", "--workspace",
                 str(tmp_path), *args], capture_output=True, text=True, timeout=60,
                env=environment)
            assert result.returncode == 2, result
            assert words in result.stderr, result.stderr
            assert "ERROR" not in result.stderr and "Traceback" not in result.stderr
            assert "đang chạy" not in result.stdout  # nothing claimed to be running
    finally:
        taken.close()


def test_thidua_serve_serves_the_desk_and_stops_on_ctrl_c(tmp_path):
    import os
    import signal
    import socket
    import sys
    import time

    from conftest import REPO

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    shutil.copy(DATA / "kontum-2020.yaml", tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_docs", "serve", "--no-browser", "--port", str(port),
         "--workspace", str(tmp_path), "--preview-workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "THIDUA_LANG": "vi", "PYTHONPATH": str(REPO)})
    try:
        assert "đang chạy tại" in process.stdout.readline()
        for _ in range(100):
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert page.status_code == 200 and "kontum-2020" in page.text
    finally:
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=60)
    assert process.returncode == 0 and "Traceback" not in errors, errors
