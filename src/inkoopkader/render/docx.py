"""Word (.docx): the tender document, with real styles, numbering, fields and anchors.

The document is built on python-docx's default package, or on a house-style template (`sjabloon`,
.docx or .dotx). It lays out a `inkoopkader.document.Document` and decides nothing about content:
a title page, a table of contents, the body sections (numbered headings), then the annexes
(unnumbered, each on a new page) when the document has them.

What a house-style template can restyle: every paragraph carries a named style. Built-in Word
styles are used where Word has one (Title, Subtitle, heading 1-4, TOC Heading, toc 1-3, List
Number, List Bullet, List Bullet 2-4, List Continue, header, footer); the document adds its own
"Eis" (a numbered requirement: number, tab, text), "Bewijs" (how compliance is shown), "Bron" (the
small source line), "Toelichting" (notes from the source), "Actualiteit" (a notice the inkoper must
act on), "Titelgegevens", "Tabeltekst" and the table style "Inkoopkader tabel". Styles are found in
a template by their name, case-insensitively (never by styleId: Dutch Word calls Heading 1 'Kop1');
what the template lacks is added. Lists are real Word numbering (numbering.xml).

Machine-readable anchors (for `inkoopkader check` and other tools), written as `inkoopkader.anchors`
describes: a bookmark ``ik_<id>`` around every requirement and award aspect, ``ik_bijlagen`` on the
first annex heading, a custom XML record of the selection and custom document properties.
`read_selectie` reads them back.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import uuid
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import framing
from ..anchors import BIJLAGEN_BLADWIJZER, NAMESPACE, bladwijzer_naam
from ..document import Alinea, Aspect, Document, Eis, Opsomming, Sectie, Tabel, Toelichting, Vraag
from ..errors import InkoopkaderError
from ..model import Item
from ..text import markup_runs, strip_markup

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["NAMESPACE", "bladwijzer_naam", "read_selectie", "render"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W_NS}}}"
_CUSTOM_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = ("application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml")

_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december")

# Indentation (twips) shared by numbering levels and styles, so that everything that belongs to a
# criterion lines up under its text.
_IND_TEXT = 425
_IND_STEP = 284
_IND_BOX = 567
_IND_EIS = 709


# --- small XML helpers --------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _esc(text: str) -> str:
    """Escape for XML text and attribute values; drop characters XML 1.0 does not allow."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return _CONTROL.sub("", text)


def _t(text: str) -> str:
    """Text as run content; newlines become line breaks, tabs real tabs."""
    if "\n" not in text and "\t" not in text:
        return f'<w:t xml:space="preserve">{_esc(text)}</w:t>'
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
    return "".join(parts)


def _run(text: str, bold: bool = False, italic: bool = False) -> str:
    if not text:
        return ""
    if bold or italic:
        rpr = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
        return f"<w:r><w:rPr>{rpr}</w:rPr>{_t(text)}</w:r>"
    return f"<w:r>{_t(text)}</w:r>"


def _runs(text: str, bold: bool = False) -> str:
    """Inline `**vet**` / `*cursief*` markup as real bold and italic runs (never asterisks)."""
    if "*" not in text:
        return _run(text, bold)
    return "".join(_run(fragment, bold or b, i) for fragment, b, i in markup_runs(text))


def _field(instr: str, cached: str = "", dirty: bool = False) -> str:
    flag = ' w:dirty="true"' if dirty else ""
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"{flag}/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {_esc(instr)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{_run(cached)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _groep(groep: tuple[str, ...]) -> str:
    """The source's sub-headings of a criterion, without inline markup: 'A › B › C'."""
    return " › ".join(strip_markup(g) for g in groep)


def _datum(datum: dt.date) -> str:
    return f"{datum.day} {_MAANDEN[datum.month - 1]} {datum.year}"


# --- opening the base document ----------------------------------------------------------------


def _open(sjabloon: str | os.PathLike[str] | None) -> DocxDocument:
    """The base document: python-docx's default, or a house-style template checked like a draft.

    A template is a file a gemeente passes around, so it gets the defences of `check`'s reader:
    the size limit (`limieten.SJABLOON`), the zip checks (bombs, encrypted or unsupported entries),
    a body that must exist, and no external template attached to it (Word would fetch a remote
    .dotm for every composed document).
    """
    from docx import Document

    if sjabloon is None:
        return Document()
    if not isinstance(sjabloon, (str, os.PathLike)):
        from ..errors import ArgumentFout

        raise ArgumentFout(f"sjabloon moet een pad zijn (str of Path), niet {type(sjabloon).__name__}.")
    pad = Path(sjabloon)
    data = _read_sjabloon(pad)
    data = _als_document(pad, data)
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a variety of errors for broken packages
        raise InkoopkaderError(
            f"Het sjabloon '{pad}' kan niet als Word-document worden geopend ({type(exc).__name__}: {exc})."
        ) from None
    if document.element.body is None:
        raise InkoopkaderError(f"Het sjabloon '{pad}' bevat geen documenttekst (w:body ontbreekt); "
                               "sla het opnieuw op in Word.")
    _zonder_extern_sjabloon(document)
    return document


def _read_sjabloon(pad: Path) -> bytes:
    """The template's bytes: a regular file within the size limit (read without blocking)."""
    import stat

    from .. import limieten

    grens = limieten.SJABLOON.waarde()
    try:
        if not pad.exists():
            raise InkoopkaderError(f"Het sjabloon '{pad}' bestaat niet.")
        if pad.is_dir():
            raise InkoopkaderError(f"Het sjabloon '{pad}' is geen bestand.")
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InkoopkaderError(f"Het sjabloon '{pad}' is geen bestand.")
            if info.st_size > grens:
                raise InkoopkaderError(f"Het sjabloon '{pad}' is te groot ({info.st_size // (1024 * 1024)} MB); "
                                       f"{limieten.SJABLOON.uitleg()}.")
            data = handle.read(grens + 1)
    except OSError as exc:
        reden = exc.strerror or exc
        raise InkoopkaderError(f"Het sjabloon '{pad}' kan niet worden gelezen: {reden}.") from None
    if len(data) > grens:
        raise InkoopkaderError(f"Het sjabloon '{pad}' is te groot; {limieten.SJABLOON.uitleg()}.")
    return data


