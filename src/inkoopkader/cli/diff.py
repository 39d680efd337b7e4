"""`inkoopkader diff`: what changed between two corpus directories."""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .basis import app, user_errors


class DiffUitvoer(str, Enum):
    tekst = "tekst"
    json = "json"


@app.command("diff")
@user_errors
def diff_command(
    oud: Annotated[Path, typer.Argument(metavar="OUDE-MAP", help="De oude corpusmap (met frameworks/).", show_default=False)],
    nieuw: Annotated[Path, typer.Argument(metavar="NIEUWE-MAP", help="De nieuwe corpusmap (met frameworks/).", show_default=False)],
    formaat: Annotated[DiffUitvoer, typer.Option("--format", "-f", help="tekst of json.")] = DiffUitvoer.tekst,
) -> None:
    """Vergelijk twee corpusmappen: nieuwe, vervallen en gewijzigde criteria (tekst, labels, aanbestedingslaag), kaders en segmenten.

    Exitcode 0: geen verschillen; 1: er zijn verschillen; 2: onjuiste invoer (map ontbreekt, een
    bestand dat niet aan het schema voldoet). Een corpus dat een inhoudsregel van nu overtreedt (een
    eerdere uitgave) wordt wel vergeleken; de uitvoer noemt die regels als opmerking.
    """
    import json

    from ..corpus import load_corpus_schema
    from ..diff import naar_data, naar_tekst, vergelijk

    # An earlier release may break content rules added since: compare it anyway, with notes.
    oud_corpus, notities_oud = load_corpus_schema(oud)
    nieuw_corpus, notities_nieuw = load_corpus_schema(nieuw)
    verschil = vergelijk(oud_corpus, nieuw_corpus, oud_pad=str(oud), nieuw_pad=str(nieuw),
                         notities_oud=notities_oud, notities_nieuw=notities_nieuw)
    if formaat is DiffUitvoer.json:
        sys.stdout.write(json.dumps(naar_data(verschil), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(naar_tekst(verschil))
    raise typer.Exit(0 if verschil.leeg else 1)
