"""A per-user folder of files derived from bundled data (the parsed message catalogs, the
compiled template), each named by a hash of what it was derived from.

Only plain data is stored (JSON, XML, bytes): nothing read back from the cache is ever run
or unpickled. A missing, stale or unwritable cache only costs time.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path


def folder() -> Path:
    """THIDUA_CACHE_DIR, else the platform's cache folder for thidua-docs."""
    override = os.environ.get("THIDUA_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "thidua-docs"


def digest(*blobs: bytes) -> str:
    """A short hash naming what a cached file was derived from."""
    hasher = hashlib.sha256()
    for blob in blobs:
        hasher.update(len(blob).to_bytes(8, "little"))
        hasher.update(blob)
    return hasher.hexdigest()[:24]


def read(name: str) -> bytes | None:
    """The cached file *name*, or None."""
    try:
        return (folder() / name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    """Store *data* as *name*, whole (temporary file, then rename) or not at all."""
    target = folder() / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, target)
    except OSError:
        try:
            os.unlink(temp)
        except (OSError, UnboundLocalError):
            pass
