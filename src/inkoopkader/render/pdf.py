"""PDF: the Word document, converted by LibreOffice (`soffice --headless --convert-to pdf`).

A PDF is what a gemeente publishes next to (or instead of) the Word file. inkoopkader does not lay
out pages itself: LibreOffice converts the same docx that `render/docx.py` makes, so the PDF can
never differ from the Word document. The conversion runs in a private temporary directory with its
own LibreOffice profile (an open LibreOffice window of the user is not disturbed), and the bytes
come back to the caller, who writes them with the usual atomic rules (`output.write_atomic`).
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


def docx_naar_pdf(data: bytes, naam: str = "document") -> bytes:
    """Convert a Word document (bytes) to PDF (bytes) with LibreOffice.

    Raises:
        InkoopkaderError: LibreOffice is missing, fails, or takes longer than TIJDSLIMIET seconds.
    """
    exe = libreoffice()
    with tempfile.TemporaryDirectory(prefix="inkoopkader-pdf-") as tmp:
        map_ = Path(tmp)
        bron = map_ / f"{naam}.docx"
        bron.write_bytes(data)
        profiel = map_ / "profiel"
        try:
            afloop = subprocess.run(
                [exe, f"-env:UserInstallation={profiel.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", str(map_), str(bron)],
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
        pdf = map_ / f"{naam}.pdf"
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
