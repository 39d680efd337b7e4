"""The typer app, its global options, the error handling every command shares, and `main`.

Exit codes: 0 ok, 1 findings (validate, diff) or a failed gate (check), 2 bad input or an I/O error
(a full or closed standard output too), 130 Ctrl-C. No input ever ends in a traceback: `main`
turns anything unexpected into "Interne fout" with exit 2.

Commands live in their own modules (`COMMANDO_MODULES`) and register themselves on `app` when
imported; `main` imports only the module of the command it runs.
"""

# No `from __future__ import annotations` here: typer reads every option's type from the
# annotations, and string annotations would be compiled and evaluated again on every run.
import functools
import re
import sys
from collections.abc import Callable
from enum import Enum
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from . import nederlands
from .uitvoer import afgebroken, fout, io_fout

nederlands.installeer()

ENV_CORPUS = "INKOOPKADER_CORPUS"  # = corpus.ENV_CORPUS (not imported: --help must not load the corpus code)

APP_INSTELLINGEN: dict[str, Any] = dict(
    name="inkoopkader",
    help="Kwaliteitscriteria uit vijftien kwaliteitskaders voor inkoop van jeugdhulp en Wmo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: rich help would import rich (~40 ms) for every --help and usage error.
    rich_markup_mode=None,
)
app = typer.Typer(**APP_INSTELLINGEN)

# Command name -> module (in the order `inkoopkader --help` lists them).
COMMANDO_MODULES = {
    "frameworks": "frameworks",
    "segments": "segments",
    "search": "search",
    "compose": "compose",
    "init": "init",
    "check": "check",
    "diff": "diff",
    "validate": "validate",
    "serve": "serve",
}

F = TypeVar("F", bound=Callable[..., Any])


class State:
    corpus_dir: Optional[Path] = None
    eigen_proces = False  # run as the console script (main): this process is ours alone


def user_errors(func: F) -> F:
    """Turn library errors into a Dutch message and exit code 2, never a traceback; the same for
    an I/O error (a full disk or standard output). Ctrl-C says so and exits with 130."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ..errors import InkoopkaderError

        try:
            _controleer_tekstopties(kwargs)
            return func(*args, **kwargs)
        except InkoopkaderError as exc:
            fout(cli_melding(exc))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            afgebroken()
            raise typer.Exit(130) from None
        except OSError as exc:
            raise typer.Exit(io_fout(exc)) from None

    return wrapper  # type: ignore[return-value]


def cli_melding(exc: Exception) -> str:
    """A library error as the command line says it: where the library speaks of its parameters
    ('force'), the CLI names its flags (-o, --force). The library's messages never name flags."""
    from ..output import BestaatAl

    if isinstance(exc, BestaatAl):
        return f"'{exc.pad}' bestaat al{exc.toelichting}. Kies een andere naam met -o of overschrijf met --force."
    return str(exc)


_ONGELDIGE_UTF8 = re.compile("[\ud800-\udfff]")


def _controleer_tekstopties(kwargs: dict[str, Any]) -> None:
    """Refuse a text option that was not valid UTF-8 on the command line (Python keeps such bytes
    as lone surrogates, which no output format accepts). Paths are left alone: a file name may
    legitimately be any bytes."""
    for naam, waarde in kwargs.items():
        for tekst in waarde if isinstance(waarde, list) else [waarde]:
            if isinstance(tekst, str) and not isinstance(tekst, Enum) and _ONGELDIGE_UTF8.search(tekst):
                from ..errors import InkoopkaderError

                getoond = tekst.encode("utf-8", "backslashreplace").decode("ascii", "replace")[:60]
                optie = "de zoekterm" if naam == "query" else f"--{naam.replace('_', '-')}"
                raise InkoopkaderError(f"De waarde van {optie} ('{getoond}') is geen geldige UTF-8-tekst; "
                                       "controleer de tekenset van de terminal of het script.")


def laad_corpus() -> Any:
    """The corpus of --corpus / $INKOOPKADER_CORPUS, or the bundled one."""
    from ..corpus import load_corpus

    return load_corpus(State.corpus_dir)


