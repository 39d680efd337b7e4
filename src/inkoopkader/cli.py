"""The `inkoopkader` command line: a thin typer/rich layer over the library.

This is the only module that prints or exits. Exit codes: 0 ok, 1 findings (validate) or a failed
gate (check), 2 bad input or an I/O error (a full or closed standard output too), 130 Ctrl-C. No
input ever ends in a traceback: `main` turns anything unexpected into "Interne fout" with exit 2.
"""

# No `from __future__ import annotations` here: typer reads every option's type from the
# annotations, and string annotations would be compiled and evaluated again on every run.
import errno
import functools
import json
import re
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import __version__
from .corpus import ENV_CORPUS, load_corpus
from .errors import CorpusFout, InkoopkaderError
from .model import Corpus, Criterium, Item, Kader, Relevantie, Thema
from .resolve import resolve_kader, resolve_segment, resolve_thema
from .serialize import SCHEMA_VERSION, to_data
from .text import markup_runs

_APP_INSTELLINGEN: dict[str, Any] = dict(
    name="inkoopkader",
    help="Kwaliteitscriteria uit vijftien kwaliteitskaders voor inkoop van jeugdhulp en Wmo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
app = typer.Typer(**_APP_INSTELLINGEN)
console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


class Formaat(str, Enum):
    tabel = "tabel"
    json = "json"


class _State:
    corpus_dir: Optional[Path] = None
    eigen_proces = False  # run as the console script (main): this process is ours alone


def _user_errors(func: F) -> F:
    """Turn library errors into a Dutch message and exit code 2, never a traceback; the same for
    an I/O error (a full disk or standard output). Ctrl-C says so and exits with 130."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            _controleer_tekstopties(kwargs)
            return func(*args, **kwargs)
        except InkoopkaderError as exc:
            _fout(str(exc))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            _afgebroken()
            raise typer.Exit(130) from None
        except OSError as exc:
            raise typer.Exit(_io_fout(exc)) from None

    return wrapper  # type: ignore[return-value]


def _fout(melding: str) -> None:
    try:
        err_console.print(f"[bold red]Fout:[/] {escape(melding)}")
    except (OSError, ValueError):  # stderr itself is gone: the exit code says it
        pass


def _afgebroken() -> None:
    try:
        err_console.print("Afgebroken.")
    except (OSError, ValueError):
        pass


def _io_fout(exc: OSError) -> int:
    """Exit code 2 for an I/O error; a message unless the reader of a pipe went away (`| head`)."""
    if exc.errno != errno.EPIPE:
        waar = f" ({exc.filename})" if exc.filename else ""
        reden = _IO_REDENEN.get(exc.errno or 0) or exc.strerror or str(exc)
        _fout(f"lezen of schrijven mislukt{waar}: {reden}.")
    return 2


_IO_REDENEN = {
    errno.ENOSPC: "geen ruimte meer (de schijf of de uitvoer is vol)",
    errno.EACCES: "geen toegang",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EIO: "invoer-/uitvoerfout van het apparaat",
}


_ONGELDIGE_UTF8 = re.compile("[\ud800-\udfff]")


def _controleer_tekstopties(kwargs: dict[str, Any]) -> None:
    """Refuse a text option that was not valid UTF-8 on the command line (Python keeps such bytes
    as lone surrogates, which no output format accepts). Paths are left alone: a file name may
    legitimately be any bytes."""
    for naam, waarde in kwargs.items():
        for tekst in waarde if isinstance(waarde, list) else [waarde]:
            if isinstance(tekst, str) and not isinstance(tekst, Enum) and _ONGELDIGE_UTF8.search(tekst):
                getoond = tekst.encode("utf-8", "backslashreplace").decode("ascii", "replace")[:60]
                optie = "de zoekterm" if naam == "query" else f"--{naam.replace('_', '-')}"
                raise InkoopkaderError(f"De waarde van {optie} ('{getoond}') is geen geldige UTF-8-tekst; "
                                       "controleer de tekenset van de terminal of het script.")


def _corpus() -> Corpus:
    return load_corpus(_State.corpus_dir)


def _print_json(data: Any) -> None:
    # Plain stdout (not rich) so the output is valid JSON even in a narrow terminal.
    sys.stdout.write(json.dumps({"schema_version": SCHEMA_VERSION, **data}, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def _rich_text(text: str, style: str = "") -> Text:
    """Criterion text with `**vet**`/`*cursief*` rendered as real bold/italic."""
    result = Text(style=style)
    for fragment, bold, italic in markup_runs(text):
        result.append(fragment, style=("bold " if bold else "") + ("italic" if italic else ""))
    return result


def _version_callback(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        try:
            # Eager: runs before --corpus is parsed, so only $INKOOPKADER_CORPUS applies here.
            corpus = load_corpus()
            corpus_info = f"corpus {corpus.versienaam} ({len(corpus.kaders)} kaders, {sum(1 for _ in corpus.criteria())} criteria)"
        except InkoopkaderError as exc:
            corpus_info = f"corpus niet te laden: {exc}"
        console.print(f"inkoopkader {__version__}, {corpus_info}", highlight=False)
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
    _State.corpus_dir = corpus


# --- frameworks ------------------------------------------------------------------------------------


def _segment_summary(kader: Kader) -> str:
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
@_user_errors
def frameworks(
    kader: Annotated[
        Optional[str], typer.Argument(help="Nummer of sleutel van een kader, b.v. 8 of jij-kader.", show_default=False)
    ] = None,
    formaat: Annotated[Formaat, typer.Option("--format", "-f", help="Uitvoer: tabel of json.")] = Formaat.tabel,
) -> None:
    """Toon de kwaliteitskaders, of alle details van één kader."""
    corpus = _corpus()
    if kader is None:
        if formaat is Formaat.json:
            _print_json({"kaders": [_kader_summary(k) for k in corpus.kaders]})
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
        console.print(table)
        total = sum(len(k.criteria) for k in corpus.kaders)
        console.print(f"{len(corpus.kaders)} kaders, {total} criteria. Details: inkoopkader frameworks NR", highlight=False)
        return
    found = resolve_kader(corpus, kader)
    if formaat is Formaat.json:
        _print_json({"kader": to_data(found)})
        return
    _print_kader(corpus, found)


def _kader_summary(kader: Kader) -> dict[str, Any]:
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


def _print_items(items: tuple[Item, ...], depth: int = 1) -> None:
    for item in items:
        line = Text("  " * depth + ("" if item.label else "• "))
        line.append_text(_rich_text(item.weergave))
        console.print(line)
        _print_items(item.items, depth + 1)


def _print_criterium(criterium: Criterium) -> None:
    head = Text(f"{criterium.id}", style="bold cyan")
    if criterium.nummer:
        head.append(f" (nr {criterium.nummer})", style="cyan")
    head.append(f" [{' + '.join(d.value for d in criterium.doelgroepen)}] ", style="dim")
    if criterium.titel:
        head.append(f"{criterium.titel} ", style="bold")
    head.append_text(_rich_text(criterium.tekst))
    console.print(head)
    if criterium.duplicaat_van:
        console.print(f"  [dim]Zelfde tekst als {criterium.duplicaat_van} (de bron herhaalt het criterium).[/]")
    if criterium.redactie:
        console.print(Text(f"  Redactie: {criterium.redactie}", style="italic magenta"))
    _print_items(criterium.items)
    for paragraph in criterium.vervolg:
        console.print(Text("  ").append_text(_rich_text(paragraph)))
    for notitie in criterium.notities:
        label = notitie.kop or notitie.soort.value
        note = Text(f"  {label}: ", style="italic yellow")
        note.append_text(_rich_text(notitie.tekst, style="dim"))
        console.print(note)
        _print_items(notitie.items, 2)


def _print_kader(corpus: Corpus, kader: Kader) -> None:
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
    console.print(Panel(meta, title=f"{kader.nummer}. {kader.titel}", title_align="left"))
    for title, text in (
        ("Toelichting", kader.overzicht.toelichting),
        ("Hoe te gebruiken", kader.overzicht.hoe_te_gebruiken),
        ("Korte toelichting", kader.korte_toelichting),
        ("Hoe tot stand gekomen", kader.totstandkoming),
        ("Opbouw", kader.opbouw),
    ):
        console.print(f"\n[bold]{title}[/]")
        console.print(_rich_text(text))
    for act in kader.actualiteit:
        onderwerp = corpus.onderwerp(act.onderwerp)
        waar = f" ({', '.join(act.criteria)})" if act.criteria else ""
        console.print(
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
                console.print(f"\n[bold magenta]{escape(' › '.join(nieuw[:diepte]))}[/]")
                intro = kader.groep_toelichting(nieuw[:diepte])
                if intro:
                    console.print(_rich_text(intro, style="dim"))
        group = nieuw

    for thema in Thema:
        console.rule(f"[bold]{thema.label}")
        if thema in kader.thema_toelichting:
            console.print(_rich_text(kader.thema_toelichting[thema], style="dim"))
        group = ()
        for criterium in kader.criteria_voor(thema):
            while los and (los[0].regel or 0) < criterium.regel:
                betreed(los.pop(0).groep)
            if criterium.groep != group:
                betreed(criterium.groep)
            _print_criterium(criterium)
        if thema in kader.thema_afsluiting:
            console.print(_rich_text(kader.thema_afsluiting[thema], style="dim"))
    for toelichting in los:
        betreed(toelichting.groep)
    if kader.correcties:
        console.rule("Correcties op de brontekst")
        for corr in kader.correcties:
            waar = corr.criterium or corr.veld
            console.print(f"{waar} (regel {corr.regel}): '{escape(corr.was)}' → '{escape(corr.wordt)}' — {escape(corr.reden)}", highlight=False)


# --- segments ---------------------------------------------------------------------------------------


@app.command("segments")
@_user_errors
def segments(
    segment: Annotated[
        Optional[str], typer.Argument(help="Segment, b.v. wmo-1a, 'Wmo 1a' of jh1.", show_default=False)
    ] = None,
    formaat: Annotated[Formaat, typer.Option("--format", "-f", help="Uitvoer: tabel of json.")] = Formaat.tabel,
) -> None:
    """Toon de inkoopsegmenten, of één segment met de kaders die erbij horen."""
    corpus = _corpus()
    if segment is None:
        if formaat is Formaat.json:
            _print_json({"segmenten": [to_data(s) for s in corpus.segmenten]})
            return
        table = Table(title="Inkoopsegmenten", title_justify="left")
        for column in ("id", "domein", "segment", "doelgroep", "kaders (specifiek/algemeen)"):
            table.add_column(column, overflow="fold")
        for s in corpus.segmenten:
            relaties = corpus.kaders_voor_segment(s.id)
            spec = sum(1 for _, r in relaties if r is Relevantie.SPECIFIEK)
            table.add_row(s.id, s.domein, f"{s.code} {s.naam}", s.doelgroep or "", f"{spec}/{len(relaties) - spec}")
        console.print(table)
        return
    from .model import Procedure
    from .personeel import standaard_eisen
    from .wettelijk import verplichtingen_voor

    found = resolve_segment(corpus, segment)
    relaties = corpus.kaders_voor_segment(found.id)
    if formaat is Formaat.json:
        _print_json(
            {
                "segment": to_data(found),
                "personeelseisen": [to_data(e) for e in standaard_eisen(corpus.personeelseisen, found.domein)],
                "wettelijke_verplichtingen": [
                    {"id": v.id, "titel": v.titel, "wet": v.wet.titel, "grondslag": v.grondslag, "url": v.url,
                     "rol": {p.value: r.value for p, r in v.rollen}, "eis": v.eis, "bewijs": v.bewijs}
                    for v in verplichtingen_voor(corpus, found.domein)
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
    console.print(Panel(info, title=f"{found.id}: {found.titel}", title_align="left"))
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
    console.print(table)
    console.print(
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
        console.print(pers)
    verplichtingen = verplichtingen_voor(corpus, found.domein)
    if verplichtingen:
        wet = Table(title="Wettelijke verplichtingen (standaard in compose; --zonder-wettelijk laat ze weg)",
                    title_justify="left")
        for column in ("id", "verplichting", "grondslag", "rol (aanbesteding)"):
            wet.add_column(column, overflow="fold")
        for v in verplichtingen:
            wet.add_row(v.id, v.titel, v.grondslag, v.rol(Procedure.AANBESTEDING).value)
        console.print(wet)


# --- search -----------------------------------------------------------------------------------------


@app.command("search")
@_user_errors
def search(
    query: Annotated[str, typer.Argument(help="Zoekterm(en), b.v. meldcode of 'eigen regie'.")],
    thema: Annotated[Optional[list[str]], typer.Option("--thema", "-t", help="Alleen dit thema (herhaalbaar).")] = None,
    kader: Annotated[Optional[list[str]], typer.Option("--kader", "-k", help="Alleen dit kader (nummer of sleutel).")] = None,
    segment: Annotated[Optional[str], typer.Option("--segment", "-s", help="Alleen kaders voor dit segment.")] = None,
    limiet: Annotated[int, typer.Option("--limiet", "-n", min=1, help="Maximaal aantal resultaten.")] = 20,
    formaat: Annotated[Formaat, typer.Option("--format", "-f", help="Uitvoer: tabel of json.")] = Formaat.tabel,
) -> None:
    """Zoek criteria op tekst.

    Hoofdletters, accenten en verbuigingen maken niet uit; samenstellingen worden herkend
    ('klachtenregeling' vindt ook 'klachtenprocedure'), afkortingen ook voluit ('VOG' vindt 'verklaring
    omtrent het gedrag'). Een tikfout wordt alleen in lange woorden vergeven.
    """
    from .search import find as zoek, find_profielen as zoek_profielen

    corpus = _corpus()
    themas = [resolve_thema(t) for t in thema or []]
    kaders = [resolve_kader(corpus, k).nummer for k in kader or []]
    segment_id = resolve_segment(corpus, segment).id if segment else None
    hits = zoek(corpus, query, themas=themas, kaders=kaders, segment=segment_id, limiet=limiet)
    # Profile items have no kader or thema: they are searched only when no such filter is set.
    profiel_hits = [] if (themas or kaders or segment_id) else zoek_profielen(corpus, query, limiet=limiet)
    if formaat is Formaat.json:
        _print_json(
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
        console.print(f"Geen criteria gevonden voor '{escape(query)}'.")
        if profiel_hits:
            console.print(ptable)
        return
    table = Table(title=f"Zoekresultaten voor '{escape(query)}'", title_justify="left")
    for column in ("id", "kader", "thema", "score", "fragment"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        k = corpus.kader_van(hit.criterium)
        table.add_row(
            hit.criterium.id, f"{k.nummer}. {k.sleutel}", ", ".join(t.value for t in hit.criterium.thema),
            f"{hit.score:.0f}", _rich_text(hit.fragment),
        )
    console.print(table)
    if hits.afgekapt:
        console.print(
            f"[dim]{len(hits)} van {hits.totaal} criteria getoond (--limiet {limiet}); "
            f"alle: --limiet {hits.totaal}.[/]", highlight=False,
        )
    if profiel_hits:
        console.print(ptable)


# --- compose ----------------------------------------------------------------------------------------


class Uitvoer(str, Enum):
    docx = "docx"
    md = "md"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    ocds = "ocds"


def _split_ids(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


@app.command("compose")
@_user_errors
def compose_command(
    segment: Annotated[Optional[str], typer.Option("--segment", "-s", help="Inkoopsegment, b.v. wmo-1a of 'Jeugdhulp 4'.", show_default=False)] = None,
    profiel: Annotated[Optional[Path], typer.Option("--profiel", "-p", help="Selectieprofiel (YAML) van 'inkoopkader init'.", show_default=False)] = None,
    procedure: Annotated[Optional[str], typer.Option("--procedure", help="aanbesteding (standaard), open-house of subsidie.", show_default=False)] = None,
    thema: Annotated[Optional[list[str]], typer.Option("--thema", "-t", help="Alleen dit thema (herhaalbaar).")] = None,
    kader: Annotated[Optional[list[str]], typer.Option("--kader", "-k", help="Alleen dit kader (nummer of sleutel; herhaalbaar).")] = None,
    zonder_kader: Annotated[Optional[list[str]], typer.Option("--zonder-kader", help="Laat dit kader weg (herhaalbaar).")] = None,
    doelgroep: Annotated[Optional[list[str]], typer.Option("--doelgroep", help="Alleen criteria voor organisatie, professional of gemeente.")] = None,
    zoekterm: Annotated[Optional[str], typer.Option("--zoek", help="Alleen criteria die bij deze zoekterm passen.", show_default=False)] = None,
    ids: Annotated[Optional[list[str]], typer.Option("--id", help="Criterium-ID('s), herhaalbaar of met komma's; krijgen hun voorkeursrol.")] = None,
    alleen_specifiek: Annotated[bool, typer.Option("--alleen-specifiek", help="Alleen kaders die de bron aan precies dit segment koppelt.")] = False,
    rol: Annotated[Optional[str], typer.Option("--rol", help="Eén rol voor alle criteria die die rol kunnen hebben: minimumeis, uitvoeringsvoorwaarde, gunningscriterium …", show_default=False)] = None,
    vorm: Annotated[Optional[str], typer.Option("--vorm", hidden=True, show_default=False)] = None,
    bijlagen: Annotated[bool, typer.Option("--bijlagen", help="Voeg bijlagen toe: criteria ter inspiratie, aandachtspunten voor de gemeente, de gebruikte kaders.")] = False,
    prijs: Annotated[Optional[int], typer.Option("--prijs", min=0, max=99, help="Weging van de prijs in procenten (standaard 0: vaste tarieven, gunning op kwaliteit).", show_default=False)] = None,
    zonder_toelichting: Annotated[bool, typer.Option("--zonder-toelichting", help="Laat toelichtingen uit de bron (b.v. 'Waar kijkt de inspectie naar?') weg.")] = False,
    gemeente: Annotated[Optional[str], typer.Option("--gemeente", help="Naam van de gemeente (titelpagina).", show_default=False)] = None,
    titel: Annotated[Optional[str], typer.Option("--titel", help="Titel van het document.", show_default=False)] = None,
    kenmerk: Annotated[Optional[str], typer.Option("--kenmerk", help="Kenmerk of zaaknummer.", show_default=False)] = None,
    versie: Annotated[Optional[str], typer.Option("--versie", help="Versie van het document (standaard die uit het profiel, anders 1.0).", show_default=False)] = None,
    datum: Annotated[Optional[str], typer.Option("--datum", help="Datum (JJJJ-MM-DD); standaard vandaag.", show_default=False)] = None,
    formaat: Annotated[Uitvoer, typer.Option("--format", "-f", help="docx, md, json, csv (de traceerbaarheid), xlsx (vragenlijst voor een aanbestedingsplatform) of ocds (gunningscriteria als OCDS/eForms-JSON).")] = Uitvoer.docx,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Uitvoerbestand ('-' = standaarduitvoer voor md/json/csv/ocds).", show_default=False)] = None,
    zonder_traceerbaarheid: Annotated[bool, typer.Option("--zonder-traceerbaarheid", help="Schrijf geen traceerbaarheidsbestand (…-traceerbaarheid.csv) naast het document.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand bestand.")] = False,
    sjabloon: Annotated[Optional[Path], typer.Option("--sjabloon", help="Huisstijlsjabloon (.docx of .dotx) van de gemeente.", show_default=False)] = None,
    personeel: Annotated[bool, typer.Option("--personeel", help="Voeg 'Deskundigheid en inzet van personeel' toe (standaard voor het domein).")] = False,
    personeelseis: Annotated[Optional[list[str]], typer.Option("--personeelseis", help="Kies personeelseisen zelf (pe-…; herhaalbaar of met komma's).")] = None,
    functieniveau: Annotated[Optional[list[str]], typer.Option("--functieniveau", help="Alleen deze functieniveaus (b.v. B,C of wce-niv-b).")] = None,
    personeel_rol: Annotated[Optional[str], typer.Option("--personeel-rol", help="uitvoeringsvoorwaarde, minimumeis of gunningscriterium voor alle personeelseisen.", show_default=False)] = None,
    wettelijk: Annotated[Optional[bool], typer.Option("--wettelijk/--zonder-wettelijk", help="Met of zonder het hoofdstuk 'Wettelijke verplichtingen' (VOG, meldcode, klachten, medezeggenschap …); standaard erin, behalve bij --id of --zoek.", show_default=False)] = None,
) -> None:
    """Stel een aanbestedingsklaar document met kwaliteitseisen en gunningscriteria samen voor een segment."""
    import datetime as dt
    from dataclasses import replace

    from .compose import GunningInstelling, compose
    from .document import default_filename, traceerbaarheid_filename
    from .output import controleer_doel, write_atomic
    from .select import parse_doelgroep, parse_procedure, parse_rol, select

    if vorm is not None:
        raise InkoopkaderError(
            "--vorm bestaat niet meer: criteria hebben nu een rol. Gebruik --rol (minimumeis, "
            "uitvoeringsvoorwaarde, gunningscriterium of inspiratie); een criterium krijgt alleen een rol die "
            "het volgens de aanbestedingslaag kan hebben."
        )
    corpus = _corpus()
    opties: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    if thema:
        opties["themas"] = [resolve_thema(t) for t in thema]
    if kader:
        opties["kaders"] = [resolve_kader(corpus, k).nummer for k in kader]
    if zonder_kader:
        opties["zonder_kaders"] = [resolve_kader(corpus, k).nummer for k in zonder_kader]
    if doelgroep:
        opties["doelgroepen"] = [parse_doelgroep(d) for d in doelgroep]
    if ids:
        opties["ids"] = _split_ids(ids)
    if zoekterm:
        opties["zoekterm"] = zoekterm
    if alleen_specifiek:
        opties["alleen_specifiek"] = True
    if rol:
        opties["rol"] = parse_rol(rol)
    if procedure:
        opties["procedure"] = parse_procedure(procedure)
    if profiel is not None:
        from .profile import load_profile

        loaded = load_profile(corpus, profiel)
        if segment and resolve_segment(corpus, segment).id != loaded.segment:
            raise InkoopkaderError(
                f"Het profiel '{profiel}' is voor segment {loaded.segment}, niet voor {segment}; laat --segment weg."
            )
        verzoek = loaded.verzoek(**opties)
        meta = loaded.compose_kwargs()
    elif not segment:
        raise InkoopkaderError("Geef een segment op met --segment (b.v. --segment wmo-1a) of een profiel met --profiel.")
    else:
        from .select import Verzoek

        verzoek = Verzoek.maak(segment, herkomst=f"segment: {segment}", **opties)
    selectie = select(corpus, verzoek)
    if functieniveau:
        from .personeel import controleer_functieniveaus

        controleer_functieniveaus(corpus.beroepsprofielen, _split_ids(functieniveau))  # 'Z' is no level
    if str(output) != "-":
        # Before the document is built; write_atomic checks again (and creates the file exclusively).
        controleer_doel(output or Path(default_filename(selectie.segment.id, formaat.value, selectie.procedure)),
                        force=force)
    try:
        datum_waarde = dt.date.fromisoformat(datum) if datum else None
    except ValueError:
        raise InkoopkaderError(f"Ongeldige datum '{datum}'; gebruik JJJJ-MM-DD, b.v. 2026-12-01.") from None
    gunning = meta.get("gunning") or GunningInstelling()
    if prijs is not None:
        gunning = replace(gunning, prijs=prijs)
    doc = compose(
        corpus, selectie,
        titel=titel or meta.get("titel"), gemeente=gemeente or meta.get("gemeente"),
        kenmerk=kenmerk or meta.get("kenmerk"), versie=versie or meta.get("versie") or "1.0",
        datum=datum_waarde, met_toelichting=not zonder_toelichting,
        bijlagen=bijlagen or meta.get("bijlagen", False), gunning=gunning,
        personeel=_split_ids(personeelseis) if personeelseis else (personeel or meta.get("personeel", False)),
        functieniveaus=_split_ids(functieniveau) or meta.get("functieniveaus", ()),
        personeel_rol=parse_rol(personeel_rol) if personeel_rol else meta.get("personeel_rol"),
        wettelijk=wettelijk if wettelijk is not None else meta.get("wettelijk"),
    )
    for melding in doc.meldingen:
        err_console.print(f"[yellow]Let op:[/] {escape(melding)}", highlight=False)
    if str(output) == "-":
        if formaat in (Uitvoer.docx, Uitvoer.xlsx):
            soort = "Een Word-document" if formaat is Uitvoer.docx else "Een Excel-bestand"
            raise InkoopkaderError(f"{soort} kan niet naar standaarduitvoer; kies -o BESTAND.{formaat.value}.")
        sys.stdout.buffer.write(doc.render(formaat.value))
        return
    target = output or Path(default_filename(selectie.segment.id, formaat.value, selectie.procedure))
    spoor = None
    if formaat in (Uitvoer.docx, Uitvoer.md) and not zonder_traceerbaarheid:
        spoor = traceerbaarheid_filename(target)
        controleer_doel(spoor, force=force)  # refuse before writing the document, not halfway
    doc.save(target, formaat.value, force=force, sjabloon=sjabloon)
    if spoor is not None:
        write_atomic(spoor, doc.render("csv"), force=force)
    console.print(f"[green]Geschreven:[/] {escape(str(target))} — {_samenvatting_document(doc)}", highlight=False)
    if spoor is not None:
        console.print(f"[green]Traceerbaarheid:[/] {escape(str(spoor))} ({len(doc.traceerbaarheid)} criteria)",
                      highlight=False)


def _samenvatting_document(doc: Any) -> str:
    from .framing import aantallen
    from .model import Rol

    eisen: dict[Any, int] = {}
    for eis in doc.eisen:
        if eis.rol is not Rol.VERWIJZING:
            eisen[eis.rol] = eisen.get(eis.rol, 0) + 1
    tekst = aantallen(doc.procedure, eisen, len(doc.vragen), sum(len(v.aspecten) for v in doc.vragen),
                      len(doc.selectie.verwezen_kaders))
    tekst = tekst.removeprefix("Dit document bevat ").rstrip(".") or "geen eisen of vragen"
    if doc.bijlagen:
        tekst += f"; bijlagen: {', '.join(s.titel.split(' – ')[0] for s in doc.bijlagen)}"
    return tekst + "."


@app.command("init")
@_user_errors
def init_command(
    segment: Annotated[Optional[str], typer.Option("--segment", "-s", help="Inkoopsegment, b.v. wmo-1a.", show_default=False)] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Het profielbestand (YAML).")] = Path("profiel.yaml"),
    gemeente: Annotated[Optional[str], typer.Option("--gemeente", help="Naam van de gemeente.", show_default=False)] = None,
    titel: Annotated[Optional[str], typer.Option("--titel", help="Titel van het document.", show_default=False)] = None,
    kenmerk: Annotated[Optional[str], typer.Option("--kenmerk", help="Kenmerk of zaaknummer.", show_default=False)] = None,
    procedure: Annotated[Optional[str], typer.Option("--procedure", help="aanbesteding (standaard), open-house of subsidie.", show_default=False)] = None,
) -> None:
    """Schrijf een selectieprofiel om te bewerken, of werk een bestaand profiel bij na een corpusupdate.

    Een bestaand profiel wordt bijgewerkt: alle keuzes en eigen commentaar blijven staan, nieuwe kaders
    en criteria worden toegevoegd en gemarkeerd als NIEUW, verdwenen criteria als vervallen.
    """
    from .profile import update_profile, write_profile

    corpus = _corpus()
    if output.exists():
        update = update_profile(corpus, output, segment=segment)
        if not update.geschreven:
            console.print(f"{escape(str(output))} is al actueel (corpus {corpus.versie}); niets gewijzigd.", highlight=False)
            return
        if update.gemigreerd:
            console.print(
                f"[green]Omgezet:[/] {escape(str(output))} — van 'vorm' (eis/vraag/verwijzing) naar rollen; uw keuzes "
                "en commentaar zijn behouden. Controleer de rollen en maak het document met: inkoopkader compose "
                f"--profiel {escape(str(output))}",
                highlight=False,
            )
            return
        if not update.gewijzigd and update.oude_corpus_versie == corpus.versie:  # only `bekend` was added
            console.print(
                f"[green]Bijgewerkt:[/] {escape(str(output))} — vastgelegd welke kaders en criteria het corpus bevat "
                "(blok 'bekend'); de selectie is ongewijzigd.",
                highlight=False,
            )
            return
        if not update.gewijzigd:  # only the recorded corpus version was behind
            console.print(
                f"[green]Bijgewerkt:[/] {escape(str(output))} — corpusversie {update.oude_corpus_versie or 'onbekend'} "
                f"→ {corpus.versie}; de selectie is ongewijzigd.",
                highlight=False,
            )
            return
        console.print(
            f"[green]Bijgewerkt:[/] {escape(str(output))} — {len(update.nieuwe_kaders)} nieuwe kader(s), "
            f"{len(update.nieuwe_criteria)} nieuwe criteria (gemarkeerd NIEUW), "
            f"{len(update.vervallen_criteria)} vervallen criteria; uw keuzes en commentaar zijn behouden.",
            highlight=False,
        )
        return
    if not segment:
        raise InkoopkaderError("Geef een segment op met --segment (b.v. --segment wmo-1a).")
    found = resolve_segment(corpus, segment)
    write_profile(corpus, found.id, output, procedure=procedure or "aanbesteding", gemeente=gemeente, titel=titel,
                  kenmerk=kenmerk)
    kaders = corpus.kaders_voor_segment(found.id)
    console.print(
        f"[green]Geschreven:[/] {escape(str(output))} — {len(kaders)} kaders, "
        f"{sum(len(k.criteria) for k, _ in kaders)} criteria voor {found.id}. Bewerk het bestand en maak "
        f"het document met: inkoopkader compose --profiel {escape(str(output))}",
        highlight=False,
    )


# --- check ------------------------------------------------------------------------------------------


class CheckUitvoer(str, Enum):
    tekst = "tekst"
    json = "json"
    junit = "junit"
    github = "github"


# Inputs at least this large get a progress indicator (when stderr is a terminal).
_GROOT_CONCEPT = 256 * 1024


_DEKKING = re.compile(r"([0-9]{1,3})(?:[.,]([0-9]{1,6}))?\s*(%?)")


def _parse_dekking(waarde: str) -> float:
    """'0.8', '0,8', '80%', '80 %', '80' or '12,5%' -> a share from 0 to 1.

    Strict, because a misread gate is worse than a refused one: a share has at most one decimal
    separator and no '_' or exponent ('1_0' is not 10); a number without '%' is a share up to 1 or
    a whole percentage up to 100 ('1.5' and '1,0000001' are refused: 1.5% or 150%?).

    Raises:
        InkoopkaderError: anything else, with what is allowed.
    """
    uitleg = ("Geef een aandeel tussen 0 en 1 (b.v. 0.8 of 0,8) of een percentage (b.v. 80% of 12,5%).")
    match = _DEKKING.fullmatch(waarde.strip())
    if match is None:
        raise InkoopkaderError(f"Ongeldige waarde voor --min-dekking: '{waarde[:40]}'. {uitleg}")
    geheel, breuk, procent = match.groups()
    getal = float(f"{geheel}.{breuk or '0'}")
    if procent:
        if getal > 100:
            raise InkoopkaderError(f"Ongeldige waarde voor --min-dekking: '{waarde}'; meer dan 100% kan niet.")
        return getal / 100
    if getal <= 1:
        return getal
    if breuk is None and getal <= 100:
        return getal / 100  # '80': a whole percentage
    raise InkoopkaderError(
        f"Ongeldige waarde voor --min-dekking: '{waarde}' is meer dan 1 maar geen heel percentage. {uitleg}"
    )


def _run_check(concept: Path, kwargs: dict[str, Any]) -> Any:
    """Call the library's check(), with a progress bar for large inputs on a terminal."""
    from .check import check

    if _State.eigen_proces:
        from .check.achtergrond import sta_toe

        sta_toe()  # a long draft's references may be found by a child process meanwhile
    if str(concept) == "-":
        bron: Any = _lees_stdin()  # bytes: the format is recognised from the content (PDF, Word, text)
        grootte = len(bron)
    else:
        bron = concept
        try:
            grootte = concept.stat().st_size
        except OSError:
            grootte = 0  # read_concept gives the Dutch message
    if grootte < _GROOT_CONCEPT or not err_console.is_terminal:
        return check(bron, **kwargs)
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
        console=err_console, transient=True,
    ) as progress:
        taak = progress.add_task(f"{escape(concept.name)} controleren …", total=None)

        def voortgang(stap: str, gedaan: int, totaal: int) -> None:
            progress.update(taak, description=escape(stap), completed=gedaan, total=totaal)

        return check(bron, voortgang=voortgang, **kwargs)


def _lees_stdin() -> bytes:
    """Standard input as bytes, at most `limieten.STDIN` (/dev/zero as input is refused quickly)."""
    from .limieten import STDIN

    stroom = sys.stdin.buffer if sys.stdin is not None and hasattr(sys.stdin, "buffer") else None
    if stroom is None:
        raise InkoopkaderError("Standaardinvoer is gesloten; geef een bestand op in plaats van '-'.")
    grens = STDIN.waarde()
    data = stroom.read(grens + 1)
    if len(data) > grens:
        raise InkoopkaderError(f"Standaardinvoer is te groot (meer dan {STDIN.tekst()}); {STDIN.uitleg()}.")
    return data


def _afgekapt(tekst: str, breedte: int) -> str:
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1].rstrip() + "…"