def _als_document(pad: Path, data: bytes) -> bytes:
    """Check the template is a Word package; turn a .dotx into a .docx (content type) in memory.

    The archive is opened with the checks of `check`'s readers (check.read.veilig._Zip): its directory is
    checked for bombs before anything is decompressed, and every part is read with a size cap.
    """
    from ..check.read.veilig import ConceptFout, _Zip

    geen_word = f"Het sjabloon '{pad}' is geen Word-document of -sjabloon (.docx of .dotx)"
    if not data.startswith(b"PK"):
        raise InkoopkaderError(f"{geen_word}.")
    try:
        archive = _Zip(str(pad), data, "Word-sjabloon")
        if "[Content_Types].xml" not in archive:
            raise InkoopkaderError(f"{geen_word}.")
        types = archive.read("[Content_Types].xml").decode("utf-8")
    except ConceptFout as exc:
        raise InkoopkaderError(f"Het sjabloon {exc}") from None
    except UnicodeDecodeError:
        raise InkoopkaderError(f"{geen_word}.") from None
    if any(kind in types for kind in _MACRO_TYPES):
        raise InkoopkaderError(
            f"Het sjabloon '{pad}' bevat macro's (.dotm/.docm). Sla het in Word op als .dotx of .docx."
        )
    if _TEMPLATE_MAIN not in types:
        if _DOCUMENT_MAIN not in types:
            raise InkoopkaderError(f"{geen_word}: er is geen hoofddocument in gevonden.")
        return data
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for naam in archive.names():
                content = archive.read(naam)
                if naam == "[Content_Types].xml":
                    content = types.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN).encode("utf-8")
                target.writestr(archive.infos[naam], content)
    except ConceptFout as exc:
        raise InkoopkaderError(f"Het sjabloon {exc}") from None
    return out.getvalue()


_ATTACHED_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"


