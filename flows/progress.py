"""Progress of a run, for whoever watches: the CLI shows bars, a served run
shows nothing. Stages report through the reporter set here (threads of one
process share it); without one, reporting is a no-op."""

from __future__ import annotations

import threading
from typing import Protocol


class ProgressReporter(Protocol):
    def start(self, phase: str, total: int) -> None: ...

    def advance(self, phase: str, amount: int = 1) -> None: ...


_lock = threading.Lock()
_reporter: ProgressReporter | None = None


def set_reporter(reporter: ProgressReporter | None) -> None:
    global _reporter
    with _lock:
        _reporter = reporter


def start(phase: str, total: int) -> None:
    with _lock:
        if _reporter is not None:
            _reporter.start(phase, total)


def advance(phase: str, amount: int = 1) -> None:
    with _lock:
        if _reporter is not None:
            _reporter.advance(phase, amount)


class RichProgress:
    """Bars on stderr for fetching and reading."""

    LABELS = {"fetch": "fetching", "read": "reading"}

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False,
        )
        self._tasks: dict[str, int] = {}

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self._progress.stop()

    def start(self, phase: str, total: int) -> None:
        self._tasks[phase] = self._progress.add_task(self.LABELS.get(phase, phase), total=max(total, 0))

    def advance(self, phase: str, amount: int = 1) -> None:
        if phase in self._tasks:
            self._progress.advance(self._tasks[phase], amount)
