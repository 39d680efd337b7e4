"""The matching stage of `inkoopkader check`: normalisation, synonyms, anchors, text, fixtures, e2e."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_fixtures import FIXTURES, KOPIEERBEWERKINGEN, evalueer, load_labels, md_naar_docx

import inkoopkader
from inkoopkader.check.match import match_criteria
from inkoopkader.check.model import Concept, Locatie, Status, Tekstblok
from inkoopkader.check.taal import SynoniemenFout, load_synoniemen, stam

# --- helpers ------------------------------------------------------------------------------------------


def blokken(tekst: str, ankers: dict[int, tuple[str, ...]] | None = None) -> Concept:
    """A Concept from text: one block per paragraph (blank-line separated) or list line."""
    result: list[Tekstblok] = []
    alinea: list[str] = []

    def flush() -> None:
        if alinea:
            i = len(result)
            result.append(Tekstblok(" ".join(alinea), Locatie("regel", i + 1), (ankers or {}).get(i, ())))
            alinea.clear()

    for regel in tekst.strip().splitlines():
        regel = regel.strip()
        if not regel:
            flush()
        elif regel[:2] in ("- ", "• ") or regel[:3] in ("1. ", "2. ", "3. ", "4. ", "5. "):
            flush()
            alinea.append(regel)
            flush()
        else:
            alinea.append(regel)
    flush()
    return Concept("test", "tekst", tuple(result))


@pytest.fixture(scope="module")
def wmo(corpus):
    return inkoopkader.select(corpus, "wmo-1a")


def resultaat(resultaten, cid: str):
    return next(r for r in resultaten if r.criterium.id == cid)


def keuzes(selectie, *ids: str):
    return [k for k in selectie.keuzes if k.criterium.id in ids]


# --- language --------------------------------------------------------------------------------------------


def test_stemmer_maps_forms_of_one_word_together():
    assert stam("meldingen") == stam("melding")
    assert stam("cliënten".replace("ë", "e")) == stam("client")
    assert stam("toont") == stam("tonen")
    assert stam("gemaakt") == stam("maken")
    assert stam("organiseert") == stam("organiseren")
    assert stam("geeft") == stam("geven")
    assert stam("positieve") == stam("positief")
    assert stam("mogelijkheden") == stam("mogelijkheid")
    assert stam("melding") != stam("meldcode")


# Which words count as the same (actor swaps, compounds, stop words, general words) is data:
# data/check/cases/synoniemen.yaml, run by tests/test_check_gevallen.py.


def test_fast_terms_equal_the_detailed_tokens():
    syn = load_synoniemen()
    tekst = (FIXTURES / "leidraad-begeleiding.txt").read_text(encoding="utf-8") + " **vet** beschikt over"
    assert syn.termen_van(tekst) == [t.term for t in syn.tokens(tekst) if not t.stop]


def _referentietermen(syn, tekst: str) -> list[str]:
    return [t.term for t in syn.tokens(tekst) if not t.stop]


def test_fast_terms_equal_the_detailed_tokens_on_every_fixture_and_random_phrases():
    """termen_van's word table and phrase shortcut must give exactly what the sequential tokens() gives,
    whatever the synonym list's phrases, compounds and stop words, and whatever was seen before."""
    import pickle
    import random

    from inkoopkader.check.taal import bundled_synoniemen

    bundled = load_synoniemen()
    teksten = []
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix in (".md", ".txt"):
            inhoud = path.read_text(encoding="utf-8")
            teksten += [inhoud, *inhoud.splitlines()]
    # Random texts from the synonym list's own words (every phrase's surface form), compounds with a
    # group head, stop words, digits and punctuation stuck to words.
    import re

    woorden = sorted(set(re.findall(r"[^\W_\d]+", bundled_synoniemen().read_text(encoding="utf-8"))))
    woorden += ["cliëntervaringen", "inwonersparticipatie", "Cliëntenraad", "jeugdigenzorg", "de", "De",
                "het", "in", "op", "is", "24", "7", "(zie", "cliënt,", "organisatie/aanbieder", "**vet**"]
    rnd = random.Random(4)
    teksten += [" ".join(rnd.choice(woorden) for _ in range(rnd.randint(1, 14))) for _ in range(3000)]
    koud = pickle.loads(pickle.dumps(bundled))  # a fresh word table, filled as the texts come
    for tekst in teksten:
        verwacht = _referentietermen(bundled, tekst)
        assert koud.termen_van(tekst) == verwacht, tekst
        assert bundled.termen_van(tekst) == verwacht, tekst