def _zonder_extern_sjabloon(document: DocxDocument) -> None:
    """Remove the template's own attached template (w:attachedTemplate and its relationship).

    In a composed document it would point Word at a file on the gemeente's network, or at a remote
    macro template an attacker placed there ('template injection'); the composed document needs none.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = document.part.part_related_by(RT.SETTINGS)
    except KeyError:  # no settings part: nothing attached
        return
    element = part.element
    for attached in element.findall(f"{_W}attachedTemplate"):
        element.remove(attached)
    for rid, rel in list(part.rels.items()):
        if rel.reltype == _ATTACHED_TEMPLATE:
            part.rels.pop(rid)


# --- styles -------------------------------------------------------------------------------------

# name (as Word stores it) -> (type, basedOn name, next name, pPr, rPr).
_COLOR_DARK = "1F3864"
_COLOR_MID = "2F5496"


def _spacing(before: int | None = None, after: int | None = None, line: int | None = None) -> str:
    attrs = [f'w:{key}="{value}"' for key, value in (("before", before), ("after", after), ("line", line))
             if value is not None]
    if line is not None:
        attrs.append('w:lineRule="auto"')
    return f"<w:spacing {' '.join(attrs)}/>"


def _font(size: int, color: str | None = None, bold: bool = False) -> str:
    """rPr content: bold, colour and size in half-points, in schema order."""
    return (("<w:b/><w:bCs/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color else "")
            + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')


def _ind(left: int, hanging: int = 0, right: int = 0) -> str:
    return (f'<w:ind w:left="{left}"' + (f' w:right="{right}"' if right else "")
            + (f' w:hanging="{hanging}"' if hanging else "") + "/>")


def _heading(level: int, before: int, after: int, size: int, color: str) -> tuple[str, str, str, str, str]:
    ppr = f'<w:keepNext/><w:keepLines/>{_spacing(before, after, 240)}<w:outlineLvl w:val="{level - 1}"/>'
    return ("paragraph", "Normal", "Normal", ppr, _font(size, color, bold=True))


def _box(border: str, fill: str, spacing: str) -> str:
    return (f"<w:pBdr>{border}</w:pBdr>"
            f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>{spacing}{_ind(_IND_BOX, right=113)}')


_NOTE_BORDER = '<w:left w:val="single" w:sz="18" w:space="6" w:color="8EAADB"/>'
_WARNING_BORDER = "".join(
    f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="C55A11"/>'
    for side, size, space in (("top", 4, 2), ("left", 24, 6), ("bottom", 4, 2), ("right", 4, 4))
)
_STYLE_SPECS: dict[str, tuple[str, str | None, str | None, str, str]] = {
    "Normal": ("paragraph", None, None, _spacing(after=120, line=264),
               '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>' + _font(20)),
    "Title": ("paragraph", "Normal", "Normal", _spacing(2400, 240, 240) + "<w:contextualSpacing/>",
              f'<w:b/><w:bCs/><w:color w:val="{_COLOR_DARK}"/><w:kern w:val="28"/>' + _font(52)),
    "Subtitle": ("paragraph", "Normal", "Normal", _spacing(after=480), _font(30, _COLOR_MID)),
    "heading 1": _heading(1, 480, 160, 32, _COLOR_DARK),
    "heading 2": _heading(2, 320, 120, 25, _COLOR_MID),
    "heading 3": _heading(3, 240, 80, 22, _COLOR_MID),
    "heading 4": _heading(4, 200, 60, 20, _COLOR_DARK),
    "TOC Heading": ("paragraph", "Normal", "Normal", "<w:keepNext/>" + _spacing(after=240),
                    _font(32, _COLOR_DARK, bold=True)),
    "toc 1": ("paragraph", "Normal", "Normal", _spacing(120, 40), "<w:b/><w:bCs/>"),
    "toc 2": ("paragraph", "Normal", "Normal", _spacing(after=20) + _ind(221), ""),
    "toc 3": ("paragraph", "Normal", "Normal", _spacing(after=20) + _ind(442), _font(18)),
    "List Number": ("paragraph", "Normal", None, _spacing(120, 40) + _ind(_IND_TEXT, _IND_TEXT), ""),
    "List Bullet": ("paragraph", "Normal", None, _spacing(after=40) + _ind(_IND_TEXT, _IND_STEP), ""),
    "List Bullet 2": ("paragraph", "Normal", None,
                      _spacing(after=40) + _ind(_IND_TEXT + _IND_STEP, _IND_STEP), ""),
    "List Bullet 3": ("paragraph", "Normal", None,
                      _spacing(after=40) + _ind(_IND_TEXT + 2 * _IND_STEP, _IND_STEP), ""),
    "List Bullet 4": ("paragraph", "Normal", None,
                      _spacing(after=40) + _ind(_IND_TEXT + 3 * _IND_STEP, _IND_STEP), ""),
    "List Continue": ("paragraph", "Normal", None, _spacing(after=60) + _ind(_IND_TEXT), ""),
    "Bron": ("paragraph", "Normal", "Normal", _spacing(after=60) + _ind(_IND_TEXT), _font(15, "6F6F6F")),
    "Eis": ("paragraph", "Normal", None, f'<w:tabs><w:tab w:val="left" w:pos="{_IND_EIS}"/></w:tabs>'
            + _spacing(140, 40) + _ind(_IND_EIS, _IND_EIS), ""),
    "Bewijs": ("paragraph", "Normal", "Normal", _spacing(20, 20) + _ind(_IND_EIS), _font(17, "1F3864")),
    "Toelichting": ("paragraph", "Normal", "Normal", _box(_NOTE_BORDER, "EEF3FA", _spacing(0, 40)),
                    _font(18, "262626")),
    "Actualiteit": ("paragraph", "Normal", "Normal", _box(_WARNING_BORDER, "FBE4D5", _spacing(60, 100)),
                    _font(18, "843C0C")),
    "Titelgegevens": ("paragraph", "Normal", "Normal",
                      '<w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs>'
                      + _spacing(after=80) + _ind(2268, 2268), ""),
    "Tabeltekst": ("paragraph", "Normal", "Tabeltekst", _spacing(0, 0, 240), _font(16)),
    "header": ("paragraph", "Normal", None,
               '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="BFBFBF"/></w:pBdr>'
               + _spacing(after=0), _font(16, "595959")),
    "footer": ("paragraph", "Normal", None, _spacing(after=0), _font(16, "595959")),
}
_TABLE_STYLE = "Inkoopkader tabel"
_TABLE_STYLE_BODY = (
    '<w:tblPr><w:tblBorders>'
    + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
              for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
    '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/></w:rPr>'
    '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr></w:tblStylePr>'
)
_CUSTOM_STYLES = {"Bron", "Toelichting", "Actualiteit", "Titelgegevens", "Tabeltekst", "Eis", "Bewijs"}
_QFORMAT = {"Normal", "Title", "Subtitle", "heading 1", "heading 2", "heading 3", "heading 4",
            "Toelichting", "Actualiteit", "Bron"}


class _Stijlen:
    """Resolves every style the document uses ONCE, by name (case-insensitive), adding what is missing.

    On our own base document the styles are (re)defined to the inkoopkader look; on a template the
    template's styles win and only the missing ones are added.
    """

    def __init__(self, document: DocxDocument, eigen_opmaak: bool) -> None:
        from docx.oxml import parse_xml

        self._parse = parse_xml
        self._root = document.styles.element
        self._eigen = eigen_opmaak
        self._by_name: dict[str, Any] = {}
        self._ids: set[str] = set()
        for el in self._root.iterchildren(f"{_W}style"):
            sid = el.get(f"{_W}styleId") or ""
            self._ids.add(sid)
            name_el = el.find(f"{_W}name")
            if name_el is not None:
                self._by_name.setdefault((name_el.get(f"{_W}val") or "").lower(), el)
        self.ids: dict[str, str] = {}
        for name in _STYLE_SPECS:
            self.ids[name] = self._ensure(name)
        self.ids[_TABLE_STYLE] = self._ensure_table()
        self.heading_style_numbering = (not self._eigen) and self._has_numpr("heading 1")

    def element(self, name: str) -> Any:
        return self._by_name.get(name.lower())

    def _has_numpr(self, name: str) -> bool:
        el = self.element(name)
        return el is not None and el.find(f"{_W}pPr/{_W}numPr") is not None

    def _free_id(self, name: str) -> str:
        base = re.sub(r"[^A-Za-z0-9]", "", name.title()) or "Stijl"
        candidate, n = base, 1
        while candidate in self._ids:
            n += 1
            candidate = f"{base}{n}"
        self._ids.add(candidate)
        return candidate

    def _ensure(self, name: str) -> str:
        kind, based_on, nxt, ppr, rpr = _STYLE_SPECS[name]
        existing = self.element(name)
        if existing is not None and not self._eigen:
            return existing.get(f"{_W}styleId")
        sid = existing.get(f"{_W}styleId") if existing is not None else self._free_id(name)
        parts = [f'<w:style xmlns:w="{W_NS}" w:type="{kind}"']
        if name == "Normal":
            parts.append(' w:default="1"')
        if name in _CUSTOM_STYLES:
            parts.append(' w:customStyle="1"')
        parts.append(f' w:styleId="{sid}"><w:name w:val="{_esc(name)}"/>')
        if based_on and based_on != name:
            parts.append(f'<w:basedOn w:val="{self.ids.get(based_on) or self._id_of(based_on)}"/>')
        if nxt:
            next_id = sid if nxt == name else (self.ids.get(nxt) or self._id_of(nxt))
            parts.append(f'<w:next w:val="{next_id}"/>')
        if name in _QFORMAT:
            parts.append('<w:uiPriority w:val="10"/><w:qFormat/>')
        if ppr:
            parts.append(f"<w:pPr>{ppr}</w:pPr>")
        if rpr:
            parts.append(f"<w:rPr>{rpr}</w:rPr>")
        parts.append("</w:style>")
        new = self._parse("".join(parts))
        if existing is not None:
            existing.addprevious(new)
            existing.getparent().remove(existing)
        else:
            self._root.append(new)
        self._by_name[name.lower()] = new
        return sid

    def _id_of(self, name: str) -> str:
        el = self.element(name)
        if el is None:
            return self._ensure(name) if name in _STYLE_SPECS else "Normal"
        return el.get(f"{_W}styleId")

    def _ensure_table(self) -> str:
        existing = self.element(_TABLE_STYLE)
        if existing is not None:
            return existing.get(f"{_W}styleId")
        sid = self._free_id("InkoopkaderTabel")
        based = self.element("Normal Table")
        based_xml = f'<w:basedOn w:val="{based.get(f"{_W}styleId")}"/>' if based is not None else ""
        new = self._parse(
            f'<w:style xmlns:w="{W_NS}" w:type="table" w:customStyle="1" w:styleId="{sid}">'
            f'<w:name w:val="{_TABLE_STYLE}"/>{based_xml}<w:uiPriority w:val="59"/>'
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"{_TABLE_STYLE_BODY}</w:style>"
        )
        self._root.append(new)
        self._by_name[_TABLE_STYLE.lower()] = new
        return sid

    def tabs(self, name: str) -> list[str]:
        """Tab stop positions a style defines itself (to clear them in header and footer)."""
        el = self.element(name)
        if el is None:
            return []
        tabs = el.iterfind(f"{_W}pPr/{_W}tabs/{_W}tab")
        return [tab.get(f"{_W}pos") for tab in tabs if tab.get(f"{_W}pos")]


def _taal(document: DocxDocument, stijlen: _Stijlen) -> None:
    """nl-NL as the language of the document defaults (styles.xml)."""
    root = stijlen._root
    defaults = root.find(f"{_W}docDefaults")
    if defaults is None:
        defaults = stijlen._parse(f'<w:docDefaults xmlns:w="{W_NS}"/>')
        root.insert(0, defaults)
    rpr_default = defaults.find(f"{_W}rPrDefault")
    if rpr_default is None:
        rpr_default = stijlen._parse(f'<w:rPrDefault xmlns:w="{W_NS}"/>')
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{_W}rPr")
    if rpr is None:
        rpr = stijlen._parse(f'<w:rPr xmlns:w="{W_NS}"/>')
        rpr_default.append(rpr)
    lang = rpr.find(f"{_W}lang")
    if lang is None:
        lang = stijlen._parse(f'<w:lang xmlns:w="{W_NS}"/>')
        later = [c for c in rpr if _local(c.tag) in ("eastAsianLayout", "specVanish", "oMath")]
        if later:
            later[0].addprevious(lang)
        else:
            rpr.append(lang)
    lang.set(f"{_W}val", "nl-NL")


# --- numbering ----------------------------------------------------------------------------------

_BULLETS = ("•", "–", "•", "–", "•")


def _lvl(ilvl: int, fmt: str, text: str, left: int, hanging: int, suffix: str | None = None) -> str:
    suff = f'<w:suff w:val="{suffix}"/>' if suffix else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{suff}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>')


class _Nummering:
    """numbering.xml: abstract definitions for criteria lists, bullets and headings; one w:num per list."""

    def __init__(self, document: DocxDocument, met_koppen: bool) -> None:
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.oxml import parse_xml
        from docx.parts.numbering import NumberingPart

        self._parse = parse_xml
        part = document.part
        if not any(rel.reltype == RT.NUMBERING for rel in part.rels.values()):
            # A template without numbering.xml: python-docx cannot create one (NotImplementedError).
            element = parse_xml(f'<w:numbering xmlns:w="{W_NS}" xmlns:r="{R_NS}"/>')
            numbering = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package)
            part.relate_to(numbering, RT.NUMBERING)
        self._root = part.numbering_part.element
        abstract_ids = [int(el.get(f"{_W}abstractNumId"))
                        for el in self._root.iterchildren(f"{_W}abstractNum")]
        num_ids = [int(el.get(f"{_W}numId")) for el in self._root.iterchildren(f"{_W}num")]
        self._next_abstract = max(abstract_ids, default=-1) + 1
        self._next_num = max(num_ids, default=0) + 1
        self._abstracts: list[str] = []
        self._nums: list[str] = []
        levels = [_lvl(0, "decimal", "%1.", _IND_TEXT, _IND_TEXT)]
        levels += [_lvl(i, "bullet", _BULLETS[i - 1], _IND_TEXT + i * _IND_STEP, _IND_STEP)
                   for i in range(1, 5)]
        self._criteria = self._abstract("Inkoopkader criteria", levels)
        bullets = [_lvl(i, "bullet", _BULLETS[i], _IND_TEXT + i * _IND_STEP, _IND_STEP) for i in range(4)]
        self.opsomming = self._num(self._abstract("Inkoopkader opsomming", bullets))
        eis_bullets = [_lvl(i, "bullet", _BULLETS[i], _IND_EIS + (i + 1) * _IND_STEP, _IND_STEP) for i in range(4)]
        self._eis_items = self._num(self._abstract("Inkoopkader eisonderdelen", eis_bullets))
        self.koppen: int | None = None
        if met_koppen:
            heading_levels = [
                _lvl(0, "decimal", "%1", 567, 567, "tab"),
                _lvl(1, "decimal", "%1.%2", 709, 709, "tab"),
                _lvl(2, "decimal", "%1.%2.%3", 851, 851, "tab"),
            ]
            self.koppen = self._num(self._abstract("Inkoopkader hoofdstukken", heading_levels))

    def _abstract(self, name: str, levels: list[str]) -> int:
        aid = self._next_abstract
        self._next_abstract += 1
        nsid = uuid.uuid5(uuid.NAMESPACE_URL, f"inkoopkader/{name}").hex[:8].upper()
        self._abstracts.append(
            f'<w:abstractNum w:abstractNumId="{aid}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="multilevel"/><w:name w:val="{name}"/>{"".join(levels)}</w:abstractNum>'
        )
        return aid

    def _num(self, abstract: int, restart: bool = False) -> int:
        nid = self._next_num
        self._next_num += 1
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
        self._nums.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>')
        return nid

    def opsomming_eis(self) -> int:
        """Bullets under a requirement, indented to its text."""
        return self._eis_items

    def nieuwe_lijst(self) -> int:
        """A new numbered list of criteria that starts again at 1."""
        return self._num(self._criteria, restart=True)

    def write(self) -> None:
        """Add the definitions in schema order: every abstractNum before the first w:num."""
        wrapper = self._parse(
            f'<w:numbering xmlns:w="{W_NS}">{"".join(self._abstracts)}{"".join(self._nums)}</w:numbering>'
        )
        new_abstracts = list(wrapper.iterchildren(f"{_W}abstractNum"))
        new_nums = list(wrapper.iterchildren(f"{_W}num"))
        first_num = self._root.find(f"{_W}num")
        cleanup = self._root.find(f"{_W}numIdMacAtCleanup")
        for el in new_abstracts:
            if first_num is not None:
                first_num.addprevious(el)
            elif cleanup is not None:
                cleanup.addprevious(el)
            else:
                self._root.append(el)
        for el in new_nums:
            if cleanup is not None:
                cleanup.addprevious(el)
            else:
                self._root.append(el)


# --- the body -----------------------------------------------------------------------------------


def _gelabeld(label: str, inhoud: str) -> str:
    """An item with the source's own number or letter: 'a.', a tab, the text."""
    return _run(label) + "<w:r><w:tab/></w:r>" + inhoud