def _version_callback(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from .. import __version__
        from ..corpus import load_corpus
        from ..errors import InkoopkaderError

        try:
            # Eager: runs before --corpus is parsed, so only $INKOOPKADER_CORPUS applies here.
            corpus = load_corpus()
            corpus_info = (f"corpus {corpus.versienaam} ({len(corpus.kaders)} kaders, "
                           f"{sum(1 for _ in corpus.criteria())} criteria)")
        except InkoopkaderError as exc:
            corpus_info = f"corpus niet te laden: {exc}"
        sys.stdout.write(f"inkoopkader {__version__}, {corpus_info}\n")
        raise typer.Exit()


@app.callback()
def _main(
    corpus: Annotated[
        Optional[Path],
        typer.Option(
            "--corpus",
            envvar=ENV_CORPUS,
            help="Map met een eigen corpus (frameworks/, segments/, …). Standaard het meegeleverde corpus.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Toon de versie van het pakket en het corpus.", is_eager=True,
            callback=_version_callback,
        ),
    ] = False,
) -> None:
    """Kwaliteitscriteria voor aanbestedingen jeugdhulp en Wmo, uit vijftien kwaliteitskaders."""
    State.corpus_dir = corpus


def laad_commando(naam: str) -> None:
    """Import the module of one command (it registers itself on `app`)."""
    import_module(f".{COMMANDO_MODULES[naam]}", __package__)


def volledige_app() -> typer.Typer:
    """`app` with every command registered, in the order of COMMANDO_MODULES."""
    for naam in COMMANDO_MODULES:
        laad_commando(naam)
    volgorde = list(COMMANDO_MODULES)
    app.registered_commands.sort(key=lambda c: volgorde.index(c.name) if c.name in volgorde else len(volgorde))
    return app


def app_voor(argumenten: list[str]) -> typer.Typer:
    """The app with only the command these arguments call (the whole app when that is unclear).

    Typer builds every command's options from its signature before it parses anything; for one
    `check` in a CI pipeline that is ~20 ms spent on the other commands, and importing their
    modules costs more. Help, usage errors and suggestions for a mistyped command still come from
    the whole app.
    """
    commando: Optional[str] = None
    i = 0
    while i < len(argumenten):
        arg = argumenten[i]
        if arg == "--corpus":
            i += 2
            continue
        if arg.startswith("--corpus="):
            i += 1
            continue
        if not arg.startswith("-"):
            commando = arg
        break
    if commando not in COMMANDO_MODULES:
        return volledige_app()
    laad_commando(commando)
    gekozen = [c for c in app.registered_commands if c.name == commando]
    deel = typer.Typer(**APP_INSTELLINGEN)
    deel.registered_callback = app.registered_callback
    deel.registered_commands = gekozen
    return deel


def main() -> None:
    """Console-script entry point."""
    import gc

    # One short-lived command: reference counting frees what it can, and the cyclic collector would
    # only re-scan the corpus and the draft again and again (~20 ms on a long draft).
    gc.disable()
    State.eigen_proces = True
    _standaardstromen()
    try:
        app_voor(sys.argv[1:])()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # a message instead of a number
            fout(str(exc.code))
            code = 2
    except KeyboardInterrupt:  # before or after a command runs (inside one, user_errors has it)
        afgebroken()
        code = 130
    except OSError as exc:
        code = io_fout(exc)
    except Exception as exc:  # noqa: BLE001 - never a traceback, and never exit 1 ('rejected')
        fout(f"Interne fout ({type(exc).__name__}: {exc}). Dit hoort niet te gebeuren: meld het probleem.")
        code = 2
    _exit_now(code)


class _GeslotenUitvoer:
    """Standard output or error that the caller closed (`>&-`): every write is an I/O error."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, _tekst: str) -> int:
        import errno

        raise OSError(errno.EBADF, "de standaarduitvoer is gesloten")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import errno

        raise OSError(errno.EBADF, "de standaarduitvoer is gesloten")

    @property
    def buffer(self) -> "_GeslotenUitvoer":
        return self


def _standaardstromen() -> None:
    """Standard output and error as the CLI needs them: a closed one raises an I/O error on use
    (exit 2) instead of AttributeError, and text that was not UTF-8 on the command line (a draft
    name) is written with backslash escapes instead of failing to encode."""
    for naam in ("stdout", "stderr"):
        stroom = getattr(sys, naam)
        if stroom is None:
            setattr(sys, naam, _GeslotenUitvoer())
        elif hasattr(stroom, "reconfigure"):
            try:
                stroom.reconfigure(errors="backslashreplace")
            except (OSError, ValueError):
                pass


def _exit_now(code: int) -> None:
    """Exit without tearing down the interpreter.

    Freeing the corpus and a long draft object by object at exit takes ~40 ms, a tenth of a whole
    `check` run in a CI pipeline. Everything has been written and closed by now; only the standard
    streams need flushing.
    """
    import os

    try:
        sys.stdout.flush()
    except OSError as exc:  # a full disk or a closed stream: what was written is lost
        code = io_fout(exc) if code in (0, 1) else code
    except (ValueError, AttributeError):
        pass
    try:
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(code)
