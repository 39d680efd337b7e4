"""`inkoopkader compose`: the tender-ready document for a segment or a profile."""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from . import opties
from .basis import app, laad_corpus, user_errors
from .uitvoer import console, let_op


class Uitvoer(str, Enum):
    docx = "docx"
    pdf = "pdf"
    md = "md"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    ocds = "ocds"


_DOCUMENTEN = (Uitvoer.docx, Uitvoer.pdf, Uitvoer.md)  # formats that get a traceability file next to them


def formaat_bij_bestand(formaat: Optional[Uitvoer], output: Optional[Path]) -> Uitvoer:
    """The format of -o/--format, by the library's rule (`document.formaat_bij_bestand`): inferred
    from -o's extension when --format is absent; a --format that does not fit the extension is
    refused (`-f md -o eisen.docx` would write Markdown into a file Word cannot open).

    Raises:
        InkoopkaderError: an unknown extension without --format, or a mismatch, worded with the flags.
    """
    from ..document import EXTENSIES, FormaatFout
    from ..document import formaat_bij_bestand as kies
    from ..errors import InkoopkaderError

    if output is None or str(output) in ("-", "") or output.name in ("", ".", "..") or output.is_dir():
        return formaat or Uitvoer.docx  # no file name: the write rules say so (output.controleer_doel)
    try:
        return Uitvoer(kies(output, formaat.value if formaat is not None else None))
    except FormaatFout as fout:
        if fout.formaat is None:
            raise InkoopkaderError(
                f"Aan de naam '{output.name}' is het formaat niet te zien. Gebruik een van de extensies "
                f"{', '.join(EXTENSIES)} (b.v. -o {fout.voorstel}), of geef het formaat met --format."
            ) from None
        if fout.afgeleid is not None:
            raise InkoopkaderError(
                f"--format {fout.formaat} past niet bij -o {output.name} (een {fout.extensie}-bestand is "
                f"{fout.afgeleid}). Laat --format weg, of kies een passende naam, b.v. -o {fout.voorstel}."
            ) from None
        raise InkoopkaderError(
            f"--format {fout.formaat} past niet bij -o {output.name} (een {fout.extensie}-bestand is {fout.soort}). "
            f"Kies een passende naam, b.v. -o {fout.voorstel}."
        ) from None


