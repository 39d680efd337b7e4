"""`inkoopkader init`: write a selection profile, or update one after a corpus update."""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import opties
from .basis import app, laad_corpus, user_errors
from .uitvoer import console


@app.command("init")
@user_errors
def init_command(
    segment: opties.Segment = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Het profielbestand (YAML).")] = Path("profiel.yaml"),
    gemeente: opties.Gemeente = None,
    titel: opties.Titel = None,
    kenmerk: opties.Kenmerk = None,
    procedure: opties.Procedure = None,
) -> None:
    """Schrijf een selectieprofiel om te bewerken, of werk een bestaand profiel bij na een corpusupdate.

    Een bestaand profiel wordt bijgewerkt: alle keuzes en eigen commentaar blijven staan, nieuwe kaders
    en criteria worden toegevoegd en gemarkeerd als NIEUW, verdwenen criteria als vervallen.
    """
    from rich.markup import escape

    from ..errors import InkoopkaderError, aantal
    from ..profile import update_profile, write_profile
    from ..resolve import resolve_segment

    out = console()
    corpus = laad_corpus()
    if output.exists():
        opties.controleer_profielbestand(output)
        update = update_profile(corpus, output, segment=segment)
        if not update.geschreven:
            out.print(f"{escape(str(output))} is al actueel (corpus {corpus.versienaam}); niets gewijzigd.", highlight=False)
            return
        if update.gemigreerd:
            out.print(
                f"[green]Omgezet:[/] {escape(str(output))} — van 'vorm' (eis/vraag/verwijzing) naar rollen; uw keuzes "
                "en commentaar zijn behouden. Controleer de rollen en maak het document met: inkoopkader compose "
                f"--profiel {escape(str(output))}",
                highlight=False,
            )
            return
        if not update.gewijzigd and update.oude_corpus_versie == corpus.versie:  # only `bekend` was added
            out.print(
                f"[green]Bijgewerkt:[/] {escape(str(output))} — vastgelegd welke kaders en criteria het corpus bevat "
                "(blok 'bekend'); de selectie is ongewijzigd.",
                highlight=False,
            )
            return
        if not update.gewijzigd:  # only the recorded corpus version was behind
            out.print(
                f"[green]Bijgewerkt:[/] {escape(str(output))} — corpusversie {update.oude_corpus_versie or 'onbekend'} "
                f"→ {corpus.versie}; de selectie is ongewijzigd.",
                highlight=False,
            )
            return
        gemarkeerd = "gemarkeerd NIEUW"
        if update.niet_opgenomen:
            gemarkeerd += ", met opnemen: nee omdat het profiel geen blok 'bekend' had: zet opnemen op ja wat u wilt"
        behouden = "uw andere keuzes" if update.rollen_vervangen else "uw keuzes"
        out.print(
            f"[green]Bijgewerkt:[/] {escape(str(output))} — {aantal(len(update.nieuwe_kaders), 'nieuw kader', 'nieuwe kaders')}, "
            f"{aantal(len(update.nieuwe_criteria), 'nieuw criterium', 'nieuwe criteria')} ({gemarkeerd}), "
            f"{aantal(len(update.vervallen_criteria), 'vervallen criterium', 'vervallen criteria')}; {behouden} en "
            "commentaar zijn behouden.",
            highlight=False,
        )
        for cid, oud, nieuw in update.rollen_vervangen:
            out.print(
                f"[yellow]Rol gewijzigd:[/] {cid} kan in corpus {corpus.versienaam} geen {oud.value} meer zijn; de rol is nu "
                f"{nieuw.value} (zie de opmerking in het profiel).",
                highlight=False,
            )
        return
    if not segment:
        raise InkoopkaderError("Geef een segment op met --segment (b.v. --segment wmo-1a).")
    found = resolve_segment(corpus, segment)
    write_profile(corpus, found.id, output, procedure=procedure or "aanbesteding", gemeente=gemeente, titel=titel,
                  kenmerk=kenmerk)
    kaders = corpus.kaders_voor_segment(found.id)
    out.print(
        f"[green]Geschreven:[/] {escape(str(output))} — {aantal(len(kaders), 'kader', 'kaders')}, "
        f"{aantal(sum(len(k.criteria) for k, _ in kaders), 'criterium', 'criteria')} voor {found.id}. Bewerk het bestand en maak "
        f"het document met: inkoopkader compose --profiel {escape(str(output))}",
        highlight=False,
    )

