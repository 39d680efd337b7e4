"""Selection profiles: an inkoper's choice of kaders and criteria, kept in an editable YAML file.

`inkoopkader init --segment wmo-1a` writes a profile (`write_profile`); the inkoper edits it by hand;
`inkoopkader compose --profiel wmo-1a.yaml` turns it into a document (`load_profile` +
`Profiel.select_kwargs()`). After a corpus update, running `init` again on the same file
(`update_profile`) adds what is new and keeps every choice and comment the inkoper made.

The format (the file explains itself in its opening comment)::

    schema_version: 2
    corpus_versie: 8e84e94d53b2        # the corpus the profile was made or last updated with
    segment: wmo-1a
    procedure: aanbesteding             # aanbesteding | open-house | subsidie
    gemeente: "Gemeente Enschede"       # title page metadata for compose
    titel: "Kwaliteitscriteria Wmo 1a – Multi-probleem"
    kenmerk: ""
    versie: "1.0"
    bijlagen: nee                       # annexes: criteria ter inspiratie, gemeente, kaders
    wettelijk: ja                       # optional: the chapter 'Wettelijke verplichtingen' (default ja)
    gunning:                            # only for an aanbesteding
      prijs: 0                          # % price; 0 = fixed tariffs, award on quality alone
      ondergrens: 6                     # a question scored lower excludes the bid; 'geen' for none
      vragen: []                        # empty: one question per thema, equal wegingen
      # schaal: [{score: 10, label: Zeer goed, omschrijving: …}, …]   optional; absent = the default scale
    kaders:
      - nummer: 6  # Model basisset kwaliteitseisen … (2014) — algemeen: geldt voor heel Wmo
        opnemen: ja                     # ja / nee: the whole kader
        verwijzing: nee                 # declared applicable as a whole (where the tender layer allows)
        inzet: lichaam                  # lichaam | inspiratie: where its criteria go by default
        criteria:
          wbs-01:  # Het professioneel handelen is gericht op … [kan: gunningscriterium]
            opnemen: ja                 # ja / nee
            rol: gunningscriterium      # a role the criterion can serve, or inspiratie

Rules, chosen so that the document is exactly what the file says:

- A kader with `opnemen: nee` is left out entirely, whatever its criteria say.
- A kader without a `criteria` key contributes all its criteria. With a `criteria` key, only the
  criteria listed there with `opnemen: ja` are used: a criterion the inkoper deleted from the file,
  or one that appeared in the corpus after the profile was written, is left out (and reported in
  `Profiel.ontbrekende_criteria`) until `update_profile` adds it. Likewise a kader of the segment
  that is not in the file is left out (`Profiel.ontbrekende_kaders`).
- A criterion may be written in short form, `wbs-01: nee`.
- Criteria addressed to the gemeente (doelgroep gemeente) are listed with the marker
  "GEMEENTE (bijlage B)" in their comment: compose puts them in an annex, never in the requirements.

Disappeared criteria and kaders: `update_profile` keeps them where they are, with the user's choices
and comments, and marks them with a key `vervallen: "niet meer in corpus …"`. Marked entries are
ignored by `load_profile` (listed in `Profiel.vervallen`); the inkoper removes them when done. Every
change is also returned in a `ProfielUpdate`.

New criteria: the profile ends with `bekend:`, the kaders and criterion IDs the corpus had when the
profile was written or last updated (per kader number, compactly: `1: "bwmo-01..45"`). `update_profile`
compares that with the corpus (`diff.vergelijk_ids`, the comparison `inkoopkader diff` uses): only a
criterion or kader that was not there then is added as NIEUW, so a block the inkoper deleted stays
deleted. A profile without `bekend` (written before it existed) gets every missing criterion as NIEUW
once — unless its `corpus_versie` is the corpus's own, in which case nothing can be new.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import Bevinding, BevindingenFout, InkoopkaderError, OnbekendeWaarde, bestandsnaam, dichtstbijzijnde
from .model import Corpus, Criterium, Doelgroep, Inzet, Kader, Procedure, Relevantie, Rol, Segment
from .select import OngeldigeKeuze, Verzoek, parse_procedure, parse_rol

SCHEMA_VERSION = 2
"""Version of the profile format; a profile with a higher version is refused, version 1 (eis/vraag/
verwijzing as 'vorm') is migrated by `update_profile` (inkoopkader init)."""

TEKST_LENGTE = 100
"""How many characters of a criterion's text its comment shows."""

PROFIEL_VELDEN = (
    "schema_version", "corpus_versie", "segment", "procedure", "gemeente", "titel", "kenmerk", "versie",
    "bijlagen", "wettelijk", "personeel", "gunning", "kaders", "bekend",
)
PERSONEEL_VELDEN = ("opnemen", "eisen", "functieniveaus", "rol")
GUNNING_VELDEN = ("prijs", "ondergrens", "vragen", "schaal")
SCHAAL_VELDEN = ("score", "label", "omschrijving")
VRAAG_VELDEN = ("titel", "weging", "omvang", "vraag", "criteria")
KADER_VELDEN = ("nummer", "opnemen", "verwijzing", "inzet", "criteria", "vervallen")
CRITERIUM_VELDEN = ("opnemen", "rol", "vervallen")
OUDE_VORM = "vorm"
"""The field of schema 1 that roles replaced; its presence means the profile must be migrated."""

GEEN_MAPPING = "het profiel moet een mapping zijn (regels 'sleutel: waarde')"
GEEN_LIJST = "kaders: moet een lijst zijn (elk kader begint met '- nummer:')"
_JA = ("ja", "j", "yes", "y", "true", "waar", "aan")
_NEE = ("nee", "n", "no", "false", "onwaar", "uit")
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


# --- errors and results -----------------------------------------------------------------------------

_PROFIELKEUZES = ("kaders", "zonder_kaders", "uitgesloten", "rol_per_kader", "rol_per_criterium",
                  "verwijzing_per_kader", "inzet_per_kader", "criteria_per_kader")


def weiger_profielkeuzes(filters: Mapping[str, Any]) -> None:
    """Refuse `select` options that a profile decides itself (which kaders, which exclusions).

    Raises:
        InkoopkaderError: one of them is given.
    """
    if any(filters.get(naam) for naam in _PROFIELKEUZES):
        raise InkoopkaderError(
            "Kaders kiezen (--kader, --zonder-kader) gaat niet samen met een profiel: het profiel bepaalt de "
            "kaders. Pas het profiel aan of kies een segment zonder profiel."
        )


class ProfielFout(BevindingenFout):
    """A selection profile is invalid. Holds every finding (file, line, Dutch message), not only the first."""

    onderwerp = "Het profiel"


@dataclass(frozen=True)
class ProfielKader:
    """A kader as the profile chooses it; None means: as the tender layer advises."""

    nummer: int
    opnemen: bool
    verwijzing: bool | None = None
    inzet: Inzet | None = None
    regel: int | None = None


@dataclass(frozen=True)
class ProfielCriterium:
    """A criterion as the profile chooses it; `rol` None means: its default role."""

    id: str
    kader: int
    opnemen: bool
    rol: Rol | None = None
    regel: int | None = None


