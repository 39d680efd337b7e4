"""The profile as data: the validated `Profiel` and its parts, the result of an update, the error.

Plain frozen dataclasses; reading (`reader`), writing (`writer`) and updating (`updater`) a profile
file produce or use them. Also the format's version and its field names, which the reader checks
and the writer writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import BevindingenFout, InkoopkaderError
from ..model import Corpus, Inzet, Procedure, Rol
from ..select import Verzoek

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
            "Kaders kiezen (kaders, zonder_kaders) gaat niet samen met een profiel: het profiel bepaalt de "
            "kaders. Pas het profiel aan of kies een segment zonder profiel."
        )


class GeenProfiel(InkoopkaderError):
    """A file is clearly no selection profile (YAML): a Word document, a PDF, binary data. `soort`
    says what it is ("een PDF-bestand"); the message names the file."""

    def __init__(self, bestand: str, soort: str) -> None:
        self.bestand = bestand
        self.soort = soort
        super().__init__(f"'{bestand}' is geen selectieprofiel (YAML) maar {soort}.")


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
class PersoneelKeuze:
    """The profile's 'personeel' block: whether the chapter on staff goes in, and with what."""

    opnemen: bool = False
    eisen: tuple[str, ...] | None = None
    """The chosen staff requirements (pe-…); None (no 'eisen' key) means the domain's defaults."""
    functieniveaus: tuple[str, ...] = ()
    """Function levels to list (codes such as 'B' or IDs); empty means all."""
    rol: Rol | None = None
    """One role for every staff requirement (minimumeis, uitvoeringsvoorwaarde, gunningscriterium)."""


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
    rollen_vervangen: tuple[tuple[str, Rol, Rol], ...] = ()
    """(ID, old role, new role): roles the tender layer no longer allows, replaced by the default role."""
    kan_bijgewerkt: tuple[str, ...] = ()
    """Criteria whose '[kan: …]' comment now names other roles (the selection itself is unchanged)."""
    niet_opgenomen: bool = False
    """The profile had no `bekend`: new kaders and criteria were added with `opnemen: nee`, since
    they may be ones the inkoper deleted."""

    @property
    def gewijzigd(self) -> bool:
        """Whether anything besides the recorded corpus version (and '[kan: …]' comments) changed."""
        return bool(
            self.nieuwe_kaders or self.nieuwe_criteria or self.vervallen_kaders
            or self.vervallen_criteria or self.hersteld or self.gemigreerd or self.rollen_vervangen
        )
