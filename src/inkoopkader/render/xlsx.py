"""xlsx: the document as a questionnaire for a tender platform (TenderNed, Negometrix/Mercell …).

Three sheets, Dutch headers, the header row frozen, text wrapped, widths fit for reading:

- Vragenlijst: one row per requirement (`Eis`) or question (`Vraag`) of the body, in document order
  (`VRAAG_KOLOMMEN`): what an inkoper maps onto a platform's import template. The text is what the
  inschrijver reads in the Word document (with the beoordelingsaspecten of a question), as plain text.
- Traceerbaarheid: `Document.traceerbaarheid`, the same columns as the CSV file.
- Document: the metadata (segment, procedure, corpus version, date, wegingen, scale …).

Layout only: every row, number, weging and sentence comes from the `Document`; this module decides
how a block becomes a question type (ja/nee, open, bijlage) and whether it is a knock-out. Text that a
spreadsheet program would read as a formula is written as a text cell with 'quotePrefix' (see
`spreadsheet`), never as a formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import framing
from ..document import Eis, Sectie, Toelichting, Vraag
from ..errors import InkoopkaderError
from ..model import Item, Rol
from ..text import strip_markup
from .spreadsheet import TRACE_KOLOMMEN, celtekst, is_formuleachtig

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from ..document import Aspect, Document

__all__ = ["VRAAG_KOLOMMEN", "Vraagrij", "render", "vragenlijst"]

# Excel keeps at most 32,767 characters in a cell and cuts the rest without a word.
MAX_CEL = 32_767
_TEKST, _KOP = "Tekst (inkoopkader)", "Kop (inkoopkader)"  # named cell styles
_TITEL_MAX = 100  # characters of a requirement's first sentence used as its title


@dataclass(frozen=True)
class Vraagrij:
    """One row of the questionnaire: a requirement or a question as a tender platform asks it."""

    vragengroep: str  # the section (› subsection) the block stands in
    nummer: str  # M1, K2, U3 … as in the document
    vraagtitel: str
    vraagtekst: str
    vraagtype: str  # 'ja/nee' | 'open' | 'bijlage'
    knock_out: bool
    gewicht: int | None  # percentage of the total score (scored questions only)
    max_tekens: int | None  # maximum answer length, characters incl. spaces (questions only)
    bewijsmiddel: str
    criteria: str  # criterion IDs, comma-separated
    kader: str  # kader number(s), comma-separated
    rol: str  # the role as this procedure calls it (Minimumeis, Toelatingseis …)


VRAAG_KOLOMMEN = (
    # (header, Vraagrij field, column width in characters)
    ("Vragengroep", "vragengroep", 26),
    ("Nummer", "nummer", 9),
    ("Vraagtitel", "vraagtitel", 36),
    ("Vraagtekst", "vraagtekst", 90),
    ("Vraagtype", "vraagtype", 10),
    ("Knock-out", "knock_out", 10),
    ("Gewicht (%)", "gewicht", 10),
    ("Maximaal aantal tekens", "max_tekens", 12),
    ("Bewijsmiddel", "bewijsmiddel", 48),
    ("Criterium-ID's", "criteria", 22),
    ("Kader", "kader", 9),
    ("Rol", "rol", 18),
)
_TRACE_BREEDTES = {"id": 12, "kader": 9, "kader_titel": 30, "editie": 8, "thema": 16, "doelgroep": 13, "rol": 18,
                   "plaats": 24, "nummer": 9, "bronregel": 12, "tekst_document": 70, "tekst_bron": 70,
                   "aangepast": 10, "geactualiseerd": 12, "bewijs": 48}

# --- the questionnaire ------------------------------------------------------------------------------------


def _items(items: tuple[Item, ...], diepte: int = 0) -> list[str]:
    regels = []
    for item in items:
        regels.append(f"{'   ' * diepte}- {strip_markup(item.weergave)}")
        regels += _items(item.items, diepte + 1)
    return regels


def _toelichting(t: Toelichting, inspringing: str) -> list[str]:
    regels = [f"{inspringing}{framing.label(t.label)} {strip_markup(t.tekst)}"]
    return regels + [f"{inspringing}{r}" for r in _items(t.items)]


def _eis_tekst(eis: Eis) -> str:
    delen = ["\n".join([strip_markup(eis.tekst), *_items(eis.items)])]
    delen += [strip_markup(v) for v in eis.vervolg]
    if eis.citaat:
        delen.append(f"Wettekst: “{eis.citaat}”")
    delen += ["\n".join(_toelichting(t, "")) for t in eis.toelichtingen]
    return "\n\n".join(delen)


def _aspect_tekst(nummer: int, aspect: Aspect) -> str:
    regels = [f"{nummer}. {strip_markup(aspect.tekst)}"]
    regels += [f"   {r}" for r in _items(aspect.items)]
    regels += [f"   {strip_markup(v)}" for v in aspect.vervolg]
    for t in aspect.toelichtingen:
        regels += _toelichting(t, "   ")
    return "\n".join(regels)


def _vraag_tekst(vraag: Vraag) -> str:
    label = "Beoordelingsaspecten" if vraag.oordeel == "score" else "Onderdelen"
    aspecten = "\n".join(_aspect_tekst(i, a) for i, a in enumerate(vraag.aspecten, start=1))
    return f"{strip_markup(vraag.vraag)}\n\n{label}:\n{aspecten}"


def _titel(tekst: str) -> str:
    """A requirement's title: its first sentence, shortened at a word to at most _TITEL_MAX characters."""
    plat = " ".join(strip_markup(tekst).split())
    zin = re.split(r"(?<=[.!?;:])\s", plat, maxsplit=1)[0].rstrip(" .;:")
    if len(zin) <= _TITEL_MAX:
        return zin
    kort = zin[: _TITEL_MAX - 1]
    return (kort.rsplit(" ", 1)[0] if " " in kort else kort).rstrip(" ,;:") + "…"


