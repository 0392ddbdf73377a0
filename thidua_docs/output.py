"""Write output files whole or not at all, never over an input, never replace one unasked."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
from pathlib import Path
from typing import Iterable

from thidua_docs.exceptions import OutputExistsError, OutputWriteError
from thidua_docs.messages import os_reason

#: The longest file name (bytes) Linux, macOS and Windows file systems take.
NAME_MAX = 255
#: Temporary names keep this much of the target's name, then a hash (".NAME.XXXX.part").
_TEMP_NAME_KEEP = 200


def write_atomic(path: Path, data: bytes, *, force: bool = False,
                 inputs: Iterable[Path | None] = ()) -> Path:
    """Write *data* to *path* through a temporary file in the same folder.

    Without *force* an existing file is kept and OutputExistsError raised;
    the check and the rename are one atomic step (a hard link). The rename
    makes the file appear whole even if the process is killed mid-way (a worker
    stopped by a signal removes its temporary file: ``remove_temporaries``). A
    *path* that is one of *inputs* (also through a link or another spelling) is
    refused, *force* or not.
    """
    path = Path(path)
    if check_target(path, inputs) and not force:
        raise OutputExistsError("output_exists", path=str(path))
    try:
        temp, handle = _create_temporary(path)
    except OSError as exc:
        raise OutputWriteError("output_unwritable", path=str(path), reason=os_reason(exc)) from None
    published = False
    try:
        try:
            _write_all(handle, data)
        finally:
            os.close(handle)
        publish(temp, path, force=force)
        published = True
    except FileExistsError:
        raise OutputExistsError("output_exists", path=str(path)) from None
    except OSError as exc:
        raise OutputWriteError("output_unwritable", path=str(path), reason=os_reason(exc)) from None
    finally:
        if not published:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        _PENDING.discard(temp)
    return path


def _write_all(handle: int, data: bytes) -> None:
    """Write all of *data* to the open file *handle* (a short write is continued; a full
    disk or a size limit then raises OSError)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def _create_temporary(path: Path) -> tuple[str, int]:
    """A new temporary file beside *path* (its folder made if missing), open for writing,
    already known to ``remove_temporaries``: it is registered *before* it exists, so a
    signal arriving at any moment finds it. Its mode is a new file's (umask applied)."""
    prefix = os.path.join(os.path.dirname(path) or ".", temp_prefix(path.name))
    for _ in range(100):
        temp = f"{prefix}{os.getpid()}-{next(_COUNTER)}.part"
        _PENDING.add(temp)
        try:
            return temp, os.open(temp, _CREATE_FLAGS, 0o666)
        except FileExistsError:  # left by a process that had the same number
            _PENDING.discard(temp)
        except FileNotFoundError:
            _PENDING.discard(temp)
            path.parent.mkdir(parents=True, exist_ok=True)
        except BaseException:
            _PENDING.discard(temp)
            raise
    raise FileExistsError(prefix)


_CREATE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
                 | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0))
_COUNTER = itertools.count()
#: Temporary files being written by this process.
_PENDING: set[str] = set()


def remove_temporaries() -> None:
    """Remove the temporary files this process is writing (a signal stops it)."""
    for temp in list(_PENDING):
        try:
            os.unlink(temp)
        except OSError:
            pass


def check_target(path: Path, inputs: Iterable[Path | None] = ()) -> bool:
    """Refuse an output *path* whose name is too long or that is one of *inputs*;
    whether a file is already there."""
    try:
        names = [part.encode("utf-8", "surrogateescape") for part in path.parts]
    except UnicodeEncodeError:
        names = []
    longest = max(names, key=len, default=b"")
    if len(longest) > NAME_MAX or len(os.fsencode(path)) > 4000:
        raise OutputWriteError("output_name_too_long", path=str(path), length=len(longest),
                               limit=NAME_MAX)
    try:
        there = os.stat(path)
    except FileNotFoundError:
        return False  # nothing there: neither an input nor a file to keep
    except OSError:
        there = None
    for source in inputs:
        if source is not None and _same_file(path, there, Path(source)):
            raise OutputWriteError("output_is_input", path=str(path), source=str(source))
    return there is not None


def _same_file(path: Path, there: os.stat_result | None, source: Path) -> bool:
    if there is not None:
        try:
            return os.path.samestat(there, os.stat(source))
        except OSError:
            pass
    return os.path.realpath(path) == os.path.realpath(source)


def is_folder(path: Path) -> bool:
    """Whether *path* is an existing folder (False for a name too long to exist)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def temp_prefix(name: str) -> str:
    """".NAME." for a temporary file beside NAME, short enough to stay within NAME_MAX."""
    if len(name.encode("utf-8", "surrogateescape")) <= _TEMP_NAME_KEEP:
        return f".{name}."
    digest = hashlib.sha1(name.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    kept = name.encode("utf-8", "surrogateescape")[:_TEMP_NAME_KEEP // 2]
    return f".{kept.decode('utf-8', 'ignore')}~{digest}."


def publish(temp: str | Path, path: Path, *, force: bool = False) -> None:
    """Move the finished file *temp* to *path* in one step; without *force*, raise
    FileExistsError rather than replace an existing *path*."""
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails if *path* appeared meanwhile
    except (PermissionError, NotImplementedError):  # file systems without hard links
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(temp, path)
    else:
        os.unlink(temp)
