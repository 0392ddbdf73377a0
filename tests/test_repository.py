"""The repository itself: CI's entry point parses, and no merge left conflict markers behind."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MARKER = re.compile(rb"^(<{7}|>{7}) |^={7}$", re.MULTILINE)


def test_ci_entry_point_is_valid_bash():
    result = subprocess.run(["bash", "-n", str(REPO / ".ci" / "run")], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()


def test_no_merge_conflict_markers_in_tracked_files():
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    names = [name for name in tracked.stdout.decode().split("\0") if name]
    marked = [name for name in names
              if (REPO / name).is_file() and MARKER.search((REPO / name).read_bytes())]
    assert not marked, f"conflict markers left in {marked}"
