"""CSV: the traceability of a document — one row per selected criterion — for Excel and tender platforms.

';'-separated, UTF-8 with BOM (Dutch Excel opens it as is). Every cell that a spreadsheet program
would read as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an
apostrophe, the convention spreadsheet programs show as plain text (see `spreadsheet`).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from .spreadsheet import TRACE_KOLOMMEN as KOLOMMEN
from .spreadsheet import veilige_cel

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["KOLOMMEN", "render", "veilige_cel"]


def render(doc: Document) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([kop for kop, _ in KOLOMMEN])
    for rij in doc.traceerbaarheid:
        writer.writerow([veilige_cel(getattr(rij, veld)) for _, veld in KOLOMMEN])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