@app.command("compose")
@user_errors
def compose_command(
    segment: opties.Segment = None,
    profiel: opties.Profiel = None,
    procedure: opties.Procedure = None,
    thema: opties.Themas = None,
    kader: opties.Kaders = None,
    zonder_kader: opties.ZonderKaders = None,
    doelgroep: opties.Doelgroepen = None,
    zoekterm: opties.Zoekterm = None,
    ids: Annotated[Optional[list[str]], typer.Option("--id", help="Criterium-ID('s), herhaalbaar of met komma's; krijgen hun voorkeursrol.", show_default=False)] = None,
    alleen_specifiek: opties.AlleenSpecifiek = False,
    rol: Annotated[Optional[str], typer.Option("--rol", help="Eén rol voor alle criteria die die rol kunnen hebben: minimumeis, uitvoeringsvoorwaarde, gunningscriterium …", show_default=False)] = None,
    vorm: Annotated[Optional[str], typer.Option("--vorm", hidden=True, show_default=False)] = None,
    bijlagen: Annotated[bool, typer.Option("--bijlagen", help="Voeg bijlagen toe: criteria ter inspiratie, aandachtspunten voor de gemeente, de gebruikte kaders.")] = False,
    prijs: Annotated[Optional[int], typer.Option("--prijs", min=0, max=99, help="Weging van de prijs in procenten (standaard 0: vaste tarieven, gunning op kwaliteit).", show_default=False)] = None,
    zonder_toelichting: Annotated[bool, typer.Option("--zonder-toelichting", help="Laat toelichtingen uit de bron (b.v. 'Waar kijkt de inspectie naar?') weg.")] = False,
    gemeente: opties.GemeenteTitelpagina = None,
    titel: opties.Titel = None,
    kenmerk: opties.Kenmerk = None,
    versie: Annotated[Optional[str], typer.Option("--versie", help="Versie van het document (standaard die uit het profiel, anders 1.0).", show_default=False)] = None,
    datum: Annotated[Optional[str], typer.Option("--datum", help="Datum (DD-MM-JJJJ of JJJJ-MM-DD); standaard vandaag.", show_default=False)] = None,
    formaat: Annotated[Optional[Uitvoer], typer.Option("--format", "-f", help="docx, pdf (via LibreOffice), md, json, csv (de traceerbaarheid), xlsx (vragenlijst voor een aanbestedingsplatform) of ocds (gunningscriteria als OCDS/eForms-JSON). Standaard: volgens de extensie van -o, anders docx.", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Uitvoerbestand; de extensie kiest het formaat (.docx, .pdf, .md, .json, .csv, .xlsx, .ocds.json). '-' = standaarduitvoer voor md/json/csv/ocds.", show_default=False)] = None,
    zonder_traceerbaarheid: Annotated[bool, typer.Option("--zonder-traceerbaarheid", help="Schrijf geen traceerbaarheidsbestand (…-traceerbaarheid.csv) naast het document.")] = False,
    force: opties.Force = False,
    sjabloon: Annotated[Optional[Path], typer.Option("--sjabloon", help="Huisstijlsjabloon (.docx of .dotx) van de gemeente.", show_default=False)] = None,
    personeel: Annotated[bool, typer.Option("--personeel", help="Voeg 'Deskundigheid en inzet van personeel' toe (standaard voor het domein).")] = False,
    personeelseis: opties.Personeelseisen = None,
    functieniveau: opties.Functieniveaus = None,
    personeel_rol: Annotated[Optional[str], typer.Option("--personeel-rol", help="uitvoeringsvoorwaarde, minimumeis of gunningscriterium voor alle personeelseisen.", show_default=False)] = None,
    wettelijk: Annotated[Optional[bool], typer.Option("--wettelijk/--zonder-wettelijk", help="Met of zonder het hoofdstuk 'Wettelijke verplichtingen' (VOG, meldcode, klachten, medezeggenschap …); standaard erin, behalve bij --id of --zoek.", show_default=False)] = None,
) -> None:
    """Stel een aanbestedingsklaar document met kwaliteitseisen en gunningscriteria samen voor een segment.

    Het formaat volgt uit de extensie van -o (eisen.pdf wordt een PDF); --format is dan niet nodig.
    """
    from dataclasses import replace

    from rich.markup import escape

    from ..compose import GunningInstelling, compose
    from ..document import default_filename, traceerbaarheid_filename
    from ..errors import InkoopkaderError
    from ..output import controleer_doel, write_atomic
    from ..select import parse_rol, select
    from ..model import Procedure

    if vorm is not None:
        raise InkoopkaderError(
            "--vorm bestaat niet meer: criteria hebben nu een rol. Gebruik --rol (minimumeis, "
            "uitvoeringsvoorwaarde, gunningscriterium of inspiratie); een criterium krijgt alleen een rol die "
            "het volgens de aanbestedingslaag kan hebben."
        )
    gekozen = formaat_bij_bestand(formaat, output)
    naar_stdout = output is not None and str(output) == "-"
    if naar_stdout and gekozen in (Uitvoer.docx, Uitvoer.xlsx, Uitvoer.pdf):
        soort = {Uitvoer.docx: "Een Word-document", Uitvoer.xlsx: "Een Excel-bestand", Uitvoer.pdf: "Een PDF"}[gekozen]
        raise InkoopkaderError(f"{soort} kan niet naar standaarduitvoer; kies -o BESTAND.{gekozen.value}.")
    if gekozen is Uitvoer.pdf:
        from ..render.pdf import libreoffice

        libreoffice()  # before any work: say what to install
    datum_waarde = opties.parse_datum(datum)
    corpus = laad_corpus()
    filters = opties.selectie_filters(
        corpus, thema=thema, kader=kader, zonder_kader=zonder_kader, doelgroep=doelgroep, zoekterm=zoekterm,
        ids=ids, alleen_specifiek=alleen_specifiek, rol=rol, procedure=procedure,
    )
    verzoek, geladen = opties.maak_verzoek(corpus, segment, profiel, filters)
    meta: dict[str, Any] = geladen.compose_kwargs() if geladen is not None else {}
    selectie = select(corpus, verzoek)
    if prijs is not None and selectie.procedure is not Procedure.AANBESTEDING:
        raise InkoopkaderError(
            f"--prijs hoort bij een aanbesteding; bij procedure {selectie.procedure.value} is er geen gunning en "
            "dus geen prijsweging. Laat --prijs weg, of kies --procedure aanbesteding."
        )
    if functieniveau:
        from ..personeel import controleer_functieniveaus

        controleer_functieniveaus(corpus.beroepsprofielen, opties.split_ids(functieniveau))  # 'Z' is no level
    target = output if output is not None else Path(default_filename(selectie.segment.id, gekozen.value,
                                                                     selectie.procedure))
    spoor = None
    if not naar_stdout:
        # Before the document is built; write_atomic checks again (and creates the file exclusively).
        controleer_doel(target, force=force)
        if gekozen in _DOCUMENTEN and not zonder_traceerbaarheid:
            spoor = traceerbaarheid_filename(target)
            controleer_doel(spoor, force=force)  # refuse before writing the document, not halfway
    gunning = meta.get("gunning") or GunningInstelling()
    if prijs is not None:
        gunning = replace(gunning, prijs=prijs)
    doc = compose(
        corpus, selectie,
        titel=titel or meta.get("titel"), gemeente=gemeente or meta.get("gemeente"),
        kenmerk=kenmerk or meta.get("kenmerk"), versie=versie or meta.get("versie") or "1.0",
        datum=datum_waarde, met_toelichting=not zonder_toelichting,
        bijlagen=bijlagen or meta.get("bijlagen", False), gunning=gunning,
        personeel=opties.split_ids(personeelseis) if personeelseis else (personeel or meta.get("personeel", False)),
        functieniveaus=opties.split_ids(functieniveau) or meta.get("functieniveaus", ()),
        personeel_rol=parse_rol(personeel_rol) if personeel_rol else meta.get("personeel_rol"),
        wettelijk=wettelijk if wettelijk is not None else meta.get("wettelijk"),
    )
    for melding in doc.meldingen:
        let_op(melding)
    if naar_stdout:
        sys.stdout.buffer.write(doc.render(gekozen.value))
        return
    doc.save(target, gekozen.value, force=force, sjabloon=sjabloon)
    if spoor is not None:
        write_atomic(spoor, doc.render("csv"), force=force)
    out = console()
    out.print(f"[green]Geschreven:[/] {escape(str(target))} — {escape(_samenvatting(doc, gekozen))}", highlight=False)
    if spoor is not None:
        aantal = len(doc.traceerbaarheid)
        out.print(f"[green]Traceerbaarheid:[/] {escape(str(spoor))} ({aantal} {'criterium' if aantal == 1 else 'criteria'})",
                  highlight=False)


def _samenvatting(doc: Any, formaat: Uitvoer) -> str:
    """What the written file holds: the award criteria with their weights for OCDS, else the document."""
    if formaat is not Uitvoer.ocds:
        return _samenvatting_document(doc)
    from ..errors import aantal
    from ..render.ocds import as_data

    criteria = [c for lot in as_data(doc)["tender"]["lots"] for c in lot["awardCriteria"]["criteria"]]

    def weging(criterium: dict[str, Any]) -> str:
        return next((f" ({n['number']}%)" for n in criterium.get("numbers", ()) if "weight" in n), "")

    lijst = "; ".join(f"{c['name']}{weging(c)}" for c in criteria)
    return f"{aantal(len(criteria), 'gunningscriterium', 'gunningscriteria')} (OCDS): {lijst}."


def _samenvatting_document(doc: Any) -> str:
    from ..framing import aantallen
    from ..model import Rol

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
