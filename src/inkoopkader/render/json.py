"""JSON: the whole document model as data (schema_version 2), for scripts and other systems.

Top level: schema_version, document (metadata: titel, segment, procedure, versions …), kaders (the
kaders of the selection: nummer, titel, jaar, relevantie, verwijzing, inzet), secties and bijlagen
(each with titel, id, blokken and subsecties; a blok has `type`: alinea, opsomming, tabel, eis,
vraag or aspect, and the fields of its type), gunning (prijs, kwaliteit, schaal, ondergrens, or
null outside an aanbesteding), traceerbaarheid (one row per criterion) and meldingen.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..document import Alinea, Aspect, Eis, Opsomming, Sectie, Tabel, Vraag
from ..serialize import to_data

if TYPE_CHECKING:
    from ..document import Document

SCHEMA_VERSION = 2
_SOORTEN = {Alinea: "alinea", Opsomming: "opsomming", Tabel: "tabel", Eis: "eis", Vraag: "vraag", Aspect: "aspect"}


def _sectie(sectie: Sectie) -> dict[str, Any]:
    return {
        "titel": sectie.titel,
        "id": sectie.id,
        "blokken": [{"type": _SOORTEN[type(b)], **to_data(b)} for b in sectie.blokken],
        "subsecties": [_sectie(s) for s in sectie.subsecties],
    }


def as_data(doc: Document) -> dict[str, Any]:
    meta = doc.meta
    gunning = None
    if doc.gunning is not None:
        g = doc.gunning
        gunning = {"prijs": g.prijs, "kwaliteit": g.kwaliteit, "ondergrens": g.ondergrens,
                   "schaal": to_data(g.schaal),
                   "vragen": [{"nummer": v.nummer, "titel": v.titel, "weging": v.weging} for v in g.vragen]}
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {**to_data(meta), "samengesteld_met": meta.samengesteld_met},
        "segment": to_data(doc.selectie.segment),
        "filters": dict(doc.selectie.filters),
        "kaders": [
            {"nummer": kk.kader.nummer, "sleutel": kk.kader.sleutel, "titel": kk.kader.titel,
             "uitgever": kk.kader.uitgever, "jaar": kk.kader.jaar, "relevantie": kk.relevantie.value,
             "verwijzing": kk.verwijzing, "inzet": kk.inzet.value}
            for kk in doc.selectie.kaders
        ],
        "secties": [_sectie(s) for s in doc.secties],
        "bijlagen": [_sectie(s) for s in doc.bijlagen],
        "gunning": gunning,
        "traceerbaarheid": to_data(doc.traceerbaarheid),
        "meldingen": list(doc.meldingen),
    }


def render(doc: Document) -> bytes:
    return (json.dumps(as_data(doc), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
