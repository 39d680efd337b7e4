"""The PDF (render/pdf.py via LibreOffice): its table of contents has the page numbers of the headings."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from inkoopkader.compose import compose
from inkoopkader.select import select

pytestmark = pytest.mark.slow


def pagina(pdf: bytes, nummer: int) -> str:
    assert shutil.which("pdftotext"), "pdftotext ontbreekt; installeer poppler-utils (CI doet dat)"
    return subprocess.run(["pdftotext", "-f", str(nummer), "-l", str(nummer), "-layout", "-", "-"],
                          input=pdf, capture_output=True, check=True).stdout.decode()


def test_the_table_of_contents_in_the_pdf_has_the_page_of_every_chapter(corpus) -> None:
    assert shutil.which("soffice"), "LibreOffice (soffice) is niet geïnstalleerd; CI installeert het"
    pdf = compose(corpus, select(corpus, "wmo-1a")).render("pdf")
    assert pdf.startswith(b"%PDF-")
    inhoud = pagina(pdf, 2)
    assert "Inhoudsopgave" in inhoud
    # '3 Minimumeisen ........ 6': a chapter, dot leaders and its page number
    regels = re.findall(r"^(\d+) (\S.*?)\s*\.{3,}\s*(\d+)\s*$", inhoud, re.MULTILINE)
    assert len(regels) >= 4, inhoud
    for nummer, kop, blz in regels:
        tekst = pagina(pdf, int(blz))
        koppen = [" ".join(r.split()) for r in tekst.splitlines()]
        assert f"{nummer} {kop}" in koppen, (nummer, kop, blz, tekst[:500])