@dataclass(frozen=True)
class Profiel:
    """A validated selection profile: document metadata plus the choice of kaders and criteria."""

    pad: str
    segment: str
    gemeente: str | None
    titel: str | None
    kenmerk: str | None
    versie: str
    kaders: tuple[ProfielKader, ...]
    criteria: tuple[ProfielCriterium, ...]
    schema_version: int = SCHEMA_VERSION
    corpus_versie: str | None = None
    procedure: Procedure = Procedure.AANBESTEDING
    bijlagen: bool = False
    gunning: Any = None  # compose.GunningInstelling, or None for the defaults
    kandidaten: tuple[int, ...] = ()
    """The kaders the corpus ties to the segment (what `init` would list)."""
    ontbrekende_kaders: tuple[int, ...] = ()
    """Kaders of the segment that the file does not list; they are left out."""
    ontbrekende_criteria: tuple[ProfielCriterium, ...] = ()
    """Criteria of listed kaders that the file does not list; they are left out."""
    vervallen: tuple[str, ...] = ()
    """Entries marked `vervallen` ('kader 3', 'wbs-17'); they are ignored."""
    personeel: bool = False
    """Whether the chapter 'Deskundigheid en inzet van personeel' goes into the document."""
    personeelseisen: tuple[str, ...] | None = None
    """The chosen staff requirements (pe-…); None (no 'eisen' key) means the domain's defaults."""
    functieniveaus: tuple[str, ...] = ()
    """Function levels to list (codes such as 'B' or IDs); empty means all."""
    personeel_rol: Rol | None = None
    wettelijk: bool | None = None
    """The chapter 'Wettelijke verplichtingen' (key `wettelijk`: ja/nee); None without the key: compose's default (in)."""

    @property
    def opgenomen_kaders(self) -> tuple[int, ...]:
        """Numbers of the kaders that go into the document."""
        return tuple(k.nummer for k in self.kaders if k.opnemen)

    def verzoek(self, **filters: Any) -> Verzoek:
        """The selection request this profile makes; `filters` narrow it further.

        `filters` are further request fields (themas, doelgroepen, ids, zoekterm, rol …) that narrow
        the profile's selection. The profile decides the kaders: kader filters are refused.

        Raises:
            InkoopkaderError: `filters` name kaders, or another choice the profile makes itself.
        """
        weiger_profielkeuzes(filters)
        included = set(self.opgenomen_kaders)
        met_lijst = {c.kader for c in (*self.criteria, *self.ontbrekende_criteria)}
        gekozen = {
            n: tuple(c.id for c in self.criteria if c.kader == n and c.opnemen)
            for n in included if n in met_lijst
        }
        opties: dict[str, Any] = {
            "procedure": self.procedure,
            "kaders": tuple(sorted(included)),
            # Also name what is left out: with no kader included, `kaders=()` alone would mean "all".
            "zonder_kaders": tuple(n for n in self.kandidaten if n not in included),
            "rol_per_criterium": {c.id: c.rol for c in self.criteria
                                  if c.rol is not None and c.opnemen and c.kader in included},
            "verwijzing_per_kader": {k.nummer: k.verwijzing for k in self.kaders
                                     if k.opnemen and k.verwijzing is not None},
            "inzet_per_kader": {k.nummer: k.inzet for k in self.kaders if k.opnemen and k.inzet is not None},
            "criteria_per_kader": gekozen,
            "herkomst": f"profiel: {Path(self.pad).name}",
        }
        opties.update(filters)
        return Verzoek.maak(self.segment, **opties)

    def compose_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `inkoopkader.compose(corpus, selectie, **kwargs)`: the document metadata."""
        personeel: bool | tuple[str, ...] = False
        if self.personeel:
            personeel = True if self.personeelseisen is None else self.personeelseisen
        return {
            "titel": self.titel, "gemeente": self.gemeente, "kenmerk": self.kenmerk, "versie": self.versie,
            "bijlagen": self.bijlagen, "gunning": self.gunning,
            "personeel": personeel, "functieniveaus": self.functieniveaus, "personeel_rol": self.personeel_rol,
            "wettelijk": self.wettelijk,
        }

    def is_actueel(self, corpus: Corpus) -> bool:
        """Whether the profile was written or last updated with this corpus version."""
        return self.corpus_versie == corpus.versie


@dataclass(frozen=True)
class ProfielUpdate:
    """What `update_profile` changed in a profile."""

    pad: Path
    segment: str
    oude_corpus_versie: str | None
    corpus_versie: str
    nieuwe_kaders: tuple[int, ...] = ()
    nieuwe_criteria: tuple[str, ...] = ()
    vervallen_kaders: tuple[int, ...] = ()
    vervallen_criteria: tuple[str, ...] = ()
    hersteld: tuple[str, ...] = ()
    """Entries marked `vervallen` earlier that are back in the corpus; the mark was removed."""
    geschreven: bool = False
    gemigreerd: bool = False
    """A schema-1 profile (vorm: eis/vraag/verwijzing) was converted to roles."""

    @property
    def gewijzigd(self) -> bool:
        """Whether anything besides the recorded corpus version changed."""
        return bool(
            self.nieuwe_kaders or self.nieuwe_criteria or self.vervallen_kaders
            or self.vervallen_criteria or self.hersteld or self.gemigreerd
        )


# --- writing a new profile --------------------------------------------------------------------------


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
    from .resolve import resolve_segment
    from .select import select

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
    from .diff import stand, stand_tekst

    kaders = [k.nummer for k, _ in corpus.kaders_voor_segment(segment.id)]
    return [*(f"# {regel}" for regel in _BEKEND_UITLEG.split("\n")), "bekend:",
            *(f"  {nummer}: {_quote(stand_tekst(ids))}" for nummer, ids in stand(corpus, kaders).items())]


def _gunning_regels() -> list[str]:
    from .framing import STANDAARD_ONDERGRENS

    return [
        "# Gunning (alleen bij een aanbesteding). prijs: het gewicht van de prijs in procenten; 0 betekent",
        "# vaste tarieven en gunning op kwaliteit alleen. ondergrens: wie op een vraag lager scoort, valt af",
        "# ('geen' voor geen ondergrens). vragen: leeg = één vraag per thema met gelijke wegingen; of eigen",
        "# vragen, elk met titel, weging (procent), omvang (A4) en criteria (ID's met rol gunningscriterium):",
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
    from .output import write_atomic

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
    from .text import strip_markup

    tekst = " ".join(strip_markup(f"{crit.titel}: {crit.tekst}" if crit.titel else crit.tekst).split())
    if len(tekst) > TEKST_LENGTE:
        tekst = tekst[:TEKST_LENGTE].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    if crit.doelgroep is Doelgroep.GEMEENTE:
        return f"GEMEENTE (bijlage B): {tekst}"
    rollen = [r.value for r in kader.gebruik(crit).rollen if r is not Rol.INSPIRATIE]
    return f"{tekst} [kan: {', '.join(rollen) or 'alleen inspiratie'}]"


def _quote(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


# --- reading ----------------------------------------------------------------------------------------


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long title or comment
    return yaml


def _parse(path: Path) -> Any:
    """The round-trip tree of a profile file; broken YAML raises ProfielFout with the line."""
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from . import limieten, yamlveilig

    bestand = bestandsnaam(path)
    try:
        text = yamlveilig.lees(path, limieten.PROFIEL, f"Profiel '{bestand}'")  # regular, bounded, UTF-8
    except FileNotFoundError:
        raise InkoopkaderError(
            f"Profiel '{bestand}' bestaat niet. "
            f"Maak er een met: inkoopkader init --segment SEGMENT -o {path.name}"
        ) from None
    except IsADirectoryError:
        raise InkoopkaderError(f"Profiel '{bestand}' is een map, geen bestand.") from None
    except UnicodeDecodeError as exc:
        raise _fout(bestand, f"bestand is geen geldige UTF-8-tekst ({exc.reason})", None) from None
    except OSError as exc:
        raise InkoopkaderError(f"Profiel '{bestand}' kan niet worden gelezen: {exc.strerror}.") from None
    try:
        return yamlveilig.laad(_yaml(), text, bestand, ProfielFout)  # aliases, depth, keys, numbers checked
    except DuplicateKeyError as exc:
        mark = exc.problem_mark or exc.context_mark
        found = re.search(r'duplicate key "?([^"]+?)"? with', exc.problem or "")
        naam = f" '{found.group(1)}'" if found else ""
        melding = f"de sleutel{naam} komt twee keer voor in dezelfde mapping; laat er één staan"
        raise ProfielFout([Bevinding(bestand, melding, mark.line + 1 if mark else None)]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        probleem = exc.problem or exc.context or "onleesbare YAML"
        if "\\t" in probleem or "\t" in probleem:
            melding = "ongeldige YAML: deze regel begint met een tab; spring in met spaties"
        else:
            melding = (
                f"ongeldige YAML ({probleem}); controleer deze regel en de regel erboven: de inspringing, "
                "de dubbele punt na elke sleutel en de aanhalingstekens"
            )
        raise ProfielFout([Bevinding(bestand, melding, mark.line + 1 if mark else None)]) from None
    except YAMLError as exc:
        raise ProfielFout([Bevinding(bestand, f"ongeldige YAML: {exc}")]) from None


def _key_line(node: Any, key: Any) -> int | None:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return _node_line(node)


def _value_line(node: Any, key: Any) -> int | None:
    try:
        return int(node.lc.value(key)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return _key_line(node, key)


def _item_line(seq: Any, index: int) -> int | None:
    try:
        return int(seq.lc.item(index)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return _node_line(seq)


def _node_line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return int(lc.line) + 1 if lc is not None and lc.line is not None else None


def _fout(bestand: str, melding: str, regel: int | None) -> ProfielFout:
    return ProfielFout([Bevinding(bestand, melding, regel)])


def _hint(suggestie: str | None) -> str:
    return f" Bedoelt u '{suggestie}'?" if suggestie else ""


class _Controle:
    """Collects findings for one profile file."""

    def __init__(self, bestand: str) -> None:
        self.bestand = bestand
        self.bevindingen: list[Bevinding] = []

    def fout(self, melding: str, regel: int | None) -> None:
        self.bevindingen.append(Bevinding(self.bestand, melding, regel))

    def velden(self, node: Mapping[Any, Any], toegestaan: Sequence[str], waar: str) -> None:
        for key in node:
            if str(key) not in toegestaan:
                suggestie = dichtstbijzijnde(str(key), toegestaan)
                self.fout(
                    f"onbekend veld '{key}'{waar}.{_hint(suggestie)} Toegestaan: {', '.join(toegestaan)}.",
                    _key_line(node, key),
                )

    def tekst(self, node: Mapping[Any, Any], key: str) -> str | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            self.fout(f"{key}: moet tekst zijn, geen lijst of mapping", _value_line(node, key))
            return None
        text = _scalar_text(value).strip()
        return text or None

    def ja_nee(self, node: Mapping[Any, Any], key: str, waar: str) -> bool:
        value = node.get(key, True)
        if value is None:
            return True
        return self.ja_nee_waarde(value, f"{waar}: opnemen", _value_line(node, key))

    def ja_nee_waarde(self, value: Any, wat: str, regel: int | None) -> bool:
        if isinstance(value, bool):
            return value
        lowered = str(value).strip().lower()
        if lowered in _JA:
            return True
        if lowered in _NEE:
            return False
        self.fout(f"{wat}: '{value}' is geen geldige keuze; schrijf ja of nee", regel)
        return True

    def rol(self, node: Mapping[Any, Any], waar: str, crit: Criterium | None = None,
            kader: Kader | None = None) -> Rol | None:
        """A role value; for a criterion also whether the criterion can serve it (data/inkoop/)."""
        if "rol" not in node or node["rol"] is None:
            return None
        value = node["rol"]
        regel = _value_line(node, "rol")
        try:
            rol = parse_rol(str(value))
        except OngeldigeKeuze as exc:
            self.fout(f"{waar}: {exc}", regel)
            return None
        except OnbekendeWaarde as exc:
            self.fout(f"{waar}: {exc}", regel)
            return None
        if crit is not None and kader is not None:
            gebruik = kader.gebruik(crit)
            if not gebruik.kan(rol):
                mogelijk = ", ".join(r.value for r in gebruik.rollen)
                self.fout(f"{waar} kan geen {rol.value} zijn: {gebruik.reden.rstrip('.')}. Mogelijk: {mogelijk}.", regel)
                return None
        return rol

    def keuze(self, node: Mapping[Any, Any], key: str, waar: str, soort: Any, parse: Any) -> Any:
        if key not in node or node[key] is None:
            return None
        try:
            return parse(str(node[key]))
        except (OnbekendeWaarde, InkoopkaderError) as exc:
            self.fout(f"{waar}: {exc}", _value_line(node, key))
            return None

    def getal(self, node: Mapping[Any, Any], key: str, waar: str, minimum: int, maximum: int) -> int | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            self.fout(f"{waar}: {key} moet een geheel getal van {minimum} tot en met {maximum} zijn, niet '{value}'",
                      _value_line(node, key))
            return None
        return value


def _scalar_text(value: Any) -> str:
    """A scalar as the user wrote it: 'versie: 1.10' stays '1.10', not '1.1'."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        buffer = io.StringIO()
        _yaml().dump(value, buffer)
        return buffer.getvalue().split("\n", 1)[0].strip()
    return str(value)


