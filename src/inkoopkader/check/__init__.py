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
from typing import Any

from ..errors import InkoopkaderError
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
    "check",
]


def check(
    bron: str | os.PathLike[str] | Concept | bytes,
    corpus: Corpus | None = None,
    *,
    segment: str | None = None,
    profiel: str | os.PathLike[str] | None = None,
    vereist: Iterable[str] = (),
    min_dekking: float | None = None,
    strikt: bool = False,
    tekst: bool = False,
    personeel: bool | Iterable[str] = False,
    functieniveaus: Iterable[str] = (),
    voortgang: Callable[[str, int, int], None] | None = None,
    **selectie_opties: Any,
) -> Rapport:
    """Check a tender draft against a selection of criteria.

    Args:
        bron: a path (.docx, .odt, .pdf, .md, .txt), a Concept, the draft's bytes (its format is
            recognised from the content, see `read_bytes`), or, with `tekst=True`, the text itself.
        corpus: defaults to `load_corpus()`.
        segment: check against this segment's selection; `selectie_opties` are passed to `select`
            (themas, kaders, zonder_kaders, doelgroepen, zoekterm, ids, alleen_specifiek).
        profiel: a selection profile from `inkoopkader init`; its criteria are required.
        vereist: criterion IDs that must be present.
        min_dekking: minimum share (0-1) of criteria found per thema (NaN, a bool or a text is refused).
        strikt: any outdated reference fails the gate.
        personeel: also look for staff requirements (True: the defaults of the segment's domain, or
            a list of pe-… IDs), each with its listed levels/competences; they are reported under
            kader 0 'Deskundigheid en inzet van personeel'. `functieniveaus` limits the levels.
        voortgang: called as (step, done, total) when each of the four steps starts (reading,
            matching criteria, references, report), for a progress bar; it must not raise.

    Returns:
        A Rapport; `rapport.geslaagd` is the gate, `rapport.redenen_afgekeurd` says why not.

    Raises:
        ConceptFout (an InkoopkaderError): unreadable, hostile or unsupported input.
        OnbekendeWaarde: unknown segment, kader or criterion ID.
    """
    from ..corpus import load_corpus
    from ..select import select
    from .match import match_criteria
    from .read import read_bytes, read_concept, read_text
    from .achtergrond import Achtergrond, mag_vorken
    from .references import find_verwijzingen, regels_voor

    def stap(naam: str, gedaan: int) -> None:
        if voortgang is not None:
            voortgang(naam, gedaan, 4)

    vereist = _controleer_argumenten(bron, corpus, segment, vereist, min_dekking, tekst)
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

    required: set[str] = {v.strip().lower() for v in vereist if v.strip()}
    if profiel is not None:
        from ..profile import load_profile

        loaded = load_profile(corpus, profiel)
        selectie = select(corpus, segment or loaded.segment, **loaded.select_kwargs(**selectie_opties))
        herkomst = f"profiel: {Path(profiel).name}"
        required |= {k.criterium.id for k in selectie.keuzes}
    elif segment is not None:
        selectie = select(corpus, segment, **selectie_opties)
        herkomst = f"segment: {selectie.segment.id}"
    elif concept.selectie and concept.selectie.get("segment"):
        from ..select import parse_vorm

        ids = [str(i) for i in concept.selectie.get("criteria", []) or []]
        vormen = concept.selectie.get("vormen") or {}
        # Keep compose's eis/vraag/verwijzing per criterion, as recorded in the document.
        per_criterium = {str(k): parse_vorm(str(v)) for k, v in dict(vormen).items()}  # type: ignore[call-overload]
        segment_id = str(concept.selectie["segment"])
        selectie = (
            select(corpus, segment_id, ids=ids, vorm_per_criterium=per_criterium)
            if ids
            else select(corpus, segment_id)
        )
        herkomst = "document (samengesteld met inkoopkader compose)"
    else:
        raise InkoopkaderError(
            f"Waartegen moet '{concept.naam}' worden gecontroleerd? Geef --segment (b.v. --segment wmo-1a) "
            "of --profiel; alleen documenten van 'inkoopkader compose' dragen hun selectie zelf mee."
        )

    keuzes = [k for k in selectie.keuzes if k.criterium.doelgroep is not Doelgroep.GEMEENTE]
    for cid in required:
        if corpus.criterium(cid) is None:
            from ..errors import OnbekendeWaarde, dichtstbijzijnde

            raise OnbekendeWaarde("criterium", cid, dichtstbijzijnde(cid, [c.id for c in corpus.criteria()]))
    selected_ids = {k.criterium.id for k in keuzes}
    extra = [cid for cid in sorted(required) if cid not in selected_ids]
    if extra:
        keuzes += list(select(corpus, selectie.segment.id, ids=extra).keuzes)

    if personeel is not False:
        from ..personeel import als_keuzes, kies_eisen

        eisen = kies_eisen(corpus.personeelseisen, selectie.segment.domein, personeel)
        keuzes += als_keuzes(eisen, corpus.beroepsprofielen, functieniveaus)

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
    stap("Verwijzingen naar kaders en verouderde wetgeving zoeken", 2)
    kaderverwijzingen, verouderd = verwijzingen.resultaat()
    stap("Rapport opstellen", 3)

    redenen = []
    missing_required = [r.criterium.id for r in resultaten if r.vereist and r.status is Status.ONTBREEKT]
    if missing_required:
        aantal = len(missing_required)
        redenen.append(
            f"{aantal} vereist{'' if aantal == 1 else 'e'} criteri{'um ontbreekt' if aantal == 1 else 'a ontbreken'}: "
            f"{', '.join(missing_required)}"
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
        redenen.append(f"{len(verouderd)} verouderde verwijzing(en) en --strikt staat aan")
    stap("Klaar", 4)
    return replace(rapport, redenen_afgekeurd=tuple(redenen))


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
