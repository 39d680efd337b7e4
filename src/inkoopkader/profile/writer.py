"""Writing a new profile: every candidate kader of a segment and all its criteria, with comments.

The text is generated line by line (not dumped) so that it reads as a form to fill in: an opening
comment that explains the format, each criterion with the start of its text and the roles it can
have, and at the end the `bekend` block that `updater` compares with a later corpus.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from ..model import Corpus, Criterium, Doelgroep, Kader, Procedure, Relevantie, Rol, Segment
from ..select import Verzoek, parse_procedure
from .model import SCHEMA_VERSION

TEKST_LENGTE = 100
"""How many characters of a criterion's text its comment shows."""

_CRITERIUM_INSPRONG = 6  # column of a criterion ID in the generated layout

_KOP = """\
# Selectieprofiel van inkoopkader voor {segment_titel}
#
# Dit bestand legt vast welke kwaliteitscriteria in uw aanbestedingsdocument komen. Pas het aan en
# maak daarna het document met:   inkoopkader compose --profiel {bestand}
#
# Zo werkt het:
#   opnemen: ja / nee   Neem een kader of criterium wel of niet op. Een kader met 'opnemen: nee' valt
#                       helemaal weg, ook als criteria ervan op 'ja' staan. Een criterium dat u uit dit
#                       bestand verwijdert, wordt niet opgenomen.
#   rol:                de rol van een criterium in het document. Achter elk criterium staat welke
#                       rollen het kan hebben ([kan: …]); 'inspiratie' kan altijd.
#                       geschiktheidseis       eis aan de inschrijver als organisatie
#                       minimumeis             knock-out-eis aan de dienstverlening (met bewijs)
#                       uitvoeringsvoorwaarde  verplichting tijdens het contract
#                       gunningscriterium      beoordelingsaspect van een gunningsvraag (in open house
#                                              en subsidie: onderdeel van het plan)
#                       inspiratie             geen eis; alleen in de bijlage (bijlagen: ja)
#   verwijzing: ja/nee  Het kader als geheel van toepassing verklaren (alleen waar de bron dat
#                       adviseert en het kader actueel is).
#   inzet:              lichaam = criteria standaard in de hoofdtekst; inspiratie = alleen in de bijlage.
#   wettelijk: ja/nee   Het hoofdstuk 'Wettelijke verplichtingen' (VOG, meldcode, klachten,
#                       medezeggenschap … met wet en artikel); zonder deze regel: ja.
#   procedure:          aanbesteding, open-house of subsidie; bepaalt hoofdstukken en formulering.
#   gunning:            prijs (percentage, 0 = vaste tarieven), ondergrens (score) en eventueel eigen
#                       vragen (titel, weging, omvang in A4, criteria); de wegingen plus de prijs
#                       tellen op tot 100.
#   Achter elk criterium staat het begin van de tekst als commentaar. 'GEMEENTE (bijlage B)' betekent
#   dat het criterium zich tot de gemeente zelf richt: het wordt geen eis aan de aanbieder, maar een
#   aandachtspunt in de bijlage voor de gemeente.
#
# Eigen opmerkingen achter een '#' blijven bewaard. Draait u 'inkoopkader init' opnieuw op dit bestand
# na een nieuwe versie van het corpus, dan blijven uw keuzes staan; nieuwe kaders en criteria krijgen
# de opmerking 'NIEUW in corpus …', en wat uit het corpus verdween krijgt 'vervallen:' en telt niet
# meer mee.
"""


