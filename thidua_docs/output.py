"""Write output files whole or not at all, and never replace one unasked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from thidua_docs.exceptions import OutputExistsError, OutputWriteError


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Permissions of new files, as open() would give them (mkstemp alone gives 0600).
FILE_MODE = 0o666 & ~_current_umask()


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write *data* to *path* through a temporary file in the same folder.

    Without *force* an existing file is kept and OutputExistsError raised;
    the check and the rename are one atomic step (a hard link). The rename
    makes the file appear whole even if the process is killed mid-way.
    """
    path = Path(path)
    if path.exists() and not force:
        raise OutputExistsError("output_exists", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                             dir=path.parent)
    except OSError as exc:
        raise OutputWriteError("output_unwritable", path=str(path), reason=exc.strerror) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, FILE_MODE)
        publish(temp, path, force=force)
    except FileExistsError:
        raise OutputExistsError("output_exists", path=str(path)) from None
    except OSError as exc:
        raise OutputWriteError("output_unwritable", path=str(path), reason=exc.strerror) from None
    finally:
        temp.unlink(missing_ok=True)
    return path


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
