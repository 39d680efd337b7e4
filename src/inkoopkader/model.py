"""The domain model: kaders, criteria and segments as immutable objects.

These are plain frozen dataclasses on purpose. Validation of the YAML happens once, with pydantic
(`inkoopkader.schema`), after which the validated corpus is cached as these objects. Loading a warm
corpus therefore never imports pydantic or ruamel.yaml, which keeps start-up fast for the CLI and
for CI pipelines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from .errors import als_type
from .onveranderlijk import onveranderlijk

if TYPE_CHECKING:  # personeel imports this module; the corpus only holds its objects
    from .personeel import Beroepsprofiel, Personeelseis


class Thema(str, Enum):
    """The four recurring themes under which the source groups criteria (in document order)."""

    DIENSTVERLENING = "dienstverlening"
    VAKMANSCHAP = "vakmanschap"
    SAMENWERKING = "samenwerking"
    ORGANISATIE = "organisatie"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Doelgroep(str, Enum):
    """Who a criterion addresses."""

    GEMEENTE = "gemeente"
    ORGANISATIE = "organisatie"
    PROFESSIONAL = "professional"


class Rol(str, Enum):
    """What a criterion does in a tender document (DESIGN.md, 'Vocabulary').

    The labels a document prints depend on the procedure (`Procedure.label`): an open-house
    procedure has toelatingseisen and contractvoorwaarden, a subsidy has subsidievoorwaarden and
    verplichtingen, and neither has gunningscriteria.
    """

    GESCHIKTHEIDSEIS = "geschiktheidseis"
    MINIMUMEIS = "minimumeis"
    GUNNINGSCRITERIUM = "gunningscriterium"
    UITVOERINGSVOORWAARDE = "uitvoeringsvoorwaarde"
    VERWIJZING = "verwijzing"
    INSPIRATIE = "inspiratie"

    @property
    def is_eis(self) -> bool:
        """A binary, verifiable requirement (it needs a bewijsmiddel)."""
        return self in (Rol.GESCHIKTHEIDSEIS, Rol.MINIMUMEIS, Rol.UITVOERINGSVOORWAARDE)


CRITERIUM_ROLLEN = (Rol.GESCHIKTHEIDSEIS, Rol.MINIMUMEIS, Rol.UITVOERINGSVOORWAARDE, Rol.GUNNINGSCRITERIUM,
                    Rol.INSPIRATIE)
"""The roles a single criterion can have (verwijzing is a role of a kader as a whole)."""


class Procedure(str, Enum):
    """How the gemeente contracts: the procedure decides sections, framing and which roles exist."""

    AANBESTEDING = "aanbesteding"  # sociale en andere specifieke diensten, gunning op BPKV
    OPEN_HOUSE = "open-house"  # toelating van elke aanbieder die aan de eisen voldoet
    SUBSIDIE = "subsidie"  # Awb titel 4.2

    @property
    def label(self) -> str:
        return {"aanbesteding": "Aanbesteding", "open-house": "Open house (toelatingsprocedure)",
                "subsidie": "Subsidie"}[self.value]


class Inzet(str, Enum):
    """Where a kader's criteria go by default: in the body, or only in the inspiration annex."""

    LICHAAM = "lichaam"
    INSPIRATIE = "inspiratie"


class Verwijzingsadvies(str, Enum):
    """May a kader be declared applicable as a whole (the source advises it and it is current)?"""

    STANDAARD = "standaard"  # by default, when the kader is in the document
    MOGELIJK = "mogelijk"  # only when the user chooses it
    NEE = "nee"  # expired, pre-dating current law, or not advised by the source


class Vorm(str, Enum):
    """The form of a staff requirement in `data/personeel.yaml` (eis or vraag).

    Criteria themselves have roles (`Rol`); this older two-way form remains for staff requirements,
    which `personeel.Personeelseis.rol` maps onto roles.
    """

    EIS = "eis"
    VRAAG = "vraag"
    VERWIJZING = "verwijzing"


class Relevantie(str, Enum):
    """How a kader relates to a segment in the source's overview table."""

    SPECIFIEK = "specifiek"  # the table names this segment
    ALGEMEEN = "algemeen"  # the table names the whole domain


class NotitieSoort(str, Enum):
    TER_INSPIRATIE = "ter-inspiratie"
    TIP = "tip"
    NB = "nb"
    BRON = "bron"
    UITZONDERING = "uitzondering"
    TOELICHTING = "toelichting"

    @property
    def label(self) -> str:
        """As the source writes it: 'Ter inspiratie', 'NB', 'Tip' …"""
        return "NB" if self is NotitieSoort.NB else self.value.replace("-", " ").capitalize()


