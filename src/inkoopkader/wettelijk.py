"""De wettelijke basisset: duties the law itself puts on every provider of a domain (data/wettelijk.yaml).

Each duty (`model.WettelijkeVerplichting`, ID prefix `wet-`) carries its legal basis (law, article,
lid), the law's text quoted verbatim from a saved copy in `data/bronnen/wetten/`, its default role per
procedure and a bewijsmiddel. Loading and validation (every quote checked against its copy) happen in
corpus.py, so the basisset is cached with the corpus.

- `verplichtingen_voor(corpus, domein)`: the duties of a segment's domain ('Jeugdhulp', 'Wmo',
  'Sociaal Werk'), in file order; compose puts them in the chapter "Wettelijke verplichtingen".
- `gedekt(verplichtingen)`: criteria and staff requirements that ask the same as one of the duties
  (`dekt` in the data); a document that has the duty does not print them a second time.
- `als_keuzes(...)`: the duties as checkable stand-in criteria, so `check` finds them in drafts like
  any criterion (`Criterium.herkomst` WETTELIJK).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .model import Corpus, Doelgroep, Procedure, Rol, Thema, WettelijkeVerplichting

_STANDIN_NUMMER = -1
"""The number of the stand-in kader that groups the duties while they are checked (a `Kader` needs one;
no real kader has it). Nothing reports it: results and reports use `Herkomst.WETTELIJK`."""

WETTELIJK_TITEL = "Wettelijke verplichtingen"


def verplichtingen_voor(corpus: Corpus, domein: str, themas: Iterable[Thema] = (),
                        doelgroepen: Iterable[Doelgroep] = (), *, segment: str | None = None
                        ) -> list[WettelijkeVerplichting]:
    """The statutory duties of a segment's domain ('Jeugdhulp', 'Wmo', 'Sociaal Werk'), in file order;
    with thema or doelgroep filters (as in a selection request) only those that pass them (every duty
    is the organisation's). With `segment` (an ID such as 'jeugdhulp-6'), as they apply to that segment:
    without the duties that do not apply to it, worded for it where the data says so."""
    themas, doelgroepen = set(themas), set(doelgroepen)
    if doelgroepen and Doelgroep.ORGANISATIE not in doelgroepen:
        return []
    gevonden = [v for v in corpus.wettelijk if domein in v.domeinen and (not themas or v.thema in themas)]
    if segment is None:
        return gevonden
    return [w for v in gevonden if (w := v.voor_segment(segment)) is not None]


def voor_document(corpus: Corpus, selectie: Any, wettelijk: bool | None = None) -> list[WettelijkeVerplichting]:
    """The duties compose puts in a document for a selection: those of the segment's domain that pass
    the request's thema and doelgroep filters. `wettelijk` None (the default): none when the request
    picks criteria itself (`ids`, `zoekterm`), as such a document holds what was picked; True: also
    then; False: none."""
    verzoek = selectie.verzoek
    if wettelijk is False or (wettelijk is None and (verzoek.ids or verzoek.zoekterm)):
        return []
    return verplichtingen_voor(corpus, selectie.segment.domein, verzoek.themas, verzoek.doelgroepen,
                               segment=selectie.segment.id)


def gedekt(verplichtingen: Iterable[WettelijkeVerplichting]) -> dict[str, WettelijkeVerplichting]:
    """Criterion or staff requirement ID -> the duty that covers it (asks the same, by law)."""
    result: dict[str, WettelijkeVerplichting] = {}
    for verplichting in verplichtingen:
        for ident in verplichting.dekt:
            result.setdefault(ident, verplichting)
    return result


def als_keuzes(verplichtingen: Iterable[WettelijkeVerplichting], procedure: Procedure,
               rollen: Mapping[str, Rol] | None = None) -> list[Any]:
    """Statutory duties as checkable criteria: each with its tender wording as compose prints it (in
    the words of the procedure), its default role (or the one recorded in `rollen`) and its bewijs.
    Each has `herkomst` WETTELIJK and belongs to a stand-in kader 'Wettelijke verplichtingen'."""
    from . import framing
    from .model import Bron, Criterium, Doelgroep, Herkomst, Inkoopgebruik, Kader, Overzicht
    from .select import Keuze

    rollen = rollen or {}
    paren = []
    for v in verplichtingen:
        rol = rollen.get(v.id) or v.rol(procedure)
        criterium = Criterium(v.id, _STANDIN_NUMMER, (v.thema,), (v.titel,), Doelgroep.ORGANISATIE,
                              framing.in_procedure(v.eis, procedure), 1, herkomst=Herkomst.WETTELIJK)
        paren.append((criterium, v, rol))
    kader = Kader(
        nummer=_STANDIN_NUMMER, sleutel="wettelijk", prefix="wet", titel=WETTELIJK_TITEL,
        uitgever="wetgever (data/wettelijk.yaml)", jaar=0, overzicht=Overzicht("", "", ""), segmenten=(),
        vorm_toelichting="", inleiding="", korte_toelichting="", totstandkoming="", opbouw="",
        bron=Bron("wettelijk", "", None, (1, 1)), criteria=tuple(c for c, _, _ in paren),
    )
    return [Keuze(criterium, kader, rol, Inkoopgebruik(criterium.id, (rol,), v.grondslag, v.bewijs))
            for criterium, v, rol in paren]
