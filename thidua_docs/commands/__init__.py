"""CLI verbs, one module each, and what they share: the error reporting, and the click
classes that take every text a person reads (help, options, usage) from the message
catalog in the language of the run.

A verb's texts are catalog keys (``messages/<lang>/help.po``), never strings in the code:

- ``help_<verb>``: the verb's help (its first sentence is the one-line summary);
- ``help_<verb>_<param>``, else ``help_<param>``: an option's or argument's help;
- ``metavar_<verb>_<param>``, else ``metavar_<param>``: the word standing for its value.

(``<verb>`` with ``-`` written ``_``.) click's own strings go through ``click.po``.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import sys
from typing import Callable

import click

from thidua_docs.exceptions import Failure, InvalidInputError, ThiduaError
from thidua_docs.messages import click_plural, click_text, has, message, set_language


def report_errors(function: Callable) -> Callable:
    """Print a ThiduaError as a message (every problem of an invalid input) and exit
    with its code; Ctrl-C exits 130 without a traceback."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except ThiduaError as error:
            if kwargs.get("as_json"):  # the verb's JSON Lines record
                _echo_failed(error.as_problems(), stdout_taken=kwargs.get("output") == "-")
            else:
                for problem in error.as_problems():
                    click.echo(problem.text(), err=True)
                if isinstance(error, InvalidInputError):
                    click.echo(message(error.message_key, **error.params), err=True)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            sys.exit(130)

    return wrapper


def _echo_failed(problems: list, *, stdout_taken: bool = False) -> None:
    """The JSON Lines record of a verb that failed as a whole, on standard output, or on
    standard error when the verb's output goes to standard output (``-o -``)."""
    click.echo(json.dumps({"status": "error", "errors": [problem.record() for problem in problems]},
                          ensure_ascii=False), err=stdout_taken)


def _writes_to_stdout(args: list[str]) -> bool:
    """Whether the verb's arguments send its output to standard output (``-o -``)."""
    return any(arg in ("-o", "--output") and following == "-"
               for arg, following in zip(args, args[1:])) or \
        any(arg in ("-o-", "--output=-") for arg in args)


#: ctx.meta key: whether the verb's arguments hold --json.
_AS_JSON = "thidua.as_json"
#: ctx.meta key: whether the verb writes its output to standard output (-o -).
_TO_STDOUT = "thidua.to_stdout"


#: Each verb of ``thidua`` and its module in this package.
VERBS = {"render": "render", "validate": "validate", "check": "check", "new": "new",
         "anniversaries": "anniversaries", "diff": "diff", "import": "import_",
         "convert-legacy": "convert_legacy", "example": "example", "schema": "schema",
         "serve": "serve", "lint-template": "lint_template"}


def _key(verb: str) -> str:
    return verb.replace("-", "_")


_VERB_KEYS = frozenset(_key(verb) for verb in VERBS)


def _lookup(kind: str, verb: str, name: str) -> str | None:
    keys = [f"{kind}_{_key(verb)}_{name}"]
    if name not in _VERB_KEYS:  # help_new is the verb "new", not a parameter named new
        keys.append(f"{kind}_{name}")
    return next((message(key) for key in keys if has(key)), None)


def _from_catalog(text_of: Callable) -> property:
    """An attribute click reads (help, metavar, ...) made from the catalog when read; what
    click assigns to it is ignored."""
    return property(text_of, lambda self, _value: None)


class _Translated:
    """help and metavar read from the catalog when shown (whatever click was given)."""

    verb = ""
    help = _from_catalog(lambda self: _lookup("help", self.verb, self.name))
    metavar = _from_catalog(lambda self: _lookup("metavar", self.verb, self.name))


class Option(_Translated, click.Option):
    """An option whose help and metavar come from the catalog."""


class Argument(_Translated, click.Argument):
    """An argument whose metavar (and help, for the verb's text) come from the catalog."""


class _Help(click.Option):
    """The -h/--help option."""

    help = _from_catalog(lambda self: message("help_help"))


class Command(click.Command):
    """A verb whose help, options and usage line come from the catalog."""

    help = _from_catalog(lambda self: message(f"help_{_key(self.name)}"))
    options_metavar = _from_catalog(lambda self: message("metavar_options"))

    def __init__(self, name: str, **kwargs) -> None:
        super().__init__(name, **kwargs)
        for param in self.params:
            param.verb = name

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)
        if option is not None and not isinstance(option, _Help):
            option.__class__ = _Help
        return option


class Group(Command, click.Group):
    """The ``thidua`` command itself. Its verbs are named here and imported only when one
    runs (``--help`` lists them from the catalog): a run starts with just its own verb."""

    subcommand_metavar = _from_catalog(lambda self: message("metavar_command"))

    def __init__(self, name: str, *, verbs: dict[str, str], **kwargs) -> None:
        super().__init__(name, **kwargs)
        self._verbs = verbs  # verb → its module in thidua_docs.commands

    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted(self._verbs)

    def get_command(self, ctx: click.Context | None, name: str) -> click.Command | None:
        module = self._verbs.get(name)
        if module is None:
            return None
        return importlib.import_module(f"{__name__}.{module}").command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The verbs and their one-line summaries, from the catalog (no verb imported)."""
        limit = formatter.width - 6 - max(map(len, self._verbs))
        rows = [(name, Command(name).get_short_help_str(limit))
                for name in self.list_commands(ctx)]
        with formatter.section(click_text("Commands")):
            formatter.write_dl(rows)

    def make_context(self, info_name, args, parent=None, **extra):
        # THIDUA_LANG holds before --lang is parsed: an eager --help may come first
        set_language(os.environ.get("THIDUA_LANG") or "vi")
        as_json = "--json" in args  # the group has no --json: it is the verb's
        to_stdout = _writes_to_stdout(args)
        ctx = super().make_context(info_name, args, parent, **extra)
        ctx.meta[_AS_JSON] = as_json
        ctx.meta[_TO_STDOUT] = to_stdout
        return ctx

    def invoke(self, ctx: click.Context):
        """A usage error of a verb run with --json also gives the verb's JSON record (on
        standard output); click then prints the usage text on standard error."""
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            params = error.ctx.command.params if error.ctx else []
            if ctx.meta.get(_AS_JSON) and any(param.name == "as_json" for param in params):
                _echo_failed([Failure("", None, None, "", "usage_error",
                                      {"detail": error.format_message()})],
                             stdout_taken=ctx.meta.get(_TO_STDOUT, False))
            raise


def verb(name: str) -> Callable:
    """``@verb("render")``: a click command of class Command."""
    return click.command(name, cls=Command)


option = functools.partial(click.option, cls=Option)
argument = functools.partial(click.argument, cls=Argument)
#: --encoding of the verbs that read legacy (TCVN3, VNI) text.
legacy_encoding = option("--encoding", type=click.Choice(["auto", "tcvn3", "vni"]),
                         default="auto", show_default=True)


def translate_click() -> None:
    """Route click's own strings (usage errors, "Usage:", "Options") through click.po."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.termui
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting,
                   click.parser, click.termui, click.types):
        if hasattr(module, "_"):
            module._ = click_text
        if hasattr(module, "ngettext"):
            module.ngettext = click_plural
