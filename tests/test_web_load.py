"""Several clerks at once on an office LAN (here: loopback): 20 sessions edit and preview their
own directives concurrently on a pool of 2 LibreOffice workers, and one document that keeps
LibreOffice busy past the timeout fails alone, without blocking the others."""

from __future__ import annotations

import copy
import re
import shutil
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import yaml

from thidua_docs import roundtrip
from webdesk import Desk, need_preview, source_of

CLERKS = 20
EDITS = 2
#: Seconds one conversion may take before its worker is stopped (the hung document's fate;
#: the sample takes a fraction of a second, the hung one half a minute).
TIMEOUT = 6.0
#: The whole run must end within this (it takes ~15 s on 2 busy cores).
BUDGET = 150.0
VALUE = ("body", 1, "content", 0, "content", 0, "indicators", 0, "value")


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    need_preview()
    folder = tmp_path_factory.mktemp("load")
    for number in range(CLERKS):
        shutil.copy(source_of("mau-phat-dong.yaml"), folder / f"clerk-{number:02}.yaml")
    huge = yaml.safe_load(source_of("mau-phat-dong.yaml").read_text(encoding="utf-8"))
    # one paragraph of 60,000 words: quick to render, LibreOffice lays it out for a minute
    huge["body"].append({"section": "Phụ lục", "content": [
        " ".join(f"thi đua {i}" for i in range(60000))]})
    (folder / "hang.yaml").write_text(yaml.safe_dump(huge, allow_unicode=True, width=10**9),
                                      encoding="utf-8")
    desk = Desk(folder, preview_workers=2, preview_timeout=TIMEOUT)
    yield desk
    desk.stop()


def _session(desk: Desk) -> tuple[httpx.Client, dict]:
    client = httpx.Client(base_url=desk.url, timeout=BUDGET)
    token = re.search(r'name="csrf-token" content="([0-9a-f]+)"', client.get("/").text)[1]
    return client, {"X-CSRF-Token": token}


def _clerk(desk: Desk, number: int) -> list[str]:
    """One clerk: open the editor, then edit, validate and preview EDITS times; return what
    went wrong (nothing, if all is well)."""
    name = f"clerk-{number:02}.yaml"
    client, headers = _session(desk)
    try:
        return _edit(desk, client, headers, name, number)
    finally:
        client.close()


def _edit(desk: Desk, client: httpx.Client, headers: dict, name: str, number: int) -> list[str]:
    problems = []
    if client.get(f"/edit/{name}").status_code != 200:
        problems.append("editor")
    data = roundtrip.plain(roundtrip.load((desk.workspace / name).read_text(encoding="utf-8")))
    for edit in range(EDITS):
        edited = copy.deepcopy(data)
        node = edited
        for key in VALUE[:-1]:
            node = node[key]
        node[VALUE[-1]] = f"{number},{edit + 1}"
        check = client.post(f"/api/validate/{name}", json={"data": edited}, headers=headers)
        if check.status_code != 200 or check.json()["problems"]:
            problems.append(f"validate {check.status_code}")
        preview = client.post(f"/api/preview/{name}", json={"data": edited}, headers=headers)
        if preview.status_code != 200:
            problems.append(f"preview {preview.status_code}: {preview.text[:200]}")
            continue
        page = client.get(preview.json()["pages"][0])
        if page.status_code != 200 or not page.content.startswith(b"\x89PNG"):
            problems.append("page picture")
        data = edited
    saved = client.post(f"/api/save/{name}", json={"data": data, "version": None},
                        headers=headers)
    if saved.status_code != 409:  # opened without a version: the desk must refuse to overwrite
        problems.append(f"save without version {saved.status_code}")
    return problems


def _hung(desk: Desk) -> tuple[int, str, float]:
    client, headers = _session(desk)
    begin = time.monotonic()
    try:
        answer = client.post("/api/preview/hang.yaml", json={}, headers=headers)
    finally:
        client.close()
    return answer.status_code, answer.json().get("error", ""), time.monotonic() - begin


def test_twenty_sessions_edit_and_preview_while_one_document_hangs(desk):
    begin = time.monotonic()
    with ThreadPoolExecutor(CLERKS + 1) as pool:
        hung = pool.submit(_hung, desk)
        deadline = time.monotonic() + 30
        while desk.pool.idle.qsize() == 2 and time.monotonic() < deadline:
            time.sleep(0.02)  # the clerks start once the hung document holds a worker
        clerks_begin = time.monotonic()
        clerks = list(pool.map(lambda n: _clerk(desk, n), range(CLERKS)))
        status, error, seconds = hung.result()
    elapsed = time.monotonic() - begin
    print(f"{CLERKS} clerks: {time.monotonic() - clerks_begin:.1f} s; hung: {seconds:.1f} s")
    assert clerks == [[] for _ in range(CLERKS)]
    assert status == 503 and "LibreOffice" in error and f"{TIMEOUT:g}" in error
    assert seconds < BUDGET and elapsed < BUDGET
    # the stopped worker came back: the pool serves a fresh preview with both workers again
    deadline = time.monotonic() + 60
    while desk.pool.idle.qsize() < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert desk.pool.idle.qsize() == 2
    client, headers = _session(desk)
    assert client.post("/api/preview/clerk-00.yaml", json={}, headers=headers).status_code == 200