def _check_samenvatting(out: Console, rapport: Any, corpus: Corpus) -> None:
    """The rich summary: gate, coverage per thema and kader, and what needs attention."""
    from rich.padding import Padding  # indented blocks keep their indent when a line wraps
    from .check import Status
    from .check.report import beste_bewijs, gefaalde_themas, kader_naam, verouderd_zin
    from .check.report import kader_label, kader_volgorde

    def kader_titel(nummer: int) -> str:
        return _afgekapt(kader_naam(corpus, nummer, kort=True), 60)

    out.print(
        f"[bold]Controle van[/] {escape(rapport.concept)} ({rapport.formaat}) tegen [bold]{escape(rapport.segment)}[/] "
        f"— selectie uit {escape(rapport.bron_van_selectie)}, corpus {rapport.corpus_versie}",
        highlight=False,
    )
    if rapport.geslaagd:
        out.print(Panel("[bold green]Poort geslaagd[/]", expand=False))
    else:
        redenen = "\n".join(f"• {escape(r)}" for r in rapport.redenen_afgekeurd)
        out.print(Panel(f"[bold red]Poort afgekeurd[/]\n{redenen}", expand=False))

    gefaald = gefaalde_themas(rapport)
    table = Table(title="Dekking per thema", title_justify="left")
    for column in ("thema", "criteria", "gedekt", "gewijzigd", "via kader", "ontkracht", "ontbreekt", "dekking"):
        table.add_column(column, justify="left" if column == "thema" else "right", no_wrap=True)
    for d in rapport.per_thema():
        stijl = "bold red" if d.thema in gefaald else ""
        table.add_row(
            d.thema.value, str(d.totaal), str(d.gedekt), str(d.gewijzigd), str(d.via_kader), str(d.ontkracht),
            str(d.ontbreekt), Text(f"{d.dekking:.0%}", style=stijl),
        )
    if rapport.min_dekking is not None:
        table.caption = f"vereiste dekking per thema: {rapport.min_dekking:.0%}"
    out.print(table)

    verwezen: dict[int, list[Any]] = {}
    for v in rapport.kaderverwijzingen:
        verwezen.setdefault(v.kader, []).append(v)
    per_kader = {d.kader: d for d in rapport.per_kader()}
    from rich import box

    table = Table(title="Dekking per kader", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("kader", "criteria", "gedekt", "gewijz.", "dekking", "als geheel"):
        if column == "kader":
            table.add_column(column, overflow="ellipsis", no_wrap=True)
        elif column == "als geheel":
            table.add_column(column, overflow="fold", min_width=10)
        else:
            table.add_column(column, justify="right", no_wrap=True, min_width=len(column))
    # Titles are cut to what the terminal leaves after the number columns, so those never collapse.
    ruimte = max(20, out.width - 56)
    table.caption = "als geheel: het concept verklaart het kader als geheel van toepassing"
    for nummer in sorted(set(per_kader) | set(verwezen), key=kader_volgorde):  # also kaders referenced as a whole
        dekking = per_kader.get(nummer)
        geheel = ""
        if nummer in verwezen:
            edities = [v for v in verwezen[nummer] if v.afwijkende_editie]
            geheel = "ja" + (f", ed. {edities[0].editie}!" if edities else "")
        cijfers = (
            [str(dekking.totaal), str(dekking.gedekt), str(dekking.gewijzigd), f"{dekking.dekking:.0%}"]
            if dekking else ["0", "0", "0", "–"]
        )
        table.add_row(_afgekapt(kader_label(corpus, nummer, kort=True), ruimte), *cijfers, geheel)
    out.print(table)

    # Section headers are fixed text: no automatic highlighting (rich would compile its regexes for it).
    vereist_weg = [r for r in rapport.resultaten if r.vereist and r.status is Status.ONTBREEKT]
    if vereist_weg:
        out.print("\n[bold red]Ontbrekende vereiste criteria[/]", highlight=False)
        for r in vereist_weg:
            regel = Text(f"{r.criterium.id} ", style="bold")
            regel.append(f"(kader {r.criterium.kader}, {r.criterium.hoofdthema.value}) ", style="dim")
            regel.append_text(_rich_text(r.criterium.tekst))
            out.print(Padding(regel, (0, 0, 0, 2), expand=False))

    ontkracht_rows = rapport.met_status(Status.ONTKRACHT)
    if ontkracht_rows:
        out.print("\n[bold red]Ontkrachte criteria[/] (staan in het concept, maar ontkend, kwijtgescholden of bij een "
                  "andere actor gelegd; tellen niet als gevonden)", highlight=False)
        for r in ontkracht_rows:
            bewijs = beste_bewijs(r)
            waar = bewijs.locatie.beschrijving() if bewijs else "locatie onbekend"
            out.print(Padding(Text.from_markup(f"[bold]{r.criterium.id}[/] — {escape(waar)}"), (0, 0, 0, 2), expand=False))
            for verschil in [v for v in r.verschil if v.startswith(("ontkend", "kwijtgescholden", "andere actor"))][:3]:
                out.print(Padding(Text(verschil), (0, 0, 0, 6), expand=False))

    gewijzigd_rows = rapport.met_status(Status.GEWIJZIGD)
    if gewijzigd_rows:
        out.print("\n[bold yellow]Gewijzigde criteria[/] (gevonden, maar wezenlijk anders dan de bron)", highlight=False)
        for r in gewijzigd_rows[:25]:
            bewijs = beste_bewijs(r)
            waar = bewijs.locatie.beschrijving() if bewijs else "locatie onbekend"
            anker = ", via anker" if r.via_anker else ""
            out.print(Padding(Text.from_markup(f"[bold]{r.criterium.id}[/] — {escape(waar)}, score {r.score:.0f}{anker}"), (0, 0, 0, 2), expand=False))
            for verschil in r.verschil[:4]:
                out.print(Padding(Text(verschil), (0, 0, 0, 6), expand=False))
            if len(r.verschil) > 4:
                out.print(Padding(Text(f"… en nog {len(r.verschil) - 4} verschil(len)"), (0, 0, 0, 6), expand=False))
        if len(gewijzigd_rows) > 25:
            out.print(f"  … en nog {len(gewijzigd_rows) - 25} gewijzigde criteria (alle details: --format json)", highlight=False)

    if rapport.verouderd:
        stijl = "bold red" if rapport.strikt else "bold yellow"
        out.print(f"\n[{stijl}]Verouderde verwijzingen[/]", highlight=False)
        for v in rapport.verouderd:
            out.print(Padding(Text(f"{v.locatie.beschrijving()}: {verouderd_zin(v)}"), (0, 0, 0, 2), expand=False))
            out.print(Padding(Text(v.tekst, style="dim"), (0, 0, 0, 6), expand=False))

    if rapport.kaderverwijzingen:
        out.print("\n[bold]Verwijzingen naar een kader als geheel[/] (tellen los van de dekking)", highlight=False)
        for v in rapport.kaderverwijzingen:
            editie = ""
            if v.editie:
                editie = f", editie {escape(v.editie)}"
                if v.afwijkende_editie:
                    try:
                        editie += f" [bold yellow](het corpus bevat {corpus.kader(v.kader).jaar})[/]"
                    except KeyError:
                        editie += " [bold yellow](afwijkende editie)[/]"
            out.print(Padding(
                Text.from_markup(f"{v.kader}. {escape(kader_titel(v.kader))} — {escape(v.locatie.beschrijving())}{editie}"),
                (0, 0, 0, 2), expand=False,
            ))

    overig = [r for r in rapport.met_status(Status.ONTBREEKT) if not r.vereist]
    if overig:
        ids = ", ".join(r.criterium.id for r in overig[:30]) + (" …" if len(overig) > 30 else "")
        out.print()
        out.print(Text(f"Niet gevonden (niet vereist): {len(overig)} criteria: {ids}", style="dim"))


@app.command("check")
@_user_errors
def check_command(
    concept: Annotated[Path, typer.Argument(help="Het concept: .docx, .odt, .pdf, .md of .txt ('-' = standaardinvoer).", show_default=False)],
    segment: Annotated[Optional[str], typer.Option("--segment", "-s", help="Controleer tegen de criteria van dit segment, b.v. wmo-1a.", show_default=False)] = None,
    profiel: Annotated[Optional[Path], typer.Option("--profiel", "-p", help="Selectieprofiel (YAML) van 'inkoopkader init'; de criteria daarin zijn vereist.", show_default=False)] = None,
    thema: Annotated[Optional[list[str]], typer.Option("--thema", "-t", help="Alleen dit thema (herhaalbaar).")] = None,
    kader: Annotated[Optional[list[str]], typer.Option("--kader", "-k", help="Alleen dit kader (nummer of sleutel; herhaalbaar).")] = None,
    zonder_kader: Annotated[Optional[list[str]], typer.Option("--zonder-kader", help="Laat dit kader weg (herhaalbaar).")] = None,
    doelgroep: Annotated[Optional[list[str]], typer.Option("--doelgroep", help="Alleen criteria voor organisatie of professional.")] = None,
    zoekterm: Annotated[Optional[str], typer.Option("--zoek", help="Alleen criteria die bij deze zoekterm passen.", show_default=False)] = None,
    ids: Annotated[Optional[list[str]], typer.Option("--id", help="Criterium-ID('s), herhaalbaar of met komma's.")] = None,
    alleen_specifiek: Annotated[bool, typer.Option("--alleen-specifiek", help="Alleen kaders die de bron aan precies dit segment koppelt.")] = False,
    vereist: Annotated[Optional[list[str]], typer.Option("--vereist", help="Criterium-ID('s) die in het concept moeten staan (komma's of herhaald).")] = None,
    personeel: Annotated[bool, typer.Option("--personeel", help="Zoek ook de personeelseisen (opleiding, registratie, competenties) van het domein.")] = False,
    personeelseis: Annotated[Optional[list[str]], typer.Option("--personeelseis", help="Zoek deze personeelseisen (pe-…; komma's of herhaald).")] = None,
    wettelijk: Annotated[bool, typer.Option("--wettelijk", help="Zoek ook de wettelijke verplichtingen van het domein (wet-…); een document van compose wordt altijd op de zijne gecontroleerd.")] = False,
    min_dekking: Annotated[Optional[str], typer.Option("--min-dekking", help="Minimale dekking per thema: 0.8 of 80%.", show_default=False)] = None,
    strikt: Annotated[bool, typer.Option("--strikt", help="Keur ook af bij elke verouderde verwijzing.")] = False,
    via_kader: Annotated[bool, typer.Option("--via-kader/--zonder-via-kader", help="Tel criteria van een kader dat het concept als geheel van toepassing verklaart als gevonden.")] = True,
    formaat: Annotated[CheckUitvoer, typer.Option("--format", "-f", help="tekst, json, junit of github.")] = CheckUitvoer.tekst,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Schrijf het rapport naar dit bestand ('-' = standaarduitvoer).", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand rapportbestand.")] = False,
) -> None:
    """Controleer een aanbestedingsconcept: dekking, ontbrekende en gewijzigde criteria, verouderde verwijzingen.

    Exitcode 0: de poort is geslaagd; 1: afgekeurd (vereist criterium ontbreekt, dekking van een thema
    onder --min-dekking, of met --strikt een verouderde verwijzing); 2: onjuiste invoer.
    """
    from .check.report import to_github, to_json, to_junit
    from .output import controleer_doel, write_atomic
    from .select import parse_doelgroep

    if output is not None and str(output) == "-":
        output = None  # '-o -': the report goes to standard output, as without -o
    if output is not None:
        controleer_doel(output, force=force)  # before a long check, not after it
    corpus = _corpus()
    kwargs: dict[str, Any] = {"segment": segment, "profiel": profiel, "strikt": strikt, "via_kader": via_kader}
    if min_dekking is not None:
        kwargs["min_dekking"] = _parse_dekking(min_dekking)
    if vereist:
        kwargs["vereist"] = _split_ids(vereist)
    if personeelseis:
        kwargs["personeel"] = _split_ids(personeelseis)
    elif personeel:
        kwargs["personeel"] = True
    if wettelijk:
        kwargs["wettelijk"] = True
    if thema:
        kwargs["themas"] = [resolve_thema(t) for t in thema]
    if kader:
        kwargs["kaders"] = [resolve_kader(corpus, k).nummer for k in kader]
    if zonder_kader:
        kwargs["zonder_kaders"] = [resolve_kader(corpus, k).nummer for k in zonder_kader]
    if doelgroep:
        kwargs["doelgroepen"] = [parse_doelgroep(d) for d in doelgroep]
    if zoekterm:
        kwargs["zoekterm"] = zoekterm
    if ids:
        kwargs["ids"] = _split_ids(ids)
    if alleen_specifiek:
        kwargs["alleen_specifiek"] = True
    if segment is None and profiel is None and str(concept) == "-":
        raise InkoopkaderError("Geef bij standaardinvoer een segment (--segment) of profiel (--profiel) op.")
    try:
        rapport = _run_check(concept, {"corpus": corpus, **kwargs})
    except (InkoopkaderError, KeyboardInterrupt):
        raise
    except Exception as exc:  # never a traceback for a user's file; say what happened
        raise InkoopkaderError(
            f"Interne fout bij het controleren van '{concept}' ({type(exc).__name__}: {exc}). Dit hoort niet "
            "te gebeuren: meld het probleem, met het bestand als dat kan."
        ) from None

    if formaat is CheckUitvoer.json:
        tekst = to_json(rapport)
    elif formaat is CheckUitvoer.junit:
        tekst = to_junit(rapport)
    elif formaat is CheckUitvoer.github:
        tekst = to_github(rapport, bestand=None if str(concept) == "-" else concept.as_posix())
    elif output is not None:
        import io

        buffer = io.StringIO()
        _check_samenvatting(Console(file=buffer, width=110, color_system=None, force_terminal=False), rapport, corpus)
        tekst = buffer.getvalue()
    else:
        _check_samenvatting(console, rapport, corpus)
        tekst = ""

    if output is not None:
        # backslashreplace: a draft name that was not UTF-8 on the command line stays readable
        write_atomic(output, tekst.encode("utf-8", "backslashreplace"), force=force)
        uitslag = "[green]poort geslaagd[/]" if rapport.geslaagd else "[red]poort afgekeurd[/]"
        err_console.print(f"Geschreven: {escape(str(output))} — {uitslag}", highlight=False)
    elif tekst:
        sys.stdout.write(tekst)
        sys.stdout.flush()
    raise typer.Exit(0 if rapport.geslaagd else 1)


