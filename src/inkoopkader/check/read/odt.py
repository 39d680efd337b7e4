"""Reading .odt drafts: OpenDocument text walked in document order.

Headings, paragraphs, list items, table cells (nested too), sections, text frames, notes, and the
headers and footers of the master pages; deleted tracked changes are left out. LibreOffice keeps
compose's bookmarks when it saves a .docx as .odt, and its record as document properties.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ... import limieten
from ...anchors import BIJLAGEN_BLADWIJZER
from ..model import Concept
from .record import _MAX_OPEN_ANKERS, _selectie_uit_eigenschappen, _verlopen, criterium_van_bladwijzer
from .veilig import ConceptFout, _concept, _getal, _parse_xml, _te_veel, _Uitvoer, _Zip

_ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}


def _odf(prefix: str, name: str) -> str:
    return f"{{{_ODF[prefix]}}}{name}"


class _T:
    """ODF tag names the reader acts on (containers it just walks through need no name)."""

    p, h = _odf("text", "p"), _odf("text", "h")
    s, tab, lb = _odf("text", "s"), _odf("text", "tab"), _odf("text", "line-break")
    c = _odf("text", "c")
    note, body = _odf("text", "note"), _odf("text", "note-body")
    bm, bm_start, bm_end, name = (_odf("text", "bookmark"), _odf("text", "bookmark-start"),
                                  _odf("text", "bookmark-end"), _odf("text", "name"))
    table = _odf("table", "table")
    cell, covered = _odf("table", "table-cell"), _odf("table", "covered-table-cell")
    row = _odf("table", "table-row")
    rijgroepen = frozenset(_odf("table", n) for n in ("table-header-rows", "table-rows", "table-row-group"))
    repeat = _odf("table", "number-columns-repeated")
    frame, textbox = _odf("draw", "frame"), _odf("draw", "text-box")
    skip = frozenset({_odf("text", "tracked-changes"), _odf("office", "annotation"), _odf("office", "annotation-end"),
            _odf("text", "note-citation"), _odf("text", "change"), _odf("text", "sequence-decls"),
            _odf("text", "variable-decls"), _odf("text", "user-field-decls"), _odf("office", "forms"),
            _odf("text", "table-of-content-source"), _odf("text", "alphabetical-index-source"),
            _odf("text", "illustration-index-source"), _odf("text", "table-index-source"),
            _odf("text", "user-index-source"), _odf("text", "bibliography-source"),
            _odf("text", "object-index-source"), _odf("text", "index-title-template"),
            _odf("draw", "image"), _odf("table", "table-columns"), _odf("table", "table-column"),
            "{http://www.w3.org/2000/svg}title", "{http://www.w3.org/2000/svg}desc"})


class _OdtLezer:
    """Walks ODF text in document order and emits blocks."""

    def __init__(self, uit: _Uitvoer, bladwijzers: Mapping[str, str] | None = None) -> None:
        self.uit = uit
        self.bladwijzers = bladwijzers or {}  # bookmark name (lower case) -> ID, from compose's record
        self.tabellen = 0
        self.actief: dict[str, str] = {}
        self.geopend: dict[str, int] = {}  # bookmark name -> number of the paragraph it opened in
        self.alineas = 0  # paragraphs read
        self.einden: set[str] = set()  # names of the bookmark ends in the part being read
        self.p_ankers: dict[str, None] = {}
        self.noten: list[Any] = []
        self.uniek = False  # headers and footers: every text once
        self.in_bijlagen = False  # past compose's annex bookmark: not draft text

    def container(self, el: Any, soort: str, tabel: tuple[int, int, int] | None) -> None:
        for child in el:
            tag = child.tag
            if tag in (_T.p, _T.h):
                self.alinea(child, soort, tabel)
            elif tag == _T.table:
                self.tabel(child, soort)
            elif tag in _T.skip or not isinstance(tag, str):
                continue
            else:  # text:list, list-item, section, index bodies, draw:frame …
                self.container(child, soort, tabel)

    def tabel(self, tbl: Any, soort: str) -> None:
        self.tabellen += 1
        nummer = self.tabellen
        for rij, tr in enumerate(self.rijen(tbl), start=1):
            kolom = 1
            for tc in tr:
                if tc.tag not in (_T.cell, _T.covered):
                    continue
                herhaald = tc.get(_T.repeat) or "1"
                if tc.tag == _T.cell:
                    self.container(tc, "tabel" if soort == "alinea" else soort, (nummer, rij, kolom))
                kolom += max(1, min(_getal(herhaald) or 1, 1024))

    def rijen(self, el: Any) -> Iterator[Any]:
        """The rows of a table, also inside header-rows, rows and row-groups."""
        for child in el:
            if child.tag == _T.row:
                yield child
            elif child.tag in _T.rijgroepen:
                yield from self.rijen(child)

    def alinea(self, p: Any, soort: str, tabel: tuple[int, int, int] | None) -> None:
        buf: list[str] = []
        vakken: list[Any] = []
        self.alineas += 1
        if self.actief:
            _verlopen(self.actief, self.geopend, self.alineas)
        self.p_ankers = dict.fromkeys(self.actief.values())
        self.inline(p, buf, vakken)
        tekst = "".join(buf)
        if self.in_bijlagen and soort in ("alinea", "tabel", "tekstvak", "voetnoot"):
            return
        self.uit.add(tekst, soort, tabel=tabel, ankers=self.p_ankers, uniek=self.uniek,
                     kop=p.tag == _T.h and soort == "alinea" and tabel is None)
        for vak in vakken:
            self.container(vak, "tekstvak", None)
        noten, self.noten = self.noten, []
        for note in noten:
            self.container(note, "voetnoot", None)

    def bladwijzer(self, el: Any, begin: bool, einde: bool) -> None:
        naam = el.get(_T.name) or ""
        if begin and naam.lower() == BIJLAGEN_BLADWIJZER:
            self.in_bijlagen = True
            return
        crit = criterium_van_bladwijzer(naam, self.bladwijzers)
        if crit is None:
            return
        if begin:
            # Never closed: only this paragraph (see _DocxLezer.verhaal).
            if einde or (naam in self.einden and len(self.actief) < _MAX_OPEN_ANKERS):
                self.actief[naam] = crit
                self.geopend[naam] = self.alineas
            self.p_ankers[crit] = None
        if einde:
            self.actief.pop(naam, None)

    def inline(self, el: Any, buf: list[str], vakken: list[Any]) -> None:
        if el.text:
            buf.append(el.text)
        for child in el:
            tag = child.tag
            if tag == _T.s:
                aantal = child.get(_T.c) or "1"
                buf.append(" " * min(_getal(aantal) or 1, 100))
            elif tag in (_T.tab, _T.lb):
                buf.append(" ")
            elif tag == _T.note:
                body = child.find(_T.body)
                if body is not None:
                    self.noten.append(body)
            elif tag == _T.bm:  # a bookmark at one point
                self.bladwijzer(child, True, True)
            elif tag == _T.bm_start:
                self.bladwijzer(child, True, False)
            elif tag == _T.bm_end:
                self.bladwijzer(child, False, True)
            elif tag == _T.frame:
                vakken.extend(child.iter(_T.textbox))
            elif tag in _T.skip or not isinstance(tag, str):
                pass
            else:  # text:span, text:a, fields (their text is what is shown), text:meta …
                self.inline(child, buf, vakken)
            if child.tail:
                buf.append(child.tail)


def read_odt(naam: str, data: bytes) -> Concept:
    z = _Zip(naam, data, "OpenDocument-tekstbestand")
    if "mimetype" in z:
        mimetype = z.read("mimetype").decode("ascii", errors="replace").strip()
        if mimetype and not mimetype.startswith("application/vnd.oasis.opendocument.text"):
            raise ConceptFout(naam, f"dit is geen OpenDocument-tekst maar '{mimetype}'.")
    elif "word/document.xml" in z:
        raise ConceptFout(naam, "dit is een Word-document, geen OpenDocument-tekst; geef het de extensie .docx.")
    if "content.xml" not in z:
        raise ConceptFout(naam, "dit is geen OpenDocument-tekst: het archief bevat geen content.xml.")
    if "META-INF/manifest.xml" in z and b"encryption-data" in z.read("META-INF/manifest.xml"):
        raise ConceptFout(naam, "het document is versleuteld (met een wachtwoord beveiligd). "
                                "Sla het op zonder wachtwoord en probeer opnieuw.")
    content_data = z.read("content.xml")
    root = _parse_xml(naam, "content.xml", content_data)
    text = root.find(f"{_odf('office', 'body')}/{_odf('office', 'text')}")
    if text is None:
        raise ConceptFout(naam, "content.xml bevat geen tekstdocument (office:text ontbreekt).")
    styles = z.xml("styles.xml") if "styles.xml" in z else None
    selectie = None
    if "meta.xml" in z:
        meta = z.xml("meta.xml")
        props = {el.get(_odf("meta", "name")): el.text or "" for el in meta.iter(_odf("meta", "user-defined"))}
        selectie = _selectie_uit_eigenschappen(props)
    aantal = sum(1 for deel in (root, styles) if deel is not None for _ in deel.iter(_T.bm, _T.bm_start))
    if aantal > limieten.BLADWIJZERS.waarde():
        raise _te_veel(naam, limieten.BLADWIJZERS, aantal)
    namen = selectie.get("bladwijzers") if selectie else None
    # Bookmarks that cannot be inverted (wet-…, pe-…, shortened names) are known from the record.
    bladwijzers = {str(v).lower(): str(k) for k, v in namen.items() if v} if isinstance(namen, dict) else {}
    uit = _Uitvoer(naam)
    # No page numbers: LibreOffice's soft page breaks are often stale (a converted document had
    # 38 of them for 88 pages), and a wrong page sends the reader to the wrong place.
    lezer = _OdtLezer(uit, bladwijzers)
    lezer.einden = {el.get(_T.name) or "" for el in root.iter(_T.bm_end)}
    lezer.container(text, "alinea", None)
    if styles is not None:
        lezer.uniek = True
        lezer.einden = {el.get(_T.name) or "" for el in styles.iter(_T.bm_end)}
        for page in styles.iter(_odf("style", "master-page")):
            for soort, namen in (("koptekst", ("header", "header-first", "header-left")),
                                 ("voettekst", ("footer", "footer-first", "footer-left"))):
                for element in namen:
                    for part in page.iterfind(_odf("style", element)):
                        lezer.actief = {}
                        lezer.container(part, soort, None)
    return _concept(naam, "odt", uit.blokken, selectie)

