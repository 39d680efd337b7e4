"""Corpus versions: `inkoopkader diff OUD NIEUW`, the changelog, and `init` deciding what is new."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import inkoopkader
from inkoopkader.cli import app
from inkoopkader.corpus import corpus_waarschuwingen
from inkoopkader.diff import naar_data, naar_tekst, read_stand, stand, stand_tekst, vergelijk, vergelijk_ids
from inkoopkader.model import Rol
from inkoopkader.profile import update_profile, write_profile
from inkoopkader.select import select

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, oud
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


NIEUW_CRITERIUM = '''  - id: wbs-18
    thema: organisatie
    groep: ["Model Basisset kwaliteitseisen Wmo-ondersteuning voor zeer kwetsbare burgers"]
    doelgroep: organisatie
    regel: 1105
    tekst: "Een nieuw criterium over kwaliteitsbeleid."
'''


@pytest.fixture
def twee_corpora(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of the corpus; the second with a changed, a new and a removed criterion and new metadata."""
    oud, nieuw = tmp_path / "oud", tmp_path / "nieuw"
    shutil.copytree(ROOT / "data", oud)
    shutil.copytree(ROOT / "data", nieuw)
    kader7 = nieuw / "frameworks" / "07-handreiking-maatschappelijke-ondersteuning.yaml"
    _vervang(kader7, '"Hij stelt grenzen aan zijn mogelijkheden om oplossingen te bieden."',
             '"Hij stelt grenzen aan zijn eigen mogelijkheden om oplossingen te bieden."')
    kader6 = nieuw / "frameworks" / "06-wmo-basisset-kwetsbare-burgers.yaml"
    tekst = kader6.read_text(encoding="utf-8")
    blok = tekst[tekst.index("  - id: wbs-17\n"):]
    kader6.write_text(tekst.replace(blok, NIEUW_CRITERIUM), encoding="utf-8")
    _vervang(kader6, "gecontroleerd_op: 2022-03-31", "gecontroleerd_op: 2026-11-30")
    inkoop6 = nieuw / "inkoop" / "06-wmo-basisset-kwetsbare-burgers.yaml"
    tekst = inkoop6.read_text(encoding="utf-8")
    tekst = tekst.replace("  wbs-17:", "  wbs-18:", 1)
    inkoop6.write_text(tekst, encoding="utf-8")
    kader15 = nieuw / "frameworks" / "15-wat-werkt-clientenparticipatie.yaml"
    _vervang(kader15, "    doelgroep: [organisatie, gemeente]\n    regel: 2450", "    doelgroep: organisatie\n    regel: 2450")
    _vervang(nieuw / "corpus.yaml", 'versie: "2026.1"', 'versie: "2026.2"')
    return oud, nieuw


def test_vergelijk_finds_new_removed_changed_tags_and_metadata(twee_corpora) -> None:
    oud, nieuw = (inkoopkader.load_corpus(p) for p in twee_corpora)
    verschil = vergelijk(oud, nieuw)
    assert verschil.ids.criteria_nieuw == ("wbs-18",) and verschil.ids.criteria_vervallen == ("wbs-17",)
    gewijzigd = {w.id: w for w in verschil.criteria_gewijzigd}
    assert set(gewijzigd) == {"hmo-44", "wcp-03"}
    assert [v.veld for v in gewijzigd["hmo-44"].tekst] == ["tekst"] and not gewijzigd["hmo-44"].labels
    assert [(v.veld, v.oud, v.nieuw) for v in gewijzigd["wcp-03"].labels] == [
        ("doelgroepen", ["organisatie", "gemeente"], ["organisatie"])]
    kader6 = next(k for k in verschil.kaders_gewijzigd if k.nummer == 6)
    assert ("gecontroleerd_op", "2022-03-31", "2026-11-30") in [(v.veld, v.oud, v.nieuw) for v in kader6.velden]
    assert not verschil.leeg and vergelijk(oud, oud).leeg