# --- diff -------------------------------------------------------------------------------------------


class DiffUitvoer(str, Enum):
    tekst = "tekst"
    json = "json"


@app.command("diff")
@_user_errors
def diff_command(
    oud: Annotated[Path, typer.Argument(help="De oude corpusmap (met frameworks/).", show_default=False)],
    nieuw: Annotated[Path, typer.Argument(help="De nieuwe corpusmap (met frameworks/).", show_default=False)],
    formaat: Annotated[DiffUitvoer, typer.Option("--format", "-f", help="tekst of json.")] = DiffUitvoer.tekst,
) -> None:
    """Vergelijk twee corpusmappen: nieuwe, vervallen en gewijzigde criteria (tekst, labels, aanbestedingslaag), kaders en segmenten.

    Exitcode 0: geen verschillen; 1: er zijn verschillen; 2: onjuiste invoer (map ontbreekt, ongeldig corpus).
    """
    from .diff import naar_data, naar_tekst, vergelijk

    verschil = vergelijk(load_corpus(oud), load_corpus(nieuw), oud_pad=str(oud), nieuw_pad=str(nieuw))
    if formaat is DiffUitvoer.json:
        sys.stdout.write(json.dumps(naar_data(verschil), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(naar_tekst(verschil))
    raise typer.Exit(0 if verschil.leeg else 1)


# --- validate ---------------------------------------------------------------------------------------


@app.command("validate")
@_user_errors
def validate(
    directory: Annotated[
        Optional[Path], typer.Argument(help="Corpusmap; standaard het gebruikte corpus.", show_default=False)
    ] = None,
) -> None:
    """Controleer een corpusmap: schema, unieke ID's, bekende segmenten en thema's, opmaak."""
    target = directory or _State.corpus_dir
    try:
        corpus = load_corpus(target, cache=False)  # validated from scratch, built once
    except CorpusFout as exc:
        for finding in exc.bevindingen:
            err_console.print(escape(str(finding)), highlight=False)
        err_console.print(f"[bold red]{len(exc.bevindingen)} bevinding(en); het corpus is ongeldig.[/]")
        raise typer.Exit(1) from None
    from .corpus import corpus_waarschuwingen

    uitgave = f", corpusversie {corpus.uitgave.versie}" if corpus.uitgave else ""
    console.print(
        f"[green]Geldig:[/] {len(corpus.kaders)} kaders, {sum(1 for _ in corpus.criteria())} criteria, "
        f"{len(corpus.segmenten)} segmenten{uitgave} ({corpus.pad}).",
        highlight=False,
    )
    waarschuwingen = corpus_waarschuwingen(corpus)
    for waarschuwing in waarschuwingen:  # not findings: the corpus is valid, but someone should look
        err_console.print(f"[yellow]Let op:[/] {escape(str(waarschuwing))}", highlight=False)
    if waarschuwingen:
        err_console.print(f"[yellow]{len(waarschuwingen)} waarschuwing(en); het corpus is wel geldig.[/]", highlight=False)


@app.command("serve")
@_user_errors
def serve_command(
    port: Annotated[int, typer.Option("--port", help="Poort; 0 (standaard) kiest een vrije poort.")] = 0,
    host: Annotated[
        str,
        typer.Option("--host", help="Adres om op te luisteren. Standaard alleen deze computer (127.0.0.1); "
                                    "0.0.0.0 voor een server achter een reverse proxy."),
    ] = "127.0.0.1",
    no_open: Annotated[bool, typer.Option("--no-open", help="Open de browser niet.")] = False,
    geen_token: Annotated[
        bool,
        typer.Option("--geen-token", help="Geen toegangstoken in de URL (voor een server; de reverse proxy regelt "
                                          "wie erbij mag)."),
    ] = False,
    toegestane_host: Annotated[
        Optional[list[str]],
        typer.Option("--toegestane-host", help="Hostnaam waaronder de server bereikbaar is (herhaalbaar); andere "
                                               "Host-headers worden geweigerd."),
    ] = None,
    thema_css: Annotated[
        Optional[Path],
        typer.Option("--thema-css", help="Eigen themabestand (CSS) van de gemeente, geladen na het NL Design "
                                         "System-voorbeeldthema."),
    ] = None,
    thema_klasse: Annotated[
        Optional[str], typer.Option("--thema-klasse", help="CSS-klasse op de pagina waaraan uw thema hangt.")
    ] = None,
    max_upload: Annotated[int, typer.Option("--max-upload", help="Grootste upload in MB.", min=1, max=200)] = 20,
) -> None:
    """Start de webapp: criteria kiezen, document downloaden en concepten controleren in de browser.

    De eerste regel van de uitvoer is het adres (met toegangstoken); stop met Ctrl-C.
    """
    import gc
    import secrets
    import webbrowser

    from .web import controleer_installatie, maak_app
    from .web.server import bind, serve

    gc.enable()  # main() switches it off for one short command; a server runs for hours
    controleer_installatie()
    token = None if geen_token else secrets.token_urlsafe(24)
    corpus = _corpus()
    adres = bind(host, port, token=token, toegestane_hosts=tuple(toegestane_host or ()))
    try:
        app_ = maak_app(corpus, token=token, hosts=adres.hosts, thema_css=thema_css, thema_klasse=thema_klasse,
                        max_upload_mb=max_upload)
    except BaseException:
        adres.sock.close()
        raise
    sys.stdout.write(adres.url + "\n")
    sys.stdout.flush()
    err_console.print("inkoopkader webapp draait; stop met Ctrl-C.", highlight=False)
    if not no_open:
        webbrowser.open(adres.url)
    serve(app_, adres)
    err_console.print("inkoopkader webapp gestopt.", highlight=False)


def main() -> None:
    """Console-script entry point."""
    import gc

    # One short-lived command: reference counting frees what it can, and the cyclic collector would
    # only re-scan the corpus and the draft again and again (~20 ms on a long draft).
    gc.disable()
    _State.eigen_proces = True
    _standaardstromen()
    try:
        _app_voor(sys.argv[1:])()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # a message instead of a number
            _fout(str(exc.code))
            code = 2
    except KeyboardInterrupt:  # before or after a command runs (inside one, _user_errors has it)
        _afgebroken()
        code = 130
    except OSError as exc:
        code = _io_fout(exc)
    except Exception as exc:  # noqa: BLE001 - never a traceback, and never exit 1 ('rejected')
        _fout(f"Interne fout ({type(exc).__name__}: {exc}). Dit hoort niet te gebeuren: meld het probleem.")
        code = 2
    _exit_now(code)


class _GeslotenUitvoer:
    """Standard output or error that the caller closed (`>&-`): every write is an I/O error."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, _tekst: str) -> int:
        raise OSError(errno.EBADF, "de standaarduitvoer is gesloten")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
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


def _app_voor(argumenten: list[str]) -> typer.Typer:
    """The app with only the command these arguments call (the whole app when that is unclear).

    Typer builds every command's options from its signature before it parses anything; for one
    `check` in a CI pipeline that is ~20 ms spent on the six other commands. Help, usage errors and
    suggestions for a mistyped command still come from the whole app.
    """
    commando: str | None = None
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
    gekozen = [c for c in app.registered_commands if commando is not None and c.name == commando]
    if len(gekozen) != 1:
        return app
    deel = typer.Typer(**_APP_INSTELLINGEN)
    deel.registered_callback = app.registered_callback
    deel.registered_commands = gekozen
    return deel


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
        code = _io_fout(exc) if code in (0, 1) else code
    except (ValueError, AttributeError):
        pass
    try:
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(code)


if __name__ == "__main__":
    main()
