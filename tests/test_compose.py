"""Selection and composition, and the text formats (Markdown, JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from inkoopkader import Doelgroep, OnbekendeWaarde, Relevantie, Thema, Vorm
from inkoopkader.compose import compose
from inkoopkader.output import write_atomic
from inkoopkader.select import parse_vorm, select


def test_default_selection_follows_the_overview_table(corpus) -> None:
    sel = select(corpus, "Wmo 1a")
    assert sel.segment.id == "wmo-1a"
    assert {kk.kader.nummer for kk in sel.kaders} == {k.nummer for k, _ in corpus.kaders_voor_segment("wmo-1a")}
    assert all(k.criterium.doelgroep is not Doelgroep.GEMEENTE for k in sel.keuzes)
    assert sel.gemeente and all(k.criterium.doelgroep is Doelgroep.GEMEENTE for k in sel.gemeente)


def test_alleen_specifiek(corpus) -> None:
    sel = select(corpus, "wmo-1a", alleen_specifiek=True)
    assert {kk.kader.nummer for kk in sel.kaders} == {1, 5}
    assert all(kk.relevantie is Relevantie.SPECIFIEK for kk in sel.kaders)


def test_filters_combine(corpus) -> None:
    sel = select(corpus, "jeugdhulp-4", themas=[Thema.VAKMANSCHAP], doelgroepen=[Doelgroep.PROFESSIONAL], zonder_kaders=[11])
    assert sel.keuzes
    assert all(Thema.VAKMANSCHAP in k.criterium.thema and k.criterium.doelgroep is Doelgroep.PROFESSIONAL for k in sel.keuzes)
    assert 11 not in {k.kader.nummer for k in sel.keuzes}


def test_filters_may_be_generators(corpus) -> None:
    """Filters are typed Iterable; a generator must give what a list gives, not be used up halfway."""
    als_lijst = select(corpus, "wmo-1a", kaders=[6], themas=[Thema.ORGANISATIE], doelgroepen=[Doelgroep.ORGANISATIE])
    als_generator = select(corpus, "wmo-1a", kaders=iter([6]), themas=iter([Thema.ORGANISATIE]),
                           doelgroepen=iter([Doelgroep.ORGANISATIE]))
    assert als_generator == als_lijst and als_lijst.keuzes
    assert {k.kader.nummer for k in als_generator.keuzes} == {6}


def test_search_filter_and_explicit_ids(corpus) -> None:
    sel = select(corpus, "wmo-1a", zoekterm="meldcode")
    assert "bwmo-04" in {k.criterium.id for k in sel.keuzes}
    only = select(corpus, "wmo-1a", ids=["bwmo-04", "JIJ-01"])
    assert [k.criterium.id for k in only.keuzes] == ["bwmo-04", "jij-01"]  # IDs outside the segment allowed


def test_unknown_id_suggests(corpus) -> None:
    with pytest.raises(OnbekendeWaarde, match="Bedoelt u 'bwmo-09'"):
        select(corpus, "wmo-1a", ids=["bwmo-99"])


def test_vorm_overrides(corpus) -> None:
    sel = select(corpus, "wmo-1a", vorm=Vorm.EIS)
    assert {k.vorm for k in sel.keuzes} == {Vorm.EIS}
    sel = select(corpus, "wmo-1a", vorm_per_kader={1: Vorm.VRAAG}, vorm_per_criterium={"bwmo-04": Vorm.EIS})
    vormen = {k.criterium.id: k.vorm for k in sel.keuzes}
    assert vormen["bwmo-01"] is Vorm.VRAAG and vormen["bwmo-04"] is Vorm.EIS
    assert parse_vorm("Eisen") is Vorm.EIS
    with pytest.raises(OnbekendeWaarde, match="Bedoelt u 'verwijzing'"):
        parse_vorm("verwijzig")


def test_composition_structure(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"), gemeente="Gemeente Voorbeeld")
    assert [h.thema for h in doc.hoofdstukken] == sorted({h.thema for h in doc.hoofdstukken}, key=list(Thema).index)
    for hoofdstuk in doc.hoofdstukken:
        for sectie in hoofdstuk.secties:
            assert sectie.blokken or sectie.verwijzing  # never an empty kader heading
    # verwijzing kaders: clause in the body, criteria only in annex A
    body_ids = {k.criterium.id for k in doc.lichaam}
    assert all(k.vorm is not Vorm.VERWIJZING for k in doc.lichaam)
    assert {kk.kader.nummer for kk, _ in doc.verwijzingen} == {k.nummer for k, _ in doc.kernpunten}
    assert not body_ids & {k.criterium.id for k in doc.gemeente}
    assert len(doc.alle_keuzes) == len(doc.selectie.keuzes) + len(doc.selectie.gemeente)
    assert any("proportionaliteit" in p for p in doc.inleiding)
    assert any(re.search(r"\d+ eisen en \d+ vragen", p) for p in doc.inleiding)


def test_currency_warnings_reach_the_document(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"))
    texts = " ".join(w.tekst for w in doc.waarschuwingen_voor("bwmo-38"))
    assert "AVG" in texts and "Besluit bouwwerken leefomgeving" in texts
    doc2 = compose(corpus, select(corpus, "jeugdhulp-2"))
    assert any("31-12-2021" in w.tekst for w in doc2.kader_waarschuwingen(2))


def test_markdown_has_structure_and_no_gemeente_items_in_body(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"), gemeente="Gemeente Voorbeeld", kenmerk="K-1")
    md = doc.render("md").decode()
    assert md.startswith("# Kwaliteitscriteria Wmo 1a")
    for heading in ("## 1 Inleiding en leeswijzer", "Toepasselijke kwaliteitskaders", "Dienstverlening", "Bijlage A", "Bijlage B", "Bijlage C", "Bijlage D"):
        assert heading in md
    body, annex_b = md.split("## Bijlage A")[0], md.split("## Bijlage B")[1].split("## Bijlage C")[0]
    for keuze in doc.gemeente:
        assert f"`{keuze.criterium.id}`" not in body
        assert f"`{keuze.criterium.id}`" in annex_b
    table = md.split("## Bijlage C")[1].split("## Bijlage D")[0]
    assert table.count("\n| ") - 1 == len(doc.alle_keuzes)


def test_note_labels_read_as_in_the_source_in_every_format(corpus) -> None:
    from inkoopkader.model import NotitieSoort

    assert NotitieSoort.TER_INSPIRATIE.label == "Ter inspiratie" and NotitieSoort.NB.label == "NB"
    md = compose(corpus, select(corpus, "wmo-1a")).render("md").decode()
    assert "*Ter inspiratie:*" in md and "Ter-inspiratie" not in md


def test_zonder_toelichting_drops_notes(corpus) -> None:
    sel = select(corpus, "wmo-1a", kaders=[1], vorm=Vorm.EIS)
    with_notes = compose(corpus, sel).render("md").decode()
    without = compose(corpus, sel, met_toelichting=False).render("md").decode()
    assert "*Ter inspiratie" in with_notes and "*Ter inspiratie" not in without


def test_json_schema(corpus) -> None:
    doc = compose(corpus, select(corpus, "jeugdhulp-1"))
    data = json.loads(doc.render("json"))
    assert data["schema_version"] == 1
    assert data["segment"]["id"] == "jeugdhulp-1"
    assert len(data["criteria"]) == len(doc.alle_keuzes)
    first = data["criteria"][0]
    for key in ("id", "tekst", "thema", "doelgroep", "groep", "vorm", "plaats", "kader_titel", "regel", "items", "notities"):
        assert key in first


def test_csv_for_dutch_excel(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a", kaders=[6]))
    raw = doc.render("csv")
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:6] == ["ID", "Tekst", "Kader", "Jaar", "Thema", "Vorm"]
    assert len(rows) - 1 == len(doc.alle_keuzes)
    eis = next(r for r in rows[1:] if r[5] == "eis")
    assert eis[1].startswith("Opdrachtnemer") and "**" not in eis[1]


def test_write_atomic_refuses_overwrite_and_keeps_original(tmp_path) -> None:
    target = tmp_path / "doc.md"
    target.write_text("origineel")
    with pytest.raises(Exception, match="bestaat al"):
        write_atomic(target, b"nieuw")
    assert target.read_text() == "origineel"
    write_atomic(target, b"nieuw", force=True)
    assert target.read_text() == "nieuw"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.md"]  # no temp files left


def test_write_atomic_gives_a_dutch_error_for_a_directory_or_an_impossible_name(tmp_path) -> None:
    from inkoopkader.errors import InkoopkaderError

    map_ = tmp_path / "uitvoer"
    map_.mkdir()
    with pytest.raises(InkoopkaderError, match="is een map"):
        write_atomic(map_, b"x", force=True)
    assert map_.is_dir() and not any(map_.iterdir())
    with pytest.raises(InkoopkaderError, match="kan niet worden geschreven"):
        write_atomic(tmp_path / ("x" * 300 + ".md"), b"x")  # longer than any file system allows
    assert [p.name for p in tmp_path.iterdir()] == ["uitvoer"]


def test_document_open_in_word_is_not_overwritten(tmp_path) -> None:
    target = tmp_path / "kwaliteitscriteria-wmo-1a.docx"
    target.write_bytes(b"het document van de inkoper")
    (tmp_path / "~$aliteitscriteria-wmo-1a.docx").write_bytes(b"owner")  # Word's lock file
    with pytest.raises(Exception, match="geopend in Word"):
        write_atomic(target, b"nieuw", force=True)
    assert target.read_bytes() == b"het document van de inkoper"


def test_public_functions_survive_importing_same_named_submodules() -> None:
    import inkoopkader
    import inkoopkader.check
    import inkoopkader.compose
    import inkoopkader.select  # noqa: F401

    assert callable(inkoopkader.compose) and inkoopkader.compose.__module__ == "inkoopkader.compose"
    assert callable(inkoopkader.select) and callable(inkoopkader.check)
    assert set(inkoopkader.__all__) <= set(dir(inkoopkader)) | {"__version__"}


def test_written_file_gets_normal_permissions(tmp_path) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        new = write_atomic(tmp_path / "nieuw.md", b"x")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        existing = tmp_path / "bestaand.md"
        existing.write_bytes(b"oud")
        existing.chmod(0o640)
        write_atomic(existing, b"nieuw", force=True)
        assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    finally:
        os.umask(old)
