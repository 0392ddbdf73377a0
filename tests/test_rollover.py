"""thidua new, thidua anniversaries, thidua diff and draft rendering."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import DATA, REPO, SAMPLE, document_paragraphs, open_docx
from thidua_docs import main
from thidua_docs.anniversaries import Calendar, default_calendar
from thidua_docs.exceptions import InvalidInputError
from thidua_docs.loader import load_directive, load_model

SOURCE = DATA / "kontum-2020.yaml"
REFERENCE_ANNIVERSARIES = [
    "90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2020)",
    "75 năm Ngày Quốc khánh nước Cộng hòa Xã hội Chủ nghĩa Việt Nam (02/9/1945-02/9/2020)",
    "130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-19/5/2020)",
    "90 năm Ngày truyền thống Đảng bộ tỉnh (25/9/1930-25/9/2020)",
]
CALENDARS = DATA / "calendars"
KONTUM = CALENDARS / "anniversaries-kontum.yaml"


def thidua(*args):
    env = {**os.environ, "THIDUA_LANG": "vi", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    """kontum-2020.yaml and its calendar copied to a folder, rolled over to 2021 there."""
    folder = tmp_path_factory.mktemp("new")
    (folder / SOURCE.name).write_bytes(SOURCE.read_bytes())
    shutil.copytree(CALENDARS, folder / "calendars")
    return main.new_year(folder / SOURCE.name, 2021, folder / "kontum-2021.yaml")


def test_changed_fields_are_exactly_these(rolled):
    _, result = rolled
    indicators = "body[1].content[0].content[0].indicators"
    assert [c.path for c in result.changes] == [
        "year",
        "document.subtitle",
        "preamble[0]",
        "preamble[1]",
        f"{indicators}[7].name",
        f"{indicators}[7].suffix",
        f"{indicators}[12].name",
        "body[2].content[0].items[0]",
        "body[2].content[0].items[1]",
        "body[2].content[0].items[3]",
        "body[3].content[0].items[0]",
        "body[3].content[0].items[1]",
        "body[3].content[0].items[4]",
        "body[3].content[0].items[5]",
        "closing",
        *[f"{indicators}[{i}]" for i in range(13)],
        "anniversaries",
    ]
    year = result.changes[0]
    assert (year.before, year.after) == ("2020", "2021")
    poverty = next(c for c in result.changes if c.path.endswith("[7].suffix"))
    assert (poverty.before, poverty.after) == ("với cuối năm 2019", "với cuối năm 2020")


def test_legal_dates_periods_and_horizons_stay(rolled):
    path, result = rolled
    text = " ".join(path.read_text(encoding="utf-8").split())
    for kept in ("Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014",
                 "Chỉ thị số 18/CT-TTg ngày 19 tháng 5 năm 2016",
                 "Nghị quyết số 42/2019/NQ-HĐND ngày 09 tháng 12 năm 2019",
                 "kế hoạch 05 năm (2016 - 2020)", "giai đoạn 2016 - 2020",
                 "nhiệm kỳ 2020-2025", "lần thứ VIII (2020-2025)", "đề ra đến năm 2020"):
        assert kept in text, kept
    reasons = {(m.path, m.reason) for m in result.kept}
    assert ("body[2].content[0].items[3]", "date") in reasons
    assert ("body[2].content[0].items[4]", "horizon") in reasons
    assert ("body[2].content[0].items[4]", "range") in reasons
    # a range ending in the old year is for review as such: "(2016 - 2020)"
    assert ("body[2].content[0].items[1]", "review_range_ends") in {
        (r.path, r.key) for r in result.reviews}
    assert all(m.year in (2019, 2020) for m in result.kept)


def test_comments_survive_byte_for_byte(rolled):
    path, _ = rolled
    source_lines = SOURCE.read_text(encoding="utf-8").splitlines()
    new_lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line for line in source_lines if "#" in line]
    assert len(comments) > 10
    remaining = iter(new_lines)
    for line in comments:  # each comment line reappears, unchanged and in order
        assert any(candidate == line for candidate in remaining), line


def test_the_new_file_renders_only_when_indicators_are_updated(rolled, tmp_path):
    path, _ = rolled
    directive = load_directive(path)
    assert directive.year == 2021 and directive.document.number is None
    with pytest.raises(InvalidInputError) as refused:
        main.render(path, tmp_path / "refused.docx")
    problems = refused.value.problems
    assert len(problems) == 13
    assert all(p.field.startswith("body[1]") and p.line for p in problems)
    assert "năm trước: 12%" in problems[0].message
    assert not (tmp_path / "refused.docx").exists()

    draft = main.render(path, tmp_path / "draft.docx", draft=True)
    marked = [p for p in document_paragraphs(open_docx(draft)) if "[chưa cập nhật]" in p.text]
    assert len(marked) == 13  # one paragraph per indicator
    shaded = [r for r in marked[0].runs if r._r.xpath("./w:rPr/w:highlight[@w:val='yellow']")]
    assert "".join(r.text for r in shaded) == \
        "Tốc độ tăng tổng sản phẩm (GRDP) đạt trên 12% [chưa cập nhật]"

    updated = tmp_path / "updated.yaml"
    updated.write_text(re.sub(r"\n *needs_update: true", "", path.read_text("utf-8")), "utf-8")
    assert main.render(updated, tmp_path / "final.docx").exists()


def test_cli_refuses_then_drafts(rolled, tmp_path):
    path, _ = rolled
    result = thidua("render", str(path), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("chỉ tiêu chưa cập nhật cho năm 2021") == 13
    assert "--draft" in result.stderr
    result = thidua("render", "--draft", str(path), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 0, result.stderr


def test_anniversaries_are_recomputed(rolled):
    path, _ = rolled
    listed = yaml.safe_load(path.read_text("utf-8"))["anniversaries"]
    expected = [a.wording for a in main.anniversaries(2021, [KONTUM])]
    assert listed == expected
    assert "90 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh (26/3/1931-26/3/2021)" \
        in listed


def test_number_date_and_flow_style_indicators(tmp_path):
    source = SAMPLE
    out, result = main.new_year(source, 2026, tmp_path / "mau-2026.yaml")
    text = out.read_text("utf-8")
    assert re.search(r"^  number:\s*(#.*)?$", text, re.MULTILINE)
    assert re.search(r"^  date:\s*(#.*)?$", text, re.MULTILINE)
    assert "{name: Tỷ lệ che phủ rừng, value: 58.5, unit: \"%\", previous: 58.5, " \
           "needs_update: true}" in text
    assert 'value: "38-39", unit: "%", previous: "38-39"}' in text
    directive = load_directive(out)
    assert directive.document.number is None and directive.document.date is None
    assert {c.path for c in result.changes} >= {"document.number", "document.date", "year"}


def test_calendar_path_follows_the_new_file(tmp_path):
    (tmp_path / "nam-moi").mkdir()
    out, result = main.new_year(SOURCE, 2021, tmp_path / "nam-moi" / "kontum-2021.yaml")
    directive = load_directive(out)
    assert (out.parent / directive.calendar).resolve() == KONTUM.resolve()
    assert "calendar" in [c.path for c in result.changes]


def test_rolling_twice_keeps_the_first_years_reference(rolled, tmp_path):
    path, _ = rolled
    again, _ = main.new_year(path, 2022, path.parent / "kontum-2022.yaml")
    directive = load_directive(again)
    first = directive.body[1].content[0].content[0].indicators[0]
    assert first.needs_update and str(first.previous) == "12"
    assert again.read_text("utf-8").count("needs_update: true") == 13


def test_new_refuses_to_overwrite_and_same_year(rolled, tmp_path):
    path, _ = rolled
    result = thidua("new", "--year", "2021", str(SOURCE), "-o", str(path))
    assert result.returncode == 1 and "--force" in result.stderr
    result = thidua("new", "--year", "2020", str(SOURCE), "-o", str(tmp_path / "x.yaml"))
    assert result.returncode == 2 and not (tmp_path / "x.yaml").exists()
    copy = tmp_path / "kontum-2020.yaml"
    copy.write_text(SOURCE.read_text("utf-8"), "utf-8")
    shutil.copytree(CALENDARS, tmp_path / "calendars")
    result = thidua("new", str(copy))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kontum-2021.yaml").exists()
    review = result.stdout.split("Cần xem lại:\n")[1].splitlines()
    assert len(review) == 8  # 5 years kept, 3 ranges ending in 2020
    assert "needs_update" not in result.stdout and ">-" not in result.stdout


# --- the calendar ------------------------------------------------------------------------


def test_2020_includes_the_four_the_reference_cites_each_correct():
    found = main.anniversaries(2020, [KONTUM])
    wordings = [a.wording for a in found]
    for cited in REFERENCE_ANNIVERSARIES:
        assert cited in wordings
    for item in found:  # every other one is right too
        day, month = item.event.date.day, item.event.date.month
        assert item.age % (item.event.period or 5) == 0 and item.age == 2020 - item.event.date.year
        match = re.fullmatch(r"(\d+) năm (.+) \((\d\d)/(\d{1,2})/(\d{4})-(\d\d)/(\d{1,2})/2020\)",
                             item.wording)
        assert match, item.wording
        assert int(match[1]) == item.age and match[2] == item.event.name
        assert (int(match[3]), int(match[4]), int(match[5])) == (day, month, item.event.date.year)


@pytest.mark.parametrize("year, wording", [
    (2025, "80 năm Ngày Quốc khánh nước Cộng hòa Xã hội Chủ nghĩa Việt Nam "
           "(02/9/1945-02/9/2025)"),
    (2025, "50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975-30/4/2025)"),
    (2025, "135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-19/5/2025)"),
    (2024, "70 năm Chiến thắng Điện Biên Phủ (07/5/1954-07/5/2024)"),
    (2024, "80 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944-22/12/2024)"),
    (2023, "75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc "
           "(11/6/1948-11/6/2023)"),
    (2021, "90 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh (26/3/1931-26/3/2021)"),
    (2019, "50 năm thực hiện Di chúc của Chủ tịch Hồ Chí Minh (02/9/1969-02/9/2019)"),
])
def test_known_round_anniversaries(year, wording):
    assert wording in [a.wording for a in main.anniversaries(year)]


def test_calendar_entries_have_sources_and_real_dates():
    for path in (default_calendar(), KONTUM):
        calendar = load_model(path, Calendar)
        assert all(event.source for event in calendar.events)
    assert len(load_model(default_calendar(), Calendar).events) >= 25


def test_anniversaries_cli(tmp_path):
    result = thidua("anniversaries", "2020", "--calendar", str(KONTUM))
    assert result.returncode == 0
    for cited in REFERENCE_ANNIVERSARIES:
        assert f"- {cited}" in result.stdout
    listed = [json.loads(line) for line in
              thidua("anniversaries", "2025", "--json").stdout.splitlines()]
    assert {"wording", "name", "years", "date", "source"} == set(listed[0])
    bad = tmp_path / "cal.yaml"
    bad.write_text("events:\n  - name: X\n    date: 2020-02-30\n    source: s\n", "utf-8")
    result = thidua("anniversaries", "2020", "--calendar", str(bad))
    assert result.returncode == 2 and f"{bad}:3:11: events[0].date" in result.stderr
    assert "1 lỗi" in result.stderr  # the impossible date is reported once
    assert "Traceback" not in result.stderr


# --- diff ----------------------------------------------------------------------------------


def test_diff_shows_indicators_side_by_side_and_outline_changes(rolled, tmp_path):
    path, _ = rolled
    data = yaml.safe_load(path.read_text("utf-8"))
    data["body"].append({"section": "Khen thưởng", "content": ["Khen thưởng kịp thời."]})
    del data["body"][3]["content"][0]["items"][5]
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    result = thidua("diff", "--json", str(SOURCE), str(edited))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["old_year"], report["new_year"]) == (2020, 2021)
    rows = {row["name"]: row for row in report["indicators"]}
    assert len(rows) == 13
    grdp = rows["Tốc độ tăng tổng sản phẩm (GRDP)"]
    assert (grdp["old"], grdp["new"], grdp["status"]) == ("đạt trên 12%", "đạt trên 12%", "pending")
    assert report["added"] == ["Khen thưởng", "Khen thưởng kịp thời."][:1]
    assert len(report["removed"]) == 1 and report["removed"][0].startswith("Ban Thi đua")

    table = thidua("diff", str(SOURCE), str(edited)).stdout
    assert "Chỉ tiêu" in table and "2020" in table and "2021" in table
    assert "chưa cập nhật" in table and "Thêm mới:" in table and "Bỏ đi:" in table
