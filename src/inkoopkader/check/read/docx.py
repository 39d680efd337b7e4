"""Reading .docx drafts: WordprocessingML walked directly, in document order.

Every paragraph a reader sees: body paragraphs, table cells (nested tables too; one block per
paragraph in a cell), content controls, tracked insertions (never deletions), field results (never
field instructions), text boxes, then the headers and footers of every section (each text once) and
the footnotes and endnotes. python-docx's `paragraphs` misses most of these. Page numbers are
approximate: they count the page breaks Word recorded when it last laid the document out
(``w:lastRenderedPageBreak``), hard page breaks and section breaks; a document without any of those
gets no page numbers. Both the transitional and the strict namespace are read.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ... import limieten
from ...anchors import BIJLAGEN_BLADWIJZER
from ..model import Concept
from .record import (
    _MAX_OPEN_ANKERS,
    _record_xml,
    _selectie_uit_eigenschappen,
    _verlopen,
    criterium_van_bladwijzer,
)
from .veilig import ConceptFout, _concept, _getal, _numeriek, _parse_xml, _te_veel, _Uitvoer, _Zip

_KOPSTIJL = re.compile(r"(?:heading|kop|title|titel|ondertitel|subtitle)\s?\d*$", re.IGNORECASE)

_W_NS = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
         "http://purl.oclc.org/ooxml/wordprocessingml/main")  # transitional, strict
_R_NS = {_W_NS[0]: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
         _W_NS[1]: "http://purl.oclc.org/ooxml/officeDocument/relationships"}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_UIT = {"0", "false", "off"}


class _W:
    """Clark-notation tag names for one WordprocessingML namespace (transitional or strict)."""

    def __init__(self, ns: str) -> None:
        w = f"{{{ns}}}"
        self.p = w + "p"
        self.r = w + "r"
        self.t = w + "t"
        self.tab = w + "tab"
        self.ptab = w + "ptab"
        self.br = w + "br"
        self.cr = w + "cr"
        self.noBreakHyphen = w + "noBreakHyphen"
        self.fldChar = w + "fldChar"
        self.fldSimple = w + "fldSimple"
        self.ins = w + "ins"
        self.moveTo = w + "moveTo"
        self.moveFrom = w + "moveFrom"
        self.hyperlink = w + "hyperlink"
        self.smartTag = w + "smartTag"
        self.customXml = w + "customXml"
        self.sdt = w + "sdt"
        self.sdtContent = w + "sdtContent"
        self.dir = w + "dir"
        self.bdo = w + "bdo"
        self.bookmarkStart = w + "bookmarkStart"
        self.bookmarkEnd = w + "bookmarkEnd"
        self.tbl = w + "tbl"
        self.tr = w + "tr"
        self.tc = w + "tc"
        self.trPr = w + "trPr"
        self.tcPr = w + "tcPr"
        self.gridSpan = w + "gridSpan"
        self.pPr = w + "pPr"
        self.pStyle = w + "pStyle"
        self.outlineLvl = w + "outlineLvl"
        self.rPr = w + "rPr"
        self.vanish = w + "vanish"
        self.pageBreakBefore = w + "pageBreakBefore"
        self.sectPr = w + "sectPr"
        self.lastRenderedPageBreak = w + "lastRenderedPageBreak"
        self.drawing = w + "drawing"
        self.pict = w + "pict"
        self.object = w + "object"
        self.txbxContent = w + "txbxContent"
        self.body = w + "body"
        self.headerReference = w + "headerReference"
        self.footerReference = w + "footerReference"
        self.footnote = w + "footnote"
        self.endnote = w + "endnote"
        self.ruby = w + "ruby"
        self.rubyBase = w + "rubyBase"
        self.del_ = w + "del"  # 'del' is a Python keyword
        self.val = w + "val"
        self.id = w + "id"
        self.name = w + "name"
        self.fldCharType = w + "fldCharType"
        self.w_type = w + "type"
        self.altContent = _MC + "AlternateContent"
        self.choice = _MC + "Choice"
        self.fallback = _MC + "Fallback"
        self.om_t = _M + "t"
        self.om_math = _M + "oMath"
        self.om_para = _M + "oMathPara"
        self.transparent = {self.ins, self.moveTo, self.hyperlink, self.smartTag, self.customXml,
                            self.fldSimple, self.dir, self.bdo, self.sdtContent}
        self.tekenbeelden = {self.drawing, self.pict, self.object, self.altContent}


def _aan(el: Any, val: str) -> bool:
    """An OOXML on/off property: present and not switched off."""
    return el is not None and (el.get(val) or "true").lower() not in _UIT


def _pad_van(basis: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(basis), target))


def _relaties(z: _Zip, part: str) -> dict[str, tuple[str, str]]:
    """rId -> (relationship type, part name) of one part; external targets left out."""
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels not in z:
        return {}
    root = z.xml(rels)
    result = {}
    for rel in root.iter(f"{_REL}Relationship"):
        if (rel.get("TargetMode") or "").lower() == "external":
            continue
        rid, target = rel.get("Id"), rel.get("Target")
        if rid and target:
            result[rid] = (rel.get("Type") or "", _pad_van(part, target))
    return result


def _hoofddocument(z: _Zip) -> str:
    for soort, part in _relaties(z, "").values():
        if soort.endswith("/officeDocument") and part in z:
            return part
    if "word/document.xml" in z:
        return "word/document.xml"
    if "content.xml" in z and "mimetype" in z:
        raise ConceptFout(z.naam, "dit is een OpenDocument-bestand, geen Word-document; geef het de extensie .odt.")
    raise ConceptFout(z.naam, "dit is geen Word-document: het archief bevat geen word/document.xml.")


class _DocxLezer:
    """Walks WordprocessingML in document order and emits blocks."""

    def __init__(self, w: _W, uit: _Uitvoer, bladwijzers: Mapping[str, str], met_paginas: bool,
                 sectietypen: list[str]) -> None:
        self.w = w
        self.uit = uit
        self.bladwijzers = bladwijzers
        self.met_paginas = met_paginas
        self.sectietypen = sectietypen
        self.sectie = 0
        self.pagina = 1
        self.vers = True  # no visible text since the last page break: a rendered break repeats it
        self.tabellen = 0
        self.velden: list[bool] = []  # per open complex field: are we in its result yet?
        self.in_code = 0  # open fields still in their instruction part: text is shown only at 0
        self.actief: dict[str, str] = {}  # bookmark w:id -> criterion ID
        self.geopend: dict[str, int] = {}  # bookmark w:id -> number of the paragraph it opened in
        self.alineas = 0  # paragraphs read
        self.einden: set[str] = set()  # w:id of every bookmark end in the current story
        self.p_ankers: dict[str, None] = {}
        self.p_pagina: int | None = None
        self.uniek = False  # headers and footers: every text once
        # compose's annexes begin at the paragraph with this bookmark: from there on, the body is not draft text.
        self.bijlagen_naam = BIJLAGEN_BLADWIJZER
        self.in_bijlagen = False

    # stories

    def verhaal(self, root: Any, soort: str, *, uniek: bool = False) -> None:
        """A story (body, header, footnote …): fields and bookmarks do not cross its borders."""
        self.velden, self.in_code, self.actief, self.uniek = [], 0, {}, uniek
        # A bookmark that is never closed marks only the paragraph where it starts: carrying it to
        # every later paragraph would cost paragraphs x bookmarks (5,000 of them took 51 s).
        self.einden = {el.get(self.w.id) or "" for el in root.iter(self.w.bookmarkEnd)}
        self.in_bijlagen = False
        self.container(root, soort, None)

    def container(self, el: Any, soort: str, tabel: tuple[int, int, int] | None) -> None:
        w = self.w
        wachtend: list[Any] = []  # paragraphs whose mark was deleted: they join the next one
        for child in el:
            tag = child.tag
            if tag == w.p:
                wachtend.append(child)
                ppr = child.find(w.pPr)
                rpr = ppr.find(w.rPr) if ppr is not None else None
                if rpr is not None and (rpr.find(w.del_) is not None or rpr.find(w.moveFrom) is not None):
                    continue
                self.alinea(wachtend, soort, tabel)
                wachtend = []
            elif tag == w.tbl:
                self.tabel(child, soort)
            elif tag == w.sdt:
                content = child.find(w.sdtContent)
                if content is not None:
                    self.container(content, soort, tabel)
            elif tag in (w.customXml, w.sdtContent, w.ins, w.moveTo):
                self.container(child, soort, tabel)
            elif tag == w.bookmarkStart:
                self.start(child)
            elif tag == w.bookmarkEnd:
                self.actief.pop(child.get(w.id), None)
            elif tag == w.altContent:
                tak = _keuze(child, w)
                if tak is not None:
                    self.container(tak, soort, tabel)
        if wachtend:
            self.alinea(wachtend, soort, tabel)

    def tabel(self, tbl: Any, soort: str) -> None:
        w = self.w
        self.tabellen += 1
        nummer = self.tabellen
        for rij, tr in enumerate(_onder(tbl, w.tr, w), start=1):
            trpr = tr.find(w.trPr)
            if trpr is not None and (trpr.find(w.del_) is not None):
                continue  # a deleted row (tracked change)
            kolom = 1
            for tc in _onder(tr, w.tc, w):
                span = 1
                tcpr = tc.find(w.tcPr)
                if tcpr is not None:
                    grid = tcpr.find(w.gridSpan)
                    if grid is not None:
                        span = max(1, _getal(grid.get(w.val)) or 1)
                self.container(tc, "tabel" if soort == "alinea" else soort, (nummer, rij, kolom))
                kolom += span

    def alinea(self, paragrafen: list[Any], soort: str, tabel: tuple[int, int, int] | None) -> None:
        w = self.w
        buf: list[str] = []
        vakken: list[Any] = []
        self.alineas += 1
        if self.actief:
            _verlopen(self.actief, self.geopend, self.alineas)
        self.p_ankers = dict.fromkeys(self.actief.values()) if self.actief else {}
        self.p_pagina = None
        secties = []
        for p in paragrafen:
            ppr = p.find(w.pPr)
            if ppr is not None:
                if _aan(ppr.find(w.pageBreakBefore), w.val):
                    self.nieuwe_pagina(hard=True)
                sect = ppr.find(w.sectPr)
                if sect is not None:
                    secties.append(sect)
            self.inline(p, buf, vakken)
            buf.append(" ")
        pagina = (self.p_pagina or self.pagina) if self.met_paginas and soort in ("alinea", "tabel") else None
        tekst = "".join(buf)
        if not self.in_bijlagen:
            kop = soort == "alinea" and tabel is None and self.is_kop(paragrafen[-1])
            self.uit.add(tekst, soort, pagina=pagina, tabel=tabel, ankers=self.p_ankers, uniek=self.uniek, kop=kop)
        for _ in secties:
            # A section break starts a new page unless the next section is 'continuous'.
            self.sectie += 1
            volgende = self.sectietypen[self.sectie] if self.sectie < len(self.sectietypen) else "nextPage"
            if volgende != "continuous":
                self.nieuwe_pagina(hard=True)
        for vak in vakken:
            self.container(vak, "tekstvak", None)

    def is_kop(self, p: Any) -> bool:
        """A heading: a heading style (Heading 1, Kop 2, Title …) or an outline level."""
        ppr = p.find(self.w.pPr)
        if ppr is None:
            return False
        stijl = ppr.find(self.w.pStyle)
        if stijl is not None and _KOPSTIJL.match(stijl.get(self.w.val) or ""):
            return True
        niveau = ppr.find(self.w.outlineLvl)
        return niveau is not None and (_getal(niveau.get(self.w.val)) or 9) < 9

    def nieuwe_pagina(self, *, hard: bool) -> None:
        # Word records a rendered break right after a hard one; count such a pair once.
        if hard or not self.vers:
            self.pagina += 1
        self.vers = True

    def tekst(self, tekst: str, buf: list[str]) -> None:
        buf.append(tekst)
        if tekst and not tekst.isspace():  # visible text: the page it is on, and the page is no longer new
            if self.p_pagina is None:
                self.p_pagina = self.pagina
            self.vers = False

    def start(self, el: Any) -> None:
        if (el.get(self.w.name) or "").lower() == self.bijlagen_naam:
            self.in_bijlagen = True
            return
        crit = criterium_van_bladwijzer(el.get(self.w.name) or "", self.bladwijzers)
        if crit:
            ident = el.get(self.w.id) or ""
            if ident in self.einden and len(self.actief) < _MAX_OPEN_ANKERS:
                self.actief[ident] = crit
                self.geopend[ident] = self.alineas
            self.p_ankers[crit] = None

    def inline(self, el: Any, buf: list[str], vakken: list[Any]) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if tag == w.r:
                self.run(child, buf, vakken)
            elif tag in w.transparent:
                self.inline(child, buf, vakken)
            elif tag == w.sdt:
                content = child.find(w.sdtContent)
                if content is not None:
                    self.inline(content, buf, vakken)
            elif tag == w.bookmarkStart:
                self.start(child)
            elif tag == w.bookmarkEnd:
                self.actief.pop(child.get(w.id), None)
            elif tag == w.altContent:
                tak = _keuze(child, w)
                if tak is not None:
                    self.inline(tak, buf, vakken)
            elif tag in (w.om_para, w.om_math):
                if not self.in_code:
                    buf.append(" " + "".join(t.text or "" for t in child.iter(w.om_t)) + " ")
            elif tag == w.ruby:
                base = child.find(w.rubyBase)
                if base is not None:
                    self.inline(base, buf, vakken)
            # w:del, w:moveFrom (deleted text), w:pPr, w:proofErr, comments …: not shown

    def run(self, r: Any, buf: list[str], vakken: list[Any]) -> None:
        w = self.w
        rpr = r.find(w.rPr)
        verborgen = rpr is not None and _aan(rpr.find(w.vanish), w.val)
        for child in r:
            tag = child.tag
            if tag == w.t:
                if not verborgen and not self.in_code:
                    self.tekst(child.text or "", buf)
            elif tag in (w.tab, w.ptab, w.cr):
                buf.append(" ")
            elif tag == w.br:
                buf.append(" ")
                if child.get(w.w_type) == "page":
                    self.nieuwe_pagina(hard=True)
            elif tag == w.lastRenderedPageBreak:
                self.nieuwe_pagina(hard=False)
            elif tag == w.noBreakHyphen:
                if not self.in_code:
                    buf.append("-")
            elif tag == w.fldChar:
                # A counter of fields still in their instruction, not all() over the open fields:
                # 80,000 fields that never end made that quadratic.
                soort = child.get(w.fldCharType)
                if soort == "begin":
                    self.velden.append(False)
                    self.in_code += 1
                elif soort == "separate" and self.velden and not self.velden[-1]:
                    self.velden[-1] = True
                    self.in_code -= 1
                elif soort == "end" and self.velden and not self.velden.pop():
                    self.in_code -= 1
            elif tag in w.tekenbeelden:
                vakken.extend(_tekstvakken(child, w))
            # w:instrText (field code), w:delText, w:sym, w:footnoteReference …: not shown as text


def _onder(el: Any, tag: str, w: _W) -> Iterator[Any]:
    """Children with `tag`, looking through content controls and custom XML (rows, cells)."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (w.sdt, w.customXml, w.sdtContent, w.ins, w.moveTo):
            inner = child.find(w.sdtContent) if child.tag == w.sdt else child
            if inner is not None:
                yield from _onder(inner, tag, w)


