from __future__ import annotations

import pytest

from inkoopkader import Thema, find
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
    plain = {r.criterium.id for r in find(corpus, "meldcode", limiet=None)}
    assert {r.criterium.id for r in find(corpus, "MELDCODE", limiet=None)} == plain
    assert "bwmo-04" in plain
    clients = {r.criterium.id for r in find(corpus, "clientervaringen", limiet=None)}
    assert "bwmo-26" in clients  # source spells it 'cliëntervaringen'


def test_search_tolerates_a_typo(corpus) -> None:
    assert "bwmo-04" in {r.criterium.id for r in find(corpus, "meldkode", limiet=None)}


def test_search_filters_and_snippets(corpus) -> None:
    hits = find(corpus, "veiligheid", themas=[Thema.ORGANISATIE], kaders=[1])
    assert hits and all(h.criterium.kader == 1 and Thema.ORGANISATIE in h.criterium.thema for h in hits)
    assert all(h.fragment and "**" not in h.fragment for h in hits)


def test_search_nonsense_finds_nothing(corpus) -> None:
    assert find(corpus, "xyzzyplugh") == []
    assert find(corpus, "   ") == []


def test_profile_items_are_searchable(corpus) -> None:
    from inkoopkader.search import find_profielen

    skj = [h.item.id for h in find_profielen(corpus, "SKJ-registratie")]
    assert set(skj[:3]) == {"wce-niv-b", "wce-niv-c", "wce-niv-d"}
    assert find_profielen(corpus, "motiveren")[0].item.id == "mdj-comp-motiveren"
    assert find_profielen(corpus, "xyzzyplugh") == []


# --- issue 14: compounds, abbreviations, short words, segments, limits ------------------------------


def test_a_compound_finds_its_parts(corpus) -> None:
    """'klachtenregeling' (klacht + en + regeling) finds every criterion about complaints, the exact word first."""
    hits = find(corpus, "klachtenregeling", limiet=None)
    ids = [h.criterium.id for h in hits]
    assert len(ids) >= 10
    assert ids[0] == "jij-14"  # 'klachtregeling' itself: the linking -en- does not matter
    assert {"vsm-33", "wbs-11", "jzp-44"} <= set(ids)  # klachtenprocedure, klachtencommissie …
    assert "vsm-33" in {h.criterium.id for h in find(corpus, "procedure", limiet=None)}  # a part finds the compound
    assert "bwmo-26" in {h.criterium.id for h in find(corpus, "clientervaring", limiet=None)}


def test_a_common_first_part_alone_does_not_match(corpus) -> None:
    """'cliëntervaringen' must not find every criterion that mentions a cliënt."""
    assert len(find(corpus, "clientervaringen", limiet=None)) < 10


def test_abbreviations_work_both_ways(corpus) -> None:
    vog = [h.criterium.id for h in find(corpus, "VOG", limiet=None)]
    assert vog and vog[0] in ("jzp-50", "vsm-26") and set(vog) == {"jzp-50", "vsm-26"}
    voluit = {h.criterium.id for h in find(corpus, "verklaring omtrent het gedrag", limiet=None)}
    assert voluit == set(vog)
    assert "mps-04" in {h.criterium.id for h in find(corpus, "Stichting Kwaliteitsregister Jeugd", limiet=None)}
    assert {a.afkorting for a in corpus.afkortingen} >= {"VOG", "SKJ", "BIG", "AVG", "IGJ", "Wmo"}


def test_short_words_are_never_matched_by_approximation(corpus) -> None:
    """'VOG' once found five 'Voorbereiding …' criteria; 'klacht' found 'kracht'."""
    for hit in find(corpus, "VOG", limiet=None):
        assert "vog" in fold(hit.fragment).split() or "verklaring" in fold(hit.fragment)
    assert not any("kracht" in fold(h.fragment) and "klacht" not in fold(h.fragment)
                   for h in find(corpus, "klacht", limiet=None))
    assert find(corpus, "GI-beleid") == []


def test_library_accepts_the_cli_segment_spellings(corpus) -> None:
    from inkoopkader import OnbekendeWaarde

    plain = [h.criterium.id for h in find(corpus, "veiligheid", segment="jeugdhulp-4", limiet=None)]
    assert plain
    for spelling in ("Jeugdhulp 4", "jh4", "JEUGDHULP-4"):
        assert [h.criterium.id for h in find(corpus, "veiligheid", segment=spelling, limiet=None)] == plain
    try:
        find(corpus, "veiligheid", segment="jeugdhulp-9")
    except OnbekendeWaarde as exc:
        assert "Bedoelt u" in str(exc) and "jeugdhulp-" in str(exc)
    else:
        raise AssertionError("een onbekend segment moet een fout geven")


def test_the_result_says_when_the_limit_cut_it_short(corpus) -> None:
    alles = find(corpus, "veiligheid", limiet=None)
    kort = find(corpus, "veiligheid", limiet=3)
    assert len(kort) == 3 and kort.totaal == len(alles) > 3 and kort.afgekapt
    assert not alles.afgekapt and alles.totaal == len(alles)
    assert [h.criterium.id for h in kort] == [h.criterium.id for h in alles[:3]]
    geen = find(corpus, "xyzzyplugh")
    assert geen == [] and not geen.afgekapt and geen.totaal == 0


def test_old_dutch_verbs_work_for_one_release_with_a_warning(corpus) -> None:
    """Functions renamed to one English verb per action keep their old name for one release."""
    import inkoopkader
    from inkoopkader import diff, search, text
    from inkoopkader.check import taal
    from inkoopkader.render import docx

    for module, oud, nieuw in [(inkoopkader, "zoek", "find"), (search, "zoek", "find"),
                               (search, "zoek_profielen", "find_profielen"), (text, "vouw", "fold_word"),
                               (taal, "laad_synoniemen", "load_synoniemen"), (taal, "vouw", "fold_word"),
                               (docx, "lees_selectie", "read_selectie"), (diff, "lees_stand", "read_stand")]:
        with pytest.warns(DeprecationWarning, match=f"{oud} is verouderd .* gebruik .*{nieuw}"):
            assert getattr(module, oud) is getattr(module, nieuw)
    assert "find" in inkoopkader.__all__ and "zoek" not in inkoopkader.__all__
    with pytest.raises(AttributeError):
        search.bestaat_niet  # noqa: B018 - any other name is still missing
    with pytest.warns(DeprecationWarning):
        assert [h.criterium.id for h in inkoopkader.zoek(corpus, "meldcode")] == [
            h.criterium.id for h in find(corpus, "meldcode")]


def test_inspectie_abbreviations_find_the_old_and_current_names(corpus) -> None:
    """bwmo-35 writes 'de Inspectie van de Gezondheidszorg', bwmo-28 'Inspectie voor de Gezondheidszorg (IGZ)':
    IGZ finds both, and IGJ (the successor) finds them too."""
    for vraag in ("IGZ", "IGJ"):
        assert {"bwmo-28", "bwmo-35"} <= {t.criterium.id for t in find(corpus, vraag)}, vraag
