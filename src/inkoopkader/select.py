"""Selecting criteria for a tender: by segment, with filters, explicit IDs and per-criterion vorm."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from .errors import OnbekendeWaarde, als_lijst, als_type, dichtstbijzijnde
from .model import Corpus, Criterium, Doelgroep, Kader, Relevantie, Segment, Thema, Vorm


@dataclass(frozen=True)
class Keuze:
    """A selected criterion and the form in which it enters the tender."""

    criterium: Criterium
    kader: Kader
    vorm: Vorm


@dataclass(frozen=True)
class KaderKeuze:
    """A kader in the selection, why it is there, and the form it takes by default."""

    kader: Kader
    relevantie: Relevantie
    vorm: Vorm


@dataclass(frozen=True)
class Selectie:
    """The outcome of `select`: which kaders and criteria, in which form, for which segment.

    `keuzes` holds the criteria addressed to providers (organisatie, professional), in corpus order.
    Criteria addressed to the gemeente itself are never requirements for a provider; they are in
    `gemeente` and end up in an annex.
    """

    segment: Segment
    kaders: tuple[KaderKeuze, ...]
    keuzes: tuple[Keuze, ...]
    gemeente: tuple[Keuze, ...]
    filters: Mapping[str, object] = field(default_factory=dict)

    def keuzes_voor(self, thema: Thema, kader: Kader) -> list[Keuze]:
        return [k for k in self.keuzes if k.kader.nummer == kader.nummer and k.criterium.hoofdthema is thema]

    def aantal(self, vorm: Vorm) -> int:
        return sum(1 for k in self.keuzes if k.vorm is vorm)


def select(
    corpus: Corpus,
    segment: str,
    *,
    themas: Iterable[Thema] = (),
    kaders: Iterable[int] = (),
    zonder_kaders: Iterable[int] = (),
    doelgroepen: Iterable[Doelgroep] = (),
    zoekterm: str | None = None,
    ids: Iterable[str] = (),
    alleen_specifiek: bool = False,
    vorm: Vorm | None = None,
    vorm_per_kader: Mapping[int, Vorm] | None = None,
    vorm_per_criterium: Mapping[str, Vorm] | None = None,
    uitgesloten: Iterable[str] = (),
) -> Selectie:
    """Select the criteria for a segment.

    Args:
        corpus: the loaded corpus.
        segment: a segment ID or spelling ('wmo-1a', 'Wmo 1a').
        themas, doelgroepen: keep only these (default: all).
        kaders, zonder_kaders: kader numbers to restrict to / to leave out.
        zoekterm: keep only criteria that match this search query.
        ids: explicit criterion IDs. Without other filters they are the whole selection; with
            filters they are added to it. IDs from kaders outside the segment are allowed.
        alleen_specifiek: only kaders the source ties to this exact segment.
        vorm: one form for every criterion, overriding kader defaults.
        vorm_per_kader, vorm_per_criterium: finer overrides (a profile uses these).
        uitgesloten: criterion IDs to leave out (a profile's exclusions).

    Raises:
        OnbekendeWaarde: for an unknown segment, kader or criterion ID (with a suggestion).
    """
    from .resolve import resolve_segment

    # Each filter is read several times (validity, emptiness, membership, the record): a generator
    # passed in would be used up after the first. A wrong type is refused with the project's own
    # error (ids='bwmo-04' would be read letter by letter).
    als_type(corpus, "corpus", Corpus, "een Corpus (inkoopkader.load_corpus())")
    themas = als_lijst(themas, "themas", (Thema, str), "[Thema.VAKMANSCHAP]")
    kaders = als_lijst(kaders, "kaders", int, "[1, 8]")
    zonder_kaders = als_lijst(zonder_kaders, "zonder_kaders", int, "[11]")
    doelgroepen = als_lijst(doelgroepen, "doelgroepen", (Doelgroep, str), "[Doelgroep.ORGANISATIE]")
    ids, uitgesloten = als_lijst(ids, "ids", str, "['bwmo-04']"), als_lijst(uitgesloten, "uitgesloten", str, "['bwmo-04']")
    als_type(zoekterm, "zoekterm", str, "een tekst", geen=True)
    als_type(vorm, "vorm", Vorm, "een Vorm (b.v. Vorm.EIS)", geen=True)
    found = resolve_segment(corpus, segment)
    kader_numbers = {k.nummer for k in corpus.kaders}
    for nummer in [*kaders, *zonder_kaders]:
        if nummer not in kader_numbers:
            raise OnbekendeWaarde("kader", str(nummer), None, [str(n) for n in sorted(kader_numbers)])
    explicit = [_criterium(corpus, cid) for cid in ids]
    excluded = {_criterium(corpus, cid).id for cid in uitgesloten}

    relaties = corpus.kaders_voor_segment(found.id)
    if alleen_specifiek:
        relaties = [(k, r) for k, r in relaties if r is Relevantie.SPECIFIEK]
    wanted_kaders, skipped = set(kaders), set(zonder_kaders)
    relaties = [
        (k, r) for k, r in relaties if (not wanted_kaders or k.nummer in wanted_kaders) and k.nummer not in skipped
    ]
    only_explicit = bool(explicit) and not (themas or kaders or doelgroepen or zoekterm or alleen_specifiek)
    if only_explicit:
        relaties = []

    thema_set, doelgroep_set = set(themas), set(doelgroepen)
    matching: set[str] | None = None
    if zoekterm:
        from .search import zoek

        matching = {hit.criterium.id for hit in zoek(corpus, zoekterm, limiet=None)}

    chosen: dict[str, Criterium] = {}
    for kader, _ in relaties:
        for crit in kader.criteria:
            if thema_set and not thema_set.intersection(crit.thema):
                continue
            if doelgroep_set and crit.doelgroep not in doelgroep_set:
                continue
            if matching is not None and crit.id not in matching:
                continue
            chosen[crit.id] = crit
    for crit in explicit:
        chosen[crit.id] = crit
    for cid in excluded:
        chosen.pop(cid, None)

    per_kader = dict(vorm_per_kader or {})
    per_criterium = {k.lower(): v for k, v in (vorm_per_criterium or {}).items()}
    kader_keuzes: dict[int, KaderKeuze] = {}
    for kader, relevantie in relaties:
        kader_keuzes[kader.nummer] = KaderKeuze(kader, relevantie, vorm or per_kader.get(kader.nummer, kader.vorm))
    for crit in explicit:
        if crit.kader not in kader_keuzes:
            kader = corpus.kader(crit.kader)
            relevantie = kader.relevantie(found.id) or Relevantie.ALGEMEEN
            kader_keuzes[kader.nummer] = KaderKeuze(kader, relevantie, vorm or per_kader.get(kader.nummer, kader.vorm))

    keuzes, gemeente = [], []
    for kader in corpus.kaders:
        if kader.nummer not in kader_keuzes:
            continue
        default = kader_keuzes[kader.nummer].vorm
        for crit in kader.criteria:
            if crit.id not in chosen:
                continue
            keuze = Keuze(crit, kader, per_criterium.get(crit.id, default))
            (gemeente if crit.doelgroep is Doelgroep.GEMEENTE else keuzes).append(keuze)
    used = {k.kader.nummer for k in [*keuzes, *gemeente]}
    return Selectie(
        segment=found,
        kaders=tuple(kk for n, kk in sorted(kader_keuzes.items()) if n in used),
        keuzes=tuple(keuzes),
        gemeente=tuple(gemeente),
        filters={
            "themas": [t.value for t in themas],
            "kaders": list(kaders),
            "zonder_kaders": list(zonder_kaders),
            "doelgroepen": [d.value for d in doelgroepen],
            "zoekterm": zoekterm,
            "ids": [c.id for c in explicit],
            "alleen_specifiek": alleen_specifiek,
            "vorm": vorm.value if vorm else None,
        },
    )


def _criterium(corpus: Corpus, criterium_id: str) -> Criterium:
    crit = corpus.criterium(criterium_id)
    if crit is None:
        ids = [c.id for c in corpus.criteria()]
        raise OnbekendeWaarde("criterium", criterium_id, dichtstbijzijnde(criterium_id, ids))
    return crit


_E = TypeVar("_E", Vorm, Doelgroep)


def _parse_keuze(soort: type[_E], wat: str, value: str) -> _E:
    """An enum value as a user writes it, singular or plural ('Eisen', 'organisaties')."""
    lowered = value.strip().lower()
    for keuze in soort:
        if lowered in (keuze.value, keuze.value + "en", keuze.value + "s"):
            return keuze
    values = [k.value for k in soort]
    raise OnbekendeWaarde(wat, value, dichtstbijzijnde(value, values), values)


def parse_vorm(value: str) -> Vorm:
    """'eis', 'Eisen', 'vraag', 'verwijzing' -> Vorm, with a suggestion on a typo."""
    return _parse_keuze(Vorm, "vorm", value)


def parse_doelgroep(value: str) -> Doelgroep:
    """'organisatie', 'professionals', 'gemeente' -> Doelgroep, with a suggestion on a typo."""
    return _parse_keuze(Doelgroep, "doelgroep", value)


__all__ = ["KaderKeuze", "Keuze", "Selectie", "parse_doelgroep", "parse_vorm", "select"]
