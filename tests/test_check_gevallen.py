"""The test cases next to the data (data/check/cases/): every case run, the files validated.

A data author adds a case to data/check/cases/*.yaml without writing Python; each case is a test here,
named after its file and line (`test_kaderverwijzing[kaderverwijzingen.yaml:40]`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from check_gevallen import CASES, SOORTEN, GevallenFout, read_cases

import inkoopkader
from inkoopkader.check.model import Concept, Locatie, Tekstblok
from inkoopkader.check.references import find_kaderverwijzingen, find_verouderd
from inkoopkader.check.taal import load_synoniemen

ROOT = Path(__file__).resolve().parent.parent
FOUTEN: dict[str, str] = {}


def _cases(naam: str) -> list:
    """The cases of one file; a malformed file gives no cases here and fails test_case_file_is_valid."""
    try:
        return [pytest.param(geval, id=geval.naam) for geval in read_cases(CASES / naam)]
    except GevallenFout as exc:
        FOUTEN[naam] = str(exc)
        return []


def concept(tekst: str) -> Concept:
    return Concept("concept.md", "md", (Tekstblok(tekst, Locatie("regel", 10)),))


@pytest.mark.parametrize("naam", sorted(SOORTEN))
def test_case_file_is_valid(naam: str) -> None:
    assert (CASES / naam).is_file(), f"{naam} ontbreekt in data/check/cases/"
    if naam in FOUTEN:
        pytest.fail(FOUTEN[naam], pytrace=False)


def test_every_case_file_is_known() -> None:
    """A new file must get a runner here (and a kind in check_gevallen.SOORTEN), or its cases never run."""
    assert sorted(p.name for p in CASES.iterdir()) == sorted(SOORTEN)


# --- kader references --------------------------------------------------------------------------------------


@pytest.mark.parametrize("geval", _cases("kaderverwijzingen.yaml"))
def test_kaderverwijzing(corpus, geval) -> None:
    found = find_kaderverwijzingen(concept(geval.tekst), corpus)
    verwacht = [k if isinstance(k, dict) else {"kader": k} for k in geval.verwacht["kaders"]]
    assert [v.kader for v in found] == [k["kader"] for k in verwacht], (geval.tekst, geval.bron)
    for v, k in zip(found, verwacht):
        assert v.locatie.index == 10
        assert v.afwijkende_editie is k.get("afwijkend", False), (geval.tekst, v.editie, geval.bron)
        if "editie" in k:
            assert v.editie == k["editie"], (geval.tekst, geval.bron)


# --- outdated references -----------------------------------------------------------------------------------


@pytest.mark.parametrize("geval", _cases("actualiteit.yaml"))
def test_verouderde_verwijzing(corpus, geval) -> None:
    found = find_verouderd(concept(geval.tekst), corpus)
    verwacht = [m if isinstance(m, dict) else {"onderwerp": m} for m in geval.verwacht["verouderd"]]
    assert [v.onderwerp for v in found] == [m["onderwerp"] for m in verwacht], (geval.tekst, geval.bron)
    for v, m in zip(found, verwacht):
        if "term" in m:
            assert v.term == m["term"], (geval.tekst, geval.bron)
        data = corpus.onderwerp(v.onderwerp)
        assert (v.vervangen_door, v.sinds) == (data.vervangen_door, data.sinds.isoformat())
        assert v.locatie.index == 10 and v.tekst == geval.tekst  # the finding quotes its sentence


# --- synonyms ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def synoniemen():
    return load_synoniemen()


@pytest.fixture(scope="module")
def groepsnamen() -> set[str]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((ROOT / "data" / "check" / "synoniemen.yaml").read_text(encoding="utf-8"))
    return {groep["term"] for groep in data["groepen"]}


@pytest.mark.parametrize("geval", _cases("synoniemen.yaml"))
def test_synoniemen(synoniemen, groepsnamen, geval) -> None:
    termen = synoniemen.termen_van(geval.tekst)
    verwacht = geval.verwacht
    if "groepen" in verwacht:
        onbekend = set(verwacht["groepen"]) - groepsnamen
        assert not onbekend, f"{geval.naam}: onbekende groep(en) {sorted(onbekend)} (niet in synoniemen.yaml)"
        assert {t[1:] for t in termen if t.startswith("#")} == set(verwacht["groepen"]), (geval.tekst, termen)
    if "zelfde_als" in verwacht:
        assert Counter(termen) == Counter(synoniemen.termen_van(verwacht["zelfde_als"])), (
            geval.tekst, termen, synoniemen.termen_van(verwacht["zelfde_als"]))
    if "niet_zelfde_als" in verwacht:
        assert Counter(termen) != Counter(synoniemen.termen_van(verwacht["niet_zelfde_als"])), (geval.tekst, termen)
    if "stopwoord" in verwacht:
        assert (termen == []) is verwacht["stopwoord"], (geval.tekst, termen)
    if "algemeen" in verwacht:
        assert termen, f"{geval.naam}: '{geval.tekst}' geeft geen woorden om algemeen te noemen"
        algemeen = [synoniemen.is_algemeen(t) for t in termen]
        assert (all(algemeen) if verwacht["algemeen"] else not any(algemeen)), (geval.tekst, termen)


# --- the files are test data, not corpus data ------------------------------------------------------------------


def test_cases_are_not_corpus_data(mini_corpus: Path) -> None:
    """load_corpus neither reads nor hashes the cases: adding or editing one never invalidates a cache."""
    from inkoopkader.corpus import _content_hash, _data_files

    assert not any("cases" in name for name in _data_files(ROOT / "data"))
    voor = _content_hash(_data_files(mini_corpus))
    (mini_corpus / "check" / "cases").mkdir(parents=True)
    (mini_corpus / "check" / "cases" / "synoniemen.yaml").write_text("kapot: [", encoding="utf-8")
    assert _content_hash(_data_files(mini_corpus)) == voor
    assert inkoopkader.validate_corpus(mini_corpus) == []


# --- the validator: a malformed case names its file and line ---------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "inhoud", "fragment", "regel"),
    [
        ("kaderverwijzingen.yaml", "schema_version: 1\ngevallen:\n  - tekst: x\n    kaders: [8]\n", "'bron' ontbreekt", 3),
        ("kaderverwijzingen.yaml", "schema_version: 1\ngevallen:\n  - tekst: x\n    bron: y\n    kader: [8]\n",
         "onbekend veld 'kader'; bedoelt u 'kaders'?", 5),
        ("kaderverwijzingen.yaml", "schema_version: 1\ngevallen:\n  - tekst: x\n    bron: y\n", "geen verwachting", 3),
        ("kaderverwijzingen.yaml", "schema_version: 1\ngevallen:\n  - tekst: x\n    bron: y\n    kaders: 8\n",
         "'kaders' moet een lijst", 5),
        ("kaderverwijzingen.yaml", "schema_version: 1\ngevallen:\n  - tekst: x\n    bron: y\n    kaders: [{kader: 8, editie: 2021}]\n",
         "tussen aanhalingstekens", 5),
        ("kaderverwijzingen.yaml", "schema_version: 1\ngevallen:\n  - tekst: x\n    bron: y\n    kaders: [{kader: 8, editi: '2021'}]\n",
         "onbekend veld 'editi' in een kader; bedoelt u 'editie'?", 5),
        ("synoniemen.yaml", "schema_version: 1\ngevallen:\n  - tekst: x\n    bron: y\n    stopwoord: ja\n", "true of false", 5),
        ("synoniemen.yaml", "schema_version: 1\ngevallen:\n  - tekst: ''\n    bron: y\n    stopwoord: true\n", "niet-lege tekst", 3),
        ("actualiteit.yaml", "schema_version: 1\ngevallen:\n  - tekst: x\n    bron: y\n    verouderd: [{onderwerp: wbp, woord: x}]\n",
         "onbekend veld 'woord'", 5),
        ("actualiteit.yaml", "schema_version: 2\ngevallen:\n  - tekst: x\n    bron: y\n    verouderd: []\n", "schema_version moet 1", 1),
        ("actualiteit.yaml", "schema_version: 1\ngevallen: [\n", "ongeldige YAML", None),
        ("actualiteit.yaml", "schema_version: 1\ngevallen: []\n", "niet-lege lijst", 2),
    ],
)
def test_malformed_case_names_file_and_line(tmp_path: Path, naam: str, inhoud: str, fragment: str,
                                           regel: int | None) -> None:
    pad = tmp_path / naam
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(GevallenFout) as info:
        read_cases(pad)
    melding = str(info.value)
    assert melding.startswith("Het bestand met testgevallen is ongeldig:")
    assert fragment in melding, melding
    assert (f"{naam}:{regel}:" if regel else f"{naam}:") in melding, melding


def test_unknown_case_file_suggests_the_known_ones(tmp_path: Path) -> None:
    pad = tmp_path / "synonimen.yaml"
    pad.write_text("schema_version: 1\n", encoding="utf-8")
    with pytest.raises(GevallenFout, match="bedoelt u 'synoniemen.yaml'"):
        read_cases(pad)