def _ids(anker: str | None, item_ankers: tuple[str, ...]) -> list[str]:
    return [a for a in (anker, *item_ankers) if a]


def _met_groep(sectie: Sectie, pad: tuple[str, ...]) -> Iterator[tuple[str, Eis | Vraag]]:
    """(vragengroep, block) for every Eis and Vraag of a section, in document order (as Sectie.walk).

    The group is the section title, with the subsection after '›'; a subsection that only wraps one
    question (the section 'K1 – …' around question K1) adds nothing to the group.
    """
    for blok in sectie.blokken:
        if isinstance(blok, (Eis, Vraag)):
            yield " › ".join(pad), blok
    for sub in sectie.subsecties:
        omhulsel = len(sub.blokken) == 1 and isinstance(sub.blokken[0], Vraag) and not sub.subsecties
        yield from _met_groep(sub, pad if omhulsel else (*pad, sub.titel))


def _kaders(ids: Iterable[str], per_id: dict[str, str], terugval: Iterable[int]) -> str:
    """The 'Kader' cell: as the Traceerbaarheid sheet names each criterion ('8', 'wet', 'personeel'),
    numbers first and in order; the blocks' kader numbers for a criterion without a traceability row."""
    namen = list(dict.fromkeys(per_id[i] for i in ids if i in per_id)) or [str(k) for k in terugval]
    nummers = sorted({n for n in namen if n.isdigit()}, key=int)
    return ", ".join([*nummers, *(n for n in namen if not n.isdigit())])