@onveranderlijk
class Item:
    """A sub-item of a criterion or note; items nest where the source nests.

    `label` is the item's own number or letter where the source numbers a sub-list ('1.', 'a.'),
    kept apart from the text.
    """

    tekst: str
    items: tuple[Item, ...] = ()
    label: str | None = None

    @property
    def weergave(self) -> str:
        """The text as a reader sees it: 'a. daadwerkelijk …' for a labelled item."""
        return f"{self.label} {self.tekst}" if self.label else self.tekst

    def walk(self) -> Iterator[Item]:
        yield self
        for child in self.items:
            yield from child.walk()


@onveranderlijk
class Notitie:
    """A note that accompanies a criterion: 'Ter inspiratie', 'Tip', 'NB', 'Bron', …"""

    soort: NotitieSoort
    tekst: str
    kop: str | None = None
    items: tuple[Item, ...] = ()


class Herkomst(str, Enum):
    """Where a requirement that compose prints and check looks for comes from.

    `KADER`: a criterion of one of the fifteen kaders (its number in `Criterium.kader`); `PERSONEEL`:
    a staff requirement (data/personeel.yaml) or one of its listed parts; `WETTELIJK`: a statutory duty
    (data/wettelijk.yaml). Reports name and group the last two by this marker, never by a kader number.
    """

    KADER = "kader"
    PERSONEEL = "personeel"
    WETTELIJK = "wettelijk"


@onveranderlijk
class Criterium:
    """One quality criterion, worded as in the source (inline emphasis as `**`/`*` markup).

    Staff requirements and statutory duties are checked as criteria too; their `herkomst` says so,
    and their `kader` is then only the number of the stand-in kader that groups them internally.
    """

    id: str
    kader: int
    thema: tuple[Thema, ...]
    groep: tuple[str, ...]
    doelgroep: Doelgroep
    tekst: str
    regel: int
    nummer: str | None = None
    items: tuple[Item, ...] = ()
    vervolg: tuple[str, ...] = ()
    notities: tuple[Notitie, ...] = ()
    titel: str | None = None  # the criterion's own heading in the source ('Kosten verminderen'), not in `tekst`
    ook_gemeente: bool = False  # addresses the aanbieder (`doelgroep`) and the gemeente together
    duplicaat_van: str | None = None  # the source repeats this criterion verbatim: the ID of the first
    redactie: str | None = None  # an editorial note of this corpus (not source text), e.g. on a garbled sentence
    herkomst: Herkomst = Herkomst.KADER

    @property
    def hoofdthema(self) -> Thema:
        return self.thema[0]

    @property
    def doelgroepen(self) -> tuple[Doelgroep, ...]:
        """Everyone the criterion addresses: its `doelgroep`, and the gemeente when `ook_gemeente`."""
        return (self.doelgroep, Doelgroep.GEMEENTE) if self.ook_gemeente else (self.doelgroep,)

    def alle_teksten(self) -> Iterator[str]:
        """Every text of the criterion: title, text, items, follow-up paragraphs and notes."""
        if self.titel:
            yield self.titel
        yield self.tekst
        for item in self.items:
            for sub in item.walk():
                yield sub.tekst
        yield from self.vervolg
        for notitie in self.notities:
            yield notitie.tekst
            for item in notitie.items:
                for sub in item.walk():
                    yield sub.tekst


@onveranderlijk
class SegmentRelatie:
    segment: str
    relevantie: Relevantie


@onveranderlijk
class Overzicht:
    """The kader's row in the source's overview table."""

    toelichting: str
    hoe_te_gebruiken: str
    inkoopsegment: str


@onveranderlijk
class GroepToelichting:
    groep: tuple[str, ...]
    tekst: str
    regel: int | None = None


@onveranderlijk
class Bron:
    """Where a kader sits in its source document."""

    document: str
    sectie: str
    pagina: int | None
    regels: tuple[int, int]


@onveranderlijk
class Brondocument:
    id: str
    titel: str
    uitgever: str
    versie: str
    datum: dt.date
    bestand: str
    sha256: str


@onveranderlijk
class Opvolger:
    """A newer edition of a kader than the one in the corpus (found when its edition was checked)."""

    titel: str
    jaar: int | None = None
    url: str | None = None
    toelichting: str | None = None


@onveranderlijk
class Actualiteit:
    """A currency note of a kader: something it cites has changed since."""

    onderwerp: str
    criteria: tuple[str, ...] = ()
    toelichting: str | None = None


