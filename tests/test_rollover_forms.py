"""thidua new on the new forms (issue 12): each new example gives the expected clerk's
report; ranges ending in the old year, a term's ordinal years, the Government's motto, a
folded anniversaries entry, CRLF files, plans over a period; thidua diff shows a changed
qualifier; thidua anniversaries --upcoming."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import DATA, REPO
from thidua_docs import main
from thidua_docs.commands.new import report
from thidua_docs.compare import compare
from thidua_docs.exceptions import UsageError
from thidua_docs.loader import load_directive, parse_directive
from thidua_docs.rollover import roll_over

EXPECTED = {
    "chi-thi-quang-ngai-2026": [
        "Đã thay đổi:",
        "  dòng 17 (năm): 2026 → 2027",
        "  dòng 12 (số văn bản, để trống đến khi ký): 2 → ∅",
        "  dòng 14 (ngày ký, để trống đến khi ký): 2026-01-12 → ∅",
        "  dòng 26: năm đầu → năm thứ hai",
        "  dòng 28: năm đầu → năm thứ hai",
        "  3 chỉ tiêu chờ số liệu năm 2027 (đã giữ số năm trước để tham khảo): dòng 40, 46, 58",
        "Cần xem lại:",
        "  dòng 18: chủ đề năm của Chính phủ năm 2026: thay bằng chủ đề năm 2027",
        "  dòng 22: các ngày kỷ niệm “hướng tới”: xem lại cho năm 2027 "
        "(thidua anniversaries 2027 --upcoming 5)",
        "  dòng 28: khoảng năm: …tỉnh lần thứ I, nhiệm kỳ 2025-2030, năm đầu…",
        "  dòng 29: khoảng năm: …- xã hội 05 năm giai đoạn 2026-2030. Thực hiệ…",
    ],
    "ke-hoach-huyen-dak-ha-2025": [
        "Đã thay đổi:",
        "  dòng 16 (năm): 2025 → 2026",
        "  dòng 28: yêu nước năm 2025 → yêu nước năm 2026",
        "  3 chỉ tiêu chờ số liệu năm 2026 (đã giữ số năm trước để tham khảo): dòng 46, 52, 64",
        "Cần xem lại:",
        "  dòng 17: chủ đề năm của Chính phủ năm 2025: thay bằng chủ đề năm 2026",
        "  dòng 27: ngày của văn bản khác: …/KH-UBND ngày 08 tháng 01 năm 2025 của Ủy ban nhâ…",
        "  dòng 42: “2020-2025” kết thúc năm 2025: năm 2026 đã sang giai đoạn, nhiệm kỳ mới chưa?",
        "  dòng 42: “năm cuối”: năm 2026 có còn là năm này của giai đoạn không?",
    ],
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_new_on_each_example_gives_the_clerks_report(name, tmp_path):
    written, result = main.new_year(DATA / f"{name}.yaml", None, tmp_path / "new.yaml")
    assert report(result) == EXPECTED[name]
    lines = written.read_text(encoding="utf-8").splitlines()
    indicators = next(line for line in report(result) if "chỉ tiêu chờ" in line)
    for number in indicators.split("dòng ")[-1].split(", "):  # lines of the new file
        assert lines[int(number) - 1].lstrip().startswith("- name:"), number
    directive = load_directive(written)
    assert all(indicator.needs_update for indicator in _indicators(directive))


def _indicators(directive):
    from thidua_docs.structure.numbering import every_indicator

    return [indicator for _, indicator in every_indicator(directive)]


def test_every_target_is_flagged_and_the_table_shows_last_years_values(tmp_path):
    """A plan over a period is rolled only to a new period; every number of each indicator
    (those after "trong đó" too) keeps last period's value, which the table then prints in
    its "Thực hiện" column."""
    source = DATA / "ke-hoach-thi-dua-2026-2030.yaml"
    with pytest.raises(UsageError, match="new_period_needed"):
        main.new_year(source, None, tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()
    written, result = main.new_year(source, None, tmp_path / "p.yaml", period="2031-2035")
    assert report(result) == [
        "Đã thay đổi:",
        "  dòng 19 (giai đoạn): 2026-2030 → 2031-2035",
        "  dòng 12 (số văn bản, để trống đến khi ký): 45 → ∅",
        "  dòng 14 (ngày ký, để trống đến khi ký): 2026-02-10 → ∅",
        "  dòng 53: kỳ vào năm 2028; kết vào năm 2030 → kỳ vào năm 2033; kết vào năm 2035",
        "  4 chỉ tiêu chờ số liệu giai đoạn 2031-2035 (đã giữ số giai đoạn trước để tham "
        "khảo): dòng 101, 107, 119, 125"]
    directive = load_directive(written)
    online = directive.appendices[0].content[0].indicators[1]
    assert [str(t.previous) for t in online.targets] == ["80", "50"]
    docx = main.render(written, tmp_path / "p.docx", draft=True)
    from docx import Document

    table = next(t for t in Document(docx).tables if t.cell(0, 0).text == "STT")
    assert [c.text for c in table.rows[0].cells][3:] == ["Thực hiện giai đoạn 2026-2030",
                                                         "Kế hoạch giai đoạn 2031-2035"]
    assert [c.text for c in table.rows[2].cells][3:] == ["80", "đạt 80 [chưa cập nhật]"]


FOLDED = """issuer: {name: [Ủy ban nhân dân, Huyện Đăk Hà], code: UBND}
document: {place: Đăk Hà, title: Phát động phong trào thi đua, number: 5, date: 2025-01-06}
year: 2025
anniversaries:
  - >-
    Năm 2020 là 90 năm Ngày thành lập Đảng Cộng sản Việt Nam
    (03/02/1930-03/02/2020)
