"""The options several commands share, declared once, and the one translation of selection flags
into the library's request (`select.Verzoek`).

compose and check take the same selection flags (segment or profile, thema, kader, doelgroep,
zoekterm, IDs …); `maak_verzoek` turns them into the frozen `Verzoek` that `select()`, `compose()`
and `check()` take. Messages that name a flag are made here, never in the library.
"""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer


class Formaat(str, Enum):
    """Output of the listing commands (frameworks, segments, search)."""

    tabel = "tabel"
    json = "json"


# --- the selection ----------------------------------------------------------------------------------

Segment = Annotated[Optional[str], typer.Option(
    "--segment", "-s", help="Inkoopsegment, b.v. wmo-1a of 'Jeugdhulp 4'.", show_default=False)]
Profiel = Annotated[Optional[Path], typer.Option(
    "--profiel", "-p", help="Selectieprofiel (YAML) van 'inkoopkader init'.", show_default=False)]
Procedure = Annotated[Optional[str], typer.Option(
    "--procedure", help="aanbesteding (standaard), open-house of subsidie.", show_default=False)]
Themas = Annotated[Optional[list[str]], typer.Option(
    "--thema", "-t", help="Alleen dit thema (herhaalbaar).", show_default=False)]
Kaders = Annotated[Optional[list[str]], typer.Option(
    "--kader", "-k", help="Alleen dit kader (nummer of sleutel; herhaalbaar).", show_default=False)]
ZonderKaders = Annotated[Optional[list[str]], typer.Option(
    "--zonder-kader", help="Laat dit kader weg (herhaalbaar).", show_default=False)]
Doelgroepen = Annotated[Optional[list[str]], typer.Option(
    "--doelgroep", help="Alleen criteria voor organisatie, professional of gemeente.", show_default=False)]
Zoekterm = Annotated[Optional[str], typer.Option(
    "--zoek", help="Alleen criteria die bij deze zoekterm passen.", show_default=False)]
Ids = Annotated[Optional[list[str]], typer.Option(
    "--id", help="Criterium-ID('s), herhaalbaar of met komma's.", show_default=False)]
AlleenSpecifiek = Annotated[bool, typer.Option(
    "--alleen-specifiek", help="Alleen kaders die de bron aan precies dit segment koppelt.")]
Personeelseisen = Annotated[Optional[list[str]], typer.Option(
    "--personeelseis", help="Deze personeelseisen (pe-…; herhaalbaar of met komma's).", show_default=False)]
Functieniveaus = Annotated[Optional[list[str]], typer.Option(
    "--functieniveau", help="Alleen deze functieniveaus (b.v. B,C of wce-niv-b).", show_default=False)]

# --- the document's title page (init writes them into the profile, compose onto the page) -----------


def _tekstoptie(naam: str, uitleg: str) -> Any:
    return Annotated[Optional[str], typer.Option(naam, help=uitleg, show_default=False)]


Gemeente = _tekstoptie("--gemeente", "Naam van de gemeente.")
GemeenteTitelpagina = _tekstoptie("--gemeente", "Naam van de gemeente (titelpagina).")  # compose: where it goes
Titel = _tekstoptie("--titel", "Titel van het document.")
Kenmerk = _tekstoptie("--kenmerk", "Kenmerk of zaaknummer.")

# --- files ------------------------------------------------------------------------------------------

Force = Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand bestand.")]
TabelOfJson = Annotated[Formaat, typer.Option("--format", "-f", help="Uitvoer: tabel of json.")]


