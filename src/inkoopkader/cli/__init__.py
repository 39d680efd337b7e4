"""The `inkoopkader` command line: a thin typer layer over the library, one module per command.

This package is the only part of inkoopkader that prints or exits. `basis` holds the app, the
global options and the error handling; `opties` the options that several commands share and the
translation of selection flags into a `select.Verzoek`; `uitvoer` the consoles; `nederlands` the
Dutch translation of click's own texts. Each command registers itself when its module is imported:

    frameworks.py  segments.py  search.py  compose.py  init.py  check.py  diff.py  validate.py  serve.py

`hook` is the pre-commit hook (`python -m inkoopkader.cli.hook`): `check` on every staged draft.

`app` (the whole app, every command) is made on first use; the console script (`main`) imports
only the module of the command it runs.
"""

from typing import Any

from .basis import app_voor, main

__all__ = ["app", "main"]


def __getattr__(naam: str) -> Any:
    if naam == "app":
        from .basis import volledige_app

        return volledige_app()
    if naam in ("console", "err_console"):  # the rich consoles (for the pre-commit hook)
        from . import uitvoer

        return getattr(uitvoer, naam)()
    if naam == "_parse_dekking":
        from .check import _parse_dekking

        return _parse_dekking
    if naam == "_app_voor":
        return app_voor
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
