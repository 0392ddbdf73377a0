"""Run ../shared/ooxml/validate.py (Office Open XML as Word judges it) over .docx files.

Used by tests/test_ooxml_valid.py and by the session-wide audit in conftest.py, which
validates every .docx of ours that the test session wrote, in one validator process.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VALIDATOR = REPO.parent / "shared" / "ooxml" / "validate.py"
ABSENT = f"the OOXML validator {VALIDATOR} is absent (../shared is not beside the repository)"
#: A test that writes a .docx broken on purpose names it so; the audit leaves it alone.
BROKEN_ON_PURPOSE = ".invalid.docx"
#: The creator our template writes into docProps/core.xml: the file is ours.
OUR_CREATOR = b"<dc:creator>thidua-docs</dc:creator>"


def available() -> bool:
    return VALIDATOR.is_file()


def validate(paths: list[Path]) -> tuple[int, dict[Path, list[str]]]:
    """The validator's exit status and the error lines of each file (empty when valid)."""
    result = subprocess.run([sys.executable, str(VALIDATOR), "--no-warnings",
                             *map(str, paths)], capture_output=True, text=True, timeout=900)
    errors: dict[Path, list[str]] = {Path(p): [] for p in paths}
    # With several files each report starts "# FILE: N errors in M parts"; with one, no header.
    current: list[str] | None = errors[Path(paths[0])] if len(paths) == 1 else None
    for line in result.stdout.splitlines():
        if line.startswith("# ") and ": " in line:
            current = errors.setdefault(Path(line[2:line.rindex(": ")]), [])
        elif line.startswith("ooxml: "):
            current = None
        elif current is not None and line.strip():
            current.append(line)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"validate.py failed: {result.stderr or result.stdout}")
    return result.returncode, errors


def is_ours(path: Path) -> bool:
    """Whether *path* is a .docx made from our template (rendered by thidua or a copy of
    such a file), not a test's own input or a file broken on purpose."""
    if path.name.endswith(BROKEN_ON_PURPOSE):
        return False
    try:
        with zipfile.ZipFile(path) as package:
            return OUR_CREATOR in package.read("docProps/core.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def audit(folder: Path) -> list[str]:
    """Every error of every .docx of ours under *folder*, as "file: error" lines."""
    ours = sorted(path for path in folder.rglob("*.docx") if is_ours(path))
    if not ours:
        return []
    _, errors = validate(ours)
    return [f"{path}: {error}" for path, lines in errors.items() for error in lines]
