"""The clerk's flows end to end in headless Chromium: import last year's .docx, roll over to a
new year, check any document's layout, two tabs on one file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DATA
from thidua_docs import main
from test_web import client, field, preview_pdf_text, retype
from webdesk import (  # noqa: F401 (browser: a fixture)
    Desk, browser, js_errors, need_preview, same_bytes, wait_for, workspace_with,
)

WILD = Path(__file__).resolve().parents[2] / "shared" / "wild"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    need_preview()
    desk = Desk(workspace_with(tmp_path_factory.mktemp("flows"), "kontum-2020.yaml",
                               "xa-ngoc-wang-2025.yaml"))
    yield desk
    desk.stop()


def start(browser, desk, form: str, *, upload: Path | None = None) -> None:
    browser.get(desk.url + "/")
    box = browser.find_element(By.ID, form)
    if upload is not None:
        box.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(upload))
    box.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def opened(browser) -> str:
    """The workspace file the editor opened (wait for it)."""
    return wait_for(lambda: "/edit/" in browser.current_url and
                    browser.find_element(By.CSS_SELECTOR, ".docname").text, 60, "the editor")


def save(browser) -> None:
    browser.find_element(By.ID, "save").click()
    wait_for(lambda: "Đã lưu" in browser.find_element(By.ID, "notice").text, 30, "saved")


def test_import_a_rendered_docx_change_an_indicator_preview_and_download(desk, browser,
                                                                        tmp_path):
    last_year = main.render(DATA / "kontum-2020.yaml", tmp_path / "uy-ban-2020.docx")
    start(browser, desk, "start-import", upload=last_year)
    name = opened(browser)
    assert name.endswith(".yaml") and (desk.workspace / name).is_file()
    assert "uy-ban-2020" in browser.find_element(By.ID, "import-report").text
    value = next(e for e in browser.find_elements(By.CSS_SELECTOR, "[data-outline-path$='.value']")
                 if e.get_attribute("value"))
    preview_pdf_text(desk, browser)
    key = browser.find_element(By.ID, "pages").get_attribute("data-key")
    retype(value, "987")
    assert "987" in preview_pdf_text(desk, browser, key)
    save(browser)
    saved = desk.workspace / name
    session, _ = client(desk)
    downloaded = session.get(f"/download/{name}/docx")
    assert downloaded.status_code == 200
    assert same_bytes(downloaded.content, _thidua_render(saved, tmp_path / "cli.docx"))
    pdf = session.get(f"/download/{name}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert not js_errors(browser)


def _thidua_render(source: Path, target: Path) -> bytes:
    """What ``thidua render SOURCE -o TARGET`` writes."""
    import sys

    subprocess.run([sys.executable, "-m", "thidua_docs", "render", str(source), "-o",
                    str(target)], check=True, capture_output=True)
    return target.read_bytes()


def test_rollover_highlights_every_indicator_to_update(desk, browser):
    browser.get(desk.url + "/")
    Select(browser.find_element(By.CSS_SELECTOR, "#start-new select")).select_by_value(
        "kontum-2020.yaml")
    start_form = browser.find_element(By.ID, "start-new")
    start_form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    name = opened(browser)
    assert "2021" in name
    report = browser.find_element(By.ID, "rollover-report")
    assert "2021" in report.text and report.find_elements(By.CSS_SELECTOR, "li input")
    chosen = [box.get_attribute("value") for box in
              browser.find_elements(By.CSS_SELECTOR, "#anniversaries input:checked")]
    assert any("Kon Tum" in wording for wording in chosen)  # from the directive's own calendar
    offered = [box.get_attribute("value") for box in
               browser.find_elements(By.CSS_SELECTOR, "#anniversaries input")]
    suggested = main.anniversaries(2021, [desk.workspace / "calendars" /
                                          "anniversaries-kontum.yaml"])
    assert {a.wording for a in suggested} <= set(offered)  # national and Kon Tum's calendars
    pending = browser.find_elements(By.CSS_SELECTOR, "tr.pending")
    rolled = main.validate(desk.workspace / name, draft=True)
    from thidua_docs.web.workspace import pending_indicators

    assert len(pending) == len(pending_indicators(rolled)) > 0
    first = pending[0]
    previous = first.find_element(By.CSS_SELECTOR, "td.previous").text
    assert previous and previous == first.find_element(
        By.CSS_SELECTOR, "[data-outline-path$='.value']").get_attribute("value")
    retype(first.find_element(By.CSS_SELECTOR, "[data-outline-path$='.value']"), "99")
    assert "pending" not in first.get_attribute("class")  # updated: no longer marked
    save(browser)
    assert len(pending_indicators(main.validate(desk.workspace / name, draft=True))) == \
        len(pending) - 1
    session, _ = client(desk)
    home = session.get("/").text
    row = home[home.index(f'<tr data-name="{name}">'):]
    assert "status-pending" in row[:row.index("</tr>")]
    assert f"Còn {len(pending) - 1} chỉ tiêu cần cập nhật" in row[:row.index("</tr>")]


def test_check_page_on_a_real_document(desk, browser):
    document = WILD / "binhthuan-2025-cv-gia-han-dai-hoi-hhdn.docx"
    if not document.is_file():  # the corpus is never copied into the repository
        pytest.skip(f"{document} is absent: ../shared/wild (real documents) is not beside "
                    "the repository")
    from thidua_docs.check import check_document

    expected = check_document(document)
    start(browser, desk, "start-check", upload=document)
    wait_for(lambda: browser.find_elements(By.ID, "finding-list"), 60, "the check page")
    findings = browser.find_elements(By.CSS_SELECTOR, ".finding")
    assert [f.get_attribute("data-rule") for f in findings] == [f.rule for f in expected]
    assert findings, "a real office document has some deviation"
    assert all(f.find_element(By.CSS_SELECTOR, ".explain").text for f in findings)
    thumb = findings[0].find_element(By.CSS_SELECTOR, "img.thumb")
    wait_for(lambda: browser.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth", thumb), 30, "the page")


def test_a_second_tab_saving_first_gets_the_conflict_message(desk, browser):
    name = "xa-ngoc-wang-2025.yaml"
    browser.get(f"{desk.url}/edit/{name}")
    first = browser.current_window_handle
    retype(field(browser, "document.place"), "Ngọc Wang A")
    browser.switch_to.new_window("tab")
    browser.get(f"{desk.url}/edit/{name}")
    retype(field(browser, "document.place"), "Ngọc Wang B")
    save(browser)
    browser.close()
    browser.switch_to.window(first)
    browser.find_element(By.ID, "save").click()
    box = wait_for(lambda: (b := browser.find_element(By.ID, "conflict")).is_displayed() and b,
                   20, "the conflict message")
    assert "vừa được sửa ở nơi khác" in box.text
    assert "Ngọc Wang B" in (desk.workspace / name).read_text(encoding="utf-8")
    browser.find_element(By.ID, "conflict-copy").click()
    copy = wait_for(lambda: browser.current_url.endswith(".yaml") and
                    "xa-ngoc-wang-2025-2.yaml" in browser.current_url and
                    desk.workspace / "xa-ngoc-wang-2025-2.yaml", 20, "the copy")
    assert "Ngọc Wang A" in copy.read_text(encoding="utf-8")
    assert "Ngọc Wang B" in (desk.workspace / name).read_text(encoding="utf-8")


def test_an_import_marks_every_unsure_field(desk, browser):
    source = Path(__file__).parent / "fixtures" / "kontum-2017-phat-dong-thi-dua.txt"
    start(browser, desk, "start-import", upload=source)
    name = opened(browser)
    from thidua_docs import roundtrip

    unsure = roundtrip.unsure_fields((desk.workspace / name).read_text(encoding="utf-8"))
    assert unsure, "the 2017 text has a reading the import doubts"
    marked = browser.find_elements(By.CSS_SELECTOR, ".unsure")
    assert len(marked) >= len(unsure)
    notes = " ".join(element.get_attribute("title") for element in marked)
    assert all(note in notes for note in unsure.values())
    report = browser.find_element(By.ID, "import-report").text
    assert "kontum-2017-phat-dong-thi-dua.txt" in report
    assert all(note in report for note in unsure.values())