def _hangend(label: str, links: int, rechts: int = 0) -> str:
    """A hanging indent where a bullet would hang, wide enough for the label ('12.' needs two steps)."""
    hangend = _IND_STEP * (1 + len(label) // 3)
    rechts_ind = f' w:right="{rechts}"' if rechts else ""
    return (f'<w:tabs><w:tab w:val="left" w:pos="{links}"/></w:tabs>'
            f'<w:ind w:left="{links}"{rechts_ind} w:hanging="{hangend}"/>')


class _Lichaam:
    """Lays out a Document as WordprocessingML text (fast: no python-docx objects per paragraph)."""

    def __init__(self, doc: Document, stijlen: _Stijlen, nummering: _Nummering, breedte: int) -> None:
        self.doc = doc
        self.s = stijlen.ids
        self.nummering = nummering
        self.breedte = breedte
        self.out: list[str] = []
        self._bookmark = 0
        self._toc: list[tuple[int, str, str, str]] = []  # level, number, text, bookmark
        self._counters = [0, 0, 0]
        self._koppen_met_stijlnummering = stijlen.heading_style_numbering
        self.bladwijzers: dict[str, str] = {}

    # paragraphs

    def p(self, style: str, content: str = "", *, keep_next: bool = False, page_break: bool = False,
          num: int | None = None, ilvl: int = 0, ppr: str = "") -> None:
        props = [f'<w:pStyle w:val="{self.s[style]}"/>']
        if keep_next:
            props.append("<w:keepNext/>")
        if page_break:
            props.append("<w:pageBreakBefore/>")
        if num is not None:
            props.append(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')
        self.out.append(f'<w:p><w:pPr>{"".join(props)}{ppr}</w:pPr>{content}</w:p>')

    def _next_bookmark(self) -> int:
        self._bookmark += 1
        return self._bookmark

    def kop(self, level: int, tekst: str, *, genummerd: bool = False, page_break: bool = False,
            extra_bladwijzer: str | None = None) -> None:
        bid = self._next_bookmark()
        naam = f"_Toc{100000000 + bid}"
        numpr, nummer = "", ""
        if genummerd and self.nummering.koppen is not None and level <= 3:
            self._counters[level - 1] += 1
            for deeper in range(level, len(self._counters)):
                self._counters[deeper] = 0
            nummer = ".".join(str(c) for c in self._counters[:level])
            numpr = (f'<w:numPr><w:ilvl w:val="{level - 1}"/>'
                     f'<w:numId w:val="{self.nummering.koppen}"/></w:numPr>')
        elif not genummerd and self._koppen_met_stijlnummering:
            numpr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'  # no number on an annex
        props = f'<w:pStyle w:val="{self.s[f"heading {min(level, 4)}"]}"/>'
        if page_break:
            props += "<w:pageBreakBefore/>"
        extra_start = extra_end = ""
        if extra_bladwijzer:
            eid = self._next_bookmark()
            extra_start = f'<w:bookmarkStart w:id="{eid}" w:name="{extra_bladwijzer}"/>'
            extra_end = f'<w:bookmarkEnd w:id="{eid}"/>'
        self.out.append(
            f'<w:p><w:pPr>{props}{numpr}</w:pPr>{extra_start}<w:bookmarkStart w:id="{bid}" w:name="{naam}"/>'
            f'{_run(tekst)}<w:bookmarkEnd w:id="{bid}"/>{extra_end}</w:p>'
        )
        if level <= 3:
            self._toc.append((level, nummer, tekst, naam))

    def inhoudsopgave(self) -> list[str]:
        """A real TOC field; its result is pre-filled with the headings (Word refreshes it on opening)."""
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        toc = [entry for entry in self._toc if entry[0] <= 2]
        if not toc:
            return [f'<w:p><w:pPr><w:pStyle w:val="{self.s["toc 1"]}"/></w:pPr>{begin}{end}</w:p>']
        paragraphs = []
        last = len(toc) - 1
        for index, (level, nummer, tekst, naam) in enumerate(toc):
            label = f"{nummer} {tekst}" if nummer else tekst
            paragraphs.append(
                f'<w:p><w:pPr><w:pStyle w:val="{self.s[f"toc {level}"]}"/></w:pPr>'
                f'{begin if index == 0 else ""}'
                f'<w:hyperlink w:anchor="{naam}" w:history="1">{_run(label)}</w:hyperlink>'
                f'{end if index == last else ""}</w:p>'
            )
        return paragraphs

    def _anker(self, ident: str | None, inhoud: str) -> str:
        """Content wrapped in the bookmark that lets `check` recognise it after editing."""
        if not ident:
            return inhoud
        naam = bladwijzer_naam(ident)
        if naam in self.bladwijzers.values() and self.bladwijzers.get(ident) != naam:
            naam = f"{naam[:36]}_{len(self.bladwijzers)}"
        self.bladwijzers[ident] = naam
        bid = self._next_bookmark()
        return f'<w:bookmarkStart w:id="{bid}" w:name="{naam}"/>{inhoud}<w:bookmarkEnd w:id="{bid}"/>'

    # blocks

    def items(self, items: Iterable[Item], num: int, depth: int, ankers: tuple[str, ...] = ()) -> None:
        for index, item in enumerate(items):
            level = min(depth, 4)
            inhoud = _runs(item.tekst)
            if index < len(ankers):
                inhoud = self._anker(ankers[index], inhoud)
            stijl = f"List Bullet {min(level + 1, 4)}" if level else "List Bullet"
            if item.label:  # the source's own '1.' or 'a.' in place of the bullet, never both
                links = (_IND_EIS + (level + 1) * _IND_STEP if num == self.nummering.opsomming_eis()
                         else _IND_TEXT + level * _IND_STEP)
                self.p(stijl, _gelabeld(item.label, inhoud), ppr=_hangend(item.label, links))
            else:
                self.p(stijl, inhoud, num=num, ilvl=level)
            if item.items:
                self.items(item.items, num, depth + 1)

    def toelichting(self, toelichting: Toelichting) -> None:
        self.p("Toelichting", _run(f"{framing.label(toelichting.label)} ", bold=True) + _runs(toelichting.tekst))
        self._notitie_items(toelichting.items, 0)

    def _notitie_items(self, items: Iterable[Item], depth: int) -> None:
        for item in items:
            level = min(depth, 3)
            left = _IND_BOX + (level + 1) * _IND_STEP
            if item.label:
                self.p("Toelichting", _gelabeld(item.label, _runs(item.tekst)), ppr=_hangend(item.label, left, 113))
            else:
                self.p("Toelichting", _runs(item.tekst), num=self.nummering.opsomming, ilvl=level,
                       ppr=f'<w:ind w:left="{left}" w:right="113" w:hanging="{_IND_STEP}"/>')
            if item.items:
                self._notitie_items(item.items, depth + 1)

    def alinea(self, blok: Alinea) -> None:
        if blok.soort == "toelichting":
            self.p("Toelichting", _runs(blok.tekst))
        elif blok.soort == "melding":
            self.p("Actualiteit", _runs(blok.tekst))
        elif blok.soort == "klein":
            self.p("Bron", _runs(blok.tekst))
        else:
            self.p("Normal", _runs(blok.tekst))

    def opsomming(self, blok: Opsomming) -> None:
        for item in blok.items:
            self.p("List Bullet", _runs(item), num=self.nummering.opsomming)

    def tabel(self, blok: Tabel) -> None:
        gewichten = blok.breedtes or tuple(1 for _ in blok.kolommen)
        total = sum(gewichten)
        widths = [round(g * self.breedte / total) for g in gewichten]
        text_style = self.s["Tabeltekst"]
        kop = any(blok.kolommen)

        def cell(width: int, content: str) -> str:
            return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                    f'<w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>{content}</w:p></w:tc>')

        rows = []
        if kop:
            rows.append('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
                        + "".join(cell(w, _run(label, bold=True)) for label, w in zip(blok.kolommen, widths, strict=True))
                        + "</w:tr>")
        for rij in blok.rijen:
            cellen = [cell(w, _runs(waarde, bold=(not kop and i == 0)))
                      for i, (waarde, w) in enumerate(zip(rij, widths, strict=True))]
            rows.append('<w:tr><w:trPr><w:cantSplit/></w:trPr>' + "".join(cellen) + "</w:tr>")
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        look = 'w:firstRow="1"' if kop else 'w:firstRow="0"'
        self.out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.s[_TABLE_STYLE]}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="04A0" {look} w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
        )
        self.p("Normal", ppr='<w:spacing w:after="60"/>')  # Word needs a paragraph between a table and what follows

    def eis(self, blok: Eis) -> None:
        inhoud = _run(blok.nummer, bold=True) + "<w:r><w:tab/></w:r>" + self._anker(blok.anker, _runs(blok.tekst))
        self.p("Eis", inhoud, keep_next=True)
        if blok.items:
            self.items(blok.items, self.nummering.opsomming_eis(), 0, blok.item_ankers)
        for vervolg in blok.vervolg:
            self.p("List Continue", _runs(vervolg))
        if blok.citaat:
            self.p("Toelichting", _run("Wettekst: ", bold=True) + _run(f"“{blok.citaat}”"))
        for toelichting in blok.toelichtingen:
            self.toelichting(toelichting)
        if blok.bewijs:
            self.p("Bewijs", _run("Bewijs: ", bold=True) + _runs(blok.bewijs), keep_next=True)
        self.p("Bron", _run(blok.bron), ppr=_ind(_IND_EIS))

    def aspect(self, blok: Aspect, num: int | None) -> None:
        """An award aspect (numbered), or a criterion shown for information in an annex (bulleted)."""
        style, num = ("List Number", num) if num is not None else ("List Bullet", self.nummering.opsomming)
        self.p(style, self._anker(blok.anker, _runs(blok.tekst)), keep_next=True, num=num)
        if blok.items:
            self.items(blok.items, self.nummering.opsomming_eis(), 0, blok.item_ankers)
        for vervolg in blok.vervolg:
            self.p("List Continue", _runs(vervolg))
        for toelichting in blok.toelichtingen:
            self.toelichting(toelichting)
        self.p("Bron", _run(blok.bron))

    def vraag(self, blok: Vraag) -> None:
        self.p("Normal", _runs(blok.vraag))
        rijen = [("Maximale omvang", framing.omvang_tekst(blok.omvang_a4, blok.tekens))]
        if blok.weging is not None:
            rijen.append(("Weging", f"{blok.weging}%"))
        else:
            rijen.append(("Beoordeling", "voldoende of onvoldoende"))
        ppr = ('<w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs><w:spacing w:after="40"/>'
               '<w:ind w:left="2268" w:hanging="2268"/>')
        for label, waarde in rijen:
            self.p("Titelgegevens", _run(label, bold=True) + "<w:r><w:tab/></w:r>" + _run(waarde), ppr=ppr)
        label = "Beoordelingsaspecten" if blok.oordeel == "score" else "Onderdelen"
        self.p("Normal", _run(f"{label}:", bold=True), keep_next=True, ppr='<w:spacing w:before="160" w:after="60"/>')
        num = self.nummering.nieuwe_lijst()
        for aspect in blok.aspecten:
            self.aspect(aspect, num)

    def blok(self, blok: object) -> None:
        if isinstance(blok, Alinea):
            self.alinea(blok)
        elif isinstance(blok, Opsomming):
            self.opsomming(blok)
        elif isinstance(blok, Tabel):
            self.tabel(blok)
        elif isinstance(blok, Eis):
            self.eis(blok)
        elif isinstance(blok, Vraag):
            self.vraag(blok)
        elif isinstance(blok, Aspect):
            self.aspect(blok, None)
        else:  # pragma: no cover - a new block type without a layout is a programming error
            raise TypeError(f"geen opmaak voor {type(blok).__name__}")

    def sectie(self, sectie: Sectie, level: int, *, genummerd: bool, page_break: bool = False,
               extra_bladwijzer: str | None = None) -> None:
        self.kop(level, sectie.titel, genummerd=genummerd, page_break=page_break, extra_bladwijzer=extra_bladwijzer)
        for blok in sectie.blokken:
            self.blok(blok)
        for sub in sectie.subsecties:
            self.sectie(sub, level + 1, genummerd=genummerd)

    # the document

    def titelpagina(self) -> None:
        meta = self.doc.meta
        self.p("Title", _run(meta.titel))
        if meta.segment_titel not in meta.titel:
            self.p("Subtitle", _run(f"Kwaliteitscriteria voor de inkoop van {meta.segment_titel}"))
        elif meta.gemeente:
            self.p("Subtitle", _run(meta.gemeente))
        else:
            self.p("Subtitle", _run("Kwaliteitscriteria uit landelijke kwaliteitskaders"))
        rows = [("Segment", f"{meta.segment_id} – {meta.segment_titel}")]
        if meta.segment_doelgroep:
            rows.append(("Doelgroep", meta.segment_doelgroep))
        rows.append(("Procedure", meta.procedure.label))
        if meta.gemeente:
            rows.append(("Opdrachtgever", meta.gemeente))
        if meta.kenmerk:
            rows.append(("Kenmerk", meta.kenmerk))
        rows += [("Versie", meta.versie), ("Datum", _datum(meta.datum))]
        for label, value in rows:
            self.p("Titelgegevens", _run(label, bold=True) + "<w:r><w:tab/></w:r>" + _run(value))
        tekst = meta.samengesteld_met
        self.p("Bron", _run(tekst[:1].upper() + tekst[1:] + "."),
               ppr='<w:spacing w:before="960"/><w:ind w:left="0"/>')

    def build(self) -> list[str]:
        doc = self.doc
        self.titelpagina()
        self.p("TOC Heading", _run("Inhoudsopgave"), page_break=True)
        toc_index = len(self.out)
        for index, sectie in enumerate(doc.secties):
            self.sectie(sectie, 1, genummerd=True, page_break=index == 0)
        for index, sectie in enumerate(doc.bijlagen):
            self.sectie(sectie, 1, genummerd=False, page_break=True,
                        extra_bladwijzer=BIJLAGEN_BLADWIJZER if index == 0 else None)
        toc = self.inhoudsopgave()
        return [*self.out[:toc_index], *toc, *self.out[toc_index:]]