def _keuze(alt: Any, w: _W) -> Any:
    """The branch of mc:AlternateContent to read: the first Choice, else the Fallback (never both)."""
    tak = alt.find(w.choice)
    return tak if tak is not None else alt.find(w.fallback)


def _tekstvakken(el: Any, w: _W) -> Iterator[Any]:
    """w:txbxContent elements in a drawing; of mc:AlternateContent only one branch (no duplicates)."""
    if el is None:
        return
    if el.tag == w.txbxContent:
        yield el
        return
    if el.tag == w.altContent:
        yield from _tekstvakken(_keuze(el, w), w)
        return
    for child in el:
        yield from _tekstvakken(child, w)


def read_docx(naam: str, data: bytes) -> Concept:
    z = _Zip(naam, data, "Word-document")
    hoofd = _hoofddocument(z)
    hoofd_data = z.read(hoofd)
    root = _parse_xml(naam, hoofd, hoofd_data)
    ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if ns not in _W_NS:
        raise ConceptFout(naam, f"'{hoofd}' is geen WordprocessingML (Word-document).")
    w = _W(ns)
    r_id = f"{{{_R_NS[ns]}}}id"
    body = root.find(w.body)
    if body is None:
        raise ConceptFout(naam, f"'{hoofd}' bevat geen documenttekst (w:body ontbreekt).")
    tellers = _DocxTellers(naam, w)
    tellers.tel(root)

    selectie = _docx_selectie(z)
    namen = selectie.get("bladwijzers") if selectie else None
    # bookmark name (lower case) -> criterion ID, as compose recorded it
    bladwijzers = {str(v).lower(): str(k) for k, v in namen.items() if v} if isinstance(namen, dict) else {}
    secties = [s for s in body.iter(w.sectPr) if s.getparent().tag in (w.pPr, w.body)]
    typen = []
    for sect in secties:
        el = sect.find(w.w_type)
        typen.append((el.get(w.val) if el is not None else None) or "nextPage")
    # Page numbers only where Word laid the document out: hard breaks alone ('page 7' in a document
    # whose chapters merely start on a new page) would point the reader to the wrong page.
    met_paginas = b"lastRenderedPageBreak" in hoofd_data

    uit = _Uitvoer(naam)
    lezer = _DocxLezer(w, uit, bladwijzers, met_paginas, typen)
    bijlagen = selectie.get("bijlagen") if selectie else None
    if isinstance(bijlagen, str) and bijlagen.strip():
        lezer.bijlagen_naam = bijlagen.strip().lower()
    lezer.verhaal(body, "alinea")

    rels = _relaties(z, hoofd)
    gezien: set[str] = set()
    for soort, ref_tag in (("koptekst", w.headerReference), ("voettekst", w.footerReference)):
        for sect in secties:
            for ref in sect.iter(ref_tag):
                rel = rels.get(ref.get(r_id) or "")
                if rel is None or rel[1] in gezien or rel[1] not in z:
                    continue
                gezien.add(rel[1])
                lezer.verhaal(tellers.tel(z.xml(rel[1])), soort, uniek=True)
    for soort_rel, tag in (("/footnotes", w.footnote), ("/endnotes", w.endnote)):
        for soort, part in rels.values():
            if soort.endswith(soort_rel) and part in z and part not in gezien:
                gezien.add(part)
                for note in tellers.tel(z.xml(part)).iter(tag):
                    if (note.get(w.w_type) or "normal") == "normal":
                        lezer.verhaal(note, "voetnoot")
    return _concept(naam, "docx", uit.blokken, selectie)