def _is_map(value: Any) -> bool:
    return isinstance(value, dict)


def load_profile(corpus: Corpus, path: str | os.PathLike[str]) -> Profiel:
    """Read and validate a selection profile against a corpus.

    Every problem is collected before raising: unknown fields, kader numbers and criterion IDs (with
    a did-you-mean), invalid `opnemen`, `rol`, `verwijzing` and `inzet` values, a role a criterion
    cannot serve, a criterion listed under the wrong kader, inconsistent award settings.

    Raises:
        ProfielFout: when the file is not valid YAML or not a valid profile; each finding names the
            file and line.
        InkoopkaderError: when the file does not exist or cannot be read.
    """
    target = Path(path)
    data = _parse(target)
    return _lees(corpus, data, bestandsnaam(target))


def _lees(corpus: Corpus, data: Any, bestand: str) -> Profiel:
    from .resolve import resolve_segment

    controle = _Controle(bestand)
    if data is None:
        raise ProfielFout([Bevinding(bestand, "het profiel is leeg; maak er een met 'inkoopkader init'")])
    if not _is_map(data):
        raise _fout(bestand, GEEN_MAPPING, 1)
    controle.velden(data, PROFIEL_VELDEN, "")

    schema_version = data.get("schema_version", SCHEMA_VERSION)
    versie_regel = _value_line(data, "schema_version")
    if isinstance(schema_version, bool) or not isinstance(schema_version, int):
        controle.fout(f"schema_version: moet een geheel getal zijn, niet '{schema_version}'", versie_regel)
        schema_version = SCHEMA_VERSION
    elif schema_version > SCHEMA_VERSION:
        controle.fout(
            f"schema_version {schema_version} is nieuwer dan deze versie van inkoopkader aankan "
            f"({SCHEMA_VERSION}); werk inkoopkader bij",
            versie_regel,
        )
    elif schema_version < 1:
        controle.fout(f"schema_version {schema_version} bestaat niet; gebruik {SCHEMA_VERSION}", versie_regel)
    elif schema_version < SCHEMA_VERSION or _heeft_oude_vorm(data):
        naam = bestand.rsplit("/", 1)[-1]
        raise ProfielFout([Bevinding(
            bestand,
            f"dit profiel heeft het formaat van een eerdere versie van inkoopkader (schema_version "
            f"{schema_version}, met 'vorm: eis/vraag/verwijzing'). Criteria hebben nu een rol "
            "(minimumeis, uitvoeringsvoorwaarde, gunningscriterium …). Zet het om met: "
            f"inkoopkader init -o {naam} — uw keuzes en commentaar blijven behouden",
            versie_regel,
        )])

    segment: Segment | None = None
    segment_tekst = controle.tekst(data, "segment")
    if segment_tekst is None:
        controle.fout("verplicht veld 'segment' ontbreekt (b.v. segment: wmo-1a)", _node_line(data))
    else:
        try:
            segment = resolve_segment(corpus, segment_tekst)
        except OnbekendeWaarde as exc:
            ids = ", ".join(s.id for s in corpus.segmenten)
            controle.fout(
                f"onbekend segment '{segment_tekst}'.{_hint(exc.suggestie)} Bekend: {ids}.",
                _value_line(data, "segment"),
            )

    kandidaten = [k.nummer for k, _ in corpus.kaders_voor_segment(segment.id)] if segment else []
    bekende_kaders = {k.nummer: k for k in corpus.kaders}
    kaders: list[ProfielKader] = []
    criteria: list[ProfielCriterium] = []
    ontbrekend: list[ProfielCriterium] = []
    vervallen: list[str] = []
    gezien_kaders: dict[int, int | None] = {}
    gezien_criteria: dict[str, int | None] = {}

    lijst = data.get("kaders")
    if "kaders" not in data:
        controle.fout("verplicht veld 'kaders' ontbreekt", _node_line(data))
        lijst = []
    elif lijst is None:
        lijst = []
    elif not isinstance(lijst, list):
        controle.fout(GEEN_LIJST, _value_line(data, "kaders"))
        lijst = []

    for index, entry in enumerate(lijst):
        regel = _item_line(lijst, index)
        if not _is_map(entry):
            controle.fout("kaders: elk kader moet een mapping zijn die begint met '- nummer: N'", regel)
            continue
        if "vervallen" in entry:
            vervallen.append(f"kader {entry.get('nummer')}")
            continue
        controle.velden(entry, KADER_VELDEN, f" bij kader {entry.get('nummer', '?')}")
        kader = _kader_nummer(controle, entry, regel, bekende_kaders, kandidaten, segment)
        if kader is None:
            continue
        waar = f"kader {kader.nummer}"
        if kader.nummer in gezien_kaders:
            eerder = gezien_kaders[kader.nummer]
            controle.fout(
                f"kader {kader.nummer} staat twee keer in het profiel (ook op regel {eerder})", regel
            )
            continue
        gezien_kaders[kader.nummer] = regel
        opnemen = controle.ja_nee(entry, "opnemen", waar)
        verwijzing = None
        if entry.get("verwijzing") is not None:
            verwijzing = controle.ja_nee_waarde(entry["verwijzing"], f"{waar}: verwijzing", _value_line(entry, "verwijzing"))
            if verwijzing and kader.verwijzingsadvies.value == "nee" and opnemen:
                reden = kader.inkoop.verwijzing_reden.rstrip(".") if kader.inkoop else ""
                controle.fout(f"{waar} kan niet als geheel van toepassing worden verklaard: {reden}. Zet verwijzing op nee",
                              _value_line(entry, "verwijzing"))
        inzet = controle.keuze(entry, "inzet", waar, Inzet, _parse_inzet)
        kaders.append(ProfielKader(kader.nummer, opnemen, verwijzing, inzet, _key_line(entry, "nummer")))
        if "criteria" not in entry:
            continue  # no list: the whole kader
        lijst_criteria = entry["criteria"]
        if lijst_criteria is None:
            lijst_criteria = {}
        if not _is_map(lijst_criteria):
            controle.fout(
                f"{waar}: criteria moet een mapping zijn (regels 'ID:' met opnemen en rol)",
                _value_line(entry, "criteria"),
            )
            continue
        genoemd: set[str] = set()
        for key, value in lijst_criteria.items():
            cregel = _key_line(lijst_criteria, key)
            if _is_map(value) and "vervallen" in value:
                vervallen.append(str(key))
                continue
            crit = _criterium_id(controle, corpus, kader, key, cregel)
            if crit is None:
                continue
            if crit.id in gezien_criteria:
                eerder = gezien_criteria[crit.id]
                controle.fout(
                    f"criterium '{crit.id}' staat twee keer in het profiel (ook op regel {eerder})", cregel
                )
                continue
            gezien_criteria[crit.id] = cregel
            genoemd.add(crit.id)
            criteria.append(_criterium_keuze(controle, crit, kader, value, cregel))
        ontbrekend += [
            ProfielCriterium(c.id, kader.nummer, False) for c in kader.criteria if c.id not in genoemd
        ]

    personeel = _personeel_keuze(controle, corpus, data.get("personeel"), data)
    procedure = controle.keuze(data, "procedure", "procedure", Procedure, parse_procedure) or Procedure.AANBESTEDING
    bijlagen = False
    if data.get("bijlagen") is not None:
        bijlagen = controle.ja_nee_waarde(data["bijlagen"], "bijlagen", _value_line(data, "bijlagen"))
    wettelijk = None  # no key: compose decides (the chapter is in by default)
    if data.get("wettelijk") is not None:
        wettelijk = controle.ja_nee_waarde(data["wettelijk"], "wettelijk", _value_line(data, "wettelijk"))
    in_profiel = {c.id for k in corpus.kaders if k.nummer in gezien_kaders for c in k.criteria}
    gunning = _gunning_keuze(controle, data.get("gunning"), data, dict.fromkeys(in_profiel))

    if controle.bevindingen:
        raise ProfielFout(controle.bevindingen)
    assert segment is not None  # a missing or unknown segment is a finding
    return Profiel(
        pad=bestand,
        segment=segment.id,
        gemeente=controle.tekst(data, "gemeente"),
        titel=controle.tekst(data, "titel"),
        kenmerk=controle.tekst(data, "kenmerk"),
        versie=controle.tekst(data, "versie") or "1.0",
        kaders=tuple(kaders),
        criteria=tuple(criteria),
        schema_version=schema_version,
        corpus_versie=controle.tekst(data, "corpus_versie"),
        kandidaten=tuple(kandidaten),
        ontbrekende_kaders=tuple(n for n in kandidaten if n not in gezien_kaders),
        ontbrekende_criteria=tuple(ontbrekend),
        vervallen=tuple(vervallen),
        procedure=procedure,
        bijlagen=bijlagen,
        gunning=gunning,
        personeel=personeel[0],
        personeelseisen=personeel[1],
        functieniveaus=personeel[2],
        personeel_rol=personeel[3],
        wettelijk=wettelijk,
    )


