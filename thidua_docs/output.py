"""Write output files whole or not at all, never over an input, never replace one unasked."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import tempfile
from pathlib import Path
from typing import Iterable

from thidua_docs.exceptions import OutputExistsError, OutputWriteError
from thidua_docs.messages import os_reason

#: The longest file name (bytes) Linux, macOS and Windows file systems take.
NAME_MAX = 255
#: Temporary names keep this much of the target's name, then a hash (".NAME.XXXX.part").
_TEMP_NAME_KEEP = 200


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Permissions of new files, as open() would give them (mkstemp alone gives 0600).
FILE_MODE = 0o666 & ~_current_umask()


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
    check_target(path, inputs)
    if path.exists() and not force:
        raise OutputExistsError("output_exists", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _signals_held():  # a stopped worker must know of every file it made
            handle, temp_name = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=".part",
                                                 dir=path.parent)
            temp = Path(temp_name)
            _PENDING.add(temp)
    except OSError as exc:
        raise OutputWriteError("output_unwritable", path=str(path), reason=os_reason(exc)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, FILE_MODE)
        publish(temp, path, force=force)
    except FileExistsError:
        raise OutputExistsError("output_exists", path=str(path)) from None
    except OSError as exc:
        raise OutputWriteError("output_unwritable", path=str(path), reason=os_reason(exc)) from None
    finally:
        temp.unlink(missing_ok=True)
        _PENDING.discard(temp)
    return path


@contextlib.contextmanager
def _signals_held():
    """SIGTERM and SIGHUP wait until the block is done (where the platform allows)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGHUP})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


#: Temporary files being written by this process.
_PENDING: set[Path] = set()


def remove_temporaries() -> None:
    """Remove the temporary files this process is writing (a signal stops it)."""
    for temp in list(_PENDING):
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass


def check_target(path: Path, inputs: Iterable[Path | None] = ()) -> None:
    """Refuse an output *path* whose name is too long or that is one of *inputs*."""
    try:
        names = [part.encode("utf-8", "surrogateescape") for part in path.parts]
    except UnicodeEncodeError:
        names = []
    longest = max(names, key=len, default=b"")
    if len(longest) > NAME_MAX or len(os.fsencode(path)) > 4000:
        raise OutputWriteError("output_name_too_long", path=str(path), length=len(longest),
                               limit=NAME_MAX)
    for source in inputs:
        if source is not None and _same_file(path, Path(source)):
            raise OutputWriteError("output_is_input", path=str(path), source=str(source))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


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


def publish(temp: Path, path: Path, *, force: bool = False) -> None:
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
