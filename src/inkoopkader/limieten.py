"""The limits on what inkoopkader reads: checked before the work starts, each one documented.

Every input a user (or an attacker) can hand over has a bound on its size or shape, so that no
input costs more than a few seconds or a few hundred megabytes. The defaults let a real 300-page
tender through with room to spare; each can be raised with an environment variable
``INKOOPKADER_MAX_<NAAM>`` (a number, for sizes also with KB, MB or GB). A refusal names the limit
and that variable. The README lists them all (a test keeps the table and this module in step).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .errors import InkoopkaderError, LimietFout

KB = 1024
MB = 1024 * KB
GB = 1024 * MB
_GETAL = re.compile(r"\s*(\d{1,15})\s*(kb|mb|gb|k|m|g)?\s*", re.IGNORECASE)
_FACTOR = {"k": KB, "kb": KB, "m": MB, "mb": MB, "g": GB, "gb": GB}


@dataclass(frozen=True)
class Limiet:
    """One documented limit."""

    naam: str  # INKOOPKADER_MAX_<NAAM>
    standaard: int
    eenheid: str  # "bytes", or the plural noun counted ("bladwijzers")
    geldt_voor: str  # Dutch, for the README and messages

    @property
    def omgevingsvariabele(self) -> str:
        return f"INKOOPKADER_MAX_{self.naam.upper()}"

    def waarde(self) -> int:
        """The limit in force: the environment variable when set, else the default.

        Raises:
            InkoopkaderError: the variable holds no whole number (with an optional KB/MB/GB).
        """
        ingesteld = os.environ.get(self.omgevingsvariabele)
        if ingesteld is None or not ingesteld.strip():
            return self.standaard
        match = _GETAL.fullmatch(ingesteld)
        if match is None or (match.group(2) and self.eenheid != "bytes"):
            voorbeeld = "50MB" if self.eenheid == "bytes" else str(self.standaard * 2)
            raise InkoopkaderError(
                f"{self.omgevingsvariabele}={ingesteld!r} is geen geldige grens; geef een geheel getal"
                f"{' (eventueel met KB, MB of GB)' if self.eenheid == 'bytes' else ''}, b.v. "
                f"{self.omgevingsvariabele}={voorbeeld}."
            )
        return int(match.group(1)) * _FACTOR.get((match.group(2) or "").lower(), 1)

    def tekst(self, aantal: int | None = None) -> str:
        """'50 MB', '5.000 pagina's' … (the limit, or `aantal` in the limit's unit)."""
        n = self.waarde() if aantal is None else aantal
        if self.eenheid == "bytes":
            return grootte(n)
        return f"{n:,}".replace(",", ".") + f" {self.eenheid}"

    def uitleg(self) -> str:
        """The sentence a refusal ends with: what the limit is and how to raise it."""
        voorbeeld = self.waarde() * 2
        waarde = f"{voorbeeld // MB}MB" if self.eenheid == "bytes" and voorbeeld % MB == 0 else str(voorbeeld)
        return f"de grens is {self.tekst()}; verhoog die zo nodig met {self.omgevingsvariabele}={waarde}"

    def controleer(self, aantal: int, wat: str) -> None:
        """Raise LimietFout ("<wat> (<aantal>) is te groot: de grens is …") when over the limit."""
        if aantal > self.waarde():
            raise LimietFout(f"{wat[:1].upper()}{wat[1:]} ({self.tekst(aantal)}) is te groot: {self.uitleg()}.",
                             self.naam)


def grootte(n: int) -> str:
    if n >= GB and n % GB == 0:
        return f"{n // GB} GB"
    if n >= MB:
        return f"{n / MB:.0f} MB" if n % MB == 0 else f"{n / MB:.1f} MB"
    if n >= KB:
        return f"{n / KB:.0f} KB" if n % KB == 0 else f"{n / KB:.1f} KB"
    return f"{n} bytes"


# --- the limits --------------------------------------------------------------------------------------

CONCEPT = Limiet("concept", 50 * MB, "bytes", "een concept (.docx, .odt, .pdf)")
TEKST = Limiet("tekst", 10 * MB, "bytes", "een concept als tekst (.md, .txt, standaardinvoer als tekst)")
STDIN = Limiet("stdin", 50 * MB, "bytes", "standaardinvoer (check -)")
TEKENS = Limiet("tekens", 10_000_000, "tekens", "de gelezen tekst van een concept, alle blokken samen")
ALINEAS = Limiet("alineas", 200_000, "tekstblokken", "alinea's, cellen en regels in een concept")
ZIP_ONDERDELEN = Limiet("zip_onderdelen", 5_000, "onderdelen", "onderdelen in een .docx, .odt of sjabloon")
ZIP_UITGEPAKT = Limiet("zip_uitgepakt", 200 * MB, "bytes", "uitgepakte grootte van een .docx, .odt of sjabloon")
BLADWIJZERS = Limiet("bladwijzers", 50_000, "bladwijzers", "bladwijzers in een .docx of .odt")
VELDEN = Limiet("velden", 100_000, "velden", "velden (paginanummers, verwijzingen …) in een .docx")
PDF_PAGINAS = Limiet("pdf_paginas", 5_000, "pagina's", "pagina's van een PDF")
PDF_INHOUD = Limiet("pdf_inhoud", 8 * MB, "bytes", "uitgepakte pagina-inhoud van een PDF, alle pagina's samen")
PDF_PAGINA = Limiet("pdf_pagina", 2 * MB, "bytes", "uitgepakte inhoud van één PDF-pagina")
PDF_NESTING = Limiet("pdf_nesting", 12, "niveaus", "formulieren (Form XObjects) in formulieren in een PDF")
PROFIEL = Limiet("profiel", 256 * KB, "bytes", "een selectieprofiel (YAML)")
YAML_ALIASSEN = Limiet("yaml_aliassen", 10_000, "knopen", "knopen die aliassen (*naam) in een selectieprofiel herhalen")
YAML_DIEPTE = Limiet("yaml_diepte", 32, "niveaus", "nesting van lijsten en mappings in een selectieprofiel")
SJABLOON = Limiet("sjabloon", 50 * MB, "bytes", "een huisstijlsjabloon (.docx, .dotx)")
ZOEKTERM = Limiet("zoekterm", 200, "tekens", "een zoekterm")

ALLE: tuple[Limiet, ...] = (
    CONCEPT, TEKST, STDIN, TEKENS, ALINEAS, ZIP_ONDERDELEN, ZIP_UITGEPAKT, BLADWIJZERS, VELDEN,
    PDF_PAGINAS, PDF_INHOUD, PDF_PAGINA, PDF_NESTING, PROFIEL, YAML_ALIASSEN, YAML_DIEPTE, SJABLOON, ZOEKTERM,
)
