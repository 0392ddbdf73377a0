"""Text inside the YAML: placeholders and inline emphasis.

Placeholders: ``{theme}`` (the movement's chủ đề), ``{anniversaries}`` (the
anniversary list, joined by "; "), ``{upcoming}`` (the anniversaries the movement
is "hướng tới"), ``{government_motto}`` (the Government's motto of the year),
``{period}`` (a plan's period, "2026-2030") and ``{year}``, ``{year-1}``,
``{year+1}`` (the target year and its neighbours), expanded on render. ``{value}`` belongs
to an indicator's ``text`` and is filled by the indicator.
Inline emphasis: ``*italic*`` and ``**bold**``; ``\\*`` prints an asterisk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_YEAR = re.compile(r"^year(?:([+-])(\d{1,3}))?$")
_EMPHASIS = re.compile(r"(\\\*)|\*\*(.+?)\*\*|\*(.+?)\*")


#: Placeholders filled from a field of the directive.
NAMED = ("theme", "anniversaries", "upcoming", "government_motto", "period")


def _known(name: str) -> bool:
    return name in NAMED or name == "value" or bool(_YEAR.match(name))


def unknown_placeholders(text: str) -> list[str]:
    """Names in braces that are not placeholders thidua-docs knows."""
    return [name for name in PLACEHOLDER.findall(text) if not _known(name)]


def uses_year(text: str) -> str | None:
    """The first {year...} placeholder of *text*, if any."""
    return next((name for name in PLACEHOLDER.findall(text) if _YEAR.match(name)), None)


def expand(text: str, *, year: int | None, named: dict[str, str | None]) -> str:
    """Replace the placeholders of *text* by their values (*named*: theme, anniversaries)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "value":  # an indicator's own placeholder, filled by the indicator
            return match.group(0)
        if name in NAMED:
            if not named.get(name):
                raise ValueError(f"{{{name}}} is used but no '{name}' is given")
            return named[name]
        if year is None:
            raise ValueError(f"{{{name}}} is used but no 'year' is given")
        sign, offset = _YEAR.match(name).groups()
        delta = int(offset or 0) * (-1 if sign == "-" else 1)
        return str(year + delta)

    return PLACEHOLDER.sub(value, text)


@dataclass(frozen=True)
class Span:
    """A piece of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    #: Marks a draft value still awaiting this year's figure.
    highlight: bool = False


def spans(text: str) -> list[Span]:
    """Split *text* on its inline emphasis markers."""
    if "*" not in text:
        return [Span(text)] if text else []
    result: list[Span] = []
    pos = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > pos:
            result.append(Span(text[pos:match.start()]))
        escaped, bold, italic = match.groups()
        if escaped:
            result.append(Span("*"))
        elif bold is not None:
            result.append(Span(bold, bold=True))
        else:
            result.append(Span(italic, italic=True))
        pos = match.end()
    if pos < len(text):
        result.append(Span(text[pos:]))
    return _merge(result)


def plain(text: str) -> str:
    """*text* without its emphasis markers."""
    return "".join(span.text for span in spans(text))


def _merge(items: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in items:
        if merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        else:
            merged.append(span)
    return merged