def vragenlijst(doc: Document) -> list[Vraagrij]:
    """The questionnaire rows of a document: every Eis and Vraag of the body, in document order."""
    procedure = doc.procedure
    per_id: dict[str, str] = {}
    for regel in doc.traceerbaarheid:
        per_id.setdefault(regel.id, regel.kader)
    rijen = []
    for sectie in doc.secties:
        for groep, blok in _met_groep(sectie, (sectie.titel,)):
            if isinstance(blok, Eis):
                rijen.append(Vraagrij(
                    vragengroep=groep, nummer=blok.nummer, vraagtitel=_titel(blok.tekst), vraagtekst=_eis_tekst(blok),
                    vraagtype="ja/nee", knock_out=blok.rol in (Rol.GESCHIKTHEIDSEIS, Rol.MINIMUMEIS),
                    gewicht=None, max_tekens=None, bewijsmiddel=blok.bewijs or "",
                    criteria=", ".join(_ids(blok.anker, blok.item_ankers)),
                    kader=_kaders(_ids(blok.anker, blok.item_ankers), per_id, () if blok.kader is None else (blok.kader,)),
                    rol=framing.rol_label(procedure, blok.rol),
                ))
            else:
                gescoord = blok.oordeel == "score"
                kaders = sorted({a.kader for a in blok.aspecten if a.kader is not None})
                rijen.append(Vraagrij(
                    vragengroep=groep, nummer=blok.nummer, vraagtitel=blok.titel, vraagtekst=_vraag_tekst(blok),
                    # A scored question is answered in the platform; a plan item (open house, subsidy) is a part
                    # of the plan the aanvrager adds to the aanvraag, and an insufficient part excludes it.
                    vraagtype="open" if gescoord else "bijlage", knock_out=not gescoord,
                    gewicht=blok.weging, max_tekens=blok.tekens, bewijsmiddel="",
                    criteria=", ".join(i for a in blok.aspecten for i in _ids(a.anker, a.item_ankers)),
                    kader=_kaders((i for a in blok.aspecten for i in _ids(a.anker, a.item_ankers)), per_id, kaders),
                    rol=framing.rol_label(procedure, Rol.GUNNINGSCRITERIUM),
                ))
    return rijen


def _metadata(doc: Document) -> list[tuple[str, object]]:
    meta = doc.meta
    segment = f"{meta.segment_id} – {meta.segment_titel}" + (
        f" ({meta.segment_doelgroep})" if meta.segment_doelgroep else "")
    rijen: list[tuple[str, object]] = [
        ("Titel", meta.titel), ("Segment", segment), ("Procedure", meta.procedure.label),
        ("Gemeente", meta.gemeente or ""), ("Kenmerk", meta.kenmerk or ""), ("Versie", meta.versie),
        ("Datum", meta.datum), ("Corpusversie", meta.corpus_naam), ("inkoopkader-versie", meta.inkoopkader_versie),
    ]
    rijen += [("Brondocument", titel) for titel in meta.bronnen.values()]
    if doc.gunning is not None:
        g = doc.gunning
        ondergrens = next((f"{n.score} ({n.label})" for n in g.schaal if n.score == g.ondergrens), "geen")
        rijen += [
            ("Weging prijs (%)", g.prijs), ("Weging kwaliteit (%)", g.kwaliteit),
            ("Beoordelingsschaal", ", ".join(f"{n.score} {n.label}" for n in g.schaal)),
            ("Ondergrens per vraag", ondergrens),
        ]
    rijen += [(f"Kader {kk.kader.nummer}", f"{kk.kader.titel} ({kk.kader.uitgever}, {kk.kader.jaar}); "
               f"{kk.relevantie.value}" + ("; als geheel van toepassing" if kk.verwijzing else ""))
              for kk in doc.selectie.kaders]
    rijen += [("Vragen in de vragenlijst", len(vragenlijst(doc))),
              ("Criteria in de traceerbaarheid", len(doc.traceerbaarheid))]
    rijen += [("Let op", melding) for melding in doc.meldingen]
    return rijen


# --- the workbook ---------------------------------------------------------------------------------------


def _regels(tekst: str, per_regel: int) -> int:
    """Lines that `tekst` takes when wrapped greedily at spaces to `per_regel` characters."""
    aantal = 0
    for regel in tekst.split("\n"):
        aantal += 1
        if len(regel) <= per_regel:
            continue
        kolom = -1
        for woord in regel.split():
            if kolom >= 0 and kolom + 1 + len(woord) <= per_regel:
                kolom += 1 + len(woord)
                continue
            if kolom >= 0:
                aantal += 1
            extra, kolom = divmod(len(woord), per_regel)  # a word longer than a line is broken
            if kolom == 0 and extra:
                extra, kolom = extra - 1, per_regel
            aantal += extra
    return aantal


