"""The workspace: a folder of directive YAML files, the only record the web desk keeps.

Files are named by their plain file name (no folders): a name that is not one of the folder's
own ``.yaml`` files is refused, so no request reaches outside the folder. Each opened file has
a version (its SHA-256 and modification time) so a save can tell whether someone else changed
it in the meantime.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from thidua_docs.exceptions import InvalidInputError, ThiduaError
from thidua_docs.output import write_atomic

#: A workspace file name: letters, digits, ".", "-", "_", ending .yaml or .yml.
_NAME = re.compile(r"[^\W_][\w.-]{0,120}\.ya?ml", re.UNICODE)


class NotInWorkspace(ThiduaError):
    """The name is not a directive file of the workspace."""

    exit_code = 2


class Conflict(ThiduaError):
    """The file changed on disk since the clerk opened it."""

    exit_code = 1


@dataclass(frozen=True)
class Version:
    digest: str
    mtime_ns: int

    @property
    def token(self) -> str:
        return f"{self.digest}:{self.mtime_ns}"

    @classmethod
    def of(cls, data: bytes, path: Path) -> "Version":
        return cls(hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns)


@dataclass(frozen=True)
class Entry:
    """One directive of the home list."""

    name: str
    title: str
    year: str
    kind: str
    status: str  # "valid", "errors", "pending"
    problems: int
    modified: dt.datetime


class Workspace:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder).resolve()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._listing: dict[str, tuple[int, Entry]] = {}

    # --- names ----------------------------------------------------------------------------

    def path(self, name: str, *, exists: bool = True) -> Path:
        """The file *name* of the workspace, or NotInWorkspace."""
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise NotInWorkspace("web_bad_name", name=str(name)[:80])
        path = self.folder / name
        if path.parent != self.folder or (exists and not path.is_file()):
            raise NotInWorkspace("web_no_such_file", name=name)
        return path

    def free_name(self, wanted: str) -> str:
        """*wanted* cleaned into a workspace name that no file has yet (-2, -3, ... added)."""
        stem = re.sub(r"[^\w.-]+", "-", Path(wanted).stem, flags=re.UNICODE).strip(".-_")
        stem = stem[:100] or "van-ban"
        candidate, number = f"{stem}.yaml", 2
        while (self.folder / candidate).exists():
            candidate, number = f"{stem}-{number}.yaml", number + 1
        return candidate

    # --- reading and writing ----------------------------------------------------------------

    def read(self, name: str) -> tuple[bytes, Version]:
        path = self.path(name)
        data = path.read_bytes()
        return data, Version.of(data, path)

    def save(self, name: str, text: str, expected: str | None) -> Version:
        """Write *text* to *name* atomically; Conflict if the file is no longer at version
        *expected* (None: the file must not exist yet)."""
        path = self.path(name, exists=False)
        data = text.encode("utf-8")
        with self._lock:
            if path.exists():
                current = Version.of(path.read_bytes(), path)
                if expected is None or current.digest != expected.split(":")[0]:
                    raise Conflict("web_conflict", name=name)
            elif expected is not None:
                raise Conflict("web_conflict_gone", name=name)
            write_atomic(path, data, force=True)
        return Version.of(data, path)

    def create(self, wanted: str, text: str) -> str:
        """Write a new file named after *wanted*; return its name."""
        with self._lock:
            name = self.free_name(wanted)
            write_atomic(self.folder / name, text.encode("utf-8"))
        return name

    # --- the home list ----------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        files = sorted(p for p in self.folder.iterdir()
                       if p.is_file() and _NAME.fullmatch(p.name))
        result = []
        for path in files:
            stamp = path.stat().st_mtime_ns
            cached = self._listing.get(path.name)
            if cached is None or cached[0] != stamp:
                cached = (stamp, _describe(path))
                self._listing[path.name] = cached
            result.append(cached[1])
        return sorted(result, key=lambda e: e.modified, reverse=True)


def _describe(path: Path) -> Entry:
    from thidua_docs import roundtrip
    from thidua_docs.loader import parse_directive

    data = path.read_bytes()
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
    try:
        tree = roundtrip.plain(roundtrip.load(data.decode("utf-8-sig")))
    except Exception:  # any YAML the round-trip reader refuses: listed as having errors
        tree = {}
    document = tree.get("document") if isinstance(tree.get("document"), dict) else {}
    title = " ".join(str(document.get(key) or "") for key in ("title", "subtitle")).strip()
    year = str(tree.get("period") or tree.get("year") or "")
    try:
        directive = parse_directive(data, path.name)
    except InvalidInputError as error:
        status, problems = "errors", len(error.problems)
    except ThiduaError:
        status, problems = "errors", 1
    else:
        problems = len(pending_indicators(directive))
        status = "pending" if problems else "valid"
    return Entry(path.name, title or path.stem, year, str(document.get("kind") or "công văn"),
                 status, problems, modified)


def pending_indicators(directive) -> list:
    """The indicators of *directive* still awaiting this year's value."""
    from thidua_docs.structure import Indicator
    from thidua_docs.structure.numbering import label_body

    return [item for item in label_body(directive)
            if isinstance(item.node, Indicator) and item.node.needs_update]
