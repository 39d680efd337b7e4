"""CSV: the traceability of a document — one row per selected criterion — for Excel and tender platforms.

';'-separated, UTF-8 with BOM (Dutch Excel opens it as is). Every cell that a spreadsheet program
would read as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an
apostrophe, the convention spreadsheet programs show as plain text.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Document

KOLOMMEN = (
    ("ID", "id"), ("Kader", "kader"), ("Kadertitel", "kader_titel"), ("Editie", "editie"), ("Thema", "thema"),
    ("Doelgroep", "doelgroep"), ("Rol", "rol"), ("Plaats in document", "plaats"), ("Nummer", "nummer"),
    ("Bronregel", "bronregel"), ("Tekst in document", "tekst_document"), ("Tekst in bron", "tekst_bron"),
    ("Tekst aangepast", "aangepast"), ("Geactualiseerd", "geactualiseerd"), ("Bewijs", "bewijs"),
)


def veilige_cel(waarde: object) -> str:
    """A value as spreadsheet-safe text: booleans as ja/nee, formula starts neutralised."""
    from ..text import csv_veilig

    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return str(csv_veilig("" if waarde is None else str(waarde)))


def render(doc: Document) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([kop for kop, _ in KOLOMMEN])
    for rij in doc.traceerbaarheid:
        writer.writerow([veilige_cel(getattr(rij, veld)) for _, veld in KOLOMMEN])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
