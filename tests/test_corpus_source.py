"""The corpus against its source: nothing dropped, nothing mangled, relations as in the table."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import sourcecheck

from inkoopkader import Relevantie, Thema
from inkoopkader.serialize import to_data

ROOT = Path(__file__).resolve().parent.parent
KADER_FILES = sorted((ROOT / "data" / "frameworks").glob("*.yaml"))
SOURCE_LINES = sourcecheck.source_lines()


def test_all_fifteen_kaders_present(corpus) -> None:
    assert [k.nummer for k in corpus.kaders] == list(range(1, 16))
    assert len(KADER_FILES) == 15


def test_source_text_matches_its_recorded_hash(corpus) -> None:
    (document,) = corpus.brondocumenten
    path = ROOT / "data" / "bronnen" / document.bestand
    assert hashlib.sha256(path.read_bytes()).hexdigest() == document.sha256
    assert document.versie == "1.1"


@pytest.mark.parametrize("path", KADER_FILES, ids=lambda p: p.stem)
def test_kader_matches_source_both_ways(path: Path) -> None:
    """Every corpus text is in the source and every line under the themes is in the corpus."""
    kader = sourcecheck.load_yaml(path)
    assert sourcecheck.check_kader(kader, SOURCE_LINES) == []


def test_checker_catches_a_dropped_criterion() -> None:
    kader = sourcecheck.load_yaml(KADER_FILES[0])
    kader["criteria"].pop(5)
    findings = sourcecheck.check_kader(kader, SOURCE_LINES)
    assert any("ontbreekt in het corpus" in f for f in findings)


def test_checker_catches_a_mangled_criterion() -> None:
    kader = sourcecheck.load_yaml(KADER_FILES[7])
    kader["criteria"][0]["tekst"] = kader["criteria"][0]["tekst"].replace("jeugdigen", "volwassenen")
    findings = sourcecheck.check_kader(kader, SOURCE_LINES)
    assert any("niet in de bron gevonden" in f for f in findings)


def test_every_criterion_starts_on_its_recorded_line(corpus) -> None:
    """`regel` makes each criterion traceable: its first words are on (or just after) that line."""
    misplaced = []
    for kader in corpus.kaders:
        start, end = kader.bron.regels
        corrections = to_data(kader.correcties)
        for crit in kader.criteria:
            assert start <= crit.regel <= end, crit.id
            text = sourcecheck._reverse_corrections(crit.tekst, corrections, f"{crit.id}.tekst")
            head = " ".join(sourcecheck.normalise(text).split()[:4])
            window = sourcecheck.normalise(" ".join(SOURCE_LINES[crit.regel - 1 : crit.regel + 2]))
            if head not in window:
                misplaced.append((crit.id, crit.regel, head))
    assert misplaced == []


def _overview_rows() -> dict[int, str]:
    """Kader number -> the 'Inkoop (segment)' cell of the source's overview table."""
    rows = {}
    for line in SOURCE_LINES[sourcecheck.OVERVIEW_LINES[0] - 1 : sourcecheck.OVERVIEW_LINES[1]]:
        match = re.match(r"^(\d+)\.\t", line)
        if match:
            rows[int(match.group(1))] = line.rstrip().split("\t")[-1].strip()
    return rows


def _expected_relation(cell: str, segment_ids: list[str]) -> dict[str, Relevantie]:
    """Derive the segment relation from a table cell, independently of the data files."""
    expected: dict[str, Relevantie] = {}
    for domain, prefix in (("Jeugdhulp", "jeugdhulp"), ("Wmo", "wmo")):
        match = re.search(rf"{domain} Segment(?:en)? ([\dab, ]+)", cell)
        if match:
            for code in re.findall(r"\d[ab]?", match.group(1)):
                expected[f"{prefix}-{code}"] = Relevantie.SPECIFIEK
        elif re.search(rf"\b{domain}\b", cell):
            for sid in segment_ids:
                if sid.startswith(prefix + "-"):
                    expected[sid] = Relevantie.ALGEMEEN
    if "Sociaal Werk" in cell:
        expected["sociaal-werk"] = Relevantie.SPECIFIEK
    return expected


def test_segment_relation_equals_overview_table(corpus) -> None:
    rows = _overview_rows()
    assert sorted(rows) == list(range(1, 16))
    segment_ids = [s.id for s in corpus.segmenten]
    for kader in corpus.kaders:
        assert kader.overzicht.inkoopsegment == rows[kader.nummer]
        actual = {r.segment: r.relevantie for r in kader.segmenten}
        assert actual == _expected_relation(rows[kader.nummer], segment_ids), kader.nummer