def _kader_nummer(
    controle: _Controle,
    entry: Mapping[Any, Any],
    regel: int | None,
    bekend: Mapping[int, Kader],
    kandidaten: Sequence[int],
    segment: Segment | None,
) -> Kader | None:
    if "nummer" not in entry:
        controle.fout("kader zonder 'nummer' (elk kader begint met '- nummer: N')", regel)
        return None
    value = entry["nummer"]
    nregel = _value_line(entry, "nummer")
    nummer: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        nummer = value
    elif isinstance(value, str) and value.strip().isdigit():
        nummer = int(value.strip())
    opties = [str(n) for n in (kandidaten or sorted(bekend))]
    if nummer is None or nummer not in bekend:
        suggestie = dichtstbijzijnde(str(value), opties)
        bij = ", ".join(opties)
        controle.fout(f"onbekend kader '{value}'.{_hint(suggestie)} Kaders bij dit segment: {bij}.", nregel)
        return None
    if segment is not None and nummer not in kandidaten:
        controle.fout(
            f"kader {nummer} ({bekend[nummer].titel}) hoort volgens de bron niet bij segment {segment.id}. "
            f"Kaders bij dit segment: {', '.join(opties)}.",
            nregel,
        )
        return None
    return bekend[nummer]


def _criterium_id(
    controle: _Controle, corpus: Corpus, kader: Kader, key: Any, regel: int | None
) -> Criterium | None:
    crit = corpus.criterium(str(key)) if isinstance(key, str) else None
    if crit is None:
        eigen = [c.id for c in kader.criteria]
        suggestie = dichtstbijzijnde(str(key), eigen) or dichtstbijzijnde(
            str(key), [c.id for c in corpus.criteria()]
        )
        controle.fout(f"onbekend criterium '{key}' bij kader {kader.nummer}.{_hint(suggestie)}", regel)
        return None
    if crit.kader != kader.nummer:
        controle.fout(
            f"criterium '{crit.id}' hoort bij kader {crit.kader}, niet bij kader {kader.nummer}; "
            f"zet het onder '- nummer: {crit.kader}'",
            regel,
        )
        return None
    return crit


