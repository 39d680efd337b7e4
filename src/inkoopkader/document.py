"""The typed tender document that `compose()` returns and every renderer lays out.

Content is decided once, in `compose` (structure) and `framing` (all tender prose); renderers —
Word, Markdown, JSON, CSV, and later the spreadsheet and the web preview — only walk this model,
so they cannot disagree about what the document says.

A document is a list of body sections (`secties`) and optional annexes (`bijlagen`), each a list of
blocks: prose (`Alinea`), bullet lists (`Opsomming`), tables (`Tabel`), requirements (`Eis`) and award
questions or plan items (`Vraag`, with its `Aspect`s). Everything traceable carries an `anker` (the
criterion ID, or `wet-…`/`pe-…`), which the Word renderer turns into a bookmark for `check`.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .errors import InkoopkaderError, als_type
from .model import Item, Procedure, Rol, corpusnaam

if TYPE_CHECKING:
    from .select import Selectie


@dataclass(frozen=True)
class Metadata:
    titel: str
    segment_id: str
    segment_titel: str
    segment_doelgroep: str | None
    procedure: Procedure
    gemeente: str | None
    kenmerk: str | None
    versie: str
    datum: dt.date
    inkoopkader_versie: str
    corpus_versie: str  # content hash: what the record in the docx and `check` compare
    met_toelichting: bool = True
    met_bijlagen: bool = False
    bronnen: dict[str, str] = field(default_factory=dict)  # brondocument-ID -> readable title
    corpus_uitgave: str | None = None  # the corpus version of data/corpus.yaml ('2026.1')

    @property
    def corpus_naam(self) -> str:
        """How the document names its corpus: '2026.1 (0598a1880af9)', or the content hash alone."""
        return corpusnaam(self.corpus_uitgave, self.corpus_versie)

    def brontitel(self, document_id: str) -> str:
        return self.bronnen.get(document_id, document_id)

    @property
    def samengesteld_met(self) -> str:
        return f"samengesteld met inkoopkader {self.inkoopkader_versie}, corpus {self.corpus_naam}"


@dataclass(frozen=True)
class Alinea:
    """A paragraph of prose (inline `**vet**`/`*cursief*` markup allowed).

    `soort`: 'normaal'; 'toelichting' (a note from the source); 'melding' (something the inkoper
    must act on before publishing); 'klein' (a source line).
    """

    tekst: str
    soort: str = "normaal"


@dataclass(frozen=True)
class Opsomming:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Tabel:
    kolommen: tuple[str, ...]
    rijen: tuple[tuple[str, ...], ...]
    breedtes: tuple[int, ...] = ()  # relative column widths


@dataclass(frozen=True)
class Toelichting:
    """A note of the source that belongs with a requirement or aspect (e.g. 'Waar kijkt de inspectie naar?')."""

    label: str
    tekst: str
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Eis:
    """A requirement: geschiktheids-, minimum- or toelatingseis, uitvoerings- or contractvoorwaarde,
    subsidievoorwaarde or -verplichting, or the declaration that a kader applies as a whole."""

    nummer: str  # 'M3', 'U12', 'T4' …
    rol: Rol
    tekst: str  # as printed: tender wording, actualised text or the verbatim criterion
    bron: str  # the source line: ID · kader (jaar) · group, or law and article
    anker: str | None = None
    items: tuple[Item, ...] = ()
    vervolg: tuple[str, ...] = ()
    bewijs: str | None = None  # how and when compliance is shown
    aangepast: bool = False  # tender wording differs from the source (original in the traceability file)
    geactualiseerd: bool = False  # an outdated law or body replaced by its successor
    toelichtingen: tuple[Toelichting, ...] = ()
    kader: int | None = None
    citaat: str | None = None  # a verbatim legal passage (wettelijke verplichtingen)
    item_ankers: tuple[str, ...] = ()  # anchors of the top-level items (listed staff levels), parallel to items


@dataclass(frozen=True)
class Aspect:
    """A beoordelingsaspect of an award question (or of a plan item): one selected criterion."""

    tekst: str
    bron: str
    anker: str | None = None
    items: tuple[Item, ...] = ()
    vervolg: tuple[str, ...] = ()
    aangepast: bool = False
    geactualiseerd: bool = False
    toelichtingen: tuple[Toelichting, ...] = ()
    kader: int | None = None
    item_ankers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vraag:
    """An award question (aanbesteding) or a plan/activiteitenplan item judged voldoende/onvoldoende."""

    nummer: str  # 'K1' (kwaliteit), 'P1' (plan), 'A1' (activiteitenplan)
    titel: str
    vraag: str
    aspecten: tuple[Aspect, ...]
    omvang_a4: int
    tekens: int
    weging: int | None = None  # percentage of the total score; None when judged voldoende/onvoldoende
    oordeel: str = "score"  # 'score' | 'voldoende'
    thema: str | None = None


@dataclass(frozen=True)
class Schaalniveau:
    score: int
    label: str
    omschrijving: str


@dataclass(frozen=True)
class Gunning:
    """Price/quality split, award questions and the scoring method (only for aanbesteding)."""

    prijs: int  # percentage; 0 = fixed tariffs, award on quality alone
    vragen: tuple[Vraag, ...]
    schaal: tuple[Schaalniveau, ...]
    ondergrens: int | None  # questions scored below this score exclude the bid; None = no threshold

    @property
    def kwaliteit(self) -> int:
        return 100 - self.prijs

    @property
    def max_score(self) -> int:
        return max(n.score for n in self.schaal)


Blok = Union[Alinea, Opsomming, Tabel, Eis, Vraag, Aspect]  # a bare Aspect: a criterion shown for information


@dataclass(frozen=True)
class Sectie:
    titel: str
    blokken: tuple[Blok, ...] = ()
    subsecties: tuple[Sectie, ...] = ()
    id: str = ""  # stable key: 'inleiding', 'minimumeisen', 'gunning', 'bijlage-inspiratie' …

    def walk(self):  # type: ignore[no-untyped-def]
        """Every block of this section and its subsections, in order."""
        yield from self.blokken
        for sub in self.subsecties:
            yield from sub.walk()


@dataclass(frozen=True)
class TraceRij:
    """One selected criterion (or legal or staff item) in the traceability output."""

    id: str
    kader: str  # '8' or 'wet' / 'personeel'
    kader_titel: str
    editie: str
    thema: str
    doelgroep: str
    rol: str
    plaats: str  # where in the document: a section or annex, or 'niet opgenomen'
    nummer: str  # the requirement or question number in the document
    bronregel: str  # line in the source text, or law and article
    tekst_document: str
    tekst_bron: str
    aangepast: bool
    geactualiseerd: bool
    bewijs: str


@dataclass(frozen=True)
class Document:
    """A composed tender document: render it with `render(fmt)` or write it with `save(path)`."""

    meta: Metadata
    selectie: Selectie
    secties: tuple[Sectie, ...]
    bijlagen: tuple[Sectie, ...]
    gunning: Gunning | None
    traceerbaarheid: tuple[TraceRij, ...]
    meldingen: tuple[str, ...] = ()

    @property
    def procedure(self) -> Procedure:
        return self.meta.procedure

    def blokken(self, *, bijlagen: bool = False):  # type: ignore[no-untyped-def]
        for sectie in (*self.secties, *(self.bijlagen if bijlagen else ())):
            yield from sectie.walk()

    @property
    def eisen(self) -> list[Eis]:
        return [b for b in self.blokken() if isinstance(b, Eis)]

    @property
    def vragen(self) -> list[Vraag]:
        return [b for b in self.blokken() if isinstance(b, Vraag)]

    def ankers(self, *, bijlagen: bool = True) -> list[tuple[str, str, Rol | None]]:
        """(anker, plaats, rol) of every anchored block, in document order; plaats is a section id."""
        result: list[tuple[str, str, Rol | None]] = []
        for sectie in (*self.secties, *(self.bijlagen if bijlagen else ())):
            for blok in sectie.walk():
                if isinstance(blok, Eis) and blok.anker:
                    result.append((blok.anker, sectie.id, blok.rol))
                    result += [(a, sectie.id, blok.rol) for a in blok.item_ankers]
                elif isinstance(blok, Vraag):
                    for a in blok.aspecten:
                        if a.anker:
                            result.append((a.anker, sectie.id, Rol.GUNNINGSCRITERIUM))
                        result += [(i, sectie.id, Rol.GUNNINGSCRITERIUM) for i in a.item_ankers]
                elif isinstance(blok, Aspect) and blok.anker:
                    result.append((blok.anker, sectie.id, None))
        return result

    def render(self, formaat: str, sjabloon: str | os.PathLike[str] | None = None) -> bytes:
        """The document as bytes in a format ('docx', 'md', 'json', 'csv', 'xlsx', 'ocds')."""
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
        """Write the document atomically; refuses to overwrite an existing file unless `force`.

        Without `formaat` the suffix decides: '.docx', '.md', '.json', '.csv', '.xlsx', and '.ocds.json'
        for the award criteria as OCDS.
        """
        from .output import write_atomic

        als_type(pad, "pad", (str, os.PathLike), "een pad (b.v. 'eisen.docx')")
        target = Path(pad)
        if formaat is None and not target.suffix:
            chosen = "docx"  # a name without extension: a Word document, as always
        else:
            chosen = formaat_bij_bestand(target, formaat)  # 'x.md' with 'docx' would be Word named .md
        return write_atomic(target, self.render(chosen, sjabloon=sjabloon), force=force)


OCDS_SUFFIX = ".ocds.json"  # the OCDS export is JSON; the double suffix tells it from the document model

# File name ending -> format ('.ocds.json' before '.json').
EXTENSIES: dict[str, str] = {
    OCDS_SUFFIX: "ocds", ".docx": "docx", ".pdf": "pdf", ".md": "md", ".markdown": "md", ".json": "json",
    ".csv": "csv", ".xlsx": "xlsx",
}
# Endings of other formats: a file of ours under such a name opens wrongly or not at all.
_ANDERE_EXTENSIES = {
    ".xls": "Excel 97-2003", ".xlsm": "Excel met macro's", ".ods": "OpenDocument-rekenblad",
    ".doc": "Word 97-2003", ".docm": "Word met macro's", ".dotx": "Word-sjabloon", ".dot": "Word-sjabloon",
    ".odt": "OpenDocument-tekst", ".rtf": "RTF", ".html": "HTML", ".htm": "HTML", ".xml": "XML",
    ".yaml": "YAML", ".yml": "YAML", ".zip": "zip", ".txt": "platte tekst",
}


class FormaatFout(InkoopkaderError):
    """A file name and a format do not agree (`formaat` None: the name shows no format we write).

    `naam` is the file name, `extensie` its ending, `afgeleid` the format that ending stands for
    (None for an ending of another program), `soort` what the ending is, `voorstel` a fitting
    name; the CLI words the same facts with its flags."""

    def __init__(self, naam: str, formaat: str | None, extensie: str, afgeleid: str | None, voorstel: str) -> None:
        self.naam, self.formaat, self.extensie = naam, formaat, extensie
        self.afgeleid, self.voorstel = afgeleid, voorstel
        self.soort = afgeleid or _ANDERE_EXTENSIES.get(extensie) or "een ander formaat"  # what the ending is
        bekend = ", ".join(EXTENSIES)
        if formaat is None:
            melding = (f"Aan de naam '{naam}' is het formaat niet te zien. Gebruik een van de extensies {bekend} "
                       f"(b.v. {voorstel}), of geef het formaat op.")
        else:
            melding = (f"Het formaat {formaat} past niet bij '{naam}' (een {extensie}-bestand is {self.soort}). "
                       f"Kies een passende naam, b.v. {voorstel}.")
        super().__init__(melding)


def formaat_bij_bestand(pad: str | os.PathLike[str], formaat: str | None = None) -> str:
    """The format to write `pad` in: `formaat` when it fits the name, else the one its ending names.

    With `formaat`, the name may have that format's ending, no ending, or one of no known program
    (`.ocds.json` or `.json` for ocds); an ending of another format is refused (`eisen.md` as docx,
    `v.xls` as xlsx). Without `formaat`, the ending decides (.docx, .pdf, .md, .markdown, .json,
    .csv, .xlsx, .ocds.json).

    Raises:
        FormaatFout: the name shows no format (without `formaat`), or it names another one.
        OnbekendeWaarde: `formaat` is no format at all.
    """
    naam = Path(pad).name
    klein = naam.lower()
    extensie, afgeleid = next(((ext, f) for ext, f in EXTENSIES.items() if klein.endswith(ext)),
                              (Path(klein).suffix, None))
    stam = naam[: len(naam) - len(extensie)] if extensie else naam
    if formaat is None:
        if afgeleid is None:
            raise FormaatFout(naam, None, extensie, None, f"{stam or 'eisen'}.docx")
        return afgeleid
    gekozen = formaat.lower().lstrip(".")
    gekozen = "md" if gekozen == "markdown" else gekozen
    from .render import FORMATEN

    if gekozen not in FORMATEN:
        from .errors import OnbekendeWaarde, dichtstbijzijnde

        raise OnbekendeWaarde("formaat", formaat, dichtstbijzijnde(formaat, FORMATEN), list(FORMATEN))
    if afgeleid is None:
        past = extensie not in _ANDERE_EXTENSIES or (extensie == ".txt" and gekozen == "md")
    else:
        past = afgeleid == gekozen or (gekozen == "ocds" and klein.endswith(".json"))
    if not past:
        voorstel = stam + (OCDS_SUFFIX if gekozen == "ocds" else f".{gekozen}")
        raise FormaatFout(naam, gekozen, extensie, afgeleid, voorstel)
    return gekozen


class Kopnummering:
    """Section numbers as the text formats print them ('2 ', '2.1 ', '2.1.3 '); deeper levels are not numbered.
    (Word numbers its headings itself, with a numbering definition.)"""

    DIEPSTE = 3

    def __init__(self) -> None:
        self.tellers = [0] * self.DIEPSTE

    def volgende(self, diepte: int, genummerd: bool = True) -> str:
        """The number of the next heading at `diepte` (1 = chapter), with a trailing space; '' unnumbered."""
        if not genummerd or diepte > self.DIEPSTE:
            return ""
        self.tellers[diepte - 1] += 1
        self.tellers[diepte:] = [0] * (self.DIEPSTE - diepte)
        return ".".join(str(c) for c in self.tellers[:diepte]) + " "


def default_filename(segment_id: str, formaat: str = "docx", procedure: Procedure = Procedure.AANBESTEDING) -> str:
    extra = "" if procedure is Procedure.AANBESTEDING else f"-{procedure.value}"
    suffix = OCDS_SUFFIX if formaat == "ocds" else f".{formaat}"
    return f"kwaliteitscriteria-{segment_id}{extra}{suffix}"


def traceerbaarheid_filename(document_pad: str | os.PathLike[str]) -> Path:
    """The traceability CSV next to a document: 'x.docx' -> 'x-traceerbaarheid.csv'."""
    pad = Path(document_pad)
    return pad.with_name(f"{pad.stem}-traceerbaarheid.csv")
