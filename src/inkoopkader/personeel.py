"""Personeelseisen: requirements on staff (education, registration, competences), with sources.

Two kinds of data feed this stage:

- `data/profiles/*.yaml`: three professional profiles (justice social worker, the mbo qualification
  'sociaal-maatschappelijk dienstverlener', the Enschede wijkcoach A–D) as traceable items;
- `data/personeel.yaml`: requirement templates in tender language, each with the source passages
  that support it (`onderbouwing`) and, where it lists levels or competences, the profile they come
  from (`niveaus_uit`, `competenties_uit`).

`personeelseisen(corpus, segment)` gives the defaults for a segment's domain; compose adds them as a
chapter "Deskundigheid en inzet van personeel". Loading and validation happen in corpus.py, like the
kaders, so the result is cached with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .model import Rol
from .onveranderlijk import onveranderlijk

if TYPE_CHECKING:
    from .select import Keuze


@onveranderlijk
class ProfielItem:
    """Any identified, traceable item of a profile (competence, level, result, indicator …)."""

    id: str
    tekst: str
    regel: int
    profiel: str  # sleutel of the profile
    veld: str = "tekst"  # the field of the source item the text comes from


@onveranderlijk
class Registratie:
    register: str  # SKJ | BIG | Registerplein …
    eis: str  # vereist | opleiding-registreerbaar
    tekst: str
    regel: int


@onveranderlijk
class Functieniveau:
    """A function or qualification level with what the source requires of it."""

    id: str
    naam: str
    regel: int
    opleiding: str  # verbatim education text
    opleiding_niveau: str  # mbo | mbo-4 | hbo | hbo+
    opleiding_regel: int
    code: str | None = None
    schaal: int | None = None
    voorkeur: bool = False  # the source says "bij voorkeur": a preference, not a hard requirement
    registraties: tuple[Registratie, ...] = ()

    @property
    def eistekst(self) -> str:
        """The level and its requirements as one line, quoting the source."""
        registratie = " ".join(r.tekst for r in self.registraties if r.tekst not in self.opleiding)
        text = f"{self.naam}: {self.opleiding}"
        if self.voorkeur and "voorkeur" not in self.opleiding.lower():
            text += " (bij voorkeur)"
        return f"{text} {registratie}".strip()


@onveranderlijk
class Beroepsprofiel:
    sleutel: str
    prefix: str
    titel: str
    soort: str
    bron_id: str
    bron_titel: str | None
    bestand: str
    sha256: str
    regels: tuple[int, int]
    niveaus: tuple[Functieniveau, ...]
    competenties: tuple[ProfielItem, ...]
    items: tuple[ProfielItem, ...]  # every identified item in the file, for search and tracing
    organisatie: str | None = None
    domein: str | None = None
    jaar: int | None = None
    pad: str = ""


@onveranderlijk
class Onderbouwing:
    """A source passage that supports a staff requirement."""

    bron: str  # brondocument ID or profile sleutel
    regel: int
    citaat: str
    plaats: str


@onveranderlijk
class Personeelseis:
    """A staff requirement or question, ready for the tender, with its parts and sources."""

    id: str
    titel: str
    domeinen: tuple[str, ...]
    soort: str  # opleiding | registratie | competentie | screening
    rol: Rol
    tekst: str
    onderbouwing: tuple[Onderbouwing, ...]
    niveaus_uit: str | None = None
    competenties_uit: str | None = None
    bewijs: str | None = None
    eistekst: str | None = None  # the wording as a requirement, when `tekst` is worded as a question
    dekt: tuple[str, ...] = ()  # criteria that ask the same: not printed again next to this requirement

    def tekst_voor(self, rol: Rol) -> str:
        """The wording for a role: a requirement's wording for an eis-role, else `tekst`."""
        return self.eistekst if rol.is_eis and self.eistekst else self.tekst

    def onderdelen(self, profielen: Iterable[Beroepsprofiel], niveaus: Iterable[str] = ()) -> list[ProfielItem]:
        """The listed parts: function levels (optionally only some, by code or ID) or competences.

        Raises:
            OnbekendeWaarde: a requested level exists in none of the profiles (it would drop every
                level without a word).
        """
        profielen = list(profielen)
        wanted = {n.strip().lower() for n in controleer_functieniveaus(profielen, niveaus)}
        for profiel in profielen:
            if self.niveaus_uit == profiel.sleutel:
                return [
                    ProfielItem(n.id, n.eistekst, n.opleiding_regel, profiel.sleutel)
                    for n in profiel.niveaus
                    if not wanted or (n.code or "").lower() in wanted or n.id in wanted
                ]
            if self.competenties_uit == profiel.sleutel:
                return list(profiel.competenties)
        return []


def controleer_functieniveaus(profielen: Iterable[Beroepsprofiel], niveaus: Iterable[str]) -> tuple[str, ...]:
    """The requested function levels, each known by code ('B') or ID ('wce-niv-b') in some profile.

    Raises:
        ArgumentFout: `niveaus` is a text instead of a list.
        OnbekendeWaarde: an unknown level, with the closest as suggestion.
    """
    from .errors import OnbekendeWaarde, als_lijst, dichtstbijzijnde

    gevraagd = als_lijst(niveaus, "functieniveaus", str, "['B', 'C']")
    if not gevraagd:
        return gevraagd
    codes = sorted({n.code for p in profielen for n in p.niveaus if n.code})
    bekend = {c.lower() for c in codes} | {n.id for p in profielen for n in p.niveaus}
    for niveau in gevraagd:
        if niveau.strip().lower() not in bekend:
            suggestie = dichtstbijzijnde(niveau, [*codes, *sorted(bekend - {c.lower() for c in codes})], drempel=50)
            raise OnbekendeWaarde("functieniveau", niveau, suggestie, [*codes])
    return gevraagd