class _Blad:
    """Writes one sheet: a styled, frozen, filtered header row and wrapped data rows."""

    def __init__(self, ws: Worksheet, koppen: list[str], breedtes: list[int]) -> None:
        from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
        from openpyxl.utils import get_column_letter

        self.ws = ws
        self.breedtes = breedtes
        stijlen = ws.parent.named_styles
        if _TEKST not in stijlen:  # one named style per kind of cell: cheaper than styling each cell
            uitlijning = Alignment(wrap_text=True, vertical="top")
            ws.parent.add_named_style(NamedStyle(_TEKST, alignment=uitlijning))
            ws.parent.add_named_style(NamedStyle(
                _KOP, font=Font(bold=True), fill=PatternFill("solid", fgColor="D9E2F3"),
                border=Border(bottom=Side(style="thin", color="8EA9DB")), alignment=uitlijning))
        for kolom, (kop, breedte) in enumerate(zip(koppen, breedtes, strict=True), start=1):
            ws.cell(row=1, column=kolom, value=kop).style = _KOP
            ws.column_dimensions[get_column_letter(kolom)].width = breedte
        ws.row_dimensions[1].height = self._hoogte(koppen, tekens_per_breedte=0.9)  # bold
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.rij = 1

    def _hoogte(self, waarden: list[object], tekens_per_breedte: float = 1.1) -> float:
        """Row height (points) for wrapped text: lines per cell when wrapped at words to the column's
        width (a width unit holds about 1.1 characters of running text), at most Excel's 409."""
        regels = 1
        for waarde, breedte in zip(waarden, self.breedtes, strict=True):
            if isinstance(waarde, str) and waarde:
                regels = max(regels, _regels(waarde, max(1, int(breedte * tekens_per_breedte))))
        return min(409.0, 15.0 * regels)

    def voeg_toe(self, waarden: list[object], *, formaten: dict[int, str] | None = None) -> None:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        self.rij += 1
        schoon = []
        for kolom, waarde in enumerate(waarden, start=1):
            if isinstance(waarde, bool):
                waarde = celtekst(waarde)  # ja / nee
            if isinstance(waarde, str):
                waarde = ILLEGAL_CHARACTERS_RE.sub("", waarde)
                if len(waarde) > MAX_CEL:
                    raise InkoopkaderError(
                        f"Rij {self.rij} van het blad '{self.ws.title}' heeft in kolom "
                        f"'{self.ws.cell(row=1, column=kolom).value}' {len(waarde):,} tekens; een cel in Excel "
                        f"bevat er hooguit {MAX_CEL:,}. Verdeel de vraag over meer vragen.".replace(",", "."))
            cel = self.ws.cell(row=self.rij, column=kolom, value=waarde)
            cel.style = _TEKST
            if isinstance(waarde, str) and is_formuleachtig(waarde):
                cel.data_type = "s"  # openpyxl made '=…' a formula; it is text
                cel.quotePrefix = True
            if formaten and kolom in formaten:
                cel.number_format = formaten[kolom]
            schoon.append(waarde)
        self.ws.row_dimensions[self.rij].height = self._hoogte(schoon)

    def sluit(self) -> None:
        self.ws.auto_filter.ref = self.ws.dimensions


def render(doc: Document) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Vragenlijst"
    blad = _Blad(ws, [k for k, _, _ in VRAAG_KOLOMMEN], [b for _, _, b in VRAAG_KOLOMMEN])
    velden = [v for _, v, _ in VRAAG_KOLOMMEN]
    getal = {velden.index("max_tekens") + 1: "#,##0"}
    for rij in vragenlijst(doc):
        blad.voeg_toe([getattr(rij, veld) for veld in velden], formaten=getal)
    blad.sluit()

    blad = _Blad(wb.create_sheet("Traceerbaarheid"), [k for k, _ in TRACE_KOLOMMEN],
                 [_TRACE_BREEDTES[v] for _, v in TRACE_KOLOMMEN])
    for trace in doc.traceerbaarheid:
        blad.voeg_toe([getattr(trace, veld) for _, veld in TRACE_KOLOMMEN])
    blad.sluit()

    blad = _Blad(wb.create_sheet("Document"), ["Gegeven", "Waarde"], [28, 100])
    for label, waarde in _metadata(doc):
        blad.voeg_toe([label, waarde], formaten={2: "DD-MM-YYYY"} if label == "Datum" else None)

    meta = doc.meta
    wb.properties.title = meta.titel
    wb.properties.subject = f"{meta.segment_titel} – {meta.procedure.label}"
    wb.properties.creator = "inkoopkader"
    wb.properties.description = meta.samengesteld_met
    wb.properties.language = "nl-NL"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
