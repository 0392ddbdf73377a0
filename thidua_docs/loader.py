"""Load a directive from YAML: parse, locate, normalise, validate.

Every problem is collected before failing, each with file, line:column and
the path of the field, so the clerk can fix them all in one pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, TypeVar, get_args

import yaml
from pydantic import BaseModel, Tag, ValidationError

from thidua_docs import limits
from thidua_docs.charsets import decode
from thidua_docs.decree import KIND_CODES
from thidua_docs.exceptions import InputFileError, InvalidInputError, Problem
from thidua_docs.messages import Message, has, os_reason
from thidua_docs.structure import Directive, Indicator
from thidua_docs.structure.directive import BLOCK_KEYS, with_unit
from thidua_docs.structure.quantity import Numeral
from thidua_docs.structure.numbering import NumberingError, every_indicator
from thidua_docs.text import NAMED, unknown_placeholders, uses_year
from thidua_docs.vnformat import nfc

FieldPath = tuple[str | int, ...]
#: How messages name standard input.
STDIN_NAME = "<stdin>"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser with the implicit tag of each plain scalar memoised: the same keys
    and words recur in every directive, and resolving them is most of the parse."""

    _resolved: dict[tuple, str] = {}

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._resolved.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._resolved) < 100_000:
                self._resolved[key] = tag
        return tag


