"""The files shipped inside the package, found through importlib.resources wherever it is
installed (a wheel, an editable checkout, a zip): the Word template, the national
anniversary calendar and the sample directive. (The message catalogs are read by
``thidua_docs.messages``.)"""

from __future__ import annotations

import atexit
import contextlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

TEMPLATE = ("templates", "phat_dong.docx")
CALENDAR = ("calendars", "anniversaries.yaml")
SAMPLE = ("examples", "mau-phat-dong.yaml")

_EXTRACTED = contextlib.ExitStack()  # files a zipped install had to copy out
atexit.register(_EXTRACTED.close)


@lru_cache(maxsize=None)
def path(parts: tuple[str, ...]) -> Path:
    """A file system path of the bundled file *parts* (e.g. ``bundled.TEMPLATE``)."""
    resource = resources.files(__package__).joinpath(*parts)
    if isinstance(resource, Path):
        return resource
    return _EXTRACTED.enter_context(resources.as_file(resource))
