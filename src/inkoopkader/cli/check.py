"""`inkoopkader check`: the CI gate on a tender draft, in text, JSON, JUnit or GitHub form."""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from . import opties
from .basis import State, app, laad_corpus, user_errors
from .uitvoer import err_console, schrijf_fout


class CheckUitvoer(str, Enum):
    tekst = "tekst"
    json = "json"
    junit = "junit"
    github = "github"


# Report file ending -> format, for -o without --format.
EXTENSIES = {".txt": CheckUitvoer.tekst, ".json": CheckUitvoer.json, ".xml": CheckUitvoer.junit}


# Inputs at least this large get a progress indicator (when stderr is a terminal).
GROOT_CONCEPT = 256 * 1024


_DEKKING = re.compile(r"([0-9]{1,3})(?:[.,]([0-9]{1,6}))?\s*(%?)")


def _parse_dekking(waarde: str) -> float:
    """'0.8', '0,8', '80%', '80 %', '80' or '12,5%' -> a share from 0 to 1.

    Strict, because a misread gate is worse than a refused one: a share has at most one decimal
    separator and no '_' or exponent ('1_0' is not 10). One rule for a number without '%': with a
    decimal separator it is a share up to 1 ('0.8', '1.0'); without one, a whole percentage up to 100
    ('80', and so '1' is 1 %, not 100 %). '1.5' and '1,0000001' are refused: 1.5% or 150%?

    Raises:
        InkoopkaderError: anything else, with what is allowed.
    """
    from ..errors import InkoopkaderError

    uitleg = ("Geef een aandeel tussen 0 en 1 met decimaalteken (b.v. 0.8 of 0,8) of een percentage "
              "(b.v. 80%, 12,5% of 80; een geheel getal is een percentage).")
    match = _DEKKING.fullmatch(waarde.strip())
    if match is None:
        raise InkoopkaderError(f"Ongeldige waarde voor --min-dekking: '{waarde[:40]}'. {uitleg}")
    geheel, breuk, procent = match.groups()
    getal = float(f"{geheel}.{breuk or '0'}")
    if procent:
        if getal > 100:
            raise InkoopkaderError(f"Ongeldige waarde voor --min-dekking: '{waarde}'; meer dan 100% kan niet.")
        return getal / 100
    if breuk is None and getal <= 100:
        return getal / 100  # '80', '1': a whole percentage
    if breuk is not None and getal <= 1:
        return getal  # '0.8', '1.0': a share
    raise InkoopkaderError(
        f"Ongeldige waarde voor --min-dekking: '{waarde}' is meer dan 1 maar geen heel percentage. {uitleg}"
    )


def _run_check(concept: Path, kwargs: dict[str, Any]) -> Any:
    """Call the library's check(), with a progress bar for large inputs on a terminal."""
    from ..check import check

    if State.eigen_proces:
        from ..check.achtergrond import sta_toe

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
    err = err_console()
    if grootte < GROOT_CONCEPT or not err.is_terminal:
        return check(bron, **kwargs)
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    ) as progress:
        taak = progress.add_task(f"{escape(concept.name)} controleren …", total=None)

        def voortgang(stap: str, gedaan: int, totaal: int) -> None:
            progress.update(taak, description=escape(stap), completed=gedaan, total=totaal)

        return check(bron, voortgang=voortgang, **kwargs)


def _lees_stdin() -> bytes:
    """Standard input as bytes, at most `limieten.STDIN` (/dev/zero as input is refused quickly)."""
    from ..errors import InkoopkaderError
    from ..limieten import STDIN

    stroom = sys.stdin.buffer if sys.stdin is not None and hasattr(sys.stdin, "buffer") else None
    if stroom is None:
        raise InkoopkaderError("Standaardinvoer is gesloten; geef een bestand op in plaats van '-'.")
    grens = STDIN.waarde()
    data = stroom.read(grens + 1)
    if len(data) > grens:
        raise InkoopkaderError(f"Standaardinvoer is te groot (meer dan {STDIN.tekst()}); {STDIN.uitleg()}.")
    return data


