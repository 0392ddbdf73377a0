"""The ``thidua`` process: the garbage collector set for a command-line run, then the CLI.

A run starts by importing some 350 modules, and nearly every object it makes then lives
until the process ends: collecting while they are made finds nothing, and walking them
all again at exit costs more than rendering a document. So young objects are collected
less often (cycles are still found), and at exit the survivors are frozen, not walked.
"""

from __future__ import annotations

import gc

#: Collector thresholds for a run (Python's default is 700, 10, 10).
RUN_THRESHOLDS = (100_000, 20, 100)
#: Python's own thresholds, for a process that runs for days (``thidua serve``).
SERVER_THRESHOLDS = (700, 10, 10)


def serving() -> None:
    """Set the collector for a long-lived server: what start-up made is frozen (never
    walked again), and garbage is collected as often as Python's default."""
    gc.freeze()
    gc.set_threshold(*SERVER_THRESHOLDS)


def main() -> None:
    """Run ``thidua`` with the arguments of this process."""
    gc.set_threshold(*RUN_THRESHOLDS)
    try:
        from thidua_docs.cli import main as run

        run()
    finally:
        gc.freeze()
