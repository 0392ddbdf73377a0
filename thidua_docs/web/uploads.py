"""An uploaded file placed on disk for the library, under a safe name, only while it is used."""

from __future__ import annotations

import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def saved_upload(data: bytes, filename: str) -> Iterator[Path]:
    """*data* written to a temporary folder under *filename* (its letters, digits, dots and
    dashes: the library's messages name it), removed with the folder afterwards."""
    name = Path(filename).name
    with tempfile.TemporaryDirectory(prefix="thidua-upload-") as folder:
        path = Path(folder) / (re.sub(r"[^\w.-]+", "-", name) or f"upload{Path(name).suffix}")
        path.write_bytes(data)
        yield path
