"""The labelled drafts in tests/fixtures/check/: loading, building the .docx variants, and scoring.

Shared by tests/test_check_match.py (which asserts floors) and benchmarks/bench_check.py (which
prints precision and recall per edit type).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"
KOPIEERBEWERKINGEN = frozenset({"letterlijk", "actorwissel", "hernummerd", "opmaak-weg"})

_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)]|[a-zA-Z][.)])\s+(.*)$")


@dataclass
class Label:
    status: str
    bewerking: str


@dataclass
class Concept:
    bestand: str
    segment: str
    criteria: dict[str, Label]
    bouw: dict[str, Any] | None = None
    ongerelateerd: bool = False
    opties: dict[str, Any] = field(default_factory=dict)


def load_labels() -> list[Concept]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((FIXTURES / "labels.yaml").read_text(encoding="utf-8"))
    result = []
    for entry in data["concepten"]:
        criteria = {
            cid: Label(v["status"], v["bewerking"]) for cid, v in (entry.get("criteria") or {}).items()
        }
        result.append(
            Concept(
                entry["bestand"],
                entry["segment"],
                criteria,
                entry.get("bouw"),
                bool(entry.get("ongerelateerd")),
                dict(entry.get("opties") or {}),
            )
        )
    return result


def md_naar_docx(md: Path, doel: Path, eisen_in_tabel: bool = False) -> Path:
    """A Word version of a Markdown draft, as a tender writer would have typed it in Word.

    With `eisen_in_tabel` every paragraph under a level-2 heading that contains 'Eisen' becomes a
    row of a three-column requirements table (nr / eis / toetsing); list items go into the same
    cell as the paragraph they belong to.
    """
    from docx import Document

    doc = Document()
    tabel = None
    rij_cel = None
    in_eisen = False
    nummer = 0
    alinea: list[str] = []

    def flush() -> None:
        nonlocal rij_cel, nummer
        if not alinea:
            return
        tekst = " ".join(alinea)
        alinea.clear()
        if in_eisen and tabel is not None:
            nummer += 1
            cells = tabel.add_row().cells
            cells[0].text = f"E{nummer:02d}"
            cells[1].text = tekst
            cells[2].text = "Ja / nee; bewijs op verzoek"
            rij_cel = cells[1]
        else:
            doc.add_paragraph(tekst)
            rij_cel = None

    def nieuwe_tabel() -> Any:
        t = doc.add_table(rows=1, cols=3)
        t.style = "Table Grid"
        for cel, kop in zip(t.rows[0].cells, ("Nr.", "Eis", "Toetsing")):
            cel.text = kop
        return t

    for regel in md.read_text(encoding="utf-8").splitlines():
        if not regel.strip():
            flush()
            continue
        kop = re.match(r"^(#{1,4})\s+(.*)$", regel)
        if kop:
            flush()
            niveau = len(kop.group(1))
            doc.add_heading(kop.group(2), level=min(niveau, 4) - 1 if niveau > 1 else 0)
            if niveau == 2:
                in_eisen = eisen_in_tabel and "eisen" in kop.group(2).lower()
            tabel = nieuwe_tabel() if in_eisen else None
            rij_cel = None
            continue
        if regel.lstrip().startswith("|"):
            flush()
            cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cellen):
                continue
            if tabel is None or in_eisen:
                tabel = doc.add_table(rows=0, cols=len(cellen))
                tabel.style = "Table Grid"
            for cel, tekst in zip(tabel.add_row().cells, cellen):
                cel.text = tekst
            continue
        item = _LIST.match(regel)
        if item:
            flush()
            if in_eisen and rij_cel is not None:
                rij_cel.add_paragraph(item.group(1), style="List Bullet")
            else:
                doc.add_paragraph(item.group(1), style="List Bullet")
            continue
        if alinea or not regel.startswith("  "):
            alinea.append(regel.strip())
        else:
            alinea.append(regel.strip())
    flush()
    doc.save(str(doel))
    return doel


def pad_van(concept: Concept, tmp: Path) -> Path:
    """The draft's file, building the .docx variant into `tmp` when the labels ask for it."""
    if concept.bouw:
        return md_naar_docx(
            FIXTURES / concept.bouw["uit"], tmp / concept.bestand, bool(concept.bouw.get("eisen_in_tabel"))
        )
    return FIXTURES / concept.bestand


@dataclass
class Uitkomst:
    """Predictions against labels for all drafts."""

    per_bewerking: dict[str, list[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(list))
    vals_positief: list[tuple[str, str, str]] = field(default_factory=list)  # (draft, id, status)
    ongerelateerd: list[tuple[str, str, str]] = field(default_factory=list)
    gevonden: int = 0
    juist_gevonden: int = 0

    def recall(self, bewerkingen: frozenset[str] | set[str] | None = None) -> float:
        rows = [
            r for b, rs in self.per_bewerking.items() if bewerkingen is None or b in bewerkingen for r in rs
        ]
        if not rows:
            return 1.0
        return sum(1 for _, _, pred in rows if pred != "ontbreekt") / len(rows)

    @property
    def precisie(self) -> float:
        return self.juist_gevonden / self.gevonden if self.gevonden else 1.0

    def status_juist(self, bewerkingen: frozenset[str] | set[str] | None = None) -> float:
        rows = [
            (exp, pred)
            for b, rs in self.per_bewerking.items()
            if bewerkingen is None or b in bewerkingen
            for _, exp, pred in rs
        ]
        return sum(1 for exp, pred in rows if exp == pred) / len(rows) if rows else 1.0

    @property
    def aantal(self) -> int:
        return sum(len(v) for v in self.per_bewerking.values())


def evalueer(tmp: Path, corpus: Any = None) -> tuple[Uitkomst, dict[str, list[Any]]]:
    """Check every labelled draft; returns the tally and the raw results per draft."""
    import inkoopkader
    from inkoopkader.check.match import match_criteria
    from inkoopkader.check.read import read_concept

    corpus = corpus or inkoopkader.load_corpus()
    uitkomst = Uitkomst()
    ruw: dict[str, list[Any]] = {}
    for concept in load_labels():
        selectie = inkoopkader.select(corpus, concept.segment, **concept.opties)
        draft = read_concept(pad_van(concept, tmp))
        resultaten = match_criteria(draft, selectie.keuzes)
        ruw[concept.bestand] = resultaten
        for r in resultaten:
            cid, pred = r.criterium.id, r.status.value
            label = concept.criteria.get(cid)
            if label is not None:
                uitkomst.per_bewerking[label.bewerking].append(
                    (f"{concept.bestand}:{cid}", label.status, pred)
                )
            if pred != "ontbreekt":
                uitkomst.gevonden += 1
                if label is not None:
                    uitkomst.juist_gevonden += 1
                else:
                    uitkomst.vals_positief.append((concept.bestand, cid, pred))
                    if concept.ongerelateerd:
                        uitkomst.ongerelateerd.append((concept.bestand, cid, pred))
    return uitkomst, ruw
