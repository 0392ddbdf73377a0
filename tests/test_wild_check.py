"""`thidua check` on the real documents of ../shared/wild, against an adjudicated fixture.

Each document was judged by hand (page 1 and the last page printed with LibreOffice,
the .docx opened where the print was not enough); tests/wild_expected/<name>.yaml holds
its scope and the deviations a careful văn thư finds, each with a short reason. Every
expected finding must be reported and nothing else; a document outside the decree's
scope must be said to be so, with no finding. ``missed`` entries (deviations the
checker does not see yet) count against recall but are not asserted.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from thidua_docs import messages
from thidua_docs.check import REGISTRY, check_file

WILD = Path(__file__).resolve().parents[2] / "shared" / "wild"
EXPECTED = Path(__file__).resolve().parent / "wild_expected"
FIXTURES = sorted(EXPECTED.glob("*.yaml"))
pytestmark = pytest.mark.skipif(not WILD.is_dir(), reason="../shared/wild (the real documents "
                                "of other offices) is absent on this machine")


def _key(item) -> tuple:
    """(rule, paragraph or place): what makes one finding itself."""
    if isinstance(item, dict):
        return item["rule"], item.get("paragraph", item.get("where"))
    return item.rule, item.paragraph if item.paragraph is not None else item.where


@pytest.fixture(scope="module")
def reports():
    messages.set_language("vi")  # the fixture names places in Vietnamese
    return {path.stem: check_file(WILD / yaml.safe_load(path.read_text("utf-8"))["document"])
            for path in FIXTURES}


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_findings_are_the_adjudicated_ones(fixture, reports):
    expected = yaml.safe_load(fixture.read_text("utf-8"))
    report = reports[fixture.stem]
    if expected["scope"] != "in":
        assert report.out_of_scope == expected["scope"] and report.findings == []
        return
    assert report.out_of_scope is None
    wanted = Counter(_key(item) for item in expected["findings"])
    found = Counter(_key(finding) for finding in report.findings)
    assert found - wanted == Counter(), "reported but not a deviation"
    assert wanted - found == Counter(), "a deviation not reported"
    for item in expected["findings"]:
        assert item["reason"].strip()


def test_every_in_scope_document_is_adjudicated():
    names = {yaml.safe_load(p.read_text("utf-8"))["document"] for p in FIXTURES}
    assert names == {p.name for p in WILD.glob("*.docx")}


def scores(reports) -> dict[str, tuple[int, int, int]]:
    """Per rule code: (true positives, false positives, false negatives) over the corpus."""
    table = {code: [0, 0, 0] for code in REGISTRY}
    for fixture in FIXTURES:
        expected = yaml.safe_load(fixture.read_text("utf-8"))
        if expected["scope"] != "in":
            continue
        wanted = Counter(_key(item) for item in expected["findings"])
        wanted += Counter(_key(item) for item in expected.get("missed", []))
        found = Counter(_key(f) for f in reports[fixture.stem].findings)
        for (code, _), count in (found & wanted).items():
            table[code][0] += count
        for (code, _), count in (found - wanted).items():
            table[code][1] += count
        for (code, _), count in (wanted - found).items():
            table[code][2] += count
    return {code: tuple(values) for code, values in table.items()}


def test_precision_and_recall_per_rule(reports, capsys):
    table = scores(reports)
    tp, fp, fn = (sum(values[i] for values in table.values()) for i in range(3))
    with capsys.disabled():
        print(f"\n{'rule':<15} {'TP':>4} {'FP':>4} {'FN':>4}  precision  recall")
        for code, (t, f, n) in table.items():
            precision = t / (t + f) if t + f else 1.0
            recall = t / (t + n) if t + n else 1.0
            print(f"{code:<15} {t:>4} {f:>4} {n:>4}  {precision:9.2f}  {recall:6.2f}")
        print(f"{'all':<15} {tp:>4} {fp:>4} {fn:>4}  {tp / (tp + fp):9.2f}  {tp / (tp + fn):6.2f}")
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95
