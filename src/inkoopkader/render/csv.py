"""CSV for tender platforms: one row per criterion, ';'-separated, UTF-8 with BOM (Dutch Excel)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..framing import losse_regel
from ..text import csv_veilig, strip_markup

if TYPE_CHECKING:
    from ..compose import Samenstelling

KOLOMMEN = ["ID", "Tekst", "Kader", "Jaar", "Thema", "Vorm", "Doelgroep", "Groep", "Plaats"]


def render(doc: Samenstelling) -> bytes:
    body = {k.criterium.id for k in doc.lichaam}
    gemeente = {k.criterium.id for k in doc.gemeente}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(KOLOMMEN)
    for keuze in doc.alle_keuzes:
        crit = keuze.criterium
        items = "; ".join(strip_markup(i.tekst).rstrip(";. ") for i in crit.items)
        tekst = strip_markup(crit.tekst) + (f" {items}." if items else "")
        if crit.id in gemeente:
            regel, plaats = f"Aandachtspunt voor de gemeente: {tekst}", "bijlage B (gemeente)"
        else:
            regel = losse_regel(keuze.vorm, crit.doelgroep, tekst)
            plaats = "lichaam" if crit.id in body else "bijlage A (kernpunt)"
        writer.writerow([csv_veilig(cel) for cel in (
            crit.id, regel, f"{keuze.kader.nummer}. {keuze.kader.titel}", keuze.kader.jaar,
            ", ".join(t.value for t in crit.thema), keuze.vorm.value, crit.doelgroep.value,
            " › ".join(crit.groep), plaats,
        )])
    for blok in doc.personeel:
        onderdelen = "; ".join(item.tekst.rstrip(". ") for item in blok.onderdelen)
        tekst = blok.eis.tekst + (f" {onderdelen}." if onderdelen else "")
        bronnen = "; ".join(f"{b.plaats}, regel {b.regel}" for b in blok.eis.onderbouwing)
        writer.writerow([csv_veilig(cel) for cel in (
            blok.eis.id, tekst, f"Deskundigheid en inzet van personeel ({bronnen})", "",
            "vakmanschap", blok.vorm.value, "organisatie", blok.eis.titel, "lichaam (personeel)")])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
