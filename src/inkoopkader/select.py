"""Selecting criteria for a tender: one typed request (`Verzoek`) in, a `Selectie` with roles out.

A `Verzoek` is built once — from CLI flags, from a profile (`Profiel.verzoek()`) or from the record
compose wrote into a document — and is the only input of `select()`; compose and check take the
resulting `Selectie`. Which role a criterion gets follows the tender layer (`data/inkoop/`):

1. a role chosen for this criterion (profile, library) — refused when the criterion cannot serve it;
2. a criterion picked explicitly (`ids`) gets its preferred role (a profile's list of criteria only
   decides which criteria of a kader are in; their roles are written next to them);
3. in a kader that is inspiration by default (general dossiers, broad competence profiles), or when the
   tender layer keeps it out of the default selection (`standaard: nee`): inspiratie;
4. a role chosen for its kader or for the whole document, where the criterion can serve it;
5. otherwise its preferred role (the first of `rollen`).

A role asked for a kader or the whole document that a criterion cannot honestly serve is not
forced on it: it keeps its own role, and `Selectie.meldingen` says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from .errors import InkoopkaderError, OnbekendeWaarde, als_lijst, als_type, dichtstbijzijnde
from .model import (
    CRITERIUM_ROLLEN,
    Corpus,
    Criterium,
    Doelgroep,
    Inkoopgebruik,
    Inzet,
    Kader,
    Procedure,
    Relevantie,
    Rol,
    Segment,
    Thema,
    Verwijzingsadvies,
)


class OngeldigeKeuze(InkoopkaderError):
    """A choice the tender layer does not allow (a role a criterion cannot serve, a reference to an expired kader)."""


@dataclass(frozen=True)
class Verzoek:
    """What the user asks for, in one frozen object (flags, profile and compose record all become this).

    Mappings are stored as sorted tuples of pairs so that a request is hashable and comparable; use
    the `*_map` properties to read them.
    """

    segment: str
    procedure: Procedure = Procedure.AANBESTEDING
    themas: tuple[Thema, ...] = ()
    kaders: tuple[int, ...] = ()
    zonder_kaders: tuple[int, ...] = ()
    doelgroepen: tuple[Doelgroep, ...] = ()
    zoekterm: str | None = None
    ids: tuple[str, ...] = ()
    alleen_specifiek: bool = False
    rol: Rol | None = None
    rol_per_kader: tuple[tuple[int, Rol], ...] = ()
    rol_per_criterium: tuple[tuple[str, Rol], ...] = ()
    uitgesloten: tuple[str, ...] = ()
    verwijzing_per_kader: tuple[tuple[int, bool], ...] = ()
    inzet_per_kader: tuple[tuple[int, Inzet], ...] = ()
    criteria_per_kader: tuple[tuple[int, tuple[str, ...]], ...] = ()
    herkomst: str = ""  # where the request comes from, for messages: 'segment: wmo-1a', 'profiel: x.yaml'

    @classmethod
    def maak(cls, segment: str, **opties: Any) -> Verzoek:
        """Build a request from keyword options as a user or a script writes them.

        Lists, sets and generators become tuples, mappings become sorted pairs, and strings are
        refused where a list is expected (`ids='bwmo-04'` would otherwise be read letter by letter).

        Raises:
            InkoopkaderError: for an unknown option or a value of the wrong type.
        """
        known = {f.name for f in fields(cls)} - {"segment"}
        onbekend = sorted(set(opties) - known)
        if onbekend:
            suggestie = dichtstbijzijnde(onbekend[0], sorted(known))
            hint = f" Bedoelt u '{suggestie}'?" if suggestie else ""
            raise InkoopkaderError(f"Onbekende selectie-optie '{onbekend[0]}'.{hint}")
        als_type(segment, "segment", str, "een tekst (b.v. 'wmo-1a')")
        if "zoekterm" in opties:
            als_type(opties["zoekterm"], "zoekterm", str, "een tekst", geen=True)
        values: dict[str, Any] = {}
        for naam, waarde in opties.items():
            if waarde is None:
                continue
            if naam in ("themas", "kaders", "zonder_kaders", "doelgroepen", "ids", "uitgesloten"):
                values[naam] = _tuple(naam, waarde)
            elif naam == "rol_per_criterium":
                values[naam] = _rollen_per_criterium(waarde)
            elif naam.endswith("_per_kader"):
                if not isinstance(waarde, Mapping):
                    waarde = dict(_tuple(naam, waarde))
                pairs = [(k, tuple(v) if naam == "criteria_per_kader" else v) for k, v in waarde.items()]
                values[naam] = tuple(sorted(pairs, key=lambda p: str(p[0])))
            else:
                values[naam] = waarde
        if "procedure" in values and not isinstance(values["procedure"], Procedure):
            values["procedure"] = parse_procedure(str(values["procedure"]))
        if "rol" in values and not isinstance(values["rol"], Rol):
            values["rol"] = parse_rol(str(values["rol"]))
        return cls(segment=segment, **values)

    @property
    def rol_per_kader_map(self) -> dict[int, Rol]:
        return dict(self.rol_per_kader)

    @property
    def rol_per_criterium_map(self) -> dict[str, Rol]:
        return {k.lower(): v for k, v in self.rol_per_criterium}

    @property
    def verwijzing_map(self) -> dict[int, bool]:
        return dict(self.verwijzing_per_kader)

    @property
    def inzet_map(self) -> dict[int, Inzet]:
        return dict(self.inzet_per_kader)

    @property
    def criteria_map(self) -> dict[int, tuple[str, ...]]:
        return dict(self.criteria_per_kader)

    def filters(self) -> dict[str, Any]:
        """The filters as plain data (for the JSON output and the document record)."""
        return {
            "procedure": self.procedure.value,
            "themas": [t.value for t in self.themas],
            "kaders": list(self.kaders),
            "zonder_kaders": list(self.zonder_kaders),
            "doelgroepen": [d.value for d in self.doelgroepen],
            "zoekterm": self.zoekterm,
            "ids": list(self.ids),
            "alleen_specifiek": self.alleen_specifiek,
            "rol": self.rol.value if self.rol else None,
        }


_VOORBEELDEN = {"themas": (Thema, str), "kaders": int, "zonder_kaders": int, "doelgroepen": (Doelgroep, str),
                "ids": str, "uitgesloten": str}


def _tuple(naam: str, waarde: Any) -> tuple[Any, ...]:
    """A list option as a tuple; a text where a list belongs is refused (ids='bwmo-04')."""
    voorbeeld = {"themas": "[Thema.VAKMANSCHAP]", "kaders": "[1, 8]", "zonder_kaders": "[11]",
                 "doelgroepen": "[Doelgroep.ORGANISATIE]"}.get(naam, "['bwmo-04']")
    return als_lijst(waarde, naam, _VOORBEELDEN.get(naam, object), voorbeeld)


@dataclass(frozen=True)
class Keuze:
    """A selected criterion, the role it has in the document, and its tender layer entry."""

    criterium: Criterium
    kader: Kader
    rol: Rol
    gebruik: Inkoopgebruik
    gekozen: bool = False  # picked explicitly (ids, profile), not by default


@dataclass(frozen=True)
class KaderKeuze:
    """A kader in the selection: why it is there, whether it applies as a whole, where its criteria go."""

    kader: Kader
    relevantie: Relevantie
    verwijzing: bool
    inzet: Inzet


@dataclass(frozen=True)
class Selectie:
    """The outcome of `select`: which kaders and criteria, in which role, for which segment and procedure.

    `keuzes` holds the criteria addressed to providers (organisatie, professional), in corpus order,
    including those with the role inspiratie (they only go to an optional annex). Criteria addressed
    to the gemeente itself are never requirements for a provider; they are in `gemeente`.
    """

    segment: Segment
    procedure: Procedure
    kaders: tuple[KaderKeuze, ...]
    keuzes: tuple[Keuze, ...]
    gemeente: tuple[Keuze, ...]
    verzoek: Verzoek
    meldingen: tuple[str, ...] = ()
    filters: Mapping[str, object] = field(default_factory=dict)

    @property
    def lichaam(self) -> tuple[Keuze, ...]:
        """Criteria that are requirements or award aspects (everything but inspiratie)."""
        return tuple(k for k in self.keuzes if k.rol is not Rol.INSPIRATIE)

    @property
    def inspiratie(self) -> tuple[Keuze, ...]:
        return tuple(k for k in self.keuzes if k.rol is Rol.INSPIRATIE)

    @property
    def verwezen_kaders(self) -> tuple[KaderKeuze, ...]:
        return tuple(kk for kk in self.kaders if kk.verwijzing)

    def met_rol(self, rol: Rol) -> tuple[Keuze, ...]:
        return tuple(k for k in self.keuzes if k.rol is rol)

    def aantal(self, rol: Rol) -> int:
        return len(self.met_rol(rol))


def select(corpus: Corpus, verzoek: Verzoek | str, **opties: Any) -> Selectie:
    """Select the criteria for a segment.

    `verzoek` is a `Verzoek`, or a segment spelling ('wmo-1a', 'Wmo 1a') with the request's fields
    as keyword options (`select(corpus, "wmo-1a", themas=[Thema.VAKMANSCHAP], procedure="open-house")`).

    Raises:
        OnbekendeWaarde: an unknown segment, kader or criterion ID (with a suggestion).
        OngeldigeKeuze: a role a criterion cannot serve, or a reference to a kader that may not be
            declared applicable as a whole.
        InkoopkaderError: an option of the wrong type.
    """
    from .resolve import resolve_segment

    als_type(corpus, "corpus", Corpus, "een Corpus (inkoopkader.load_corpus())")
    if isinstance(verzoek, Verzoek):
        if opties:
            raise InkoopkaderError("Geef opties in het Verzoek zelf, niet ernaast.")
    else:
        verzoek = Verzoek.maak(verzoek, **opties)
    found = resolve_segment(corpus, verzoek.segment)
    kader_numbers = {k.nummer for k in corpus.kaders}
    bekend = [str(n) for n in sorted(kader_numbers)]
    for nummer in [*verzoek.kaders, *verzoek.zonder_kaders, *verzoek.verwijzing_map, *verzoek.inzet_map,
                   *verzoek.rol_per_kader_map, *verzoek.criteria_map]:
        if nummer not in kader_numbers:
            raise OnbekendeWaarde("kader", str(nummer), dichtstbijzijnde(str(nummer), bekend), bekend)
    explicit = [_criterium(corpus, cid) for cid in verzoek.ids]
    excluded = {_criterium(corpus, cid).id for cid in verzoek.uitgesloten}
    per_criterium = verzoek.rol_per_criterium_map
    for cid in per_criterium:
        _criterium(corpus, cid)
    gekozen_lijsten = {n: {_criterium(corpus, c).id for c in ids} for n, ids in verzoek.criteria_map.items()}

    relaties = corpus.kaders_voor_segment(found.id)
    _controleer_kaders_in_segment(corpus, found, relaties, verzoek)
    if verzoek.alleen_specifiek:
        relaties = [(k, r) for k, r in relaties if r is Relevantie.SPECIFIEK]
    wanted, skipped = set(verzoek.kaders), set(verzoek.zonder_kaders)
    relaties = [(k, r) for k, r in relaties if (not wanted or k.nummer in wanted) and k.nummer not in skipped]
    only_explicit = bool(explicit) and not (verzoek.themas or verzoek.kaders or verzoek.doelgroepen
                                            or verzoek.zoekterm or verzoek.alleen_specifiek)
    if only_explicit:
        relaties = []

    matching: set[str] | None = None
    if verzoek.zoekterm:
        from .search import find

        matching = {hit.criterium.id for hit in find(corpus, verzoek.zoekterm, limiet=None)}
    thema_set, doelgroep_set = set(verzoek.themas), set(verzoek.doelgroepen)

    kader_keuzes: dict[int, KaderKeuze] = {}
    for kader, relevantie in relaties:
        kader_keuzes[kader.nummer] = _kader_keuze(kader, relevantie, verzoek)
    for crit in explicit:
        if crit.kader not in kader_keuzes:
            kader = corpus.kader(crit.kader)
            relevantie = kader.relevantie(found.id) or Relevantie.ALGEMEEN
            kader_keuzes[kader.nummer] = _kader_keuze(kader, relevantie, verzoek, alleen_gekozen=True)

    explicit_ids = {c.id for c in explicit}
    rollen = _Rollen(verzoek, per_criterium)
    keuzes: list[Keuze] = []
    gemeente: list[Keuze] = []
    for kader in corpus.kaders:
        kk = kader_keuzes.get(kader.nummer)
        if kk is None:
            continue
        lijst = gekozen_lijsten.get(kader.nummer)
        in_relaties = any(k.nummer == kader.nummer for k, _ in relaties)
        for crit in kader.criteria:
            if crit.id in excluded:
                continue
            gekozen = crit.id in explicit_ids
            if not gekozen:
                if not in_relaties or (lijst is not None and crit.id not in lijst):
                    continue
                if thema_set and not thema_set.intersection(crit.thema):
                    continue
                if doelgroep_set and not doelgroep_set.intersection(crit.doelgroepen):
                    continue
                if matching is not None and crit.id not in matching:
                    continue
            gebruik = kader.gebruik(crit)
            rol = rollen.voor(crit, kader, kk, gebruik, gekozen)
            keuze = Keuze(crit, kader, rol, gebruik, gekozen)
            (gemeente if crit.doelgroep is Doelgroep.GEMEENTE else keuzes).append(keuze)
    used = {k.kader.nummer for k in [*keuzes, *gemeente]}
    kaders = tuple(kk for n, kk in sorted(kader_keuzes.items()) if n in used or kk.verwijzing)
    return Selectie(
        segment=found,
        procedure=verzoek.procedure,
        kaders=kaders,
        keuzes=tuple(keuzes),
        gemeente=tuple(gemeente),
        verzoek=verzoek,
        meldingen=rollen.meldingen(),
        filters=verzoek.filters(),
    )


def _controleer_kaders_in_segment(corpus: Corpus, segment: Segment, relaties: list[tuple[Kader, Relevantie]],
                                  verzoek: Verzoek) -> None:
    """Refuse asking for a kader that the segment does not have (the selection would be empty, or
    silently miss it), naming the kaders it does have.

    Raises:
        OngeldigeKeuze: a requested kader is not linked to the segment, or only generally while
            only specific kaders are asked for.
    """
    if not verzoek.kaders:
        return
    relevantie = {k.nummer: r for k, r in relaties}
    buiten = [n for n in verzoek.kaders if n not in relevantie]
    algemeen = [n for n in verzoek.kaders if verzoek.alleen_specifiek and relevantie.get(n) is Relevantie.ALGEMEEN]
    if not buiten and not algemeen:
        return
    nummer = (buiten or algemeen)[0]
    kader = corpus.kader(nummer)
    if buiten:
        bekend = ", ".join(f"{k.nummer} ({k.sleutel}{'' if r is Relevantie.SPECIFIEK else ', algemeen'})"
                           for k, r in sorted(relaties, key=lambda kr: kr[0].nummer))
        raise OngeldigeKeuze(
            f"Kader {kader.nummer} ({kader.titel.split('. ')[0]}) hoort niet bij segment {segment.id}. Kaders voor "
            f"{segment.id}: {bekend or 'geen'}."
        )
    specifiek = ", ".join(str(k.nummer) for k, r in relaties if r is Relevantie.SPECIFIEK)
    raise OngeldigeKeuze(
        f"Kader {kader.nummer} ({kader.titel.split('. ')[0]}) hoort bij segment {segment.id} als algemeen kader, "
        f"niet als specifiek; met alleen specifieke kaders blijft er niets van over. Specifiek voor "
        f"{segment.id}: {specifiek or 'geen'}."
    )


def _kader_keuze(kader: Kader, relevantie: Relevantie, verzoek: Verzoek, alleen_gekozen: bool = False) -> KaderKeuze:
    inzet = verzoek.inzet_map.get(kader.nummer, kader.inzet)
    advies = kader.verwijzingsadvies
    gevraagd = verzoek.verwijzing_map.get(kader.nummer)
    if gevraagd and advies is Verwijzingsadvies.NEE:
        reden = kader.inkoop.verwijzing_reden if kader.inkoop else ""
        raise OngeldigeKeuze(
            f"Kader {kader.nummer} (‘{kader.titel}’, {kader.jaar}) kan niet als geheel van toepassing worden "
            f"verklaard: {reden.rstrip('.')}. Kies de criteria die u wilt gebruiken afzonderlijk."
        )
    if gevraagd is None:
        gevraagd = advies is Verwijzingsadvies.STANDAARD and inzet is Inzet.LICHAAM and not alleen_gekozen
    return KaderKeuze(kader, relevantie, bool(gevraagd), inzet)


class _Rollen:
    """Decides each criterion's role and remembers the requests it could not honour."""

    def __init__(self, verzoek: Verzoek, per_criterium: dict[str, Rol]) -> None:
        self.verzoek = verzoek
        self.per_criterium = per_criterium
        self.per_kader = verzoek.rol_per_kader_map
        self.niet_toegepast: dict[Rol, list[str]] = {}

    def voor(self, crit: Criterium, kader: Kader, kk: KaderKeuze, gebruik: Inkoopgebruik, gekozen: bool) -> Rol:
        if crit.doelgroep is Doelgroep.GEMEENTE:
            return Rol.INSPIRATIE
        eigen = self.per_criterium.get(crit.id)
        if eigen is not None:
            if not gebruik.kan(eigen):
                mogelijk = ", ".join(r.value for r in gebruik.rollen)
                raise OngeldigeKeuze(
                    f"Criterium {crit.id} kan geen {eigen.value} zijn: {gebruik.reden.rstrip('.')}. "
                    f"Mogelijke rollen: {mogelijk}."
                )
            return eigen
        if gekozen:
            return gebruik.standaardrol
        if kk.inzet is Inzet.INSPIRATIE or not gebruik.standaard:
            return Rol.INSPIRATIE
        gevraagd = self.per_kader.get(kader.nummer) or self.verzoek.rol
        if gevraagd is not None and gevraagd is not gebruik.standaardrol:
            if gebruik.kan(gevraagd):
                return gevraagd
            self.niet_toegepast.setdefault(gevraagd, []).append(crit.id)
        return gebruik.standaardrol

    def meldingen(self) -> tuple[str, ...]:
        result = []
        for rol, ids in self.niet_toegepast.items():
            voorbeeld = ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")
            result.append(
                f"{len(ids)} {'criterium kan' if len(ids) == 1 else 'criteria kunnen'} geen {rol.value} zijn en "
                f"{'houdt zijn' if len(ids) == 1 else 'houden hun'} eigen rol ({voorbeeld}); "
                "zie de aanbestedingslaag (data/inkoop/) voor de reden per criterium."
            )
        return tuple(result)