class _DocxTellers:
    """Counts bookmarks and fields over every story of a .docx, against their limits, before a
    story is walked."""

    def __init__(self, naam: str, w: _W) -> None:
        self.naam, self.w = naam, w
        self.bladwijzers = self.velden = 0

    def tel(self, root: Any) -> Any:
        w = self.w
        self.bladwijzers += sum(1 for _ in root.iter(w.bookmarkStart))
        self.velden += sum(1 for el in root.iter(w.fldChar, w.fldSimple)
                           if el.tag == w.fldSimple or el.get(w.fldCharType) == "begin")
        for aantal, limiet, wat in ((self.bladwijzers, limieten.BLADWIJZERS, "bladwijzers"),
                                    (self.velden, limieten.VELDEN, "velden")):
            if aantal > limiet.waarde():
                raise _te_veel(self.naam, limiet, aantal)
        return root


def _docx_selectie(z: _Zip) -> dict[str, object] | None:
    """What compose recorded (custom XML part, else custom properties).

    Read from the already checked archive with the safe parser. A damaged record is ignored: the
    draft is still checked, only not against its own selection. A DOCTYPE is refused as everywhere.
    """
    from ...anchors import NAMESPACE

    ns = f"{{{NAMESPACE}}}"
    items = sorted((n for n in z.names() if re.fullmatch(r"customXml/item\d+\.xml", n)),
                   key=lambda n: _numeriek(re.sub(r"\D", "", n)))
    for name in items:
        data = z.read(name)
        if NAMESPACE.encode() not in data:
            continue
        root = _record_xml(z, name, data)
        if root is None or root.tag != f"{ns}selectie":
            continue
        from ...anchors import read_record

        return read_record(root, _getal)
    if "docProps/custom.xml" in z:
        root = _record_xml(z, "docProps/custom.xml", z.read("docProps/custom.xml"))
        if root is None:
            return None
        props = {p.get("name"): (p[0].text or "") if len(p) else "" for p in root}
        return _selectie_uit_eigenschappen(props)
    return None

