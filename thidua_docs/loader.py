"""Load a directive from YAML: parse, locate, normalise, validate.

Every problem is collected before failing, each with file, line:column and
the path of the field, so the clerk can fix them all in one pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from thidua_docs.exceptions import InputFileError, InvalidInputError, Problem
from thidua_docs.i18n import message
from thidua_docs.structure import (
    BulletsBlock, Directive, Document, Entry, Indicator, IndicatorPart, IndicatorsBlock, Issuer,
    ItemsBlock, Section, Signature,
)
from thidua_docs.structure.directive import BLOCK_KEYS
from thidua_docs.structure.numbering import NumberingError, label_body
from thidua_docs.text import unknown_placeholders
from thidua_docs.vnformat import nfc

FieldPath = tuple[str | int, ...]
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Located:
    """Plain Python data built from YAML nodes, with the position of every field."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.value_marks: dict[FieldPath, yaml.Mark] = {}
        self.key_marks: dict[FieldPath, yaml.Mark] = {}
        self.problems: list[tuple[FieldPath, yaml.Mark, str, dict[str, Any]]] = []

    def build(self, node: yaml.Node, path: FieldPath = ()) -> Any:
        self.value_marks[path] = node.start_mark
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._key(key_node, path)
                if key in result:
                    self.problems.append((path + (key,), key_node.start_mark, "duplicate_key",
                                          {"key": key}))
                    continue
                self.key_marks[path + (key,)] = key_node.start_mark
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _key(self, node: yaml.Node, path: FieldPath) -> str:
        if not isinstance(node, yaml.ScalarNode):
            self.problems.append((path, node.start_mark, "complex_key", {}))
            return f"<{node.start_mark.line + 1}:{node.start_mark.column + 1}>"
        return nfc(str(node.value))

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        tag = node.tag
        if tag == "tag:yaml.org,2002:str":
            return nfc(node.value)
        if tag == "tag:yaml.org,2002:timestamp":
            try:
                return dt.date.fromisoformat(node.value[:10])
            except ValueError:
                self.problems.append((path, node.start_mark, "bad_date", {"value": node.value}))
                return None
        constructor = yaml.SafeLoader("")
        try:
            return constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            return nfc(str(node.value))


def load_directive(path: Path | str) -> Directive:
    """Read and validate a directive YAML file; raise InvalidInputError listing all problems."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError("input_missing", path=str(path)) from None
    except OSError as exc:
        raise InputFileError("input_unreadable", path=str(path), reason=exc.strerror) from None
    return parse_directive(raw, str(path))


def parse_directive(raw: bytes | str, source: str = "<stdin>") -> Directive:
    """Validate YAML text (bytes or str) as a directive; *source* names it in messages."""
    text = _decode(raw, source)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InvalidInputError([_problem_at(source, mark, (), "yaml_syntax",
                                             {"detail": exc.problem or str(exc)})]) from None
    if node is None:
        raise InvalidInputError([Problem(source, None, None, "", message("empty_file"))])
    located = _Located(source)
    data = located.build(node)
    problems = [_problem_at(source, mark, path, key, params)
                for path, mark, key, params in located.problems]
    if not isinstance(data, dict):
        problems.append(_problem_at(source, node.start_mark, (), "not_a_mapping", {}))
        raise InvalidInputError(problems)
    problems += _placeholder_problems(data, located)
    try:
        directive = Directive.model_validate(data)
    except ValidationError as exc:
        problems += [_translate(err, located) for err in exc.errors()]
    else:
        try:
            for _ in label_body(directive):
                pass
        except NumberingError as exc:
            mark = _nearest(located.value_marks, exc.path)
            problems.append(_problem_at(source, mark, exc.path, exc.message_key, exc.params))
    if problems:
        raise InvalidInputError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
    return directive


def _decode(raw: bytes | str, source: str) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidInputError([Problem(source, line, None, "", message("not_utf8"))]) from None


def _problem_at(source: str, mark: yaml.Mark | None, path: FieldPath, key: str,
                params: dict[str, Any]) -> Problem:
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return Problem(source, line, column, _dotted(path), message(key, **params))


def _dotted(path: FieldPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _walk_strings(data: Any, path: FieldPath = ()):
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _walk_strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk_strings(value, path + (i,))


def _placeholder_problems(data: dict, located: _Located) -> list[Problem]:
    problems = []
    for path, text in _walk_strings(data):
        mark = located.value_marks.get(path)
        for name in unknown_placeholders(text):
            problems.append(_problem_at(located.source, mark, path, "unknown_placeholder",
                                        {"name": name}))
        if "{theme}" in text and not data.get("theme"):
            problems.append(_problem_at(located.source, mark, path, "theme_missing", {}))
    return problems


def _translate(error: dict, located: _Located) -> Problem:
    """Turn one pydantic error into a located, translated Problem."""
    path, model = _resolve(tuple(error["loc"]))
    kind = error["type"]
    params: dict[str, Any] = {**error.get("ctx", {}), "detail": error.get("msg", "")}
    mark = _nearest(located.value_marks, path)
    if kind == "extra_forbidden":
        mark = located.key_marks.get(path, mark)
        params["key"] = path[-1]
        params["hint"] = _did_you_mean(str(path[-1]), list(model.model_fields) if model else [])
    elif kind == "missing":
        mark = _nearest(located.value_marks, path[:-1])
        params["key"] = path[-1]
    elif kind == "block_kind":
        value = error.get("input")
        first_key = next(iter(value), "") if isinstance(value, dict) else ""
        params["hint"] = _did_you_mean(str(first_key), list(BLOCK_KEYS)) if first_key else ""
    elif kind == "value_error":
        params["detail"] = str(error.get("ctx", {}).get("error", params["detail"]))
    return _problem_at(located.source, mark, path, kind, params)


# Lists whose entries are tagged unions: pydantic puts the tag after the index.
_UNION_LISTS = {"content", "items", "bullets", "indicators"}
_TAG_MODELS = {"section": Section, "items": ItemsBlock, "bullets": BulletsBlock,
               "indicators": IndicatorsBlock, "entry": Entry, "indicator": Indicator}
_FIELD_MODELS = {"issuer": Issuer, "document": Document, "signature": Signature,
                 "body": Section, "parts": IndicatorPart}


def _resolve(loc: FieldPath) -> tuple[FieldPath, type[BaseModel] | None]:
    """Strip union tags from a pydantic location; return the data path and the
    model that holds its last field."""
    path: list[str | int] = []
    model: type[BaseModel] | None = Directive
    parent: type[BaseModel] | None = Directive
    i = 0
    while i < len(loc):
        part = loc[i]
        path.append(part)
        i += 1
        if isinstance(part, int):
            if len(path) > 1 and path[-2] in _UNION_LISTS and i < len(loc) \
                    and isinstance(loc[i], str):
                model = _TAG_MODELS.get(loc[i])
                i += 1
        elif i < len(loc):
            parent, model = model, _FIELD_MODELS.get(part, model)
        else:
            parent = model
    return tuple(path), parent


def _nearest(marks: dict[FieldPath, yaml.Mark], path: FieldPath) -> yaml.Mark | None:
    for end in range(len(path), -1, -1):
        if path[:end] in marks:
            return marks[path[:end]]
    return None


def _did_you_mean(key: str, allowed: list[str]) -> str:
    match = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    return match[0] if match else ""

