"""All errors thidua-docs raises on purpose, each with its exit code.

The CLI turns any of these into a message and an exit code; anything else
is a bug and may show a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as possible."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str
    hint: str = ""

    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return where


class ThiduaError(Exception):
    """Base class: a failure the user can act on."""

    exit_code = 1

    def __init__(self, message_key: str, **params: object) -> None:
        super().__init__(message_key)
        self.message_key = message_key
        self.params = params


class InvalidInputError(ThiduaError):
    """The YAML file cannot be read or does not satisfy the schema."""

    exit_code = 2

    def __init__(self, problems: list[Problem], message_key: str = "invalid_input",
                 **params: object) -> None:
        super().__init__(message_key, count=len(problems), **params)
        self.problems = problems


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