def test_diff_command_text_and_json(twee_corpora) -> None:
    oud, nieuw = twee_corpora
    result = invoke("diff", str(oud), str(nieuw))
    assert result.exit_code == 1, result.output  # like diff(1): 1 = there are differences
    tekst = result.output
    assert "versie 2026.1" in tekst and "versie 2026.2" in tekst
    assert re.search(r"Kader 7 – Handreiking.*\n(.*\n)*?  Gewijzigd\n    hmo-44 \(tekst\)\n      tekst: .*\{\+eigen\+\}", tekst)
    assert "  Nieuw\n    wbs-18 (organisatie) Een nieuw criterium over kwaliteitsbeleid." in tekst
    assert "  Vervallen\n    wbs-17 (organisatie) Kwaliteitsbeleid" in tekst
    assert "gecontroleerd_op: 2022-03-31 → 2026-11-30" in tekst
    assert "doelgroepen: organisatie; gemeente → organisatie" in tekst

    data = json.loads(invoke("diff", str(oud), str(nieuw), "--format", "json").output)
    assert data["schema_version"] == 1 and data["gelijk"] is False
    assert data["oud"]["versie"] == "2026.1" and data["nieuw"]["versie"] == "2026.2"  # as in corpus.yaml
    assert "uitgave" not in data["oud"] and len(data["oud"]["inhoud"]) == 12  # the content hash
    assert [c["id"] for c in data["criteria"]["nieuw"]] == ["wbs-18"]
    assert [c["id"] for c in data["criteria"]["vervallen"]] == ["wbs-17"]
    hmo44 = next(c for c in data["criteria"]["gewijzigd"] if c["id"] == "hmo-44")
    assert hmo44["tekst"][0]["nieuw"].startswith("Hij stelt grenzen aan zijn eigen")
    assert data["samenvatting"]["criteria_gewijzigd"] == 2

    zelfde = invoke("diff", str(oud), str(oud))
    assert zelfde.exit_code == 0 and "Geen verschillen" in zelfde.output
    fout = invoke("diff", str(oud), str(oud.parent / "bestaat-niet"))
    assert fout.exit_code == 2 and "bestaat niet" in fout.output


def test_diff_compares_an_earlier_release_that_breaks_todays_content_rules(tmp_path: Path, mini_corpus: Path) -> None:
    """An earlier release (here: markup in a group name, refused since) is compared with the schema
    checks only; the content rules it breaks are notes in the output, not a refusal."""
    oud = Path(shutil.copytree(mini_corpus, tmp_path / "oud"))
    kader8 = oud / "frameworks" / "08-jij-kader.yaml"
    tekst = kader8.read_text(encoding="utf-8")
    kader8.write_text(tekst.replace("Thema 1 'Ontwikkelingsgerichte hulp'", "Thema 1 **'Ontwikkelingsgerichte hulp'**"),
                      encoding="utf-8")
    with pytest.raises(inkoopkader.CorpusFout, match="groepsnaam met opmaak"):
        inkoopkader.load_corpus(oud)

    result = invoke("diff", str(oud), str(mini_corpus))
    assert result.exit_code == 1, result.output
    assert "Let op: het oude corpus overtreedt inhoudsregels van nu" in result.output
    assert re.search(r"^  .*08-jij-kader\.yaml: criterium jij-01: groepsnaam met opmaak", result.output, re.MULTILINE)
    assert "het nieuwe corpus" not in result.output
    assert "    jij-01 (labels)\n      groep: dezelfde woorden, andere opbouw" in result.output  # and compared
    data = json.loads(invoke("diff", str(oud), str(mini_corpus), "--format", "json").output)
    assert data["notities"]["nieuw"] == [] and "groepsnaam met opmaak" in data["notities"]["oud"][0]["melding"]

    # A file that does not fit the schema is still refused.
    kader8.write_text(tekst.replace("jaar: 2021", "jaar: [2021]", 1), encoding="utf-8")
    fout = invoke("diff", str(oud), str(mini_corpus))
    assert fout.exit_code == 2 and "jaar" in fout.output and "Traceback" not in fout.output