def test_word_split_shortcut_equals_the_word_regex():
    from inkoopkader.check.taal import _WORD

    syn = load_synoniemen()
    for tekst in [
        "De cliënt, (zie art. 2.4) en/of zijn_haar netwerk:\u00a0ja\u2028nee\x1cx\x00y",
        "\u3000全角 Ǆemal 12.500 euro's — ‘JIJ-kader’ ",
        "",
        "   ",
    ]:
        assert syn._woorden(tekst) == _WORD.findall(tekst)
        assert syn._woorden(tekst) == _WORD.findall(tekst)  # from the piece cache


def test_id_shortcut_removes_the_same_ids():
    from inkoopkader.check.match import _ID, _inhoud

    for tekst in ["Zie WMO-12 en jh-03a.", "iWmo-berichtenverkeer 305-startbericht", "ab-١٢ (Arabic digits)",
                  "KWALITEIT-07b", "geen id hier", "sw-1 te kort"]:
        assert _inhoud(tekst) == _ID.sub(" ", tekst)


@pytest.mark.parametrize(
    ("inhoud", "fragment", "regel"),
    [
        (
            "versie: 1\ngroepen:\n  - term: a\n    varianten: [cliënt]\n  - term: b\n    varianten: [klant, cliënt]\n",
            "staat in groep 'b' én in 'a'",
            6,
        ),
        (
            "versie: 1\ngroepen:\n  - term: a\n    varianten: [x]\n    synoniem: y\n",
            "onbekend veld 'synoniem'",
            5,
        ),
        ("versie: 1\ngroepen:\n  - term: Grote Letters\n    varianten: [x]\n", "'term' moet een naam", 3),
        ("versie: 1\ngroepen:\n  - term: a\n    varianten: []\n", "niet-lege lijst", 4),
        ("versie: 1\ngroepen:\n  - term: a\n    varianten: [x, 3]\n", "item 2 is geen woord", 4),
        (
            "versie: 1\ngroepen: []\nstopwoorden: [de]\nalgemeen: [de]\n",
            "in 'algemeen' én in 'stopwoorden'",
            4,
        ),
        ("versie: 1\ngroepen: [\n", "ongeldige YAML", None),
        ("versie: 2\ngroepen: []\n", "onbekende versie", 1),
        ("- alleen\n- een lijst\n", "verwacht een mapping", None),
    ],
)
def test_bad_synonym_data_names_file_and_line(tmp_path: Path, inhoud: str, fragment: str, regel: int | None):
    pad = tmp_path / "synoniemen.yaml"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(SynoniemenFout) as info:
        load_synoniemen(pad)
    melding = str(info.value)
    assert fragment in melding
    assert "synoniemen.yaml" in melding
    if regel is not None:
        assert f"synoniemen.yaml:{regel}:" in melding
    assert isinstance(info.value, inkoopkader.InkoopkaderError)


def test_missing_synonym_file_is_a_dutch_error(tmp_path: Path):
    with pytest.raises(SynoniemenFout, match="kan niet worden gelezen"):
        load_synoniemen(tmp_path / "bestaat-niet.yaml")


def test_an_own_synonym_list_is_used(tmp_path: Path, wmo):
    # Without the group that makes 'bolwerk' an organisation, an actor swap to it still loses words.
    eigen = tmp_path / "syn.yaml"
    tekst = (FIXTURES.parents[2] / "data" / "check" / "synoniemen.yaml").read_text(encoding="utf-8")
    eigen.write_text(
        tekst.replace("      - contractant\n", "      - contractant\n      - bolwerk\n"), encoding="utf-8"
    )
    concept = blokken(
        "Het bolwerk heeft aantoonbaar voldoende medewerkers die ervaren, professioneel en "
        "deskundig handelen in de ondersteuning aan jongeren."
    )
    standaard = match_criteria(concept, keuzes(wmo, "bwmo-24"))[0]
    eigen_lijst = match_criteria(concept, keuzes(wmo, "bwmo-24"), synoniemen=load_synoniemen(eigen))[0]
    assert eigen_lijst.status is Status.GEDEKT and eigen_lijst.score == 100
    assert standaard.score < eigen_lijst.score


# --- matching on small drafts ----------------------------------------------------------------------------------

ONVERWANT = """
Opdrachtnemer factureert maandelijks via het iWmo-berichtenverkeer (303-bericht).

De tarieven worden jaarlijks geïndexeerd met de OVA. De gemeente betaalt binnen dertig dagen.

De Aanbieder levert de zorg aan de cliënt conform de toewijzing en de afspraken in de overeenkomst.
"""


