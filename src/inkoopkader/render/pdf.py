"""PDF: the Word document, converted by LibreOffice (`soffice --headless --convert-to pdf`).

A PDF is what a gemeente publishes next to (or instead of) the Word file. inkoopkader does not lay
out pages itself: LibreOffice converts the same docx that `render/docx.py` makes, so the PDF can
never differ from the Word document. The conversion runs in a private temporary directory with its
own LibreOffice profile (an open LibreOffice window of the user is not disturbed), and the bytes
come back to the caller, who writes them with the usual atomic rules (`output.write_atomic`).

`soffice --convert-to pdf` does not update fields and indexes: the table of contents would keep the
result the docx carries (the headings without page numbers; Word refreshes it on opening, LibreOffice
does not). So the conversion runs a small Basic macro in the private profile that opens the document,
updates every index (page numbers included) and then exports the PDF. Debian's
libreoffice-writer-nogui has Basic but no Python-UNO, hence Basic. Should the macro not give a PDF
(an unusual LibreOffice build), the plain conversion is used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InkoopkaderError

if TYPE_CHECKING:
    from ..document import Document

# A long document takes LibreOffice 5-15 s on a slow machine (its first start builds a profile).
TIJDSLIMIET = 300.0

INSTALLATIE = (
    "Installeer LibreOffice (Debian/Ubuntu: apt install libreoffice-writer-nogui; Windows en macOS: "
    "https://www.libreoffice.org), of maak een Word-document (docx) en sla dat als PDF op."
)


def libreoffice() -> str:
    """The path of LibreOffice's `soffice`.

    Raises:
        InkoopkaderError: LibreOffice is not installed, naming what to install.
    """
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise InkoopkaderError(f"Voor PDF is LibreOffice nodig, maar 'soffice' is niet gevonden. {INSTALLATIE}")
    return exe


# The macro in the private profile: open hidden, update all indexes (the TOC), export as PDF.
_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub NaarPdf(bron As String, doel As String)
  On Error GoTo Fout
  Dim laden(0) As New com.sun.star.beans.PropertyValue
  laden(0).Name = &quot;Hidden&quot;
  laden(0).Value = True
  doc = StarDesktop.loadComponentFromURL(bron, &quot;_blank&quot;, 0, laden())
  indexen = doc.getDocumentIndexes()
  For i = 0 To indexen.getCount() - 1
    indexen.getByIndex(i).update()
  Next
  Dim opslaan(0) As New com.sun.star.beans.PropertyValue
  opslaan(0).Name = &quot;FilterName&quot;
  opslaan(0).Value = &quot;writer_pdf_Export&quot;
  doc.storeToURL(doel, opslaan())
Fout:
  If Not IsNull(doc) And Not IsEmpty(doc) Then doc.close(True)
End Sub
</script:module>
"""


def _soffice(exe: str, map_: Path, profiel: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice headless with the private profile; errors as InkoopkaderError."""
    try:
        return subprocess.run(
            [exe, f"-env:UserInstallation={profiel.as_uri()}", "--headless", "--norestore", *args],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=TIJDSLIMIET,
            env={**os.environ, "HOME": str(map_)},  # LibreOffice writes caches under $HOME
        )
    except subprocess.TimeoutExpired:
        raise InkoopkaderError(
            f"LibreOffice maakte de PDF niet binnen {TIJDSLIMIET:.0f} seconden; probeer het opnieuw of maak "
            "een Word-document (docx)."
        ) from None
    except OSError as exc:
        raise InkoopkaderError(f"LibreOffice ('{exe}') kon niet worden gestart: {exc.strerror or exc}. "
                               f"{INSTALLATIE}") from None


def _met_inhoudsopgave(exe: str, map_: Path, profiel: Path, bron: Path, pdf: Path) -> None:
    """Convert through the macro, which updates the table of contents first (see the module text).

    LibreOffice replaces the Basic library of a new profile when it first starts, so the profile is
    made first and the macro written into it afterwards.
    """
    _soffice(exe, map_, profiel, "--terminate_after_init")
    module = profiel / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.parent.is_dir():
        return
    module.write_text(_MACRO, encoding="utf-8")
    _soffice(exe, map_, profiel, f'macro:///Standard.Module1.NaarPdf("{bron.as_uri()}","{pdf.as_uri()}")')


def docx_naar_pdf(data: bytes, naam: str = "document") -> bytes:
    """Convert a Word document (bytes) to PDF (bytes) with LibreOffice, its table of contents updated.

    Raises:
        InkoopkaderError: LibreOffice is missing, fails, or takes longer than TIJDSLIMIET seconds.
    """
    exe = libreoffice()
    with tempfile.TemporaryDirectory(prefix="inkoopkader-pdf-") as tmp:
        map_ = Path(tmp)
        bron = map_ / f"{naam}.docx"
        bron.write_bytes(data)
        profiel = map_ / "profiel"
        pdf = map_ / f"{naam}.pdf"
        _met_inhoudsopgave(exe, map_, profiel, bron, pdf)
        if pdf.is_file() and pdf.stat().st_size > 0:
            return pdf.read_bytes()
        afloop = _soffice(exe, map_, profiel, "--convert-to", "pdf", "--outdir", str(map_), str(bron))
        if afloop.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            melding = " ".join((afloop.stderr or afloop.stdout or "").split())[:300]
            raise InkoopkaderError(
                f"LibreOffice kon het document niet naar PDF omzetten (exitcode {afloop.returncode})"
                + (f": {melding}" if melding else ".")
            )
        return pdf.read_bytes()


def render(doc: Document, *, sjabloon: str | os.PathLike[str] | None = None) -> bytes:
    """The composed document as PDF (via its Word form, with the house-style template if given)."""
    from .docx import render as render_docx

    return docx_naar_pdf(render_docx(doc, sjabloon=sjabloon))
