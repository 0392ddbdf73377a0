"""Every user-facing text of thidua-docs, Vietnamese by default, English on request.

The texts live in gettext catalogs, one per area and language: ``messages/vi/<area>.po``
and ``messages/en/<area>.po``. In our own areas the ``msgid`` is a message key used by the
code (``check_missing``) and the ``msgstr`` its text, with ``{name}`` parameters; a
translator edits the .po files (Poedit, Weblate, a text editor) without touching code.
To add a message, add the same key to both languages' file of its area (or a new area
file). ``click.po`` is a catalog of click's own English strings (usage errors, --help).

Code raises and returns keys and parameters (``Message``); text is made once, in the
language of the run, when it is shown. The catalogs are parsed with Babel once and kept
as JSON in the user's cache, keyed by the catalogs' hash.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources

_LANG = {"value": "en" if os.environ.get("THIDUA_LANG", "vi").lower().startswith("en") else "vi"}
LANGUAGES = ("vi", "en")
#: The catalog of click's own strings, keyed by their English text.
CLICK_AREA = "click"


class UnknownMessage(KeyError):
    """A message key (or a parameter of one) missing from the catalogs."""


def set_language(lang: str) -> None:
    """Choose the language of messages: "vi" or "en"."""
    _LANG["value"] = "en" if lang.lower().startswith("en") else "vi"


def language() -> str:
    """The current language of messages: "vi" or "en"."""
    return _LANG["value"]


def message(message_key: str, /, **params: object) -> str:
    """The text of *message_key* in the current language, with *params* filled in.

    A parameter may itself be a Message: it is translated too. An unknown key or a missing
    parameter does not crash a run (the key is shown instead); with THIDUA_STRICT_MESSAGES
    set (the tests do), it raises UnknownMessage.
    """
    texts = catalogs()[language()]["messages"]
    template = texts.get(message_key)
    if template is None:
        if _strict():
            raise UnknownMessage(message_key)
        return " ".join([message_key, *(f"{k}={v}" for k, v in params.items())])
    return template.format_map(_Params(params))


def has(message_key: str) -> bool:
    """Whether *message_key* is in the catalogs."""
    return message_key in catalogs()["vi"]["messages"]


class Message:
    """A message key and its parameters, made into text in the language of the moment it
    is shown (``str()``); picklable, so a worker process can return it as it is."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return message(self.key, **self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def record(self) -> dict:
        """The message as a ``--json`` note: its key as "code", and its text."""
        return {"code": self.key, "message": str(self)}

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def __reduce__(self):
        return (_rebuild, (self.key, self.params))


def _rebuild(key: str, params: dict) -> Message:
    return Message(key, **params)


#: errno names → the message saying in words why a file could not be read or written.
_OS_REASONS = {
    "ENOENT": "os_no_such_file", "EACCES": "os_no_permission", "EPERM": "os_no_permission",
    "ENOSPC": "os_disk_full", "EDQUOT": "os_disk_full", "EROFS": "os_read_only",
    "EISDIR": "os_is_folder", "ENOTDIR": "os_not_folder", "ENAMETOOLONG": "os_name_too_long",
    "EINVAL": "os_bad_name", "EILSEQ": "os_bad_name", "EBUSY": "os_busy",
    "ETXTBSY": "os_busy", "EIO": "os_io", "EEXIST": "os_not_folder",
    "ENOEXEC": "os_not_program",
}


def tool_failure(program: str, result) -> Message:
    """Why the helper *program* failed (a finished ``subprocess.run`` *result*): the last
    line it wrote on standard error, quoted as its own words, else its exit code."""
    lines = (result.stderr or b"").decode("utf-8", "replace").strip().splitlines()
    if lines:
        return Message("tool_reported", program=program, detail=lines[-1])
    return Message("tool_exit", program=program, code=result.returncode)


def os_reason(error: OSError) -> Message:
    """Why *error* happened, as a message (the system's own text is English)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    key = _OS_REASONS.get(name)
    return Message(key) if key else Message("os_other", code=name or error.errno or "?")


def click_text(english: str) -> str:
    """click's own string *english* in the current language (gettext's ``_`` for click)."""
    if language() == "en":
        return english
    return catalogs()["vi"][CLICK_AREA].get(english, english)


def click_plural(singular: str, plural: str, count: int) -> str:
    """click's own plural string in the current language (gettext's ``ngettext``)."""
    if language() == "vi":
        found = catalogs()["vi"][CLICK_AREA].get(singular)
        if found is not None:
            return found
    return singular if count == 1 else plural


class _Params(dict):
    def __missing__(self, name: str) -> str:
        if _strict():
            raise UnknownMessage(f"parameter {{{name}}}")
        return "{" + name + "}"


def _strict() -> bool:
    return bool(os.environ.get("THIDUA_STRICT_MESSAGES"))


@lru_cache(maxsize=1)
def catalogs() -> dict[str, dict[str, dict[str, str]]]:
    """language → {"messages": key → text, "click": English → text}."""
    from thidua_docs import cache

    root = resources.files(__name__)
    files = sorted((lang, entry.name, entry.read_bytes()) for lang in LANGUAGES
                   for entry in root.joinpath(lang).iterdir() if entry.name.endswith(".po"))
    key = cache.digest(*(part for lang, name, data in files
                         for part in (f"{lang}/{name}".encode(), data)))
    name = f"messages-{key}.json"
    stored = cache.read(name)
    if stored is not None:
        try:
            return json.loads(stored)
        except ValueError:
            pass
    parsed = _parse(files)
    cache.write(name, json.dumps(parsed, ensure_ascii=False).encode("utf-8"))
    return parsed


def _parse(files: list[tuple[str, str, bytes]]) -> dict[str, dict[str, dict[str, str]]]:
    import io

    from babel.messages.pofile import read_po

    result: dict[str, dict[str, dict[str, str]]] = {
        lang: {"messages": {}, CLICK_AREA: {}} for lang in LANGUAGES}
    for lang, name, data in files:
        table = result[lang][CLICK_AREA if name == f"{CLICK_AREA}.po" else "messages"]
        for entry in read_po(io.BytesIO(data), locale=lang):
            key, text = entry.id, entry.string
            if isinstance(key, tuple):  # a plural: Vietnamese has one form
                key, text = key[0], text[0]
            if key and text:
                table[key] = text
    return result