def _criterium_keuze(
    controle: _Controle, crit: Criterium, kader: Kader, value: Any, regel: int | None
) -> ProfielCriterium:
    waar = f"criterium {crit.id}"
    if value is None:
        return ProfielCriterium(crit.id, crit.kader, True, None, regel)
    if _is_map(value):
        controle.velden(value, CRITERIUM_VELDEN, f" bij {waar}")
        opnemen = controle.ja_nee(value, "opnemen", waar)
        rol = controle.rol(value, waar, crit, kader)
        return ProfielCriterium(crit.id, crit.kader, opnemen, rol, regel)
    if isinstance(value, list):
        controle.fout(f"{waar}: verwacht 'opnemen' en 'rol' (of kortweg ja/nee), geen lijst", regel)
        return ProfielCriterium(crit.id, crit.kader, True, None, regel)
    # Short form: 'wbs-01: nee'.
    return ProfielCriterium(crit.id, crit.kader, controle.ja_nee_waarde(value, waar, regel), None, regel)


def _parse_inzet(value: str) -> Inzet:
    lowered = value.strip().lower()
    for inzet in Inzet:
        if lowered == inzet.value:
            return inzet
    opties = [i.value for i in Inzet]
    raise OnbekendeWaarde("inzet", value, dichtstbijzijnde(value, opties), opties)


def _heeft_oude_vorm(data: Any) -> bool:
    """Whether a profile still uses schema 1's 'vorm' anywhere (kader, criterion or personeel)."""
    if not _is_map(data):
        return False
    if _is_map(data.get("personeel")) and OUDE_VORM in data["personeel"]:
        return True
    for entry in data.get("kaders") or []:
        if not _is_map(entry):
            continue
        if OUDE_VORM in entry:
            return True
        criteria = entry.get("criteria")
        if _is_map(criteria) and any(_is_map(v) and OUDE_VORM in v for v in criteria.values()):
            return True
    return False


def _gunning_keuze(controle: _Controle, node: Any, data: Mapping[Any, Any], bekend: Mapping[str, Any]) -> Any:
    """The 'gunning' block as a compose.GunningInstelling (None when absent)."""
    from .compose import GunningFout, GunningInstelling, VraagInstelling
    from .framing import STANDAARD_ONDERGRENS

    if node is None:
        return None
    if not _is_map(node):
        controle.fout("gunning: moet een mapping zijn (prijs, ondergrens, vragen)", _value_line(data, "gunning"))
        return None
    controle.velden(node, GUNNING_VELDEN, " onder gunning")
    prijs = controle.getal(node, "prijs", "gunning", 0, 99) or 0
    ondergrens: int | None = STANDAARD_ONDERGRENS
    if "ondergrens" in node:
        waarde = node["ondergrens"]
        if waarde is None or str(waarde).strip().lower() in ("geen", "nee", "false"):
            ondergrens = None
        else:
            ondergrens = controle.getal(node, "ondergrens", "gunning", 0, 100)
    vragen = []
    lijst = node.get("vragen") or []
    if not isinstance(lijst, list):
        controle.fout("gunning: vragen moet een lijst zijn (elke vraag begint met '- titel:')", _value_line(node, "vragen"))
        lijst = []
    for index, vraag in enumerate(lijst):
        regel = _item_line(lijst, index)
        if not _is_map(vraag):
            controle.fout("gunning: elke vraag is een mapping met titel, weging, omvang en criteria", regel)
            continue
        controle.velden(vraag, VRAAG_VELDEN, " bij een gunningsvraag")
        titel = controle.tekst(vraag, "titel")
        if not titel:
            controle.fout("gunning: een vraag zonder titel", regel)
            continue
        ids = vraag.get("criteria") or []
        if not isinstance(ids, list):
            controle.fout(f"gunning: vraag ‘{titel}’: criteria moet een lijst van ID's zijn", _value_line(vraag, "criteria"))
            ids = []
        criteria = []
        for cid in ids:
            tekst = str(cid).strip().lower()
            if tekst not in bekend and not tekst.startswith("pe-"):
                suggestie = dichtstbijzijnde(tekst, list(bekend))
                controle.fout(f"gunning: vraag ‘{titel}’: criterium '{cid}' staat niet in dit profiel.{_hint(suggestie)}",
                              _value_line(vraag, "criteria"))
            criteria.append(tekst)
        vragen.append(VraagInstelling(
            titel=titel, criteria=tuple(criteria),
            weging=controle.getal(vraag, "weging", f"gunning: vraag ‘{titel}’", 1, 100),
            omvang_a4=controle.getal(vraag, "omvang", f"gunning: vraag ‘{titel}’", 1, 20),
            vraag=controle.tekst(vraag, "vraag"),
        ))
    schaal = _schaal_keuze(controle, node)
    try:
        return GunningInstelling(prijs=prijs, vragen=tuple(vragen), schaal=schaal, ondergrens=ondergrens)
    except GunningFout as exc:
        controle.fout(f"gunning: {exc}", _value_line(data, "gunning"))
        return None


def _schaal_keuze(controle: _Controle, node: Mapping[Any, Any]) -> tuple[Any, ...]:
    """The optional 'schaal' of the gunning block (score, label, omschrijving per level); () = the default."""
    from .document import Schaalniveau

    lijst = node.get("schaal")
    if lijst is None:
        return ()
    if not isinstance(lijst, list):
        controle.fout("gunning: schaal moet een lijst zijn (elk niveau begint met '- score:')", _value_line(node, "schaal"))
        return ()
    niveaus: list[Schaalniveau] = []
    for index, niveau in enumerate(lijst):
        regel = _item_line(lijst, index)
        if not _is_map(niveau):
            controle.fout("gunning: elk schaalniveau is een mapping met score, label en omschrijving", regel)
            continue
        controle.velden(niveau, SCHAAL_VELDEN, " bij een schaalniveau")
        score = controle.getal(niveau, "score", "gunning: schaal", 0, 100)
        label = controle.tekst(niveau, "label")
        if score is None or not label:
            controle.fout("gunning: schaal: elk niveau heeft een score (0-100) en een label", regel)
            continue
        if any(n.score == score for n in niveaus):
            controle.fout(f"gunning: schaal: score {score} staat twee keer in de schaal", regel)
            continue
        niveaus.append(Schaalniveau(score, label, controle.tekst(niveau, "omschrijving") or ""))
    return tuple(niveaus)


