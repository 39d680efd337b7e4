"""OCDS: the award criteria of an aanbesteding as open data, one-to-one with eForms BG-707.

The output is the `tender` part of an Open Contracting Data Standard (OCDS 1.1) release, with the
lots extension and the award criteria breakdown extension (`ocds_awardCriteria_extension`): the
place where 'OCDS for eForms' puts the eForms business group BG-707 (Award Criteria) that TenderNed
publishes. Fields and business terms (eForms SDK):

    tender.lots[0].awardCriteria.criteria[]          BG-38   Award Criterion (one per question, plus price)
      .type         quality | price                  BT-539  Award Criterion Type
      .name         'K1 – Dienstverlening aan …'     BT-734  Award Criterion Name (≤ 400 characters)
      .description  question and its aspects         BT-540  Award Criterion Description (≤ 6000 characters)
      .numbers[]    {number, weight: percentageExact} BT-541  Award Criterion Number (weight) with
                                                     BT-5421 Award Criterion Number Weight (per-exa)
                    {number, threshold: minimumScore} BT-541  (threshold) with BT-5423 (min-score)

`tender.awardCriteria` is the OCDS 1.1 code for the whole (qualityOnly at fixed tariffs,
ratedCriteria with a price share) and `tender.awardCriteriaDetails` the document's price/quality
paragraph. The identifiers of the release (ocid, id, date, tag) are the publishing platform's, so they
are not here: the file is a fragment to merge, validated against the schema shipped in
`schemas/ocds-gunningscriteria.schema.json` (a strict subset of OCDS with the eForms limits).

Open house and subsidy have no award criteria (applicants are admitted or granted on requirements
and a plan judged voldoende/onvoldoende): rendering one raises `GeenGunningscriteria`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..document import Alinea, Vraag
from ..errors import InkoopkaderError
from ..model import Procedure
from ..text import strip_markup

if TYPE_CHECKING:
    from ..document import Aspect, Document, Sectie

__all__ = ["LOT_ID", "SCHEMA", "GeenGunningscriteria", "as_data", "render"]

SCHEMA = Path(__file__).with_name("schemas") / "ocds-gunningscriteria.schema.json"
LOT_ID = "LOT-0001"  # eForms BT-137: a procedure without lots is published as one lot
NAAM_MAX = 400  # eForms BT-734 Award Criterion Name
BESCHRIJVING_MAX = 6000  # eForms BT-540 Award Criterion Description


class GeenGunningscriteria(InkoopkaderError):
    """The document has no award criteria to export (open house, subsidy, or no award questions)."""


def _weging_alinea(doc: Document) -> str | None:
    """The price/quality paragraph of the document (section 'Prijs en kwaliteit')."""
    def find(secties: tuple[Sectie, ...]) -> str | None:
        for sectie in secties:
            if sectie.id == "gunning-weging":
                return next((strip_markup(b.tekst) for b in sectie.blokken if isinstance(b, Alinea)), None)
            gevonden = find(sectie.subsecties)
            if gevonden:
                return gevonden
        return None
    return find(doc.secties)


def _aspect(nummer: int, aspect: Aspect) -> str:
    regels = [f"{nummer}. {strip_markup(aspect.tekst)}"]
    regels += [f"   - {strip_markup(i.weergave)}" for i in aspect.items]
    return "\n".join(regels)


def _beschrijving(vraag: Vraag) -> str:
    """The question and its beoordelingsaspecten as plain text within the eForms limit (BT-540).

    Aspects are listed with their first-level items; when the whole does not fit, the list stops at
    the last aspect that fits and says how many follow, pointing to the question in the documents.
    """
    kop = f"{strip_markup(vraag.vraag)}\n\nBeoordelingsaspecten:"
    delen = [_aspect(i, a) for i, a in enumerate(vraag.aspecten, start=1)]
    tekst = "\n".join([kop, *delen])
    if len(tekst) <= BESCHRIJVING_MAX:
        return tekst
    for aantal in range(len(delen) - 1, -1, -1):
        rest = len(delen) - aantal
        slot = (f"… en nog {rest} beoordelingsaspect{'en' if rest > 1 else ''}: zie vraag {vraag.nummer} "
                "in de aanbestedingsstukken.")
        tekst = "\n".join([kop, *delen[:aantal], slot])
        if len(tekst) <= BESCHRIJVING_MAX:
            return tekst
    raise InkoopkaderError(  # pragma: no cover - a question text alone of 6000 characters
        f"De vraagtekst van {vraag.nummer} is langer dan de {BESCHRIJVING_MAX} tekens die eForms (BT-540) toestaat.")


def _naam(nummer: str, titel: str) -> str:
    naam = f"{nummer} – {titel}"
    return naam if len(naam) <= NAAM_MAX else naam[: NAAM_MAX - 1].rstrip() + "…"


def as_data(doc: Document) -> dict[str, Any]:
    """The OCDS fragment as data (see the module docstring); raises GeenGunningscriteria without award criteria."""
    if doc.procedure is not Procedure.AANBESTEDING:
        wat = "toelatingseisen en een plan van aanpak" if doc.procedure is Procedure.OPEN_HOUSE else \
            "subsidievoorwaarden en een activiteitenplan"
        raise GeenGunningscriteria(
            f"Een OCDS-export bevat gunningscriteria (eForms BG-707), en een document voor de procedure "
            f"'{doc.procedure.value}' heeft die niet: aanvragers worden beoordeeld op {wat} (voldoende of "
            "onvoldoende), niet gerangschikt. Exporteer de vragenlijst als xlsx, of kies de procedure aanbesteding."
        )
    gunning = doc.gunning
    if gunning is None or not gunning.vragen:
        raise GeenGunningscriteria(
            "Dit document heeft geen gunningsvragen, dus geen gunningscriteria om als OCDS te exporteren: de "
            "selectie bevat geen criteria met de rol gunningscriterium. Geef criteria die rol in het profiel of "
            "kies die rol voor het hele document."
        )
    criteria: list[dict[str, Any]] = []
    for vraag in gunning.vragen:
        nummers: list[dict[str, Any]] = [{"number": vraag.weging, "weight": "percentageExact"}]
        if gunning.ondergrens is not None:
            nummers.append({"number": gunning.ondergrens, "threshold": "minimumScore"})
        criteria.append({"type": "quality", "name": _naam(vraag.nummer, vraag.titel),
                         "description": _beschrijving(vraag), "numbers": nummers})
    alinea = _weging_alinea(doc)
    if gunning.prijs > 0:
        prijs: dict[str, Any] = {"type": "price", "name": "Prijs"}
        if alinea:
            prijs["description"] = alinea
        prijs["numbers"] = [{"number": gunning.prijs, "weight": "percentageExact"}]
        criteria.append(prijs)
    meta = doc.meta
    tender: dict[str, Any] = {
        "id": meta.kenmerk or f"kwaliteitscriteria-{meta.segment_id}",
        "title": meta.titel,
        "awardCriteria": "ratedCriteria" if gunning.prijs > 0 else "qualityOnly",
    }
    if alinea:
        tender["awardCriteriaDetails"] = alinea
    tender["lots"] = [{"id": LOT_ID, "title": meta.segment_titel, "awardCriteria": {"criteria": criteria}}]
    return {"language": "nl", "tender": tender}


def render(doc: Document) -> bytes:
    return (json.dumps(as_data(doc), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