def walk_items(data: Any, profiel: str) -> Iterator[ProfielItem]:
    """Every mapping with an `id` and a text in a profile file, depth first."""
    if isinstance(data, dict):
        if "id" in data and isinstance(data.get("id"), str):
            # The verbatim text of an item; a level's `naam` is the compiler's label, its `typering` the source's.
            veld = next((k for k in ("tekst", "typering", "naam", "resultaat", "titel") if data.get(k)), None)
            regel = data.get("regel") or (data.get("regels") or [None])[0]
            if veld is not None and isinstance(data[veld], str) and isinstance(regel, int):
                yield ProfielItem(data["id"], data[veld], regel, profiel, veld)
        for value in data.values():
            yield from walk_items(value, profiel)
    elif isinstance(data, list):
        for value in data:
            yield from walk_items(value, profiel)


def standaard_eisen(eisen: Iterable[Personeelseis], segment_domein: str) -> list[Personeelseis]:
    """The default staff requirements for a segment's domain ('Jeugdhulp', 'Wmo', 'Sociaal Werk')."""
    return [e for e in eisen if segment_domein in e.domeinen]


def kies_eisen(
    eisen: Iterable[Personeelseis], segment_domein: str, keuze: bool | Iterable[str],
    functieniveaus: Iterable[str] = (), profielen: Iterable[Beroepsprofiel] = (),
) -> list[Personeelseis]:
    """The staff requirements chosen: none (False), the domain's defaults (True) or these IDs.

    With True and `functieniveaus` (codes such as 'B' or level IDs), the requirements that list
    function levels of a profile are added when that profile has such a level: levels are never a
    default (one gemeente's job family is an example, not a norm), but asking for them is a choice.

    Raises:
        OnbekendeWaarde: for an unknown ID, with the closest as suggestion.
    """
    if keuze is False:
        return []
    if keuze is True:
        eisen = list(eisen)
        gekozen = standaard_eisen(eisen, segment_domein)
        niveaus = [n for n in functieniveaus if n.strip()]
        if niveaus:
            profielen = list(profielen)
            gekozen += [e for e in eisen if e not in gekozen and e.niveaus_uit and e.onderdelen(profielen, niveaus)]
        return gekozen
    from .errors import OnbekendeWaarde, dichtstbijzijnde

    bekend = {e.id: e for e in eisen}
    gekozen = []
    for eis_id in keuze:
        if eis_id not in bekend:
            raise OnbekendeWaarde("personeelseis", eis_id, dichtstbijzijnde(eis_id, bekend), list(bekend))
        gekozen.append(bekend[eis_id])
    return gekozen


_STANDIN_NUMMER = 0
"""The number of the stand-in kader that groups the staff requirements while they are checked (a
`Kader` needs one; no real kader has 0). Nothing reports it: results and reports use `Herkomst.PERSONEEL`."""


def als_keuzes(
    eisen: Iterable[Personeelseis], profielen: Iterable[Beroepsprofiel], functieniveaus: Iterable[str] = ()
) -> list[Keuze]:
    """Staff requirements as checkable criteria, so `check` finds them in drafts like any criterion.

    Each requirement becomes a criterion (its own tender text, as compose writes it) and each of its
    listed parts (function levels, competences) one more, with the profile item's ID and source line.
    Each has `herkomst` PERSONEEL and belongs to a stand-in kader 'Deskundigheid en inzet van personeel'.
    """
    from .model import Bron, Criterium, Doelgroep, Herkomst, Inkoopgebruik, Kader, Overzicht, Thema
    from .select import Keuze

    profielen = list(profielen)
    niveaus = list(functieniveaus)
    criteria: list[tuple[Criterium, Personeelseis]] = []
    for eis in eisen:
        groep = (eis.titel,)
        criteria.append((Criterium(eis.id, _STANDIN_NUMMER, (Thema.VAKMANSCHAP,), groep, Doelgroep.ORGANISATIE,
                                   eis.tekst_voor(eis.rol), 1, herkomst=Herkomst.PERSONEEL), eis))
        for item in eis.onderdelen(profielen, niveaus):
            criteria.append((Criterium(item.id, _STANDIN_NUMMER, (Thema.VAKMANSCHAP,), groep,
                                       Doelgroep.PROFESSIONAL, item.tekst, item.regel, herkomst=Herkomst.PERSONEEL), eis))
    kader = Kader(
        nummer=_STANDIN_NUMMER, sleutel="personeel", prefix="pe", titel="Deskundigheid en inzet van personeel",
        uitgever="inkoopkader (uit kaders en beroepsprofielen)", jaar=0,
        overzicht=Overzicht("", "", ""), segmenten=(), vorm_toelichting="", inleiding="",
        korte_toelichting="", totstandkoming="", opbouw="", bron=Bron("personeel", "", None, (1, 1)),
        criteria=tuple(c for c, _ in criteria),
    )
    # A requirement worded as a question can be printed as a requirement (personeel_rol): the matcher
    # compares the draft with both wordings (the other one as the tender wording, `formulering`).
    return [Keuze(criterium, kader, eis.rol, Inkoopgebruik(
                criterium.id, (eis.rol,), eis.titel, eis.bewijs,
                formulering=eis.eistekst if criterium.id == eis.id and eis.eistekst != criterium.tekst else None))
            for criterium, eis in criteria]