def profiel_yaml(
    corpus: Corpus,
    segment: str,
    *,
    procedure: Procedure | str = Procedure.AANBESTEDING,
    gemeente: str | None = None,
    titel: str | None = None,
    kenmerk: str | None = None,
    versie: str = "1.0",
    bestand: str | None = None,
) -> str:
    """The text of a new profile for a segment: every candidate kader and all its criteria, each with
    the role the default document gives it.

    Args:
        corpus: the loaded corpus.
        segment: a segment ID or spelling ('wmo-1a', 'Wmo 1a').
        procedure: aanbesteding, open-house or subsidie.
        gemeente, titel, kenmerk, versie: document metadata to fill in (the inkoper can edit them).
        bestand: the file name the opening comment mentions in its compose example.

    Raises:
        OnbekendeWaarde: for an unknown segment or procedure.
    """
    from ..resolve import resolve_segment
    from ..select import select

    found = resolve_segment(corpus, segment)
    procedure = procedure if isinstance(procedure, Procedure) else parse_procedure(procedure)
    selectie = select(corpus, Verzoek(found.id, procedure=procedure))
    rollen = {k.criterium.id: k.rol for k in (*selectie.keuzes, *selectie.gemeente)}
    kader_keuzes = {kk.kader.nummer: kk for kk in selectie.kaders}
    kop = _KOP.format(segment_titel=found.titel, bestand=bestand or f"{found.id}.yaml")
    lines = [
        *kop.rstrip("\n").split("\n"),
        "",
        f"schema_version: {SCHEMA_VERSION}",
        f"corpus_versie: {_quote(corpus.versie)}  # niet wijzigen: bijgewerkt door 'inkoopkader init'",
        f"segment: {found.id}  # {found.titel}",
        f"procedure: {procedure.value}  # aanbesteding, open-house of subsidie",
        "",
        "# Gegevens voor de titelpagina van het document",
        f"gemeente: {_quote(gemeente or '')}  # b.v. \"Gemeente Enschede\"",
        f"titel: {_quote(titel or f'Kwaliteitscriteria {found.titel}')}",
        f"kenmerk: {_quote(kenmerk or '')}  # kenmerk of zaaknummer van de aanbesteding",
        f"versie: {_quote(versie)}",
        "bijlagen: nee  # ja: bijlagen met criteria ter inspiratie, aandachtspunten voor de gemeente en de kaders",
        "wettelijk: ja  # nee: zonder het hoofdstuk 'Wettelijke verplichtingen' (de wet geldt dan nog steeds)",
        "",
        *_gunning_regels(),
        "",
        *_personeel_regels(corpus, found),
        "",
        "# De kwaliteitskaders die de bron aan dit segment koppelt, met al hun criteria",
        "kaders:",
    ]
    for index, (kader, relevantie) in enumerate(corpus.kaders_voor_segment(found.id)):
        if index:
            lines.append("")
        kk = kader_keuzes.get(kader.nummer)
        lines += _kader_regels(kader, relevantie, found, rollen, verwijzing=bool(kk and kk.verwijzing))
    lines += ["", *_bekend_regels(corpus, found)]
    return "\n".join(lines) + "\n"


_BEKEND_UITLEG = (
    "Niet wijzigen: de kaders en criteria die het corpus bevatte toen dit profiel werd geschreven of bijgewerkt.\n"
    "'inkoopkader init' voegt alleen wat hier niet staat als NIEUW toe; wat u hierboven verwijderde, blijft weg."
)


def _bekend_regels(corpus: Corpus, segment: Segment) -> list[str]:
    from ..diff import stand, stand_tekst

    kaders = [k.nummer for k, _ in corpus.kaders_voor_segment(segment.id)]
    return [*(f"# {regel}" for regel in _BEKEND_UITLEG.split("\n")), "bekend:",
            *(f"  {nummer}: {_quote(stand_tekst(ids))}" for nummer, ids in stand(corpus, kaders).items())]


def _gunning_regels() -> list[str]:
    from ..framing import STANDAARD_ONDERGRENS

    return [
        "# Gunning (alleen bij een aanbesteding). prijs: het gewicht van de prijs in procenten; 0 betekent",
        "# vaste tarieven en gunning op kwaliteit alleen. ondergrens: wie op een vraag lager scoort, valt af",
        "# ('geen' voor geen ondergrens). vragen: leeg = één vraag per thema, met een weging naar verhouding",
        "# van het aantal beoordelingsaspecten (ten minste 5%); of eigen vragen, elk met titel, weging",
        "# (procent), omvang (A4) en criteria (ID's met rol gunningscriterium):",
        "#   vragen:",
        "#     - titel: \"Ondersteuning op maat\"",
        "#       weging: 60",
        "#       omvang: 2",
        "#       criteria: [bwmo-01, bwmo-04]",
        "gunning:",
        "  prijs: 0",
        f"  ondergrens: {STANDAARD_ONDERGRENS}",
        "  vragen: []",
    ]


