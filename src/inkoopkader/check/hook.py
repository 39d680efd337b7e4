"""pre-commit entry point: `inkoopkader check` on every staged draft (see `.pre-commit-hooks.yaml`).

pre-commit calls ``python -m inkoopkader.check.hook [OPTIONS] FILE...``: the hook's `args` first, then
the staged files. Each file is checked on its own with the same options, as `inkoopkader check FILE
OPTIONS` would; the exit code is the worst one (2 bad input > 1 gate failed > 0 passed).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import cache


@cache
def _met_waarde() -> frozenset[str]:
    """The options of `inkoopkader check` (and the global ones) that take a value, read from the
    command itself so that a new option is never mistaken for a file; the rest are flags."""
    import typer

    from .. import cli

    groep = typer.main.get_command(cli.app)
    check = groep.commands["check"]  # type: ignore[attr-defined]
    return frozenset(
        naam
        for param in (*groep.params, *check.params)
        if param.param_type_name == "option" and not getattr(param, "is_flag", False)
        for naam in param.opts
    )


def split_args(args: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """(global options, check options, files) from a pre-commit command line."""
    met_waarde = _met_waarde()
    algemeen: list[str] = []
    opties: list[str] = []
    bestanden: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        naam = arg.split("=", 1)[0]
        if naam == "--corpus":  # a global option of the inkoopkader command, before 'check'
            doel = algemeen
        else:
            doel = opties
        if naam in met_waarde and "=" not in arg:
            doel += args[i : i + 2]
            i += 2
            continue
        if arg.startswith("-") and arg != "-":
            doel.append(arg)
        else:
            bestanden.append(arg)
        i += 1
    return algemeen, opties, bestanden


def main(argv: Sequence[str] | None = None) -> int:
    """Check each file; return the worst exit code."""
    from .. import cli

    algemeen, opties, bestanden = split_args(list(sys.argv[1:] if argv is None else argv))
    if any(o.split("=", 1)[0] in ("-o", "--output") for o in opties):
        cli.err_console.print("[bold red]Fout:[/] -o/--output kan niet in de pre-commit-hook (meerdere bestanden).")
        return 2
    slechtste = 0
    for bestand in bestanden:
        try:
            # Outside standalone mode click returns the command's exit code instead of exiting.
            result = cli.app([*algemeen, "check", bestand, *opties], standalone_mode=False)
            code = result if isinstance(result, int) else 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception as exc:  # a usage error (unknown option, missing value): click knows how to show it
            show = getattr(exc, "show", None)
            if callable(show):
                show()
            else:
                cli.err_console.print(f"[bold red]Fout:[/] {bestand}: {exc}")
            code = getattr(exc, "exit_code", 2)
        slechtste = max(slechtste, code)
    return slechtste


if __name__ == "__main__":
    sys.exit(main())