def test_verbatim_and_actor_swap_are_covered_with_evidence(wmo):
    concept = blokken(
        """
        Paragraaf 3 Kwaliteit

        De organisatie toont aan dat de cliënt correct en respectvol wordt bejegend. Hierbij staat het bieden van veiligheid hoog in het vaandel, maar ook het nemen van verantwoorde risico's.

        Bij aanmelding van inwoners brengt de begeleider de gezinssituatie en het netwerk van de inwoner in kaart.
        """
    )
    resultaten = match_criteria(concept, keuzes(wmo, "bwmo-01", "bwmo-11", "bwmo-40"))
    assert [r.criterium.id for r in resultaten] == ["bwmo-01", "bwmo-11", "bwmo-40"]  # selection order kept
    eerste, tweede, derde = resultaten
    assert eerste.status is Status.GEDEKT and eerste.score >= 95
    assert tweede.status is Status.GEDEKT
    assert derde.status is Status.ONTBREEKT and derde.score == 0 and not derde.bewijs
    assert eerste.bewijs[0].locatie == Locatie("regel", 2)
    assert "respectvol" in eerste.bewijs[0].tekst
    assert tweede.bewijs[0].locatie.beschrijving() == "regel 3"
    assert not any(r.via_anker or r.vereist for r in resultaten)


def test_unrelated_procurement_text_matches_nothing(wmo):
    resultaten = match_criteria(blokken(ONVERWANT), wmo.keuzes)
    assert {r.status for r in resultaten} == {Status.ONTBREEKT}


def test_truncated_criterion_is_edited_and_says_what_is_missing(wmo):
    concept = blokken(
        """
        Opdrachtnemer toont aan op welke wijze zij toegang tot gezondheidszorg en specialistische GGZ faciliteert voor inwoners die zij ondersteunt, waarbij minimaal wordt ingegaan op:
        - begeleiden van inwoners naar gezondheidszorg
        - afspraken met gezondheidszorgaanbieders
        """
    )
    r = match_criteria(concept, keuzes(wmo, "bwmo-06"))[0]
    assert r.status is Status.GEWIJZIGD
    assert 50 <= r.score < 85
    ontbrekend = " ".join(r.verschil)
    assert "toegankelijkheid van GGZ zorg en diagnostiek" in ontbrekend
    assert "begeleiden van cliënten" not in ontbrekend
    assert len(r.bewijs) == 3


def test_changed_content_reports_added_and_missing_words(wmo):
    concept = blokken(
        "Opdrachtnemer is op werkdagen tussen 9.00 en 17.00 uur bereikbaar en is toegankelijk voor de "
        "aanmeldingen door alle aangewezen verwijzers."
    )
    r = match_criteria(concept, keuzes(wmo, "bwmo-39"))[0]
    assert r.status is Status.GEWIJZIGD
    tekst = " ".join(r.verschil)
    assert "ontbreekt: «24 uur per dag" in tekst
    assert "toegevoegd:" in tekst and "werkdagen" in tekst


def test_merged_paragraph_covers_both_criteria(wmo):
    concept = blokken(
        "Opdrachtnemer toont aan dat hij een werkend kwaliteitssysteem heeft en toont aan dat hij werkt "
        "met een veiligheidsmanagementsysteem. Opdrachtnemer heeft aparte slaapfaciliteiten voor vrouwen "
        "en mannen.\n\nDe Aanbieder meldt iedere calamiteit en ieder ernstig incident aan de aangewezen "
        "toezichthoudend ambtenaar, conform calamiteitenprotocol van de gemeente."
    )
    resultaten = match_criteria(concept, keuzes(wmo, "bwmo-32", "bwmo-33", "bwmo-34", "bwmo-40"))
    assert [r.status for r in resultaten] == [Status.GEDEKT] * 4


def test_criterion_split_over_a_list_is_found(wmo):
    concept = blokken(
        """
        Het ondersteuningsplan wordt opgesteld, uitgevoerd en geëvalueerd in samenspraak met:
        - de inwoner;
        - en/of zijn vertegenwoordiger;
        - en/of zijn mantelzorger.
        Welke ondersteuning nodig is, staat in het plan. Het ondersteuningsplan is raadpleegbaar voor alle betrokkenen.
        """
    )
    r = match_criteria(concept, keuzes(wmo, "wbs-02"))[0]
    assert r.status is not Status.ONTBREEKT
    assert len(r.bewijs) >= 2