# --- updating an existing profile -------------------------------------------------------------------


def update_profile(
    corpus: Corpus, path: str | os.PathLike[str], *, segment: str | None = None
) -> ProfielUpdate:
    """Bring an existing profile up to date with the corpus, keeping every choice and comment.

    New kaders of the segment and new criteria of listed kaders are added (included, like `init`
    does) with the comment "NIEUW in corpus <versie>". Kaders and criteria that are no longer in the
    corpus (for this segment) stay in place, with the user's choices, and get a key
    `vervallen: "niet meer in corpus <versie> …"`; `load_profile` ignores them. An entry marked
    earlier whose ID is back in the corpus loses its mark. `corpus_versie` is set to the corpus's.
    The file is rewritten atomically, and only when something changed.

    Values (opnemen, rol) are not checked here; `load_profile` does that. An ID the user mistyped
    is indistinguishable from one that disappeared: it is marked `vervallen` and reported.

    Args:
        corpus: the (updated) corpus.
        path: the existing profile.
        segment: when given, the segment the caller expects; a profile for another segment is refused.

    Raises:
        ProfielFout: broken YAML, or a profile without a usable structure (no mapping, unknown
            segment, `kaders` not a list, a kader without a number).
        InkoopkaderError: when the file does not exist, cannot be read or cannot be written.
    """
    from .output import write_atomic
    from .resolve import resolve_segment

    target = Path(path)
    bestand = bestandsnaam(target)
    data = _parse(target)
    controle = _Controle(bestand)
    if not _is_map(data):
        raise _fout(bestand, GEEN_MAPPING, 1)
    segment_tekst = controle.tekst(data, "segment")
    if segment_tekst is None:
        raise _fout(bestand, "verplicht veld 'segment' ontbreekt (b.v. segment: wmo-1a)", _node_line(data))
    try:
        found = resolve_segment(corpus, segment_tekst)
    except OnbekendeWaarde as exc:
        melding = f"onbekend segment '{segment_tekst}'.{_hint(exc.suggestie)}"
        raise _fout(bestand, melding, _value_line(data, "segment")) from None
    if segment is not None:
        wanted = resolve_segment(corpus, segment)
        if wanted.id != found.id:
            melding = (
                f"dit profiel is voor segment {found.id}, niet voor {wanted.id}; "
                "kies een andere bestandsnaam voor een nieuw profiel"
            )
            raise _fout(bestand, melding, _value_line(data, "segment"))

    gemigreerd = _migreer(corpus, data)
    oude_versie = controle.tekst(data, "corpus_versie")
    bekend = _lees_bekend(data, bestand)
    wijziging = _Bijwerken(corpus, found, data, bestand, bekend=bekend, zelfde_corpus=oude_versie == corpus.versie)
    wijziging.run()
    bekend_anders = _zet_bekend(corpus, found, data)
    versie_anders = oude_versie != corpus.versie
    if versie_anders:
        _set_scalar(data, "corpus_versie", corpus.versie, after="schema_version")
    result = ProfielUpdate(
        pad=target,
        segment=found.id,
        oude_corpus_versie=oude_versie,
        corpus_versie=corpus.versie,
        nieuwe_kaders=tuple(wijziging.nieuwe_kaders),
        nieuwe_criteria=tuple(wijziging.nieuwe_criteria),
        vervallen_kaders=tuple(wijziging.vervallen_kaders),
        vervallen_criteria=tuple(wijziging.vervallen_criteria),
        hersteld=tuple(wijziging.hersteld),
        gemigreerd=gemigreerd,
    )
    if not (result.gewijzigd or versie_anders or bekend_anders):
        return result
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    write_atomic(target, buffer.getvalue().encode("utf-8"), force=True)  # updating in place is the point
    return replace(result, geschreven=True)


