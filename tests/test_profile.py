"""Selection profiles: init writes an editable YAML file, load honours the edits, update keeps them."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import inkoopkader
from inkoopkader.errors import InkoopkaderError, OnbekendeWaarde
from inkoopkader.model import Doelgroep, Inzet, Rol
from inkoopkader.profile import (
    SCHEMA_VERSION,
    ProfielFout,
    load_profile,
    profiel_yaml,
    update_profile,
    write_profile,
)
from inkoopkader.profile.reader import _yaml
from inkoopkader.select import select
from inkoopkader.text import strip_markup

SEGMENT = "wmo-1a"


# --- helpers: edit a profile the way an inkoper would, in a text editor ---------------------------


def criterion_block(text: str, cid: str) -> re.Match[str]:
    pattern = rf"^(      {re.escape(cid)}:.*\n        opnemen: )(\S+)(.*\n        rol: )(\S+)"
    match = re.search(pattern, text, re.MULTILINE)
    assert match, f"{cid} not found in profile"
    return match


def set_criterion(
    text: str, cid: str, *, opnemen: str | None = None, rol: str | None = None, note: str = ""
) -> str:
    m = criterion_block(text, cid)
    new = m.group(1) + (opnemen or m.group(2)) + note + m.group(3) + (rol or m.group(4))
    return text[: m.start()] + new + text[m.end() :]


def set_kader(text: str, nummer: int, *, opnemen: str | None = None, verwijzing: str | None = None,
              inzet: str | None = None) -> str:
    m = re.search(rf"^(  - nummer: {nummer}  #.*\n    opnemen: )(\S+)(\n    verwijzing: )(\S+)(.*\n    inzet: )(\S+)",
                  text, re.MULTILINE)
    assert m, f"kader {nummer} not found"
    new = (m.group(1) + (opnemen or m.group(2)) + m.group(3) + (verwijzing or m.group(4)) + m.group(5)
           + (inzet or m.group(6)))
    return text[: m.start()] + new + text[m.end() :]


def line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def ids(selectie: inkoopkader.Selectie) -> dict[str, Rol]:
    return {k.criterium.id: k.rol for k in [*selectie.keuzes, *selectie.gemeente]}


@pytest.fixture
def profiel(corpus: inkoopkader.Corpus, tmp_path: Path) -> Path:
    return write_profile(corpus, SEGMENT, tmp_path / "wmo-1a.yaml")


def fout(corpus: inkoopkader.Corpus, path: Path, text: str) -> ProfielFout:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfielFout) as info:
        load_profile(corpus, path)
    return info.value


# --- init ------------------------------------------------------------------------------------------


def test_init_lists_every_candidate_kader_and_criterion_with_its_text(corpus, profiel):
    text = profiel.read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)  # plain, valid YAML
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["corpus_versie"] == corpus.versie
    assert data["segment"] == SEGMENT
    assert set(data) >= {"gemeente", "titel", "kenmerk", "versie", "kaders", "procedure", "bijlagen", "gunning"}
    standaard = ids(select(corpus, SEGMENT))

    relaties = corpus.kaders_voor_segment(SEGMENT)
    assert [k["nummer"] for k in data["kaders"]] == [k.nummer for k, _ in relaties]
    for (kader, relevantie), entry in zip(relaties, data["kaders"]):
        assert entry["opnemen"] == "ja" and entry["inzet"] == kader.inzet.value
        assert entry["verwijzing"] == ("ja" if kader.verwijzingsadvies.value == "standaard" and
                                       kader.inzet is Inzet.LICHAAM else "nee")
        assert list(entry["criteria"]) == [c.id for c in kader.criteria]
        kop = text.splitlines()[line_of(text, f"  - nummer: {kader.nummer}  #") - 1]
        assert kader.titel in kop
        assert ("specifiek" if relevantie is inkoopkader.Relevantie.SPECIFIEK else "algemeen") in kop
        for crit in kader.criteria:
            assert entry["criteria"][crit.id] == {"opnemen": "ja", "rol": standaard[crit.id].value}
            comment = re.search(rf"^      {re.escape(crit.id)}:  # (.*)$", text, re.MULTILINE)
            assert comment, crit.id
            begin = " ".join(strip_markup(crit.tekst).split())[:40].rsplit(" ", 1)[0]
            assert begin in comment.group(1)
            assert "**" not in comment.group(1)
            assert len(comment.group(1)) <= 100 + len("[kan: geschiktheidseis, minimumeis, uitvoeringsvoorwaarde, ") + 40
            assert ("GEMEENTE (bijlage B)" in comment.group(1)) == (crit.doelgroep is Doelgroep.GEMEENTE)
            if crit.doelgroep is not Doelgroep.GEMEENTE:
                assert "[kan: " in comment.group(1)
    assert "wav-" in text and "GEMEENTE (bijlage B)" in text  # wmo-1a has gemeente criteria (kader 2)


def test_init_text_survives_a_round_trip_unchanged(corpus):
    text = profiel_yaml(corpus, "Wmo 1a", gemeente='Gemeente "Ons Dorp"', kenmerk="2026-017")
    buffer = io.StringIO()
    _yaml().dump(_yaml().load(text), buffer)
    assert buffer.getvalue() == text


def test_init_refuses_to_overwrite_and_rejects_unknown_segment(corpus, profiel, tmp_path):
    with pytest.raises(InkoopkaderError, match="bestaat al"):
        write_profile(corpus, SEGMENT, profiel)
    with pytest.raises(OnbekendeWaarde, match="wmo-1a"):
        write_profile(corpus, "wmo-1x", tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()


def test_unedited_profile_selects_what_select_selects_by_default(corpus, profiel):
    loaded = load_profile(corpus, profiel)
    assert loaded.segment == SEGMENT and loaded.versie == "1.0" and loaded.gemeente is None
    assert loaded.titel == "Kwaliteitscriteria Wmo 1a – Multi-probleem"
    assert loaded.is_actueel(corpus)
    assert ids(select(corpus, loaded.verzoek())) == ids(select(corpus, SEGMENT))
    assert loaded.procedure.value == "aanbesteding" and loaded.bijlagen is False
    assert loaded.gunning.prijs == 0 and loaded.gunning.ondergrens == 6 and loaded.gunning.vragen == ()
    doc = inkoopkader.compose(corpus, select(corpus, loaded.verzoek()), **loaded.compose_kwargs())
    standaard = inkoopkader.compose(corpus, select(corpus, SEGMENT))
    assert [(v.titel, v.weging) for v in doc.vragen] == [(v.titel, v.weging) for v in standaard.vragen]


# --- editing and loading ------------------------------------------------------------------------------


def test_user_edits_are_honoured_by_select_and_compose(corpus, profiel):
    text = profiel.read_text(encoding="utf-8")
    text = set_criterion(text, "wbs-02", opnemen="nee", note="  # te zwaar voor kleine aanbieders")
    text = set_criterion(text, "wbs-11", rol="uitvoeringsvoorwaarde")
    text = set_criterion(text, "wbs-01", rol="inspiratie")
    text = set_kader(text, 11, opnemen="nee")
    text = set_kader(text, 13, inzet="lichaam")
    text = set_criterion(text, "was-05", rol="gunningscriterium")
    text = set_kader(text, 5, verwijzing="nee")
    text = text.replace("procedure: aanbesteding", "procedure: open-house")
    text = text.replace('gemeente: ""', 'gemeente: "Gemeente Enschede"')
    text = text.replace('kenmerk: ""', "kenmerk: 2026-017")
    text = text.replace("bijlagen: nee", "bijlagen: ja")
    own = "      # eigen opmerking: bespreken met de aanbieders\n"
    text = text.replace("      wbs-03:", own + "      wbs-03:")
    profiel.write_text(text, encoding="utf-8")

    loaded = load_profile(corpus, profiel)
    verzoek = loaded.verzoek()
    assert 11 not in verzoek.kaders and 11 in verzoek.zonder_kaders
    assert verzoek.rol_per_criterium_map["wbs-11"] is Rol.UITVOERINGSVOORWAARDE
    assert verzoek.verwijzing_map[5] is False and verzoek.inzet_map[13] is Inzet.LICHAAM

    selectie = select(corpus, verzoek)
    chosen = ids(selectie)
    assert "wbs-02" not in chosen and chosen["wbs-01"] is Rol.INSPIRATIE
    assert chosen["wbs-11"] is Rol.UITVOERINGSVOORWAARDE
    assert not any(cid.startswith("bcp-") for cid in chosen)  # kader 11 left out
    assert chosen["was-05"] is Rol.GUNNINGSCRITERIUM  # a general dossier, picked in the profile
    assert {kk.kader.nummer for kk in selectie.verwezen_kaders} == {1}
    assert selectie.procedure.value == "open-house"

    doc = inkoopkader.compose(corpus, selectie, **loaded.compose_kwargs())
    assert doc.meta.gemeente == "Gemeente Enschede"
    assert doc.meta.kenmerk == "2026-017"
    assert doc.meta.titel == "Kwaliteitscriteria Wmo 1a – Multi-probleem"
    assert doc.bijlagen and doc.gunning is None


def test_a_role_the_criterion_cannot_serve_is_refused_with_the_reason(corpus, profiel):
    text = set_criterion(profiel.read_text(encoding="utf-8"), "wbs-12", rol="minimumeis")
    text = set_kader(text, 2, verwijzing="ja")
    error = fout(corpus, profiel, text)
    by_line = {b.regel: b.melding for b in error.bevindingen}
    crit_line = line_of(text, "      wbs-12:") + 2
    assert "criterium wbs-12 kan geen minimumeis zijn" in by_line[crit_line] and "Trefwoord" in by_line[crit_line]
    assert any("kader 2 kan niet als geheel van toepassing worden verklaard" in m for m in by_line.values())


def test_award_settings_in_the_profile(corpus, profiel):
    text = profiel.read_text(encoding="utf-8")
    sel = select(corpus, SEGMENT)
    aspecten = [k.criterium.id for k in sel.met_rol(Rol.GUNNINGSCRITERIUM)]
    vragen = (
        "  vragen:\n"
        f"    - titel: \"Herstel en regie\"\n      weging: 50\n      omvang: 2\n      criteria: [{', '.join(aspecten[:5])}]\n"
        f"    - titel: \"Overige kwaliteit\"\n      weging: 20\n      criteria: [{', '.join(aspecten[5:])}]\n"
    )
    text = text.replace("  prijs: 0\n", "  prijs: 30\n").replace("  vragen: []\n", vragen)
    profiel.write_text(text, encoding="utf-8")
    loaded = load_profile(corpus, profiel)
    doc = inkoopkader.compose(corpus, select(corpus, loaded.verzoek()), **loaded.compose_kwargs())
    assert [(v.titel, v.weging, v.omvang_a4) for v in doc.vragen][0] == ("Herstel en regie", 50, 2)
    assert doc.gunning.prijs == 30

    profiel.write_text(text.replace("weging: 20", "weging: 25"), encoding="utf-8")
    loaded = load_profile(corpus, profiel)
    with pytest.raises(inkoopkader.GunningFout, match=r"tellen op tot 105% in plaats van 100%"):
        inkoopkader.compose(corpus, select(corpus, loaded.verzoek()), **loaded.compose_kwargs())
    profiel.write_text(text.replace(f"[{aspecten[0]}, ", "[bwmo-99, "), encoding="utf-8")
    error = fout(corpus, profiel, profiel.read_text(encoding="utf-8"))
    assert any("bwmo-99" in b.melding and "staat niet in dit profiel" in b.melding for b in error.bevindingen)


def test_deleted_short_form_and_listless_entries(corpus, profiel):
    text = profiel.read_text(encoding="utf-8")
    block = criterion_block(text, "wbs-06")
    text = text[: block.start()] + text[block.end() + 1 :]  # the inkoper deletes wbs-06
    block = criterion_block(text, "wbs-07")
    text = text[: block.start()] + "      wbs-07: nee" + text[block.end() :]  # short form
    # Kader 15 without a criteria list: all its criteria.
    kader15 = text.index("  - nummer: 15  #")
    text = text[:kader15] + "  - nummer: 15\n    opnemen: ja\n"
    profiel.write_text(text, encoding="utf-8")

    loaded = load_profile(corpus, profiel)
    assert [c.id for c in loaded.ontbrekende_criteria] == ["wbs-06"]
    chosen = ids(select(corpus, loaded.verzoek()))
    assert "wbs-06" not in chosen and "wbs-07" not in chosen and "wbs-08" in chosen
    assert {c.id for c in corpus.kader(15).criteria} <= set(chosen)  # as inspiratie: kader 15 is a dossier


def test_kader_missing_from_profile_and_all_kaders_off(corpus, profiel):
    text = profiel.read_text(encoding="utf-8")
    kader15 = text.index("\n  - nummer: 15  #")
    profiel.write_text(text[: kader15 + 1], encoding="utf-8")
    loaded = load_profile(corpus, profiel)
    assert loaded.ontbrekende_kaders == (15,)
    assert not any(cid.startswith("wcp-") for cid in ids(select(corpus, loaded.verzoek())))

    text = re.sub(r"^    opnemen: ja$", "    opnemen: nee", text, flags=re.MULTILINE)
    profiel.write_text(text, encoding="utf-8")
    loaded = load_profile(corpus, profiel)
    assert loaded.opgenomen_kaders == ()
    selectie = select(corpus, loaded.verzoek())
    assert not selectie.keuzes and not selectie.gemeente  # not "no kaders given = all kaders"


def test_versie_is_kept_as_written(corpus, profiel):
    text = profiel.read_text(encoding="utf-8").replace('versie: "1.0"', "versie: 1.10")
    profiel.write_text(text, encoding="utf-8")
    assert load_profile(corpus, profiel).versie == "1.10"


# --- errors ------------------------------------------------------------------------------------------


def test_unknown_criterion_id_names_line_and_closest_id(corpus, profiel):
    text = profiel.read_text(encoding="utf-8").replace("      wbs-03:", "      wbs-3:")
    error = fout(corpus, profiel, text)
    [finding] = error.bevindingen
    assert finding.regel == line_of(text, "      wbs-3:")
    assert "wbs-3" in finding.melding and "Bedoelt u 'wbs-03'?" in finding.melding
    assert f"{profiel.name}:{finding.regel}:" in str(error)


def test_unknown_and_foreign_kader_numbers(corpus, profiel):
    text = profiel.read_text(encoding="utf-8")
    bad = text.replace("  - nummer: 6  #", "  - nummer: 16  #")
    [finding] = fout(corpus, profiel, bad).bevindingen
    assert finding.regel == line_of(bad, "  - nummer: 16")
    assert "onbekend kader '16'" in finding.melding and "Bedoelt u" in finding.melding

    foreign = text.replace("  - nummer: 6  #", "  - nummer: 3  #")
    [finding] = fout(corpus, profiel, foreign).bevindingen
    assert finding.regel == line_of(foreign, "  - nummer: 3")
    assert "hoort volgens de bron niet bij segment wmo-1a" in finding.melding


def test_criterion_under_the_wrong_kader(corpus, profiel):
    text = profiel.read_text(encoding="utf-8").replace("      wbs-03:", "      jzp-03:")
    [finding] = fout(corpus, profiel, text).bevindingen
    assert finding.regel == line_of(text, "      jzp-03:")
    assert "hoort bij kader 3, niet bij kader 6" in finding.melding


def test_typo_in_rol_suggests_the_right_one(corpus, profiel):
    text = set_criterion(profiel.read_text(encoding="utf-8"), "wbs-05", rol="uitvoeringsvoorwarde")
    text = set_kader(text, 13, inzet="inspiratei")
    error = fout(corpus, profiel, text)
    by_line = {b.regel: b.melding for b in error.bevindingen}
    crit_line = line_of(text, "      wbs-05:") + 2
    assert "Onbekende rol 'uitvoeringsvoorwarde'" in by_line[crit_line]
    assert "Bedoelt u 'uitvoeringsvoorwaarde'?" in by_line[crit_line]
    kader_line = line_of(text, "inzet: inspiratei")
    assert "Bedoelt u 'inspiratie'?" in by_line[kader_line]
    assert len(error.bevindingen) == 2  # every finding, not only the first


def test_old_profile_gets_a_clear_message_and_init_migrates_it(corpus, profiel):
    """A schema-1 profile (vorm: eis/vraag/verwijzing) is refused with the way out; init converts it."""
    oud = profiel.read_text(encoding="utf-8")
    oud = oud.replace("schema_version: 2", "schema_version: 1").replace("procedure: aanbesteding  # aanbesteding, open-house of subsidie\n", "")
    oud = re.sub(r"\n    verwijzing: \S+  #.*\n    inzet: \S+  #.*", "\n    vorm: vraag", oud)
    oud = re.sub(r"(\n        )rol: \S+", r"\1vorm: kader", oud)
    oud = oud.replace("      wbs-11:  #", "      wbs-11:  # eigen opmerking bij de klachtenprocedure —", 1)
    oud = re.sub(r"(      wbs-11:.*\n        opnemen: ja\n        )vorm: kader", r"\1vorm: eis", oud)
    oud = re.sub(r"(      wbs-02:.*\n        opnemen: )ja", r"\1nee", oud)
    profiel.write_text(oud, encoding="utf-8")
    [finding] = fout(corpus, profiel, oud).bevindingen
    assert "eerdere versie van inkoopkader" in finding.melding and f"inkoopkader init -o {profiel.name}" in finding.melding

    rapport = update_profile(corpus, profiel)
    assert rapport.gemigreerd and rapport.geschreven
    nieuw = profiel.read_text(encoding="utf-8")
    assert "vorm:" not in nieuw and "schema_version: 2" in nieuw and "procedure: aanbesteding" in nieuw
    assert "eigen opmerking bij de klachtenprocedure" in nieuw
    loaded = load_profile(corpus, profiel)
    chosen = ids(select(corpus, loaded.verzoek()))
    assert chosen["wbs-11"] is Rol.MINIMUMEIS  # 'eis' became the criterion's own first requirement role
    assert chosen["wbs-03"] is Rol.GUNNINGSCRITERIUM  # 'vraag' stays a question
    assert chosen["wbs-12"] is Rol.INSPIRATIE  # a keyword never becomes an award point
    assert "wbs-02" not in chosen


def test_bad_opnemen_and_unknown_field(corpus, profiel):
    text = set_criterion(profiel.read_text(encoding="utf-8"), "wbs-05", opnemen="misschien")
    text = text.replace("gemeente:", "gemeent:")
    messages = {b.regel: b.melding for b in fout(corpus, profiel, text).bevindingen}
    assert "schrijf ja of nee" in messages[line_of(text, "opnemen: misschien")]
    assert "Bedoelt u 'gemeente'?" in messages[line_of(text, "gemeent:")]


def test_broken_yaml_names_the_line(corpus, profiel):
    text = profiel.read_text(encoding="utf-8")
    broken = text.replace('titel: "Kwaliteitscriteria', 'titel: "Kwaliteitscriteria"x', 1)
    [finding] = fout(corpus, profiel, broken).bevindingen
    assert finding.regel == line_of(broken, 'titel: "Kwaliteitscriteria"x')
    assert finding.melding.startswith("ongeldige YAML")

    duplicate = text.replace("      wbs-04:", "      wbs-03:")
    [finding] = fout(corpus, profiel, duplicate).bevindingen
    assert "'wbs-03' komt twee keer voor" in finding.melding
    second = [n for n, line in enumerate(duplicate.splitlines(), 1) if line.startswith("      wbs-03:")][1]
    assert finding.regel == second


def test_missing_profile_and_unknown_segment(corpus, profiel, tmp_path):
    with pytest.raises(InkoopkaderError, match="bestaat niet"):
        load_profile(corpus, tmp_path / "nergens.yaml")
    text = profiel.read_text(encoding="utf-8").replace("segment: wmo-1a", "segment: wmo-1x")
    [finding] = fout(corpus, profiel, text).bevindingen
    assert finding.regel == line_of(text, "segment: wmo-1x") and "Bedoelt u 'wmo-1a'?" in finding.melding


# --- update after a corpus change -------------------------------------------------------------------

NEW_CRITERION = """\
  - id: wbs-18
    thema: organisatie
    groep: ["Model Basisset kwaliteitseisen Wmo-ondersteuning voor zeer kwetsbare burgers"]
    doelgroep: organisatie
    regel: 1105
    tekst: "Een **nieuw** criterium over het meten van de kwaliteit."
