"""Run one independent step of `check` in a forked child process while the parent does another.

`check` scans a read draft twice, independently: matching the criteria (the long scan) and finding
kader and outdated references (about a tenth of a run on a long draft). A CI runner has at least two
cores, so in the console script a child process finds the references while the parent matches.

Only where that is cheap and safe:

* in the console script, which owns its process (`sta_toe`); a program that imports the library
  never sees a fork;
* on Linux (macOS forks badly once system frameworks are loaded, Windows has no fork), with at
  least two cores available to the process;
* with a single thread in the process (forking a threaded process can deadlock the child; the
  progress bar on a terminal is a thread, so an interactive run simply stays sequential);
* on a draft long enough for the gain to beat the cost of the fork.

Anything that goes wrong in the child (an exception, a crash, an unreadable answer) makes the parent
run the step itself, so errors are raised where they always were and results never differ.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

MIN_BLOKKEN = 1500  # below this, forking (a few ms) costs about what it saves

_toegestaan = False


def sta_toe() -> None:
    """Allow forking in this process (the console script calls this; the library never does)."""
    global _toegestaan
    _toegestaan = True


def mag_vorken(blokken: int) -> bool:
    """Whether a step over a draft of this many blocks should run in a child process."""
    return (
        _toegestaan
        and blokken >= MIN_BLOKKEN
        and sys.platform == "linux"
        and hasattr(os, "fork")
        and len(os.sched_getaffinity(0)) >= 2  # on one core the child would only take turns
        and threading.active_count() == 1
    )


class Achtergrond(Generic[T]):
    """`taak()` started in a child process; `resultaat()` waits for it (or runs it here after all).

    With `vorken=False` nothing is started and `resultaat()` simply runs the step.
    """

    def __init__(self, taak: Callable[[], T], *, vorken: bool) -> None:
        self._taak = taak
        self._pid: int | None = None
        self._lezen: int | None = None
        if not vorken:
            return
        try:
            lezen, schrijven = os.pipe()
        except OSError:
            return
        try:
            pid = os.fork()
        except OSError:
            os.close(lezen)
            os.close(schrijven)
            return
        if pid == 0:  # the child: compute, send, and leave without running any exit handler
            try:
                gc.disable()  # short-lived; a collection would only copy the parent's pages
                os.close(lezen)
                try:
                    antwoord = pickle.dumps((True, taak()), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:  # noqa: BLE001 — the parent repeats the step and raises it there
                    antwoord = pickle.dumps((False, None))
                with os.fdopen(schrijven, "wb") as uit:
                    uit.write(antwoord)
            finally:
                os._exit(0)
        os.close(schrijven)
        self._pid, self._lezen = pid, lezen

    def resultaat(self) -> T:
        """The child's result; if it has none to give, the step's own result (or exception) here."""
        if self._pid is None or self._lezen is None:
            return self._taak()
        try:
            with os.fdopen(self._lezen, "rb") as invoer:
                data = invoer.read()
        finally:
            os.waitpid(self._pid, 0)
            self._pid = self._lezen = None
        try:
            gelukt, waarde = pickle.loads(data)
        except Exception:  # noqa: BLE001 — a killed child leaves no or half an answer
            gelukt, waarde = False, None
        return waarde if gelukt else self._taak()  # type: ignore[no-any-return]

    def afbreken(self) -> None:
        """Stop the child: its result is no longer wanted (the parent's own step failed)."""
        if self._pid is None or self._lezen is None:
            return
        try:
            os.kill(self._pid, signal.SIGKILL)
        except OSError:
            pass
        os.close(self._lezen)
        os.waitpid(self._pid, 0)
        self._pid = self._lezen = None
