"""The record compose writes into a document and `check` reads back: one owner for both directions.

In a Word document:

* every criterion (and every legal or staff item) is wrapped in a bookmark ``ik_`` + its ID with
  every character other than a letter or digit replaced by ``_`` (`bladwijzer_naam`);
* the first annex heading carries the bookmark ``ik_bijlagen`` (`BIJLAGEN_BLADWIJZER`): from there on
  the document is background, not draft text, and `check` does not read it;
* a custom XML part (namespace `NAMESPACE`) records the selection (`record_xml`);
* custom document properties ``inkoopkader.*`` repeat the essentials (`eigenschappen`).

In Markdown the line `MD_BIJLAGEN` precedes the first annex.

Kept apart from render/docx.py so that reading a draft does not import the Word renderer.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import Document

NAMESPACE = "urn:inkoopkader:selectie:1"
"""XML namespace of the custom XML part in which compose records its selection."""

SCHEMA = 2
"""Version of the record: 2 records roles (rol) and the procedure; 1 recorded eis/vraag/verwijzing (vorm)."""

BIJLAGEN_BLADWIJZER = "ik_bijlagen"
MD_BIJLAGEN = "<!-- inkoopkader:bijlagen -->"

PROPERTY_CHUNK = 255
"""Word's property dialog shows at most 255 characters per value."""


def bladwijzer_naam(criterium_id: str) -> str:
    """The bookmark that anchors a criterion in the Word document: 'bwmo-04' -> 'ik_bwmo_04'."""
    naam = "ik_" + re.sub(r"[^A-Za-z0-9]", "_", criterium_id)
    if len(naam) > 40:
        naam = naam[:31] + "_" + uuid.uuid5(uuid.NAMESPACE_URL, criterium_id).hex[:8]
    return naam


def _plaats(sectie_id: str) -> str:
    """Where an anchored block sits: 'lichaam', or the annex id ('bijlage-inspiratie', 'bijlage-gemeente')."""
    for bijlage in ("bijlage-inspiratie", "bijlage-gemeente", "bijlage-kader"):
        if sectie_id.startswith(bijlage):
            return bijlage
    return "lichaam"


def record_xml(doc: Document, bladwijzers: Mapping[str, str]) -> bytes:
    """customXml/itemN.xml: the complete selection, for `inkoopkader check`."""
    from lxml import etree

    meta = doc.meta
    ns = f"{{{NAMESPACE}}}"
    root = etree.Element(f"{ns}selectie", nsmap={"ik": NAMESPACE})
    for key, value in (("schema", str(SCHEMA)), ("segment", meta.segment_id), ("procedure", meta.procedure.value),
                       ("corpus", meta.corpus_versie), ("inkoopkader", meta.inkoopkader_versie),
                       ("datum", meta.datum.isoformat()), ("versie", meta.versie),
                       ("toelichting", "true" if meta.met_toelichting else "false")):
        root.set(key, value)
    if doc.bijlagen:
        root.set("bijlagen", BIJLAGEN_BLADWIJZER)
    if meta.gemeente:
        root.set("gemeente", meta.gemeente)
    if meta.kenmerk:
        root.set("kenmerk", meta.kenmerk)
    for kk in doc.selectie.kaders:
        etree.SubElement(root, f"{ns}kader", nummer=str(kk.kader.nummer), sleutel=kk.kader.sleutel,
                         jaar=str(kk.kader.jaar), relevantie=kk.relevantie.value,
                         verwijzing="ja" if kk.verwijzing else "nee", inzet=kk.inzet.value)
    for anker, plaats, rol in criteria(doc):
        attrs = {"id": anker, "plaats": plaats, "bladwijzer": bladwijzers.get(anker, bladwijzer_naam(anker))}
        if rol:
            attrs["rol"] = rol
        etree.SubElement(root, f"{ns}criterium", **attrs)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def criteria(doc: Document) -> list[tuple[str, str, str | None]]:
    """(ID, plaats, rol) of every anchored criterion in document order, body first."""
    return [(anker, _plaats(sectie), rol.value if rol else None) for anker, sectie, rol in doc.ankers()]


