"""The progress bar of a batch on a terminal: what it does ("Tạo văn bản", then
"Chuyển PDF"), how far, and an ETA across both phases; problems are printed as they
happen, above the bar. In a pipeline (standard error not a terminal) it shows nothing.
"""

from __future__ import annotations

import shutil
import sys
import time

from thidua_docs.messages import message

#: Seconds one document is guessed to take in each phase, until the run has measured it.
_GUESS = {"progress_docx": 0.05, "progress_pdf": 1.5}


class Progress:
    """Counts the documents of the phases (message key → count) in order."""

    def __init__(self, phases: list[tuple[str, int]], enabled: bool, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty() and sum(n for _, n in phases) > 1
        self.phases = phases
        self.index = 0
        self.done = 0
        self.started = time.monotonic()
        self.seconds: dict[str, float] = {}  # measured seconds per document, by phase

    def __enter__(self) -> "Progress":
        self._draw()
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()

    def start(self, key: str, count: int) -> None:
        """Begin the phase *key* of *count* documents (the phases before it are finished)."""
        self._measure()
        self.index = next(i for i, (name, _) in enumerate(self.phases) if name == key)
        self.phases[self.index] = (key, count)
        self.done, self.started = 0, time.monotonic()
        self._draw()

    def step(self, lines: list[str] = ()) -> None:
        """One document of the current phase is finished; *lines* tell what went wrong."""
        self.done += 1
        self._measure()
        if lines:
            self._clear()
            for line in lines:
                self.stream.write(f"{line}\n")
        self._draw()

    def _measure(self) -> None:
        key, _ = self.phases[self.index]
        if self.done:
            self.seconds[key] = (time.monotonic() - self.started) / self.done

    def eta(self) -> float:
        """Seconds left: what remains of this phase and all of the next ones."""
        left = 0.0
        for i, (key, count) in enumerate(self.phases[self.index:], start=self.index):
            remaining = count - self.done if i == self.index else count
            left += remaining * self.seconds.get(key, _GUESS.get(key, 0.1))
        return left

    def _clear(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")

    def _draw(self) -> None:
        if not self.enabled:
            return
        key, count = self.phases[self.index]
        fraction = self.done / count if count else 1.0
        width = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - 50))
        bar = "#" * round(width * fraction) + "-" * (width - round(width * fraction))
        left = self.eta()
        eta = "" if self.done == count and self.index == len(self.phases) - 1 else \
            "  " + message("progress_eta", minutes=int(left // 60), seconds=int(left % 60))
        self._clear()
        self.stream.write(f"{message(key)} [{bar}] {self.done}/{count} {fraction:4.0%}{eta}")
        self.stream.flush()
