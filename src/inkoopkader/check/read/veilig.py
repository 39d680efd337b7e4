"""The defences and limits every draft reader shares.

Files are read defensively (`_read_file`: regular files only, never blocking, size checked before and
after reading), zip archives are checked on their directory before anything is decompressed (`_Zip`:
entries, total size, compression ratio, encryption), XML with a DOCTYPE is refused before and after
parsing (`_parse_xml`), and the blocks a reader emits are counted against the limits on blocks and
characters (`_Uitvoer`). Every refusal is a `ConceptFout` that names the file.

Nothing here imports zipfile or lxml until an archive or XML part is actually opened, so that
reading a Markdown or text draft stays cheap.
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ... import limieten
from ...errors import InkoopkaderError
from ..model import Concept, Locatie, Tekstblok

MiB = 1024 * 1024
MAX_BYTES = limieten.CONCEPT.standaard  # the default limit of .docx/.odt/.pdf (INKOOPKADER_MAX_CONCEPT)
# Zip limits, checked on the archive's directory before anything is decompressed. A real tender
# draft (with images) stays far below them. The number of entries and the total size are documented
# limits (limieten.ZIP_ONDERDELEN, limieten.ZIP_UITGEPAKT); the ratio is fixed.
MAX_ZIP_RATIO = 200  # uncompressed : compressed, for an entry larger than RATIO_MIN_SIZE
RATIO_MIN_SIZE = 1 * MiB

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, or an encrypted .docx
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF-"


class ConceptFout(InkoopkaderError):
    """A draft cannot be read: missing, unsupported, broken, encrypted or hostile. Names the file."""

    def __init__(self, bestand: str, melding: str) -> None:
        self.bestand = bestand
        self.melding = melding
        super().__init__(f"{bestand}: {melding}")

    @classmethod
    def map(cls, bestand: str) -> ConceptFout:
        """A directory given as the draft: one file is needed (a folder: the pre-commit hook)."""
        fout = cls(bestand, "is een map, geen concept")
        fout.args = (f"'{bestand}' is een map, geen concept. Geef één bestand op (.docx, .odt, .pdf, .md of .txt); "
                     "voor alle concepten in een map: de pre-commit-hook of een lus in de shell.",)
        return fout



# --- files, zips and XML ------------------------------------------------------------


def _read_file(path: Path, naam: str, max_bytes: int | None, limiet: limieten.Limiet) -> bytes:
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
        import zipfile  # only archives need it (with bz2 and lzma it costs ~25 ms)

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
        import zipfile
        import zlib

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



def _te_veel(naam: str, limiet: limieten.Limiet, aantal: int) -> ConceptFout:
    return ConceptFout(naam, f"het document heeft {limiet.tekst(aantal)}, meer dan de grens; het wordt niet "
                             f"gelezen ({limiet.uitleg()}).")