"""
REMOVED_CRITERION = """\
  - id: wbs-17
    thema: organisatie
    groep: ["Model Basisset kwaliteitseisen Wmo-ondersteuning voor zeer kwetsbare burgers"]
    doelgroep: organisatie
    regel: 1105
    tekst: "Kwaliteitsbeleid (essentie is organisatie heeft zicht op prestaties en doet aan continue verbetering)."
"""


def tender_layer(directory: Path, kader_bestand: str, verwijderd: str | None, nieuw: list[str]) -> None:
    """Keep the tender layer in step with a changed kader: every criterion classified, no stale IDs."""
    pad = directory / "inkoop" / kader_bestand
    tekst = pad.read_text(encoding="utf-8")
    if verwijderd:
        tekst = re.sub(rf"^  {verwijderd}:\n(?:    .*\n)+", "", tekst, flags=re.MULTILINE)
    for cid in nieuw:
        tekst = tekst.rstrip("\n") + (f"\n  {cid}:\n    rollen: [uitvoeringsvoorwaarde, gunningscriterium]\n"
                                     "    bewijs: \"de kwaliteitsmeting\"\n    reden: \"Een nieuw, toetsbaar criterium.\"\n")
    pad.write_text(tekst, encoding="utf-8")


def change_corpus(directory: Path) -> inkoopkader.Corpus:
    """A corpus update: wbs-18 added, wbs-17 removed, kader 3 now tied to wmo-1a."""
    kader6 = directory / "frameworks" / "06-wmo-basisset-kwetsbare-burgers.yaml"
    text = kader6.read_text(encoding="utf-8")
    assert REMOVED_CRITERION in text
    kader6.write_text(text.replace(REMOVED_CRITERION, "") + NEW_CRITERION, encoding="utf-8")
    tender_layer(directory, kader6.name, "wbs-17", ["wbs-18"])
    kader3 = directory / "frameworks" / "03-jeugdzorgplus.yaml"
    text = kader3.read_text(encoding="utf-8")
    old = "segmenten:\n  - id: jeugdhulp-1\n    relevantie: specifiek\n"
    assert old in text
    kader3.write_text(text.replace(old, old + "  - id: wmo-1a\n    relevantie: algemeen\n"), encoding="utf-8")
    return inkoopkader.load_corpus(directory)


def test_update_keeps_choices_and_comments_and_marks_new_and_vanished(corpus, profiel, data_copy):
    text = profiel.read_text(encoding="utf-8")
    text = set_criterion(text, "wbs-02", opnemen="nee", note="  # te zwaar voor kleine aanbieders")
    text = set_criterion(text, "wbs-05", rol="gunningscriterium")
    text = set_criterion(text, "wbs-17", opnemen="nee", note="  # hebben we al in het contract")
    text = text.replace('gemeente: ""', 'gemeente: "Gemeente Enschede"')
    own = "  # Daginvulling: nog bespreken met beleid"
    text = text.replace("  - nummer: 5  #", own + "\n  - nummer: 5  #")
    profiel.write_text(text, encoding="utf-8")

    updated = change_corpus(data_copy)
    assert updated.versie != corpus.versie
    report = update_profile(updated, profiel, segment="Wmo 1a")
    assert report.geschreven and report.gewijzigd
    assert report.oude_corpus_versie == corpus.versie and report.corpus_versie == updated.versie
    assert report.nieuwe_criteria == ("wbs-18",)
    assert report.nieuwe_kaders == (3,)
    assert report.vervallen_criteria == ("wbs-17",)
    after = profiel.read_text(encoding="utf-8")

    # Every line the user had is still there, in the same order (only lines were added); `bekend` at the
    # end is what the corpus had, which the update rewrites.
    kept = iter(after.splitlines())
    for line in text.split("\nbekend:\n")[0].splitlines():
        if "corpus_versie" in line:
            continue
        assert any(candidate == line for candidate in kept), f"lost or moved: {line!r}"
    # The own comment still sits directly above kader 5 (kader 3 went in before it).
    lines = after.splitlines()
    assert lines[lines.index(own) + 1].startswith("  - nummer: 5  #")
    assert line_of(after, "  - nummer: 3  #") < line_of(after, own)
    # New entries are marked, with the text comment.
    marked = rf"^      wbs-18:  # NIEUW in corpus {re.escape(updated.versienaam)} — Een nieuw criterium"
    assert re.search(marked, after, re.MULTILINE)
    assert f"  - nummer: 3  # NIEUW in corpus {updated.versienaam} — Kwaliteitskader JeugdzorgPlus" in after
    assert line_of(after, "wbs-17:") < line_of(after, "wbs-18:")
    # The vanished criterion keeps the user's choice and comment, and is marked.
    vanished = after[after.index("      wbs-17:") :].split("\n      wbs-18", 1)[0]
    assert "vervallen: niet meer in corpus" in vanished and "hebben we al in het contract" in vanished

    loaded = load_profile(updated, profiel)
    assert loaded.vervallen == ("wbs-17",) and loaded.is_actueel(updated)
    assert loaded.gemeente == "Gemeente Enschede"
    chosen = ids(select(updated, loaded.verzoek()))
    assert "wbs-02" not in chosen and chosen["wbs-05"] is Rol.GUNNINGSCRITERIUM
    assert chosen["wbs-18"] is Rol.UITVOERINGSVOORWAARDE and "jzp-01" in chosen

    # Running it again changes nothing.
    again = update_profile(updated, profiel)
    assert not again.gewijzigd and not again.geschreven
    assert profiel.read_text(encoding="utf-8") == after


def test_loading_before_update_leaves_out_what_the_profile_does_not_name(profiel, data_copy):
    updated = change_corpus(data_copy)
    text = profiel.read_text(encoding="utf-8")
    block = criterion_block(text, "wbs-17")
    # Without wbs-17 (gone from the updated corpus) the profile has no unknown ID left.
    profiel.write_text(text[: block.start()] + text[block.end() + 1 :], encoding="utf-8")
    loaded = load_profile(updated, profiel)
    assert not loaded.is_actueel(updated)
    assert [c.id for c in loaded.ontbrekende_criteria] == ["wbs-18"] and loaded.ontbrekende_kaders == (3,)
    chosen = ids(select(updated, loaded.verzoek()))
    assert "wbs-18" not in chosen and "jzp-01" not in chosen


def test_update_back_to_the_old_corpus_restores_and_marks(corpus, profiel, data_copy):
    updated = change_corpus(data_copy)
    update_profile(updated, profiel)
    report = update_profile(corpus, profiel)
    assert report.hersteld == ("wbs-17",)
    assert report.vervallen_kaders == (3,) and report.vervallen_criteria == ("wbs-18",)
    text = profiel.read_text(encoding="utf-8")
    assert "hoort niet meer bij segment wmo-1a" in text
    loaded = load_profile(corpus, profiel)
    assert set(loaded.vervallen) == {"kader 3", "wbs-18"}
    assert ids(select(corpus, loaded.verzoek())) == ids(select(corpus, SEGMENT))


def test_update_keeps_a_comment_above_the_entry_it_was_written_for(profiel, data_copy):
    text = profiel.read_text(encoding="utf-8")
    text = text.replace("      wbs-04:", "      # eigen opmerking over wbs-04\n      wbs-04:")
    profiel.write_text(text, encoding="utf-8")
    kader6 = data_copy / "frameworks" / "06-wmo-basisset-kwetsbare-burgers.yaml"
    new = NEW_CRITERION.replace("wbs-18", "wbs-19").replace("organisatie", "dienstverlening", 1)
    source = kader6.read_text(encoding="utf-8")
    kader6.write_text(source.replace("  - id: wbs-04\n", new + "  - id: wbs-04\n"), encoding="utf-8")
    tender_layer(data_copy, kader6.name, None, ["wbs-19"])
    updated = inkoopkader.load_corpus(data_copy)
    assert [c.id for c in updated.kader(6).criteria][2:5] == ["wbs-03", "wbs-19", "wbs-04"]

    assert update_profile(updated, profiel).nieuwe_criteria == ("wbs-19",)
    lines = profiel.read_text(encoding="utf-8").splitlines()
    comment = lines.index("      # eigen opmerking over wbs-04")
    assert lines[comment + 1].startswith("      wbs-04:")
    assert lines[comment - 3].startswith("      wbs-19:  # NIEUW")
    assert lines[comment - 6].startswith("      wbs-03:")


def test_update_refuses_a_profile_for_another_segment(corpus, profiel):
    before = profiel.read_bytes()
    with pytest.raises(ProfielFout, match="profiel is voor segment wmo-1a, niet voor wmo-2"):
        update_profile(corpus, profiel, segment="wmo-2")
    assert profiel.read_bytes() == before


def test_update_of_broken_yaml_leaves_the_file_alone(corpus, profiel):
    broken = profiel.read_text(encoding="utf-8").replace("kaders:", "kaders: [", 1)
    profiel.write_text(broken, encoding="utf-8")
    before = profiel.read_bytes()
    with pytest.raises(ProfielFout) as info:
        update_profile(corpus, profiel)
    assert info.value.bevindingen[0].regel is not None
    assert profiel.read_bytes() == before


def test_personeel_block_in_profile(corpus, tmp_path: Path) -> None:
    """init lists the domain's staff requirements (off); switching them on reaches compose."""
    from inkoopkader.profile import load_profile, write_profile

    path = tmp_path / "jh.yaml"
    write_profile(corpus, "jeugdhulp-4", path)
    text = path.read_text(encoding="utf-8")
    assert "personeel:\n  opnemen: nee" in text and "- pe-registratie-jeugd" in text
    assert load_profile(corpus, path).compose_kwargs()["personeel"] is False
    text = text.replace("  opnemen: nee\n  eisen:", "  opnemen: ja\n  eisen:", 1)
    text = text.replace("    - pe-beleid-registratie-jeugd", "", 1).replace("functieniveaus: []", "functieniveaus: [C]")
    path.write_text(text, encoding="utf-8")
    kwargs = load_profile(corpus, path).compose_kwargs()
    assert kwargs["personeel"] == ("pe-registratie-jeugd", "pe-vog-jeugd")
    assert kwargs["functieniveaus"] == ("C",)
    path.write_text(text.replace("- pe-registratie-jeugd", "- pe-registratie-jeugt"), encoding="utf-8")
    with pytest.raises(Exception, match="Bedoelt u 'pe-registratie-jeugd'"):
        load_profile(corpus, path)