@onveranderlijk
class Correctie:
    """A fix of an obvious OCR or typing slip in the source text."""

    veld: str
    regel: int
    was: str
    wordt: str
    reden: str
    criterium: str | None = None


@onveranderlijk
class Inkoopgebruik:
    """The tender layer of one criterion (data/inkoop/): the roles it can honestly serve.

    `rollen` is in order of preference; the first is the default role in a document body. A
    criterion whose only role is inspiratie is never a requirement or an award point.
    """

    criterium: str
    rollen: tuple[Rol, ...]
    reden: str
    bewijs: str | None = None
    formulering: str | None = None  # tender wording where the verbatim text does not work as is
    actueel: str | None = None  # the verbatim text with the current name of a law or body
    actueel_items: tuple[Item, ...] | None = None
    standaard: bool = True  # in the default selection when its kader is in the body

    @property
    def standaardrol(self) -> Rol:
        return self.rollen[0]

    def kan(self, rol: Rol) -> bool:
        return rol is Rol.INSPIRATIE or rol in self.rollen


@onveranderlijk
class KaderEis:
    """A requirement that follows from a kader as a whole (e.g. certification), with its source line."""

    tekst: str
    bewijs: str
    regel: int
    rol: Rol = Rol.GESCHIKTHEIDSEIS


@onveranderlijk
class KaderInkoop:
    """The tender layer of one kader: reference advice, default placement and per-criterion roles."""

    kader: int
    verwijzing: Verwijzingsadvies
    verwijzing_reden: str
    inzet: Inzet
    inzet_reden: str
    criteria: tuple[Inkoopgebruik, ...]
    geschiktheidseis: KaderEis | None = None
    bestand: str = ""

    def gebruik(self, criterium_id: str) -> Inkoopgebruik | None:
        for entry in self.criteria:
            if entry.criterium == criterium_id:
                return entry
        return None


@onveranderlijk
class Kader:
    """One kwaliteitskader with everything the source says about it."""

    nummer: int
    sleutel: str
    prefix: str
    titel: str
    uitgever: str
    jaar: int
    overzicht: Overzicht
    segmenten: tuple[SegmentRelatie, ...]
    vorm_toelichting: str
    inleiding: str
    korte_toelichting: str
    totstandkoming: str
    opbouw: str
    bron: Bron
    criteria: tuple[Criterium, ...]
    thema_toelichting: dict[Thema, str] = field(default_factory=dict)
    zonder_criteria: tuple[Thema, ...] = ()
    groep_toelichtingen: tuple[GroepToelichting, ...] = ()
    actualiteit: tuple[Actualiteit, ...] = ()
    correcties: tuple[Correctie, ...] = ()
    bestand: str = ""
    inkoop: KaderInkoop | None = None  # the tender layer (data/inkoop/), None for a kader without one
    thema_afsluiting: dict[Thema, str] = field(default_factory=dict)  # text after a thema's criteria
    bron_url: str | None = None  # where the publisher offers the kader itself
    gecontroleerd_op: dt.date | None = None  # when someone last checked for a newer edition
    opvolger: Opvolger | None = None  # a newer edition, when one exists

    def criteria_voor(self, thema: Thema) -> tuple[Criterium, ...]:
        return tuple(c for c in self.criteria if thema in c.thema)

    def aantallen_per_thema(self) -> dict[Thema, int]:
        return {thema: len(self.criteria_voor(thema)) for thema in Thema}

    def relevantie(self, segment_id: str) -> Relevantie | None:
        for relatie in self.segmenten:
            if relatie.segment == segment_id:
                return relatie.relevantie
        return None

    def gebruik(self, criterium: Criterium) -> Inkoopgebruik:
        """The tender layer entry of a criterion; without a tender layer: describable, not an eis."""
        found = self.inkoop.gebruik(criterium.id) if self.inkoop is not None else None
        if found is not None:
            return found
        if criterium.doelgroep is Doelgroep.GEMEENTE:
            return Inkoopgebruik(criterium.id, (Rol.INSPIRATIE,), "Richt zich tot de gemeente zelf.")
        return Inkoopgebruik(criterium.id, (Rol.GUNNINGSCRITERIUM, Rol.INSPIRATIE),
                             "Geen aanbestedingslaag voor dit kader: alleen als beoordelingsaspect.")

    @property
    def verwijzingsadvies(self) -> Verwijzingsadvies:
        return self.inkoop.verwijzing if self.inkoop is not None else Verwijzingsadvies.MOGELIJK

    @property
    def inzet(self) -> Inzet:
        return self.inkoop.inzet if self.inkoop is not None else Inzet.LICHAAM

    def groep_toelichting(self, groep: tuple[str, ...]) -> str | None:
        for entry in self.groep_toelichtingen:
            if entry.groep == groep:
                return entry.tekst
        return None

    def controle_verouderd(self, vandaag: dt.date) -> bool:
        """True when nobody checked for a newer edition in the twelve months before `vandaag` (or ever)."""
        if self.gecontroleerd_op is None:
            return True
        dag = 28 if (vandaag.month, vandaag.day) == (2, 29) else vandaag.day
        return self.gecontroleerd_op < vandaag.replace(year=vandaag.year - 1, day=dag)


