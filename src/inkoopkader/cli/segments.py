"""`inkoopkader segments`: the procurement segments, or one with its kaders, staff and statutory duties."""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
from typing import Annotated, Optional

import typer

from .basis import app, laad_corpus, user_errors
from .opties import Formaat, TabelOfJson
from .uitvoer import console, kopbreedte, print_json


@app.command("segments")
@user_errors
def segments(
    segment: Annotated[
        Optional[str], typer.Argument(metavar="[SEGMENT]", help="Segment, b.v. wmo-1a, 'Wmo 1a' of jh1.", show_default=False)
    ] = None,
    formaat: TabelOfJson = Formaat.tabel,
) -> None:
    """Toon de inkoopsegmenten, of één segment met de kaders die erbij horen."""
    from rich.panel import Panel
    from rich.table import Table

    from ..model import Relevantie, Thema
    from ..resolve import resolve_segment
    from ..serialize import to_data
    from .frameworks import _kader_summary

    out = console()
    corpus = laad_corpus()
    if segment is None:
        if formaat is Formaat.json:
            print_json({"segmenten": [to_data(s) for s in corpus.segmenten]})
            return
        table = Table(title="Inkoopsegmenten", title_justify="left")
        for column in ("id", "domein", "segment", "doelgroep", "kaders (specifiek/algemeen)"):
            table.add_column(column, overflow="fold")
        for s in corpus.segmenten:
            relaties = corpus.kaders_voor_segment(s.id)
            spec = sum(1 for _, r in relaties if r is Relevantie.SPECIFIEK)
            table.add_row(s.id, s.domein, f"{s.code} {s.naam}", s.doelgroep or "", f"{spec}/{len(relaties) - spec}")
        out.print(table)
        return
    from ..model import Procedure
    from ..personeel import standaard_eisen
    from ..wettelijk import verplichtingen_voor

    found = resolve_segment(corpus, segment)
    relaties = corpus.kaders_voor_segment(found.id)
    if formaat is Formaat.json:
        print_json(
            {
                "segment": to_data(found),
                "personeelseisen": [to_data(e) for e in standaard_eisen(corpus.personeelseisen, found.domein)],
                "wettelijke_verplichtingen": [
                    {"id": v.id, "titel": v.titel, "wet": v.wet.titel, "grondslag": v.grondslag, "url": v.url,
                     "rol": {p.value: r.value for p, r in v.rollen}, "eis": v.eis, "bewijs": v.bewijs}
                    for v in verplichtingen_voor(corpus, found.domein, segment=found.id)
                ],
                "kaders": [
                    {**_kader_summary(k), "relevantie": r.value, "criteria": len(k.criteria)} for k, r in relaties
                ],
            }
        )
        return
    info = Table.grid(padding=(0, 2))
    info.add_row("Domein", found.domein)
    if found.doelgroep:
        info.add_row("Doelgroep", found.doelgroep)
    info.add_row("Omschrijving", found.omschrijving)
    info.add_row("Gebruikelijk aanbod", "\n".join(found.gebruikelijk_aanbod))
    if found.toelichting:
        info.add_row("Let op", found.toelichting)
    info.add_row("Bron", found.bron)
    out.print(Panel(info, title=f"{found.id}: {found.titel}", title_align="left"), width=kopbreedte(out))
    table = Table(title="Kaders voor dit segment", title_justify="left")
    for column in ("nr", "kader", "relevantie", "inzet", "criteria"):
        table.add_column(column, overflow="fold")
    for thema in Thema:
        table.add_column(thema.value[:5] + ".", justify="right")
    for k, relevantie in sorted(relaties, key=lambda kr: (kr[1] is not Relevantie.SPECIFIEK, kr[0].nummer)):
        counts = k.aantallen_per_thema()
        table.add_row(
            str(k.nummer), k.titel, relevantie.value, k.inzet.value, str(len(k.criteria)),
            *(str(counts[t]) if counts[t] else "–" for t in Thema),
        )
    out.print(table)
    out.print(
        "[dim]specifiek: de overzichtstabel van de bron noemt dit segment; "
        "algemeen: de tabel noemt het hele domein.[/]"
    )
    eisen = standaard_eisen(corpus.personeelseisen, found.domein)
    if eisen:
        pers = Table(title="Personeelseisen (standaard bij compose --personeel)", title_justify="left")
        for column in ("id", "eis of vraag", "rol", "uit", "onderbouwing"):
            pers.add_column(column, overflow="fold")
        for eis in eisen:
            bron = eis.niveaus_uit or eis.competenties_uit
            uit = corpus.beroepsprofiel(bron).titel if bron else "–"
            plaatsen = dict.fromkeys(f"{o.plaats} (regel {o.regel})" for o in eis.onderbouwing)  # one citation once
            pers.add_row(eis.id, eis.titel, eis.rol.value, uit, "; ".join(plaatsen))
        out.print(pers)
    verplichtingen = verplichtingen_voor(corpus, found.domein, segment=found.id)
    if verplichtingen:
        wet = Table(title="Wettelijke verplichtingen (standaard in compose; --zonder-wettelijk laat ze weg)",
                    title_justify="left")
        for column in ("id", "verplichting", "grondslag", "rol (aanbesteding)"):
            wet.add_column(column, overflow="fold")
        for v in verplichtingen:
            wet.add_row(v.id, v.titel, v.grondslag, v.rol(Procedure.AANBESTEDING).value)
        out.print(wet)