def test_id_state_round_trips_compactly(corpus) -> None:
    staat = stand(corpus)
    tekst = {n: stand_tekst(ids) for n, ids in staat.items()}
    assert tekst[1] == "bwmo-01..44" and tekst[11] == "bcp-001..148"
    assert stand_tekst(["bwmo-01", "bwmo-02", "bwmo-04", "bwmo-05a"]) == "bwmo-01..02, bwmo-04, bwmo-05a"
    assert read_stand(tekst) == {n: set(ids) for n, ids in staat.items()}
    with pytest.raises(inkoopkader.InkoopkaderError, match="geen criterium-ID"):
        read_stand({1: "bwmo-01..44, onzin"})
    verschil = vergelijk_ids({1: ["bwmo-01", "bwmo-02"], 2: ["wav-01"]}, {1: ["bwmo-02", "bwmo-03"], 3: ["jzp-01"]})
    assert verschil.criteria_nieuw == ("bwmo-03", "jzp-01") and verschil.criteria_vervallen == ("bwmo-01", "wav-01")
    assert verschil.kaders_nieuw == (3,) and verschil.kaders_vervallen == (2,)


def _verwijder_criterium(profiel: Path, cid: str) -> None:
    regels = profiel.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, r in enumerate(regels) if r.startswith(f"      {cid}:"))
    profiel.write_text("".join(regels[:start] + regels[start + 3:]), encoding="utf-8")


def test_init_never_brings_back_a_deleted_block(tmp_path: Path, twee_corpora) -> None:
    oud_pad, nieuw_pad = twee_corpora
    oud = inkoopkader.load_corpus(oud_pad)
    profiel = tmp_path / "wmo-1a.yaml"
    write_profile(oud, "wmo-1a", profiel)
    assert "\nbekend:\n" in profiel.read_text(encoding="utf-8")
    _verwijder_criterium(profiel, "wbs-05")
    tekst = profiel.read_text(encoding="utf-8")
    kader15 = tekst[tekst.index("  - nummer: 15"):tekst.index("\n# Niet wijzigen")]
    profiel.write_text(tekst.replace(kader15, ""), encoding="utf-8")

    # The same corpus: nothing is new, so nothing comes back and the file is left alone.
    rapport = update_profile(oud, profiel)
    assert not rapport.geschreven and rapport.nieuwe_criteria == () and rapport.nieuwe_kaders == ()
    assert "wbs-05:" not in profiel.read_text(encoding="utf-8")

    # A new corpus: only the criterion that is really new is added; the deleted ones stay deleted.
    nieuw = inkoopkader.load_corpus(nieuw_pad)
    rapport = update_profile(nieuw, profiel)
    assert rapport.nieuwe_criteria == ("wbs-18",) and rapport.nieuwe_kaders == ()
    na = profiel.read_text(encoding="utf-8")
    assert "wbs-05:" not in na and "  - nummer: 15" not in na
    assert re.search(r"^      wbs-18:  # NIEUW in corpus 2026\.2 ", na, re.MULTILINE)
    assert '  6: "wbs-01..16, wbs-18"' in na  # what this corpus has, for the next update
    assert update_profile(nieuw, profiel).nieuwe_criteria == ()


