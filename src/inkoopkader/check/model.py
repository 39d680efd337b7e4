"""Data model of `inkoopkader check`: a draft as located text blocks, and the report about it.

Pipeline (one module per stage, arrows one way):

    read/          path or text -> Concept (one module per format: docx, odt, pdf, markdown; veilig)
    match.py       Concept + criteria -> CriteriumResultaat per criterion (anchors first, then text)
    references.py  Concept -> KaderVerwijzing (whole-kader references) and VerouderdeVerwijzing
    report.py      Rapport -> json / junit / github; samenvatting.py: the human summary (text)
    __init__.py    check(): wires the stages and decides the gate
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..model import Criterium, Herkomst, Rol, Thema


@dataclass(frozen=True)
class Locatie:
    """Where a text block is in the draft, as a reader would describe it."""

    soort: str  # "alinea" | "tabel" | "koptekst" | "voettekst" | "voetnoot" | "tekstvak" | "regel"
    index: int  # 1-based running number of the block within the document
    pagina: int | None = None  # PDF pages (and docx page breaks where known)
    tabel: tuple[int, int, int] | None = None  # (table, row, column), 1-based; nested tables flatten
    # The nearest heading above the block, and the paragraph's number under it (table cells not
    # counted: 'alinea 3 onder ‘2.4 Klachten’' is what a reader can find in Word). 0: the heading
    # itself. In a PDF, without headings, the number counts from the top of the page.
    kop: str | None = None
    alinea_in_kop: int | None = None

    def beschrijving(self) -> str:
        """Dutch, human-readable: 'pagina 3, ‘2.4 Klachten’, alinea 2', 'tabel 2, rij 4, kolom 1'."""
        parts = []
        if self.pagina:
            parts.append(f"pagina {self.pagina}")
        kop = f"‘{_kort(self.kop)}’" if self.kop else None
        if self.tabel:
            t, r, c = self.tabel
            parts.append(f"tabel {t}, rij {r}, kolom {c}" + (f" (onder {kop})" if kop else ""))
        elif self.soort in ("koptekst", "voettekst", "voetnoot", "tekstvak"):
            parts.append(self.soort)
        elif self.soort == "regel":
            parts.append(f"regel {self.index}")
        elif self.alinea_in_kop == 0 and kop:
            parts.append(f"kop {kop}")
        elif self.alinea_in_kop is not None:
            parts.append(f"{kop}, alinea {self.alinea_in_kop}" if kop else f"alinea {self.alinea_in_kop}")
        else:
            parts.append(f"alinea {self.index}")
        return ", ".join(parts)


def _kort(tekst: str, n: int = 60) -> str:
    return tekst if len(tekst) <= n else tekst[: n - 1].rstrip() + "…"


@dataclass(frozen=True)
class Tekstblok:
    """One unit of draft text: a paragraph, a table cell, a header line, a PDF line group …"""

    tekst: str
    locatie: Locatie
    ankers: tuple[str, ...] = ()  # criterion IDs whose compose-bookmark (ik_<id>) covers this block
    # A block joined from several source lines (md/txt): (offset in `tekst`, line number) where each
    # line's text begins, so that a finding inside it can name its own line.
    regels: tuple[tuple[int, int], ...] = ()

    def regel_op(self, pos: int) -> int | None:
        """The source line of character `pos` of `tekst`, for a block joined from several lines."""
        nummer = None
        for begin, regel in self.regels:
            if begin > pos:
                break
            nummer = regel
        return nummer


@dataclass(frozen=True)
class Concept:
    """A tender draft as text blocks, plus what compose recorded in it (if it made the document)."""

    naam: str
    formaat: str  # docx | odt | pdf | md | txt | tekst
    blokken: tuple[Tekstblok, ...]
    selectie: dict[str, object] | None = None  # segment, criteria IDs, corpus version from compose


class Status(str, Enum):
    GEDEKT = "gedekt"  # found, (nearly) as in the source
    GEWIJZIGD = "gewijzigd"  # found, but materially different
    # Found, but the draft negates it, waives it or lays it on someone else (the gemeente, a
    # consulent): the obligation is gone. Never counts as found, for coverage or for the gate.
    ONTKRACHT = "ontkracht"
    # Not in the text, but the draft declares its kader applicable as a whole ('Opdrachtnemer werkt
    # conform het JIJ-kader'): counts as found unless the caller switches that off (`via_kader`).
    VIA_KADER = "via-kader"
    ONTBREEKT = "ontbreekt"  # not found

    @property
    def gevonden(self) -> bool:
        """Counts towards coverage and the gate: gedekt, gewijzigd or via the kader."""
        return self in (Status.GEDEKT, Status.GEWIJZIGD, Status.VIA_KADER)


@dataclass(frozen=True)
class Bewijs:
    """The draft text that matched a criterion and where it is."""

    tekst: str
    locatie: Locatie
    score: float


@dataclass(frozen=True)
class CriteriumResultaat:
    criterium: Criterium
    rol: Rol
    status: Status
    score: float  # 0-100: how well the best evidence matches the criterion text
    bewijs: tuple[Bewijs, ...] = ()
    via_anker: bool = False  # found through compose's bookmark, however much it was edited
    verschil: tuple[str, ...] = ()  # for gewijzigd: what differs ("ontbreekt: …", "toegevoegd: …")
    vereist: bool = False
    # Which wording of the criterion the evidence was compared with: "bron" (the source text),
    # "aanbestedingstekst" (compose's tender wording, data/inkoop/) or "toelichting" (a note with
    # the criterion's operational text, such as the JIJ-kader's 'Waar kijkt de inspectie naar?').
    vergeleken_met: str = "bron"

    @property
    def herkomst(self) -> Herkomst:
        """Whether the criterion is a kader's, a staff requirement or a statutory duty."""
        return self.criterium.herkomst

    @property
    def kader(self) -> int | Herkomst:
        """What the result is reported under: its kader's number, or for a staff requirement or a
        statutory duty its `Herkomst` (they belong to no kader)."""
        return kader_van(self.criterium)


