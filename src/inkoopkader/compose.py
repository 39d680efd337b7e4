"""Composing a tender document from a selection: the typed `Document` every format renders.

`compose()` decides *what* the document says; `framing` holds every sentence of tender prose; the
modules in `inkoopkader.render` only lay the document out. The body, per procedure:

    aanbesteding                  open-house                 subsidie
    1 Inleiding en leeswijzer     1 Inleiding en leeswijzer  1 Inleiding en leeswijzer
    2 Wettelijke verplichtingen   2 Wettelijke verpl.        2 Wettelijke verplichtingen
    3 Geschiktheidseisen          3 Toelatingseisen          3 Subsidievoorwaarden
    4 Minimumeisen                4 Plan van aanpak          4 Activiteitenplan
    5 Gunningscriteria en         5 Contractvoorwaarden      5 Verplichtingen van de
      beoordeling                                              subsidieontvanger
    6 Uitvoeringsvoorwaarden
    (+ Deskundigheid en inzet van personeel, when asked)

A chapter without content is left out. "Wettelijke verplichtingen" (data/wettelijk.yaml) is in by
default for the segment's domain; a criterion or staff requirement that asks the same as one of its
duties (`dekt`) is then not printed a second time, unless it was picked explicitly. Annexes only with
`bijlagen=True`: criteria ter inspiratie, points for the gemeente, and the kaders used. The
traceability of every criterion is data (`Document.traceerbaarheid`), written as a separate CSV file,
not as pages in the body.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from . import __version__
from . import framing as f
from .actualiteit import actualiseer
from .document import (
    Alinea,
    Aspect,
    Document,
    Eis,
    Gunning,
    Metadata,
    Opsomming,
    Schaalniveau,
    Sectie,
    Tabel,
    Toelichting,
    TraceRij,
    Vraag,
)
from .errors import InkoopkaderError
from .model import (
    Corpus,
    Criterium,
    Item,
    Kader,
    NotitieSoort,
    Procedure,
    Relevantie,
    Rol,
    Thema,
    WettelijkeVerplichting,
)
from .personeel import Personeelseis, ProfielItem, kies_eisen
from .select import KaderKeuze, Keuze, Selectie
from .text import strip_markup
from .wettelijk import gedekt, voor_document

__all__ = ["GunningFout", "GunningInstelling", "VraagInstelling", "compose"]

_REDACTIE = "Noot van de redactie"  # an editorial note of this corpus, not source text

# Notes of the source that qualify a requirement and go with it into the body; tips and inspiration do not.
_NOTITIES_IN_LICHAAM = (NotitieSoort.TOELICHTING, NotitieSoort.NB, NotitieSoort.UITZONDERING)


class GunningFout(InkoopkaderError):
    """The award settings (wegingen, questions, scale) are inconsistent."""


@dataclass(frozen=True)
class VraagInstelling:
    """One award question as a profile defines it: which criteria, how heavy, how long."""

    titel: str
    criteria: tuple[str, ...]
    weging: int | None = None
    omvang_a4: int | None = None
    vraag: str | None = None


@dataclass(frozen=True)
class GunningInstelling:
    """Award settings: price share (0 = fixed tariffs), questions, scale and threshold."""

    prijs: int = 0
    vragen: tuple[VraagInstelling, ...] = ()
    schaal: tuple[Schaalniveau, ...] = ()
    ondergrens: int | None = f.STANDAARD_ONDERGRENS

    def __post_init__(self) -> None:
        if not isinstance(self.prijs, int) or isinstance(self.prijs, bool) or not 0 <= self.prijs < 100:
            raise GunningFout(f"De weging van de prijs moet een geheel percentage van 0 tot 100 zijn, niet {self.prijs!r}.")


@dataclass
class _Teller:
    """Numbers requirements per letter (M1, M2 …, U1 …) in document order."""

    tellers: dict[str, int] = field(default_factory=dict)

    def volgende(self, letter: str) -> str:
        self.tellers[letter] = self.tellers.get(letter, 0) + 1
        return f"{letter}{self.tellers[letter]}"


def compose(
    corpus: Corpus,
    selectie: Selectie,
    *,
    titel: str | None = None,
    gemeente: str | None = None,
    kenmerk: str | None = None,
    versie: str = "1.0",
    datum: dt.date | None = None,
    met_toelichting: bool = True,
    bijlagen: bool = False,
    gunning: GunningInstelling | None = None,
    personeel: bool | Sequence[str] = False,
    functieniveaus: Sequence[str] = (),
    personeel_rol: Rol | None = None,
    wettelijk: bool | None = None,
) -> Document:
    """Turn a selection into a tender document (see the module docstring).

    Args:
        bijlagen: add the annexes (criteria ter inspiratie, points for the gemeente, kaders used).
        gunning: award settings (price share, questions, wegingen, scale); the default awards on
            quality alone at fixed tariffs, one question per thema, equal wegingen.
        personeel: True for the default staff requirements of the segment's domain, or a list of
            pe-… IDs; `functieniveaus` limits listed levels (and, with True, adds the opt-in level
            requirements that have such levels); `personeel_rol` overrides their role.
        wettelijk: the chapter "Wettelijke verplichtingen" with the statutory duties of the segment's
            domain (the request's thema and doelgroep filters apply). None (default): included unless
            the request picks criteria itself (`ids`, `zoekterm`); True: always; False: never.
            Criteria and staff requirements the duties cover are then not repeated.

    Raises:
        GunningFout: award settings that do not add up (wegingen not 100 %, a question with a criterion
            that is not an award aspect, …).
    """
    from .errors import als_type
    from .text import stuurtekens_weg

    als_type(corpus, "corpus", Corpus, "een Corpus (inkoopkader.load_corpus())")
    als_type(selectie, "selectie", Selectie, "een Selectie (inkoopkader.select(...))")
    # Text for the title page and properties: every format must accept it (Word refuses a vertical tab).
    titel, gemeente, kenmerk, versie = (
        _geen_niet_xml(naam, stuurtekens_weg(als_type(waarde, naam, str, "een tekst", geen=naam != "versie")))
        if waarde is not None else None
        for naam, waarde in (("titel", titel), ("gemeente", gemeente), ("kenmerk", kenmerk), ("versie", versie))
    )
    als_type(datum, "datum", dt.date, "een datetime.date", geen=True)
    als_type(gunning, "gunning", GunningInstelling, "een GunningInstelling", geen=True)
    if gunning is not None and gunning.prijs and selectie.procedure is not Procedure.AANBESTEDING:
        raise GunningFout(
            f"Een prijsweging ({gunning.prijs}%) hoort bij een aanbesteding; bij procedure "
            f"{selectie.procedure.value} is er geen gunning. Zet de prijs op 0 of kies de procedure aanbesteding."
        )
    als_type(wettelijk, "wettelijk", bool, "True, False of None", geen=True)
    verplichtingen = voor_document(corpus, selectie, wettelijk)
    blokken = _personeel(corpus, selectie, personeel, functieniveaus, personeel_rol)
    # A staff requirement that repeats a statutory duty in the document (VOG, werktoedeling) is left out:
    # the duty says the same, with its article.
    wet_dekking = gedekt(verplichtingen)
    weggelaten = tuple(b for b in blokken if b.eis.id in wet_dekking)
    blokken = tuple(b for b in blokken if b.eis.id not in wet_dekking)
    opbouw = _Opbouw(corpus, selectie, gunning or GunningInstelling(), met_toelichting, verplichtingen, blokken,
                     weggelaten)
    return opbouw.bouw(
        Metadata(
            titel=titel or f"Kwaliteitscriteria {selectie.segment.titel}",
            segment_id=selectie.segment.id,
            segment_titel=selectie.segment.titel,
            segment_doelgroep=selectie.segment.doelgroep,
            procedure=selectie.procedure,
            gemeente=gemeente,
            kenmerk=kenmerk,
            versie=versie,
            datum=datum or dt.date.today(),
            inkoopkader_versie=__version__,
            corpus_versie=corpus.versie,
            corpus_uitgave=corpus.uitgave.versie if corpus.uitgave else None,
            met_toelichting=met_toelichting,
            met_bijlagen=bijlagen,
            bronnen={d.id: f"‘{d.titel}’, versie {d.versie} ({d.datum:%d-%m-%Y})" for d in corpus.brondocumenten},
        ),
        blokken,
    )


@dataclass(frozen=True)
class _Personeelsblok:
    eis: Personeelseis
    rol: Rol
    onderdelen: tuple[ProfielItem, ...]
    profiel_titel: str | None


def _personeel(corpus: Corpus, selectie: Selectie, keuze: bool | Sequence[str], functieniveaus: Sequence[str],
               rol: Rol | None) -> tuple[_Personeelsblok, ...]:
    if isinstance(keuze, str):
        raise InkoopkaderError("personeel moet True, False of een lijst van pe-ID's zijn, geen losse tekst.")
    eisen = kies_eisen(corpus.personeelseisen, selectie.segment.domein, keuze, functieniveaus, corpus.beroepsprofielen)
    blokken = []
    for eis in eisen:
        onderdelen = tuple(eis.onderdelen(corpus.beroepsprofielen, functieniveaus))
        bron = eis.niveaus_uit or eis.competenties_uit
        profiel_titel = corpus.beroepsprofiel(bron).titel if bron else None
        gekozen = rol or eis.rol
        if gekozen.is_eis and not eis.bewijs and gekozen is not eis.rol:
            gekozen = eis.rol  # a question cannot become a requirement without evidence to show
        blokken.append(_Personeelsblok(eis, gekozen, onderdelen, profiel_titel))
    return tuple(blokken)


class _Opbouw:
    """Builds one document; keeps the numbering and the traceability as it goes."""

    def __init__(self, corpus: Corpus, selectie: Selectie, gunning: GunningInstelling, met_toelichting: bool,
                 verplichtingen: Sequence[WettelijkeVerplichting] = (), personeel: Sequence[_Personeelsblok] = (),
                 personeel_gedekt: Sequence[_Personeelsblok] = ()) -> None:
        self.corpus = corpus
        self.volledig = selectie  # what was selected; `selectie` is what the body prints
        self.verplichtingen = list(verplichtingen)
        self.personeel_gedekt = list(personeel_gedekt)  # default staff requirements a statutory duty covers
        # A criterion that asks the same as a statutory duty or a staff requirement in the document is not
        # printed twice, unless it was picked explicitly. criterion ID -> ID of the item that covers it.
        dekking = {cid: v.id for cid, v in gedekt(self.verplichtingen).items()}
        for blok in personeel:
            if blok.rol.is_eis:
                for cid in blok.eis.dekt:
                    dekking.setdefault(cid, blok.eis.id)
        self.gedekt = {k.criterium.id: dekking[k.criterium.id] for k in selectie.keuzes
                       if k.criterium.id in dekking and not k.gekozen and k.rol is not Rol.INSPIRATIE}
        # The source repeats some texts verbatim: the document prints them once (`duplicaten`).
        self.selectie, self.duplicaten = _ontdubbeld(
            replace(selectie, keuzes=tuple(k for k in selectie.keuzes if k.criterium.id not in self.gedekt)))
        self.procedure = selectie.procedure
        self.segment = selectie.segment
        self.instelling = gunning
        self.met_toelichting = met_toelichting
        self.teller = _Teller()
        self.plaats: dict[str, tuple[str, str]] = {}  # anker -> (section title, number)
        self.aangepast = False
        self.geactualiseerd = False
        self._teksten: dict[str, tuple[str, tuple[Item, ...], tuple[str, ...], bool, bool]] = {}

    # --- text of one criterion ------------------------------------------------------------------

    def _tekst(self, keuze: Keuze) -> tuple[str, tuple[Item, ...], tuple[str, ...], bool, bool]:
        """Printed text, items and follow-up of a criterion; whether it was adapted or actualised."""
        bekend = self._teksten.get(keuze.criterium.id)
        if bekend is None:
            bekend = self._teksten[keuze.criterium.id] = self._maak_tekst(keuze)
        return bekend

    def _maak_tekst(self, keuze: Keuze) -> tuple[str, tuple[Item, ...], tuple[str, ...], bool, bool]:
        crit, gebruik = keuze.criterium, keuze.gebruik
        aangepast = bool(gebruik.formulering)
        tekst = gebruik.formulering or gebruik.actueel or crit.tekst
        items = crit.items if not aangepast else ()
        if gebruik.actueel_items is not None and not aangepast:
            items = gebruik.actueel_items
        geactualiseerd = bool(gebruik.actueel or gebruik.actueel_items is not None)
        tekst, vervangen = actualiseer(tekst, self.corpus.actualiteit)
        tekst = f.in_procedure(tekst, self.procedure)
        if crit.titel and not aangepast:
            tekst = _met_titel(crit.titel, tekst)
        geactualiseerd |= bool(vervangen)
        items, items_vervangen = self._items(items)
        vervolg = []
        if not aangepast:
            for alinea in crit.vervolg:
                nieuw, v = actualiseer(alinea, self.corpus.actualiteit)
                vervolg.append(nieuw)
                geactualiseerd |= bool(v)
        self.aangepast |= aangepast
        self.geactualiseerd |= geactualiseerd or items_vervangen
        return tekst, items, tuple(vervolg), aangepast, geactualiseerd or items_vervangen

    def _items(self, items: Iterable[Item]) -> tuple[tuple[Item, ...], bool]:
        result, changed = [], False
        for item in items:
            tekst, v = actualiseer(item.tekst, self.corpus.actualiteit)
            sub, sub_changed = self._items(item.items)
            result.append(Item(tekst, sub, item.label))  # the source's own label ('a.') stays apart: no bullet
            changed |= bool(v) or sub_changed
        return tuple(result), changed

    def _toelichtingen(self, crit: Criterium) -> tuple[Toelichting, ...]:
        if not self.met_toelichting:
            return ()
        result = []
        for notitie in crit.notities:
            if notitie.soort not in _NOTITIES_IN_LICHAAM:
                continue
            label = strip_markup(notitie.kop or notitie.soort.label).rstrip(":. ")
            tekst, _ = actualiseer(notitie.tekst, self.corpus.actualiteit)
            items, _ = self._items(notitie.items)
            result.append(Toelichting(label, tekst, items))
        if crit.redactie:  # e.g. a sentence that is garbled in the source: the reader is told so
            result.append(Toelichting(_REDACTIE, crit.redactie))
        return tuple(result)

    def _bron(self, keuze: Keuze, aangepast: bool, geactualiseerd: bool) -> str:
        crit, kader = keuze.criterium, keuze.kader
        delen = [crit.id, f"kader {kader.nummer} ({kader.jaar})"] if kader.nummer else [crit.id]
        if crit.groep:
            delen.append(" › ".join(strip_markup(g) for g in crit.groep))
        if aangepast:
            delen.append("tekst aangepast")
        elif geactualiseerd:
            delen.append("geactualiseerd")
        return " · ".join(delen)

    def eis(self, keuze: Keuze, sectie: str) -> Eis:
        tekst, items, vervolg, aangepast, geactualiseerd = self._tekst(keuze)
        nummer = self.teller.volgende(f.nummer_prefix(self.procedure, keuze.rol))
        self.plaats[keuze.criterium.id] = (sectie, nummer)
        return Eis(
            nummer=nummer, rol=keuze.rol, tekst=tekst, bron=self._bron(keuze, aangepast, geactualiseerd),
            anker=keuze.criterium.id, items=items, vervolg=vervolg,
            bewijs=f.bewijs_tekst(self.procedure, keuze.rol, keuze.gebruik.bewijs), aangepast=aangepast,
            geactualiseerd=geactualiseerd, toelichtingen=self._toelichtingen(keuze.criterium),
            kader=keuze.kader.nummer,
        )

    def aspect(self, keuze: Keuze) -> Aspect:
        tekst, items, vervolg, aangepast, geactualiseerd = self._tekst(keuze)
        return Aspect(
            tekst=tekst, bron=self._bron(keuze, aangepast, geactualiseerd), anker=keuze.criterium.id, items=items,
            vervolg=vervolg, aangepast=aangepast, geactualiseerd=geactualiseerd,
            toelichtingen=self._toelichtingen(keuze.criterium), kader=keuze.kader.nummer,
        )

    # --- sections --------------------------------------------------------------------------------

    def _per_thema(self, keuzes: Sequence[Keuze], sectie: str, titel: str) -> Sectie:
        """Requirements of one role, grouped by thema when they span more than one and are many."""
        themas = [t for t in Thema if any(k.criterium.hoofdthema is t for k in keuzes)]
        if len(themas) <= 1 or len(keuzes) <= 6:
            blokken = tuple(self.eis(k, titel) for k in _op_thema(keuzes))
            return Sectie(titel, (Alinea(f.sectie_intro(self.procedure, sectie if sectie != "geschiktheidseisen"
                                                         else "geschiktheidseisen")), *blokken), id=sectie)
        subsecties = []
        for thema in themas:
            in_thema = [k for k in keuzes if k.criterium.hoofdthema is thema]
            subsecties.append(Sectie(thema.label, tuple(self.eis(k, titel) for k in in_thema), id=f"{sectie}-{thema.value}"))
        return Sectie(titel, (Alinea(f.sectie_intro(self.procedure, sectie)),), tuple(subsecties), id=sectie)

    def geschiktheid(self) -> Sectie | None:
        keuzes = list(self.selectie.met_rol(Rol.GESCHIKTHEIDSEIS))
        kader_eisen = [kk for kk in self.selectie.kaders
                       if kk.inzet.value == "lichaam" and kk.kader.inkoop and kk.kader.inkoop.geschiktheidseis]
        if not keuzes and not kader_eisen:
            return None
        titel = f.titel(self.procedure, "geschiktheidseisen" if self.procedure is Procedure.AANBESTEDING else "minimumeisen")
        blokken: list = [Alinea(f.sectie_intro(self.procedure, "geschiktheidseisen" if self.procedure is Procedure.AANBESTEDING else "minimumeisen"))]
        for kk in kader_eisen:
            blokken.append(self._kader_eis(kk, titel))
        blokken += [self.eis(k, titel) for k in _op_thema(keuzes)]
        return Sectie(titel, tuple(blokken), id="geschiktheidseisen")

    def _kader_eis(self, kk: KaderKeuze, titel: str) -> Eis:
        eis = kk.kader.inkoop.geschiktheidseis  # type: ignore[union-attr]
        nummer = self.teller.volgende(f.nummer_prefix(self.procedure, Rol.GESCHIKTHEIDSEIS))
        anker = f"{kk.kader.sleutel}-geschiktheid"
        self.plaats[anker] = (titel, nummer)
        return Eis(nummer=nummer, rol=Rol.GESCHIKTHEIDSEIS, tekst=f.in_procedure(eis.tekst, self.procedure),
                   bron=f"kader {kk.kader.nummer} ({kk.kader.jaar}) · bron regel {eis.regel} · tekst aangepast",
                   bewijs=f.bewijs_tekst(self.procedure, Rol.GESCHIKTHEIDSEIS, eis.bewijs), aangepast=True,
                   kader=kk.kader.nummer)

    def minimum(self) -> Sectie | None:
        keuzes = list(self.selectie.met_rol(Rol.MINIMUMEIS))
        if self.procedure is not Procedure.AANBESTEDING:
            return None  # open house and subsidy: geschiktheid and minimum are one list (see geschiktheid_en_minimum)
        if not keuzes:
            return None
        return self._per_thema(keuzes, "minimumeisen", f.titel(self.procedure, "minimumeisen"))

    def toelating(self) -> Sectie | None:
        """Open house and subsidy: one list of toelatingseisen / subsidievoorwaarden."""
        keuzes = [*self.selectie.met_rol(Rol.GESCHIKTHEIDSEIS), *self.selectie.met_rol(Rol.MINIMUMEIS)]
        kader_eisen = [kk for kk in self.selectie.kaders
                       if kk.inzet.value == "lichaam" and kk.kader.inkoop and kk.kader.inkoop.geschiktheidseis]
        if not keuzes and not kader_eisen:
            return None
        titel = f.titel(self.procedure, "minimumeisen")
        kader_blokken = [self._kader_eis(kk, titel) for kk in kader_eisen]
        sectie = self._per_thema(_corpusvolgorde(keuzes), "minimumeisen", titel)
        return Sectie(sectie.titel, (sectie.blokken[0], *kader_blokken, *sectie.blokken[1:]), sectie.subsecties,
                      id=sectie.id)

    def uitvoering(self) -> Sectie | None:
        keuzes = list(self.selectie.met_rol(Rol.UITVOERINGSVOORWAARDE))
        verwezen = self.selectie.verwezen_kaders
        if not keuzes and not verwezen:
            return None
        titel = f.titel(self.procedure, "uitvoering")
        subsecties = []
        if verwezen:
            blokken: list = [Alinea(f.sectie_intro(self.procedure, "kaders"))]
            for kk in verwezen:
                nummer = self.teller.volgende(f.nummer_prefix(self.procedure, Rol.VERWIJZING))
                blokken.append(Eis(nummer=nummer, rol=Rol.VERWIJZING, tekst=f.kader_clausule(kk.kader, self.procedure),
                                   bron=f"kader {kk.kader.nummer} ({kk.kader.jaar}) · {kk.kader.sleutel}",
                                   kader=kk.kader.nummer))
                self.plaats[f"kader-{kk.kader.nummer}"] = (titel, nummer)
            subsecties.append(Sectie(f.SUBTITELS["kaders"], tuple(blokken), id="uitvoering-kaders"))
        if keuzes:
            themas = [t for t in Thema if any(k.criterium.hoofdthema is t for k in keuzes)]
            if len(themas) > 1 and len(keuzes) > 6:
                for thema in themas:
                    in_thema = [k for k in keuzes if k.criterium.hoofdthema is thema]
                    subsecties.append(Sectie(thema.label, tuple(self.eis(k, titel) for k in in_thema),
                                             id=f"uitvoering-{thema.value}"))
            elif subsecties:
                subsecties.append(Sectie(f.SUBTITELS["voorwaarden"], tuple(self.eis(k, titel) for k in _op_thema(keuzes)),
                                         id="uitvoering-voorwaarden"))
            else:
                return Sectie(titel, (Alinea(f.sectie_intro(self.procedure, "uitvoering")),
                                      *(self.eis(k, titel) for k in _op_thema(keuzes))), id="uitvoering")
        return Sectie(titel, (Alinea(f.sectie_intro(self.procedure, "uitvoering")),), tuple(subsecties), id="uitvoering")

    # --- award questions / plan ------------------------------------------------------------------

    def _groepen(self, keuzes: Sequence[Keuze], personeel: Sequence[_Personeelsblok]) -> list[VraagInstelling]:
        """Default grouping, aiming at 3-6 questions a commissie can score.

        One question per thema; while there are more than three, a question with fewer than three
        aspects merges with the next smallest; while there are fewer than three, the largest thema
        that spans several kaders is split by kader. Staff questions form a question of their own.
        """
        groepen: list[tuple[list[Thema], str | None, list[str]]] = []
        for thema in Thema:
            ids = [k.criterium.id for k in _corpusvolgorde(keuzes) if k.criterium.hoofdthema is thema]
            if ids:
                groepen.append(([thema], None, ids))
        while len(groepen) > 3:
            kleinste = min(range(len(groepen)), key=lambda i: len(groepen[i][2]))
            if len(groepen[kleinste][2]) >= 3:
                break
            rest = [i for i in range(len(groepen)) if i != kleinste]
            partner = min(rest, key=lambda i: (len(groepen[i][2]), abs(i - kleinste)))
            a, b = sorted((kleinste, partner))
            samen = (groepen[a][0] + groepen[b][0], None, groepen[a][2] + groepen[b][2])
            groepen[a] = samen
            del groepen[b]
        kader_van = {k.criterium.id: k.kader for k in keuzes}
        while len(groepen) < 3:
            splitsbaar = [g for g in groepen if len({kader_van[i].nummer for i in g[2]}) > 1]
            if not splitsbaar:
                break
            grootste = max(splitsbaar, key=lambda g: len(g[2]))
            index = groepen.index(grootste)
            themas, _, ids = grootste
            nieuw = []
            for nummer in dict.fromkeys(kader_van[i].nummer for i in ids):
                kader = next(kader_van[i] for i in ids if kader_van[i].nummer == nummer)
                deel = [i for i in ids if kader_van[i].nummer == nummer]
                nieuw.append((themas, f"{f.vraag_titel_themas(themas, self.segment)}: {_kort_kader(kader)}", deel))
            groepen[index:index + 1] = nieuw
        result = [VraagInstelling(titel or f.vraag_titel_themas(themas, self.segment), tuple(ids),
                                  vraag=f.vraag_tekst_themas(themas, self.segment, self.procedure) if len(themas) > 1 else None)
                  for themas, titel, ids in groepen]
        pers = [b for b in personeel if b.rol is Rol.GUNNINGSCRITERIUM]
        if pers:
            result.append(VraagInstelling(f.titel(self.procedure, "personeel"), tuple(b.eis.id for b in pers)))
        return result

    def vragen(self, personeel: Sequence[_Personeelsblok]) -> tuple[list[Vraag], Gunning | None]:
        keuzes = list(self.selectie.met_rol(Rol.GUNNINGSCRITERIUM))
        pers = {b.eis.id: b for b in personeel if b.rol is Rol.GUNNINGSCRITERIUM}
        if not keuzes and not pers:
            return [], None
        per_id = {k.criterium.id: k for k in keuzes}
        instellingen = self._tweelingen(self.instelling.vragen) or self._groepen(keuzes, personeel)
        self._controleer(instellingen, per_id, pers)
        wegingen = self._wegingen(instellingen) if self.procedure is Procedure.AANBESTEDING else [None] * len(instellingen)
        letter = f.nummer_prefix(self.procedure, Rol.GUNNINGSCRITERIUM)
        sectie = f.titel(self.procedure, "gunning" if self.procedure is Procedure.AANBESTEDING else "plan")
        vragen = []
        for index, (instelling, weging) in enumerate(zip(instellingen, wegingen, strict=True), start=1):
            nummer = f"{letter}{index}"
            aspecten = []
            for cid in instelling.criteria:
                if cid in pers:
                    aspecten += self._personeel_aspecten(pers[cid])
                else:
                    aspecten.append(self.aspect(per_id[cid]))
                self.plaats[cid] = (sectie, nummer)
            themas = {per_id[c].criterium.hoofdthema for c in instelling.criteria if c in per_id}
            thema = themas.pop() if len(themas) == 1 else None
            if instelling.vraag:
                vraagtekst = instelling.vraag
            elif all(c in pers for c in instelling.criteria):
                vraagtekst = f.vraag_tekst(None, self.segment, self.procedure,
                                           "de deskundigheid en inzet van uw medewerkers")
            else:
                vraagtekst = f.vraag_tekst(thema, self.segment, self.procedure)
            a4, tekens = f.omvang(len(aspecten))
            if instelling.omvang_a4:
                a4, tekens = instelling.omvang_a4, instelling.omvang_a4 * 4000
            vragen.append(Vraag(nummer=nummer, titel=instelling.titel, vraag=vraagtekst, aspecten=tuple(aspecten),
                                omvang_a4=a4, tekens=tekens, weging=weging,
                                oordeel="score" if self.procedure is Procedure.AANBESTEDING else "voldoende",
                                thema=thema.value if thema else None))
        gunning = None
        if self.procedure is Procedure.AANBESTEDING:
            schaal = self.instelling.schaal or tuple(Schaalniveau(s, l, o) for s, l, o in f.STANDAARD_SCHAAL)
            ondergrens = self.instelling.ondergrens
            if ondergrens is not None and ondergrens not in {n.score for n in schaal}:
                raise GunningFout(f"De ondergrens {ondergrens} is geen score op de beoordelingsschaal "
                                  f"({', '.join(str(n.score) for n in schaal)}).")
            gunning = Gunning(prijs=self.instelling.prijs, vragen=tuple(vragen), schaal=schaal, ondergrens=ondergrens)
        return vragen, gunning

    def _personeel_aspecten(self, blok: _Personeelsblok) -> list[Aspect]:
        items = tuple(Item(o.tekst) for o in blok.onderdelen)
        return [Aspect(tekst=blok.eis.tekst_voor(blok.rol), bron=f"{blok.eis.id} · {blok.eis.titel}", anker=blok.eis.id,
                       items=items, toelichtingen=_onderbouwing(blok.eis, self.corpus),
                       item_ankers=tuple(o.id for o in blok.onderdelen))]

    def _tweelingen(self, instellingen: Sequence[VraagInstelling]) -> list[VraagInstelling]:
        """Questions of a profile with a repeated text (`duplicaat_van`) under the ID the document prints."""
        from dataclasses import replace

        vervangen = {dubbel: keuze.criterium.id for dubbel, keuze in self.duplicaten.items()}
        gezien: set[str] = set()
        result = []
        for vraag in instellingen:
            ids = [vervangen.get(cid, cid) for cid in vraag.criteria]
            ids = [cid for cid in dict.fromkeys(ids) if not (cid in gezien and cid in vervangen.values())]
            gezien.update(ids)
            result.append(replace(vraag, criteria=tuple(ids)))
        return result

    def _controleer(self, instellingen: Sequence[VraagInstelling], per_id: dict[str, Keuze],
                    pers: dict[str, _Personeelsblok]) -> None:
        gezien: dict[str, str] = {}
        for vraag in instellingen:
            if not vraag.criteria:
                raise GunningFout(f"De gunningsvraag ‘{vraag.titel}’ heeft geen criteria (beoordelingsaspecten).")
            for cid in vraag.criteria:
                if cid not in per_id and cid not in pers:
                    raise GunningFout(
                        f"Criterium {cid} staat bij de gunningsvraag ‘{vraag.titel}’, maar is in deze selectie geen "
                        "gunningscriterium. Geef het in het profiel de rol gunningscriterium of haal het bij de vraag weg."
                    )
                if cid in gezien:
                    raise GunningFout(f"Criterium {cid} staat bij twee gunningsvragen: ‘{gezien[cid]}’ en ‘{vraag.titel}’.")
                gezien[cid] = vraag.titel
        vergeten = [cid for cid in [*per_id, *pers] if cid not in gezien]
        if vergeten:
            raise GunningFout(
                f"{len(vergeten)} gunningscriteri{'um staat' if len(vergeten) == 1 else 'a staan'} bij geen enkele "
                f"gunningsvraag: {', '.join(vergeten[:8])}{' …' if len(vergeten) > 8 else ''}. Voeg "
                f"{'het' if len(vergeten) == 1 else 'ze'} toe aan een vraag onder gunning: vragen: in het profiel."
            )

    def _wegingen(self, instellingen: Sequence[VraagInstelling]) -> list[int]:
        kwaliteit = 100 - self.instelling.prijs
        gegeven = [v.weging for v in instellingen]
        if all(w is None for w in gegeven):
            return _evenredig(kwaliteit, [len(v.criteria) for v in instellingen])
        if any(w is None for w in gegeven):
            zonder = [v.titel for v in instellingen if v.weging is None]
            raise GunningFout(f"Geef elke gunningsvraag een weging, of geen enkele; zonder weging: {', '.join(zonder)}.")
        totaal = sum(gegeven) + self.instelling.prijs  # type: ignore[arg-type]
        if totaal != 100:
            onderdelen = " + ".join(f"{w}% ({v.titel})" for v, w in zip(instellingen, gegeven, strict=True))
            prijs = f" + {self.instelling.prijs}% (prijs)" if self.instelling.prijs else ""
            raise GunningFout(f"De wegingen tellen op tot {totaal}% in plaats van 100%: {onderdelen}{prijs}.")
        if any(w <= 0 for w in gegeven):  # type: ignore[operator]
            raise GunningFout("Elke gunningsvraag moet een weging groter dan 0% hebben.")
        return list(gegeven)  # type: ignore[arg-type]

    def gunning_sectie(self, vragen: list[Vraag], gunning: Gunning) -> Sectie:
        titel = f.titel(self.procedure, "gunning")
        rijen = [(v.nummer, v.titel, f"{v.weging}%") for v in vragen]
        if gunning.prijs:
            rijen.append(("", "Prijs", f"{gunning.prijs}%"))
        rijen.append(("", "Totaal", "100%"))
        pk = Sectie(f.SUBTITELS["weging"], (Alinea(f.prijs_kwaliteit(gunning.prijs)),
                                           Tabel(("Nr.", "Gunningscriterium", "Weging"), tuple(rijen), (1, 6, 2))),
                    id="gunning-weging")
        vraag_secties = tuple(Sectie(f"{v.nummer} – {v.titel}", (v,), id=f"gunning-{v.nummer.lower()}") for v in vragen)
        ondergrens_label = next((n.label.lower() for n in gunning.schaal if n.score == gunning.ondergrens), None)
        methodiek = [Alinea(t) for t in f.beoordelingsmethodiek(self.segment, gunning.prijs, gunning.ondergrens,
                                                                 gunning.max_score, ondergrens_label)]
        schaal = Tabel(("Score", "Oordeel", "Omschrijving"),
                       tuple((str(n.score), n.label, n.omschrijving) for n in gunning.schaal), (1, 2, 9))
        methode = Sectie(f.SUBTITELS["methodiek"], (*methodiek[:2], schaal, *methodiek[2:]), id="gunning-methodiek")
        return Sectie(titel, (), (pk, *vraag_secties, methode), id="gunning")

    def plan_sectie(self, vragen: list[Vraag]) -> Sectie:
        titel = f.titel(self.procedure, "plan")
        return Sectie(titel, tuple(Alinea(t) for t in f.plan_intro(self.procedure)),
                      tuple(Sectie(f"{v.nummer} – {v.titel}", (v,), id=f"plan-{v.nummer.lower()}") for v in vragen),
                      id="plan")

    def personeel_sectie(self, blokken: Sequence[_Personeelsblok]) -> Sectie | None:
        eisen = [b for b in blokken if b.rol is not Rol.GUNNINGSCRITERIUM]
        if not eisen:
            return None
        titel = f.titel(self.procedure, "personeel")
        result: list = [Alinea(f.sectie_intro(self.procedure, "personeel"))]
        for blok in eisen:
            nummer = self.teller.volgende(f.nummer_prefix(self.procedure, blok.rol))
            self.plaats[blok.eis.id] = (titel, nummer)
            result.append(Eis(
                nummer=nummer, rol=blok.rol, tekst=f.in_procedure(blok.eis.tekst_voor(blok.rol), self.procedure),
                bron=f"{blok.eis.id} · {blok.eis.titel}",
                anker=blok.eis.id, items=tuple(Item(o.tekst) for o in blok.onderdelen),
                bewijs=f.bewijs_tekst(self.procedure, blok.rol, f.in_procedure(blok.eis.bewijs or "", self.procedure)),
                aangepast=True,
                toelichtingen=_onderbouwing(blok.eis, self.corpus), item_ankers=tuple(o.id for o in blok.onderdelen),
            ))
            for onderdeel in blok.onderdelen:
                self.plaats.setdefault(onderdeel.id, (titel, nummer))
        return Sectie(titel, tuple(result), id="personeel")

    def wettelijk_sectie(self) -> Sectie | None:
        """Chapter 'Wettelijke verplichtingen': the domain's statutory duties, grouped by role."""
        if not self.verplichtingen:
            return None
        titel = f.titel(self.procedure, "wettelijk")
        groepen: dict[str, list[Eis]] = {}
        volgorde = (Rol.GESCHIKTHEIDSEIS, Rol.MINIMUMEIS, Rol.UITVOERINGSVOORWAARDE)
        for v in sorted(self.verplichtingen, key=lambda v: volgorde.index(v.rol(self.procedure))):
            rol = v.rol(self.procedure)
            nummer = self.teller.volgende(f.nummer_prefix(self.procedure, rol))
            self.plaats[v.id] = (titel, nummer)
            groepen.setdefault(f.wettelijk_groep(self.procedure, rol), []).append(Eis(
                nummer=nummer, rol=rol, tekst=f.in_procedure(v.eis, self.procedure), bron=f"{v.id} · {v.grondslag}",
                anker=v.id, bewijs=f.bewijs_tekst(self.procedure, rol, f.in_procedure(v.bewijs, self.procedure)),
                aangepast=True,
                citaat=v.citaat if self.met_toelichting else None,
            ))
        alineas = f.wettelijk_intro(self.procedure, self.segment, list({v.wet.id: v.wet for v in self.verplichtingen}.values()))
        # the last paragraph names the texts used: a source line, in small print
        intro = tuple(Alinea(t, soort="klein" if i == len(alineas) - 1 else "normaal") for i, t in enumerate(alineas))
        if len(groepen) == 1:
            return Sectie(titel, (*intro, *next(iter(groepen.values()))), id="wettelijk")
        subsecties = tuple(Sectie(groep, tuple(eisen), id=f"wettelijk-{i}")
                           for i, (groep, eisen) in enumerate(groepen.items(), start=1))
        return Sectie(titel, intro, subsecties, id="wettelijk")

    # --- introduction, annexes, traceability -----------------------------------------------------

    def inleiding(self, secties: Sequence[Sectie], vragen: Sequence[Vraag], meta: Metadata) -> Sectie:
        sel = self.selectie
        specifiek = [kk.kader for kk in sel.kaders if kk.relevantie is Relevantie.SPECIFIEK and _in_lichaam(kk, sel)]
        algemeen = [kk.kader for kk in sel.kaders if kk.relevantie is Relevantie.ALGEMEEN and _in_lichaam(kk, sel)]
        eisen = {}
        for sectie in secties:
            for blok in sectie.walk():
                if isinstance(blok, Eis) and blok.rol is not Rol.VERWIJZING:
                    eisen[blok.rol] = eisen.get(blok.rol, 0) + 1
        aspecten = sum(len(v.aspecten) for v in vragen)
        blokken: list = [Alinea(f.procedure_uitleg(self.procedure, self.segment))]
        if specifiek or algemeen:
            blokken.append(Alinea(f.bron_uitleg(specifiek, algemeen, self.segment)))
        blokken.append(Opsomming(tuple(f"**{label}:** {uitleg}" for label, uitleg in f.rollen_uitleg(self.procedure))))
        telling = f.aantallen(self.procedure, eisen, len(vragen), aspecten, len(sel.verwezen_kaders),
                              wettelijk=len(self.verplichtingen))
        if telling:
            blokken.append(Alinea(telling))
        if not vragen and not any(isinstance(b, Eis) for s in secties if s.id != "wettelijk" for b in s.walk()):
            blokken.append(Alinea(f.lege_hoofdtekst(self.segment), soort="melding"))
        blokken.append(Alinea(f.leeswijzer(meta.met_bijlagen, self.aangepast, self.geactualiseerd,
                                           bool(self.verplichtingen))))
        blokken.append(Alinea(f.proportionaliteit(self.procedure)))
        return Sectie(f.titel(self.procedure, "inleiding"), tuple(blokken), id="inleiding")

    def bijlagen(self) -> list[Sectie]:
        sel = self.selectie
        result = []
        inspiratie = sel.inspiratie
        if inspiratie:
            subsecties = []
            for kk in sel.kaders:
                keuzes = [k for k in inspiratie if k.kader.nummer == kk.kader.nummer]
                if keuzes:
                    subsecties.append(Sectie(f"{kk.kader.titel} ({kk.kader.jaar})",
                                             tuple(self._ter_info(k, "bijlage-inspiratie") for k in keuzes),
                                             id=f"bijlage-inspiratie-{kk.kader.nummer}"))
            result.append(Sectie(f.BIJLAGE_TITELS["bijlage-inspiratie"], (Alinea(f.bijlage_intro("bijlage-inspiratie")),),
                                 tuple(subsecties), id="bijlage-inspiratie"))
        # Criteria for gemeente and aanbieder together are in the body (with their role) and listed here too.
        gemeente = _corpusvolgorde([*sel.gemeente, *(k for k in sel.keuzes if k.criterium.ook_gemeente)])
        if gemeente:
            result.append(Sectie(f.BIJLAGE_TITELS["bijlage-gemeente"],
                                 (Alinea(f.bijlage_intro("bijlage-gemeente")),
                                  *(self._ter_info(k, "bijlage-gemeente") for k in gemeente)),
                                 id="bijlage-gemeente"))
        if sel.kaders:
            result.append(Sectie(f.BIJLAGE_TITELS["bijlage-kaders"], (Alinea(f.bijlage_intro("bijlage-kaders")),),
                                 tuple(self._kader_info(kk) for kk in sel.kaders), id="bijlage-kaders"))
        return result

    def _ter_info(self, keuze: Keuze, sectie: str) -> Aspect:
        crit = keuze.criterium
        self.plaats.setdefault(crit.id, (f.BIJLAGE_TITELS[sectie].split(" – ")[0], ""))
        toelichtingen: tuple[Toelichting, ...] = ()
        if self.met_toelichting:
            toelichtingen = tuple(
                Toelichting(strip_markup(n.kop or n.soort.label).rstrip(":. "), n.tekst, _met_labels(n.items))
                for n in crit.notities
            )
            if crit.redactie:
                toelichtingen += (Toelichting(_REDACTIE, crit.redactie),)
        # A criterion for gemeente and aanbieder is also in the body or the inspiration annex, which keeps
        # its anchor: one bookmark per criterion.
        anker = None if sectie == "bijlage-gemeente" and crit.ook_gemeente else crit.id
        tekst = _met_titel(crit.titel, crit.tekst) if crit.titel else crit.tekst
        return Aspect(tekst=tekst, bron=self._bron(keuze, False, False) + f" · {keuze.gebruik.reden}",
                      anker=anker, items=_met_labels(crit.items), vervolg=crit.vervolg, toelichtingen=toelichtingen,
                      kader=keuze.kader.nummer)

    def _kader_info(self, kk: KaderKeuze) -> Sectie:
        k = kk.kader
        bron = (f"{self.corpus_bron(k)}, hoofdstuk {k.bron.sectie}" + (f", pagina {k.bron.pagina}" if k.bron.pagina else "")
                + f", regels {k.bron.regels[0]}–{k.bron.regels[1]}")
        rijen = f.kader_feiten(k, kk.relevantie is Relevantie.SPECIFIEK, self.segment.domein,
                               f.gebruikt_als(k, kk.verwijzing, self.procedure), bron)
        if k.bron_url:
            rijen.append(("Het kader zelf", k.bron_url))
        blokken: list = [Alinea(k.overzicht.toelichting), Tabel(("", ""), tuple(rijen), (2, 7))]
        if k.opvolger is not None:
            jaar = f" ({k.opvolger.jaar})" if k.opvolger.jaar else ""
            blokken.append(Alinea(f"Er is een nieuwere editie: {k.opvolger.titel}{jaar}. Dit document gebruikt die van "
                                  f"{k.jaar}.", soort="toelichting"))
        for act in k.actualiteit:
            onderwerp = self.corpus.onderwerp(act.onderwerp)
            blokken.append(Alinea(f.actualiteit_melding(onderwerp.term, f"{onderwerp.sinds:%d-%m-%Y}",
                                                        onderwerp.vervangen_door, act.toelichting), soort="toelichting"))
        return Sectie(f"Kader {k.nummer} – {k.titel} ({k.jaar})", tuple(blokken), id=f"bijlage-kader-{k.nummer}")

    def corpus_bron(self, kader: Kader) -> str:
        for doc in self.corpus.brondocumenten:
            if doc.id == kader.bron.document:
                return f"‘{doc.titel}’, versie {doc.versie}"
        return kader.bron.document

    def traceerbaarheid(self, personeel: Sequence[_Personeelsblok], met_bijlagen: bool) -> tuple[TraceRij, ...]:
        rows = []
        # A criterion outside the body is printed in an annex only when the annexes are asked for.
        buiten = "niet opgenomen (alleen in de bijlagen)" if met_bijlagen else "niet opgenomen"
        for v in self.verplichtingen:
            sectie, nummer = self.plaats.get(v.id, ("", ""))
            rol = v.rol(self.procedure)
            rows.append(TraceRij(
                id=v.id, kader="wet", kader_titel=v.wet.titel, editie=f"geldig vanaf {v.wet.geldig_vanaf:%d-%m-%Y}",
                thema=v.thema.value, doelgroep="organisatie", rol=rol.value, plaats=sectie, nummer=nummer,
                bronregel=f"{v.grondslag} ({v.url})", tekst_document=f.in_procedure(v.eis, self.procedure),
                tekst_bron=v.citaat, aangepast=True, geactualiseerd=False, bewijs=v.bewijs,
            ))
        for keuze in [*self.volledig.keuzes, *self.volledig.gemeente]:
            if keuze.criterium.id in self.duplicaten:
                continue  # its row follows below, pointing to the twin the document prints
            crit, kader, gebruik = keuze.criterium, keuze.kader, keuze.gebruik
            sectie, nummer = self.plaats.get(crit.id, (buiten, ""))
            if keuze.rol is Rol.INSPIRATIE or crit.id not in self.plaats or crit.id in self.gedekt:
                tekst_doc = ""
                aangepast = geactualiseerd = False
            else:
                tekst_doc, items, _, aangepast, geactualiseerd = self._tekst(keuze)
                if items:
                    tekst_doc += " " + "; ".join(i.tekst for i in items)
            bron = (f"{crit.titel}. " if crit.titel else "") + crit.tekst
            bron += " " + "; ".join(i.weergave for i in crit.items) if crit.items else ""
            rows.append(TraceRij(
                id=crit.id, kader=str(kader.nummer), kader_titel=kader.titel, editie=str(kader.jaar),
                thema=_waarden(crit.thema), doelgroep=_waarden(crit.doelgroepen), rol=keuze.rol.value,
                plaats=sectie, nummer=nummer, bronregel=str(crit.regel), tekst_document=strip_markup(tekst_doc),
                tekst_bron=strip_markup(bron), aangepast=aangepast, geactualiseerd=geactualiseerd,
                bewijs=gebruik.bewijs or "" if keuze.rol.is_eis else "",
            ))
        wetten = {w.id for w in self.corpus.wetten}
        for dubbel, keuze in self.duplicaten.items():  # the source repeats it; the document has it once
            crit = self.corpus.criterium(dubbel)
            sectie, nummer = self.plaats.get(keuze.criterium.id, (buiten, ""))
            rows.append(TraceRij(
                id=dubbel, kader=str(keuze.kader.nummer), kader_titel=keuze.kader.titel, editie=str(keuze.kader.jaar),
                thema=_waarden(crit.thema), doelgroep=_waarden(crit.doelgroepen), rol=keuze.rol.value,
                plaats=f"{sectie} (zelfde tekst als {keuze.criterium.id})", nummer=nummer, bronregel=str(crit.regel),
                tekst_document="", tekst_bron=strip_markup(crit.tekst), aangepast=False, geactualiseerd=False, bewijs="",
            ))
        for blok, weggelaten in [*((b, False) for b in personeel), *((b, True) for b in self.personeel_gedekt)]:
            sectie, nummer = self.plaats.get(blok.eis.id, ("", ""))
            bronnen = "; ".join(dict.fromkeys(b.plaats if b.bron in wetten else f"{b.plaats}, regel {b.regel}"
                                              for b in blok.eis.onderbouwing))
            tekst = f.in_procedure(blok.eis.tekst_voor(blok.rol), self.procedure)
            rows.append(TraceRij(
                id=blok.eis.id, kader="personeel", kader_titel="Deskundigheid en inzet van personeel", editie="",
                thema="vakmanschap", doelgroep="organisatie", rol=blok.rol.value, plaats=sectie, nummer=nummer,
                bronregel=bronnen, tekst_document="" if weggelaten else tekst,
                tekst_bron=blok.eis.tekst_voor(blok.rol), aangepast=True, geactualiseerd=False,
                bewijs=blok.eis.bewijs or "",
            ))
            if weggelaten:  # not printed: the statutory duty says it
                continue
            for item in blok.onderdelen:  # each level or competence printed, with its own ID and source line
                rows.append(TraceRij(
                    id=item.id, kader="personeel", kader_titel=blok.profiel_titel or "", editie="",
                    thema="vakmanschap", doelgroep="organisatie", rol=blok.rol.value,
                    plaats=f"{sectie} (onderdeel van {blok.eis.id})" if sectie else "", nummer=nummer,
                    bronregel=f"{blok.profiel_titel}, regel {item.regel}" if blok.profiel_titel else str(item.regel),
                    tekst_document=item.tekst, tekst_bron=item.tekst, aangepast=False, geactualiseerd=False, bewijs="",
                ))
        return tuple(rows)

    # --- the whole document ------------------------------------------------------------------------

    def bouw(self, meta: Metadata, personeel: tuple[_Personeelsblok, ...]) -> Document:
        secties: list[Sectie] = []
        wettelijk = self.wettelijk_sectie()  # first: its requirements are numbered first
        if wettelijk is not None:
            secties.append(wettelijk)
        if self.procedure is Procedure.AANBESTEDING:
            for sectie in (self.geschiktheid(), self.minimum()):
                if sectie is not None:
                    secties.append(sectie)
        else:
            toelating = self.toelating()
            if toelating is not None:
                secties.append(toelating)
        vragen, gunning = self.vragen(personeel)
        if vragen:
            secties.append(self.gunning_sectie(vragen, gunning) if gunning is not None else self.plan_sectie(vragen))
        uitvoering = self.uitvoering()
        if uitvoering is not None:
            secties.append(uitvoering)
        pers = self.personeel_sectie(personeel)
        if pers is not None:
            secties.append(pers)
        for cid, door in [*self.gedekt.items(), *((b.eis.id, v.id) for b in self.personeel_gedekt
                                                  for v in self.verplichtingen if b.eis.id in v.dekt)]:
            sectie, nummer = self.plaats.get(door, ("", ""))
            self.plaats[cid] = (f"{sectie} (gedekt door {door})", nummer)
        inleiding = self.inleiding(secties, vragen, meta)
        bijlagen = self.bijlagen() if meta.met_bijlagen else []
        meldingen = list(self.selectie.meldingen)
        if not vragen and not any(isinstance(b, Eis) for s in secties if s.id != "wettelijk" for b in s.walk()):
            meldingen.append(f.lege_hoofdtekst(self.segment))
        return Document(
            meta=meta, selectie=self.volledig, secties=(inleiding, *secties), bijlagen=tuple(bijlagen),
            gunning=gunning, traceerbaarheid=self.traceerbaarheid(personeel, meta.met_bijlagen), meldingen=tuple(meldingen),
        )


def _met_titel(titel: str, tekst: str) -> str:
    """A criterion's own heading in bold before its text: '**Kosten verminderen** De gemeente kan …'."""
    return f"**{strip_markup(titel)}** {tekst}"


def _waarden(waarden: Iterable[Enum]) -> str:
    """Enum values as one cell of the traceability table: 'veiligheid, privacy'."""
    return ", ".join(w.value for w in waarden)


def _met_labels(items: Iterable[Item]) -> tuple[Item, ...]:
    """Items with the source's own label ('1.', 'a.') kept apart: a renderer prints it instead of a bullet."""
    return tuple(Item(item.tekst, _met_labels(item.items), item.label) for item in items)


def _ontdubbeld(selectie: Selectie) -> tuple[Selectie, dict[str, Keuze]]:
    """The selection without criteria the source repeats verbatim (`duplicaat_van`) when both are chosen.

    Of the pair, the one in the body stays (the original when both are, or neither); the other maps to
    the one that stays, so the traceability can say where its text is.
    """
    from dataclasses import replace

    weg: dict[str, Keuze] = {}
    lijsten = []
    for keuzes in (selectie.keuzes, selectie.gemeente):
        per_id = {k.criterium.id: k for k in keuzes}
        for keuze in keuzes:
            origineel = per_id.get(keuze.criterium.duplicaat_van or "")
            if origineel is None:
                continue
            if origineel.rol is Rol.INSPIRATIE and keuze.rol is not Rol.INSPIRATIE:
                weg[origineel.criterium.id] = keuze
            else:
                weg[keuze.criterium.id] = origineel
        lijsten.append(tuple(k for k in keuzes if k.criterium.id not in weg))
    if not weg:
        return selectie, {}
    return replace(selectie, keuzes=lijsten[0], gemeente=lijsten[1]), weg


def _evenredig(totaal: int, aantallen: Sequence[int]) -> list[int]:
    """Whole percentages in proportion to the number of aspects, summing to `totaal`, each at least
    5% (or an equal share when there is not room for that); largest remainders get the extra points."""
    n = len(aantallen)
    minimum = min(5, totaal // n)
    vrij = totaal - minimum * n
    som = sum(aantallen) or n
    exact = [vrij * a / som for a in aantallen]
    delen = [int(x) for x in exact]
    over = vrij - sum(delen)
    for i in sorted(range(n), key=lambda i: (exact[i] - delen[i], aantallen[i]), reverse=True)[:over]:
        delen[i] += 1
    return [minimum + d for d in delen]


def _onderbouwing(eis: Personeelseis, corpus: Corpus) -> tuple[Toelichting, ...]:
    """The sources of a staff requirement; a law is cited by article and lid, not by line of the copy."""
    wetten = {w.id for w in corpus.wetten}
    return tuple(Toelichting(f"Onderbouwing ({b.plaats})" if b.bron in wetten else
                             f"Onderbouwing ({b.plaats}, regel {b.regel})", f"“{b.citaat}”")
                 for b in eis.onderbouwing)


def _in_lichaam(kk: KaderKeuze, sel: Selectie) -> bool:
    return kk.verwijzing or any(k.kader.nummer == kk.kader.nummer for k in sel.lichaam)


def _op_thema(keuzes: Iterable[Keuze]) -> list[Keuze]:
    """Thema order (dienstverlening … organisatie), then corpus order."""
    keuzes = list(keuzes)
    volgorde = {id(k): i for i, k in enumerate(keuzes)}
    return sorted(keuzes, key=lambda k: (list(Thema).index(k.criterium.hoofdthema), volgorde[id(k)]))


def _corpusvolgorde(keuzes: Iterable[Keuze]) -> list[Keuze]:
    return sorted(keuzes, key=lambda k: (k.kader.nummer, [c.id for c in k.kader.criteria].index(k.criterium.id)
                                         if k.kader.nummer else 0))


def _kort_kader(kader: Kader) -> str:
    titel = kader.titel.split(".")[0]
    return titel if len(titel) <= 60 else kader.sleutel


_NIET_XML = re.compile("[\ufffe\uffff]")


def _geen_niet_xml(naam: str, tekst: str) -> str:
    """`tekst` when every character can stand in a document; U+FFFE and U+FFFF (non-characters that
    XML refuses) are no text anyone meant to type, so they are refused, not replaced.

    Raises:
        InkoopkaderError: with the option and the character's position (1 = the first).
    """
    teken = _NIET_XML.search(tekst)
    if teken:
        raise InkoopkaderError(f"{naam} (--{naam}) bevat een teken dat in geen document kan staan: "
                               f"U+{ord(teken.group()):04X} op positie {teken.start() + 1}; haal het weg.")
    return tekst