class _Located:
    """Plain Python data built from YAML nodes, with the position of every field."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.value_marks: dict[FieldPath, yaml.Mark] = {}
        self.key_marks: dict[FieldPath, yaml.Mark] = {}
        self.problems: list[tuple[FieldPath, yaml.Mark, str, dict[str, Any]]] = []
        self._built: set[int] = set()  # nodes built once: meeting one again is an alias
        self._aliases = 0
        self._nodes = 0
        #: The texts holding a "{" (maybe a placeholder), found while building: no second walk.
        self.braced: list[tuple[FieldPath, str]] = []

    def build(self, node: yaml.Node, path: FieldPath = (), mark: yaml.Mark | None = None) -> Any:
        self._bound(node, path, mark)
        self.value_marks[path] = node.start_mark
        if node.tag not in _ALLOWED_TAGS:
            key = "python_tag" if node.tag.startswith(_PYTHON_TAG) else "tag_not_allowed"
            self.problems.append((path, node.start_mark, key, {"tag": _short_tag(node.tag)}))
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._key(key_node, path)
                if key in result:
                    self.problems.append((path + (key,), key_node.start_mark, "duplicate_key",
                                          {"key": key}))
                    continue
                self.key_marks[path + (key,)] = key_node.start_mark
                result[key] = self.build(value_node, path + (key,), key_node.start_mark)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), node.start_mark)
                    for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _bound(self, node: yaml.Node, path: FieldPath, mark: yaml.Mark | None) -> None:
        """Stop at once past the alias or node limit (a "billion laughs" file), located at
        the field that uses the alias."""
        self._nodes += 1
        if id(node) in self._built:
            self._aliases += 1
            if self._aliases > limits.MAX_YAML_ALIASES:
                raise InvalidInputError([_problem_at(self.source, mark or node.start_mark, path,
                                                     "yaml_aliases",
                                                     {"limit": limits.MAX_YAML_ALIASES})])
        elif not isinstance(node, yaml.ScalarNode):
            self._built.add(id(node))
        if self._nodes > limits.MAX_YAML_NODES:
            raise InvalidInputError([_problem_at(self.source, mark or node.start_mark, path,
                                                 "yaml_nodes", {"limit": limits.MAX_YAML_NODES})])

    def _key(self, node: yaml.Node, path: FieldPath) -> str:
        if not isinstance(node, yaml.ScalarNode):
            self.problems.append((path, node.start_mark, "complex_key", {}))
            return f"<{node.start_mark.line + 1}:{node.start_mark.column + 1}>"
        self._characters(node, path)
        return nfc(str(node.value))

    def _characters(self, node: yaml.ScalarNode, path: FieldPath) -> bool:
        """Whether *node*'s text can go into a Word document; a problem naming the
        character if not (NUL, control characters, U+FFFE/U+FFFF: written as escapes)."""
        bad = _NOT_IN_XML.search(node.value)
        if bad is None:
            return True
        self.problems.append((path, node.start_mark, "control_char",
                              {"char": f"U+{ord(bad.group()):04X}", "position": bad.start() + 1}))
        return False

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        tag = node.tag
        if _is_number(node):
            digits = sum(char.isdigit() for char in node.value)
            if digits > limits.MAX_NUMBER_DIGITS:
                self.problems.append((path, node.start_mark, "number_too_long",
                                      {"digits": digits, "limit": limits.MAX_NUMBER_DIGITS}))
                return None
            return Numeral(node.value)
        if not self._characters(node, path):
            return None
        if tag == "tag:yaml.org,2002:str":
            text = nfc(node.value)
            if "{" in text:
                self.braced.append((path, text))
            return text
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


#: The only tags a directive's nodes may have (what YAML gives plain values itself).
_ALLOWED_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "timestamp", "map", "seq"))
_PYTHON_TAG = "tag:yaml.org,2002:python/"
#: Characters XML 1.0 (hence Word) cannot hold: C0 controls but tab/newline/return,
#: U+FFFE and U+FFFF, and lone surrogates.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


#: Tags YAML gives unquoted numbers (12, 62.8, 18.000, 012, 1_000, 0x1A, .inf).
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
#: Unquoted digits YAML leaves as text (08, 028, -08: not octal), numbers all the same; "+08"
#: stays text and is refused like any Vietnamese number with a plus sign.
_DIGITS = re.compile(r"-?\d+(\.\d+)?")


def _is_number(node: yaml.ScalarNode) -> bool:
    """Whether *node* is an unquoted number, to be read from its source text (a Numeral):
    YAML would make 18.000 the float 18.0 and 012 the octal 10."""
    if node.style:  # quoted or a block scalar: text (libyaml gives plain scalars "")
        return False
    return node.tag in _NUMBER_TAGS or _DIGITS.fullmatch(node.value) is not None


M = TypeVar("M", bound=BaseModel)

#: pydantic error types that share a message.
_PYDANTIC_TYPES = {
    "date_from_datetime_parsing": "date_type",
    "date_parsing": "date_type",
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "bool_parsing": "bool_type",
    "model_attributes_type": "model_type",
}


def read_source(path: Path | str) -> bytes:
    """The bytes of an input file, or InputFileError saying why not."""
    path = Path(path)
    try:
        with open(path, "rb", buffering=0) as stream:
            data = _read_bounded(stream, limits.MAX_YAML_BYTES + 1)
    except FileNotFoundError:
        raise InputFileError("input_missing", path=str(path)) from None
    except OSError as exc:
        raise InputFileError("input_unreadable", path=str(path), reason=os_reason(exc)) from None
    if len(data) > limits.MAX_YAML_BYTES:
        raise InputFileError("input_too_large", path=str(path),
                             limit=f"{limits.MAX_YAML_BYTES // limits.MIB} MiB")
    return data


def read_standard_input(stream=None) -> bytes:
    """The bytes of standard input (or *stream*), read no further than the size limit:
    an endless pipe is refused once past it (InputFileError), not read to its end."""
    data = _read_bounded(stream or sys.stdin.buffer, limits.MAX_YAML_BYTES + 1)
    if len(data) > limits.MAX_YAML_BYTES:
        raise InputFileError("input_too_large", path=STDIN_NAME,
                             limit=f"{limits.MAX_YAML_BYTES // limits.MIB} MiB")
    return data


def _read_bounded(stream, limit: int) -> bytes:
    """At most *limit* bytes of *stream*, in one read of the file's size where it has one
    (no buffer of *limit* bytes for a small file)."""
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, ValueError, AttributeError):  # not a file (a test's stream)
        size = 0
    data = stream.read(size + 1 if 0 < size < limit else limit)
    while data and len(data) < limit:  # a pipe, or a file that grew
        more = stream.read(limit - len(data))
        if not more:
            break
        data += more
    return data


def load_directive(path: Path | str, *, allow_pending: bool = True) -> Directive:
    """Read and validate a directive YAML file; raise InvalidInputError listing all problems.

    Without *allow_pending*, indicators still marked ``needs_update`` are problems too.
    """
    return parse_directive(read_source(path), str(path), allow_pending=allow_pending)


def load_model(path: Path | str, model: type[M]) -> M:
    """Read and validate any YAML file against *model* (e.g. an anniversary calendar)."""
    data, located, problems = _parse(read_source(path), str(path))
    result, more = _validate(model, data, located)
    _raise_if(problems + more)
    return result


def parse_directive(raw: bytes | str, source: str = STDIN_NAME, *,
                    allow_pending: bool = True) -> Directive:
    """Validate YAML text (bytes or str) as a directive; *source* names it in messages."""
    data, located, problems = _parse(raw, source)
    problems += _placeholder_problems(data, located)
    directive, more = _validate(Directive, data, located)
    problems += more
    if directive is not None:
        try:
            for path, indicator in every_indicator(directive):
                if indicator.needs_update and not allow_pending:
                    problems.append(_pending(indicator, path, directive, located))
        except NumberingError as exc:
            mark = _nearest(located.value_marks, exc.path)
            problems.append(_problem_at(source, mark, exc.path, exc.message_key, exc.params))
    _raise_if(problems)
    return directive


def _parse(raw: bytes | str, source: str) -> tuple[dict, "_Located", list[Problem]]:
    """YAML text → plain data with positions; syntax and structure problems raise at once."""
    if len(raw) > limits.MAX_YAML_BYTES:
        raise InputFileError("input_too_large", path=source,
                             limit=f"{limits.MAX_YAML_BYTES // limits.MIB} MiB")
    text = decode(raw, source)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InvalidInputError([_problem_at(source, mark, (), _syntax_key(exc, text, mark),
                                             {})]) from None
    except yaml.reader.ReaderError as exc:  # a control character
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        before = _before(text, exc.position, chr(char))
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        raise InvalidInputError([Problem(source, line, column, "", "yaml_control",
                                         {"code": f"U+{char:04X}"})]) from None
    if node is None:
        raise InvalidInputError([Problem(source, None, None, "", "empty_file")])
    located = _Located(source)
    data = located.build(node)
    problems = [_problem_at(source, mark, path, key, params)
                for path, mark, key, params in located.problems]
    if not isinstance(data, dict):
        problems.append(_problem_at(source, node.start_mark, (), "not_a_mapping", {}))
        raise InvalidInputError(problems)
    return data, located, problems


#: libyaml's problem → the message explaining it (the first that matches).
_SYNTAX_KEYS = (
    ("tab character", "yaml_tab"),
    ("mapping values are not allowed", "yaml_colon"),
    ("did not find expected key", "yaml_indent"),
    ("could not find expected ':'", "yaml_indent"),
    ("expected ',' or ']'", "yaml_flow"),
    ("expected ',' or '}'", "yaml_flow"),
    ("did not find expected node content", "yaml_flow"),
    ("unexpected end of stream", "yaml_quote"),
    ("unknown escape character", "yaml_escape"),
    ("undefined alias", "yaml_special"),
    ("undefined tag", "yaml_special"),
    ("anchor", "yaml_special"),
    ("block sequence entries are not allowed", "yaml_dash"),
    ("expected '-' indicator", "yaml_dash"),
)


def _syntax_key(exc: yaml.MarkedYAMLError, text: str, mark) -> str:
    """The message key that explains a YAML syntax error, in words a clerk acts on."""
    problem = exc.problem or ""
    if "cannot start any token" in problem and mark is not None:
        return "yaml_tab" if text[mark.index:mark.index + 1] == "\t" else "yaml_special"
    return next((key for words, key in _SYNTAX_KEYS if words in problem), "yaml_syntax")


def _validate(model: type[M], data: dict, located: "_Located") -> tuple[M | None, list[Problem]]:
    """Validate *data*; a field the parser already reported (an impossible date, a
    duplicate key) is not reported again."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        reported = {path for path, *_ in located.problems}
        return None, [_translate(err, located, model) for err in exc.errors()
                      if _resolve(tuple(err["loc"]), model)[0] not in reported]


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InvalidInputError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))