def kader_van(criterium: Criterium) -> int | Herkomst:
    """What a criterion is reported under: its kader's number, or its `Herkomst` when it has none."""
    return criterium.kader if criterium.herkomst is Herkomst.KADER else criterium.herkomst


def kader_volgorde(kader: int | Herkomst) -> tuple[int, int]:
    """Sort key for what results are reported under: statutory duties, staff requirements, then the
    kaders by number (the order of a composed document)."""
    if isinstance(kader, Herkomst) and kader is not Herkomst.KADER:
        return (0 if kader is Herkomst.WETTELIJK else 1, 0)
    return (2, int(kader) if isinstance(kader, int) else 0)


@dataclass(frozen=True)
class KaderVerwijzing:
    """The draft references a kader as a whole ('werkt conform het JIJ-kader')."""

    kader: int
    tekst: str
    locatie: Locatie
    editie: str | None = None  # the edition/year the draft names, if any
    afwijkende_editie: bool = False  # names another edition than the corpus holds
    # Every place the draft makes this same declaration (same kader and edition), `locatie` first.
    locaties: tuple[Locatie, ...] = ()

    @property
    def alle_locaties(self) -> tuple[Locatie, ...]:
        return self.locaties or (self.locatie,)


@dataclass(frozen=True)
class VerouderdeVerwijzing:
    """The draft cites a law, body or edition that has since changed (data/actualiteit.yaml)."""

    onderwerp: str  # ID in actualiteit.yaml
    term: str  # what the draft literally says
    vervangen_door: str
    sinds: str  # ISO date
    tekst: str  # the sentence around it
    locatie: Locatie


class _Dekking:
    """Counts of checked criteria; `dekking` is the share found (gedekt, gewijzigd, via kader), 0-1."""

    totaal: int
    gedekt: int
    gewijzigd: int
    via_kader: int
    ontkracht: int

    @property
    def dekking(self) -> float:
        """1.0 when there is nothing to find."""
        return (self.gedekt + self.gewijzigd + self.via_kader) / self.totaal if self.totaal else 1.0

    @property
    def ontbreekt(self) -> int:
        return self.totaal - self.gedekt - self.gewijzigd - self.via_kader - self.ontkracht


def _tel(rows: list[CriteriumResultaat]) -> tuple[int, int, int, int, int]:
    def aantal(status: Status) -> int:
        return sum(1 for r in rows if r.status is status)

    return len(rows), aantal(Status.GEDEKT), aantal(Status.GEWIJZIGD), aantal(Status.VIA_KADER), aantal(Status.ONTKRACHT)


@dataclass(frozen=True)
class ThemaDekking(_Dekking):
    thema: Thema
    totaal: int
    gedekt: int
    gewijzigd: int
    via_kader: int = 0
    ontkracht: int = 0


@dataclass(frozen=True)
class KaderDekking(_Dekking):
    """Coverage of one kader's criteria, or of the staff requirements or statutory duties."""

    kader: int | Herkomst  # a kader's number; Herkomst.PERSONEEL or WETTELIJK for those (no kader)
    totaal: int
    gedekt: int
    gewijzigd: int
    via_kader: int = 0
    ontkracht: int = 0


@dataclass(frozen=True)
class Rapport:
    """What `check` found. The CLI formats it; the library never prints."""

    concept: str
    formaat: str
    segment: str
    corpus_versie: str
    bron_van_selectie: str  # "profiel: x.yaml" | "segment: wmo-1a" | "document (compose)"
    resultaten: tuple[CriteriumResultaat, ...]
    kaderverwijzingen: tuple[KaderVerwijzing, ...] = ()
    verouderd: tuple[VerouderdeVerwijzing, ...] = ()
    min_dekking: float | None = None
    strikt: bool = False
    redenen_afgekeurd: tuple[str, ...] = field(default=())

    @property
    def geslaagd(self) -> bool:
        return not self.redenen_afgekeurd

    def per_thema(self) -> list[ThemaDekking]:
        result = []
        for thema in Thema:
            rows = [r for r in self.resultaten if r.criterium.hoofdthema is thema]
            if rows:
                result.append(ThemaDekking(thema, *_tel(rows)))
        return result

    def te_lage_dekking(self) -> list[ThemaDekking]:
        """The themas whose coverage is below `min_dekking` (none without one): the gate's rule."""
        if self.min_dekking is None:
            return []
        return [d for d in self.per_thema() if d.dekking < self.min_dekking]

    def per_kader(self) -> list[KaderDekking]:
        """Coverage per kader that has checked criteria, by kader number; statutory duties and staff
        requirements (checked when asked for) first, each as one group under their `Herkomst`."""
        rows: dict[int | Herkomst, list[CriteriumResultaat]] = {}
        for r in self.resultaten:
            rows.setdefault(r.kader, []).append(r)
        return [KaderDekking(kader, *_tel(rows[kader])) for kader in sorted(rows, key=kader_volgorde)]

    def met_status(self, status: Status) -> list[CriteriumResultaat]:
        return [r for r in self.resultaten if r.status is status]