# --- package-level parts: settings, header/footer, properties, custom XML ------------------------

_SETTINGS_ORDER = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
    "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
    "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
    "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions "
    "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme "
    "styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone "
    "doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
    "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
    "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
    "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
    "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
    "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
    "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids "
    "mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
    "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary "
    "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
).split()
_SETTINGS_INDEX = {name: i for i, name in enumerate(_SETTINGS_ORDER)}


def _settings_child(settings: Any, name: str, parse: Any) -> Any:
    """The settings child `name`, created in schema order when missing."""
    existing = settings.find(f"{_W}{name}")
    if existing is not None:
        return existing
    new = parse(f'<w:{name} xmlns:w="{W_NS}"/>')
    rank = _SETTINGS_INDEX[name]
    anchor = None
    for child in settings:
        index = _SETTINGS_INDEX.get(_local(child.tag))
        if index is not None and index > rank:
            anchor = child
            break
    if anchor is not None:
        anchor.addprevious(new)
    else:
        known = [c for c in settings if _SETTINGS_INDEX.get(_local(c.tag)) is not None]
        if known:
            known[-1].addnext(new)
        else:
            settings.insert(0, new)
    return new


def _settings(document: DocxDocument) -> None:
    from docx.oxml import parse_xml

    settings = document.settings.element
    proof = settings.find(f"{_W}proofState")
    if proof is not None:
        settings.remove(proof)  # let Word check the Dutch spelling afresh
    _settings_child(settings, "updateFields", parse_xml).set(f"{_W}val", "true")
    _settings_child(settings, "themeFontLang", parse_xml).set(f"{_W}val", "nl-NL")
    for name, value in (("decimalSymbol", ","), ("listSeparator", ";")):
        element = settings.find(f"{_W}{name}")
        if element is not None:
            element.set(f"{_W}val", value)


