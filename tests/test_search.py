from __future__ import annotations

from inkoopkader import Thema, zoek
from inkoopkader.text import fold, markup_runs, stam, strip_markup


def test_fold_removes_case_accents_punctuation() -> None:
    assert fold("**Cliënt**-ondersteuning, ÉÉN!") == "client ondersteuning een"


def test_stem_handles_simple_inflection() -> None:
    assert stam("meldingen") == stam("melding")
    assert stam(fold("cliënten")) == stam(fold("cliënt"))


def test_markup_runs_and_strip() -> None:
    assert markup_runs("a **b** *c*") == [("a ", False, False), ("b", True, False), (" ", False, False), ("c", False, True)]
    assert strip_markup("a **b** *c*") == "a b c"


def test_search_is_case_accent_and_inflection_insensitive(corpus) -> None:
    plain = {r.criterium.id for r in zoek(corpus, "meldcode", limiet=None)}
    assert {r.criterium.id for r in zoek(corpus, "MELDCODE", limiet=None)} == plain
    assert "bwmo-04" in plain
    clients = {r.criterium.id for r in zoek(corpus, "clientervaringen", limiet=None)}
    assert "bwmo-26" in clients  # source spells it 'cliëntervaringen'


def test_search_tolerates_a_typo(corpus) -> None:
    assert "bwmo-04" in {r.criterium.id for r in zoek(corpus, "meldkode", limiet=None)}


def test_search_filters_and_snippets(corpus) -> None:
    hits = zoek(corpus, "veiligheid", themas=[Thema.ORGANISATIE], kaders=[1])
    assert hits and all(h.criterium.kader == 1 and Thema.ORGANISATIE in h.criterium.thema for h in hits)
    assert all(h.fragment and "**" not in h.fragment for h in hits)


def test_search_nonsense_finds_nothing(corpus) -> None:
    assert zoek(corpus, "xyzzyplugh") == []
    assert zoek(corpus, "   ") == []


def test_profile_items_are_searchable(corpus) -> None:
    from inkoopkader.search import zoek_profielen

    skj = [h.item.id for h in zoek_profielen(corpus, "SKJ-registratie")]
    assert set(skj[:3]) == {"wce-niv-b", "wce-niv-c", "wce-niv-d"}
    assert zoek_profielen(corpus, "motiveren")[0].item.id == "mdj-comp-motiveren"
    assert zoek_profielen(corpus, "xyzzyplugh") == []


# --- issue 14: compounds, abbreviations, short words, segments, limits ------------------------------


def test_a_compound_finds_its_parts(corpus) -> None:
    """'klachtenregeling' (klacht + en + regeling) finds every criterion about complaints, the exact word first."""
    hits = zoek(corpus, "klachtenregeling", limiet=None)
    ids = [h.criterium.id for h in hits]
    assert len(ids) >= 10
    assert ids[0] == "jij-14"  # 'klachtregeling' itself: the linking -en- does not matter
    assert {"vsm-33", "wbs-11", "jzp-44"} <= set(ids)  # klachtenprocedure, klachtencommissie …
    assert "vsm-33" in {h.criterium.id for h in zoek(corpus, "procedure", limiet=None)}  # a part finds the compound
    assert "bwmo-26" in {h.criterium.id for h in zoek(corpus, "clientervaring", limiet=None)}


def test_a_common_first_part_alone_does_not_match(corpus) -> None:
    """'cliëntervaringen' must not find every criterion that mentions a cliënt."""
    assert len(zoek(corpus, "clientervaringen", limiet=None)) < 10


def test_abbreviations_work_both_ways(corpus) -> None:
    vog = [h.criterium.id for h in zoek(corpus, "VOG", limiet=None)]
    assert vog and vog[0] in ("jzp-50", "vsm-26") and set(vog) == {"jzp-50", "vsm-26"}
    voluit = {h.criterium.id for h in zoek(corpus, "verklaring omtrent het gedrag", limiet=None)}
    assert voluit == set(vog)
    assert "mps-04" in {h.criterium.id for h in zoek(corpus, "Stichting Kwaliteitsregister Jeugd", limiet=None)}
    assert {a.afkorting for a in corpus.afkortingen} >= {"VOG", "SKJ", "BIG", "AVG", "IGJ", "Wmo"}


def test_short_words_are_never_matched_by_approximation(corpus) -> None:
    """'VOG' once found five 'Voorbereiding …' criteria; 'klacht' found 'kracht'."""
    for hit in zoek(corpus, "VOG", limiet=None):
        assert "vog" in fold(hit.fragment).split() or "verklaring" in fold(hit.fragment)
    assert not any("kracht" in fold(h.fragment) and "klacht" not in fold(h.fragment)
                   for h in zoek(corpus, "klacht", limiet=None))
    assert zoek(corpus, "GI-beleid") == []


def test_library_accepts_the_cli_segment_spellings(corpus) -> None:
    from inkoopkader import OnbekendeWaarde

    plain = [h.criterium.id for h in zoek(corpus, "veiligheid", segment="jeugdhulp-4", limiet=None)]
    assert plain
    for spelling in ("Jeugdhulp 4", "jh4", "JEUGDHULP-4"):
        assert [h.criterium.id for h in zoek(corpus, "veiligheid", segment=spelling, limiet=None)] == plain
    try:
        zoek(corpus, "veiligheid", segment="jeugdhulp-9")
    except OnbekendeWaarde as exc:
        assert "Bedoelt u" in str(exc) and "jeugdhulp-" in str(exc)
    else:
        raise AssertionError("een onbekend segment moet een fout geven")


def test_the_result_says_when_the_limit_cut_it_short(corpus) -> None:
    alles = zoek(corpus, "veiligheid", limiet=None)
    kort = zoek(corpus, "veiligheid", limiet=3)
    assert len(kort) == 3 and kort.totaal == len(alles) > 3 and kort.afgekapt
    assert not alles.afgekapt and alles.totaal == len(alles)
    assert [h.criterium.id for h in kort] == [h.criterium.id for h in alles[:3]]
    geen = zoek(corpus, "xyzzyplugh")
    assert geen == [] and not geen.afgekapt and geen.totaal == 0