@dataclass
class _Bijwerken:
    """One update run over a round-trip tree."""

    corpus: Corpus
    segment: Segment
    data: Any
    bestand: str
    bekend: dict[int, set[str]] | None = None  # the profile's `bekend`: what the corpus had when it was written
    zelfde_corpus: bool = False  # the profile was written with this very corpus: nothing can be new
    verschil: Any = None  # diff.IdVerschil between `bekend` and the corpus, made on first use
    nieuwe_kaders: list[int] = field(default_factory=list)
    nieuwe_criteria: list[str] = field(default_factory=list)
    vervallen_kaders: list[int] = field(default_factory=list)
    vervallen_criteria: list[str] = field(default_factory=list)
    hersteld: list[str] = field(default_factory=list)

    def run(self) -> None:
        from ruamel.yaml.comments import CommentedSeq

        if self.data.get("kaders") is None:
            self.data["kaders"] = CommentedSeq()
        lijst = self.data["kaders"]
        if not isinstance(lijst, list):
            raise _fout(self.bestand, GEEN_LIJST, _value_line(self.data, "kaders"))
        relaties = self.corpus.kaders_voor_segment(self.segment.id)
        kandidaten = {k.nummer: k for k, _ in relaties}
        aanwezig: dict[int, Any] = {}
        for index, entry in enumerate(lijst):
            nummer = _nummer_van(entry)
            if nummer is None:
                melding = "kader zonder geldig 'nummer' (elk kader begint met '- nummer: N')"
                raise _fout(self.bestand, melding, _item_line(lijst, index))
            if nummer not in kandidaten:
                if "vervallen" not in entry:
                    if any(k.nummer == nummer for k in self.corpus.kaders):
                        reden = f"hoort niet meer bij segment {self.segment.id} in corpus"
                    else:
                        reden = "niet meer in corpus"
                    entry.insert(0, "vervallen", f"{reden} {self.corpus.versie}; telt niet mee")
                    self.vervallen_kaders.append(nummer)
                continue
            if "vervallen" in entry:
                del entry["vervallen"]
                self.hersteld.append(f"kader {nummer}")
            aanwezig.setdefault(nummer, entry)

        for kader, relevantie in relaties:
            if kader.nummer in aanwezig:
                self._criteria_bijwerken(kader, aanwezig[kader.nummer])
                continue
            if not self._nieuw_sinds_profiel(kader.nummer):
                continue  # the inkoper removed this kader from the profile; it is not new
            nummers = [_nummer_van(e) for e in lijst]
            eerder = [i for i, n in enumerate(nummers) if n is not None and n < kader.nummer]
            positie = 1 + max(eerder, default=-1)
            node = self._nieuw_kader(kader, relevantie)
            _insert(lijst, positie, None, node)
            # Blank lines between kaders, as `init` writes them. Inserted after a kader, the new one
            # took over that kader's blank line towards the next; give the previous one a new blank.
            if positie > 0:
                _append_tail(lijst, positie - 1, "\n")
            elif len(lijst) > 1:
                _append_tail(lijst, positie, "\n")
            self.nieuwe_kaders.append(kader.nummer)

    def _nieuw_sinds_profiel(self, nummer: int, criterium: str | None = None) -> bool:
        """Was this kader (or criterion of it) absent from the corpus the profile was written with?

        The comparison is that of `inkoopkader diff` (`vergelijk_ids`), between the profile's `bekend`
        and the corpus; without `bekend`, everything missing counts as new unless the corpus is the same.
        """
        from .diff import stand, vergelijk_ids

        if self.bekend is None:
            return not self.zelfde_corpus
        if self.verschil is None:
            kaders = [k.nummer for k, _ in self.corpus.kaders_voor_segment(self.segment.id)]
            self.verschil = vergelijk_ids(self.bekend, stand(self.corpus, kaders))
        if criterium is None:
            return nummer in self.verschil.kaders_nieuw
        return criterium in self.verschil.criteria_nieuw

    def _nieuw_kader(self, kader: Kader, relevantie: Relevantie) -> Any:
        rollen = {c.id: kader.gebruik(c).standaardrol for c in kader.criteria}
        text = "kaders:\n" + "\n".join(
            _kader_regels(kader, relevantie, self.segment, rollen, nieuw=f"NIEUW in corpus {self.corpus.versienaam}")
        ) + "\n"
        return _yaml().load(text)["kaders"][0]

    def _criteria_bijwerken(self, kader: Kader, entry: Any) -> None:
        from ruamel.yaml.comments import CommentedMap

        if "criteria" not in entry:
            return  # no list: the whole kader, new criteria included
        lijst = entry["criteria"]
        if lijst is None:
            lijst = entry["criteria"] = CommentedMap()
        if not _is_map(lijst):
            melding = f"kader {kader.nummer}: criteria moet een mapping zijn"
            raise _fout(self.bestand, melding, _value_line(entry, "criteria"))
        ids = [c.id for c in kader.criteria]
        for key in list(lijst.keys()):
            cid = str(key).strip().lower()
            value = lijst[key]
            gemarkeerd = _is_map(value) and "vervallen" in value
            if cid not in ids and not gemarkeerd:
                self._markeer_vervallen(lijst, key)
                self.vervallen_criteria.append(str(key))
            elif cid in ids and gemarkeerd:
                del value["vervallen"]
                self.hersteld.append(str(key))
        for positie_in_kader, crit in enumerate(kader.criteria):
            keys = [str(k).strip().lower() for k in lijst]
            if crit.id in keys:
                continue
            if not self._nieuw_sinds_profiel(kader.nummer, crit.id):
                continue  # the inkoper deleted this criterion from the profile; it is not new
            eerdere = set(ids[:positie_in_kader])
            positie = 1 + max((i for i, k in enumerate(keys) if k in eerdere), default=-1)
            while positie < len(keys) and keys[positie] not in ids:
                positie += 1  # after entries that left the corpus: they came before this new one
            node = CommentedMap([("opnemen", "ja"), ("rol", kader.gebruik(crit).standaardrol.value)])
            _insert(lijst, positie, crit.id, node)
            column = _CRITERIUM_INSPRONG + len(crit.id) + 3
            comment = f"# NIEUW in corpus {self.corpus.versienaam} — {_samenvatting(crit, kader)}"
            lijst.yaml_add_eol_comment(comment, crit.id, column=column)
            self.nieuwe_criteria.append(crit.id)

    def _markeer_vervallen(self, lijst: Any, key: Any) -> None:
        from ruamel.yaml.comments import CommentedMap

        reden = f"niet meer in corpus {self.corpus.versie}; telt niet mee"
        crit = self.corpus.criterium(str(key))
        if crit is not None:
            reden = f"hoort in corpus {self.corpus.versie} bij kader {crit.kader}; telt hier niet mee"
        value = lijst[key]
        if _is_map(value):
            value.insert(0, "vervallen", reden)
            return
        # Short form ('wbs-01: nee') or empty: turn it into a mapping that keeps the choice.
        rest = _split_tail(lijst, list(lijst.keys()).index(key))
        node = CommentedMap([("vervallen", reden)])
        if value is not None:
            node["opnemen"] = value
        lijst[key] = node
        if rest:
            _append_tail(node, len(node) - 1, rest)


def _lees_bekend(data: Any, bestand: str) -> dict[int, set[str]] | None:
    """The profile's `bekend` block (see the module docstring), or None when it has none."""
    from .diff import lees_stand

    waarde = data.get("bekend")
    if waarde is None:
        return None
    if not _is_map(waarde):
        raise _fout(bestand, "bekend: moet per kadernummer de criterium-ID's geven (niet wijzigen; "
                    "verwijder het blok om het opnieuw te laten maken)", _value_line(data, "bekend"))
    try:
        return lees_stand(waarde)
    except InkoopkaderError as exc:
        raise _fout(bestand, f"bekend: {exc} (niet wijzigen; verwijder het blok om het opnieuw te laten maken)",
                    _value_line(data, "bekend")) from None


def _zet_bekend(corpus: Corpus, segment: Segment, data: Any) -> bool:
    """Record what the corpus has now in `bekend` (at the end of the profile); True when that changed."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from .diff import stand, stand_tekst

    kaders = [k.nummer for k, _ in corpus.kaders_voor_segment(segment.id)]
    nieuw = {nummer: stand_tekst(ids) for nummer, ids in stand(corpus, kaders).items()}
    oud = data.get("bekend")
    if _is_map(oud) and {int(str(k)): str(v) for k, v in oud.items() if str(k).isdigit()} == nieuw:
        return False
    if _is_map(oud):
        for sleutel in list(oud.keys()):
            del oud[sleutel]
        for nummer, tekst in nieuw.items():
            oud[nummer] = DoubleQuotedScalarString(tekst)
        return True
    blok = CommentedMap((nummer, DoubleQuotedScalarString(tekst)) for nummer, tekst in nieuw.items())
    data["bekend"] = blok
    data.yaml_set_comment_before_after_key("bekend", before=_BEKEND_UITLEG)
    return True


def _rol_voor_vorm(kader: Kader, crit: Criterium, vorm: str) -> Rol:
    """The role a schema-1 vorm becomes: the criterion's own role closest to what the vorm meant."""
    gebruik = kader.gebruik(crit)
    if crit.doelgroep is Doelgroep.GEMEENTE:
        return Rol.INSPIRATIE
    if vorm == "eis":
        return next((r for r in gebruik.rollen if r.is_eis), gebruik.standaardrol)
    if vorm == "vraag":
        return Rol.GUNNINGSCRITERIUM if gebruik.kan(Rol.GUNNINGSCRITERIUM) else gebruik.standaardrol
    if kader.inzet is Inzet.INSPIRATIE or not gebruik.standaard:
        return Rol.INSPIRATIE
    return gebruik.standaardrol


def _vervang_sleutel(node: Any, oud: str, nieuw: list[tuple[str, Any]]) -> None:
    """Replace key `oud` of a round-trip mapping by the new keys, in its place, keeping its comment."""
    keys = list(node.keys())
    positie = keys.index(oud)
    commentaar = node.ca.items.pop(oud, None)
    del node[oud]
    for offset, (key, value) in enumerate(nieuw):
        node.insert(positie + offset, key, value)
    if commentaar is not None and nieuw:
        node.ca.items[nieuw[-1][0]] = commentaar