def _criterium(corpus: Corpus, criterium_id: str) -> Criterium:
    if not isinstance(criterium_id, str):
        raise InkoopkaderError(f"Een criterium-ID is tekst (b.v. 'bwmo-04'), niet {type(criterium_id).__name__}.")
    crit = corpus.criterium(criterium_id)
    if crit is None:
        ids = [c.id for c in corpus.criteria()]
        raise OnbekendeWaarde("criterium", criterium_id, dichtstbijzijnde(criterium_id, ids))
    return crit


_E = TypeVar("_E", Rol, Doelgroep, Procedure)


def _parse_keuze(soort: type[_E], wat: str, value: str, toegestaan: Iterable[_E] | None = None) -> _E:
    """An enum value as a user writes it, singular or plural ('Minimumeisen', 'organisaties')."""
    keuzes = list(toegestaan) if toegestaan is not None else list(soort)
    lowered = value.strip().lower().replace("_", "-").replace(" ", "-")
    for keuze in keuzes:
        if lowered in (keuze.value, keuze.value + "en", keuze.value + "s", keuze.value.replace("-", "")):
            return keuze
    values = [k.value for k in keuzes]
    raise OnbekendeWaarde(wat, value, dichtstbijzijnde(value, values), values)


_OUDE_VORMEN = {"eis": "minimumeis of uitvoeringsvoorwaarde", "eisen": "minimumeis of uitvoeringsvoorwaarde",
                "vraag": "gunningscriterium", "vragen": "gunningscriterium"}


