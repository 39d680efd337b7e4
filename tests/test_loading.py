"""Loading: validation messages with file and line, integrity checks, cache, local corpora.

Tests that change data work on the minimal corpus (tests/fixtures/minicorpus, fixture `mini_corpus`):
the same code paths as the full corpus at a tenth of the time. Only test_bundled_corpus_is_valid
validates the real data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import inkoopkader
from inkoopkader import CorpusFout, InkoopkaderError, load_corpus, validate_corpus
from inkoopkader.cache import cache_dir as _cache_dir
from inkoopkader.corpus import _data_files

MINICORPUS = Path(__file__).resolve().parent / "fixtures" / "minicorpus"
JIJ = "frameworks/08-jij-kader.yaml"


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _messages(directory: Path) -> list[str]:
    return [str(f) for f in validate_corpus(directory)]


def test_bundled_corpus_is_valid() -> None:
    assert validate_corpus() == []


def test_minimal_corpus_is_valid_and_self_contained() -> None:
    """The fixture the data-changing tests use: valid, and no data file borrowed from the bundled corpus
    (that would make it slow and its tests depend on the real data)."""
    assert validate_corpus(MINICORPUS) == []
    files = _data_files(MINICORPUS)
    assert all(path.is_relative_to(MINICORPUS) for path in files.values()), files
    assert {"frameworks/08-jij-kader.yaml", "inkoop/08-jij-kader.yaml", "wettelijk.yaml", "personeel.yaml"} <= set(files)
    corpus = load_corpus(MINICORPUS, cache=False)
    assert [k.nummer for k in corpus.kaders] == [8] and len(corpus.segmenten) == 12
    assert corpus.kader(8).inkoop is not None and corpus.wettelijk and corpus.personeelseisen
    assert corpus.beroepsprofielen == ()


def test_unknown_field_names_file_line_and_suggestion(mini_corpus: Path) -> None:
    path = mini_corpus / JIJ
    _edit(path, "  doelgroep: professional", "  doelgroup: professional")
    messages = _messages(mini_corpus)
    hit = [m for m in messages if "doelgroup" in m]
    assert hit, messages
    assert "08-jij-kader.yaml:" in hit[0]
    assert "onbekend veld 'doelgroup'" in hit[0] and "bedoelt u 'doelgroep'" in hit[0]
    line = int(hit[0].split(".yaml:")[1].split(":")[0])
    assert "doelgroup" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_bad_enum_value_suggests_closest(mini_corpus: Path) -> None:
    path = mini_corpus / JIJ
    _edit(path, "thema: vakmanschap", "thema: vakmanshap")
    messages = _messages(mini_corpus)
    assert any("ongeldige waarde 'vakmanshap'" in m and "Bedoelt u 'vakmanschap'" in m for m in messages), messages


def test_yaml_syntax_error_names_line(mini_corpus: Path) -> None:
    path = mini_corpus / JIJ
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[10] = "nummer: [8"
    path.write_text("\n".join(lines), encoding="utf-8")
    messages = _messages(mini_corpus)
    assert any("08-jij-kader.yaml:" in m and "ongeldige YAML" in m for m in messages), messages


def test_duplicate_id_across_kaders_is_an_error(mini_corpus: Path) -> None:
    text = (mini_corpus / JIJ).read_text(encoding="utf-8")
    other = text.replace("nummer: 8", "nummer: 16", 1).replace("sleutel: jij-kader", "sleutel: jij-kopie", 1)
    (mini_corpus / "frameworks" / "16-jij-kopie.yaml").write_text(other, encoding="utf-8")
    messages = _messages(mini_corpus)
    assert any("criterium-ID 'jij-01' is niet uniek" in m for m in messages)
    assert any("prefix 'jij'" in m for m in messages)


def test_unknown_segment_is_an_error_with_suggestion(mini_corpus: Path) -> None:
    _edit(mini_corpus / JIJ, "id: jeugdhulp-4", "id: jeugdhulp-44")
    messages = _messages(mini_corpus)
    assert any("onbekend segment 'jeugdhulp-44'" in m and "bedoelt u 'jeugdhulp-4'" in m for m in messages), messages


def test_markup_left_in_criterion_text_is_an_error(mini_corpus: Path) -> None:
    path = mini_corpus / JIJ
    kader = path.read_text(encoding="utf-8")
    marker = "  tekst: \""
    index = kader.index(marker, kader.index("\ncriteria:")) + len(marker)
    path.write_text(kader[:index] + "[Hier](#) 26 | Kwaliteitskaders en -standaarden *los " + kader[index:], encoding="utf-8")
    messages = _messages(mini_corpus)
    assert any("markdown-link" in m for m in messages), messages


def test_empty_text_is_an_error(mini_corpus: Path) -> None:
    path = mini_corpus / JIJ
    text = path.read_text(encoding="utf-8")
    start = text.index("  tekst:", text.index("\ncriteria:"))
    end = text.index("\n", start)
    path.write_text(text[:start] + '  tekst: "   "' + text[end:], encoding="utf-8")
    assert any("mag niet leeg zijn" in m for m in _messages(mini_corpus))


def test_load_corpus_raises_with_all_findings(mini_corpus: Path) -> None:
    _edit(mini_corpus / "inkoop" / "08-jij-kader.yaml", "verwijzing: standaard", "verwijzing: standaart")
    _edit(mini_corpus / JIJ, "jaar: 2021", "jaar: twee")
    with pytest.raises(CorpusFout) as info:
        load_corpus(mini_corpus)
    assert len(info.value.bevindingen) >= 2
    assert "geheel getal" in str(info.value)


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InkoopkaderError, match="bestaat niet"):
        load_corpus(tmp_path / "nergens")
    (tmp_path / "leeg").mkdir()
    with pytest.raises(InkoopkaderError, match="frameworks"):
        load_corpus(tmp_path / "leeg")


def test_local_corpus_with_own_kader_uses_bundled_segments(tmp_path: Path) -> None:
    """A gemeente keeps only its own kaders; segments and actualiteit come from the package."""
    local = tmp_path / "gemeente"
    (local / "frameworks").mkdir(parents=True)
    source = (inkoopkader.corpus.bundled_data_dir() / "frameworks" / "06-wmo-basisset-kwetsbare-burgers.yaml"
              ).read_text(encoding="utf-8")
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


def test_environment_variable_selects_corpus(mini_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _edit(mini_corpus / JIJ, "titel: \"JIJ-kader\"", "titel: \"JIJ-kader (lokaal)\"")
    monkeypatch.setenv("INKOOPKADER_CORPUS", str(mini_corpus))
    assert load_corpus().kader(8).titel == "JIJ-kader (lokaal)"


def test_two_directories_with_the_same_data_each_keep_their_own_path(mini_corpus: Path, tmp_path: Path) -> None:
    """The cache shares validated content, not the directory: files next to the data (check rules)
    are read from the corpus's own `pad`."""
    import shutil

    kopie = tmp_path / "kopie"
    shutil.copytree(mini_corpus, kopie)
    a = load_corpus(mini_corpus)
    inkoopkader.corpus._MEMO.clear()  # the second comes from the disk cache
    b = load_corpus(kopie)
    assert a.versie == b.versie
    assert Path(a.pad).resolve() == mini_corpus.resolve()
    assert Path(b.pad).resolve() == kopie.resolve()
    assert Path(load_corpus(mini_corpus).pad).resolve() == mini_corpus.resolve()  # and from memory