def test_filters_narrow_a_profile_the_same_way_in_check_and_compose(corpus, profiel, tmp_path):
    """One rule for both commands and the library: themas and the like narrow, kaders are the profile's."""
    from inkoopkader.model import Thema

    example = Path(__file__).resolve().parents[1] / "examples" / "concept-bestek-wmo-1a.md"
    loaded = load_profile(corpus, profiel)
    smal = select(corpus, loaded.verzoek(themas=[Thema.ORGANISATIE]))
    assert smal.keuzes and all(Thema.ORGANISATIE in k.criterium.thema for k in smal.keuzes)
    rapport = inkoopkader.check(example, corpus, profiel=profiel, themas=[Thema.ORGANISATIE])
    assert {r.criterium.id for r in rapport.resultaten} == {k.criterium.id for k in smal.lichaam}
    with pytest.raises(InkoopkaderError, match="gaat niet samen met een profiel"):
        inkoopkader.check(example, corpus, profiel=profiel, kaders=[1])  # was a TypeError
    from typer.testing import CliRunner

    from inkoopkader.cli import app

    result = CliRunner().invoke(app, ["compose", "--profiel", str(profiel), "--kader", "1", "-f", "md", "-o", "-"])
    assert result.exit_code == 2 and "gaat niet samen met een profiel" in result.output