def split_ids(values: Optional[list[str]]) -> list[str]:
    """['a,b', 'c'] -> ['a', 'b', 'c']."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def selectie_filters(
    corpus: Any,
    *,
    thema: Optional[list[str]] = None,
    kader: Optional[list[str]] = None,
    zonder_kader: Optional[list[str]] = None,
    doelgroep: Optional[list[str]] = None,
    zoekterm: Optional[str] = None,
    ids: Optional[list[str]] = None,
    alleen_specifiek: bool = False,
    rol: Optional[str] = None,
    procedure: Optional[str] = None,
) -> dict[str, Any]:
    """The selection flags as fields of a `Verzoek` (only those that were given)."""
    from ..resolve import resolve_kader, resolve_thema
    from ..select import parse_doelgroep, parse_procedure, parse_rol

    opties: dict[str, Any] = {}
    if thema:
        opties["themas"] = [resolve_thema(t) for t in thema]
    if kader:
        opties["kaders"] = [resolve_kader(corpus, k).nummer for k in kader]
    if zonder_kader:
        opties["zonder_kaders"] = [resolve_kader(corpus, k).nummer for k in zonder_kader]
    if doelgroep:
        opties["doelgroepen"] = [parse_doelgroep(d) for d in doelgroep]
    if ids:
        opties["ids"] = split_ids(ids)
    if zoekterm:
        opties["zoekterm"] = zoekterm
    if alleen_specifiek:
        opties["alleen_specifiek"] = True
    if rol:
        opties["rol"] = parse_rol(rol)
    if procedure:
        opties["procedure"] = parse_procedure(procedure)
    return opties


def maak_verzoek(corpus: Any, segment: Optional[str], profiel: Optional[Path], filters: dict[str, Any],
                 *, bron_zonder_segment: bool = False) -> tuple[Any, Any]:
    """(Verzoek, Profiel or None) from --segment or --profiel and the other selection flags.

    With `bron_zonder_segment` (check on a composed document) neither is needed: then (None, None)
    comes back and the document's own record decides.

    Raises:
        InkoopkaderError: a profile with --kader/--zonder-kader, a profile for another segment, no
            segment and no profile, or a file that is no profile; the library's errors for the rest.
    """
    from ..errors import InkoopkaderError
    from ..resolve import resolve_segment
    from ..select import Verzoek

    if profiel is not None:
        if filters.get("kaders") or filters.get("zonder_kaders"):
            raise InkoopkaderError(
                "Kaders kiezen (--kader, --zonder-kader) gaat niet samen met een profiel (--profiel): het profiel "
                "bepaalt de kaders. Pas het profiel aan of kies een segment zonder profiel."
            )
        controleer_profielbestand(profiel)
        from ..profile import load_profile

        geladen = load_profile(corpus, profiel)
        if segment and resolve_segment(corpus, segment).id != geladen.segment:
            raise InkoopkaderError(
                f"Het profiel '{profiel}' is voor segment {geladen.segment}, niet voor {segment}; laat --segment weg."
            )
        return geladen.verzoek(**filters), geladen
    if not segment:
        if bron_zonder_segment:
            return None, None
        raise InkoopkaderError(
            "Geef een segment op met --segment (b.v. --segment wmo-1a) of een profiel met --profiel."
        )
    gevonden = resolve_segment(corpus, segment)
    return Verzoek.maak(gevonden.id, herkomst=f"segment: {gevonden.id}", **filters), None


def controleer_profielbestand(pad: Path) -> None:
    """Refuse, with a message a user understands, a file that is clearly no YAML profile (a Word
    document, a PDF, a directory, binary data) before the YAML reader trips over it; the library
    (`profile.check_profielbestand`) recognises the file, this adds how to make a profile.

    Raises:
        InkoopkaderError: naming the file and what it is.
    """
    from ..errors import InkoopkaderError
    from ..profile import GeenProfiel, check_profielbestand

    uitleg = "Een selectieprofiel is een YAML-bestand; maak er een met: inkoopkader init --segment SEGMENT -o profiel.yaml"
    try:
        if pad.is_dir():
            raise InkoopkaderError(f"'{pad}' is een map, geen selectieprofiel. {uitleg}")
        if not pad.exists() and not pad.is_symlink():
            raise InkoopkaderError(f"Profiel '{pad}' bestaat niet. Maak er een met: "
                                   f"inkoopkader init --segment SEGMENT -o {pad.name}")
    except OSError:
        return  # the library gives its own message for a file it cannot read
    try:
        check_profielbestand(pad)
    except GeenProfiel as exc:
        raise InkoopkaderError(f"{exc} {uitleg}") from None


def parse_datum(waarde: Optional[str]) -> Any:
    """'2027-03-01', '01-03-2027', '1-3-2027' or '01/03/2027' -> a date.

    Raises:
        InkoopkaderError: any other text or an impossible date, with both spellings.
    """
    if not waarde:
        return None
    import datetime as dt
    import re

    from ..errors import InkoopkaderError

    tekst = waarde.strip()
    uitleg = "gebruik DD-MM-JJJJ of JJJJ-MM-DD, b.v. 01-03-2027 of 2027-03-01"
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", tekst)
    nl = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", tekst)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if nl:
            return dt.date(int(nl[3]), int(nl[2]), int(nl[1]))
    except ValueError:
        raise InkoopkaderError(f"Ongeldige datum '{waarde}': die dag bestaat niet; {uitleg}.") from None
    raise InkoopkaderError(f"Ongeldige datum '{waarde[:40]}'; {uitleg}.")
