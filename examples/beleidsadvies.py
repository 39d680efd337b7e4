"""Voorbeeld voor beleidsadviseurs: kwaliteitscriteria voor Wmo 1a verkennen en samenstellen.

Draai vanuit de projectmap (na `pip install .`):

    python examples/beleidsadvies.py [UITVOERMAP]

Het script laat zien welke kaders bij het segment horen en hoe ze bij inkoop te gebruiken zijn, zoekt
criteria over de meldcode, stelt een selectie samen met alleen de specifieke kaders, één criterium
extra en een eigen rol voor één criterium, en schrijft het document als Markdown en Word-document en
de traceerbaarheid als CSV in UITVOERMAP (standaard: een nieuwe tijdelijke map).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import inkoopkader
from inkoopkader import Rol, Thema


def main(uitvoer: Path) -> None:
    corpus = inkoopkader.load_corpus()
    segment = inkoopkader.resolve_segment(corpus, "Wmo 1a")
    print(f"Segment {segment.id}: {segment.titel} ({segment.doelgroep})")
    for kader, relevantie in corpus.kaders_voor_segment(segment.id):
        print(f"  kader {kader.nummer:>2} {relevantie.value:<9} {kader.inzet.value:<10} {kader.titel}")

    print("\nCriteria over de meldcode:")
    for hit in inkoopkader.find(corpus, "meldcode", segment=segment.id, limiet=5):
        print(f"  {hit.criterium.id:<8} {hit.fragment[:90]}")

    verzoek = inkoopkader.Verzoek.maak(
        segment.id,
        alleen_specifiek=True,
        ids=["jij-06"],  # een criterium uit een ander kader, expliciet toegevoegd
        rol_per_criterium={"bwmo-16": Rol.UITVOERINGSVOORWAARDE},  # een rol die het criterium kan hebben
    )
    selectie = inkoopkader.select(corpus, verzoek)
    document = inkoopkader.compose(
        corpus, selectie, gemeente="Gemeente Voorbeeld", kenmerk="WMO-2027-01", titel="Kwaliteitseisen beschermd wonen",
        gunning=inkoopkader.GunningInstelling(prijs=20),  # 20% prijs, 80% kwaliteit
    )
    lichaam = selectie.lichaam
    eisen = sum(1 for k in lichaam if k.rol.is_eis)
    per_thema = {t.value: sum(1 for k in lichaam if k.criterium.hoofdthema is t) for t in Thema}
    print(f"\n{len(lichaam)} criteria in de hoofdtekst, waarvan {eisen} eisen; per thema: {per_thema}")
    for vraag in document.vragen:
        print(f"  {vraag.nummer} {vraag.titel}: weging {vraag.weging}%, beoordelingsaspecten: {len(vraag.aspecten)}")
    for formaat in ("md", "docx"):
        pad = document.save(uitvoer / f"kwaliteitseisen-wmo-1a.{formaat}", force=True)
        print(f"Geschreven: {pad}")
    pad = document.save(uitvoer / "kwaliteitseisen-wmo-1a-traceerbaarheid.csv", "csv", force=True)
    print(f"Geschreven: {pad}")


if __name__ == "__main__":
    map_ = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="inkoopkader-"))
    map_.mkdir(parents=True, exist_ok=True)
    main(map_)