def _pending(indicator: Indicator, path: FieldPath, directive: Directive,
             located: "_Located") -> Problem:
    previous = "; ".join(with_unit(t.previous, t.unit) for t in indicator.targets
                         if t.previous is not None) or "?"
    return _problem_at(located.source, _nearest(located.value_marks, path + ("value",)), path,
                       "indicator_pending", {"year": directive.year or directive.period,
                                             "wording": indicator.wording(),
                                             "previous": previous})


def _before(text: str, position: int, char: str) -> str:
    """The text before the character libyaml reports at *position* (a character index
    from the Python reader, a UTF-8 byte offset from libyaml)."""
    if text[position:position + 1] == char:
        return text[:position]
    return text.encode("utf-8")[:position].decode("utf-8", "ignore")


def _problem_at(source: str, mark: yaml.Mark | None, path: FieldPath, key: str,
                params: dict[str, Any]) -> Problem:
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return Problem(source, line, column, _dotted(path), key, params)


def _dotted(path: FieldPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _placeholder_problems(data: dict, located: _Located) -> list[Problem]:
    problems = []
    for path, text in located.braced:
        mark = located.value_marks.get(path)
        for name in unknown_placeholders(text):
            problems.append(_problem_at(located.source, mark, path, "unknown_placeholder",
                                        {"name": name}))
        for name in NAMED:
            if f"{{{name}}}" in text and not data.get(name):
                problems.append(_problem_at(located.source, mark, path, "placeholder_missing",
                                            {"name": name}))
        year_name = uses_year(text)
        if year_name and data.get("year") is None and data.get("period"):
            problems.append(_problem_at(located.source, mark, path, "placeholder_needs_year",
                                        {"name": year_name}))
    return problems


def _translate(error: dict, located: _Located, root: type[BaseModel]) -> Problem:
    """Turn one pydantic error into a located, translated Problem."""
    path, model = _resolve(tuple(error["loc"]), root)
    kind = _PYDANTIC_TYPES.get(error["type"], error["type"])
    params: dict[str, Any] = {**error.get("ctx", {}), "value": _shown(error.get("input"))}
    if "expected" in params:  # pydantic's "'TM.', 'KT.' or 'Q.'": the allowed values
        params["allowed"] = str(params["expected"]).replace(" or ", ", ")
        if kind == "enum":  # words, not punctuation: no quotes needed
            params["allowed"] = params["allowed"].replace("'", "")
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
        params["where"] = Message(_block_level(path))
        kind = "block_kind_at"
    elif kind == "unknown_kind":
        names = {_unaccented(name): name for name in KIND_CODES}
        match = difflib.get_close_matches(_unaccented(str(error.get("input"))), list(names), 1)
        params["hint"] = Message("did_you_mean", name=names[match[0]]) if match else ""
    return _problem_at(located.source, mark, path, kind if has(kind) else "generic", params)


def _unaccented(text: str) -> str:
    """*text* in lower case without Vietnamese accents ("Công văn" → "cong van")."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _shown(value: Any) -> str:
    """A wrong value as a message quotes it: a scalar as typed, a list or mapping by kind."""
    if isinstance(value, (dict, list)):
        return "[...]" if isinstance(value, list) else "{...}"
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _block_level(path: FieldPath) -> str:
    """The message naming where the block at *path* sits (body, section, entry, appendix)."""
    if len(path) <= 2:
        return "where_body"
    if path[0] == "appendices" and len(path) == 4:
        return "where_appendix"
    return "where_entry" if len(path) >= 5 and path[-4] in ("items", "bullets") \
        else "where_section"


def _models_in(annotation) -> list[type[BaseModel]]:
    """The pydantic models an annotation can hold (through list, Optional, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _tagged_models(annotation) -> dict[str, type[BaseModel] | None]:
    """Tag → model of a tagged union inside *annotation* (pydantic puts the tag in error
    locations right after the union's own position)."""
    tags: dict[str, type[BaseModel] | None] = {}
    for arg in get_args(annotation):
        metadata = getattr(arg, "__metadata__", ())
        tag = next((m.tag for m in metadata if isinstance(m, Tag)), None)
        if tag is not None:
            models = _models_in(arg)
            tags[tag] = models[0] if models else None
        else:
            tags.update(_tagged_models(arg))
    return tags


def _resolve(loc: FieldPath, root: type[BaseModel]) -> tuple[FieldPath, type[BaseModel] | None]:
    """Strip union tags from a pydantic location; return the data path and the
    model that holds its last field."""
    path: list[str | int] = []
    model: type[BaseModel] | None = root
    tags: dict[str, type[BaseModel] | None] = {}
    i = 0
    while i < len(loc):
        part = loc[i]
        path.append(part)
        i += 1
        if isinstance(part, str):
            if i == len(loc):
                break  # the last field: *model* holds it
            field = model.model_fields.get(part) if model else None
            annotation = field.annotation if field else None
            tags = _tagged_models(annotation)
            models = _models_in(annotation)
            model = models[0] if len(models) == 1 else None
        if i < len(loc) and isinstance(loc[i], str) and loc[i] in tags:
            model = tags[loc[i]]
            i += 1
    return tuple(path), model


def _nearest(marks: dict[FieldPath, yaml.Mark], path: FieldPath) -> yaml.Mark | None:
    for end in range(len(path), -1, -1):
        if path[:end] in marks:
            return marks[path[:end]]
    return None


def _did_you_mean(key: str, allowed: list[str]) -> Message | str:
    match = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    return Message("did_you_mean", name=match[0]) if match else ""