def test_init_on_a_profile_without_bekend(tmp_path: Path, corpus) -> None:
    """A profile written before `bekend` existed: with the same corpus nothing is new; with another,
    every missing kader and criterion is offered once but switched off (it may be one the inkoper
    deleted: init never brings that back), and from then on `bekend` is kept."""
    profiel = tmp_path / "p.yaml"
    write_profile(corpus, "wmo-1a", profiel)
    tekst = profiel.read_text(encoding="utf-8")
    profiel.write_text(tekst[:tekst.index("# Niet wijzigen")], encoding="utf-8")
    _verwijder_criterium(profiel, "wbs-05")
    rapport = update_profile(corpus, profiel)
    assert rapport.nieuwe_criteria == () and rapport.geschreven  # only `bekend` was written
    assert "wbs-05:" not in profiel.read_text(encoding="utf-8") and "\nbekend:\n" in profiel.read_text(encoding="utf-8")

    tekst = profiel.read_text(encoding="utf-8")
    tekst = tekst[:tekst.index("# Niet wijzigen")]
    tekst = tekst.replace(tekst[tekst.index("  - nummer: 15"):], "")
    profiel.write_text(re.sub(r'corpus_versie: "[^"]+"', 'corpus_versie: "ouder"', tekst), encoding="utf-8")
    rapport = update_profile(corpus, profiel)
    assert rapport.nieuwe_criteria == ("wbs-05",) and rapport.nieuwe_kaders == (15,) and rapport.niet_opgenomen
    na = profiel.read_text(encoding="utf-8")
    assert re.search(r"^      wbs-05:  # NIEUW of eerder door u verwijderd: zet opnemen op ja om op te nemen — .*\n"
                     r"        opnemen: nee\n", na, re.MULTILINE)
    assert re.search(r"^  - nummer: 15  # NIEUW of eerder door u verwijderd: zet opnemen op ja om op te nemen — .*\n"
                     r"    opnemen: nee\n", na, re.MULTILINE)
    profiel_model = inkoopkader.load_profile(corpus, profiel)
    assert 15 not in profiel_model.opgenomen_kaders
    assert not any(c.id == "wbs-05" and c.opnemen for c in profiel_model.criteria)
    assert update_profile(corpus, profiel).nieuwe_criteria == ()  # now with `bekend`: offered once


def test_a_broken_bekend_block_is_named_with_its_line(tmp_path: Path, corpus) -> None:
    profiel = tmp_path / "p.yaml"
    write_profile(corpus, "wmo-1a", profiel)
    _vervang(profiel, '  6: "wbs-01..17"', '  6: "wbs-01..17, ??"')
    with pytest.raises(inkoopkader.InkoopkaderError) as info:
        update_profile(corpus, profiel)
    assert "bekend: kader 6: '??' is geen criterium-ID" in str(info.value) and "p.yaml:" in str(info.value)


def _kopie(kader_corpus, doel: Path, *nummers: int) -> Path:
    """A small corpus (`kader_corpus`) with these kaders, moved to `doel` so that the fixture can make another."""
    return Path(shutil.move(str(kader_corpus(*nummers)), str(doel)))


def _rollen_in(profiel: Path, kader: int) -> dict[str, str]:
    tekst = profiel.read_text(encoding="utf-8")
    blok = tekst[tekst.index(f"  - nummer: {kader}"):]
    blok = blok[:blok.find("\n  - nummer:", 1) if "\n  - nummer:" in blok else blok.index("\n# Niet wijzigen")]
    return dict(re.findall(r"^      ([a-z]+-\d+\w*):.*\n(?:        opnemen: \w+\n)?        rol: (\w+)", blok, re.MULTILINE))


def test_init_gives_new_kaders_and_criteria_the_roles_of_a_fresh_init(tmp_path: Path, kader_corpus) -> None:
    """Kader 13 has `inzet: inspiratie`: a fresh init gives its criteria the role inspiratie, never their
    raw `standaardrol` (was-01: gunningscriterium); an update must do the same."""
    zonder13 = inkoopkader.load_corpus(_kopie(kader_corpus, tmp_path / "zonder13", 6))
    oud_pad = _kopie(kader_corpus, tmp_path / "oud", 6, 13)
    kader13 = next((oud_pad / "frameworks").glob("13-*.yaml"))
    tekst = kader13.read_text(encoding="utf-8")
    kader13.write_text(tekst.replace(tekst[tekst.index("  - id: was-01\n"):tekst.index("  - id: was-02\n")], ""),
                       encoding="utf-8")
    inkoop13 = next((oud_pad / "inkoop").glob("13-*.yaml"))
    tekst = inkoop13.read_text(encoding="utf-8")
    inkoop13.write_text(tekst.replace(tekst[tekst.index("  was-01:\n"):tekst.index("  was-02:\n")], ""), encoding="utf-8")
    oud = inkoopkader.load_corpus(oud_pad)
    nieuw = inkoopkader.load_corpus(_kopie(kader_corpus, tmp_path / "nieuw", 6, 13))
    vers = tmp_path / "vers.yaml"
    write_profile(nieuw, "wmo-1a", vers)
    verwacht = _rollen_in(vers, 13)
    assert verwacht["was-01"] == "inspiratie" and nieuw.kader(13).gebruik(nieuw.criterium("was-01")).standaardrol.value == "gunningscriterium"

    # A new kader block (NIEUW kader 13).
    profiel = tmp_path / "kader.yaml"
    write_profile(zonder13, "wmo-1a", profiel)
    assert update_profile(nieuw, profiel).nieuwe_kaders == (13,)
    assert _rollen_in(profiel, 13) == verwacht

    # A new criterion in a kader the profile has.
    profiel = tmp_path / "criterium.yaml"
    write_profile(oud, "wmo-1a", profiel)
    assert update_profile(nieuw, profiel).nieuwe_criteria == ("was-01",)
    assert _rollen_in(profiel, 13) == verwacht
    profiel_model = inkoopkader.load_profile(nieuw, profiel)
    assert select(nieuw, profiel_model.verzoek()).aantal(Rol.GUNNINGSCRITERIUM) == \
        select(nieuw, inkoopkader.load_profile(nieuw, vers).verzoek()).aantal(Rol.GUNNINGSCRITERIUM)