def test_near_duplicate_criteria_do_not_share_one_text(wmo):
    # bwmo-03 repeats bwmo-02's sentence with other items; only bwmo-02 is in this draft.
    crit = wmo.keuzes[[k.criterium.id for k in wmo.keuzes].index("bwmo-02")].criterium
    tekst = crit.tekst.replace("**", "") + "\n" + "\n".join(f"- {i.tekst}" for i in crit.items)
    resultaten = match_criteria(blokken(tekst), keuzes(wmo, "bwmo-02", "bwmo-03"))
    assert resultaten[0].status is Status.GEDEKT
    assert resultaten[1].status is Status.ONTBREEKT


def test_short_criteria_need_a_block_of_their_own_among_found_criteria(wmo):
    losse_kop = blokken("Maatwerk\n\nDe Opdrachtnemer levert maatwerk binnen de afgesproken levertermijn.")
    assert match_criteria(losse_kop, keuzes(wmo, "was-06"))[0].status is Status.ONTBREEKT
    lijst = blokken(
        """
        Wij verwachten van de medewerkers dat zij de volgende eigenschappen tonen:
        - Geduldig
        - Inlevend vermogen
        - Oplossingsgericht
        """
    )
    resultaten = match_criteria(lijst, keuzes(wmo, "wiw-22", "wiw-23", "wiw-27"))
    assert [r.status for r in resultaten] == [Status.GEDEKT] * 3


def test_short_criterion_inside_another_criterion_is_not_counted(wmo):
    concept = blokken(
        """
        De medewerker:
        - handelt methodisch, doel- en oplossingsgericht, houdt kwaliteitsdoelen voor ogen en werkt aan kwaliteitsverbetering;
        - Geduldig
        - Inlevend vermogen
        """
    )
    resultaten = match_criteria(concept, keuzes(wmo, "bcp-137", "wiw-22", "wiw-23", "wiw-27"))
    status = {r.criterium.id: r.status for r in resultaten}
    assert status == {
        "bcp-137": Status.GEDEKT,
        "wiw-22": Status.GEDEKT,
        "wiw-23": Status.GEDEKT,
        "wiw-27": Status.ONTBREEKT,
    }


def test_empty_draft_and_empty_selection(wmo):
    leeg = Concept("leeg", "tekst", ())
    assert {r.status for r in match_criteria(leeg, wmo.keuzes[:5])} == {Status.ONTBREEKT}
    assert match_criteria(blokken(ONVERWANT), []) == []


def test_anchor_finds_heavily_edited_criterion_and_reports_change(wmo):
    concept = blokken(
        """
        Inleiding van het bestek.

        Opdrachtnemer is tijdens kantooruren telefonisch bereikbaar voor de wijkteams.

        Bron: bwmo-39
        """,
        ankers={1: ("bwmo-39",)},
    )
    r = match_criteria(concept, keuzes(wmo, "bwmo-39"))[0]
    assert r.via_anker
    assert r.status is Status.GEWIJZIGD
    assert r.score < 60
    assert r.bewijs[0].locatie == Locatie("regel", 2)
    assert any("ontbreekt" in v for v in r.verschil)


def test_anchor_with_unchanged_text_is_covered_and_accepts_bookmark_names(wmo):
    concept = blokken(
        "De organisatie toont aan dat ze een werkend kwaliteitssysteem heeft.\n\nanders",
        ankers={0: ("ik_bwmo_32",)},
    )
    r = match_criteria(concept, keuzes(wmo, "bwmo-32"))[0]
    assert r.via_anker and r.status is Status.GEDEKT and r.score == 100


def test_anchor_without_text_is_missing(wmo):
    concept = Concept(
        "t",
        "docx",
        (Tekstblok("", Locatie("alinea", 1), ("bwmo-32",)), Tekstblok("Iets anders.", Locatie("alinea", 2))),
    )
    r = match_criteria(concept, keuzes(wmo, "bwmo-32"))[0]
    assert r.status is Status.ONTBREEKT
    assert "bladwijzer" in r.verschil[0]


def test_thresholds_are_adjustable(wmo):
    concept = blokken(
        "Opdrachtnemer toont aan dat hij een kwaliteitssysteem heeft dat werkt conform ISO 9001, "
        "dat jaarlijks wordt geaudit en waarvan de uitkomsten worden gedeeld."
    )
    streng = match_criteria(concept, keuzes(wmo, "bwmo-32"), drempel_gedekt=100.0)[0]
    assert streng.status is not Status.GEDEKT


