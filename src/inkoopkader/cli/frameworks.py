"""`inkoopkader frameworks`: the fifteen kaders, or every detail of one."""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
from typing import Annotated, Any, Optional

import typer

from .basis import app, laad_corpus, user_errors
from .opties import Formaat, TabelOfJson
from .uitvoer import console, kopbreedte, print_json, rich_text


def _segment_summary(kader: Any) -> str:
    from ..model import Relevantie

    specifiek = [r.segment for r in kader.segmenten if r.relevantie is Relevantie.SPECIFIEK]
    algemeen = [r.segment for r in kader.segmenten if r.relevantie is Relevantie.ALGEMEEN]
    parts = []
    if specifiek:
        parts.append(", ".join(specifiek))
    domains = sorted({s.split("-")[0] for s in algemeen})
    if domains:
        parts.append("algemeen: " + ", ".join(domains))
    return "; ".join(parts)


@app.command("frameworks")
@user_errors
def frameworks(
    kader: Annotated[
        Optional[str], typer.Argument(metavar="[KADER]", help="Nummer of sleutel van een kader, b.v. 8 of jij-kader.", show_default=False)
    ] = None,
    formaat: TabelOfJson = Formaat.tabel,
) -> None:
    """Toon de kwaliteitskaders, of alle details van één kader."""
    from rich.table import Table

    from ..model import Thema
    from ..resolve import resolve_kader
    from ..serialize import to_data

    out = console()
    corpus = laad_corpus()
    if kader is None:
        if formaat is Formaat.json:
            print_json({"kaders": [_kader_summary(k) for k in corpus.kaders]})
            return
        table = Table(title="Kwaliteitskaders", title_justify="left", show_lines=False)
        for column in ("nr", "sleutel", "titel", "uitgever", "jaar", "segmenten"):
            table.add_column(column, overflow="fold")
        for thema in Thema:
            table.add_column(thema.value[:5] + ".", justify="right")
        for k in corpus.kaders:
            counts = k.aantallen_per_thema()
            table.add_row(
                str(k.nummer), k.sleutel, k.titel, k.uitgever, str(k.jaar), _segment_summary(k),
                *(str(counts[t]) if counts[t] else "–" for t in Thema),
            )
        out.print(table)
        total = sum(len(k.criteria) for k in corpus.kaders)
        out.print(f"{len(corpus.kaders)} kaders, {total} criteria. Details: inkoopkader frameworks NR", highlight=False)
        return
    found = resolve_kader(corpus, kader)
    if formaat is Formaat.json:
        print_json({"kader": to_data(found)})
        return
    _print_kader(corpus, found)


def _kader_summary(kader: Any) -> dict[str, Any]:
    from ..serialize import to_data

    return {
        "nummer": kader.nummer,
        "sleutel": kader.sleutel,
        "titel": kader.titel,
        "uitgever": kader.uitgever,
        "jaar": kader.jaar,
        "verwijzing": kader.verwijzingsadvies.value,
        "inzet": kader.inzet.value,
        "segmenten": to_data(kader.segmenten),
        "criteria_per_thema": {t.value: n for t, n in kader.aantallen_per_thema().items()},
    }


def _print_items(items: tuple[Any, ...], depth: int = 1) -> None:
    from rich.text import Text

    for item in items:
        line = Text("  " * depth + ("" if item.label else "• "))
        line.append_text(rich_text(item.weergave))
        console().print(line)
        _print_items(item.items, depth + 1)


def _print_criterium(criterium: Any) -> None:
    from rich.text import Text

    head = Text(f"{criterium.id}", style="bold cyan")
    if criterium.nummer:
        head.append(f" (nr {criterium.nummer})", style="cyan")
    head.append(f" [{' + '.join(d.value for d in criterium.doelgroepen)}] ", style="dim")
    if criterium.titel:
        head.append(f"{criterium.titel} ", style="bold")
    head.append_text(rich_text(criterium.tekst))
    console().print(head)
    if criterium.duplicaat_van:
        console().print(f"  [dim]Zelfde tekst als {criterium.duplicaat_van} (de bron herhaalt het criterium).[/]")
    if criterium.redactie:
        console().print(Text(f"  Redactie: {criterium.redactie}", style="italic magenta"))
    _print_items(criterium.items)
    for paragraph in criterium.vervolg:
        console().print(Text("  ").append_text(rich_text(paragraph)))
    for notitie in criterium.notities:
        label = notitie.kop or notitie.soort.value
        note = Text(f"  {label}: ", style="italic yellow")
        note.append_text(rich_text(notitie.tekst, style="dim"))
        console().print(note)
        _print_items(notitie.items, 2)


