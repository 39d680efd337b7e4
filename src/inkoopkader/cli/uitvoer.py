"""What the command line writes: the two rich consoles (made on first use), errors and JSON.

rich costs ~40 ms to import; `inkoopkader --help` and a usage error never need it, so nothing here
imports it before a command prints. Output that goes to a pipe or a file is not wrapped: a console
that is not a terminal is as wide as its longest line (unless COLUMNS says otherwise), so `| grep`
and `> rapport.txt` see whole lines and tables keep their columns.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

# Rules and panels are drawn at most this wide when the console has no width of its own (a pipe).
KOPBREEDTE = 100
_ONBEPERKT = 10_000  # "no wrapping": wider than any line the CLI prints

_consoles: dict[str, Console] = {}


def _maak(stderr: bool) -> Console:
    from rich.console import Console

    stroom = sys.stderr if stderr else sys.stdout
    try:
        terminal = stroom.isatty()
    except (AttributeError, ValueError, OSError):
        terminal = False
    breedte = None
    if not terminal and not os.environ.get("COLUMNS", "").strip().isdigit():
        breedte = _ONBEPERKT
    # No file= argument: rich then writes to whatever sys.stdout/stderr is at print time (CliRunner
    # swaps them per invocation).
    return Console(stderr=stderr, width=breedte)


def console() -> Console:
    """The console for results (standard output)."""
    return _console("out")


def err_console() -> Console:
    """The console for messages (standard error)."""
    return _console("err")


def _console(naam: str) -> Console:
    if naam in _consoles:  # set by a test
        return _consoles[naam]
    stroom = sys.stderr if naam == "err" else sys.stdout
    # One per stream and width: a test runner swaps the streams and COLUMNS between invocations.
    sleutel = (naam, id(stroom), os.environ.get("COLUMNS"))
    if sleutel not in _gemaakt:
        _gemaakt.clear() if len(_gemaakt) > 8 else None
        _gemaakt[sleutel] = _maak(stderr=naam == "err")
    return _gemaakt[sleutel]


_gemaakt: dict[tuple[str, int, str | None], Console] = {}


def zet_console(naam: str, waarde: Console | None) -> None:
    """Replace (or, with None, forget) a console: for tests that want a terminal."""
    if waarde is None:
        _consoles.pop(naam, None)
    else:
        _consoles[naam] = waarde


def kopbreedte(out: Console) -> int:
    """The width for a rule or panel: the terminal's, or KOPBREEDTE in a pipe."""
    return min(out.width, KOPBREEDTE) if out.width >= _ONBEPERKT else out.width


def fout(melding: str) -> None:
    """'Fout: …' on standard error (plain when stderr is not a terminal)."""
    schrijf_fout(f"Fout: {melding}", "bold red", len("Fout:"))


def let_op(melding: str) -> None:
    schrijf_fout(f"Let op: {melding}", "yellow", len("Let op:"))


def schrijf_fout(tekst: str, stijl: str = "", kop: int = 0) -> None:
    """A line on standard error; the first `kop` characters in `stijl` on a terminal. Never raises:
    when stderr itself is gone, the exit code says it."""
    try:
        stroom = sys.stderr
        kleur = _is_terminal(stroom) and "NO_COLOR" not in os.environ and stijl
        if kleur and kop:
            codes = {"bold red": "1;31", "yellow": "33", "green": "32"}
            tekst = f"\x1b[{codes.get(stijl, '0')}m{tekst[:kop]}\x1b[0m{tekst[kop:]}"
        stroom.write(tekst + "\n")
        stroom.flush()
    except (OSError, ValueError, AttributeError):
        pass


def _is_terminal(stroom: Any) -> bool:
    try:
        return bool(stroom.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def afgebroken() -> None:
    schrijf_fout("Afgebroken.")


def io_fout(exc: OSError) -> int:
    """Exit code 2 for an I/O error; a message unless the reader of a pipe went away (`| head`)."""
    if exc.errno != errno.EPIPE:
        waar = f" ({exc.filename})" if exc.filename else ""
        reden = _IO_REDENEN.get(exc.errno or 0) or exc.strerror or str(exc)
        fout(f"lezen of schrijven mislukt{waar}: {reden}.")
    return 2


_IO_REDENEN = {
    errno.ENOSPC: "geen ruimte meer (de schijf of de uitvoer is vol)",
    errno.EACCES: "geen toegang",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EIO: "invoer-/uitvoerfout van het apparaat",
}


def print_json(data: Any) -> None:
    """JSON on plain stdout (not rich), so the output is valid JSON in any terminal."""
    from ..serialize import SCHEMA_VERSION

    sys.stdout.write(json.dumps({"schema_version": SCHEMA_VERSION, **data}, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def rich_text(text: str, style: str = "") -> Any:
    """Criterion text with `**vet**`/`*cursief*` rendered as real bold/italic (a rich Text)."""
    from rich.text import Text

    from ..text import markup_runs

    result = Text(style=style)
    for fragment, bold, italic in markup_runs(text):
        result.append(fragment, style=("bold " if bold else "") + ("italic" if italic else ""))
    return result
