"""Pictures of the clerk's desk for README (``make screenshots``): the home page, the editor
beside its live preview after a rollover, and the check page, taken by headless Chromium
from ``thidua serve``'s app on a workspace of copies of data/."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
sys.path.insert(0, str(REPO / "tests"))


def main() -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from webdesk import Desk, chromium, wait_for, workspace_with

    scratch = Path(tempfile.mkdtemp(prefix="thidua-shots-"))
    desk = Desk(workspace_with(scratch, "kontum-2020.yaml", "huyen-dak-ha-2025.yaml",
                               "so-noi-vu-kon-tum-2025.yaml"))
    driver = chromium()
    try:
        driver.set_window_size(1400, 900)
        driver.get(desk.url + "/")
        driver.save_screenshot(str(DOCS / "desk-home.png"))
        Select(driver.find_element(By.CSS_SELECTOR, "#start-new select")).select_by_value(
            "kontum-2020.yaml")
        driver.find_element(By.CSS_SELECTOR, "#start-new button").click()
        wait_for(lambda: "/edit/" in driver.current_url, 60, "the editor")
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#pages img.page"), 60,
                 "the preview")
        row = driver.find_element(By.CSS_SELECTOR, "tr.pending")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
        time.sleep(0.5)
        driver.save_screenshot(str(DOCS / "desk-editor.png"))
    finally:
        driver.quit()
        desk.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    print("wrote", ", ".join(str(p.relative_to(REPO)) for p in sorted(DOCS.glob("desk-*.png"))))


if __name__ == "__main__":
    main()
