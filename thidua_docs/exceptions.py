"""All errors thidua-docs raises on purpose, each with its exit code.

The CLI turns any of these into a message and an exit code; anything else
is a bug and may show a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field as _field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as possible."""

    file: str
    line: int | None
    column: int | None
    field: str
    #: The message key, stable for pipelines (``--json``'s "code").
    code: str
    params: dict = _field(default_factory=dict)

    @property
    def message(self) -> str:
        """The text of the problem in the current language."""
        from thidua_docs.messages import message

        return message(self.code, **self.params)

    def record(self) -> dict:
        """The problem as JSON data: file, line, column, field, code, message."""
        return {"file": self.file, "line": self.line, "column": self.column,
                "field": self.field, "code": self.code, "message": self.message}

    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return where

    def text(self) -> str:
        """The line a person reads: ``file:line:column: field: message``."""
        field = f" {self.field}:" if self.field else ""
        return f"{self.location()}:{field} {self.message}"


@dataclass(frozen=True)
class Failure(Problem):
    """A whole-file failure (output exists, template missing, ...) as a problem: its
    message names the file itself."""

    def text(self) -> str:
        return self.message


class ThiduaError(Exception):
    """Base class: a failure the user can act on."""

    exit_code = 1

    def __init__(self, message_key: str, **params: object) -> None:
        super().__init__(message_key)
        self.message_key = message_key
        self.params = params

    def as_problems(self, file: str = "") -> list[Problem]:
        """What went wrong, as problems of *file* (the input being processed), else of the
        file the error names (its ``path``)."""
        file = file or str(self.params.get("path", ""))
        return [Failure(file, None, None, "", self.message_key, self.params)]


class InvalidInputError(ThiduaError):
    """The YAML file cannot be read or does not satisfy the schema."""

    exit_code = 2

    def __init__(self, problems: list[Problem], message_key: str = "invalid_input",
                 **params: object) -> None:
        super().__init__(message_key, count=len(problems), **params)
        self.problems = problems

    def as_problems(self, file: str = "") -> list[Problem]:
        return self.problems


class InputFileError(ThiduaError):
    """The input file is missing or unreadable."""

    exit_code = 2


class OutputExistsError(ThiduaError):
    """The output file exists and the user did not ask to replace it."""

    exit_code = 1


class OutputWriteError(ThiduaError):
    """The output file could not be written."""

    exit_code = 1


class TemplateError(ThiduaError):
    """The Word template is missing, damaged or lacks a required style."""

    exit_code = 1


class UsageError(ThiduaError):
    """The command was asked something it cannot do as given."""

    exit_code = 2
