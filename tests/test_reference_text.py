"""The rendered directives reproduce the two reference texts word for word.

The reference is normalised (markdown markers removed, white space collapsed,
NFC) and the corrections listed at the top of each data file are applied; the
words of the rendered .docx must then equal it, in order.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import DATA, REFERENCE, document_paragraphs, need, open_docx

CORRECTION = re.compile(r'^#\s+"(?P<old>.*?)"\s+→\s+"(?P<new>.*?)"', re.MULTILINE)

CASES = {
    # data file → (reference file, whether the reference includes the header block)
    "kontum-2020": ("kontum-2020-phat-dong-thi-dua.txt", True),
    "kontum-2017": ("kontum-2017-phat-dong-thi-dua.txt", False),
}


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def normalised_reference(name: str) -> str:
    text = (REFERENCE / name).read_text(encoding="utf-8")
    text = re.sub(r"^\s*#+\s*", "", text, flags=re.MULTILINE)
    text = text.replace("**", "").replace("*", "")
    return " ".join(words(text))


def corrections(data_file: str) -> list[tuple[str, str]]:
    head = (DATA / f"{data_file}.yaml").read_text(encoding="utf-8").split("\n\n", 1)[0]
    return [(" ".join(words(m["old"])), " ".join(words(m["new"])))
            for m in CORRECTION.finditer(head)]


@pytest.mark.parametrize("data_file", CASES)
def test_every_correction_applies(data_file):
    reference_file, _ = CASES[data_file]
    need((REFERENCE / reference_file).exists(), f"{REFERENCE} is not beside the repository")
    text = normalised_reference(reference_file)
    listed = corrections(data_file)
    assert listed, "the data file lists its corrections at the top"
    for old, new in listed:
        assert old in text, f"correction source {old!r} is not in the reference"
        text = text.replace(old, new)


@pytest.mark.parametrize("data_file", CASES)
def test_rendered_words_equal_reference(data_file, rendered):
    reference_file, has_header = CASES[data_file]
    need((REFERENCE / reference_file).exists(), f"{REFERENCE} is not beside the repository")
    expected = normalised_reference(reference_file)
    for old, new in corrections(data_file):
        expected = expected.replace(old, new)
    expected_words = expected.split()

    document = open_docx(rendered[data_file])
    actual_words = words(" ".join(p.text for p in document_paragraphs(document)))
    if not has_header:  # the reference starts at the title: skip our header block
        title = expected_words[:3]
        start = next(i for i in range(len(actual_words))
                     if actual_words[i:i + 3] == title)
        actual_words = actual_words[start:]
    for index, (got, want) in enumerate(zip(actual_words, expected_words)):
        assert got == want, (
            f"word {index}: rendered {' '.join(actual_words[index - 8:index + 8])!r}\n"
            f"          reference {' '.join(expected_words[index - 8:index + 8])!r}"
        )
    assert len(actual_words) == len(expected_words)