def _has_content(element: Any) -> bool:
    for node in element.iter():
        local = _local(node.tag)
        if local == "t" and (node.text or "").strip():
            return True
        if local in ("drawing", "pict", "object", "fldSimple", "instrText", "tbl", "sdt"):
            return True
    return False


def _has_page_field(element: Any) -> bool:
    for node in element.iter():
        local = _local(node.tag)
        if local == "instrText" and "PAGE" in (node.text or "").upper():
            return True
        if local == "fldSimple" and "PAGE" in (node.get(f"{_W}instr") or "").upper():
            return True
    return False


def _tekstbreedte(section: Any) -> int:
    try:
        width = int(section.page_width.twips - section.left_margin.twips - section.right_margin.twips)
    except (AttributeError, TypeError):
        width = 0
    return width if width > 1440 else 9070


def _pagina(document: DocxDocument, doc: Document, stijlen: _Stijlen, eigen: bool) -> int:
    """One section, A4 on our own base; a different first page (title page without header/footer)."""
    from docx.oxml import parse_xml
    from docx.shared import Twips

    document.element.body.get_or_add_sectPr()  # a template without one gets a section of its own
    section = document.sections[0]
    if eigen or section.page_width is None:
        section.page_width, section.page_height = Twips(11906), Twips(16838)
        section.left_margin = section.right_margin = Twips(1418)
        section.top_margin, section.bottom_margin = Twips(1418), Twips(1276)
        section.header_distance, section.footer_distance = Twips(709), Twips(567)
    breedte = _tekstbreedte(section)
    section.different_first_page_header_footer = True
    for first in (section.first_page_header, section.first_page_footer):
        if first.is_linked_to_previous:
            first.is_linked_to_previous = False  # an empty first-page header/footer: a clean title page
            for paragraph in list(first._element):
                first._element.remove(paragraph)
            first._element.append(parse_xml(f'<w:p xmlns:w="{W_NS}"/>'))

    def tabs(style: str) -> str:
        clear = "".join(f'<w:tab w:val="clear" w:pos="{pos}"/>' for pos in stijlen.tabs(style))
        return f'<w:tabs>{clear}<w:tab w:val="right" w:pos="{breedte}"/></w:tabs>'

    meta = doc.meta
    rechts = " · ".join(x for x in (meta.gemeente, f"kenmerk {meta.kenmerk}" if meta.kenmerk else None) if x)
    header_xml = (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{stijlen.ids["header"]}"/>{tabs("header")}</w:pPr>'
        f'{_run(meta.titel)}{"<w:r><w:tab/></w:r>" + _run(rechts) if rechts else ""}</w:p>'
    )
    footer_xml = (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{stijlen.ids["footer"]}"/>{tabs("footer")}</w:pPr>'
        f'{_run(f"Versie {meta.versie} · {_datum(meta.datum)}")}<w:r><w:tab/></w:r>'
        f'{_run("Pagina ")}{_field("PAGE", "1")}{_run(" van ")}{_field("NUMPAGES", "1")}</w:p>'
    )
    kinds = [(section.header, section.footer)]
    if document.settings.odd_and_even_pages_header_footer:
        kinds.append((section.even_page_header, section.even_page_footer))
    for header, footer in kinds:
        for part, xml, is_footer in ((header, header_xml, False), (footer, footer_xml, True)):
            if part.is_linked_to_previous:
                part.is_linked_to_previous = False
            element = part._element
            if not _has_content(element):
                for child in list(element):
                    element.remove(child)
            elif is_footer and _has_page_field(element):
                continue  # the template numbers its pages already
            element.append(parse_xml(xml))
    return breedte


