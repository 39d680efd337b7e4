"""JSON: every selected criterion with all its fields and the chosen vorm (schema_version 1).

Schema (top level): schema_version, document (metadata), segment, kaders (used kaders with
relevantie and vorm), criteria (one object per selected criterion: all corpus fields plus
`vorm`, `plaats` = lichaam | bijlage-a | bijlage-b, `kader_titel`, `kader_jaar`, `waarschuwingen`),
personeel (staff requirements: id, titel, soort, vorm, tekst, onderbouwing with source passages,
and `onderdelen`: the quoted profile items with id, tekst, regel, profiel).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..serialize import SCHEMA_VERSION, to_data

if TYPE_CHECKING:
    from ..compose import Samenstelling


def as_data(doc: Samenstelling) -> dict[str, Any]:
    meta = doc.meta
    body = {k.criterium.id for k in doc.lichaam}
    gemeente = {k.criterium.id for k in doc.gemeente}
    criteria = []
    for keuze in doc.alle_keuzes:
        cid = keuze.criterium.id
        criteria.append(
            {
                **to_data(keuze.criterium),
                "vorm": keuze.vorm.value,
                "plaats": "lichaam" if cid in body else "bijlage-b" if cid in gemeente else "bijlage-a",
                "kader_titel": keuze.kader.titel,
                "kader_jaar": keuze.kader.jaar,
                "waarschuwingen": [w.tekst for w in doc.waarschuwingen_voor(cid)],
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {**to_data(meta), "samengesteld_met": meta.samengesteld_met, "inleiding": list(doc.inleiding)},
        "segment": to_data(doc.selectie.segment),
        "filters": dict(doc.selectie.filters),
        "kaders": [
            {"nummer": kk.kader.nummer, "sleutel": kk.kader.sleutel, "titel": kk.kader.titel,
             "uitgever": kk.kader.uitgever, "jaar": kk.kader.jaar, "relevantie": kk.relevantie.value,
             "vorm": kk.vorm.value, "waarschuwingen": [w.tekst for w in doc.kader_waarschuwingen(kk.kader.nummer)]}
            for kk in doc.selectie.kaders
        ],
        "criteria": criteria,
        "personeel": [
            {**to_data(blok.eis), "vorm": blok.vorm.value, "profiel": blok.profiel_titel,
             "onderdelen": [to_data(item) for item in blok.onderdelen]}
            for blok in doc.personeel
        ],
    }


def render(doc: Samenstelling) -> bytes:
    return (json.dumps(as_data(doc), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
