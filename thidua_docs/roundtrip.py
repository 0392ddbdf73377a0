"""Edit a directive's YAML the way the clerk wrote it: comments, key order and layout kept.

``ruamel.yaml``'s round-trip mode reads the file into a tree that remembers its comments and
styles; ``apply`` writes a form's values into that tree (only the fields that changed are
touched, keys the form does not know stay as they are) and ``dump`` gives the text back.
Unquoted numbers are kept as their source text (``62.80`` stays ``62.80``), as the loader
reads them; a new value is quoted exactly when the loader would otherwise not read it back
as the same text.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import re
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from thidua_docs.loader import FieldPath, _is_number

_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
#: A number as the loader reads an unquoted one (not an ambiguous 18.000: that is text).
_NUMERAL = re.compile(r"[-+]?\d+(\.\d+)?")
_AMBIGUOUS = re.compile(r"[-+]?[1-9]\d{0,2}\.\d{3}")
#: A Vietnamese number or range ("10,5", "3.505", "38-39"): quoted, as the data files write them.
_NUMBERISH = re.compile(r"[-+]?\d[\d.,]*(\s*-\s*\d[\d.,]*)?")
#: Text longer than this is written folded (``>-``), as the hand-written files are.
FOLD_AT = 80


class PlainNumber(str):
    """An unquoted YAML number, kept as the text the clerk typed."""

    __slots__ = ()


class _Constructor(RoundTripConstructor):
    def construct_plain_number(self, node):
        return PlainNumber(node.value)


_Constructor.add_constructor(_INT, _Constructor.construct_plain_number)
_Constructor.add_constructor(_FLOAT, _Constructor.construct_plain_number)


class _Representer(RoundTripRepresenter):
    def represent_plain_number(self, data):
        tag = _FLOAT if "." in data else _INT
        return self.represent_scalar(tag, str(data))


_Representer.add_representer(PlainNumber, _Representer.represent_plain_number)


def _yaml() -> YAML:
    handler = YAML()
    handler.Constructor = _Constructor
    handler.Representer = _Representer
    handler.preserve_quotes = True
    handler.width = 4096  # never re-wrap the clerk's lines; new long text is folded by _folded
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


def load(text: str) -> CommentedMap:
    """The round-trip tree of a directive's YAML text (a fresh copy: change it freely)."""
    return copy.deepcopy(_parsed(text))


@functools.lru_cache(maxsize=64)
def _parsed(text: str) -> CommentedMap:
    """One parse per text: an editor sends many edits of the same file (copying the tree
    costs less than half a parse)."""
    tree = _yaml().load(text)
    return tree if isinstance(tree, CommentedMap) else CommentedMap()


def dump(tree: CommentedMap) -> str:
    stream = io.StringIO()
    _yaml().dump(tree, stream)
    return stream.getvalue()


def plain(value: Any) -> Any:
    """The tree as JSON data: mappings, lists, text, booleans, null; dates as ISO text."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def apply(tree: CommentedMap, data: dict) -> CommentedMap:
    """Write the form's *data* (JSON, as ``plain`` gives it) into *tree*, in place.

    A key whose value is None or "" is removed; a value equal to the tree's stays untouched
    (its style and comments with it).
    """
    _merge_map(tree, data)
    return tree


def _merge_map(node: CommentedMap, data: dict) -> None:
    for key, value in data.items():
        if value is None or value == "" or value == []:
            node.pop(key, None)
        elif key in node:
            node[key] = _merged(node[key], value, key)
        else:
            node[key] = _new(value, key)


def _merged(old: Any, new: Any, key: str | int) -> Any:
    if isinstance(old, dict) and isinstance(new, dict):
        for gone in [k for k in old if k not in new]:
            del old[gone]
        _merge_map(old, new)
        return old
    if isinstance(old, list) and isinstance(new, list):
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merged(old[index], value, key)
            else:
                old.append(_new(value, key))
        del old[len(new):]
        return old
    if plain(old) == new:
        return old
    return _new(new, key)


def _new(value: Any, key: str | int) -> Any:
    if isinstance(value, dict):
        node = CommentedMap()
        _merge_map(node, value)
        return node
    if isinstance(value, list):
        return CommentedSeq(_new(item, key) for item in value)
    if isinstance(value, str):
        return _scalar(value, key)
    return value


def _scalar(text: str, key: str | int) -> Any:
    """A new scalar from the form: a date, an unquoted number, or text the loader reads back
    as the same text."""
    if key == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    if _NUMERAL.fullmatch(text) and not _AMBIGUOUS.fullmatch(text):
        return PlainNumber(text)
    if len(text) > FOLD_AT and "\n" not in text and text == text.strip() and "  " not in text:
        return _folded(text)
    if _read_as_other(text) or _NUMBERISH.fullmatch(text):
        return DoubleQuotedScalarString(text)
    return text


def _folded(text: str) -> FoldedScalarString:
    """*text* written ``>-``, its lines broken at spaces near FOLD_AT columns."""
    folded = FoldedScalarString(text)
    folded.fold_pos = []
    start = 0
    while len(text) - start > FOLD_AT:
        space = text.rfind(" ", start, start + FOLD_AT)
        if space <= start:
            break
        folded.fold_pos.append(space)
        start = space + 1
    return folded


def _read_as_other(text: str) -> bool:
    """Whether the loader (PyYAML) would read the unquoted *text* as anything but itself."""
    node = yaml.ScalarNode(yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False)),
                           text, style="")
    return node.tag != "tag:yaml.org,2002:str" or _is_number(node) or text != text.strip()


# --- marks left in the text -----------------------------------------------------------------

_UNSURE = re.compile(r"^\s*#\s*\?\s?(?P<note>.*)$")


def unsure_fields(text: str) -> dict[str, str]:
    """The fields an import marked unsure (a ``# ? note`` line above them): dotted path → note."""
    from thidua_docs.loader import _dotted, _Located, _Loader

    lines = text.splitlines()
    notes = {number: m["note"] for number, line in enumerate(lines)
             if (m := _UNSURE.match(line))}
    if not notes:
        return {}
    try:
        located = _Located("")
        located.build(yaml.compose(text, Loader=_Loader))
    except yaml.YAMLError:
        return {}
    starts = sorted((mark.line, len(path), path)
                    for path, mark in {**located.value_marks, **located.key_marks}.items()
                    if path)
    found: dict[str, str] = {}
    for number, note in notes.items():
        following = [(line, depth, path) for line, depth, path in starts if line > number]
        if following:
            first_line = following[0][0]
            path: FieldPath = min((p for line, _, p in following if line == first_line), key=len)
            found[_dotted(path)] = note.strip()
    return found