def parse_rol(value: str, *, criterium: bool = True) -> Rol:
    """'minimumeis', 'Gunningscriterium', 'inspiratie' … -> Rol; the old 'eis'/'vraag' get a pointer."""
    lowered = value.strip().lower()
    if lowered in _OUDE_VORMEN:
        raise OngeldigeKeuze(
            f"'{value}' is een vorm uit een eerdere versie; kies nu een rol: {_OUDE_VORMEN[lowered]}. "
            f"Rollen: {', '.join(r.value for r in CRITERIUM_ROLLEN)}."
        )
    return _parse_keuze(Rol, "rol", value, CRITERIUM_ROLLEN if criterium else None)


def parse_doelgroep(value: str) -> Doelgroep:
    """'organisatie', 'professionals', 'gemeente' -> Doelgroep, with a suggestion on a typo."""
    return _parse_keuze(Doelgroep, "doelgroep", value)


def parse_procedure(value: str) -> Procedure:
    """'aanbesteding', 'open-house', 'open house', 'subsidie' -> Procedure."""
    return _parse_keuze(Procedure, "procedure", value)


__all__ = [
    "KaderKeuze",
    "Keuze",
    "OngeldigeKeuze",
    "Selectie",
    "Verzoek",
    "parse_doelgroep",
    "parse_procedure",
    "parse_rol",
    "select",
]