def _kernmerken(document: DocxDocument, doc: Document) -> None:
    meta = doc.meta
    props = document.core_properties
    segment = f"{meta.segment_id} – {meta.segment_titel}"
    if meta.segment_doelgroep:
        segment += f" ({meta.segment_doelgroep})"
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    # python-docx (like Word's dialog) allows at most 255 characters per core property.
    props.title = _kort(meta.titel)
    props.subject = _kort(f"Kwaliteitscriteria voor de inkoop van {segment}")
    props.author = _kort(meta.gemeente or "inkoopkader")
    props.last_modified_by = "inkoopkader"
    props.keywords = _kort("; ".join(
        ["kwaliteitscriteria", "aanbesteding", "inkoop", meta.segment_id, meta.segment_titel, "inkoopkader"]
    ))
    props.comments = _kort(
        f"{meta.samengesteld_met[:1].upper()}{meta.samengesteld_met[1:]}. Segment {segment}; "
        + (f"kenmerk {meta.kenmerk}; " if meta.kenmerk else "")
        + f"procedure {meta.procedure.value}; versie {meta.versie}."
    )
    props.category = "Aanbestedingsdocument – kwaliteitscriteria"
    props.content_status = "Concept"
    props.identifier = _kort(meta.kenmerk or "")
    props.language = "nl-NL"
    props.version = _kort(meta.versie)
    props.revision = 1
    props.created = now
    props.modified = now


