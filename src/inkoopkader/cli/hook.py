"""pre-commit entry point: `inkoopkader check` on every staged draft (see `.pre-commit-hooks.yaml`).

pre-commit calls ``python -m inkoopkader.cli.hook [OPTIONS] FILE...``: the hook's `args` first, then
the staged files. Each file is checked on its own with the same options, as `inkoopkader check FILE
OPTIONS` would; the exit code is the worst one (2 bad input > 1 gate failed > 0 passed).
It prints and exits, so it lives in `cli/`, not in the library's `check/` package.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from functools import cache


@cache
def _opties() -> tuple[frozenset[str], frozenset[str]]:
    """(options that take a value, flags) of `inkoopkader check` and the global options, read from
    the command itself so that a new option is never mistaken for a file, nor a file for an option."""
    import typer

    from .basis import volledige_app

    groep = typer.main.get_command(volledige_app())
    check = groep.commands["check"]  # type: ignore[attr-defined]
    met_waarde: set[str] = set()
    vlaggen: set[str] = set()
    for param in (*groep.params, *check.params):
        if param.param_type_name != "option":
            continue
        namen = [*param.opts, *getattr(param, "secondary_opts", ())]
        (vlaggen if getattr(param, "is_flag", False) else met_waarde).update(namen)
    return frozenset(met_waarde), frozenset(vlaggen)


def _met_waarde() -> frozenset[str]:
    """The options that take a value."""
    return _opties()[0]


def split_args(args: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """(global options, check options, files) from a pre-commit command line.

    pre-commit puts the hook's `args` first and the staged files after them, so everything from the
    first file on is a file, also a name that starts with '-' ('-concept.md' must be checked, not
    taken for an option and skipped). Every argument that names an existing file is a file, also
    one that looks like an option of the command: a staged file named '--zoek=meldcode.md' would
    otherwise never be checked and narrow the selection for the real draft. An argument that looks
    like an option but is none of the command's is passed on, and `check` refuses it. A '--' ends
    the options explicitly.
    """
    met_waarde, vlaggen = _opties()
    algemeen: list[str] = []
    opties: list[str] = []
    bestanden: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if bestanden:
            bestanden.append(arg)
            i += 1
            continue
        if arg == "--":
            bestanden.extend(args[i + 1:])
            break
        if arg != "-" and os.path.lexists(arg):
            bestanden.append(arg)  # a (staged) file, whatever its name looks like
            i += 1
            continue
        naam = arg.split("=", 1)[0]
        doel = algemeen if naam == "--corpus" else opties  # a global option of inkoopkader, before 'check'
        if naam in met_waarde and "=" not in arg:
            doel += args[i : i + 2]
            i += 2
            continue
        if naam in met_waarde or arg in vlaggen:
            doel.append(arg)
        elif arg.startswith("-") and arg != "-":
            doel.append(arg)  # an unknown option: check gives the usage error (exit 2)
        else:
            bestanden.append(arg)
        i += 1
    return algemeen, opties, bestanden


def main(argv: Sequence[str] | None = None) -> int:
    """Check each file; return the worst exit code."""
    from .basis import volledige_app
    from .uitvoer import err_console

    algemeen, opties, bestanden = split_args(list(sys.argv[1:] if argv is None else argv))
    if any(o.split("=", 1)[0] in ("-o", "--output") for o in opties):
        err_console().print("[bold red]Fout:[/] -o/--output kan niet in de pre-commit-hook (meerdere bestanden).")
        return 2
    slechtste = 0
    for bestand in bestanden:
        try:
            # Outside standalone mode click returns the command's exit code instead of exiting.
            # '--' before the file: a name that starts with '-' is a file, never an option.
            result = volledige_app()([*algemeen, "check", *opties, "--", bestand], standalone_mode=False)
            code = result if isinstance(result, int) else 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception as exc:  # a usage error (unknown option, missing value): click knows how to show it
            show = getattr(exc, "show", None)
            if callable(show):
                show()
            else:
                err_console().print(f"[bold red]Fout:[/] {bestand}: {exc}")
            code = getattr(exc, "exit_code", 2)
        slechtste = max(slechtste, code)
    return slechtste


if __name__ == "__main__":
    sys.exit(main())