def _rollen_per_criterium(waarde: object) -> tuple[tuple[str, Rol], ...]:
    """rol_per_criterium as sorted (id, Rol) pairs; a role may be written as its value ('minimumeis').

    Raises:
        ArgumentFout: no mapping, or a key that is no text.
        OnbekendeWaarde: an unknown role, with the closest one.
    """
    from .errors import ArgumentFout

    if not isinstance(waarde, Mapping):
        raise ArgumentFout("rol_per_criterium moet een dict zijn, b.v. rol_per_criterium={'bwmo-04': "
                           f"Rol.MINIMUMEIS}}; niet {type(waarde).__name__}.")
    paren: list[tuple[str, Rol]] = []
    bekend = [r.value for r in Rol]
    for cid, rol in waarde.items():
        als_type(cid, "een sleutel van rol_per_criterium", str, "een ID als 'bwmo-04'")
        if not isinstance(rol, Rol):
            tekst = als_type(rol, f"de rol van {cid}", str, "een Rol (b.v. Rol.MINIMUMEIS)")
            if tekst.strip().lower() not in bekend:
                raise OnbekendeWaarde("rol", tekst, dichtstbijzijnde(tekst, bekend), bekend)
            rol = Rol(tekst.strip().lower())
        paren.append((cid, rol))
    return tuple(sorted(paren, key=lambda p: p[0]))