@pytest.mark.parametrize(
    ("nummer", "segment", "relevantie"),
    [(1, "wmo-1a", "specifiek"), (3, "jeugdhulp-1", "specifiek"), (5, "wmo-2", "specifiek"),
     (2, "jeugdhulp-4", "algemeen"), (9, "sociaal-werk", "specifiek"), (11, "wmo-3", "algemeen")],
)
def test_examples_from_the_issue(corpus, nummer: int, segment: str, relevantie: str) -> None:
    assert corpus.kader(nummer).relevantie(segment).value == relevantie


def test_segments_as_the_appendix_defines_them(corpus) -> None:
    ids = [s.id for s in corpus.segmenten]
    assert sorted(ids) == sorted(
        [f"jeugdhulp-{n}" for n in range(1, 8)] + ["wmo-1a", "wmo-1b", "wmo-2", "wmo-3", "sociaal-werk"]
    )
    wmo_1a = corpus.segment("wmo-1a")
    assert wmo_1a.doelgroep == "Volwassenen gericht op herstel"
    assert wmo_1a.gebruikelijk_aanbod[0].startswith("Beschermd wonen")
    assert "niet" in (corpus.segment("sociaal-werk").toelichting or "")
    for segment in corpus.segmenten:
        if segment.id != "sociaal-werk":
            line = SOURCE_LINES[segment.regel - 1]
            assert segment.omschrijving[:40] in line, segment.id


def test_ids_unique_typable_and_prefixed(corpus) -> None:
    ids = [c.id for c in corpus.criteria()]
    assert len(ids) == len(set(ids))
    for kader in corpus.kaders:
        for crit in kader.criteria:
            assert re.fullmatch(rf"{kader.prefix}-\d{{2,3}}", crit.id), crit.id


def test_themes_without_criteria_are_recorded(corpus) -> None:
    for kader in corpus.kaders:
        for thema in Thema:
            has = bool(kader.criteria_voor(thema))
            assert has != (thema in kader.zonder_criteria), (kader.nummer, thema)
    assert Thema.VAKMANSCHAP in corpus.kader(1).zonder_criteria


def test_combined_heading_of_kader_15_means_both_themes(corpus) -> None:
    for crit in corpus.kader(15).criteria:
        assert set(crit.thema) == {Thema.SAMENWERKING, Thema.ORGANISATIE}


def test_gemeente_criteria_where_the_source_addresses_the_gemeente(corpus) -> None:
    assert any(c.doelgroep.value == "gemeente" for c in corpus.kader(2).criteria)
    assert {c.doelgroep.value for c in corpus.kader(13).criteria_voor(Thema.ORGANISATIE)} == {"gemeente"}


def test_ocr_fixes_are_recorded(corpus) -> None:
    fixes = {(c.was, c.wordt) for k in corpus.kaders for c in k.correcties}
    assert any("werkkrelatie" in was and "werkrelatie" in wordt for was, wordt in fixes)
    assert any("van de eten" in was and "van de keten" in wordt for was, wordt in fixes)
    assert any("betreft" in was and "betrekt" in wordt for was, wordt in fixes)
    text = " ".join(t for c in corpus.criteria() for t in c.alle_teksten())
    assert "werkkrelatie" not in text and "van de eten " not in text


def test_no_markup_or_furniture_left(corpus) -> None:
    from inkoopkader.corpus import markup_problem

    for crit in corpus.criteria():
        for text in crit.alle_teksten():
            assert markup_problem(text) is None, (crit.id, text[:60])
            assert "](#)" not in text and "| Kwaliteitskaders en" not in text


def test_outdated_references_are_flagged_in_the_data(corpus) -> None:
    """Every criterion that names an outdated law or body has a currency note in its kader."""
    missing = []
    for kader in corpus.kaders:
        noted = {(a.onderwerp, c) for a in kader.actualiteit for c in a.criteria}
        for onderwerp in corpus.actualiteit:
            for crit in kader.criteria:
                text = " ".join(crit.alle_teksten())
                if any(re.search(rf"\b(?:{p})\b", text, re.I) for p in onderwerp.patronen):
                    if (onderwerp.id, crit.id) not in noted:
                        missing.append((crit.id, onderwerp.id))
    assert missing == []
    assert any(a.onderwerp == "kader-2-geldigheid" for a in corpus.kader(2).actualiteit)