# --- the labelled fixture set -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_uitkomst(tmp_path_factory, corpus):
    return evalueer(tmp_path_factory.mktemp("check-fixtures"), corpus)


def test_fixture_set_is_large_and_covers_every_edit_type(fixture_uitkomst):
    uitkomst, _ = fixture_uitkomst
    assert uitkomst.aantal >= 80
    assert {
        "letterlijk",
        "actorwissel",
        "hernummerd",
        "opmaak-weg",
        "samengevoegd",
        "gesplitst",
        "ingekort",
        "parafrase",
        "inhoud-gewijzigd",
    } <= set(uitkomst.per_bewerking)
    assert any(c.bestand.endswith(".docx") for c in load_labels())


def test_recall_on_copy_edits_is_at_least_90_percent(fixture_uitkomst):
    uitkomst, _ = fixture_uitkomst
    assert uitkomst.recall(KOPIEERBEWERKINGEN) >= 0.9, uitkomst.per_bewerking


def test_copy_edits_are_mostly_reported_as_covered(fixture_uitkomst):
    uitkomst, _ = fixture_uitkomst
    assert uitkomst.status_juist(KOPIEERBEWERKINGEN) >= 0.9


def test_precision_is_at_least_95_percent(fixture_uitkomst):
    uitkomst, _ = fixture_uitkomst
    assert uitkomst.precisie >= 0.95, uitkomst.vals_positief


def test_unrelated_tenders_produce_no_match_at_all(fixture_uitkomst):
    uitkomst, ruw = fixture_uitkomst
    assert uitkomst.ongerelateerd == []
    for concept in load_labels():
        if concept.ongerelateerd:
            assert all(r.status is Status.ONTBREEKT for r in ruw[concept.bestand])


def test_edited_and_truncated_criteria_are_mostly_found(fixture_uitkomst):
    uitkomst, _ = fixture_uitkomst
    assert uitkomst.recall({"samengevoegd", "gesplitst", "woordvolgorde"}) >= 0.9
    assert uitkomst.recall({"ingekort", "inhoud-gewijzigd", "parafrase"}) >= 0.6


def test_a_composed_document_for_another_segment_matches_only_shared_kaders(tmp_path, corpus, wmo):
    """Jeugdhulp 1 shares kaders 2, 11, 13, 14 and 15 with Wmo 1a; kaders 1, 5, 6 and 7 are Wmo only."""
    from inkoopkader.check.read import read_concept

    jeugd = inkoopkader.select(corpus, "jeugdhulp-1")
    pad = tmp_path / "jeugdhulp.md"
    inkoopkader.compose(corpus, jeugd).save(pad)
    resultaten = match_criteria(read_concept(pad), wmo.lichaam)
    gedeeld = {k.kader.nummer for k in jeugd.lichaam} & {k.kader.nummer for k in wmo.lichaam}
    gevonden = [r for r in resultaten if r.status is not Status.ONTBREEKT]
    vals = [r.criterium.id for r in gevonden if r.criterium.kader not in gedeeld]
    aanwezig = [r for r in resultaten if r.criterium.kader in gedeeld]
    assert len(vals) <= 0.02 * len(gevonden), vals
    assert sum(r.status is not Status.ONTBREEKT for r in aanwezig) >= 0.97 * len(aanwezig)


def test_docx_variant_of_a_fixture_reads_tables(tmp_path):
    from inkoopkader.check.read import read_concept

    pad = md_naar_docx(FIXTURES / "bestek-opvang-actorwissel.md", tmp_path / "x.docx", eisen_in_tabel=True)
    concept = read_concept(pad)
    assert any(b.locatie.tabel for b in concept.blokken if "slaapfaciliteiten" in b.tekst)


# --- end to end: a composed document, edited by hand in Word ------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraaf_met_bladwijzer(doc, naam: str):
    for p in doc.element.body.iter(f"{W}p"):
        for bm in p.iter(f"{W}bookmarkStart"):
            if bm.get(f"{W}name") == naam:
                return p
    raise AssertionError(naam)


def _vervang_tekst(p, nieuw: str) -> None:
    """Replace a paragraph's text, keeping its bookmark: the first run gets the text, others go."""
    runs = [r for r in p.iter(f"{W}r")]
    teksten = [t for r in runs for t in r.iter(f"{W}t")]
    teksten[0].text = nieuw
    for t in teksten[1:]:
        t.getparent().remove(t)