def test_the_profile_package_keeps_its_public_names() -> None:
    """profile/ is split into model, writer, reader, updater and commentaar; callers (cli, web,
    scripts) keep importing the same names from inkoopkader.profile, and they are the modules' own."""
    import inkoopkader.profile as profiel_pakket
    from inkoopkader.profile import model, reader, updater, writer

    verwacht = {"SCHEMA_VERSION": model, "Profiel": model, "ProfielFout": model, "ProfielKader": model,
                "ProfielCriterium": model, "ProfielUpdate": model, "PersoneelKeuze": model,
                "weiger_profielkeuzes": model, "load_profile": reader, "update_profile": updater,
                "write_profile": writer, "profiel_yaml": writer}
    for naam, module in verwacht.items():
        assert naam in profiel_pakket.__all__, naam
        assert getattr(profiel_pakket, naam) is getattr(module, naam), naam
    assert inkoopkader.load_profile is reader.load_profile


@pytest.mark.parametrize(
    ("naam", "inhoud", "soort"),
    [
        ("x.pdf", b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "een PDF-bestand"),
        ("X.DOCX", b"PK\x03\x04\x14\x00\x06\x00", "een zip-bestand (Word, OpenDocument of Excel)"),
        ("eisen.docx", b"segment: wmo-1a\n", "een Word-document"),
        ("latin1.yaml", "segment: wmo-1a\ngemeente: Gemeente Sneek – ĳ\n".encode("cp1252", "replace") + b"\xe9" * 40,
         "geen UTF-8-tekst"),
    ],
)
def test_library_refuses_a_file_that_is_no_profile_as_the_cli_does(corpus, tmp_path, naam, inhoud, soort):
    from inkoopkader.profile import GeenProfiel

    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    verwacht = f"'{pad}' is geen selectieprofiel (YAML) maar {soort}."
    with pytest.raises(GeenProfiel) as fout:
        load_profile(corpus, pad)
    assert str(fout.value) == verwacht and fout.value.soort == soort
    with pytest.raises(GeenProfiel) as fout:
        inkoopkader.check("Het concept.", corpus, profiel=str(pad), tekst=True)
    assert str(fout.value) == verwacht
