"""The registry of rules: each rule one unit with a stable code, its documentation
(what it checks, why, the clause of Phụ lục I, an example right and wrong) and a
check that yields :class:`Deviation`s. The rule stamps its own code on what its
check yields; deviations of one cause (same expected and found) collapse into one
:class:`Finding` with a count. ``--select``/``--ignore`` take codes or prefixes.

A rule's summary and reason are messages of the catalog (``rule_<CODE>``,
``rule_why_<CODE>``); its clause and examples are the decree's own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from thidua_docs.messages import message


@dataclass(frozen=True)
class Finding:
    """One deviation (or several of one cause): rule code, where, expected, found."""

    rule: str
    where: str
    expected: str
    found: str
    paragraph: int | None = None
    #: How many places show this same deviation (the first is *where*).
    count: int = 1


@dataclass(frozen=True)
class Deviation:
    """What a check yields: where (a Line, or a description), what was expected, found."""

    where: object
    expected: str
    found: str
    #: Deviations with the same cause collapse; None means (expected, found).
    cause: object = None


@dataclass(frozen=True)
class Rule:
    code: str
    area: str
    clause: str
    right: str
    wrong: str
    check: Callable[[object], Iterator[Deviation]]

    @property
    def summary(self) -> str:
        return message(f"rule_{self.code}")

    @property
    def why(self) -> str:
        return message(f"rule_why_{self.code}")

    def findings(self, doc) -> list[Finding]:
        """The check's deviations on *doc*, stamped with this rule's code and collapsed."""
        grouped: dict[object, list[Deviation]] = {}
        for deviation in self.check(doc):
            key = deviation.cause if deviation.cause is not None else (
                deviation.expected, deviation.found)
            grouped.setdefault(key, []).append(deviation)
        return [self._finding(group) for group in grouped.values()]

    def _finding(self, group: list[Deviation]) -> Finding:
        first = group[0]
        where, paragraph = describe(first.where)
        return Finding(self.code, where, first.expected, first.found, paragraph, len(group))


def describe(where) -> tuple[str, int | None]:
    """The place of a deviation as words, and its paragraph number if it has one."""
    if hasattr(where, "describe"):
        return message("check_where_paragraph", paragraph=where.describe()), where.number
    return str(where), None


REGISTRY: dict[str, Rule] = {}


def rule(code: str, area: str, *, clause: str, right: str, wrong: str):
    """Register a check under *code* with its documentation."""

    def register(function):
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, area, clause, right, wrong, function)
        return function

    return register


def matches(code: str, patterns: Iterable[str]) -> bool:
    """Whether *code* is one of *patterns* or starts with one of them (a prefix)."""
    return any(code.startswith(p) for p in patterns)


def selected(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
             ) -> list[Rule]:
    """The rules *select* names (all when None) less those *ignore* names."""
    select = [s.upper() for s in select] if select else None
    ignore = [s.upper() for s in ignore or ()]
    return [r for code, r in REGISTRY.items()
            if (select is None or matches(code, select)) and not matches(code, ignore)]


def unknown(patterns: Iterable[str]) -> list[str]:
    """The entries of *patterns* that name no registered code or prefix."""
    return [p for p in patterns if not any(matches(code, [p.upper()]) for code in REGISTRY)]
