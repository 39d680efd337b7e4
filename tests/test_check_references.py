"""Kader references (a kader as a whole, its edition) and outdated references in tender drafts."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from inkoopkader.check.model import Concept, Locatie, Tekstblok
from inkoopkader.check.references import (
    BESTAND,
    find_kaderverwijzingen,
    find_verouderd,
    load_kaderverwijzingen,
)
from inkoopkader.errors import CorpusFout
from inkoopkader.framing import kader_clausule, sectie_intro, vraag_tekst
from inkoopkader.model import Thema

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "data" / BESTAND


def concept(*teksten: str, soort: str = "regel") -> Concept:
    """A hand-built draft: one block per text, block i on line 10*i (so line arithmetic is visible)."""
    return Concept(
        "concept.md", "md", tuple(Tekstblok(t, Locatie(soort, 10 * (i + 1))) for i, t in enumerate(teksten))
    )


def refs(corpus, *teksten: str):
    return find_kaderverwijzingen(concept(*teksten), corpus)


# --- whole-kader references -------------------------------------------------------------------------------
# One-paragraph cases (a kader as a whole or a mere mention, editions) are data: data/check/cases/
# kaderverwijzingen.yaml, run by tests/test_check_gevallen.py. Here: what needs more than one paragraph
# or the corpus itself.


def test_list_items_under_a_reference_verb_count(corpus) -> None:
    found = refs(
        corpus,
        "Opdrachtnemer werkt conform de volgende kwaliteitskaders:",
        "het JIJ-kader (IGJ, januari 2021);",
        "het Model Professioneel Statuut;",
        "Prijzen worden jaarlijks geïndexeerd. Het JIJ-kader wordt hier niet genoemd als eis.",
    )
    assert [(v.kader, v.locatie.index) for v in found] == [(8, 20), (10, 30)]
    assert found[0].editie == "2021" and not found[0].afwijkende_editie


@pytest.mark.parametrize("kader_nr", range(1, 16))
def test_compose_wording_is_recognised_for_every_kader(corpus, kader_nr: int) -> None:
    """compose's own reference clauses are whole references in the current edition; its block
    introductions ('voldoet aan de volgende eisen uit …') are parts of a kader, not the whole."""
    from inkoopkader.model import Procedure

    kader = corpus.kader(kader_nr)
    for procedure in Procedure:
        tekst = kader_clausule(kader, procedure)
        found = refs(corpus, tekst)
        assert [v.kader for v in found] == [kader_nr], tekst
        assert found[0].editie is not None and str(kader.jaar) in found[0].editie
        assert not found[0].afwijkende_editie
        segment = corpus.segmenten[0]
        intros = [sectie_intro(procedure, s) for s in ("minimumeisen", "uitvoering", "kaders")]
        intros += [vraag_tekst(thema, segment, procedure) for thema in Thema]
        assert refs(corpus, *intros) == []


def test_every_kader_title_is_a_known_name(corpus) -> None:
    for kader in corpus.kaders:
        found = refs(corpus, f"Opdrachtnemer werkt conform ‘{kader.titel}’.")
        assert [v.kader for v in found] == [kader.nummer], kader.titel


# --- the rules file ----------------------------------------------------------------------------------------


def test_rules_cover_every_kader_with_the_corpus_year(corpus) -> None:
    regels = load_kaderverwijzingen(RULES)
    assert {k.kader for k in regels.kaders} == {k.nummer for k in corpus.kaders}
    for entry in regels.kaders:
        assert entry.jaar == corpus.kader(entry.kader).jaar, f"kader {entry.kader}: editie.jaar wijkt af van het kaderbestand"


def _write_rules(tmp_path: Path, old: str, new: str) -> Path:
    text = RULES.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "kaderverwijzingen.yaml"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def _line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


def test_invalid_regex_names_file_and_line(tmp_path: Path) -> None:
    path = _write_rules(tmp_path, "'JIJ-? ?kader'", "'JIJ-(kader'")
    with pytest.raises(CorpusFout) as exc:
        load_kaderverwijzingen(path)
    bevinding = exc.value.bevindingen[0]
    assert bevinding.bestand.endswith("kaderverwijzingen.yaml")
    assert bevinding.regel == _line_of(path, "JIJ-(kader")
    assert "ongeldige reguliere expressie" in bevinding.melding


def test_unknown_field_and_duplicate_kader_are_reported_in_dutch(tmp_path: Path) -> None:
    path = _write_rules(tmp_path, "    editie: {jaar: 2021}", "    editie: {jaar: 2021}\n    opmerking: x")
    with pytest.raises(CorpusFout) as exc:
        load_kaderverwijzingen(path)
    assert "onbekend veld 'opmerking'" in str(exc.value)
    assert exc.value.bevindingen[0].regel == _line_of(path, "opmerking: x")

    path = _write_rules(tmp_path, "  - kader: 9\n", "  - kader: 8\n")
    with pytest.raises(CorpusFout, match="kader 8 staat er meer dan één keer in"):
        load_kaderverwijzingen(path)


def test_unknown_named_group_is_refused(tmp_path: Path) -> None:
    path = _write_rules(tmp_path, "'JIJ-? ?kader'", "'JIJ-? ?kader(?P<jaartal>\\d+)?'")
    with pytest.raises(CorpusFout, match="onbekende groep"):
        load_kaderverwijzingen(path)


def test_warm_load_needs_neither_ruamel_nor_pydantic(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from inkoopkader.check.references import load_kaderverwijzingen\n"
        "load_kaderverwijzingen()\n"
        "print('ruamel.yaml' in sys.modules, 'pydantic' in sys.modules)\n"
    )
    env = {"INKOOPKADER_CACHE": str(tmp_path / "cache"), "PATH": ""}
    cold = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert cold.stdout.split() == ["True", "True"]  # validated once …
    assert warm.stdout.split() == ["False", "False"]  # … then read from the cache


def test_corpus_with_own_rules_file_uses_it(corpus, mini_corpus: Path) -> None:
    import inkoopkader

    rules = mini_corpus / BESTAND
    rules.parent.mkdir()
    rules.write_text(
        (ROOT / "data" / BESTAND).read_text(encoding="utf-8").replace(
            "'JIJ-? ?kader'", "'JIJ-? ?kader'\n      - 'toezichtkader jeugd'"),
        encoding="utf-8",
    )
    own = inkoopkader.load_corpus(mini_corpus, cache=False)
    tekst = "Opdrachtnemer werkt conform het toezichtkader jeugd."
    assert [v.kader for v in refs(own, tekst)] == [8]
    assert refs(corpus, tekst) == []


# --- outdated references -----------------------------------------------------------------------------------
# One-sentence cases (outdated or current law, historical context) are data: data/check/cases/
# actualiteit.yaml, run by tests/test_check_gevallen.py.


def test_each_onderwerp_recognises_its_own_term(corpus) -> None:
    for onderwerp in corpus.actualiteit:
        found = {v.onderwerp for v in find_verouderd(concept(f"Conform de {onderwerp.term}."), corpus)}
        if onderwerp.patronen:
            assert onderwerp.id in found, onderwerp.id
        else:
            assert onderwerp.id not in found  # not text-detectable (e.g. a kader's validity)


def test_criteria_the_corpus_marks_outdated_are_detected(corpus) -> None:
    """A criterion that the corpus says cites an outdated law, copied into a draft, is flagged."""
    checked = 0
    for kader in corpus.kaders:
        for act in kader.actualiteit:
            if not corpus.onderwerp(act.onderwerp).patronen:
                continue
            for cid in act.criteria:
                teksten = list(corpus.criterium(cid).alle_teksten())
                assert act.onderwerp in {v.onderwerp for v in find_verouderd(concept(*teksten), corpus)}, cid
                checked += 1
    assert checked >= 5


def test_onderwerp_without_patterns_is_skipped(corpus) -> None:
    zonder = tuple(dataclasses.replace(o, patronen=()) if o.id == "wbp" else o for o in corpus.actualiteit)
    aangepast = dataclasses.replace(corpus, actualiteit=zonder)
    found = find_verouderd(concept("Conform de Wbp en de AWBZ."), aangepast)
    assert [v.onderwerp for v in found] == ["awbz"]


def test_one_finding_per_onderwerp_per_sentence_in_document_order(corpus) -> None:
    found = find_verouderd(
        concept("De Wet bescherming persoonsgegevens (Wbp) en de AWBZ gelden. Ook de Wbp geldt.", "Bopz."), corpus
    )
    assert [(v.onderwerp, v.locatie.index) for v in found] == [("wbp", 10), ("awbz", 10), ("wbp", 10), ("wet-bopz", 20)]
    assert found[2].tekst == "Ook de Wbp geldt."


def test_line_of_finding_inside_a_multiline_block(corpus) -> None:
    found = find_verouderd(concept("Opdrachtnemer volgt de wetgeving,\nwaaronder de Wet\u00a0bescherming\npersoons\u00adgegevens."), corpus)
    assert len(found) == 1
    assert found[0].term == "Wet bescherming persoonsgegevens"
    assert found[0].locatie.index == 11  # block starts on line 10; the term on the next line


@pytest.mark.parametrize("naam", ["concept.md", "concept.txt"])
def test_line_of_finding_in_a_read_draft_is_the_line_itself(naam: str, tmp_path: Path, corpus) -> None:
    """The reader joins a wrapped paragraph into one block; findings still name their own line."""
    from inkoopkader.check.read import read_concept
    from inkoopkader.check.references import find_verwijzingen

    pad = tmp_path / naam
    pad.write_text(
        "Inleiding.\n\n"
        "Opdrachtnemer volgt de wetgeving,\n"  # line 3: the paragraph starts here
        "waaronder de Wet\u00a0bescherming\n"  # line 4: the outdated term starts here
        "persoons\u00adgegevens, en werkt\n"
        "conform het JIJ-kader.\n",  # line 6: the kader reference
        encoding="utf-8",
    )
    draft = read_concept(pad)
    blok = draft.blokken[1]
    assert blok.locatie.index == 3 and [r for _, r in blok.regels] == [3, 4, 5, 6]
    kaders, verouderd = find_verwijzingen(draft, corpus)
    assert [(v.term, v.locatie.index) for v in verouderd] == [("Wet bescherming persoonsgegevens", 4)]
    assert [(v.kader, v.locatie.index) for v in kaders] == [(8, 6)]


def test_docx_location_is_kept_as_is(corpus) -> None:
    draft = Concept("c.docx", "docx", (Tekstblok("Conform de Wbp.", Locatie("tabel", 7, pagina=2, tabel=(1, 2, 3))),))
    found = find_verouderd(draft, corpus)
    assert found[0].locatie == Locatie("tabel", 7, pagina=2, tabel=(1, 2, 3))


def test_compose_currency_warning_is_not_a_second_finding(corpus) -> None:
    from inkoopkader.compose import compose
    from inkoopkader.select import select

    doc = compose(corpus, select(corpus, "wmo-1a", ids=["bwmo-35"]), bijlagen=True)
    kaders = next(s for s in doc.bijlagen if s.id == "bijlage-kaders")
    warnings = [b.tekst for b in kaders.walk() if getattr(b, "soort", "") == "toelichting"]
    assert warnings and all(w.startswith("Actualiteit: de bron noemt ") for w in warnings)
    criterion = corpus.criterium("bwmo-35").tekst
    found = find_verouderd(concept(criterion, *warnings), corpus)
    assert {v.locatie.index for v in found} == {10}  # only the criterion's own text
    assert {v.onderwerp for v in found} == {"igz", "inspectie-jeugdzorg", "inspectie-szw"}


@pytest.mark.parametrize(
    "tekst",
    ["gewoon tekst", "  voor en na  ", "a\u00a0 b\u00adc \n d\u2013e  ", "\u200b", "Wet\u00a0bescherming\npersoons\u00adgegevens", "x\t\ty"],
)
def test_fast_normalisation_equals_the_mapped_one(tekst: str) -> None:
    from inkoopkader.check.references import _snel_normaal, _Tekst

    mapped = _Tekst.van(tekst)
    assert _snel_normaal(tekst) == mapped.norm
    if mapped.bron is not None:
        assert all(tekst[i] == ch or ch in " -" for i, ch in zip(mapped.bron, mapped.norm))


# --- the literal pre-filter: a shortcut that must never lose a finding ------------------------------


@pytest.mark.parametrize(
    ("patroon", "literaal"),
    [
        ("jij-? ?kader", "kader"),
        ("kwaliteitslabel sociaal ?werk", "kwaliteitslabel sociaal"),
        ("w(?:et )?bopz", "bopz"),
        ("(?:ge)?certific\\w*", "certific"),
        ("wmcz(?! 2018)", "wmcz"),
        ("inspectie (voor|van) de gezondheidszorg", " de gezondheidszorg"),
        ("awbz|wbp", None),  # alternatives: no single word every match has
        ("ab?", None),  # too short to be worth it
        ("(", None),  # not a pattern at all: no shortcut, the real regex reports it
    ],
)
def test_mandatory_literal_of_a_pattern(patroon: str, literaal: str | None) -> None:
    from inkoopkader.check.references import _verplichte_literaal

    assert _verplichte_literaal(patroon) == literaal


def _alle_teksten() -> list[str]:
    """Every block of the fixture drafts and the example draft, plus some awkward cases."""
    from inkoopkader.check.read import read_concept

    teksten = [
        "Opdrachtnemer werkt conform het JİJ-kader.",  # 'İ'.lower() is two characters: offsets shift
        "De Wbp\u00a0geldt niet meer; de AVG wel.",
        "Inspectie voor de Gezondheidszorg en Jeugd",
        "WET BOPZ",
        "kwaliteitslabel\nsociaal werk",
        "",
    ]
    bronnen = [*sorted((ROOT / "tests" / "fixtures" / "check").glob("*.[mt][dx]*")), ROOT / "examples" / "concept-bestek-wmo-1a.md"]
    for pad in bronnen:
        teksten += [b.tekst for b in read_concept(pad).blokken]
    return teksten


def test_prefilter_candidates_equal_a_regex_test_of_every_block(corpus) -> None:
    from inkoopkader.check.references import _snel_normaal, _verouderd_patronen

    normen = [_snel_normaal(t) for t in _alle_teksten()]
    regels = load_kaderverwijzingen(RULES)
    filters = [regels.alle_namen, *(k.voorfilter for k in regels.kaders), _verouderd_patronen(corpus)[0]]
    assert all(f._literalen for f in filters[:1] + filters[-1:]), "the shortcut should be in use"
    for voorfilter in filters:
        assert voorfilter.kandidaten(normen) == {i for i, t in enumerate(normen) if voorfilter.search(t)}
    # The fixtures do name kaders and outdated laws, so the comparison is not between two empty sets.
    assert regels.alle_namen.kandidaten(normen) and filters[-1].kandidaten(normen)


def test_find_verwijzingen_equals_the_two_separate_scans(corpus) -> None:
    from inkoopkader.check.read import read_concept
    from inkoopkader.check.references import find_verwijzingen

    for pad in [*sorted((ROOT / "tests" / "fixtures" / "check").glob("*.[mt][dx]*")),
                ROOT / "examples" / "concept-bestek-wmo-1a.md"]:
        draft = read_concept(pad)
        assert find_verwijzingen(draft, corpus) == (find_kaderverwijzingen(draft, corpus), find_verouderd(draft, corpus))
    samen = find_verwijzingen(read_concept(ROOT / "examples" / "concept-bestek-wmo-1a.md"), corpus)
    assert samen[0] and samen[1]  # the example names kaders and outdated laws: a real comparison


def test_literal_analysis_is_cached_on_disk_and_a_damaged_entry_is_rebuilt(monkeypatch, tmp_path) -> None:
    from inkoopkader.check import references

    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path))
    patronen = [r"kwaliteitslabel sociaal werk", r"(?:de )?awbz", r"wet op de jeugdzorg"]
    eerste = references._Voorfilter(patronen)._literalen
    assert eerste == {"kwaliteitslabel sociaal werk": (0,), "awbz": (1,), "wet op de jeugdzorg": (2,)}
    (entry,) = tmp_path.glob("literalen-*.json")

    def geen_parser(_patronen):
        raise AssertionError("the cached analysis should have been used")

    monkeypatch.setattr(references, "_literalen_van", geen_parser)
    assert references._Voorfilter(patronen)._literalen == eerste
    monkeypatch.undo()
    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path))
    entry.write_bytes(b"kapot")
    assert references._Voorfilter(patronen)._literalen == eerste
    # Other patterns, another entry.
    references._Voorfilter([r"bopz"])._literalen
    assert len(list(tmp_path.glob("literalen-*.json"))) == 2
