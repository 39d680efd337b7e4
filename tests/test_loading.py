"""Loading: validation messages with file and line, integrity checks, cache, local corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

import inkoopkader
from inkoopkader import CorpusFout, InkoopkaderError, load_corpus, validate_corpus
from inkoopkader.cache import cache_dir as _cache_dir


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _messages(directory: Path) -> list[str]:
    return [str(f) for f in validate_corpus(directory)]


def test_bundled_corpus_is_valid() -> None:
    assert validate_corpus() == []


def test_unknown_field_names_file_line_and_suggestion(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "08-jij-kader.yaml"
    _edit(path, "  doelgroep: professional", "  doelgroup: professional")
    messages = _messages(data_copy)
    hit = [m for m in messages if "doelgroup" in m]
    assert hit, messages
    assert "08-jij-kader.yaml:" in hit[0]
    assert "onbekend veld 'doelgroup'" in hit[0] and "bedoelt u 'doelgroep'" in hit[0]
    line = int(hit[0].split(".yaml:")[1].split(":")[0])
    assert "doelgroup" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_bad_enum_value_suggests_closest(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "06-wmo-basisset-kwetsbare-burgers.yaml"
    _edit(path, "thema: vakmanschap", "thema: vakmanshap")
    messages = _messages(data_copy)
    assert any("ongeldige waarde 'vakmanshap'" in m and "Bedoelt u 'vakmanschap'" in m for m in messages), messages


def test_yaml_syntax_error_names_line(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "15-wat-werkt-clientenparticipatie.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[10] = "nummer: [15"
    path.write_text("\n".join(lines), encoding="utf-8")
    messages = _messages(data_copy)
    assert any("15-wat-werkt-clientenparticipatie.yaml:" in m and "ongeldige YAML" in m for m in messages)


def test_duplicate_id_across_kaders_is_an_error(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "10-professioneel-statuut.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("prefix: mps", "prefix: jij").replace("id: mps-0", "id: jij-0"), encoding="utf-8")
    messages = _messages(data_copy)
    assert any("criterium-ID 'jij-01' is niet uniek" in m for m in messages)
    assert any("prefix 'jij'" in m for m in messages)


def test_unknown_segment_is_an_error_with_suggestion(data_copy: Path) -> None:
    _edit(data_copy / "frameworks" / "01-beschermd-wonen-mo.yaml", "id: wmo-1a", "id: wmo-1c")
    messages = _messages(data_copy)
    assert any("onbekend segment 'wmo-1c'" in m and "bedoelt u 'wmo-1" in m for m in messages), messages


def test_markup_left_in_criterion_text_is_an_error(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "09-kwaliteitslabel-sociaal-werk.yaml"
    kader = path.read_text(encoding="utf-8")
    marker = "  tekst: \""
    index = kader.index(marker, kader.index("criteria:")) + len(marker)
    path.write_text(kader[:index] + "[Hier](#) 26 | Kwaliteitskaders en -standaarden *los " + kader[index:], encoding="utf-8")
    messages = _messages(data_copy)
    assert any("markdown-link" in m for m in messages), messages


def test_empty_text_is_an_error(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "05-ggz-daginvulling-participatie.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  tekst:", text.index("criteria:"))
    end = text.index("\n", start)
    path.write_text(text[:start] + '  tekst: "   "' + text[end:], encoding="utf-8")
    assert any("mag niet leeg zijn" in m for m in _messages(data_copy))


def test_load_corpus_raises_with_all_findings(data_copy: Path) -> None:
    _edit(data_copy / "inkoop" / "08-jij-kader.yaml", "verwijzing: standaard", "verwijzing: standaart")
    _edit(data_copy / "frameworks" / "07-handreiking-maatschappelijke-ondersteuning.yaml", "jaar: 2013", "jaar: twee")
    with pytest.raises(CorpusFout) as info:
        load_corpus(data_copy)
    assert len(info.value.bevindingen) >= 2
    assert "geheel getal" in str(info.value)


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InkoopkaderError, match="bestaat niet"):
        load_corpus(tmp_path / "nergens")
    (tmp_path / "leeg").mkdir()
    with pytest.raises(InkoopkaderError, match="frameworks"):
        load_corpus(tmp_path / "leeg")


def test_local_corpus_with_own_kader_uses_bundled_segments(tmp_path: Path, data_copy: Path) -> None:
    """A gemeente keeps only its own kaders; segments and actualiteit come from the package."""
    local = tmp_path / "gemeente"
    (local / "frameworks").mkdir(parents=True)
    source = (data_copy / "frameworks" / "06-wmo-basisset-kwetsbare-burgers.yaml").read_text(encoding="utf-8")
    local_kader = (
        source.replace("nummer: 6", "nummer: 101", 1)
        .replace("sleutel: wmo-basisset", "sleutel: lokaal-kader", 1)
        .replace("prefix: wbs", "prefix: lok", 1)
        .replace("wbs-", "lok-")
    )
    (local / "frameworks" / "101-lokaal.yaml").write_text(local_kader, encoding="utf-8")
    corpus = load_corpus(local)
    assert [k.sleutel for k in corpus.kaders] == ["lokaal-kader"]
    assert corpus.criterium("lok-01") is not None
    assert len(corpus.segmenten) == 12


def test_environment_variable_selects_corpus(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _edit(data_copy / "frameworks" / "08-jij-kader.yaml", "titel: \"JIJ-kader\"", "titel: \"JIJ-kader (lokaal)\"")
    monkeypatch.setenv("INKOOPKADER_CORPUS", str(data_copy))
    assert load_corpus().kader(8).titel == "JIJ-kader (lokaal)"


def test_cache_is_used_and_keyed_by_content(data_copy: Path) -> None:
    first = load_corpus(data_copy)
    files = list(_cache_dir().glob("corpus-*.json"))
    assert files
    inkoopkader.corpus._MEMO.clear()
    second = load_corpus(data_copy)
    assert second == first and second is not first  # read from disk, equal content
    _edit(data_copy / "frameworks" / "08-jij-kader.yaml", "jaar: 2021", "jaar: 2022")
    third = load_corpus(data_copy)
    assert third.kader(8).jaar == 2022 and third.versie != first.versie


def test_corrupt_cache_is_rebuilt(data_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path / "eigen-cache"))
    load_corpus(data_copy)
    inkoopkader.corpus._MEMO.clear()
    for path in _cache_dir().glob("corpus-*.json"):
        path.write_bytes(b"kapot")
    assert len(load_corpus(data_copy).kaders) == 15
    inkoopkader.corpus._MEMO.clear()
    assert load_corpus(data_copy) == load_corpus(data_copy, cache=False)  # rewritten and read back


def test_unwritable_cache_dir_does_not_fail(data_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("INKOOPKADER_CACHE", str(blocker / "cache"))
    inkoopkader.corpus._MEMO.clear()
    assert len(load_corpus(data_copy).kaders) == 15


def test_empty_actualiteit_still_checks_the_kaders_references(data_copy: Path) -> None:
    """An empty list of onderwerpen is valid YAML; kaders that point into it must be reported, not crash later."""
    (data_copy / "actualiteit.yaml").write_text("schema_version: 1\nonderwerpen: []\n", encoding="utf-8")
    with pytest.raises(CorpusFout, match="onbekend onderwerp"):
        load_corpus(data_copy, cache=False)


def test_a_directory_named_like_a_data_file_is_not_read(data_copy: Path) -> None:
    (data_copy / "frameworks" / "oud.yaml").mkdir()
    assert len(load_corpus(data_copy, cache=False).kaders) == 15
    assert validate_corpus(data_copy) == []