def write_profile(
    corpus: Corpus,
    segment: str,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    procedure: Procedure | str = Procedure.AANBESTEDING,
    gemeente: str | None = None,
    titel: str | None = None,
    kenmerk: str | None = None,
    versie: str = "1.0",
) -> Path:
    """Write a new profile for a segment to `path` (atomically); see `profiel_yaml`.

    Raises:
        InkoopkaderError: when `path` exists and `force` is not set (use `update_profile` to bring
            an existing profile up to date), or the directory does not exist.
        OnbekendeWaarde: for an unknown segment.
    """
    from ..output import write_atomic

    target = Path(path)
    text = profiel_yaml(corpus, segment, procedure=procedure, gemeente=gemeente, titel=titel, kenmerk=kenmerk,
                        versie=versie, bestand=target.name)
    return write_atomic(target, text.encode("utf-8"), force=force)


def _kader_regels(
    kader: Kader, relevantie: Relevantie, segment: Segment, rollen: Mapping[str, Rol], *,
    verwijzing: bool = False, nieuw: str | None = None,
) -> list[str]:
    if relevantie is Relevantie.SPECIFIEK:
        waarom = "specifiek voor dit segment"
    else:
        waarom = f"algemeen: geldt voor heel {segment.domein}"
    label = f"{nieuw} — " if nieuw else ""
    advies = kader.verwijzingsadvies.value
    lines = [
        f"  - nummer: {kader.nummer}  # {label}{kader.titel} ({kader.jaar}) — {waarom}",
        "    opnemen: ja",
        f"    verwijzing: {'ja' if verwijzing else 'nee'}  # als geheel van toepassing; advies: {advies}",
        f"    inzet: {kader.inzet.value}  # lichaam of inspiratie",
        "    criteria:",
    ]
    indent = " " * _CRITERIUM_INSPRONG
    for crit in kader.criteria:
        rol = rollen.get(crit.id) or kader.gebruik(crit).standaardrol
        lines += [
            f"{indent}{crit.id}:  # {_samenvatting(crit, kader)}",
            f"{indent}  opnemen: ja",
            f"{indent}  rol: {rol.value}",
        ]
    return lines


def _samenvatting(crit: Criterium, kader: Kader) -> str:
    """The start of a criterion's text and the roles it can have, for its comment (one line)."""
    from ..text import strip_markup

    tekst = " ".join(strip_markup(f"{crit.titel}: {crit.tekst}" if crit.titel else crit.tekst).split())
    if len(tekst) > TEKST_LENGTE:
        tekst = tekst[:TEKST_LENGTE].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    if crit.doelgroep is Doelgroep.GEMEENTE:
        return f"GEMEENTE (bijlage B): {tekst}"
    return f"{tekst} {_kan(crit, kader)}"


def _kan(crit: Criterium, kader: Kader) -> str:
    """The roles a criterion can have, as its comment shows them: '[kan: minimumeis, gunningscriterium]'."""
    rollen = [r.value for r in kader.gebruik(crit).rollen if r is not Rol.INSPIRATIE]
    return f"[kan: {', '.join(rollen) or 'alleen inspiratie'}]"


def _quote(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)



def _personeel_regels(corpus: Corpus, segment: Segment) -> list[str]:
    """The profile's 'personeel' block: off by default, listing the domain's default requirements."""
    from ..personeel import standaard_eisen
    from ..wettelijk import gedekt, verplichtingen_voor

    eisen = standaard_eisen(corpus.personeelseisen, segment.domein)
    wettelijk = gedekt(verplichtingen_voor(corpus, segment.domein, segment=segment.id))
    extra = [e for e in corpus.personeelseisen if not e.domeinen]
    lines = [
        "# Deskundigheid en inzet van personeel (opleiding, registratie, competenties), zoals",
        "# 'inkoopkader compose --personeel'. Zet opnemen op ja om het hoofdstuk toe te voegen; haal eisen",
        "# weg die u niet wilt. Alleen op verzoek (voeg de ID toe): "
        + ", ".join(e.id for e in extra) + ".",
        "# functieniveaus: b.v. [B, C], voor eisen per functieniveau (pe-opleiding-functieniveau: de",
        "# functiefamilie wijkcoach A–D van de gemeente Enschede, als voorbeeld).",
        "personeel:",
        "  opnemen: nee",
        "  eisen:" + ("" if eisen else " []"),
    ]
    for e in eisen:
        dekking = f"; met wettelijk: ja staat dit al als {wettelijk[e.id].id} in het document" if e.id in wettelijk else ""
        lines.append(f"    - {e.id}  # {e.rol.value}: {e.titel}{dekking}")
    lines.append("  functieniveaus: []")
    return lines

