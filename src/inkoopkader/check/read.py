"""Reading tender drafts: .docx, .odt, .pdf, .md and .txt become a `Concept` of located text blocks.

What a block is, per format:

* .docx — every paragraph a reader sees, in document order: body paragraphs, table cells (nested
  tables too; one block per paragraph in a cell), content controls, tracked insertions (never
  deletions), field results (never field instructions), text boxes, then the headers and footers of
  every section (each text once) and the footnotes and endnotes. python-docx's `paragraphs` misses
  most of these, so the XML is walked directly. Page numbers are approximate: they count the page
  breaks Word recorded when it last laid the document out (``w:lastRenderedPageBreak``), hard page
  breaks and section breaks; a document without any of those gets no page numbers.
* .odt — headings, paragraphs, list items, table cells (nested too), sections, text frames, notes,
  the headers and footers of the master pages; deleted tracked changes are left out.
* .pdf — the text of every page (pypdf), split into paragraph-like blocks; each block has its page.
* .md — Markdown syntax stripped; one block per paragraph, heading, list item and table cell.
* .txt — one block per paragraph and per list line. For .md and .txt the block's `Locatie` is a line
  (soort "regel", index = line number) so that a CI annotation can point at it.

Anchors: `inkoopkader compose` wraps the text of every criterion in a Word bookmark named by
`inkoopkader.render.docx.bladwijzer_naam` (``bwmo-04`` -> ``ik_bwmo_04``). Every block that lies
(partly) inside such a bookmark carries the criterion ID in `Tekstblok.ankers`, however much its text
was edited. LibreOffice keeps the bookmarks when it saves a .docx as .odt, so .odt drafts have them too.

Hostile input is refused before it is parsed: files larger than `max_bytes`, zip archives with too
many entries, too much uncompressed data or a suspicious compression ratio (zip bombs), XML with a
DOCTYPE (entity expansion), old binary Word files and encrypted documents. The limits of
`inkoopkader.limieten` (size per format, text blocks, characters, bookmarks, fields, PDF pages and
page content) are checked before the work they bound. Every refusal is a `ConceptFout` with a Dutch
message that names the file (and, for a limit, how to raise it); no input produces a traceback.

Every stage is linear in its input: bookmarks that are never closed mark only their own paragraph,
open fields are counted instead of rescanned, Markdown lines are parsed without backtracking
patterns, and PDF pages that share a content stream are extracted once.
"""

from __future__ import annotations

import html
import io
import os
import posixpath
import re
import stat
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from .. import limieten
from ..errors import InkoopkaderError
from .model import Concept, Locatie, Tekstblok

__all__ = [
    "FORMATEN",
    "ConceptFout",
    "criterium_van_bladwijzer",
    "read_bytes",
    "read_concept",
    "read_selectie",
    "read_text",
]

MiB = 1024 * 1024
MAX_BYTES = limieten.CONCEPT.standaard  # the default limit of .docx/.odt/.pdf (INKOOPKADER_MAX_CONCEPT)
# Zip limits, checked on the archive's directory before anything is decompressed. A real tender
# draft (with images) stays far below them. The number of entries and the total size are documented
# limits (limieten.ZIP_ONDERDELEN, limieten.ZIP_UITGEPAKT); the ratio is fixed.
MAX_ZIP_RATIO = 200  # uncompressed : compressed, for an entry larger than RATIO_MIN_SIZE
RATIO_MIN_SIZE = 1 * MiB
_MAX_OPEN_ANKERS = 100  # criterion bookmarks open at once; compose opens one at a time

FORMATEN: dict[str, str] = {
    ".docx": "docx",
    ".odt": "odt",
    ".pdf": "pdf",
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
}
_OUDE_FORMATEN = {
    ".doc": "oud Word-formaat; sla op als .docx",
    ".dot": "oud Word-sjabloon; sla op als .docx",
    ".rtf": "RTF-formaat; sla op als .docx",
    ".wpd": "WordPerfect-formaat; sla op als .docx",
}

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, or an encrypted .docx
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF-"


class ConceptFout(InkoopkaderError):
    """A draft cannot be read: missing, unsupported, broken, encrypted or hostile. Names the file."""

    def __init__(self, bestand: str, melding: str) -> None:
        self.bestand = bestand
        self.melding = melding
        super().__init__(f"{bestand}: {melding}")


# --- public API --------------------------------------------------------------------------------


