"""CLI verbs, one module each, and the error reporting they share."""

from __future__ import annotations

import functools
import sys
from typing import Callable

import click

from thidua_docs.exceptions import InvalidInputError, ThiduaError
from thidua_docs.messages import message


def report_errors(function: Callable) -> Callable:
    """Print a ThiduaError as a message (every problem of an invalid input) and exit
    with its code; Ctrl-C exits 130 without a traceback."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except InvalidInputError as error:
            for problem in error.problems:
                click.echo(problem.text(), err=True)
            click.echo(message(error.message_key, **error.params), err=True)
            sys.exit(error.exit_code)
        except ThiduaError as error:
            click.echo(message(error.message_key, **error.params), err=True)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            sys.exit(130)

    return wrapper
