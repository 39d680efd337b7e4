"""The labelled gate cases in tests/fixtures/check/poort/: loading and scoring.

Shared by tests/test_check_poort.py (which asserts the issue's floors) and benchmarks/bench_check.py
(which prints precision and recall per kind). Every case has a `deel`: `ontwikkel` cases were used
while tuning, `toets` cases were written before tuning and held out; both are always reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

POORT = Path(__file__).resolve().parent / "fixtures" / "check" / "poort"
DELEN = ("ontwikkel", "toets")

# Unrelated tender text around each case: the case is checked as a small draft of its own.
_OMLIJSTING = (
    "# Programma van eisen\n\n## Eisen aan de uitvoering\n\n{tekst}\n\n## Facturatie\n\n"
    "Opdrachtnemer declareert maandelijks via het iWmo-berichtenverkeer op basis van een geldige "
    "toewijzing. De gemeente betaalt binnen dertig dagen na ontvangst van een juiste declaratie.\n"
)


def laad(naam: str) -> list[dict[str, Any]]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((POORT / naam).read_text(encoding="utf-8"))
    # A file-wide segment (toelichting.yaml) is each case's default.
    return [{"segment": data["segment"], **geval} if "segment" in data else geval for geval in data["gevallen"]]


def concept_van(tekst: str, naam: str = "geval.md") -> Any:
    from inkoopkader.check.read import read_text

    return read_text(_OMLIJSTING.format(tekst=tekst.strip()), naam)


@dataclass
class Telling:
    """Outcomes per case: (deel, expected, predicted, case)."""

    rijen: list[tuple[str, Any, Any, dict[str, Any]]] = field(default_factory=list)

    def deel(self, deel: str | None) -> list[tuple[str, Any, Any, dict[str, Any]]]:
        return [r for r in self.rijen if deel is None or r[0] == deel]


def _selectie(corpus: Any, segment: str, cache: dict[str, Any]) -> Any:
    import inkoopkader

    if segment not in cache:
        cache[segment] = inkoopkader.select(corpus, segment).keuzes
    return cache[segment]


def criteria_gevallen(corpus: Any, naam: str) -> Telling:
    """polariteit.yaml / parafrasen.yaml: per case the status of its criterion and any other finding."""
    from inkoopkader.check.match import match_criteria

    telling = Telling()
    selecties: dict[str, Any] = {}
    for geval in laad(naam):
        keuzes = _selectie(corpus, geval.get("segment", "wmo-1a"), selecties)
        resultaten = match_criteria(concept_van(geval["tekst"]), keuzes, corpus=corpus)
        eigen = next(r for r in resultaten if r.criterium.id == geval["id"])
        anders = [r.criterium.id for r in resultaten if r.criterium.id != geval["id"] and r.status.value != "ontbreekt"]
        verwacht = geval.get("verwacht", "gevonden")
        telling.rijen.append((geval["deel"], verwacht, (eigen.status.value, anders, eigen), geval))
    return telling


def toelichting_gevallen(corpus: Any) -> Telling:
    """toelichting.yaml: per case the status of the criterion whose note was copied (None for a negative
    case) and every other criterion reported (any status but ontbreekt)."""
    from inkoopkader.check.match import match_criteria

    telling = Telling()
    selecties: dict[str, Any] = {}
    for geval in laad("toelichting.yaml"):
        keuzes = _selectie(corpus, geval["segment"], selecties)
        resultaten = match_criteria(concept_van(geval["tekst"]), keuzes, corpus=corpus)
        eigen = next((r for r in resultaten if r.criterium.id == geval.get("id")), None)
        anders = [r.criterium.id for r in resultaten if r is not eigen and r.status.value != "ontbreekt"]
        status = eigen.status.value if eigen is not None else None
        telling.rijen.append((geval["deel"], geval["verwacht"], (status, anders, eigen), geval))
    return telling


def toelichting_juist(verwacht: str, status: str | None) -> bool:
    if verwacht == "gevonden":
        return status in ("gedekt", "gewijzigd")
    return status == verwacht or (verwacht == "niets" and status is None)


def kader_gevallen(corpus: Any) -> Telling:
    from inkoopkader.check.references import find_kaderverwijzingen

    telling = Telling()
    for geval in laad("kaderverwijzingen.yaml"):
        gevonden = find_kaderverwijzingen(concept_van(geval["tekst"]), corpus)
        telling.rijen.append((geval["deel"], geval, gevonden, geval))
    return telling


def historische_gevallen(corpus: Any) -> Telling:
    from inkoopkader.check.references import find_verouderd

    telling = Telling()
    for geval in laad("historisch.yaml"):
        gevonden = find_verouderd(concept_van(geval["tekst"]), corpus)
        telling.rijen.append((geval["deel"], geval, gevonden, geval))
    return telling


@dataclass
class Uitkomsten:
    """Every labelled case run once: the figures and the list of wrong cases are both made from it."""

    polariteit: Telling
    parafrasen: Telling
    toelichting: Telling
    kaders: Telling
    historisch: Telling


def uitkomsten(corpus: Any) -> Uitkomsten:
    return Uitkomsten(criteria_gevallen(corpus, "polariteit.yaml"), criteria_gevallen(corpus, "parafrasen.yaml"),
                      toelichting_gevallen(corpus), kader_gevallen(corpus), historische_gevallen(corpus))


# --- figures ---------------------------------------------------------------------------------------


def _deel(r: float | None) -> str:
    return "  –  " if r is None else f"{r:5.2f}"


def _ratio(teller: int, noemer: int) -> float | None:
    return teller / noemer if noemer else None


@dataclass
class Cijfers:
    """Precision and recall of one kind for one part (None: nothing to measure)."""

    soort: str
    deel: str
    n: int
    recall: float | None
    precisie: float | None
    extra: str = ""

    def regel(self) -> str:
        return f"{self.soort:<34} {self.deel:<10} {self.n:>4} {_deel(self.recall)}  {_deel(self.precisie)}  {self.extra}"


def cijfers(corpus: Any, delen: Iterable[str | None] = (*DELEN, None), uit: Uitkomsten | None = None) -> list[Cijfers]:
    """Every figure of the issue's 'done when', per part ('ontwikkel', 'toets', None = all); `uit`: the
    outcomes when they were computed already."""
    uit = uit or uitkomsten(corpus)
    polariteit, parafrasen, toelichting, kaders, historisch = (
        uit.polariteit, uit.parafrasen, uit.toelichting, uit.kaders, uit.historisch)
    result: list[Cijfers] = []
    for deel in delen:
        naam = deel or "samen"
        # Copy edits: found (not ontbreekt, not ontkracht); 'gedekt' labels must also be gedekt.
        kopie = [r for r in polariteit.deel(deel) if r[3]["soort"] == "kopie"]
        gevonden = [r for r in kopie if r[2][0] in ("gedekt", "gewijzigd")]
        juist = [r for r in kopie if r[1] != "gedekt" or r[2][0] == "gedekt"]
        vals = sum(len(r[2][1]) for r in kopie)
        result.append(Cijfers("kopieerbewerking (gevonden)", naam, len(kopie), _ratio(len(gevonden), len(kopie)),
                              _ratio(len(gevonden), len(gevonden) + vals),
                              f"gedekt waar verwacht: {len(juist)}/{len(kopie)}"))
        negatief = [r for r in polariteit.deel(deel) if r[3]["soort"] != "kopie"]
        ontkracht = [r for r in negatief if r[2][0] == "ontkracht"]
        gedekt = [r for r in negatief if r[2][0] == "gedekt"]
        telt = [r for r in negatief if r[2][0] in ("gedekt", "gewijzigd")]
        # Precision of 'ontkracht': how many reported ontkracht are really negated (copies reported so).
        vals_ontkracht = [r for r in kopie if r[2][0] == "ontkracht"]
        result.append(Cijfers("ontkend/kwijtgescholden/andere actor", naam, len(negatief),
                              _ratio(len(ontkracht), len(negatief)),
                              _ratio(len(ontkracht), len(ontkracht) + len(vals_ontkracht)),
                              f"gedekt: {len(gedekt)} (doel 0), telt mee: {len(telt)}"))
        para = parafrasen.deel(deel)
        gevonden = [r for r in para if r[2][0] in ("gedekt", "gewijzigd")]
        vals = sum(len(r[2][1]) for r in para)
        result.append(Cijfers("parafrase / gunningsvraag", naam, len(para), _ratio(len(gevonden), len(para)),
                              _ratio(len(gevonden), len(gevonden) + vals)))
        # Notes copied instead of the norm: found (gedekt or gewijzigd) where the case copies the note,
        # and no criterion reported that is not there (in any case, negatives included).
        rijen = toelichting.deel(deel)
        positief = [r for r in rijen if r[1] in ("gedekt", "gewijzigd", "gevonden")]
        gevonden = [r for r in positief if r[2][0] in ("gedekt", "gewijzigd")]
        juist = [r for r in positief if toelichting_juist(r[1], r[2][0])]
        vals = sum(len(r[2][1]) for r in rijen)
        ontkracht = [r for r in rijen if r[1] == "ontkracht"]
        result.append(Cijfers("toelichting overgenomen", naam, len(rijen), _ratio(len(gevonden), len(positief)),
                              _ratio(len(gevonden), len(gevonden) + vals),
                              f"status juist: {len(juist)}/{len(positief)}; ontkracht: "
                              f"{sum(r[2][0] == 'ontkracht' for r in ontkracht)}/{len(ontkracht)}; "
                              f"negatief zonder melding: {sum(not r[2][1] for r in rijen if r[1] == 'niets')}/"
                              f"{sum(r[1] == 'niets' for r in rijen)}"))
        tp = fp = fn = 0
        for _, geval, gevonden_refs, _ in kaders.deel(deel):
            verwacht = set(geval["kaders"])
            kregen = {v.kader for v in gevonden_refs}
            tp += len(verwacht & kregen)
            fp += len(kregen - verwacht)
            fn += len(verwacht - kregen)
        result.append(Cijfers("kaderverklaring", naam, len(kaders.deel(deel)), _ratio(tp, tp + fn), _ratio(tp, tp + fp)))
        tp = fp = fn = 0
        for _, geval, gevonden_refs, _ in historisch.deel(deel):
            verwacht = set(geval["verouderd"])
            kregen = {v.onderwerp for v in gevonden_refs}
            tp += len(verwacht & kregen)
            fp += len(kregen - verwacht)
            fn += len(verwacht - kregen)
        result.append(Cijfers("verouderd (historisch niet)", naam, len(historisch.deel(deel)), _ratio(tp, tp + fn),
                              _ratio(tp, tp + fp)))
    return result


def fouten(corpus: Any, uit: Uitkomsten | None = None) -> list[str]:
    """Every case that came out wrong, for a readable test failure."""
    uit = uit or uitkomsten(corpus)
    regels = []
    for naam, telling in (("polariteit.yaml", uit.polariteit), ("parafrasen.yaml", uit.parafrasen)):
        for deel, verwacht, (status, anders, _), geval in telling.rijen:
            ok = (status in ("gedekt", "gewijzigd") if verwacht == "gevonden" else status == verwacht) and not anders
            if not ok:
                regels.append(f"{naam} [{deel}] {geval['id']}: {status} (verwacht {verwacht}), anders {anders}: "
                              f"{geval['tekst'][:70]}")
    for deel, verwacht, (status, anders, _), geval in uit.toelichting.rijen:
        if not toelichting_juist(verwacht, status) or anders:
            regels.append(f"toelichting.yaml [{deel}] {geval.get('id', '-')}: {status} (verwacht {verwacht}), "
                          f"anders {anders}: {geval['tekst'][:70]}")
    for deel, geval, gevonden, _ in uit.kaders.rijen:
        kregen = sorted({v.kader for v in gevonden})
        if kregen != sorted(geval["kaders"]):
            regels.append(f"kaderverwijzingen [{deel}] {kregen} (verwacht {geval['kaders']}): {geval['tekst'][:70]}")
    for deel, geval, gevonden, _ in uit.historisch.rijen:
        kregen = sorted({v.onderwerp for v in gevonden})
        if kregen != sorted(geval["verouderd"]):
            regels.append(f"historisch [{deel}] {kregen} (verwacht {geval['verouderd']}): {geval['tekst'][:70]}")
    return regels