def _migreer(corpus: Corpus, data: Any) -> bool:
    """Convert a schema-1 profile (vorm: eis/vraag/verwijzing) to roles, in place; True when it did."""
    versie = data.get("schema_version", 1)
    if not (isinstance(versie, int) and versie < SCHEMA_VERSION) and not _heeft_oude_vorm(data):
        return False
    bekend = {k.nummer: k for k in corpus.kaders}
    if "schema_version" in data:
        data["schema_version"] = SCHEMA_VERSION
    if "procedure" not in data:
        keys = list(data.keys())
        positie = keys.index("segment") + 1 if "segment" in keys else len(keys)
        data.insert(positie, "procedure", "aanbesteding")
    personeel = data.get("personeel")
    if _is_map(personeel) and OUDE_VORM in personeel:
        oud = str(personeel[OUDE_VORM] or "").strip().lower()
        nieuw = {"eis": "uitvoeringsvoorwaarde", "vraag": "gunningscriterium"}.get(oud)
        _vervang_sleutel(personeel, OUDE_VORM, [("rol", nieuw)] if nieuw else [])
    for entry in data.get("kaders") or []:
        kader = bekend.get(_nummer_van(entry) or -1)
        if kader is None or not _is_map(entry):
            continue
        kadervorm = str(entry.get(OUDE_VORM) or "").strip().lower()
        if OUDE_VORM in entry:
            verwijzing = kadervorm == "verwijzing" and kader.verwijzingsadvies.value != "nee"
            _vervang_sleutel(entry, OUDE_VORM, [("verwijzing", "ja" if verwijzing else "nee"),
                                                ("inzet", kader.inzet.value)])
        criteria = entry.get("criteria")
        if not _is_map(criteria):
            continue
        for key, value in criteria.items():
            crit = corpus.criterium(str(key))
            if crit is None or crit.kader != kader.nummer or not _is_map(value) or OUDE_VORM not in value:
                continue
            vorm = str(value[OUDE_VORM] or "kader").strip().lower()
            if vorm == "kader":
                vorm = kadervorm or "verwijzing"
            _vervang_sleutel(value, OUDE_VORM, [("rol", _rol_voor_vorm(kader, crit, vorm).value)])
    return True


def _nummer_van(entry: Any) -> int | None:
    if not _is_map(entry):
        return None
    value = entry.get("nummer")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _set_scalar(data: Any, key: str, value: str, *, after: str) -> None:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    quoted = DoubleQuotedScalarString(value)
    if key in data:
        data[key] = quoted
        return
    keys = list(data.keys())
    positie = keys.index(after) + 1 if after in keys else 0
    _insert(data, positie, key, quoted)


# --- comment bookkeeping ----------------------------------------------------------------------------
#
# ruamel keeps the comment lines *between* two entries on the last scalar of the first entry. An entry
# inserted after it would land below those lines, separating a user's comment from the entry it was
# written above. `_insert` therefore moves those lines onto the new entry, so they stay directly
# above the entry that followed them.


def _tail_of(container: Any, key: Any) -> tuple[Any, Any]:
    """(container, key) of the last scalar of an entry: where ruamel keeps the lines that follow it."""
    value = container[key]
    if isinstance(value, dict) and len(value):
        return _tail_of(value, list(value.keys())[-1])
    if isinstance(value, list) and len(value):
        return _tail_of(value, len(value) - 1)
    return container, key


def _entry_key(container: Any, position: int) -> Any:
    return list(container.keys())[position] if isinstance(container, dict) else position


def _token_slot(container: Any) -> int:
    return 0 if isinstance(container, list) else 2


def _split_tail(container: Any, position: int) -> str:
    """Remove and return the comment lines after the entry at `position`, keeping its end-of-line comment."""
    holder, key = _tail_of(container, _entry_key(container, position))
    slot = _token_slot(holder)
    items = holder.ca.items
    entry = items.get(key)
    if not entry or len(entry) <= slot or entry[slot] is None:
        return ""
    token = entry[slot]
    value: str = token.value
    if value.startswith("#"):
        head, sep, rest = value.partition("\n")
        eol = head + sep
    else:
        eol, rest = "", value.removeprefix("\n")
    if not rest:
        return ""
    if eol:
        token.value = eol
    else:
        entry[slot] = None
    return rest


def _append_tail(container: Any, position: int, rest: str) -> None:
    """Put comment lines (or blank lines) after the entry at `position`."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    holder, key = _tail_of(container, _entry_key(container, position))
    slot = _token_slot(holder)
    entry = holder.ca.items.setdefault(key, [None, None, None, None])
    token = entry[slot]
    if token is None:
        entry[slot] = CommentToken("\n" + rest, CommentMark(0), None)
    else:
        token.value = (token.value if token.value.endswith("\n") else token.value + "\n") + rest


def _insert(container: Any, position: int, key: Any, value: Any) -> None:
    """Insert an entry into a mapping (`key`) or sequence (`key` None), keeping comments in place."""
    rest = _split_tail(container, position - 1) if position > 0 else ""
    target: Any = container  # a ruamel CommentedMap or CommentedSeq
    if isinstance(container, dict):
        target.insert(position, key, value)
    else:
        target.insert(position, value)
    if rest:
        _append_tail(container, position, rest)


__all__ = [
    "SCHEMA_VERSION",
    "Profiel",
    "ProfielCriterium",
    "ProfielFout",
    "ProfielKader",
    "ProfielUpdate",
    "load_profile",
    "profiel_yaml",
    "update_profile",
    "write_profile",
]


def _personeel_regels(corpus: Corpus, segment: Segment) -> list[str]:
    """The profile's 'personeel' block: off by default, listing the domain's default requirements."""
    from .personeel import standaard_eisen

    from .wettelijk import gedekt, verplichtingen_voor

    eisen = standaard_eisen(corpus.personeelseisen, segment.domein)
    wettelijk = gedekt(verplichtingen_voor(corpus, segment.domein))
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


def _personeel_keuze(
    controle: _Controle, corpus: Corpus, node: Any, data: Mapping[Any, Any]
) -> tuple[bool, tuple[str, ...] | None, tuple[str, ...], Rol | None]:
    """Validate the 'personeel' block: (opnemen, eisen or None for the defaults, functieniveaus, rol)."""
    if node is None:
        return False, None, (), None
    if not _is_map(node):
        controle.fout("personeel: moet een mapping zijn (opnemen, eisen, functieniveaus)", _value_line(data, "personeel"))
        return False, None, (), None
    controle.velden(node, PERSONEEL_VELDEN, " onder personeel")
    opnemen = controle.ja_nee_waarde(node.get("opnemen", False), "personeel: opnemen", _value_line(node, "opnemen"))
    bekend = [e.id for e in corpus.personeelseisen]
    eisen: list[str] = []
    lijst = node.get("eisen") or []
    if not isinstance(lijst, list):
        controle.fout("personeel: eisen moet een lijst zijn", _value_line(node, "eisen"))
        lijst = []
    for index, eis in enumerate(lijst):
        regel = lijst.lc.item(index)[0] + 1 if hasattr(lijst, "lc") else None
        if str(eis) not in bekend:
            suggestie = dichtstbijzijnde(str(eis), bekend)
            controle.fout(f"personeel: onbekende personeelseis '{eis}'.{_hint(suggestie)}", regel)
        else:
            eisen.append(str(eis))
    niveaus = node.get("functieniveaus") or []
    if not isinstance(niveaus, list):
        controle.fout("personeel: functieniveaus moet een lijst zijn, b.v. [B, C]", _value_line(node, "functieniveaus"))
        niveaus = []
    gekozen = tuple(eisen) if "eisen" in node else None
    rol = controle.rol(node, "personeel")
    if rol is not None and rol not in (Rol.MINIMUMEIS, Rol.UITVOERINGSVOORWAARDE, Rol.GUNNINGSCRITERIUM):
        controle.fout("personeel: rol moet minimumeis, uitvoeringsvoorwaarde of gunningscriterium zijn",
                      _value_line(node, "rol"))
        rol = None
    return opnemen, gekozen, tuple(str(n) for n in niveaus), rol