def _rapportformaat(formaat: Optional[CheckUitvoer], output: Optional[Path]) -> CheckUitvoer:
    """--format, or the one -o's extension names (.txt, .json, .xml), as compose does: an unknown
    extension or a mismatch is refused (`-o r.pdf` would otherwise be a text report named .pdf).

    Raises:
        InkoopkaderError: an unknown extension, no extension without --format, or a mismatch.
    """
    from ..errors import InkoopkaderError

    if output is None or output.name in ("", ".", "..") or output.is_dir():
        return formaat or CheckUitvoer.tekst  # no file name: the write rules say so (output.controleer_doel)
    extensie = output.suffix.lower()
    bekend = ", ".join(EXTENSIES)
    if not extensie and formaat is not None:
        return formaat  # 'rapport' with --format: the user said what it is
    afgeleid = EXTENSIES.get(extensie)
    if afgeleid is None:
        soort = f"de extensie {extensie}" if extensie else "een naam zonder extensie"
        raise InkoopkaderError(
            f"Een rapport kan niet naar '{output.name}' ({soort}). Gebruik een van de extensies {bekend} "
            f"(b.v. -o {output.stem or 'rapport'}.txt), of laat -o weg."
        )
    if formaat is None:
        return afgeleid
    if afgeleid is not formaat and not (formaat is CheckUitvoer.github and afgeleid is CheckUitvoer.tekst):
        passend = next(ext for ext, f in EXTENSIES.items()
                       if f is (CheckUitvoer.tekst if formaat is CheckUitvoer.github else formaat))
        raise InkoopkaderError(
            f"--format {formaat.value} past niet bij -o {output.name} (een {extensie}-bestand is "
            f"{afgeleid.value}). Laat --format weg, of kies een passende naam, b.v. -o {output.stem}{passend}."
        )
    return formaat