@onveranderlijk
class Segment:
    """An inkoopsegment as the source's appendix defines it."""

    id: str
    domein: str
    code: str
    naam: str
    omschrijving: str
    gebruikelijk_aanbod: tuple[str, ...]  # the lines of the source's table cell
    bron: str
    doelgroep: str | None = None
    aliassen: tuple[str, ...] = ()
    toelichting: str | None = None
    regel: int | None = None

    @property
    def titel(self) -> str:
        """'Wmo 1a – Multi-probleem'; a segment that is a whole domain is just its name."""
        if self.naam == self.domein:
            return self.naam
        return f"{self.domein} {self.code} – {self.naam}"


@onveranderlijk
class ActualiteitOnderwerp:
    """A law, body or edition that changed after the source was written."""

    id: str
    term: str
    vervangen_door: str
    sinds: dt.date
    soort: str
    patronen: tuple[str, ...] = ()
    vervangingen: tuple[tuple[str, str], ...] = ()  # (pattern, current name) for the document body


# Wet and WettelijkeVerplichting are NamedTuples: as immutable and typed as the @onveranderlijk classes,
# and as cheap to define (a warm `load_corpus()` has a budget of 1.3x `import pydantic`,
# benchmarks/bench_load.py; see onveranderlijk.py).


class Wet(NamedTuple):
    """A law (or regulation) as consulted: the saved copy in bronnen/wetten/ and where it comes from."""

    id: str
    titel: str
    afkorting: str
    bwb: str  # BWBR number (or CELEX for EU law)
    url: str  # the version on wetten.overheid.nl (or EUR-Lex) the copy was taken from
    geldig_vanaf: dt.date  # the version of the text
    geraadpleegd: dt.date
    bestand: str  # relative to bronnen/
    kopie: str  # repository@commit:path of the copy that was read
    sha256: str


class WettelijkeVerplichting(NamedTuple):
    """A duty the law itself puts on providers (data/wettelijk.yaml), with its verbatim legal basis.

    `citaat` is the law's text; ' … ' marks an omission, every part is verbatim from the saved copy
    (`delen`). `rollen` gives the default role per procedure; `dekt` names criteria (or staff
    requirements) that ask the same and are therefore not printed a second time.
    """

    id: str
    titel: str
    wet: Wet
    artikel: str
    citaat: str
    url: str
    domeinen: tuple[str, ...]
    thema: Thema
    rollen: tuple[tuple[Procedure, Rol], ...]
    eis: str
    bewijs: str
    lid: str | None = None
    onderdeel: str | None = None
    dekt: tuple[str, ...] = ()
    noot: str | None = None
    segmenten_niet: tuple[str, ...] = ()
    eis_per_segment: tuple[tuple[str, str], ...] = ()

    def rol(self, procedure: Procedure) -> Rol:
        return dict(self.rollen)[procedure]

    def voor_segment(self, segment: str) -> WettelijkeVerplichting | None:
        """The duty as it applies to a segment: None where it does not (`segmenten_niet`, e.g. the
        meldplicht of jeugdhulpaanbieders for gecertificeerde instellingen), worded for the segment where
        `eis_per_segment` says so."""
        if segment in self.segmenten_niet:
            return None
        eigen = dict(self.eis_per_segment).get(segment)
        return self._replace(eis=eigen) if eigen else self

    @property
    def grondslag(self) -> str:
        """'Jeugdwet, art. 4.1.6, lid 1 en 2'; 'Wmo 2015, art. 3.2, lid 1, onder a'."""
        delen = [self.wet.afkorting, f"art. {self.artikel}"]
        if self.lid:
            delen.append(f"lid {self.lid}" + (f", onder {self.onderdeel}" if self.onderdeel else ""))
        elif self.onderdeel:
            delen.append(f"onder {self.onderdeel}")
        return ", ".join(delen)

    @property
    def delen(self) -> tuple[str, ...]:
        """The verbatim parts of the quote, in order (the text between the omission marks ' … ')."""
        return tuple(d.strip() for d in self.citaat.split("…") if d.strip())


