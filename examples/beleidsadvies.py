"""Voorbeeld voor beleidsadviseurs: kwaliteitscriteria voor Wmo 1a verkennen en samenstellen.

Draai vanuit de projectmap (na `pip install .`):

    python examples/beleidsadvies.py [UITVOERMAP]

Het script laat zien welke kaders bij het segment horen, zoekt criteria over de meldcode, stelt een
selectie samen met alleen de specifieke kaders en één criterium extra, en schrijft die als Markdown,
CSV en Word-document in UITVOERMAP (standaard: een nieuwe tijdelijke map).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import inkoopkader
from inkoopkader import Thema, Vorm


def main(uitvoer: Path) -> None:
    corpus = inkoopkader.load_corpus()
    segment = inkoopkader.resolve_segment(corpus, "Wmo 1a")
    print(f"Segment {segment.id}: {segment.titel} ({segment.doelgroep})")
    for kader, relevantie in corpus.kaders_voor_segment(segment.id):
        print(f"  kader {kader.nummer:>2} {relevantie.value:<9} {kader.vorm.value:<10} {kader.titel}")

    print("\nCriteria over de meldcode:")
    for hit in inkoopkader.zoek(corpus, "meldcode", segment=segment.id, limiet=5):
        print(f"  {hit.criterium.id:<8} {hit.fragment[:90]}")

    selectie = inkoopkader.select(
        corpus,
        segment.id,
        alleen_specifiek=True,
        ids=["jij-06"],  # een criterium uit een ander kader, expliciet toegevoegd
        vorm_per_kader={1: Vorm.EIS},
    )
    document = inkoopkader.compose(
        corpus, selectie, gemeente="Gemeente Voorbeeld", kenmerk="WMO-2027-01", titel="Kwaliteitseisen beschermd wonen"
    )
    eisen = sum(1 for k in document.lichaam if k.vorm is Vorm.EIS)
    per_thema = {t.value: sum(1 for k in document.lichaam if k.criterium.hoofdthema is t) for t in Thema}
    print(f"\n{len(document.lichaam)} criteria in de hoofdtekst, waarvan {eisen} eisen; per thema: {per_thema}")
    for formaat in ("md", "csv", "docx"):
        pad = document.save(uitvoer / f"kwaliteitseisen-wmo-1a.{formaat}", force=True)
        print(f"Geschreven: {pad}")


if __name__ == "__main__":
    map_ = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="inkoopkader-"))
    map_.mkdir(parents=True, exist_ok=True)
    main(map_)