def test_init_replaces_a_role_the_tender_layer_no_longer_allows(tmp_path: Path, mini_corpus: Path) -> None:
    oud = inkoopkader.load_corpus(mini_corpus)
    profiel = tmp_path / "p.yaml"
    write_profile(oud, "jeugdhulp-1", profiel)
    tekst = profiel.read_text(encoding="utf-8")
    assert re.search(r"      jij-14:  # .*\[kan: minimumeis, uitvoeringsvoorwaarde, gunningscriterium\]\n"
                     r"        opnemen: ja\n        rol: minimumeis\n", tekst)
    nieuw_pad = Path(shutil.copytree(mini_corpus, tmp_path / "nieuw"))
    _vervang(nieuw_pad / "inkoop" / "08-jij-kader.yaml", "  jij-14:\n    rollen: [minimumeis, uitvoeringsvoorwaarde, gunningscriterium]",
             "  jij-14:\n    rollen: [uitvoeringsvoorwaarde, gunningscriterium]")
    nieuw = inkoopkader.load_corpus(nieuw_pad)
    with pytest.raises(inkoopkader.InkoopkaderError, match="jij-14 kan geen minimumeis zijn"):
        inkoopkader.load_profile(nieuw, profiel)

    rapport = update_profile(nieuw, profiel)
    assert rapport.rollen_vervangen == (("jij-14", Rol.MINIMUMEIS, Rol.UITVOERINGSVOORWAARDE),)
    assert rapport.kan_bijgewerkt == ("jij-14",) and rapport.gewijzigd
    na = profiel.read_text(encoding="utf-8")
    assert re.search(r"      jij-14:  # .*\[kan: uitvoeringsvoorwaarde, gunningscriterium\]\n        opnemen: ja\n"
                     r"        rol: uitvoeringsvoorwaarde  # was minimumeis: kan in corpus \S+ geen minimumeis meer zijn\n", na)
    assert "minimumeis, uitvoeringsvoorwaarde, gunningscriterium]" not in na
    keuze = {c.id: c.rol for c in inkoopkader.load_profile(nieuw, profiel).criteria}
    assert keuze["jij-14"] is Rol.UITVOERINGSVOORWAARDE

    # The CLI says so, instead of "your choices are kept".
    profiel.write_text(tekst, encoding="utf-8")
    result = invoke("--corpus", str(nieuw_pad), "init", "-o", str(profiel))
    assert result.exit_code == 0, result.output
    uitvoer = " ".join(result.output.split())
    assert "uw andere keuzes en commentaar zijn behouden" in uitvoer
    assert re.search(r"Rol gewijzigd: jij-14 kan in corpus \S+ geen minimumeis meer zijn; de rol is nu uitvoeringsvoorwaarde",
                     uitvoer)
    assert invoke("--corpus", str(nieuw_pad), "compose", "--profiel", str(profiel), "-o", str(tmp_path / "d.md")).exit_code == 0


# --- versions and edition checks --------------------------------------------------------------------