def _print_kader(corpus: Any, kader: Any) -> None:
    from rich.markup import escape
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.table import Table

    from ..model import Thema

    meta = Table.grid(padding=(0, 2))
    meta.add_row("Uitgever", kader.uitgever)
    meta.add_row("Jaar", str(kader.jaar))
    meta.add_row("Segmenten", kader.overzicht.inkoopsegment + f"  ({_segment_summary(kader)})")
    meta.add_row("Bij inkoop", f"{kader.inzet.value}; als geheel verwijzen: {kader.verwijzingsadvies.value}")
    if kader.inkoop is not None:
        meta.add_row("Waarom", f"{kader.inkoop.inzet_reden} {kader.inkoop.verwijzing_reden}")
    meta.add_row("Bron", f"{kader.bron.document}, hoofdstuk {kader.bron.sectie}, p. {kader.bron.pagina}")
    if kader.bron_url:
        meta.add_row("Het kader zelf", kader.bron_url)
    controle = f"{kader.gecontroleerd_op:%d-%m-%Y}" if kader.gecontroleerd_op else "nooit"
    if kader.opvolger is not None:
        opvolger = kader.opvolger.titel + (f" ({kader.opvolger.jaar})" if kader.opvolger.jaar else "")
        meta.add_row("Nieuwere editie", f"{opvolger} (gecontroleerd {controle})")
    else:
        meta.add_row("Nieuwere editie", f"geen bekend (gecontroleerd {controle})")
    console().print(Panel(meta, title=f"{kader.nummer}. {kader.titel}", title_align="left"), width=kopbreedte(console()))
    for title, text in (
        ("Toelichting", kader.overzicht.toelichting),
        ("Hoe te gebruiken", kader.overzicht.hoe_te_gebruiken),
        ("Korte toelichting", kader.korte_toelichting),
        ("Hoe tot stand gekomen", kader.totstandkoming),
        ("Opbouw", kader.opbouw),
    ):
        console().print(f"\n[bold]{title}[/]")
        console().print(rich_text(text))
    for act in kader.actualiteit:
        onderwerp = corpus.onderwerp(act.onderwerp)
        waar = f" ({', '.join(act.criteria)})" if act.criteria else ""
        console().print(
            f"[bold yellow]Let op:[/] {escape(onderwerp.term)}{waar} is sinds {onderwerp.sinds:%d-%m-%Y} "
            f"{escape(onderwerp.vervangen_door)}",
            highlight=False,
        )
    paden = {c.groep[:n] for c in kader.criteria for n in range(1, len(c.groep) + 1)}
    # Headings with only text (no criteria of their own) are shown where they are in the source.
    los = sorted((g for g in kader.groep_toelichtingen if g.groep not in paden), key=lambda g: g.regel or 0)
    group: tuple[str, ...] = ()

    def betreed(nieuw: tuple[str, ...]) -> None:
        """Print every heading level entered (with its text) on the way from `group` to `nieuw`."""
        nonlocal group
        for diepte in range(1, len(nieuw) + 1):
            if nieuw[:diepte] != group[:diepte]:
                console().print(f"\n[bold magenta]{escape(' › '.join(nieuw[:diepte]))}[/]")
                intro = kader.groep_toelichting(nieuw[:diepte])
                if intro:
                    console().print(rich_text(intro, style="dim"))
        group = nieuw

    for thema in Thema:
        console().print(Rule(f"[bold]{thema.label}"), width=kopbreedte(console()))
        if thema in kader.thema_toelichting:
            console().print(rich_text(kader.thema_toelichting[thema], style="dim"))
        group = ()
        for criterium in kader.criteria_voor(thema):
            while los and (los[0].regel or 0) < criterium.regel:
                betreed(los.pop(0).groep)
            if criterium.groep != group:
                betreed(criterium.groep)
            _print_criterium(criterium)
        if thema in kader.thema_afsluiting:
            console().print(rich_text(kader.thema_afsluiting[thema], style="dim"))
    for toelichting in los:
        betreed(toelichting.groep)
    if kader.correcties:
        console().print(Rule("Correcties op de brontekst"), width=kopbreedte(console()))
        for corr in kader.correcties:
            waar = corr.criterium or corr.veld
            console().print(f"{waar} (regel {corr.regel}): '{escape(corr.was)}' → '{escape(corr.wordt)}' — {escape(corr.reden)}", highlight=False)