def _volgende(p, n: int = 1):
    for _ in range(n):
        p = p.getnext()
    return p


@pytest.fixture(scope="module")
def bewerkt_document(tmp_path_factory, corpus):
    """compose's Word document for Wmo 1a, edited the way an inkoper does it in Word."""
    from docx import Document

    tmp = tmp_path_factory.mktemp("e2e")
    origineel = tmp / "origineel.docx"
    inkoopkader.compose(corpus, inkoopkader.select(corpus, "wmo-1a", ids=e2e_ids(corpus)),
                        gemeente="Gemeente Lindeveld").save(origineel)
    doc = Document(str(origineel))
    body = doc.element.body

    # 1. Rewrite a bookmarked criterion heavily.
    _vervang_tekst(
        _paragraaf_met_bladwijzer(doc, "ik_bwmo_39"),
        "Opdrachtnemer is op werkdagen van 9 tot 17 uur telefonisch bereikbaar voor de wijkteams.",
    )
    # 2. Delete a requirement: its paragraph and the evidence and source lines under it.
    weg = _paragraaf_met_bladwijzer(doc, "ik_bwmo_40")
    bewijs, bron = weg.getnext(), weg.getnext().getnext()
    for el in (weg, bewijs, bron):
        body.remove(el)
    # 3. Actor swap, bookmark kept …
    p41 = _paragraaf_met_bladwijzer(doc, "ik_bwmo_41")
    for t in p41.iter(f"{W}t"):
        t.text = (t.text or "").replace("De organisatie", "Opdrachtnemer")
    # … and an actor swap in a paragraph whose bookmark was lost (copied through another document).
    p42 = _paragraaf_met_bladwijzer(doc, "ik_bwmo_42")
    for t in p42.iter(f"{W}t"):
        t.text = (t.text or "").replace("De organisatie toont aan dat zij", "De Aanbieder laat zien dat hij")
    for tag in ("bookmarkStart", "bookmarkEnd"):
        for bm in list(p42.iter(f"{W}{tag}")):
            bm.getparent().remove(bm)
    # 4. Move a requirement (with its evidence and source lines) to the end of the body.
    p11 = _paragraaf_met_bladwijzer(doc, "ik_bwmo_11")
    bewijs11, bron11 = p11.getnext(), p11.getnext().getnext()
    sect = body[-1]
    for el in (p11, bewijs11, bron11):
        body.remove(el)
        sect.addprevious(el)
    # 5. Trim an award aspect's sub-items: drop the last three items of bwmo-02.
    p02 = _paragraaf_met_bladwijzer(doc, "ik_bwmo_02")
    items = [_volgende(p02, 1 + i) for i in range(10)]
    for item in items[-3:]:
        body.remove(item)

    pad = tmp / "bewerkt.docx"
    doc.save(str(pad))
    return pad, origineel


@pytest.fixture(scope="module")
def e2e_rapport(bewerkt_document):
    pytest.importorskip("inkoopkader.check.read")
    pytest.importorskip("inkoopkader.check.references")
    from inkoopkader.check import check

    pad, _ = bewerkt_document
    # The document declares kaders 1 and 5 applicable as a whole; these tests are about the text, so only it counts.
    return check(pad, segment="wmo-1a", ids=e2e_ids(inkoopkader.load_corpus()), via_kader=False)


def e2e_ids(corpus) -> list[str]:
    """Every criterion of the Wmo 1a kaders that can be a requirement or an award aspect: a big document."""
    ids = []
    for kader, _ in corpus.kaders_voor_segment("wmo-1a"):
        for crit in kader.criteria:
            if kader.gebruik(crit).rollen != (inkoopkader.Rol.INSPIRATIE,):
                ids.append(crit.id)
    return ids


def test_e2e_unedited_criteria_are_covered_through_their_anchors(e2e_rapport):
    bewerkt = {"bwmo-02", "bwmo-11", "bwmo-39", "bwmo-40", "bwmo-41", "bwmo-42"}
    overige = [r for r in e2e_rapport.resultaten if r.criterium.id not in bewerkt]
    assert len(overige) > 200
    assert all(r.status is Status.GEDEKT for r in overige), [
        (r.criterium.id, r.status.value) for r in overige if r.status is not Status.GEDEKT
    ]
    assert sum(r.via_anker for r in overige) == len(overige)


