"""`inkoopkader search`: criteria (and items of the professional profiles) by text."""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
from typing import Annotated

import typer

from .basis import app, laad_corpus, user_errors
from . import opties
from .opties import Formaat, TabelOfJson
from .uitvoer import console, print_json, rich_text


@app.command("search")
@user_errors
def search(
    query: Annotated[str, typer.Argument(metavar="ZOEKTERM", help="Zoekterm(en), b.v. meldcode of 'eigen regie'.")],
    thema: opties.Themas = None,
    kader: opties.Kaders = None,
    segment: opties.Segment = None,
    limiet: Annotated[int, typer.Option("--limiet", "-n", min=1, help="Maximaal aantal resultaten.")] = 20,
    formaat: TabelOfJson = Formaat.tabel,
) -> None:
    """Zoek criteria op tekst.

    Hoofdletters, accenten en verbuigingen maken niet uit; samenstellingen worden herkend
    ('klachtenregeling' vindt ook 'klachtenprocedure'), afkortingen ook voluit ('VOG' vindt 'verklaring
    omtrent het gedrag'). Een tikfout wordt alleen in lange woorden vergeven.
    """
    from rich.markup import escape
    from rich.table import Table

    from ..resolve import resolve_kader, resolve_segment, resolve_thema
    from ..search import find as zoek
    from ..search import find_profielen as zoek_profielen
    from ..serialize import to_data

    out = console()
    corpus = laad_corpus()
    themas = [resolve_thema(t) for t in thema or []]
    kaders = [resolve_kader(corpus, k).nummer for k in kader or []]
    segment_id = resolve_segment(corpus, segment).id if segment else None
    hits = zoek(corpus, query, themas=themas, kaders=kaders, segment=segment_id, limiet=limiet)
    # Profile items have no kader or thema: they are searched only when no such filter is set.
    profiel_hits = [] if (themas or kaders or segment_id) else zoek_profielen(corpus, query, limiet=limiet)
    if formaat is Formaat.json:
        print_json(
            {
                "zoekterm": query,
                "totaal": hits.totaal,
                "afgekapt": hits.afgekapt,
                "resultaten": [
                    {"score": h.score, "fragment": h.fragment, "criterium": to_data(h.criterium)} for h in hits
                ],
                "profielen": [
                    {"score": h.score, "fragment": h.fragment, "profiel": h.profiel_titel, "item": to_data(h.item)}
                    for h in profiel_hits
                ],
            }
        )
        return
    if profiel_hits:
        ptable = Table(title=f"In beroepsprofielen voor '{escape(query)}'", title_justify="left")
        for column in ("id", "profiel", "regel", "score", "fragment"):
            ptable.add_column(column, overflow="fold")
        for ph in profiel_hits:
            ptable.add_row(ph.item.id, ph.profiel_titel, str(ph.item.regel), f"{ph.score:.0f}", ph.fragment)
    if not hits:
        out.print(f"Geen criteria gevonden voor '{escape(query)}'.")
        if profiel_hits:
            out.print(ptable)
        return
    table = Table(title=f"Zoekresultaten voor '{escape(query)}'", title_justify="left")
    for column in ("id", "kader", "thema", "score", "fragment"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        k = corpus.kader_van(hit.criterium)
        table.add_row(
            hit.criterium.id, f"{k.nummer}. {k.sleutel}", ", ".join(t.value for t in hit.criterium.thema),
            f"{hit.score:.0f}", rich_text(hit.fragment),
        )
    out.print(table)
    if hits.afgekapt:
        out.print(
            f"[dim]{len(hits)} van {hits.totaal} criteria getoond (--limiet {limiet}); "
            f"alle: --limiet {hits.totaal}.[/]", highlight=False,
        )
    if profiel_hits:
        out.print(ptable)

