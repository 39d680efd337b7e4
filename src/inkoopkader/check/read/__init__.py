"""Reading tender drafts: .docx, .odt, .pdf, .md and .txt become a `Concept` of located text blocks.

One module per format, like the readers of a configuration library:

* `docx` — WordprocessingML walked directly (body, tables, content controls, tracked insertions,
  fields, text boxes, headers and footers, notes), with approximate page numbers;
* `odt` — OpenDocument text (headings, paragraphs, lists, tables, frames, notes, master pages);
* `pdf` — the text of every page (pypdf), split into paragraph-like blocks with their page;
* `markdown` — Markdown and plain text, one block per paragraph, heading, list item and table cell,
  each located by its line (soort "regel") so that a CI annotation can point at it;
* `record` — compose's criterion bookmarks and record, shared by docx and odt;
* `veilig` — the shared defences and limits: files, zip archives, XML, block and character counts.

Only the reader of the draft's format is imported: checking a Markdown draft never loads the Word,
OpenDocument or PDF code (nor zipfile, lxml or pypdf).

Anchors: `inkoopkader compose` wraps the text of every criterion in a Word bookmark named by
`inkoopkader.anchors.bladwijzer_naam` (``bwmo-04`` -> ``ik_bwmo_04``). Every block that lies
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

import os
from pathlib import Path

from ... import limieten
from ..model import Concept
from .record import criterium_van_bladwijzer
from .veilig import MAX_BYTES as MAX_BYTES  # the default size limit, as before the split
from .veilig import ConceptFout, _mb, _read_file, _soort_inhoud

__all__ = [
    "FORMATEN",
    "ConceptFout",
    "criterium_van_bladwijzer",
    "read_bytes",
    "read_concept",
    "read_selectie",
    "read_text",
]

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
        ConceptFout: the path is a directory, the file is missing, empty, too large, of an unsupported
            type, broken, encrypted, hostile (zip bomb, DOCTYPE) or holds no readable text.
    """
    if not isinstance(path, (str, os.PathLike)):
        from ...errors import ArgumentFout

        raise ArgumentFout(f"Het concept moet een pad zijn (str of Path), geen {type(path).__name__}.")
    path = Path(path)
    naam = str(path)
    if path.is_dir():  # the reader would only say it has no known extension
        raise ConceptFout.map(naam)
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
    data = _read_file(path, naam, max_bytes, limiet)
    if formaat == "docx":
        from .docx import read_docx

        return read_docx(naam, data)
    if formaat == "odt":
        from .odt import read_odt

        return read_odt(naam, data)
    if formaat == "pdf":
        from .pdf import read_pdf

        return read_pdf(naam, data)
    from .markdown import read_markdown

    return read_markdown(naam, data, formaat)


def read_bytes(data: bytes, naam: str = "standaardinvoer") -> Concept:
    """A draft given as bytes (standard input, an upload): its format is recognised from the content.

    A PDF is read as a PDF, a zip archive as a Word or OpenDocument document, anything else as text
    (UTF-8, UTF-16 with a byte-order mark, or Windows-1252) with Markdown syntax stripped; the
    concept's `formaat` is then "tekst". The limits for the recognised format apply.

    Raises:
        ConceptFout: empty, too large, binary, hostile or unreadable input.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        from ...errors import ArgumentFout

        raise ArgumentFout(f"read_bytes verwacht bytes, geen {type(data).__name__}.")
    data = bytes(data)
    if not data:
        raise ConceptFout(naam, "de invoer is leeg.")
    soort = _soort_inhoud(data)
    limiet = limieten.TEKST if soort is None else limieten.CONCEPT
    if len(data) > limiet.waarde():
        raise ConceptFout(naam, f"de invoer is te groot ({_mb(len(data))}; {limiet.uitleg()}).")
    if soort == "pdf":
        from .pdf import read_pdf

        return read_pdf(naam, data)
    if soort in ("zip", "cfb"):
        from .veilig import _Zip

        z = _Zip(naam, data, "Word- of OpenDocument-document")
        if "content.xml" in z and "mimetype" in z:
            from .odt import read_odt

            return read_odt(naam, data)
        from .docx import read_docx

        return read_docx(naam, data)
    from .markdown import read_markdown

    return read_markdown(naam, data, "tekst")


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
        data = _read_file(Path(bron), naam, None, limieten.CONCEPT)
    from .docx import _docx_selectie
    from .veilig import _Zip

    return _docx_selectie(_Zip(naam, data, "Word-document"))


def read_text(text: str, naam: str = "tekst") -> Concept:
    """Plain text or Markdown given directly (e.g. pasted): one block per paragraph, list item, cell.

    Raises:
        ConceptFout: the text is empty or binary.
    """
    if not isinstance(text, str):
        from ...errors import ArgumentFout

        raise ArgumentFout(f"read_text verwacht tekst (str), geen {type(text).__name__}.")
    if "\x00" in text:
        raise ConceptFout(naam, "de tekst bevat binaire gegevens (NUL-tekens).")
    if len(text) > limieten.TEKST.waarde():
        raise ConceptFout(naam, f"de tekst is te groot ({len(text)} tekens; {limieten.TEKST.uitleg()}).")
    from .markdown import _markdown_blokken
    from .veilig import _concept

    return _concept(naam, "tekst", _markdown_blokken(text.lstrip("\ufeff"), naam))


# Where compose's annexes begin (contract with compose): the bookmark on the first annex heading in a