preamble:
  - >-
    Năm {year} là năm thứ năm thực hiện Nghị quyết Đại hội Đảng bộ huyện
    nhiệm kỳ 2020-2025, năm bản lề của giai đoạn 2021-2025.
body:
  - section: Các chỉ tiêu
    content:
      - indicators:
          - {name: Số xã đạt chuẩn, qualifier: trên, value: 50, unit: xã}
signature: {authority: TM., on_behalf_of: Ủy ban nhân dân, title: Chủ tịch, name: A}
recipients: [Như trên]
"""


def test_a_folded_anniversary_entry_and_crlf_survive_a_rollover():
    for text in (FOLDED, FOLDED.replace("\n", "\r\n")):
        result = roll_over(text, 2026, [])
        new = result.text
        assert ("\r\n" in new) == ("\r\n" in text)
        assert "\n" not in new.replace("\r\n", "") if "\r\n" in text else True
        directive = parse_directive(new)  # loads as it stands
        assert directive.anniversaries == [] and directive.year == 2026
        assert "năm thứ sáu thực hiện" in directive.preamble[0]
        keys = [r.key for r in result.reviews]
        assert keys.count("review_range_ends") == 2 and "review_ordinal_fixed" in keys
        assert not any(">-" in line for line in report(result))


def test_diff_shows_a_changed_qualifier():
    old = parse_directive(FOLDED)
    new = parse_directive(FOLDED.replace("qualifier: trên, value: 50",
                                         "qualifier: khoảng, value: 52"))
    row = compare(old, new).indicators[0]
    assert (row.old, row.new, row.status) == ("trên 50 xã", "khoảng 52 xã", "changed")


def test_upcoming_anniversaries_list_the_next_years():
    env = {**os.environ, "THIDUA_LANG": "vi", "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "thidua_docs", "anniversaries", "2029",
                             "--upcoming", "1"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "- 100 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2030)" in \
        result.stdout.splitlines()
    assert all("2030)" in line for line in result.stdout.splitlines())
