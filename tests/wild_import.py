"""The fields a văn thư checks in an imported document, read from a Directive the same way
for the fixture (tests/wild_expected_import/) and for the import under test."""

from __future__ import annotations

#: The scored fields, in the order a clerk reads the page.
FIELDS = ("kind", "issuer", "code", "unit", "number", "place", "date", "trich_yeu", "year",
          "period", "addressees", "signature", "signer", "recipients", "archive")


def read_fields(directive) -> dict:
    """Each scored field of *directive*, as plain YAML values."""
    doc = directive.document
    return {
        "kind": doc.kind,
        "issuer": (directive.issuer.parent or []) + list(directive.issuer.name),
        "code": directive.issuer.code,
        "unit": doc.unit,
        "number": doc.number,
        "place": doc.place,
        "date": doc.date.isoformat() if doc.date else None,
        # a typed kind's trích yếu is its title (and subtitle); a công văn's, its V/v line
        "trich_yeu": " ".join(filter(None, [doc.title, doc.subtitle])) if doc.kind_code
        else doc.summary,
        "year": directive.year,
        "period": directive.period,  # a plan over years ("2026-2030") has no single year
        "addressees": list(directive.addressees),
        "signature": directive.signature.lines(),
        "signer": directive.signature.name,
        "recipients": list(directive.recipients),
        "archive": list(directive.archive),
    }
