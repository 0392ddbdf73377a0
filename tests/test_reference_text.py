"""The rendered directives reproduce the two reference texts word for word.

The reference is normalised (markdown markers removed, white space collapsed,
NFC) and the corrections listed at the top of each data file are applied; the
words of the rendered .docx must then equal it, in order.
"""

from __future__ import annotations

import pytest

from helpers import REFERENCE_CASES as CASES
from helpers import (
    assert_same_words, corrected_reference, corrections, docx_words, normalised_reference,
)


@pytest.mark.parametrize("data_file", CASES)
def test_every_correction_applies(data_file):
    reference_file, _ = CASES[data_file]
    text = normalised_reference(reference_file)
    listed = corrections(data_file)
    assert listed, "the data file lists its corrections at the top"
    for old, new in listed:
        assert old in text, f"correction source {old!r} is not in the reference"
        text = text.replace(old, new)


@pytest.mark.parametrize("data_file", CASES)
def test_rendered_words_equal_reference(data_file, rendered):
    reference_file, has_header = CASES[data_file]
    expected = corrected_reference(data_file)
    # without a header in the reference, it starts at the title: skip our header block
    actual = docx_words(rendered[data_file], from_words=None if has_header else expected[:3])
    assert_same_words(actual, expected)