def test_e2e_heavy_rewrite_is_edited_via_anchor(e2e_rapport):
    r = resultaat(e2e_rapport.resultaten, "bwmo-39")
    assert r.status is Status.GEWIJZIGD and r.via_anker
    assert r.score < 60
    assert "werkdagen" in r.bewijs[0].tekst
    assert any("24 uur per dag" in v for v in r.verschil)


def test_e2e_deleted_criterion_is_missing(e2e_rapport):
    r = resultaat(e2e_rapport.resultaten, "bwmo-40")
    assert r.status is Status.ONTBREEKT and not r.bewijs


def test_e2e_actor_swaps_are_covered_with_or_without_anchor(e2e_rapport):
    met = resultaat(e2e_rapport.resultaten, "bwmo-41")
    zonder = resultaat(e2e_rapport.resultaten, "bwmo-42")
    assert met.status is Status.GEDEKT and met.via_anker
    assert zonder.status is Status.GEDEKT and not zonder.via_anker
    assert "De Aanbieder laat zien" in zonder.bewijs[0].tekst


def test_e2e_moved_criterion_is_covered(e2e_rapport):
    r = resultaat(e2e_rapport.resultaten, "bwmo-11")
    assert r.status is Status.GEDEKT and r.via_anker


def test_e2e_trimmed_items_are_reported(e2e_rapport):
    r = resultaat(e2e_rapport.resultaten, "bwmo-02")
    assert r.status is Status.GEWIJZIGD and r.via_anker
    assert any("Medezeggenschap en inspraak" in v for v in r.verschil)
    assert not any("Informeren van de cliënt" in v for v in r.verschil)


def test_e2e_selection_recorded_in_the_document_is_used(bewerkt_document):
    pytest.importorskip("inkoopkader.check.references")
    from inkoopkader.check import check

    pad, _ = bewerkt_document
    rapport = check(pad, via_kader=False)
    assert rapport.segment == "wmo-1a" and "compose" in rapport.bron_van_selectie
    assert resultaat(rapport.resultaten, "bwmo-40").status is Status.ONTBREEKT


def test_e2e_text_copies_without_anchors_are_found(tmp_path, bewerkt_document):
    """The same edited document, its bookmarks stripped (pasted into the gemeente's own template)."""
    from docx import Document

    from inkoopkader.check import check

    pad, _ = bewerkt_document
    doc = Document(str(pad))
    for tag in ("bookmarkStart", "bookmarkEnd"):
        for bm in list(doc.element.body.iter(f"{W}{tag}")):
            bm.getparent().remove(bm)
    kaal = tmp_path / "zonder-bladwijzers.docx"
    doc.save(str(kaal))
    rapport = check(kaal, segment="wmo-1a", ids=e2e_ids(inkoopkader.load_corpus()), via_kader=False)
    status = {r.criterium.id: r.status for r in rapport.resultaten}
    assert status["bwmo-40"] is Status.ONTBREEKT
    assert status["bwmo-41"] is Status.GEDEKT
    assert status["bwmo-39"] in (Status.GEWIJZIGD, Status.ONTBREEKT)
    gevonden = sum(s is not Status.ONTBREEKT for s in status.values())
    assert gevonden >= 0.95 * (len(status) - 2)
    assert not any(r.via_anker for r in rapport.resultaten)


def test_fixture_files_are_untouched_by_the_tests(tmp_path):
    # The docx variants are built into a temporary directory, never next to the fixtures.
    assert not list(FIXTURES.glob("*.docx"))


def test_small_selection_matches_like_a_large_one(tmp_path) -> None:
    """Word weights come from the whole corpus: checking two IDs finds what the full segment finds."""
    import inkoopkader

    draft = tmp_path / "klein.md"
    draft.write_text(
        "# Kwaliteit\n\nDe organisatie toont aan dat ze een werkend kwaliteitssysteem heeft.\n", encoding="utf-8"
    )
    for opties in ({"ids": ["bwmo-32", "bwmo-01"]}, {}, {"alleen_specifiek": True}):
        rapport = inkoopkader.check(draft, segment="wmo-1a", **opties)
        status = {r.criterium.id: r.status.value for r in rapport.resultaten}
        assert status["bwmo-32"] == "gedekt", opties
        assert status["bwmo-01"] == "ontbreekt", opties


# --- the prepared criteria are cached ------------------------------------------------------------------


