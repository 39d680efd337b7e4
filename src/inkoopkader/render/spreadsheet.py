"""What the spreadsheet formats (CSV and xlsx) share: the traceability columns and safe cell text.

A cell whose text starts with =, +, -, @, a tab or a carriage return would be read as a formula by a
spreadsheet program (CSV injection). CSV has no cell types, so `veilige_cel` prefixes such text with
an apostrophe, the convention spreadsheet programs show as plain text. In xlsx a cell has a type: the
xlsx renderer writes such text unchanged as a text cell marked 'quotePrefix' (`is_formuleachtig`), so
the program shows it as typed and never evaluates it, not even after the user edits the cell.
"""

from __future__ import annotations

from ..text import csv_veilig

TRACE_KOLOMMEN = (
    ("ID", "id"), ("Kader", "kader"), ("Kadertitel", "kader_titel"), ("Editie", "editie"), ("Thema", "thema"),
    ("Doelgroep", "doelgroep"), ("Rol", "rol"), ("Plaats in document", "plaats"), ("Nummer", "nummer"),
    ("Bronregel", "bronregel"), ("Tekst in document", "tekst_document"), ("Tekst in bron", "tekst_bron"),
    ("Tekst aangepast", "aangepast"), ("Geactualiseerd", "geactualiseerd"), ("Bewijs", "bewijs"),
)
"""(header, TraceRij field) of the traceability list, in the CSV file and on the xlsx sheet."""

def celtekst(waarde: object) -> str:
    """A value as cell text: booleans as ja/nee, None as empty."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return "" if waarde is None else str(waarde)


def is_formuleachtig(tekst: str) -> bool:
    """Would a spreadsheet program read this text as the start of a formula?"""
    return csv_veilig(tekst) != tekst


def veilige_cel(waarde: object) -> str:
    """A value as spreadsheet-safe CSV text: booleans as ja/nee, formula starts neutralised."""
    return str(csv_veilig(celtekst(waarde)))
