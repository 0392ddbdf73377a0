"""The check page's data: ``check``'s findings, each with its rule's explanation and the page
of the document where it is (found by the paragraph's text in LibreOffice's printed pages)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from thidua_docs.exceptions import ThiduaError
from thidua_docs.messages import message
from thidua_docs.web.uploads import saved_upload


def check_with_pages(data: bytes, filename: str, pool, localised) -> dict:
    """Check the .docx *data*; with a preview *pool*, also print it and place each finding
    on its page. *filename* (the upload's own name) names it in messages;
    *localised(function)* calls *function* with messages in the clerk's language."""
    from thidua_docs import wordml
    from thidua_docs.check import REGISTRY, as_dict, check_file
    from thidua_docs.wordml.anatomy import analyse

    with saved_upload(data, filename) as path:
        report = localised(lambda: check_file(path))
        texts = {line.number: line.text for line in analyse(wordml.open_docx(path)).lines}
    findings = report.findings
    key, page_texts = None, []
    if pool is not None:
        try:
            key, _ = pool.preview(data)
            page_texts = _page_texts(pool.folder / key / "document.pdf")
        except ThiduaError:
            key = None
    explained = localised(lambda: {rule.code: (rule.summary, rule.why)
                                   for rule in REGISTRY.values()})
    result = []
    for finding in findings:
        record = as_dict(finding)
        record["summary"], record["why"] = explained.get(finding.rule, ("", ""))
        record["page"] = _page_of(texts.get(finding.paragraph), page_texts) if key else None
        result.append(record)
    out_of_scope = localised(lambda: message(report.out_of_scope)) if report.out_of_scope \
        else None
    return {"findings": result, "key": key, "pages": len(page_texts),
            "out_of_scope": out_of_scope}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60).stdout
    return [_squeeze(page) for page in text.split("\f") if page.strip()]


def _page_of(paragraph: str | None, pages: list[str]) -> int:
    """The first page holding the start of *paragraph* (page 1 for the whole document)."""
    if paragraph:
        probe = _squeeze(paragraph)[:40]
        for number, page in enumerate(pages, start=1):
            if probe and probe in page:
                return number
    return 1