def test_prepared_criteria_come_from_the_cache_with_identical_results(
    corpus, wmo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from inkoopkader.check import match

    cache = tmp_path / "cache"
    monkeypatch.setenv("INKOOPKADER_CACHE", str(cache))
    match._VOORBEREID.clear()  # what this process prepared already: built again and written
    concept = blokken(corpus.criterium("bwmo-24").tekst.replace("De organisatie", "Opdrachtnemer") + ONVERWANT)
    eerst = match_criteria(concept, wmo.keuzes, corpus=corpus)
    assert resultaat(eerst, "bwmo-24").status is Status.GEDEKT
    assert len(list(cache.glob("matching-*.json"))) == 1
    assert match_criteria(concept, wmo.keuzes, corpus=corpus) == eerst  # from memory, unpacked once
    match._VOORBEREID.clear()  # a new process: from the disk cache

    def niet_opnieuw(*_args, **_kwargs):
        raise AssertionError("the prepared criteria should have come from the cache")

    with monkeypatch.context() as m:
        m.setattr(match._Weger, "over", niet_opnieuw)
        assert match_criteria(concept, wmo.keuzes, corpus=corpus) == eerst

    # A damaged entry is rebuilt; edited matching code gets an entry of its own.
    next(cache.glob("matching-*.json")).write_bytes(b"kapot")
    match._VOORBEREID.clear()
    assert match_criteria(concept, wmo.keuzes, corpus=corpus) == eerst
    monkeypatch.setattr(match, "_code_sleutel", lambda: "bewerkte code")
    assert match_criteria(concept, wmo.keuzes, corpus=corpus) == eerst
    assert len(list(cache.glob("matching-*.json"))) == 2


def test_staff_requirements_and_own_synonyms_get_their_own_cache_entry(
    corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from inkoopkader.check import match

    cache = tmp_path / "cache"
    monkeypatch.setenv("INKOOPKADER_CACHE", str(cache))
    match._VOORBEREID.clear()
    tekst = "Opdrachtnemer werkt conform het JIJ-kader."
    inkoopkader.check(tekst, corpus, segment="jeugdhulp-1", tekst=True)
    inkoopkader.check(tekst, corpus, segment="jeugdhulp-1", tekst=True)
    assert len(list(cache.glob("matching-*.json"))) == 1
    inkoopkader.check(tekst, corpus, segment="jeugdhulp-1", tekst=True, personeel=True)
    assert len(list(cache.glob("matching-*.json"))) == 2
    eigen = tmp_path / "syn.yaml"
    eigen.write_text(
        (FIXTURES.parents[2] / "data" / "check" / "synoniemen.yaml").read_text(encoding="utf-8") + "\n",
        encoding="utf-8",
    )
    match_criteria(blokken(tekst), inkoopkader.select(corpus, "jeugdhulp-1").keuzes, corpus=corpus,
                   synoniemen=load_synoniemen(eigen))
    assert len(list(cache.glob("matching-*.json"))) == 3


def test_synonym_list_content_hash_is_a_string_and_not_the_phrase_key_method():
    from inkoopkader.check.taal import Synoniemen

    geladen = load_synoniemen()
    assert isinstance(geladen.inhoud_hash, str) and len(geladen.inhoud_hash) == 32
    assert Synoniemen(bron="in code").inhoud_hash == ""  # built in code: never used as a cache key
    assert Synoniemen.sleutel("De organisatie") == ("de", "organisati")  # the phrase key still works


def test_cached_synonym_list_from_older_code_is_rebuilt(tmp_path, monkeypatch):
    """An entry written by code whose Synoniemen lacked a field must not come back with the default."""
    import hashlib
    import json

    from inkoopkader import cache
    from inkoopkader.check import taal

    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path / "cache"))
    eigen = tmp_path / "syn.yaml"
    eigen.write_text(taal.bundled_synoniemen().read_text(encoding="utf-8"), encoding="utf-8")
    eerste = load_synoniemen(eigen)
    assert eerste.inhoud_hash
    (entry,) = (tmp_path / "cache").glob("synoniemen-*.json")
    kop, _, inhoud = entry.read_bytes()[len(cache.FORMAAT):].partition(b"\n")
    document = json.loads(inhoud)
    (type_,) = [t for t in document["typen"] if t[1] == "Synoniemen"]
    index = type_[2].index("inhoud_hash")
    del type_[2][index]  # as written by a version without the field
    document["waarde"].pop(2 + index)
    inhoud = json.dumps(document).encode()
    entry.write_bytes(cache.FORMAAT + hashlib.sha256(inhoud).hexdigest().encode() + b"\n" + inhoud)
    taal._load.cache_clear()
    assert load_synoniemen(eigen).inhoud_hash == eerste.inhoud_hash