def test_cache_is_used_and_keyed_by_content(mini_corpus: Path) -> None:
    first = load_corpus(mini_corpus)
    files = list(_cache_dir().glob("corpus-*.json"))
    assert files
    inkoopkader.corpus._MEMO.clear()
    second = load_corpus(mini_corpus)
    assert second == first and second is not first  # read from disk, equal content
    _edit(mini_corpus / JIJ, "jaar: 2021", "jaar: 2022")
    third = load_corpus(mini_corpus)
    assert third.kader(8).jaar == 2022 and third.versie != first.versie


def test_corrupt_cache_is_rebuilt(mini_corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path / "eigen-cache"))
    inkoopkader.corpus._MEMO.clear()  # an earlier test may have loaded the same content: then nothing is written
    load_corpus(mini_corpus)
    inkoopkader.corpus._MEMO.clear()
    entries = list(_cache_dir().glob("corpus-*.json"))
    assert entries
    for path in entries:
        path.write_bytes(b"kapot")
    assert [k.nummer for k in load_corpus(mini_corpus).kaders] == [8]
    inkoopkader.corpus._MEMO.clear()
    assert load_corpus(mini_corpus) == load_corpus(mini_corpus, cache=False)  # rewritten and read back


def test_unwritable_cache_dir_does_not_fail(mini_corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("INKOOPKADER_CACHE", str(blocker / "cache"))
    inkoopkader.corpus._MEMO.clear()
    assert [k.nummer for k in load_corpus(mini_corpus).kaders] == [8]


def test_empty_actualiteit_still_checks_the_kaders_references(mini_corpus: Path) -> None:
    """An empty list of onderwerpen is valid YAML; kaders that point into it must be reported, not crash later."""
    assert "onderwerp:" in (mini_corpus / JIJ).read_text(encoding="utf-8")  # kader 8 points into actualiteit
    (mini_corpus / "actualiteit.yaml").write_text("schema_version: 1\nonderwerpen: []\n", encoding="utf-8")
    with pytest.raises(CorpusFout, match="onbekend onderwerp"):
        load_corpus(mini_corpus, cache=False)


def test_a_directory_named_like_a_data_file_is_not_read(mini_corpus: Path) -> None:
    (mini_corpus / "frameworks" / "oud.yaml").mkdir()
    assert [k.nummer for k in load_corpus(mini_corpus, cache=False).kaders] == [8]
    assert validate_corpus(mini_corpus) == []
