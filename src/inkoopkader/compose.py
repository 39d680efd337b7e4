"""Composing a tender document from a selection: the structure every output format renders.

`compose()` decides *what* the document says (chapters, framing, annexes, warnings); the modules in
`inkoopkader.render` only decide *how* each format shows it. The structure:

    1 Inleiding en leeswijzer           why these kaders, what eis/vraag/verwijzing mean, counts
    2 Toepasselijke kwaliteitskaders    the reference clause of every kader used as a whole
    3-6 one chapter per thema           per kader: framing sentence + numbered eisen / vragen,
                                        or a one-line pointer to the annex for a verwijzing kader
    Bijlage A  Kernpunten               criteria of the kaders referenced as a whole
    Bijlage B  Aandachtspunten voor de gemeente als opdrachtgever
    Bijlage C  Traceerbaarheid          ID, kader, thema, vorm, doelgroep, groep per criterion
    Bijlage D  Gebruikte kwaliteitskaders   everything the corpus holds about each kader
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import __version__
from .framing import VORM_UITLEG, blok_inleiding, thema_verwijzing, verwijzing_clausule
from .model import Corpus, Doelgroep, Kader, Relevantie, Thema, Vorm
from .personeel import Personeelseis, ProfielItem, kies_eisen
from .select import KaderKeuze, Keuze, Selectie

BIJLAGE_KERNPUNTEN = "bijlage A"


@dataclass(frozen=True)
class Metadata:
    titel: str
    segment_id: str
    segment_titel: str
    segment_doelgroep: str | None
    gemeente: str | None
    kenmerk: str | None
    versie: str
    datum: dt.date
    inkoopkader_versie: str
    corpus_versie: str
    met_toelichting: bool = True
    bronnen: dict[str, str] = field(default_factory=dict)  # brondocument-ID -> leesbare titel

    def brontitel(self, document_id: str) -> str:
        return self.bronnen.get(document_id, document_id)

    @property
    def samengesteld_met(self) -> str:
        return f"samengesteld met inkoopkader {self.inkoopkader_versie}, corpus {self.corpus_versie}"


@dataclass(frozen=True)
class Blok:
    """A numbered list of criteria of one kader, one vorm and one doelgroep, with its framing."""

    vorm: Vorm
    doelgroep: Doelgroep
    inleiding: str
    keuzes: tuple[Keuze, ...]


@dataclass(frozen=True)
class KaderSectie:
    """What one kader contributes to one thema chapter."""

    kader: Kader
    relevantie: Relevantie
    verwijzing: str | None  # one-line pointer for a kader referenced as a whole
    blokken: tuple[Blok, ...]


@dataclass(frozen=True)
class Hoofdstuk:
    thema: Thema
    secties: tuple[KaderSectie, ...]


@dataclass(frozen=True)
class Waarschuwing:
    """A currency warning: something the criterion or kader cites has changed since."""

    tekst: str
    criterium: str | None
    kader: int


@dataclass(frozen=True)
class PersoneelBlok:
    """A staff requirement in the document: the eis/vraag, its listed parts and its sources."""

    eis: Personeelseis
    vorm: Vorm
    onderdelen: tuple[ProfielItem, ...]
    profiel_titel: str | None = None  # the profile the parts are quoted from


@dataclass(frozen=True)
class Samenstelling:
    """A composed tender document, renderable to docx, md, json or csv."""

    meta: Metadata
    selectie: Selectie
    inleiding: tuple[str, ...]
    verwijzingen: tuple[tuple[KaderKeuze, str], ...]  # (kader, reference clause)
    hoofdstukken: tuple[Hoofdstuk, ...]
    kernpunten: tuple[tuple[Kader, tuple[Keuze, ...]], ...]
    gemeente: tuple[Keuze, ...]
    waarschuwingen: tuple[Waarschuwing, ...] = field(default=())
    personeel: tuple[PersoneelBlok, ...] = field(default=())

    @property
    def lichaam(self) -> list[Keuze]:
        """Criteria in the body (eisen and vragen), in document order."""
        return [k for h in self.hoofdstukken for s in h.secties for b in s.blokken for k in b.keuzes]

    @property
    def alle_keuzes(self) -> list[Keuze]:
        """Every selected criterion: body, kernpunten annex and gemeente annex."""
        return [*self.lichaam, *(k for _, ks in self.kernpunten for k in ks), *self.gemeente]

    def waarschuwingen_voor(self, criterium_id: str) -> list[Waarschuwing]:
        return [w for w in self.waarschuwingen if w.criterium == criterium_id]

    def kader_waarschuwingen(self, kader: int) -> list[Waarschuwing]:
        return [w for w in self.waarschuwingen if w.criterium is None and w.kader == kader]

    def render(self, formaat: str, sjabloon: str | os.PathLike[str] | None = None) -> bytes:
        """The document in a format ('docx', 'md', 'json', 'csv') as bytes."""
        from .render import render

        return render(self, formaat, sjabloon=sjabloon)

    def save(
        self,
        pad: str | os.PathLike[str],
        formaat: str | None = None,
        *,
        force: bool = False,
        sjabloon: str | os.PathLike[str] | None = None,
    ) -> Path:
        """Write the document atomically; refuses to overwrite an existing file unless `force`."""
        from .output import write_atomic

        target = Path(pad)
        chosen = formaat or target.suffix.lstrip(".").lower() or "docx"
        return write_atomic(target, self.render(chosen, sjabloon=sjabloon), force=force)


def default_filename(segment_id: str, formaat: str = "docx") -> str:
    return f"kwaliteitscriteria-{segment_id}.{formaat}"


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
    personeel: bool | Sequence[str] = False,
    functieniveaus: Sequence[str] = (),
    personeel_vorm: Vorm | None = None,
) -> Samenstelling:
    """Turn a selection into a tender document structure (see the module docstring).

    `personeel=True` adds the default staff requirements for the segment's domain (chapter
    "Deskundigheid en inzet van personeel"); a list of IDs (pe-…) chooses them explicitly.
    `functieniveaus` limits listed function levels (e.g. ["B", "C"]); `personeel_vorm` overrides
    the eis/vraag form of every staff requirement.
    """
    from .errors import als_type
    from .select import Selectie
    from .text import stuurtekens_weg

    als_type(corpus, "corpus", Corpus, "een Corpus (inkoopkader.load_corpus())")
    als_type(selectie, "selectie", Selectie, "een Selectie (inkoopkader.select(...))")
    # Text for the title page and properties: every format must accept it (Word refuses a vertical tab).
    titel, gemeente, kenmerk, versie = (
        stuurtekens_weg(als_type(waarde, naam, str, "een tekst", geen=naam != "versie")) if waarde is not None else None
        for naam, waarde in (("titel", titel), ("gemeente", gemeente), ("kenmerk", kenmerk), ("versie", versie))
    )
    als_type(datum, "datum", dt.date, "een datetime.date", geen=True)
    segment = selectie.segment
    meta = Metadata(
        titel=titel or f"Kwaliteitscriteria {segment.titel}",
        segment_id=segment.id,
        segment_titel=segment.titel,
        segment_doelgroep=segment.doelgroep,
        gemeente=gemeente,
        kenmerk=kenmerk,
        versie=versie,
        datum=datum or dt.date.today(),
        inkoopkader_versie=__version__,
        corpus_versie=corpus.versie,
        met_toelichting=met_toelichting,
        bronnen={
            d.id: f"‘{d.titel}’, versie {d.versie} ({d.datum:%d-%m-%Y})" for d in corpus.brondocumenten
        },
    )
    verwijzingen = tuple(
        (kk, verwijzing_clausule(kk.kader, BIJLAGE_KERNPUNTEN))
        for kk in selectie.kaders
        if any(k.vorm is Vorm.VERWIJZING for k in selectie.keuzes if k.kader.nummer == kk.kader.nummer)
    )
    hoofdstukken = []
    for thema in Thema:
        secties = []
        for kk in selectie.kaders:
            keuzes = selectie.keuzes_voor(thema, kk.kader)
            if not keuzes:
                continue  # no empty heading for a kader without criteria in this thema
            kern = [k for k in keuzes if k.vorm is Vorm.VERWIJZING]
            pointer = thema_verwijzing(kk.kader, thema, len(kern), BIJLAGE_KERNPUNTEN) if kern else None
            blokken = []
            for vorm in (Vorm.EIS, Vorm.VRAAG):
                for doelgroep in (Doelgroep.ORGANISATIE, Doelgroep.PROFESSIONAL):
                    groep = tuple(k for k in keuzes if k.vorm is vorm and k.criterium.doelgroep is doelgroep)
                    if groep:
                        blokken.append(Blok(vorm, doelgroep, blok_inleiding(kk.kader, vorm, doelgroep, len(groep)), groep))
            secties.append(KaderSectie(kk.kader, kk.relevantie, pointer, tuple(blokken)))
        if secties:
            hoofdstukken.append(Hoofdstuk(thema, tuple(secties)))
    kernpunten = tuple(
        (kk.kader, tuple(k for k in selectie.keuzes if k.kader.nummer == kk.kader.nummer and k.vorm is Vorm.VERWIJZING))
        for kk in selectie.kaders
    )
    kernpunten = tuple((k, ks) for k, ks in kernpunten if ks)
    result = Samenstelling(
        personeel=_personeel(corpus, selectie, personeel, functieniveaus, personeel_vorm),
        meta=meta,
        selectie=selectie,
        inleiding=(),
        verwijzingen=verwijzingen,
        hoofdstukken=tuple(hoofdstukken),
        kernpunten=kernpunten,
        gemeente=selectie.gemeente,
        waarschuwingen=_waarschuwingen(corpus, selectie),
    )
    return _with_introduction(result)


def _personeel(
    corpus: Corpus,
    selectie: Selectie,
    keuze: bool | Sequence[str],
    functieniveaus: Sequence[str],
    vorm: Vorm | None,
) -> tuple[PersoneelBlok, ...]:
    eisen = kies_eisen(corpus.personeelseisen, selectie.segment.domein, keuze)
    blokken = []
    for eis in eisen:
        onderdelen = tuple(eis.onderdelen(corpus.beroepsprofielen, functieniveaus))
        bron = eis.niveaus_uit or eis.competenties_uit
        titel = corpus.beroepsprofiel(bron).titel if bron else None
        blokken.append(PersoneelBlok(eis, vorm or eis.vorm, onderdelen, titel))
    return tuple(blokken)


def _waarschuwingen(corpus: Corpus, selectie: Selectie) -> tuple[Waarschuwing, ...]:
    selected = {k.criterium.id for k in [*selectie.keuzes, *selectie.gemeente]}
    result = []
    for kk in selectie.kaders:
        for act in kk.kader.actualiteit:
            onderwerp = corpus.onderwerp(act.onderwerp)
            tekst = (
                f"Actualiteit: de bron noemt {onderwerp.term}. Sinds {onderwerp.sinds:%d-%m-%Y}: "
                f"{onderwerp.vervangen_door}"
            )
            if act.toelichting:
                tekst += f" ({act.toelichting})"
            if not act.criteria:
                result.append(Waarschuwing(tekst, None, kk.kader.nummer))
            for cid in act.criteria:
                if cid in selected:
                    result.append(Waarschuwing(tekst, cid, kk.kader.nummer))
    return tuple(result)


def _with_introduction(doc: Samenstelling) -> Samenstelling:
    sel = doc.selectie
    segment = sel.segment
    eisen = sel.aantal(Vorm.EIS)
    # A vraag-blok is one award question whose criteria are the points the bidder must address.
    blokken = [b for h in doc.hoofdstukken for s in h.secties for b in s.blokken if b.vorm is Vorm.VRAAG]
    vragen, punten = len(blokken), sum(len(b.keuzes) for b in blokken)
    kern = sum(len(ks) for _, ks in doc.kernpunten)
    specifiek = [kk.kader for kk in sel.kaders if kk.relevantie is Relevantie.SPECIFIEK]
    algemeen = [kk.kader for kk in sel.kaders if kk.relevantie is Relevantie.ALGEMEEN]
    doelgroep = f" ({segment.doelgroep})" if segment.doelgroep else ""
    paragraphs = [
        f"Dit document bevat kwaliteitscriteria voor de inkoop van {segment.titel}{doelgroep}. De criteria komen woordelijk uit landelijke "
        "kwaliteitskaders en -standaarden, zoals samengevat in ‘Kwaliteitskaders en -standaarden bij "
        "inkoop jeugdhulp en maatschappelijke ondersteuning’ (Ketenbureau i-Sociaal Domein / Movisie, "
        "versie 1.1, 2022). Bij elk criterium staan de ID en de bron, zodat het herleidbaar blijft.",
    ]
    if specifiek:
        paragraphs.append(
            "Specifiek voor dit segment zijn opgenomen: "
            + "; ".join(f"‘{k.titel}’ ({k.jaar})" for k in specifiek)
            + ". De bron koppelt deze kaders expliciet aan dit segment."
        )
    if algemeen:
        paragraphs.append(
            f"Daarnaast gelden kaders voor {segment.domein} in het algemeen: "
            + "; ".join(f"‘{k.titel}’ ({k.jaar})" for k in algemeen)
            + "."
        )
    paragraphs += [VORM_UITLEG[Vorm.EIS], VORM_UITLEG[Vorm.VRAAG], VORM_UITLEG[Vorm.VERWIJZING]]
    paragraphs.append(
        f"Dit document bevat {eisen} {'eis' if eisen == 1 else 'eisen'} en {vragen} "
        f"{'vraag' if vragen == 1 else 'vragen'} (gunningscriteria, met samen {punten} aandachtspunten); "
        f"{len(doc.verwijzingen)} "
        f"{'kader wordt' if len(doc.verwijzingen) == 1 else 'kaders worden'} als geheel van toepassing "
        f"verklaard ({kern} kernpunten in bijlage A)."
        + (f" {len(doc.gemeente)} aandachtspunten richten zich tot de gemeente zelf (bijlage B)." if doc.gemeente else "")
    )
    if doc.personeel:
        paragraphs.append(
            f"Het hoofdstuk ‘Deskundigheid en inzet van personeel’ bevat {len(doc.personeel)} eisen en "
            "vragen over opleiding, beroepsregistratie en competenties van medewerkers, ontleend aan de "
            "kaders en aan beroeps- en functieprofielen; bij elk onderdeel staat de bron."
        )
    paragraphs.append(
        "Neem niet alles over. Kies criteria die passen bij de opdracht, de omvang en het risico van de "
        "dienstverlening (proportionaliteit), en schrap wat niet past: elk extra criterium vraagt inzet "
        "van inschrijvers en van de beoordelaars."
    )
    return replace(doc, inleiding=tuple(paragraphs))
