"""The committed template is what the layout module builds, and the layout obeys the decree."""

from __future__ import annotations

import zipfile

from conftest import REPO
from thidua_docs import decree, layout
from thidua_docs.layout.build_template import build

PARTS = ("word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml")


def test_committed_template_matches_the_layout(tmp_path):
    fresh = build(tmp_path / "fresh.docx")
    committed = REPO / "thidua_docs" / "templates" / "phat_dong.docx"
    with zipfile.ZipFile(fresh) as new, zipfile.ZipFile(committed) as old:
        for part in PARTS:
            assert new.read(part) == old.read(part), (
                f"{part} differs: run `make template` after changing thidua_docs/layout")


def test_house_layout_is_within_the_decree():
    for side, (low, high) in decree.MARGINS_MM.items():
        assert low <= getattr(layout, f"MARGIN_{side.upper()}_MM") <= high
    assert (layout.PAGE_WIDTH_MM, layout.PAGE_HEIGHT_MM) == decree.PAGE_MM
    assert layout.FONT == decree.FONT
    low, high = decree.ISSUER_RULE_FRACTION
    assert low <= layout.ISSUER_RULE_FRACTION <= high
    low, high = decree.SUBJECT_RULE_FRACTION
    assert low <= layout.SUBJECT_RULE_FRACTION <= high
    assert layout.URGENCY_COLOR == "FF0000"  # the khẩn stamp is bright red (ô 10b)
    for spec in layout.STYLES:
        if spec.element:
            rule = decree.ELEMENTS[spec.element]
            assert rule.size_pt[0] <= spec.size_pt <= rule.size_pt[1], spec.name
            if rule.bold is not None:
                assert spec.bold == rule.bold, spec.name
            if rule.italic is not None:
                assert spec.italic == rule.italic, spec.name
    assert layout.BODY.first_line_cm in (1.0, 1.27)
    assert layout.BODY.space_after_pt + layout.BODY.space_before_pt >= decree.BODY_MIN_SPACING_PT
