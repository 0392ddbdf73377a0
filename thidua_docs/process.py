"""The ``thidua`` process: the garbage collector set for a command-line run, then the CLI.

A run starts by importing some 350 modules, and nearly every object it makes then lives
until the process ends: collecting while they are made finds nothing, and walking them
all again at exit costs more than rendering a document. So young objects are collected
less often (cycles are still found), and at exit the survivors are frozen, not walked.
"""

from __future__ import annotations

import gc

#: Collector thresholds for a run (Python's default is 700, 10, 10).
RUN_THRESHOLDS = (50_000, 20, 100)


def main() -> None:
    """Run ``thidua`` with the arguments of this process."""
    gc.set_threshold(*RUN_THRESHOLDS)
    try:
        from thidua_docs.cli import main as run

        run()
    finally:
        gc.freeze()