def read_concept(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> Concept:
    """Read a tender draft (.docx, .odt, .pdf, .md/.markdown, .txt) into located text blocks.

    Args:
        path: the draft; its extension chooses the reader.
        max_bytes: larger files are refused before they are read (default: the limit for the
            format, `limieten.CONCEPT` or `limieten.TEKST`).

    Returns:
        A Concept with a Tekstblok per paragraph, table cell, header line …; for a document made by
        `inkoopkader compose`, `selectie` holds what compose recorded (segment, criteria, corpus_versie).

    Raises:
        ConceptFout: the file is missing, empty, too large, of an unsupported type, broken, encrypted,
            hostile (zip bomb, DOCTYPE) or holds no readable text.
    """
    if not isinstance(path, (str, os.PathLike)):
        from ..errors import ArgumentFout

        raise ArgumentFout(f"Het concept moet een pad zijn (str of Path), geen {type(path).__name__}.")
    path = Path(path)
    naam = str(path)
    suffix = path.suffix.lower()
    formaat = FORMATEN.get(suffix)
    if formaat is None:
        ondersteund = ", ".join(FORMATEN)
        if suffix in _OUDE_FORMATEN:
            raise ConceptFout(naam, f"{suffix} wordt niet ondersteund ({_OUDE_FORMATEN[suffix]}). "
                                    f"Ondersteund: {ondersteund}.")
        soort = f"extensie '{suffix}'" if suffix else "geen extensie"
        raise ConceptFout(naam, f"onbekend bestandstype ({soort}). Ondersteund: {ondersteund}.")
    limiet = limieten.CONCEPT if formaat in ("docx", "odt", "pdf") else limieten.TEKST
    data = _lees_bestand(path, naam, max_bytes, limiet)
    if formaat == "docx":
        return _lees_docx(naam, data)
    if formaat == "odt":
        return _lees_odt(naam, data)
    if formaat == "pdf":
        return _lees_pdf(naam, data)
    tekst = _decodeer(naam, data, formaat)
    blokken = _markdown_blokken(tekst, naam) if formaat == "md" else _tekst_blokken(tekst, naam)
    return _concept(naam, formaat, blokken)


def read_bytes(data: bytes, naam: str = "standaardinvoer") -> Concept:
    """A draft given as bytes (standard input, an upload): its format is recognised from the content.

    A PDF is read as a PDF, a zip archive as a Word or OpenDocument document, anything else as text
    (UTF-8, UTF-16 with a byte-order mark, or Windows-1252) with Markdown syntax stripped; the
    concept's `formaat` is then "tekst". The limits for the recognised format apply.

    Raises:
        ConceptFout: empty, too large, binary, hostile or unreadable input.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        from ..errors import ArgumentFout

        raise ArgumentFout(f"read_bytes verwacht bytes, geen {type(data).__name__}.")
    data = bytes(data)
    if not data:
        raise ConceptFout(naam, "de invoer is leeg.")
    soort = _soort_inhoud(data)
    limiet = limieten.TEKST if soort is None else limieten.CONCEPT
    if len(data) > limiet.waarde():
        raise ConceptFout(naam, f"de invoer is te groot ({_mb(len(data))}; {limiet.uitleg()}).")
    if soort == "pdf":
        return _lees_pdf(naam, data)
    if soort in ("zip", "cfb"):
        z = _Zip(naam, data, "Word- of OpenDocument-document")
        if "content.xml" in z and "mimetype" in z:
            return _lees_odt(naam, data)
        return _lees_docx(naam, data)
    tekst = _decodeer(naam, data, "tekst")
    return _concept(naam, "tekst", _markdown_blokken(tekst, naam))


def read_selectie(bron: str | os.PathLike[str] | bytes) -> dict[str, object] | None:
    """Only what `inkoopkader compose` recorded in a Word document (`Concept.selectie`), or None.

    With the same safety checks as `read_concept` (size, zip bombs, DOCTYPE).

    Raises:
        ConceptFout: the file is missing, too large, not a Word document, or hostile.
    """
    if isinstance(bron, bytes):
        naam, data = "het document", bron
    else:
        naam = str(bron)
        data = _lees_bestand(Path(bron), naam, None, limieten.CONCEPT)
    return _docx_selectie(_Zip(naam, data, "Word-document"))


def read_text(text: str, naam: str = "tekst") -> Concept:
    """Plain text or Markdown given directly (e.g. pasted): one block per paragraph, list item, cell.

    Raises:
        ConceptFout: the text is empty or binary.
    """
    if not isinstance(text, str):
        from ..errors import ArgumentFout

        raise ArgumentFout(f"read_text verwacht tekst (str), geen {type(text).__name__}.")
    if "\x00" in text:
        raise ConceptFout(naam, "de tekst bevat binaire gegevens (NUL-tekens).")
    if len(text) > limieten.TEKST.waarde():
        raise ConceptFout(naam, f"de tekst is te groot ({len(text)} tekens; {limieten.TEKST.uitleg()}).")
    return _concept(naam, "tekst", _markdown_blokken(text.lstrip("\ufeff"), naam))


# Where compose's annexes begin (contract with compose): the bookmark on the first annex heading in a
# .docx (LibreOffice keeps it in .odt), and a comment line in Markdown. Everything after is annex text
# (verbatim source material), never draft text.
# (anchors owns the contract; the Markdown marker is matched with any spacing inside the comment.)
from ..anchors import BIJLAGEN_BLADWIJZER  # noqa: E402

BIJLAGEN_MARKERING = re.compile(r"^[ \t]*<!--\s*inkoopkader:bijlagen\s*-->[ \t]*$", re.MULTILINE)

_BLADWIJZER = re.compile(r"ik_([a-z]+)_(\d{2,3}[a-z]?)", re.IGNORECASE)  # schema.CRITERIUM_ID, '-' -> '_'


def criterium_van_bladwijzer(naam: str, bekend: Mapping[str, str] | None = None) -> str | None:
    """The criterion ID a compose bookmark stands for ('ik_bwmo_04' -> 'bwmo-04'), or None.

    `bekend` maps bookmark names (lower case) to IDs, as compose records them in the document; it
    covers names that cannot be inverted (shortened names). Other bookmarks (Word's own `_Toc…`,
    `_GoBack`, a user's) give None.
    """
    if bekend:
        hit = bekend.get(naam.lower())
        if hit:
            return hit
    match = _BLADWIJZER.fullmatch(naam)
    return f"{match[1]}-{match[2]}".lower() if match else None


# --- files, zips and XML, defensively ------------------------------------------------------------


def _lees_bestand(path: Path, naam: str, max_bytes: int | None, limiet: limieten.Limiet) -> bytes:
    """The bytes of a regular file, refused when missing, empty, not a regular file or too large.

    Opened without blocking and checked on the open descriptor, so that a FIFO or device swapped in
    after the first look is refused instead of waited on or read forever.
    """
    grens = limiet.waarde() if max_bytes is None else max_bytes
    uitleg = limiet.uitleg() if max_bytes is None else f"de grens is {_mb(max_bytes)}"
    try:
        if not path.exists():
            raise ConceptFout(naam, "het bestand bestaat niet.")
        if path.is_dir():
            raise ConceptFout(naam, "dit is een map, geen bestand.")
        if not path.is_file():
            raise ConceptFout(naam, "dit is geen gewoon bestand.")
        grootte = path.stat().st_size
        if grootte == 0:
            raise ConceptFout(naam, "het bestand is leeg (0 bytes).")
        if grootte > grens:
            raise ConceptFout(naam, f"het bestand is te groot ({_mb(grootte)}; {uitleg}).")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ConceptFout(naam, "dit is geen gewoon bestand.")
            data = handle.read(grens + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise ConceptFout(naam, f"het bestand kan niet worden gelezen: {exc.strerror or exc}.") from None
    if len(data) > grens:
        raise ConceptFout(naam, f"het bestand is te groot (meer dan {_mb(grens)}; {uitleg}).")
    if not data:
        raise ConceptFout(naam, "het bestand is leeg (0 bytes).")
    return data


def _mb(n: int) -> str:
    return f"{n / MiB:.1f} MB" if n >= MiB else f"{n} bytes"


def _soort_inhoud(data: bytes) -> str | None:
    """What the bytes look like, for messages about a file with the wrong extension."""
    if data.startswith(_CFB_MAGIC):
        return "cfb"
    if data.startswith(_ZIP_MAGIC):
        return "zip"
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    return None


class _Zip:
    """A zip archive whose directory passed the bomb checks; members are read with a size cap."""

    def __init__(self, naam: str, data: bytes, soort: str) -> None:
        self.naam = naam
        self.soort = soort  # "Word-document" / "OpenDocument-tekst", for messages
        if data.startswith(_CFB_MAGIC):
            raise ConceptFout(naam, f"dit is geen {soort} in het huidige formaat maar een OLE-bestand: het is "
                                    "versleuteld of een oud .doc-bestand. Verwijder de beveiliging en sla het "
                                    "op als .docx of .odt.")
        if data.startswith(_PDF_MAGIC):
            raise ConceptFout(naam, f"dit is een PDF-bestand, geen {soort}; geef het de extensie .pdf.")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except NotImplementedError as exc:  # 'zip file version 9.9', an unknown compression method
            raise ConceptFout(naam, f"dit is geen geldig {soort}: het zip-archief gebruikt een vorm die niet "
                                    f"wordt ondersteund ({exc}). Sla het opnieuw op in Word of LibreOffice.") from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, RuntimeError):
            kapot = data.startswith(_ZIP_MAGIC)
            reden = "het zip-archief is beschadigd of afgekapt" if kapot else "het is geen zip-archief"
            raise ConceptFout(naam, f"dit is geen geldig {soort} ({reden}).") from None
        if len(infos) > limieten.ZIP_ONDERDELEN.waarde():
            raise ConceptFout(naam, f"het archief bevat {len(infos)} onderdelen; het wordt niet uitgepakt "
                                    f"({limieten.ZIP_ONDERDELEN.uitleg()}).")
        totaal = 0
        for info in infos:
            totaal += info.file_size
            if info.flag_bits & 0x1:
                raise ConceptFout(naam, f"het {soort} is versleuteld (onderdeel '{info.filename}'). "
                                        "Verwijder de beveiliging en probeer opnieuw.")
            if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
                ratio = info.file_size / max(info.compress_size, 1)
                raise ConceptFout(naam, f"het onderdeel '{info.filename}' pakt verdacht sterk uit "
                                        f"({ratio:.0f}:1 tot {_mb(info.file_size)}); mogelijk een zip-bom. "
                                        "Het wordt niet uitgepakt.")
        if totaal > limieten.ZIP_UITGEPAKT.waarde():
            raise ConceptFout(naam, f"het archief pakt uit tot {_mb(totaal)}; mogelijk een zip-bom. Het wordt niet "
                                    f"uitgepakt ({limieten.ZIP_UITGEPAKT.uitleg()}).")
        self.infos = {info.filename: info for info in infos}

    def __contains__(self, name: str) -> bool:
        return name in self.infos

    def names(self) -> list[str]:
        return list(self.infos)

    def read(self, name: str) -> bytes:
        info = self.infos[name]
        cap = info.file_size  # checked against the limits; zipfile never returns more
        try:
            with self.zip.open(info) as member:
                data = member.read(cap + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
                RuntimeError) as exc:
            raise ConceptFout(self.naam, f"het onderdeel '{name}' is beschadigd of afgekapt "
                                         f"({type(exc).__name__}: {exc}).") from None
        if len(data) > cap:
            raise ConceptFout(self.naam, f"het onderdeel '{name}' is groter dan het archief aangeeft; "
                                         "het wordt niet gelezen.")
        return data

    def xml(self, name: str) -> Any:
        return _parse_xml(self.naam, name, self.read(name))


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _getal(tekst: str | None) -> int | None:
    """A count or number from an attribute, or None. Only ASCII digits: str.isdigit() accepts '²',
    which int() refuses; and at most 18 of them: int() refuses more than 4,300 digits, and no count
    in a document needs more than a few."""
    return int(tekst) if tekst and len(tekst) <= 18 and tekst.isascii() and tekst.isdigit() else None


def _numeriek(cijfers: str) -> tuple[int, str]:
    """A sort key that orders digit strings by value without int() (which refuses 4,301 digits)."""
    cijfers = cijfers.lstrip("0")
    return len(cijfers), cijfers


def _doctype_geweigerd(naam: str, onderdeel: str) -> ConceptFout:
    return ConceptFout(naam, f"het onderdeel '{onderdeel}' bevat een DOCTYPE-declaratie; die komt in een gewoon "
                             "document niet voor en wordt om veiligheidsredenen geweigerd.")


def _parse_xml(naam: str, onderdeel: str, data: bytes) -> Any:
    """Parse one XML part safely: a DOCTYPE (entity expansion, external entities) is refused first."""
    from lxml import etree

    kop = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 XML: search the decoded text
        kop = data.decode("utf-16", errors="replace").encode("utf-8")
    if _DOCTYPE.search(kop):
        raise _doctype_geweigerd(naam, onderdeel)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ConceptFout(naam, f"het onderdeel '{onderdeel}' is geen geldige XML ({exc}).") from None
    # The byte search above is the cheap first line; the parser's own view catches any encoding
    # it missed (UTF-16 without a byte-order mark, say). Entities are never resolved either way.
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise _doctype_geweigerd(naam, onderdeel)
    return root


# --- building blocks ---------------------------------------------------------------------------

_ONZICHTBAAR = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_HEEFT_ONZICHTBAAR = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _schoon(tekst: str) -> str:
    """One line of visible text: invisible characters dropped, whitespace collapsed.

    Runs for every paragraph of a long draft, hence the shortcuts: translate() only when there is
    something to drop, and split/join, which treats exactly the characters of regex \\s as whitespace.
    """
    if not tekst.isascii() and _HEEFT_ONZICHTBAAR.search(tekst):
        tekst = tekst.translate(_ONZICHTBAAR)
    return " ".join(tekst.split())


_KOPSTIJL = re.compile(r"(?:heading|kop|title|titel|ondertitel|subtitle)\s?\d*$", re.IGNORECASE)

_REGELGRENS = "\ue0ff"  # a private-use character that marks where a source line began, while joining


class _Uitvoer:
    """Collects blocks with running numbers; refuses a draft over the limits on blocks and characters."""

    def __init__(self, naam: str) -> None:
        self.naam = naam
        self.blokken: list[Tekstblok] = []
        self._gezien: set[tuple[str, str]] = set()
        self.kop: str | None = None  # the nearest heading so far, for locations a reader can find
        self.alinea_nr = 0  # body paragraphs since that heading
        self._max_blokken = limieten.ALINEAS.waarde()
        self._tekens = limieten.TEKENS.waarde()  # characters still allowed

    def nieuwe_pagina(self) -> None:
        """PDF: no headings known; paragraphs are counted from the top of each page."""
        self.kop, self.alinea_nr = None, 0

    def _te_veel(self, limiet: limieten.Limiet, wat: str) -> ConceptFout:
        return ConceptFout(self.naam, f"het concept heeft meer {wat} dan de grens; het wordt niet verder gelezen "
                                      f"({limiet.uitleg()}).")

    def add(self, tekst: str, soort: str, *, pagina: int | None = None, tabel: tuple[int, int, int] | None = None,
            ankers: Iterable[str] = (), index: int | None = None,
            regels: tuple[tuple[int, int], ...] = (), uniek: bool = False, kop: bool = False) -> None:
        """Add a block (text cleaned; empty text adds nothing). `uniek`: only the first time this
        text of this kind comes (headers and footers repeat per section or page style). `kop`: the
        block is a heading; the blocks after it are located under it."""
        tekst = _schoon(tekst)
        if not tekst:
            return
        if uniek:
            if (soort, tekst) in self._gezien:
                return
            self._gezien.add((soort, tekst))
        self._tekens -= len(tekst)
        if self._tekens < 0:
            raise self._te_veel(limieten.TEKENS, "tekst")
        if len(self.blokken) >= self._max_blokken:
            raise self._te_veel(limieten.ALINEAS, "alinea's, cellen en regels")
        in_kop: int | None = None
        if kop:
            self.kop, self.alinea_nr, in_kop = tekst, 0, 0
        elif soort in ("alinea", "regel") and tabel is None:
            self.alinea_nr += 1
            in_kop = self.alinea_nr
        locatie = Locatie(soort, index if index is not None else len(self.blokken) + 1, pagina, tabel,
                          self.kop if soort in ("alinea", "tabel", "regel") else None, in_kop)
        self.blokken.append(Tekstblok(tekst, locatie, tuple(dict.fromkeys(ankers)) if ankers else (), regels))

    def add_regels(self, regels: list[tuple[int, str]], *, bewerk: Callable[[str], str] = str,
                   pagina: int | None = None) -> None:
        """One block from consecutive source lines (line number, text), remembering where each begins.

        `bewerk` (Markdown's inline syntax) runs over the joined text, as markup may span lines; a
        marker character stands where each line began and is taken out again afterwards.
        """
        if len(regels) == 1 or any(_REGELGRENS in tekst for _, tekst in regels):
            self.add(bewerk(" ".join(t for _, t in regels)), "regel", index=regels[0][0], pagina=pagina)
            return
        # Spaces on both sides: to any markup pattern the marker then looks like the space it replaces.
        stukken = bewerk(f" {_REGELGRENS} ".join(t for _, t in regels)).split(_REGELGRENS)
        if len(stukken) != len(regels):  # the markup swallowed a line break: the block's first line only
            self.add(" ".join(stukken), "regel", index=regels[0][0], pagina=pagina)
            return
        delen: list[str] = []
        begins: list[tuple[int, int]] = []
        lengte = 0
        for (nummer, _), stuk in zip(regels, stukken):
            # Pieces are separated by spaces, so cleaning piece by piece and joining with one space
            # gives exactly the cleaned whole.
            deel = _schoon(stuk)
            if deel:
                begins.append((lengte + (1 if delen else 0), nummer))
                lengte += len(deel) + (1 if delen else 0)
                delen.append(deel)
        self.add(" ".join(delen), "regel", index=regels[0][0], pagina=pagina,
                 regels=tuple(begins) if len(begins) > 1 else ())


def _concept(naam: str, formaat: str, blokken: list[Tekstblok], selectie: dict[str, object] | None = None,
             hint: str = "") -> Concept:
    if not blokken:
        raise ConceptFout(naam, f"het document bevat geen leesbare tekst.{hint}")
    return Concept(naam=naam, formaat=formaat, blokken=tuple(blokken), selectie=selectie)


# --- .docx -----------------------------------------------------------------------------------------

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


def _lees_docx(naam: str, data: bytes) -> Concept:
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
    if selectie and isinstance(selectie.get("bijlagen"), str) and selectie["bijlagen"].strip():
        lezer.bijlagen_naam = selectie["bijlagen"].strip().lower()
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


def _te_veel(naam: str, limiet: limieten.Limiet, aantal: int) -> ConceptFout:
    return ConceptFout(naam, f"het document heeft {limiet.tekst(aantal)}, meer dan de grens; het wordt niet "
                             f"gelezen ({limiet.uitleg()}).")


def _docx_selectie(z: _Zip) -> dict[str, object] | None:
    """What compose recorded (custom XML part, else custom properties).

    Read from the already checked archive with the safe parser. A damaged record is ignored: the
    draft is still checked, only not against its own selection. A DOCTYPE is refused as everywhere.
    """
    from ..anchors import NAMESPACE, bladwijzer_naam

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
        from ..anchors import lees_record

        return lees_record(root, _getal)
    if "docProps/custom.xml" in z:
        root = _record_xml(z, "docProps/custom.xml", z.read("docProps/custom.xml"))
        if root is None:
            return None
        props = {p.get("name"): (p[0].text or "") if len(p) else "" for p in root}
        return _selectie_uit_eigenschappen(props, bladwijzer_naam)
    return None


def _record_xml(z: _Zip, name: str, data: bytes) -> Any:
    """A part holding compose's record, parsed; None when it is damaged (a DOCTYPE is still refused)."""
    try:
        return _parse_xml(z.naam, name, data)
    except ConceptFout:
        if _DOCTYPE.search(data):
            raise
        return None


def _selectie_uit_eigenschappen(props: Mapping[str | None, str],
                                bladwijzer_naam: Callable[[str], str]) -> dict[str, object] | None:
    """The selection from document properties inkoopkader.* (Word's custom.xml, ODF's meta.xml)."""
    from ..anchors import lees_eigenschappen

    return lees_eigenschappen(props, _getal)


# --- .odt -----------------------------------------------------------------------------------------

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


def _lees_odt(naam: str, data: bytes) -> Concept:
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
        from ..anchors import bladwijzer_naam

        selectie = _selectie_uit_eigenschappen(props, bladwijzer_naam)
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


# --- .pdf ----------------------------------------------------------------------------------------

_LIJSTTEKEN = re.compile(r"^(?:[-*+•·◦▪▫■□●○–—➢►✓✔]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\d{1,2}(?:\.\d{1,2})+\.?)\s+")
_AFBREKING = re.compile(r"(\w+)-$")
_WEGLATING = re.compile(r"(?:en|of|tot|noch|t/m)\b")
_EINDE_ZIN = re.compile(r"[.!?:;]['’”)]?$")


_Regel = tuple[str, "float | None", "float | None"]  # text, baseline y, font size


def _pdf_regels(page: Any) -> list[_Regel]:
    """The text lines of a PDF page as pypdf extracts them, each with its baseline and font size."""
    regels: list[_Regel] = []
    stukken: list[str] = []
    positie: list[float] = []

    def bezoeker(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        for i, stuk in enumerate(text.split("\n")):
            if i:
                regels.append(("".join(stukken), *(positie or (None, None))))
                stukken.clear()
                positie.clear()
            if stuk:
                stukken.append(stuk)
                if not positie and stuk.strip():
                    schaal = abs(tm[3] * cm[3]) or 1.0
                    positie.extend((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], float(size or 0) * schaal))

    page.extract_text(visitor_text=bezoeker)
    regels.append(("".join(stukken), *(positie or (None, None))))
    return regels


def _pdf_alineas(regels: list[_Regel]) -> list[str]:
    """Lines of one PDF page grouped into paragraphs: wrapped lines joined, list items separate.

    A new paragraph starts at a list marker, a change of font size, a larger vertical gap than the
    page's usual line spacing for that size, or after a short line (a heading, a paragraph's end).
    """
    regels = [(t.strip(), y, s) for t, y, s in regels if t.strip()]
    if not regels:
        return []
    lengtes = sorted(len(t) for t, _, _ in regels)
    vol = lengtes[int(0.8 * (len(lengtes) - 1))]  # a full line's length on this page
    afstanden: dict[float, list[float]] = {}
    for (_, y1, s1), (_, y2, s2) in pairwise(regels):
        if y1 is not None and y2 is not None and s1 and s2 and abs(s1 - s2) <= 0.05 * s1 and 0 < y1 - y2 < 3 * s1:
            afstanden.setdefault(round(s1, 1), []).append(y1 - y2)
    # The usual line spacing per font size: the smaller gaps are lines within a paragraph.
    regelafstand = {s: sorted(g)[len(g) // 5] for s, g in afstanden.items()}

    alineas: list[str] = []
    huidig = ""
    vorige: _Regel = ("", None, None)
    for regel in regels:
        tekst, y, size = regel
        vtekst, vy, vsize = vorige
        nieuw = (not huidig or bool(_LIJSTTEKEN.match(tekst))
                 or (bool(_EINDE_ZIN.search(vtekst)) and len(vtekst) < 0.85 * vol)
                 or len(vtekst) < 0.5 * vol)
        if not nieuw and y is not None and vy is not None and size and vsize:
            afstand = vy - y
            normaal = regelafstand.get(round(vsize, 1), 1.25 * vsize)
            nieuw = (abs(size - vsize) > 0.1 * vsize or afstand <= 0 or afstand > 1.12 * normaal + 0.3)
        if nieuw:
            if huidig:
                alineas.append(huidig)
            huidig = tekst
        elif huidig.endswith("-") and _WEGLATING.match(tekst):
            huidig = f"{huidig} {tekst}"  # 'jeugd-' + 'en gezinsprofessional': an elided word, not a break
        elif huidig.endswith("-") and tekst[:1].islower() and (afgebroken := _AFBREKING.search(huidig)):
            # 'zorg-' + 'verlening' -> 'zorgverlening', 'Kwaliteits-' + 'kader' -> 'Kwaliteitskader';
            # 'Wmo-' + 'ondersteuning' and 'JIJ-' + 'kader' keep their hyphen (an abbreviation).
            huidig = (huidig[:-1] if _afgebroken_woord(afgebroken.group(1)) else huidig) + tekst
        else:
            huidig = f"{huidig} {tekst}"
        vorige = regel
    if huidig:
        alineas.append(huidig)
    return alineas


def _afgebroken_woord(deel: str) -> bool:
    """Whether the part before a line-end hyphen is a word broken off (rejoin without hyphen) rather
    than an abbreviation or name that keeps its hyphen ('Wmo-', 'JIJ-', 'GGZ-', 'Jeugdwet2015-')."""
    if deel.islower():
        return True
    if any(ch.isdigit() for ch in deel) or len(deel) <= 4:
        return False
    # Capitalised: 'Kwaliteits-' is a broken word; 'BOPZ-' or 'JeugdzorgPlus-' are names.
    return deel[0].isupper() and deel[1:].islower()


def _lees_pdf(naam: str, data: bytes) -> Concept:
    soort = _soort_inhoud(data)
    if soort != "pdf":
        wat = {"zip": "een zip-archief (Word of OpenDocument?)", "cfb": "een oud Office-bestand"}.get(
            soort or "", "geen PDF-bestand")
        raise ConceptFout(naam, f"dit is geen geldige PDF: het bestand is {wat}.")
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise ConceptFout(naam, "PDF's lezen vereist het pakket pypdf (pip install pypdf).") from None
    _pypdf_stil()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except (DependencyError, NotImplementedError, FileNotDecryptedError):
                    ok = 0
                if not ok:
                    raise ConceptFout(naam, "de PDF is versleuteld (met een wachtwoord beveiligd). "
                                            "Sla een onbeveiligde versie op en probeer opnieuw.")
            aantal = len(reader.pages)
        except ConceptFout:
            raise
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of errors on broken files
            raise ConceptFout(naam, f"de PDF is beschadigd en kan niet worden gelezen ({type(exc).__name__}: "
                                    f"{exc}).") from None
        if aantal > limieten.PDF_PAGINAS.waarde():
            raise _te_veel(naam, limieten.PDF_PAGINAS, aantal)
        sleutels = _pdf_inhoud_gemeten(naam, reader, aantal)
        uit = _Uitvoer(naam)
        # Pages that share their content (and resources) give the same lines: extracted once, not
        # once per page (one 7.5 KB stream shared by 30 pages took 68 s).
        gelezen: dict[tuple[Any, ...], list[_Regel]] = {}
        for nummer in range(1, aantal + 1):
            sleutel = sleutels[nummer - 1]
            regels = gelezen.get(sleutel) if sleutel is not None else None
            if regels is None:
                try:
                    regels = _pdf_regels(reader.pages[nummer - 1])
                except ConceptFout:
                    raise
                except Exception as exc:  # noqa: BLE001 - a broken content stream or font on this page
                    raise ConceptFout(naam, f"pagina {nummer} van de PDF is beschadigd ({type(exc).__name__}: "
                                            f"{exc}).") from None
                if sleutel is not None:
                    gelezen[sleutel] = regels
            uit.nieuwe_pagina()
            for alinea in _pdf_alineas(regels):
                uit.add(alinea, "alinea", pagina=nummer)
    return _concept(naam, "pdf", uit.blokken,
                    hint=" Is het een scan? Laat er eerst tekstherkenning (OCR) op los.")


def _pdf_inhoud_gemeten(naam: str, reader: Any, aantal: int) -> list[tuple[Any, ...] | None]:
    """Check the decoded content of every page against the limits before any text is extracted;
    return per page a key that is equal for pages with the same content streams and resources
    (None when a page's content is not shared by reference).

    The total counts a shared stream once per page that shows it: each such page adds its text to
    the draft. A stream is decoded once for this (pypdf caps each at 75 MB).
    """
    from pypdf.generic import ArrayObject, IndirectObject

    groottes: dict[tuple[int, int], int] = {}
    sleutels: list[tuple[Any, ...] | None] = []
    totaal = 0
    per_pagina = limieten.PDF_PAGINA.waarde()
    for nummer in range(1, aantal + 1):
        try:
            page = reader.pages[nummer - 1]
            inhoud = page.raw_get("/Contents") if "/Contents" in page else None
            if isinstance(inhoud, IndirectObject) and isinstance(inhoud.get_object(), ArrayObject):
                inhoud = inhoud.get_object()
            delen = list(inhoud) if isinstance(inhoud, ArrayObject) else [] if inhoud is None else [inhoud]
            grootte = 0
            refs: list[tuple[int, int]] = []
            for deel in delen:
                if isinstance(deel, IndirectObject):
                    ref = (deel.idnum, deel.generation)
                    refs.append(ref)
                    if ref not in groottes:
                        groottes[ref] = _pdf_stroomgrootte(deel.get_object())
                    grootte += groottes[ref]
                else:
                    grootte += _pdf_stroomgrootte(deel)
            bronnen = page.raw_get("/Resources") if "/Resources" in page else None
        except ConceptFout:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken page tree or stream
            raise ConceptFout(naam, f"pagina {nummer} van de PDF is beschadigd ({type(exc).__name__}: {exc}).") from None
        if grootte > per_pagina:
            raise ConceptFout(naam, f"pagina {nummer} van de PDF heeft {_mb(grootte)} aan inhoud, meer dan de grens "
                                    f"per pagina; de PDF wordt niet gelezen ({limieten.PDF_PAGINA.uitleg()}).")
        totaal += grootte
        if totaal > limieten.PDF_INHOUD.waarde():
            raise ConceptFout(naam, f"de pagina's van de PDF hebben samen meer inhoud dan de grens (al {_mb(totaal)} "
                                    f"bij pagina {nummer}); de PDF wordt niet gelezen ({limieten.PDF_INHOUD.uitleg()}).")
        sleutels.append((tuple(refs), _pdf_bronsleutel(bronnen)) if refs and len(refs) == len(delen) else None)
    return sleutels


def _pdf_bronsleutel(bronnen: Any) -> object:
    """What makes two pages with the same content give the same text: their resources (fonts), by
    reference, or for a small dictionary written on the page itself by its contents."""
    from pypdf.generic import IndirectObject

    if bronnen is None:
        return None
    if isinstance(bronnen, IndirectObject):
        return (bronnen.idnum, bronnen.generation)
    tekst = repr(bronnen)
    return tekst if len(tekst) <= 10_000 else object()  # a unique key: not shared


def _pdf_stroomgrootte(stroom: Any) -> int:
    get_data = getattr(stroom, "get_data", None)
    return len(get_data()) if callable(get_data) else 0


def _pypdf_stil() -> None:
    """pypdf logs warnings about sloppy PDFs; a library must not print them (no handler -> stderr)."""
    import logging  # only PDFs need it

    logger = logging.getLogger("pypdf")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


# --- text and Markdown ----------------------------------------------------------------------------


def _decodeer(naam: str, data: bytes, formaat: str) -> str:
    soort = _soort_inhoud(data)
    if soort:
        wat = {"zip": "een Word- of OpenDocument-bestand (zip)", "pdf": "een PDF-bestand",
               "cfb": "een oud Office-bestand (.doc)"}[soort]
        raise ConceptFout(naam, f"dit is geen tekstbestand maar {wat}; geef het de juiste extensie.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            tekst = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ConceptFout(naam, "het bestand begint als UTF-16 maar is onleesbaar.") from None
    else:
        try:
            tekst = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                tekst = data.decode("cp1252")  # Windows-1252: Kladblok and older Word 'Tekst zonder opmaak'
            except UnicodeDecodeError:
                raise ConceptFout(naam, "het bestand is geen leesbare tekst (geen UTF-8 of Windows-1252); "
                                        "mogelijk binaire gegevens.") from None
    controle = len(_CONTROLE.findall(tekst))
    if "\x00" in tekst or controle > max(2, len(tekst) // 200):
        raise ConceptFout(naam, f"het bestand bevat binaire gegevens; het is geen .{formaat}-tekst.")
    return tekst


_CONTROLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # control characters other than whitespace
_LIJST_REGEL = re.compile(r"^(\s*)(?:[-*+•·◦▪–]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s+(.*)$")


_SCHEIDINGSLIJN = re.compile(r"\s*([-=_*#~])\1{2,}\s*")  # '-----', '=====' between paragraphs


def _tekst_blokken(tekst: str, naam: str = "tekst") -> list[Tekstblok]:
    """Plain text: paragraphs (wrapped lines joined) and list lines; form feeds count pages."""
    uit = _Uitvoer(naam)
    met_paginas = "\f" in tekst
    pagina = 1
    huidig: list[tuple[int, str]] = []  # (line number, text)
    start_pagina = 1

    def flush() -> None:
        if huidig:
            uit.add_regels(huidig, pagina=start_pagina if met_paginas else None)
            huidig.clear()

    for nummer, regel in enumerate(_regels(tekst), start=1):
        if "\f" in regel:
            flush()
            pagina += regel.count("\f")
            regel = regel.replace("\f", "")
        lijst = _LIJST_REGEL.match(regel)
        if not regel.strip() or _SCHEIDINGSLIJN.fullmatch(regel):
            flush()
            continue
        if lijst or not huidig:
            flush()
            huidig.append((nummer, lijst.group(2) if lijst else regel.strip()))
            start_pagina = pagina
        else:
            huidig.append((nummer, regel.strip()))
    flush()
    return uit.blokken


def _regels(tekst: str) -> list[str]:
    return tekst.replace("\r\n", "\n").replace("\r", "\n").split("\n")


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
# Links and tags are bounded spans (at most _SPAN characters) and emphasis is removed as delimiter
# runs next to a word, never as a lazy '*(.+?)*' match: those make a hostile line of unclosed
# '*' or '[a](' quadratic (120 KB took 90 s).
_SPAN = 1000


def _begrensd(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("SPAN", str(_SPAN)))


_URL = r"\((?:[^()\n]|\([^()\n]{0,SPAN}\)){0,SPAN}\)"
_MD_INLINE = [
    # Link texts stop at a '[' as well: a run of '[' then fails at once instead of scanning ahead.
    (_begrensd(r"!\[([^\[\]\n]{0,SPAN})\]" + _URL), r"\1"),  # image -> alt text
    (_begrensd(r"\[([^\[\]\n]{1,SPAN})\]" + _URL), r"\1"),  # [text](url)
    (_begrensd(r"\[([^\[\]\n]{1,SPAN})\]\[[^\[\]\n]{0,SPAN}\]"), r"\1"),  # [text][ref]
    (_begrensd(r"<((?:https?|mailto|ftp):[^<>\s]{1,SPAN})>"), r"\1"),  # autolink
    (_begrensd(r"<([^@<>\s]{1,SPAN}@[^<>\s]{1,SPAN})>"), r"\1"),
    (_begrensd(r"</?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>\n]{0,SPAN})?/?>"), " "),  # <sub>, <br/> …
    (re.compile(r"`+"), ""),  # inline code: the text stays
    # **vet**, *cursief*, __vet__, _cursief_, ~~doorgehaald~~: a run of markers that opens before a
    # word or closes after one; 'snake_case', '5 * 3' and '2*3' keep theirs.
    (re.compile(r"(?<!\w)(?:[*_]+|~~)(?=\S)|(?<=\S)(?:[*_]+|~~)(?!\w)"), ""),
]
_PRIVE = 0xE000  # escaped characters are parked in the private use area while markup is stripped


def _md_inline(tekst: str) -> str:
    """Markdown inline syntax removed, the words kept."""
    geparkeerd = "\\" in tekst and _ESCAPE.search(tekst) is not None  # most paragraphs escape nothing
    if geparkeerd:
        tekst = _ESCAPE.sub(lambda m: chr(_PRIVE + ord(m.group(1))), tekst)
    for pattern, vervanging in _MD_INLINE:
        tekst = pattern.sub(vervanging, tekst)
    if geparkeerd:
        tekst = "".join(chr(ord(ch) - _PRIVE) if _PRIVE <= ord(ch) < _PRIVE + 128 else ch for ch in tekst)
    return html.unescape(tekst) if "&" in tekst else tekst


_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_LIJN = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_MD_LIJST = re.compile(r"^(\s*)(?:[-*+•]|\d{1,9}[.)]|[a-zA-Z][.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
_CITAAT = re.compile(r"^ {0,3}>\s?")
_CITAAT_HIER = re.compile(r" {0,3}>\s?")  # the same at a given position (match(regel, pos))
_HEK = re.compile(r"^ {0,3}(```+|~~~+)")
_REFERENTIE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_SCHEIDINGSCEL = re.compile(r":?-+:?")
_COMMENTAAR = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def _kop(regel: str) -> str | None:
    """The text of an ATX heading ('## Eisen ##' -> 'Eisen'), or None when the line is not one.

    Written out instead of one pattern: '^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$' backtracks
    quadratically over a long run of spaces (a 100 KB line took minutes).
    """
    inspringing = len(regel) - len(regel.lstrip(" "))
    if inspringing > 3:
        return None
    kop = regel[inspringing:]
    hekjes = len(kop) - len(kop.lstrip("#"))
    if not 1 <= hekjes <= 6:
        return None
    rest = kop[hekjes:]
    if rest and not rest[0].isspace():
        return None  # '#hashtag', '#5'
    inhoud = rest.strip()
    zonder = inhoud.rstrip("#")
    if zonder != inhoud and zonder and zonder[-1].isspace():
        inhoud = zonder.rstrip()  # the optional closing sequence ' ##'
    return inhoud


def _is_scheidingsrij(regel: str) -> bool:
    """A table's separator row ('|---|:--:|', '--- | ---'): cells of dashes with optional colons.

    Checked cell by cell: one pattern for the whole row backtracked over runs of spaces.
    """
    rij = regel.strip()
    rij = rij.removeprefix("|")
    rij = rij.removesuffix("|")
    return bool(rij) and all(_SCHEIDINGSCEL.fullmatch(cel.strip()) for cel in rij.split("|"))


def _cellen(regel: str) -> list[str]:
    regel = regel.strip()
    regel = regel.removeprefix("|")
    if regel.endswith("|") and not regel.endswith("\\|"):
        regel = regel[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", regel)]


def _markdown_blokken(tekst: str, naam: str = "tekst") -> list[Tekstblok]:
    """Markdown: one block per paragraph, heading, list item and table cell, each with its line."""
    if "inkoopkader:bijlagen" in tekst and (bijlagen := BIJLAGEN_MARKERING.search(tekst)):
        tekst = tekst[: bijlagen.start()]  # compose's annexes: not draft text
    tekst = _COMMENTAAR.sub(lambda m: "\n" * m.group().count("\n"), tekst.replace("\r\n", "\n"))
    regels = _regels(tekst)
    uit = _Uitvoer(naam)
    huidig: list[tuple[int, str]] = []  # (line number, text) of the paragraph so far
    tabellen = 0
    hek: str | None = None
    citaat = 0

    def flush() -> None:
        if huidig:
            uit.add_regels(huidig, bewerk=_md_inline)
            huidig.clear()

    nummer = 0
    if regels and regels[0].strip() == "---":  # YAML front matter: metadata, not text
        for einde in range(1, len(regels)):
            if regels[einde].strip() in ("---", "..."):
                nummer = einde + 1
                break
    while nummer < len(regels):
        regel = regels[nummer]
        nummer += 1
        if hek is not None:  # inside a fenced code block: text as it stands
            if regel.strip().startswith(hek):
                flush()
                hek = None
            elif regel.strip():
                huidig.append((nummer, regel.strip()))
            continue
        diepte = pos = 0
        while citaat_teken := _CITAAT_HIER.match(regel, pos):  # by position: no copy per '>'
            pos = citaat_teken.end()
            diepte += 1
        regel = regel[pos:] if pos else regel
        if diepte != citaat:  # entering or leaving a block quote ends the paragraph
            flush()
            citaat = diepte
        fence = _HEK.match(regel)
        if fence:
            flush()
            hek = fence.group(1)[:3]
            continue
        if not regel.strip():
            flush()
            continue
        kop = _kop(regel) if "#" in regel[:4] else None
        if kop is not None:
            flush()
            uit.add(_md_inline(kop), "regel", index=nummer, kop=True)
            continue
        if huidig and _SETEXT.match(regel):
            flush()  # the underline of a setext heading
            continue
        if _LIJN.match(regel) or _REFERENTIE.match(regel):
            flush()
            continue
        if ("|" in regel and nummer < len(regels) and "|" in regels[nummer] and "-" in regels[nummer]
                and _is_scheidingsrij(regels[nummer])):
            flush()
            tabellen += 1
            rijen = [(nummer, regel)]
            nummer += 1  # the separator line
            while nummer < len(regels) and "|" in regels[nummer] and regels[nummer].strip():
                rijen.append((nummer + 1, _CITAAT.sub("", regels[nummer])))
                nummer += 1
            for rij, (regelnummer, rij_tekst) in enumerate(rijen, start=1):
                for kolom, cel in enumerate(_cellen(rij_tekst), start=1):
                    uit.add(_md_inline(cel.replace("\\|", "|")), "regel", index=regelnummer,
                            tabel=(tabellen, rij, kolom))
            continue
        lijst = _MD_LIJST.match(regel)
        if lijst:
            flush()
            huidig.append((nummer, lijst.group(2)))
            continue
        huidig.append((nummer, regel.strip().rstrip("\\")))
    flush()
    return uit.blokken