def _kort(text: str, limit: int = 255) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _custom_properties(document: DocxDocument, doc: Document) -> None:
    """docProps/custom.xml: the selection for tools that read document properties (merged, not replaced)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    from ..anchors import eigenschappen

    values = eigenschappen(doc)

    package = document.part.package
    existing_part = None
    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            existing_part = rel.target_part
    root = None
    if existing_part is not None:
        try:
            root = etree.fromstring(existing_part.blob)
        except etree.XMLSyntaxError:
            root = None
    if root is None:
        nsmap = {None: _CUSTOM_PROPS_NS, "vt": _VT_NS}
        root = etree.Element(f"{{{_CUSTOM_PROPS_NS}}}Properties", nsmap=nsmap)
    for prop in list(root):
        if (prop.get("name") or "").startswith("inkoopkader."):
            root.remove(prop)
    pid = max((int(p.get("pid") or 1) for p in root), default=1)
    for name, kind, value in values:
        pid += 1
        prop = etree.SubElement(root, f"{{{_CUSTOM_PROPS_NS}}}property",
                                fmtid=_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT_NS}}}{kind}").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if existing_part is not None:
        existing_part._blob = blob
    else:
        part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)


def _is_selectie(blob: bytes) -> bool:
    from lxml import etree

    try:
        return etree.fromstring(blob).tag == f"{{{NAMESPACE}}}selectie"
    except etree.XMLSyntaxError:
        return False


def _custom_xml(document: DocxDocument, doc: Document, lichaam: _Lichaam) -> None:
    """customXml/itemN.xml: the complete selection, for `inkoopkader check` (see anchors.record_xml)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import Part

    from ..anchors import record_xml

    item_blob = record_xml(doc, lichaam.bladwijzers)
    item_id = "{" + str(uuid.uuid4()).upper() + "}"
    props_blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{item_id}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    package = document.part.package
    # Replace an earlier selection (a template made from an inkoopkader document), keep other items.
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML and not rel.is_external and _is_selectie(rel.target_part.blob):
            document.part.rels.pop(rid)
    item_name = package.next_partname("/customXml/item%d.xml")
    item = Part(item_name, "application/xml", item_blob, package)
    props_name = package.next_partname("/customXml/itemProps%d.xml")
    props = Part(props_name, CT.OFC_CUSTOM_XML_PROPERTIES, props_blob, package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def _opruimen(document: DocxDocument) -> None:
    """Drop what only the removed template body used (images, links, comments), stale copies, thumbnail."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    body_only = {RT.IMAGE, RT.HYPERLINK, RT.CHART, RT.OLE_OBJECT, RT.PACKAGE, RT.COMMENTS, RT.VIDEO, RT.AUDIO,
                 RT.DIAGRAM_COLORS, RT.DIAGRAM_DATA, RT.DIAGRAM_LAYOUT, RT.DIAGRAM_QUICK_STYLE,
                 "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                 "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
                 "http://schemas.microsoft.com/office/2011/relationships/people",
                 "http://schemas.microsoft.com/office/2007/relationships/diagramDrawing",
                 # Word 2010's copy of styles.xml: stale once styles are added, and not needed by Word.
                 "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in body_only:
            document.part.rels.pop(rid)
    package_rels = document.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rid)


# --- render ------------------------------------------------------------------------------------


def render(doc: Document, *, sjabloon: str | os.PathLike[str] | None = None) -> bytes:
    """The composed document as a .docx, optionally built on a house-style template (.docx/.dotx).

    Raises:
        InkoopkaderError: when the template is missing or is not a Word document or template.
    """
    from docx.oxml import parse_xml

    document = _open(sjabloon)
    eigen = sjabloon is None
    stijlen = _Stijlen(document, eigen_opmaak=eigen)
    _taal(document, stijlen)
    nummering = _Nummering(document, met_koppen=not stijlen.heading_style_numbering)
    breedte = _pagina(document, doc, stijlen, eigen)

    lichaam = _Lichaam(doc, stijlen, nummering, breedte)
    xml = "".join(lichaam.build())
    new_body = parse_xml(f'<w:body xmlns:w="{W_NS}" xmlns:r="{R_NS}">{xml}</w:body>')
    old_body = document.element.body
    sect_pr = old_body.find(f"{_W}sectPr")
    if sect_pr is not None:
        new_body.append(sect_pr)
    document.element.replace(old_body, new_body)
    nummering.write()
    _opruimen(document)
    _settings(document)
    _kernmerken(document, doc)
    _custom_properties(document, doc)
    _custom_xml(document, doc, lichaam)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- reading the anchors back -------------------------------------------------------------------


def read_selectie(bron: str | os.PathLike[str] | bytes) -> dict[str, Any] | None:
    """The selection an inkoopkader document records, or None for a document without one.

    Returns a dict with 'segment', 'corpus', 'criteria' (IDs in document order), 'bladwijzers'
    (ID -> bookmark name) and, from the custom XML part, 'kaders' and 'plaatsen'. The custom XML
    part is read first, the custom document properties are the fallback. This is what `check` reads
    (`check.read.read_selectie`), with its safety checks.

    Raises:
        InkoopkaderError: the file cannot be read, is not a Word document or is hostile.
    """
    from ..check.read import read_selectie

    return read_selectie(bron)


def __getattr__(naam: str) -> object:
    """Old names of renamed functions, for one release (with a DeprecationWarning)."""
    from ..verouderd import alias

    return alias(__name__, naam, {"lees_selectie": read_selectie})