@app.command("check")
@user_errors
def check_command(
    concept: Annotated[Path, typer.Argument(metavar="CONCEPT", help="Het concept: .docx, .odt, .pdf, .md of .txt ('-' = standaardinvoer).", show_default=False)],
    segment: Annotated[Optional[str], typer.Option("--segment", "-s", help="Controleer tegen de criteria van dit segment, b.v. wmo-1a.", show_default=False)] = None,
    profiel: Annotated[Optional[Path], typer.Option("--profiel", "-p", help="Selectieprofiel (YAML) van 'inkoopkader init'; de criteria daarin zijn vereist.", show_default=False)] = None,
    thema: opties.Themas = None,
    kader: opties.Kaders = None,
    zonder_kader: opties.ZonderKaders = None,
    doelgroep: opties.Doelgroepen = None,
    zoekterm: opties.Zoekterm = None,
    ids: opties.Ids = None,
    alleen_specifiek: opties.AlleenSpecifiek = False,
    vereist: Annotated[Optional[list[str]], typer.Option("--vereist", help="Criterium-ID('s) die in het concept moeten staan (komma's of herhaald).", show_default=False)] = None,
    personeel: Annotated[bool, typer.Option("--personeel", help="Zoek ook de personeelseisen (opleiding, registratie, competenties) van het domein.")] = False,
    personeelseis: opties.Personeelseisen = None,
    wettelijk: Annotated[bool, typer.Option("--wettelijk", help="Zoek ook de wettelijke verplichtingen van het domein (wet-…); een document van compose wordt altijd op de zijne gecontroleerd.")] = False,
    min_dekking: Annotated[Optional[str], typer.Option("--min-dekking", help="Minimale dekking per thema: een aandeel met decimaalteken (0.8, 0,8, 1.0) of een percentage (80%, 80; een geheel getal is altijd een percentage, dus 1 = 1%).", show_default=False)] = None,
    strikt: Annotated[bool, typer.Option("--strikt", help="Keur ook af bij elke verouderde verwijzing.")] = False,
    via_kader: Annotated[bool, typer.Option("--via-kader/--zonder-via-kader", help="Tel criteria van een kader dat het concept als geheel van toepassing verklaart als gevonden.")] = True,
    formaat: Annotated[Optional[CheckUitvoer], typer.Option("--format", "-f", help="tekst, json, junit of github. Standaard: volgens de extensie van -o (.txt, .json, .xml), anders tekst.", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Schrijf het rapport naar dit bestand ('-' = standaarduitvoer).", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand rapportbestand.")] = False,
) -> None:
    """Controleer een aanbestedingsconcept: dekking, ontbrekende en gewijzigde criteria, verouderde verwijzingen.

    Exitcode 0: de poort is geslaagd; 1: afgekeurd (vereist criterium ontbreekt, dekking van een thema
    onder --min-dekking, of met --strikt een verouderde verwijzing); 2: onjuiste invoer.
    """
    from ..errors import InkoopkaderError
    from ..output import controleer_doel, write_atomic

    if output is not None and str(output) == "-":
        output = None  # '-o -': the report goes to standard output, as without -o
    gekozen = _rapportformaat(formaat, output)
    if output is not None:
        controleer_doel(output, force=force)  # before a long check, not after it
    if segment is None and profiel is None and str(concept) == "-":
        raise InkoopkaderError("Geef bij standaardinvoer een segment (--segment) of profiel (--profiel) op.")
    kwargs: dict[str, Any] = {"strikt": strikt, "via_kader": via_kader}
    if min_dekking is not None:
        kwargs["min_dekking"] = _parse_dekking(min_dekking)
    if vereist:
        kwargs["vereist"] = opties.split_ids(vereist)
    if personeelseis:
        kwargs["personeel"] = opties.split_ids(personeelseis)
    elif personeel:
        kwargs["personeel"] = True
    if wettelijk:
        kwargs["wettelijk"] = True
    corpus = laad_corpus()
    filters = opties.selectie_filters(
        corpus, thema=thema, kader=kader, zonder_kader=zonder_kader, doelgroep=doelgroep, zoekterm=zoekterm,
        ids=ids, alleen_specifiek=alleen_specifiek,
    )
    verzoek, geladen = opties.maak_verzoek(corpus, segment, profiel, filters, bron_zonder_segment=True)
    if verzoek is not None:
        kwargs["verzoek"] = verzoek
        kwargs["alles_vereist"] = geladen is not None  # a profile's criteria are all required
    from ..check import GeenSelectie

    try:
        rapport = _run_check(concept, {"corpus": corpus, **kwargs})
    except GeenSelectie:
        # The library's advice in flags, once (not its sentence and then the flags again).
        raise InkoopkaderError(
            f"Waartegen moet '{concept}' worden gecontroleerd? Geef --segment (b.v. --segment wmo-1a) of --profiel; "
            "alleen documenten van 'inkoopkader compose' dragen hun selectie zelf mee."
        ) from None
    except (InkoopkaderError, KeyboardInterrupt):
        raise
    except Exception as exc:  # never a traceback for a user's file; say what happened
        raise InkoopkaderError(
            f"Interne fout bij het controleren van '{concept}' ({type(exc).__name__}: {exc}). Dit hoort niet "
            "te gebeuren: meld het probleem, met het bestand als dat kan."
        ) from None

    from ..check.report import to_github, to_json, to_junit

    if gekozen is CheckUitvoer.json:
        tekst = to_json(rapport)
    elif gekozen is CheckUitvoer.junit:
        tekst = to_junit(rapport)
    elif gekozen is CheckUitvoer.github:
        tekst = to_github(rapport, bestand=None if str(concept) == "-" else concept.as_posix())
    else:
        tekst = _tekst(rapport, corpus, naar_bestand=output is not None)

    if output is not None:
        # backslashreplace: a draft name that was not UTF-8 on the command line stays readable
        write_atomic(output, tekst.encode("utf-8", "backslashreplace"), force=force)
        uitslag = "poort geslaagd" if rapport.geslaagd else "poort afgekeurd"
        schrijf_fout(f"Geschreven: {output} — {uitslag}")
    else:
        sys.stdout.write(tekst)
        sys.stdout.flush()
    raise typer.Exit(0 if rapport.geslaagd else 1)


def _tekst(rapport: Any, corpus: Any, *, naar_bestand: bool) -> str:
    """The text summary: plain for a file or a pipe; fitted to the width and in colour on a terminal."""
    import os
    import shutil

    from ..check.samenvatting import format_tekst

    terminal = not naar_bestand and _is_terminal(sys.stdout)
    if not terminal:
        return format_tekst(rapport, corpus)
    breedte = shutil.get_terminal_size().columns
    return format_tekst(rapport, corpus, breedte=breedte, kleur="NO_COLOR" not in os.environ)


def _is_terminal(stroom: Any) -> bool:
    try:
        return bool(stroom.isatty())
    except (AttributeError, ValueError, OSError):
        return False