@onveranderlijk
class Afkorting:
    """An abbreviation search understands ('VOG'), with what it stands for ('verklaring omtrent het gedrag')."""

    afkorting: str
    voluit: tuple[str, ...]


@onveranderlijk
class Uitgave:
    """A numbered release of the corpus data (data/corpus.yaml), described in data/CHANGELOG.md."""

    versie: str
    datum: dt.date


def corpusnaam(uitgave: str | None, inhoud: str) -> str:
    """A corpus as messages and documents name it: '2026.1 (3f2a9c81d0e4)' (release and content
    hash), or the content hash alone when the corpus has no release (data/corpus.yaml)."""
    return f"{uitgave} ({inhoud})" if uitgave else inhoud


@onveranderlijk
class Corpus:
    """All kaders, segments and currency facts, validated and cross-checked.

    `versie` is a short hash of the data files' content (it changes with every edit); `uitgave` is the
    numbered release of the data ('2026.1') that the changelog describes, when the corpus has one.
    """

    kaders: tuple[Kader, ...]
    segmenten: tuple[Segment, ...]
    actualiteit: tuple[ActualiteitOnderwerp, ...]
    brondocumenten: tuple[Brondocument, ...]
    versie: str  # short content hash of the data files
    pad: str
    beroepsprofielen: tuple[Beroepsprofiel, ...] = ()  # data/profiles/*.yaml
    personeelseisen: tuple[Personeelseis, ...] = ()  # data/personeel.yaml
    wetten: tuple[Wet, ...] = ()
    wettelijk: tuple[WettelijkeVerplichting, ...] = ()  # data/wettelijk.yaml, in file order
    afkortingen: tuple[Afkorting, ...] = ()  # data/zoeken.yaml
    uitgave: Uitgave | None = None  # data/corpus.yaml

    @property
    def versienaam(self) -> str:
        """How messages name this corpus: '2026.1 (3f2a9c81d0e4)', or the content hash alone."""
        return corpusnaam(self.uitgave.versie if self.uitgave else None, self.versie)

    def criteria(self) -> Iterator[Criterium]:
        for kader in self.kaders:
            yield from kader.criteria

    def criterium(self, criterium_id: str) -> Criterium | None:
        als_type(criterium_id, "criterium_id", str, "een ID als 'bwmo-04'")
        return self._criteria_index.get(criterium_id.strip().lower())

    def kader(self, nummer: int) -> Kader:
        als_type(nummer, "nummer", int, "een kadernummer (b.v. 8)")
        for kader in self.kaders:
            if kader.nummer == nummer:
                return kader
        raise KeyError(nummer)

    def kader_van(self, criterium: Criterium) -> Kader:
        return self.kader(criterium.kader)

    def segment(self, segment_id: str) -> Segment:
        for segment in self.segmenten:
            if segment.id == segment_id:
                return segment
        raise KeyError(segment_id)

    def kaders_voor_segment(self, segment_id: str) -> list[tuple[Kader, Relevantie]]:
        """The kaders the overview table ties to a segment, with how (specifiek/algemeen)."""
        result = []
        for kader in self.kaders:
            relevantie = kader.relevantie(segment_id)
            if relevantie is not None:
                result.append((kader, relevantie))
        return result

    def beroepsprofiel(self, sleutel: str) -> Beroepsprofiel:
        """A professional profile by its sleutel or prefix.

        Raises:
            KeyError: no such profile.
        """
        for profiel in self.beroepsprofielen:
            if sleutel in (profiel.sleutel, profiel.prefix):
                return profiel
        raise KeyError(sleutel)

    def verplichting(self, verplichting_id: str) -> WettelijkeVerplichting | None:
        """A statutory duty (wet-…) by ID, or None."""
        wanted = verplichting_id.strip().lower()
        return next((v for v in self.wettelijk if v.id == wanted), None)

    def onderwerp(self, onderwerp_id: str) -> ActualiteitOnderwerp:
        for onderwerp in self.actualiteit:
            if onderwerp.id == onderwerp_id:
                return onderwerp
        raise KeyError(onderwerp_id)

    @cached_property
    def _criteria_index(self) -> dict[str, Criterium]:
        # Derived, so not a field; cached_property writes to the instance dict, which a frozen
        # dataclass allows. Built on first lookup, after the corpus is cached on disk.
        return {c.id: c for c in self.criteria()}