def test_corpus_has_a_version_described_in_the_changelog(corpus) -> None:
    assert corpus.uitgave is not None and re.fullmatch(r"\d{4}\.\d+", corpus.uitgave.versie)
    changelog = (ROOT / "data" / "CHANGELOG.md").read_text(encoding="utf-8")
    koppen = re.findall(r"^## Corpusversie (\d{4}\.\d+) \((\d{2}-\d{2}-\d{4})\)$", changelog, re.MULTILINE)
    assert koppen and koppen[0] == (corpus.uitgave.versie, f"{corpus.uitgave.datum:%d-%m-%Y}")  # newest first
    for kop in ("### Nieuw", "### Gewijzigd", "### Vervallen"):
        assert kop in changelog
    assert corpus.uitgave.versie in corpus.versienaam and corpus.versie in corpus.versienaam


def test_validate_warns_about_an_old_edition_check(kader_corpus) -> None:
    data_copy = kader_corpus(8, 9, 15)  # three kaders checked on 2022-03-31; 9 is checked again today
    pad = next((data_copy / "frameworks").glob("09-*.yaml"))
    _vervang(pad, "gecontroleerd_op: 2022-03-31", f"gecontroleerd_op: {dt.date.today().isoformat()}")
    corpus = inkoopkader.load_corpus(data_copy)
    waarschuwingen = [str(w) for w in corpus_waarschuwingen(corpus)]
    assert len(waarschuwingen) == 2 and not any("09-kwaliteitslabel" in w for w in waarschuwingen)
    assert all("langer dan 12 maanden geleden" in w for w in waarschuwingen)
    # Exactly twelve months is still recent; a day more is not.
    kader = corpus.kader(9)
    vandaag = dt.date(2027, 3, 1)
    from dataclasses import replace

    assert not replace(kader, gecontroleerd_op=dt.date(2026, 3, 1)).controle_verouderd(vandaag)
    assert replace(kader, gecontroleerd_op=dt.date(2026, 2, 28)).controle_verouderd(vandaag)

    result = invoke("validate", str(data_copy))
    assert result.exit_code == 0, result.output  # a warning, not a finding
    assert "Let op:" in result.output and "2 waarschuwingen; het corpus is wel geldig" in result.output


def test_a_known_successor_is_a_warning_and_shown(mini_corpus: Path) -> None:
    data_copy = mini_corpus
    pad = next((data_copy / "frameworks").glob("08-*.yaml"))
    _vervang(pad, "gecontroleerd_op: 2022-03-31", f"gecontroleerd_op: {dt.date.today().isoformat()}\n"
             'opvolger:\n  titel: "JIJ-kader 2027"\n  jaar: 2027\n  url: "https://example.org/jij-2027"')
    corpus = inkoopkader.load_corpus(data_copy)
    assert corpus.kader(8).opvolger.titel == "JIJ-kader 2027"
    assert any("kader 8 heeft een nieuwere editie: 'JIJ-kader 2027' (2027)" in str(w) for w in corpus_waarschuwingen(corpus))
    output = invoke("--corpus", str(data_copy), "frameworks", "8").output
    assert "Nieuwere editie  JIJ-kader 2027 (2027)" in " ".join(output.split("\n"))


def test_new_kader_fields_are_validated(kader_corpus) -> None:
    data_copy = kader_corpus(9)
    pad = next((data_copy / "frameworks").glob("09-*.yaml"))
    _vervang(pad, 'bron_url: "https://', 'bron_url: "www.')
    _vervang(pad, "gecontroleerd_op: 2022-03-31", "gecontroleerd_op: maart 2022")
    meldingen = [str(b) for b in inkoopkader.validate_corpus(data_copy)]
    assert any("bron_url" in m and ".yaml:" in m for m in meldingen), meldingen
    assert any("gecontroleerd_op: moet een datum zijn (JJJJ-MM-DD)" in m for m in meldingen), meldingen


def test_naar_tekst_and_naar_data_agree_on_an_unchanged_corpus(corpus) -> None:
    verschil = vergelijk(corpus, corpus)
    assert verschil.leeg and "Geen verschillen" in naar_tekst(verschil)
    assert naar_data(verschil)["gelijk"] is True
