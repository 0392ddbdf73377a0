"""Write imported data as YAML a clerk can read: our key order, long text folded, comments.

Long strings are written in YAML's folded style (``>-``), wrapped near 80
columns, as the hand-written data files are; everything else is quoted the
way PyYAML would. A comment (``# ? ...`` for an unsure reading, ``# ! ...``
for something printed differently from the source) stands on its own line
above the field or list entry it concerns. The result is read back and must
equal the data, else everything is written in PyYAML's plain style.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import yaml

Path = tuple
WIDTH = 88


def dump(data: dict, comments: dict[Path, list[str]] | None = None,
         preface: list[str] = ()) -> str:
    """YAML text of *data* with *comments* above the fields at their paths."""
    comments = _nearest(data, comments or {})
    lines = [f"# {line}" if line else "#" for line in preface]
    if lines:
        lines.append("")
    _mapping(data, (), 0, comments, lines)
    text = "\n".join(lines) + "\n"
    if _load(text) != _load(yaml.safe_dump(data, allow_unicode=True, sort_keys=False)):
        head = "".join(f"{line}\n" for line in lines[: len(preface) + 1] if preface)
        return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=WIDTH)
    return text


def _load(text: str):
    return yaml.safe_load(text)


def _nearest(data, comments: dict[Path, list[str]]) -> dict[Path, list[str]]:
    """Comments moved to the nearest path that exists in *data*."""
    result: dict[Path, list[str]] = {}
    for path, texts in comments.items():
        path = tuple(path)
        while path and not _exists(data, path):
            path = path[:-1]
        result.setdefault(path, []).extend(t for t in texts if t not in result.get(path, []))
    return result


def _exists(data, path: Path) -> bool:
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return False
    return True


def _comment(path: Path, indent: int, comments, lines: list[str]) -> None:
    for text in comments.get(path, []):
        for piece in textwrap.wrap(text, WIDTH - indent - 2) or [""]:
            lines.append(" " * indent + "# " + piece)


def _mapping(data: dict, path: Path, indent: int, comments, lines: list[str],
             first_prefix: str | None = None) -> None:
    for position, (key, value) in enumerate(data.items()):
        here = path + (key,)
        prefix = first_prefix if position == 0 and first_prefix is not None else " " * indent
        if position == 0 and first_prefix is not None:
            if comments.get(here):  # the comment goes above the "- " line
                _comment(here, indent, comments, lines)
        else:
            _comment(here, indent, comments, lines)
        head = f"{prefix}{key}:"
        if isinstance(value, dict):
            lines.append(head)
            _mapping(value, here, indent + 2, comments, lines)
        elif isinstance(value, (list, dict)) and not value:
            lines.append(f"{head} {'[]' if isinstance(value, list) else '{}'}")
        elif isinstance(value, list) and key == "archive":
            lines.append(f"{head} [{', '.join(_plain(v) for v in value)}]")
        elif isinstance(value, list):
            lines.append(head)
            _sequence(value, here, indent + 2, comments, lines)
        else:
            _scalar(value, head, indent + 2, lines)


def _sequence(items: list, path: Path, indent: int, comments, lines: list[str]) -> None:
    for position, item in enumerate(items):
        here = path + (position,)
        _comment(here, indent, comments, lines)
        if isinstance(item, dict):
            _mapping(item, here, indent + 2, comments, lines, first_prefix=" " * indent + "- ")
        elif isinstance(item, list):
            lines.append(" " * indent + "-")
            _sequence(item, here, indent + 2, comments, lines)
        else:
            _scalar(item, " " * indent + "-", indent + 2, lines)


def _scalar(value, head: str, indent: int, lines: list[str]) -> None:
    if isinstance(value, str) and len(head) + len(value) > WIDTH - 4 and _foldable(value):
        lines.append(f"{head} >-")
        for piece in textwrap.wrap(value, max(WIDTH - indent, 30), break_long_words=False,
                                   break_on_hyphens=False):
            lines.append(" " * indent + piece)
    else:
        lines.append(f"{head} {_plain(value)}")


def _foldable(text: str) -> bool:
    return text == " ".join(text.split()) and not text.startswith(("#", "-", "!", "&", "*",
                                                                    "%", "@", "`", "|", ">"))


def _plain(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = yaml.safe_dump(value, allow_unicode=True, width=1 << 30)
    if text.endswith("\n...\n"):
        text = text[:-5]
    return text.rstrip("\n")