def eigenschappen(doc: Document) -> list[tuple[str, str, str]]:
    """Custom document properties (name, vt type, value) for tools that only read properties."""
    meta = doc.meta
    lichaam = [anker for anker, plaats, _ in criteria(doc) if plaats == "lichaam"]
    values: list[tuple[str, str, str]] = [
        ("inkoopkader.schema", "i4", str(SCHEMA)),
        ("inkoopkader.segment", "lpwstr", meta.segment_id),
        ("inkoopkader.procedure", "lpwstr", meta.procedure.value),
        ("inkoopkader.corpus", "lpwstr", meta.corpus_versie),
        ("inkoopkader.versie", "lpwstr", meta.inkoopkader_versie),
        ("inkoopkader.aantal", "i4", str(len(lichaam))),
        ("inkoopkader.kaders", "lpwstr", ",".join(str(kk.kader.nummer) for kk in doc.selectie.kaders)),
        ("inkoopkader.toelichting", "bool", "true" if meta.met_toelichting else "false"),
    ]
    if meta.gemeente:
        values.append(("inkoopkader.gemeente", "lpwstr", meta.gemeente[:PROPERTY_CHUNK]))
    if meta.kenmerk:
        values.append(("inkoopkader.kenmerk", "lpwstr", meta.kenmerk[:PROPERTY_CHUNK]))
    for index, chunk in enumerate(_chunks(",".join(lichaam), PROPERTY_CHUNK), start=1):
        values.append((f"inkoopkader.criteria.{index}", "lpwstr", chunk))
    return values


def _chunks(text: str, size: int) -> Iterator[str]:
    """Comma-separated IDs in pieces of at most `size` characters, never splitting an ID."""
    current = ""
    for ident in text.split(","):
        if not ident:
            continue
        candidate = f"{current},{ident}" if current else ident
        if len(candidate) > size and current:
            yield current
            current = ident
        else:
            current = candidate
    if current:
        yield current


def read_record(root: Any, getal: Callable[[str | None], int | None]) -> dict[str, object]:
    """The selection from a parsed custom XML record (an lxml element in `NAMESPACE`).

    Returns 'segment', 'procedure', 'corpus_versie', 'kaders' (numbers), 'criteria' (IDs in the body,
    document order), 'rollen' (ID -> rol), 'bladwijzers' (ID -> bookmark, every anchored item),
    'plaatsen' (ID -> lichaam | bijlage-…), 'verwezen' (kader numbers declared as a whole) and the
    root attributes. A schema-1 record (eis/vraag/verwijzing) gives its body criteria without roles.
    """
    ns = f"{{{NAMESPACE}}}"
    elementen = [c for c in root.iterfind(f"{ns}criterium") if c.get("id")]
    plaatsen = {c.get("id"): c.get("plaats") or "lichaam" for c in elementen}
    schema = getal(root.get("schema")) or 1
    if schema < 2:
        # compose 1 wrote 'bijlage-a' for the kernpunten of a kader referenced as a whole and
        # 'bijlage-b' for the gemeente; only the body was draft text.
        lichaam = [c.get("id") for c in elementen if (c.get("plaats") or "lichaam") == "lichaam"]
        rollen: dict[str, str] = {}
    else:
        lichaam = [c.get("id") for c in elementen if plaatsen[c.get("id")] == "lichaam"]
        rollen = {c.get("id"): c.get("rol") for c in elementen if c.get("rol")}
    kaders = list(root.iterfind(f"{ns}kader"))
    return {
        **dict(root.attrib),
        "schema": schema,
        "segment": root.get("segment"),
        "procedure": root.get("procedure"),
        "corpus_versie": root.get("corpus"),
        "kaders": [n for k in kaders if (n := getal(k.get("nummer"))) is not None],
        "verwezen": [n for k in kaders if k.get("verwijzing") == "ja" and (n := getal(k.get("nummer"))) is not None],
        "criteria": lichaam,
        "rollen": rollen,
        "bladwijzers": {c.get("id"): c.get("bladwijzer") or bladwijzer_naam(c.get("id")) for c in elementen},
        "plaatsen": plaatsen,
    }


def read_eigenschappen(props: Mapping[str | None, str], getal: Callable[[str | None], int | None]
                       ) -> dict[str, object] | None:
    """The selection from document properties inkoopkader.* (Word's custom.xml, ODF's meta.xml)."""
    segment = props.get("inkoopkader.segment")
    if not segment:
        return None
    # Sorted as numbers without int(): a hostile part number of thousands of digits costs nothing.
    delen = sorted(((len(n := k.rsplit(".", 1)[1].lstrip("0")), n), v) for k, v in props.items()
                   if k and re.fullmatch(r"inkoopkader\.criteria\.\d+", k))
    ids = [i.strip() for _, deel in delen for i in deel.split(",") if i.strip()]
    kaders = [n for k in (props.get("inkoopkader.kaders") or "").split(",") if (n := getal(k.strip())) is not None]
    return {
        "segment": segment,
        "procedure": props.get("inkoopkader.procedure"),
        "corpus_versie": props.get("inkoopkader.corpus"),
        "corpus": props.get("inkoopkader.corpus"),
        "inkoopkader": props.get("inkoopkader.versie"),
        "kaders": kaders,
        "verwezen": [],
        "criteria": ids,
        "rollen": {},
        "bladwijzers": {i: bladwijzer_naam(i) for i in ids},
        "plaatsen": {i: "lichaam" for i in ids},
    }
