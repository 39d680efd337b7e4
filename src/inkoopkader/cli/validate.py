"""`inkoopkader validate`: check a corpus directory."""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
from pathlib import Path
from typing import Annotated, Optional

import typer

from .basis import State, app, user_errors
from .uitvoer import console, err_console


@app.command("validate")
@user_errors
def validate(
    directory: Annotated[
        Optional[Path], typer.Argument(metavar="[MAP]", help="Corpusmap; standaard het gebruikte corpus.", show_default=False)
    ] = None,
) -> None:
    """Controleer een corpusmap: schema, unieke ID's, bekende segmenten en thema's, opmaak."""
    from rich.markup import escape

    from ..corpus import load_corpus
    from ..errors import CorpusFout, aantal

    target = directory or State.corpus_dir
    try:
        corpus = load_corpus(target, cache=False)  # validated from scratch, built once
    except CorpusFout as exc:
        err = err_console()
        for finding in exc.bevindingen:
            err.print(escape(str(finding)), highlight=False)
        err.print(f"[bold red]{aantal(len(exc.bevindingen), 'bevinding', 'bevindingen')}; het corpus is ongeldig.[/]",
                  highlight=False)
        raise typer.Exit(1) from None
    from ..corpus import corpus_waarschuwingen

    uitgave = f", corpusversie {corpus.uitgave.versie}" if corpus.uitgave else ""
    console().print(
        f"[green]Geldig:[/] {aantal(len(corpus.kaders), 'kader', 'kaders')}, "
        f"{aantal(sum(1 for _ in corpus.criteria()), 'criterium', 'criteria')}, "
        f"{aantal(len(corpus.segmenten), 'segment', 'segmenten')}{uitgave} ({corpus.pad}).",
        highlight=False,
    )
    waarschuwingen = corpus_waarschuwingen(corpus)
    for waarschuwing in waarschuwingen:  # not findings: the corpus is valid, but someone should look
        err_console().print(f"[yellow]Let op:[/] {escape(str(waarschuwing))}", highlight=False)
    if waarschuwingen:
        err_console().print(f"[yellow]{aantal(len(waarschuwingen), 'waarschuwing', 'waarschuwingen')}; het corpus is "
                            "wel geldig.[/]", highlight=False)
