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
