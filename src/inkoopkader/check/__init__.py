"""`inkoopkader check`: which quality criteria a tender draft covers, misses or edited.

    >>> import inkoopkader
    >>> rapport = inkoopkader.check("concept-bestek.docx", segment="wmo-1a")   # doctest: +SKIP
    >>> rapport.geslaagd, [r.criterium.id for r in rapport.met_status(Status.ONTBREEKT)]

What the draft is checked against, in order of precedence: a selection profile, a segment with the
same selection options as compose, or the selection compose recorded in the document itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InkoopkaderError
from ..errors import aantal as _aantal
from ..model import Corpus, Doelgroep
from .model import (
    Bewijs,
    Concept,
    CriteriumResultaat,
    KaderVerwijzing,
    KaderDekking,
    Locatie,
    Rapport,
    Status,
    Tekstblok,
    ThemaDekking,
    VerouderdeVerwijzing,
)

if TYPE_CHECKING:
    from ..select import Verzoek


class GeenSelectie(InkoopkaderError):
    """Neither a segment, a profile nor a request, and the draft carries no selection of its own."""


def __getattr__(naam: str) -> Any:
    if naam == "format_tekst":  # the human summary; imported on use (it needs the text module)
        from .samenvatting import format_tekst

        return format_tekst
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")


__all__ = [
    "Bewijs",
    "Concept",
    "CriteriumResultaat",
    "KaderDekking",
    "KaderVerwijzing",
    "Locatie",
    "Rapport",
    "Status",
    "Tekstblok",
    "ThemaDekking",
    "VerouderdeVerwijzing",
    "GeenSelectie",
    "check",
    "format_tekst",
]


def check(
    bron: str | os.PathLike[str] | Concept | bytes,
    corpus: Corpus | None = None,
    *,
    segment: str | None = None,
    profiel: str | os.PathLike[str] | None = None,
    verzoek: Verzoek | None = None,
    alles_vereist: bool = False,
    vereist: Iterable[str] = (),
    min_dekking: float | None = None,
    strikt: bool = False,
    tekst: bool = False,
    personeel: bool | Iterable[str] = False,
    functieniveaus: Iterable[str] = (),
    wettelijk: bool = False,
    via_kader: bool = True,
    voortgang: Callable[[str, int, int], None] | None = None,
    **selectie_opties: Any,
) -> Rapport:
    """Check a tender draft against a selection of criteria.

    Args:
        bron: a path (.docx, .odt, .pdf, .md, .txt), a Concept, the draft's bytes (its format is
            recognised from the content, see `read_bytes`), or, with `tekst=True`, the text itself.
        corpus: defaults to `load_corpus()`.
        segment: check against this segment's default document; `selectie_opties` are fields of the
            selection request (`Verzoek`: themas, kaders, zonder_kaders, doelgroepen, zoekterm, ids,
            alleen_specifiek, procedure …). Only requirements and award aspects are looked for, not
            criteria ter inspiratie.
        profiel: a selection profile from `inkoopkader init`; its criteria are required.
        verzoek: the selection request itself (`select.Verzoek`, e.g. `Profiel.verzoek()`), instead of
            `segment`/`profiel` and `selectie_opties`; with `alles_vereist` every criterion it
            selects is required (as for a profile).
        vereist: criterion IDs that must be present.
        min_dekking: minimum share (0-1) of criteria found per thema (NaN, a bool or a text is refused).
        strikt: any outdated reference fails the gate.
        personeel: also look for staff requirements (True: the defaults of the segment's domain, or
            a list of pe-… IDs), each with its listed levels/competences; their results have
            `herkomst` PERSONEEL and are reported as one group. `functieniveaus` limits the levels.
        wettelijk: also look for the statutory duties of the segment's domain (data/wettelijk.yaml,
            IDs wet-…), with `herkomst` WETTELIJK, reported as 'Wettelijke verplichtingen'; criteria and
            staff requirements they cover are then not looked for separately (compose does not print them
            twice either). A document of `inkoopkader compose` is always checked for the duties it
            recorded, in their recorded roles.
        via_kader: a criterion that is not in the text counts as found (status `via-kader`) when the
            draft declares its kader applicable as a whole ('Opdrachtnemer werkt conform het
            JIJ-kader'); False: only the text counts.
        voortgang: called as (step, done, total) when each of the four steps starts (reading,
            matching criteria, references, report), for a progress bar; it must not raise.

    Returns:
        A Rapport; `rapport.geslaagd` is the gate, `rapport.redenen_afgekeurd` says why not.

    Raises:
        ConceptFout (an InkoopkaderError): unreadable, hostile or unsupported input.
        OnbekendeWaarde: unknown segment, kader or criterion ID.
    """
    from ..corpus import load_corpus
    from ..resolve import resolve_segment
    from ..select import Verzoek, select
    from .match import match_criteria
    from .read import read_bytes, read_concept, read_text
    from .achtergrond import Achtergrond, mag_vorken
    from .references import find_verwijzingen, regels_voor

    def stap(naam: str, gedaan: int) -> None:
        if voortgang is not None:
            voortgang(naam, gedaan, 4)

    vereist = _controleer_argumenten(bron, corpus, segment, vereist, min_dekking, tekst)
    from ..errors import als_lijst, als_type

    als_type(profiel, "profiel", (str, os.PathLike), "een pad naar een profiel (.yaml)", geen=True)
    als_type(verzoek, "verzoek", Verzoek, "een Verzoek (inkoopkader.select.Verzoek)", geen=True)
    if not isinstance(personeel, bool):  # a text would be read letter by letter ('p')
        personeel = als_lijst(personeel, "personeel", str, "['pe-vog-jeugd']")
    if verzoek is not None and (segment is not None or profiel is not None or selectie_opties):
        from ..errors import ArgumentFout

        raise ArgumentFout("Geef een verzoek óf een segment of profiel met selectie-opties, niet beide.")
    if profiel is not None:
        from ..profile import weiger_profielkeuzes

        weiger_profielkeuzes(selectie_opties)  # before any reading: it is a usage error
    corpus = corpus or load_corpus()
    stap("Concept lezen", 0)
    if isinstance(bron, Concept):
        concept = bron
    elif isinstance(bron, (bytes, bytearray, memoryview)):
        concept = read_bytes(bytes(bron))
    elif tekst:
        concept = read_text(str(bron))
    else:
        concept = read_concept(Path(bron))

    required: set[str] = {v.strip().lower() for v in _lijst("vereist", vereist) if v.strip()}
    uit_record = False
    if verzoek is not None:
        selectie = select(corpus, verzoek)
        herkomst = verzoek.herkomst or f"segment: {selectie.segment.id}"
        if alles_vereist:
            required |= {k.criterium.id for k in selectie.lichaam}
    elif profiel is not None:
        from ..profile import load_profile

        loaded = load_profile(corpus, profiel)
        if segment is not None and resolve_segment(corpus, segment).id != loaded.segment:
            raise InkoopkaderError(f"Het profiel is voor segment {loaded.segment}, niet voor {segment}.")
        selectie = select(corpus, loaded.verzoek(**selectie_opties))
        herkomst = f"profiel: {Path(profiel).name}"
        required |= {k.criterium.id for k in selectie.lichaam}
    elif segment is not None:
        selectie = select(corpus, Verzoek.maak(segment, herkomst=f"segment: {segment}", **selectie_opties))
        herkomst = f"segment: {selectie.segment.id}"
    elif concept.selectie and concept.selectie.get("segment"):
        selectie = select(corpus, _verzoek_uit_record(corpus, concept.selectie))
        herkomst = "document (samengesteld met inkoopkader compose)"
        uit_record = True
    else:
        raise GeenSelectie(
            f"Waartegen moet '{concept.naam}' worden gecontroleerd? Geef een segment (b.v. wmo-1a) of een "
            "selectieprofiel; alleen documenten van 'inkoopkader compose' dragen hun selectie zelf mee."
        )

    # Requirements and award aspects are what a draft must contain; inspiration and the gemeente's own
    # points are not draft text.
    keuzes = [k for k in selectie.lichaam if k.criterium.doelgroep is not Doelgroep.GEMEENTE]
    pe_ids = {e.id for e in corpus.personeelseisen}
    for cid in required:
        if corpus.criterium(cid) is None and corpus.verplichting(cid) is None and cid not in pe_ids:
            from ..errors import OnbekendeWaarde, dichtstbijzijnde

            bekend = [c.id for c in corpus.criteria()] + [v.id for v in corpus.wettelijk] + sorted(pe_ids)
            raise OnbekendeWaarde("criterium", cid, dichtstbijzijnde(cid, bekend))
    verplichtingen, wet_rollen = _verplichtingen(corpus, selectie, concept.selectie if uit_record else None,
                                                 wettelijk)
    verplichtingen += [v for cid in sorted(required) if (v := corpus.verplichting(cid)) is not None
                       and v not in verplichtingen]
    from ..wettelijk import gedekt

    # What compose does not print twice is not looked for twice: criteria (and default staff
    # requirements) a statutory duty or a staff requirement covers, unless picked explicitly.
    dekking = set(gedekt(verplichtingen))
    personeel_keuzes: list[Any] = []
    opgenomen: set[str] | None = None  # the staff items compose recorded in the document
    if personeel is False and uit_record:
        personeel, functieniveaus, opgenomen = _personeel_uit_record(corpus, concept.selectie or {}, pe_ids)
    # A staff requirement named as required is looked for, also when the staff chapter is not chosen.
    pe_vereist = sorted(required & pe_ids)
    if pe_vereist:
        from ..personeel import standaard_eisen

        if personeel is False:
            personeel = pe_vereist
        else:
            basis = ([e.id for e in standaard_eisen(corpus.personeelseisen, selectie.segment.domein)]
                     if personeel is True else list(_lijst("personeel", personeel)))
            personeel = [*basis, *(cid for cid in pe_vereist if cid not in basis)]
        if opgenomen is not None:
            opgenomen |= set(pe_vereist)
    if personeel is not False:
        from ..personeel import als_keuzes, kies_eisen

        eisen = kies_eisen(corpus.personeelseisen, selectie.segment.domein, personeel, functieniveaus,
                           corpus.beroepsprofielen)
        if opgenomen is not None:  # with the role the document gives them
            rollen = _rollen_uit_record(concept.selectie or {})
            eisen = [replace(e, rol=rollen.get(e.id, e.rol)) for e in eisen]
        eisen = [e for e in eisen if e.id not in dekking or e.id in required]
        dekking |= {cid for e in eisen if e.rol.is_eis for cid in e.dekt}
        personeel_keuzes = als_keuzes(eisen, corpus.beroepsprofielen, functieniveaus)
        if opgenomen is not None:
            personeel_keuzes = [k for k in personeel_keuzes if k.criterium.id in opgenomen]
    keuzes = [k for k in keuzes if k.criterium.id not in dekking or k.gekozen]
    selected_ids = {k.criterium.id for k in keuzes}
    extra = [cid for cid in sorted(required) if cid not in selected_ids and corpus.criterium(cid) is not None]
    if extra:
        keuzes += list(select(corpus, Verzoek(selectie.segment.id, ids=tuple(extra))).keuzes)
    keuzes += personeel_keuzes
    if verplichtingen:
        from ..wettelijk import als_keuzes as wet_als_keuzes

        keuzes += wet_als_keuzes(verplichtingen, selectie.procedure, wet_rollen)

    # The references do not depend on the matching: in the console script, on a long draft, a child
    # process finds them meanwhile (achtergrond.py). The rules are loaded here first, so that an
    # invalid rules file is reported by this process, as always.
    regels = regels_voor(corpus)
    verwijzingen = Achtergrond(
        lambda: find_verwijzingen(concept, corpus, regels), vorken=mag_vorken(len(concept.blokken))
    )
    try:
        stap(f"Criteria zoeken ({len(keuzes)})", 1)
        resultaten = [
            replace(r, vereist=r.criterium.id in required)
            for r in match_criteria(concept, keuzes, corpus=corpus)
        ]
    except BaseException:
        verwijzingen.afbreken()
        raise
    resultaten = _duplicaten(resultaten)
    stap("Verwijzingen naar kaders en verouderde wetgeving zoeken", 2)
    kaderverwijzingen, verouderd = verwijzingen.resultaat()
    stap("Rapport opstellen", 3)
    if via_kader and kaderverwijzingen:
        # The kader applies as a whole, so each of its criteria does: found, however little is copied.
        # A criterion the draft explicitly negates stays ontkracht.
        verklaard = {v.kader for v in kaderverwijzingen}
        resultaten = [
            replace(r, status=Status.VIA_KADER, verschil=(f"het concept verklaart kader {r.criterium.kader} als "
                                                           "geheel van toepassing",))
            if r.status is Status.ONTBREEKT and r.criterium.kader in verklaard else r
            for r in resultaten
        ]

    redenen = []
    missing_required = [r.criterium.id for r in resultaten if r.vereist and r.status is Status.ONTBREEKT]
    if missing_required:
        aantal = len(missing_required)
        redenen.append(
            f"{aantal} vereist{'' if aantal == 1 else 'e'} criteri{'um ontbreekt' if aantal == 1 else 'a ontbreken'}: "
            f"{', '.join(missing_required)}"
        )
    ontkracht_required = [r.criterium.id for r in resultaten if r.vereist and r.status is Status.ONTKRACHT]
    if ontkracht_required:
        aantal = len(ontkracht_required)
        redenen.append(
            f"{aantal} vereist{'' if aantal == 1 else 'e'} criteri{'um is' if aantal == 1 else 'a zijn'} ontkracht "
            f"(ontkend, kwijtgescholden of bij een andere actor gelegd): {', '.join(ontkracht_required)}"
        )
    rapport = Rapport(
        concept=concept.naam,
        formaat=concept.formaat,
        segment=selectie.segment.id,
        corpus_versie=corpus.versie,
        bron_van_selectie=herkomst,
        resultaten=tuple(resultaten),
        kaderverwijzingen=tuple(kaderverwijzingen),
        verouderd=tuple(verouderd),
        min_dekking=min_dekking,
        strikt=strikt,
    )
    for dekking in rapport.te_lage_dekking():
        redenen.append(
            f"dekking {dekking.thema.value} {dekking.dekking:.0%} is lager dan de vereiste {min_dekking:.0%}"
        )
    if strikt and verouderd:
        redenen.append(f"{_aantal(len(verouderd), 'verouderde verwijzing', 'verouderde verwijzingen')} en de "
                       "strikte controle staat aan")
    stap("Klaar", 4)
    return replace(rapport, redenen_afgekeurd=tuple(redenen))


def _rollen_uit_record(record: dict[str, object]) -> dict[str, Any]:
    """The requirement roles compose recorded per ID (unknown or non-requirement roles are left out)."""
    from ..model import Rol

    rollen = {}
    for cid, waarde in dict(record.get("rollen") or {}).items():  # type: ignore[call-overload]
        rol = next((r for r in Rol if r.value == waarde), None)
        if rol is not None and rol.is_eis:
            rollen[str(cid)] = rol
    return rollen


def _personeel_uit_record(corpus: Corpus, record: dict[str, object], pe_ids: set[str]
                          ) -> tuple[list[str] | bool, tuple[str, ...], set[str] | None]:
    """The staff requirements compose put in the document: their IDs, the function levels listed
    (by level ID) and every recorded ID; (False, (), None) when the document has none."""
    ids = [str(i) for i in record.get("criteria", []) or []]  # type: ignore[union-attr]
    gekozen = [i for i in ids if i in pe_ids]
    if not gekozen:
        return False, (), None
    niveaus = {n.id for p in corpus.beroepsprofielen for n in p.niveaus}
    return gekozen, tuple(i for i in ids if i in niveaus), set(ids)


def _verplichtingen(corpus: Corpus, selectie: Any, record: dict[str, object] | None, wettelijk: bool
                    ) -> tuple[list[Any], dict[str, Any]]:
    """The statutory duties to look for, with recorded roles: those compose recorded in the document, or
    (`wettelijk`) those of the segment's domain."""
    from ..wettelijk import verplichtingen_voor

    if record is not None:
        ids = [str(i) for i in record.get("criteria", []) or []]  # type: ignore[union-attr]
        gevonden = [w for i in ids if (v := corpus.verplichting(i)) is not None
                    and (w := v.voor_segment(selectie.segment.id)) is not None]
        if gevonden or not wettelijk:
            return gevonden, _rollen_uit_record(record)
    if wettelijk:
        return verplichtingen_voor(corpus, selectie.segment.domein, segment=selectie.segment.id), {}
    return [], {}


def _duplicaten(resultaten: list[Any]) -> list[Any]:
    """A criterion the source repeats verbatim (`duplicaat_van`) is found where its twin is found.

    compose prints such a text once; the draft then has it under one ID, and the twin counts the same.
    """
    paren = [(r.criterium.id, r.criterium.duplicaat_van) for r in resultaten if r.criterium.duplicaat_van]
    if not paren:
        return resultaten
    per_id = {r.criterium.id: r for r in resultaten}
    tweeling: dict[str, str] = {}
    for kopie, origineel in paren:
        tweeling[kopie] = origineel
        tweeling.setdefault(origineel, kopie)
    result = []
    for r in resultaten:
        t = per_id.get(tweeling.get(r.criterium.id, ""))
        if r.status is Status.ONTBREEKT and t is not None and t.status is not Status.ONTBREEKT:
            r = replace(r, status=t.status, score=t.score, bewijs=t.bewijs, via_anker=t.via_anker,
                        verschil=(f"zelfde tekst als {t.criterium.id} (de bron herhaalt het criterium)", *t.verschil))
        result.append(r)
    return result


def _lijst(naam: str, waarde: Iterable[str]) -> list[str]:
    if isinstance(waarde, (str, bytes)):
        raise InkoopkaderError(f"{naam} moet een lijst van ID's zijn, geen losse tekst: {naam}=[{waarde!r}].")
    return list(waarde)


def _verzoek_uit_record(corpus: Corpus, record: dict[str, object]) -> Any:
    """The request that reproduces what compose recorded: its body criteria, in their recorded roles."""
    from ..model import Procedure, Rol
    from ..select import Verzoek

    ids = [str(i) for i in record.get("criteria", []) or [] if corpus.criterium(str(i)) is not None]
    procedure = next((p for p in Procedure if p.value == record.get("procedure")), Procedure.AANBESTEDING)
    rollen: dict[str, Rol] = {}
    for cid, waarde in dict(record.get("rollen") or {}).items():  # type: ignore[call-overload]
        crit = corpus.criterium(str(cid))
        rol = next((r for r in Rol if r.value == waarde), None)
        if crit is not None and rol is not None and corpus.kader(crit.kader).gebruik(crit).kan(rol):
            rollen[crit.id] = rol
    segment = str(record["segment"])
    if not ids:
        return Verzoek(segment, procedure=procedure)
    return Verzoek.maak(segment, procedure=procedure, ids=ids, rol_per_criterium=rollen,
                        herkomst="document (samengesteld met inkoopkader compose)")


def _controleer_argumenten(bron: object, corpus: object, segment: object, vereist: object, min_dekking: object,
                           tekst: object) -> tuple[str, ...]:
    """The project's own errors for arguments of the wrong type or out of range, before any work;
    returns `vereist` as a tuple (a generator is read once)."""
    import math

    from ..errors import ArgumentFout, als_lijst, als_type

    als_type(bron, "bron", (str, os.PathLike, Concept, bytes, bytearray, memoryview),
             "een pad, een Concept, bytes of (met tekst=True) de tekst")
    if tekst and not isinstance(bron, str):
        raise ArgumentFout(f"Met tekst=True moet bron de tekst zelf zijn, niet {type(bron).__name__}.")
    als_type(corpus, "corpus", Corpus, "een Corpus (inkoopkader.load_corpus())", geen=True)
    als_type(segment, "segment", str, "een tekst zoals 'wmo-1a'", geen=True)
    vereist = als_lijst(vereist, "vereist", str, "['bwmo-04']")
    if min_dekking is not None:
        als_type(min_dekking, "min_dekking", (int, float), "een getal tussen 0 en 1 (b.v. 0.8)")
        if not math.isfinite(min_dekking) or not 0 <= min_dekking <= 1:  # type: ignore[arg-type]
            raise ArgumentFout(f"min_dekking moet tussen 0 en 1 liggen (b.v. 0.8 voor 80%), niet {min_dekking!r}.")
    return vereist  # type: ignore[return-value]
