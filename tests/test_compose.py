"""Selection and composition: roles, procedures, award questions, and the text formats (Markdown, JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from inkoopkader import Doelgroep, InkoopkaderError, OnbekendeWaarde, Procedure, Relevantie, Rol, Thema
from inkoopkader.compose import GunningFout, GunningInstelling, VraagInstelling, compose
from inkoopkader.document import Eis, Vraag
from inkoopkader.output import write_atomic
from inkoopkader.select import OngeldigeKeuze, Verzoek, parse_procedure, parse_rol, select


def test_default_selection_follows_the_overview_table(corpus) -> None:
    sel = select(corpus, "Wmo 1a")
    assert sel.segment.id == "wmo-1a" and sel.procedure is Procedure.AANBESTEDING
    assert {kk.kader.nummer for kk in sel.kaders} == {k.nummer for k, _ in corpus.kaders_voor_segment("wmo-1a")}
    assert all(k.criterium.doelgroep is not Doelgroep.GEMEENTE for k in sel.keuzes)
    assert sel.gemeente and all(k.criterium.doelgroep is Doelgroep.GEMEENTE for k in sel.gemeente)


def test_general_dossiers_and_competence_profiles_default_to_inspiration(corpus) -> None:
    sel = select(corpus, "wmo-1a")
    for kk in sel.kaders:
        if kk.kader.nummer in (2, 11, 13, 14, 15):
            assert not any(k.kader.nummer == kk.kader.nummer for k in sel.lichaam), kk.kader.nummer
    # ... unless the user picks a criterion explicitly: then it gets its preferred role
    gekozen = select(corpus, Verzoek("wmo-1a", ids=("was-05",), kaders=(5,)))
    assert {k.criterium.id: k.rol for k in gekozen.lichaam}["was-05"] is Rol.GUNNINGSCRITERIUM


def test_inspiration_only_criteria_never_become_requirements_or_award_points(corpus) -> None:
    for seg in ("wmo-1a", "jeugdhulp-4", "sociaal-werk"):
        for rol in (Rol.MINIMUMEIS, Rol.GUNNINGSCRITERIUM, Rol.UITVOERINGSVOORWAARDE):
            sel = select(corpus, seg, rol=rol)
            for keuze in sel.lichaam:
                assert keuze.rol in keuze.gebruik.rollen, (keuze.criterium.id, keuze.rol)
    with pytest.raises(OngeldigeKeuze, match="wbs-12 kan geen minimumeis zijn"):
        select(corpus, "wmo-1a", rol_per_criterium={"wbs-12": Rol.MINIMUMEIS})


def test_a_role_for_the_whole_document_is_applied_only_where_it_fits_and_says_so(corpus) -> None:
    sel = select(corpus, "wmo-1a", rol=Rol.MINIMUMEIS)
    rollen = {k.criterium.id: k.rol for k in sel.keuzes}
    assert rollen["wbs-11"] is Rol.MINIMUMEIS  # a klachtenprocedure can be a minimumeis
    assert rollen["bwmo-02"] is Rol.GUNNINGSCRITERIUM  # 'toont aan op welke wijze' stays a question
    assert any("geen minimumeis zijn" in m and "bwmo-02" in m for m in sel.meldingen)


def test_alleen_specifiek(corpus) -> None:
    sel = select(corpus, "wmo-1a", alleen_specifiek=True)
    assert {kk.kader.nummer for kk in sel.kaders} == {1, 5}
    assert all(kk.relevantie is Relevantie.SPECIFIEK for kk in sel.kaders)


def test_filters_combine(corpus) -> None:
    sel = select(corpus, "jeugdhulp-4", themas=[Thema.VAKMANSCHAP], doelgroepen=[Doelgroep.PROFESSIONAL],
                 zonder_kaders=[11])
    assert sel.keuzes
    assert all(Thema.VAKMANSCHAP in k.criterium.thema and k.criterium.doelgroep is Doelgroep.PROFESSIONAL
               for k in sel.keuzes)
    assert 11 not in {k.kader.nummer for k in sel.keuzes}


def test_filters_may_be_generators_but_not_strings(corpus) -> None:
    als_lijst = select(corpus, "wmo-1a", kaders=[6], themas=[Thema.ORGANISATIE], doelgroepen=[Doelgroep.ORGANISATIE])
    als_generator = select(corpus, "wmo-1a", kaders=iter([6]), themas=iter([Thema.ORGANISATIE]),
                           doelgroepen=iter([Doelgroep.ORGANISATIE]))
    assert als_generator.keuzes == als_lijst.keuzes and als_lijst.keuzes
    with pytest.raises(InkoopkaderError, match=r"ids moet een lijst zijn.*Bedoelt u ids=\[.bwmo-04.\]"):
        select(corpus, "wmo-1a", ids="bwmo-04")
    with pytest.raises(InkoopkaderError, match="Onbekende selectie-optie 'vorm'"):
        select(corpus, "wmo-1a", vorm="eis")


def test_search_filter_and_explicit_ids(corpus) -> None:
    sel = select(corpus, "wmo-1a", zoekterm="meldcode")
    assert "bwmo-04" in {k.criterium.id for k in sel.keuzes}
    only = select(corpus, "wmo-1a", ids=["bwmo-04", "JIJ-01"])
    assert [k.criterium.id for k in only.keuzes] == ["bwmo-04", "jij-01"]  # IDs outside the segment allowed
    assert all(k.rol is k.gebruik.standaardrol for k in only.keuzes)


def test_unknown_id_suggests(corpus) -> None:
    with pytest.raises(OnbekendeWaarde, match="Bedoelt u 'bwmo-09'"):
        select(corpus, "wmo-1a", ids=["bwmo-99"])


def test_role_and_procedure_parsing(corpus) -> None:
    assert parse_rol("Minimumeisen") is Rol.MINIMUMEIS
    assert parse_procedure("Open House") is Procedure.OPEN_HOUSE
    with pytest.raises(OnbekendeWaarde, match="Bedoelt u 'gunningscriterium'"):
        parse_rol("gunningscritrium")
    with pytest.raises(OngeldigeKeuze, match="eerdere versie.*minimumeis of uitvoeringsvoorwaarde"):
        parse_rol("eis")
    with pytest.raises(OnbekendeWaarde, match="Bedoelt u 'subsidie'"):
        parse_procedure("subsidy")


def test_expired_kader_cannot_be_declared_applicable_as_a_whole(corpus) -> None:
    with pytest.raises(OngeldigeKeuze, match=r"Kader 2 .*kan niet als geheel van toepassing worden verklaard"):
        select(corpus, "jeugdhulp-4", verwijzing_per_kader={2: True})
    sel = select(corpus, "jeugdhulp-4")
    assert {kk.kader.nummer for kk in sel.verwezen_kaders} == {8, 10}  # JIJ-kader and the professioneel statuut
    assert {kk.kader.nummer for kk in select(corpus, "wmo-1a").verwezen_kaders} == {1, 5}


def _eisen_en_vragen(doc):
    return doc.eisen, doc.vragen


def test_aanbesteding_has_scorable_award_questions(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"))
    vragen = doc.vragen
    assert 3 <= len(vragen) <= 6
    assert sum(v.weging for v in vragen) + doc.gunning.prijs == 100
    for vraag in vragen:
        assert vraag.aspecten and vraag.omvang_a4 >= 1 and vraag.tekens == vraag.omvang_a4 * 4000
        assert vraag.vraag.startswith("Beschrijf")
    schaal = [n.score for n in doc.gunning.schaal]
    assert schaal == sorted(schaal, reverse=True) and doc.gunning.ondergrens in schaal
    titels = [s.titel for s in doc.secties[3].subsecties] if doc.secties[3].id == "gunning" else []
    gunning = next(s for s in doc.secties if s.id == "gunning")
    assert [s.titel for s in gunning.subsecties][0] == "Prijs en kwaliteit"
    assert gunning.subsecties[-1].titel == "Beoordelingsmethodiek" and titels is not None
    methodiek = " ".join(b.tekst for b in gunning.subsecties[-1].blokken if hasattr(b, "tekst"))
    for woord in ("beoordelingscommissie", "individueel", "consensusbijeenkomst", "(score / 10) × weging",
                  "lager scoort dan ‘voldoende’"):
        assert woord in methodiek, woord


def test_every_requirement_has_evidence_and_certificates_allow_equivalents(corpus) -> None:
    for seg in ("wmo-1a", "jeugdhulp-1", "sociaal-werk"):
        doc = compose(corpus, select(corpus, seg))
        for eis in doc.eisen:
            if eis.rol is not Rol.VERWIJZING:
                assert eis.bewijs, eis.nummer
                assert ("vóór gunning" in eis.bewijs) or ("tijdens de uitvoering" in eis.bewijs), eis.bewijs
            if "certificaat" in eis.tekst.lower():
                assert "gelijkwaardig" in eis.tekst.lower(), eis.tekst
    label = compose(corpus, select(corpus, "sociaal-werk"))
    g1 = next(e for e in label.eisen if e.nummer == "G1")
    assert "Kwaliteitslabel Sociaal Werk of een gelijkwaardig certificaat" in g1.tekst


def test_price_share_and_custom_questions(corpus) -> None:
    sel = select(corpus, "jeugdhulp-4")
    doc = compose(corpus, sel, gunning=GunningInstelling(prijs=30))
    assert sum(v.weging for v in doc.vragen) == 70
    aspecten = [k.criterium.id for k in sel.met_rol(Rol.GUNNINGSCRITERIUM)]
    eigen = GunningInstelling(prijs=0, vragen=(
        VraagInstelling("Ontwikkelingsgerichte hulp", tuple(aspecten[:4]), weging=60, omvang_a4=2),
        VraagInstelling("Organisatie en vakmanschap", tuple(aspecten[4:]), weging=40),
    ))
    doc = compose(corpus, sel, gunning=eigen)
    assert [(v.titel, v.weging, v.omvang_a4) for v in doc.vragen][0] == ("Ontwikkelingsgerichte hulp", 60, 2)
    with pytest.raises(GunningFout, match=r"tellen op tot 90% in plaats van 100%"):
        compose(corpus, sel, gunning=GunningInstelling(vragen=(
            VraagInstelling("A", tuple(aspecten[:4]), weging=50), VraagInstelling("B", tuple(aspecten[4:]), weging=40))))
    with pytest.raises(GunningFout, match="bij geen enkele gunningsvraag"):
        compose(corpus, sel, gunning=GunningInstelling(vragen=(VraagInstelling("A", tuple(aspecten[:4]), weging=100),)))
    with pytest.raises(GunningFout, match="geen gunningscriterium"):
        compose(corpus, sel, gunning=GunningInstelling(vragen=(VraagInstelling("A", ("jij-14", *aspecten), weging=100),)))
    with pytest.raises(GunningFout, match="geheel percentage"):
        GunningInstelling(prijs=100)


@pytest.mark.parametrize("procedure", [Procedure.OPEN_HOUSE, Procedure.SUBSIDIE])
def test_open_house_and_subsidy_have_no_award_criteria(corpus, procedure) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a", procedure=procedure))
    assert doc.gunning is None
    md = doc.render("md").decode()
    assert "unningscriteri" not in md and "gunningsvraag" not in md.lower() and "Weging" not in md
    assert all(v.weging is None and v.oordeel == "voldoende" for v in doc.vragen)
    plan = "Plan van aanpak" if procedure is Procedure.OPEN_HOUSE else "Activiteitenplan"
    assert f"## 4 {plan}" in md
    assert "voldoende of onvoldoende" in md
    if procedure is Procedure.SUBSIDIE:
        assert "titel 4.2 van de Algemene wet bestuursrecht" in md and "Opdrachtnemer" not in md.split("## 2")[1]
        assert "De subsidieontvanger" in md


def test_body_holds_no_stub_sections_and_annexes_are_opt_in(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"))
    assert doc.bijlagen == ()
    md = doc.render("md").decode()
    assert "Bijlage" not in md and "zie bijlage" not in md.lower()
    met = compose(corpus, select(corpus, "wmo-1a"), bijlagen=True)
    titels = [s.titel for s in met.bijlagen]
    assert titels[0].startswith("Bijlage A") and titels[-1].startswith("Bijlage C")
    kaders = next(s for s in met.bijlagen if s.id == "bijlage-kaders")
    assert all("Standaardvorm" not in str(s) for s in kaders.subsecties)


def test_body_uses_current_law_names_and_keeps_the_original_traceable(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"))
    md = doc.render("md").decode()
    for oud in ("Inspectie SZW", "Inspectie Jeugdzorg", "Inspectie van de Gezondheidszorg", "Wbp"):
        assert oud not in md, oud
    rij = next(r for r in doc.traceerbaarheid if r.id == "bwmo-35")
    assert rij.geactualiseerd and "Inspectie SZW" in rij.tekst_bron and "Nederlandse Arbeidsinspectie" in rij.tekst_document
    assert "geactualiseerd" in md


def test_never_an_empty_body_without_a_message(corpus) -> None:
    sel = select(corpus, "wmo-1a", kaders=[13])  # a general dossier: only inspiration by default
    doc = compose(corpus, sel, wettelijk=False)
    assert not doc.eisen and not doc.vragen
    assert any("geen eisen of beoordelingsaspecten" in m for m in doc.meldingen)
    assert "geen eisen of beoordelingsaspecten geselecteerd" in doc.render("md").decode()
    # the statutory chapter alone is no selection of criteria: the message stays
    doc = compose(corpus, sel)
    assert doc.eisen and all(e.anker.startswith("wet-") for e in doc.eisen)
    assert any("geen eisen of beoordelingsaspecten" in m for m in doc.meldingen)
    assert "geen eisen of beoordelingsaspecten geselecteerd" in doc.render("md").decode()


def test_markdown_structure(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"), gemeente="Gemeente <Voorbeeld>", kenmerk="K-1\n# kop")
    md = doc.render("md").decode()
    assert md.startswith("# Kwaliteitscriteria Wmo 1a")
    for heading in ("## 1 Inleiding en leeswijzer", "## 2 Wettelijke verplichtingen", "## 3 Minimumeisen",
                    "## 4 Gunningscriteria en beoordeling", "### 4.1 Prijs en kwaliteit", "Beoordelingsmethodiek",
                    "Uitvoeringsvoorwaarden"):
        assert heading in md, heading
    assert "Gemeente &lt;Voorbeeld&gt;" in md and "K-1 # kop" in md and "\n# kop" not in md


def test_annex_marker_in_markdown(corpus) -> None:
    from inkoopkader.anchors import MD_BIJLAGEN

    md = compose(corpus, select(corpus, "wmo-1a"), bijlagen=True).render("md").decode()
    body, annexes = md.split(MD_BIJLAGEN)
    assert "Bijlage" not in body and annexes.lstrip().startswith("## Bijlage A")


def test_zonder_toelichting_drops_notes(corpus) -> None:
    sel = select(corpus, "jeugdhulp-4")
    with_notes = compose(corpus, sel).render("md").decode()
    without = compose(corpus, sel, met_toelichting=False).render("md").decode()
    assert "*Waar kijkt de inspectie naar?* " in with_notes and "Waar kijkt de inspectie" not in without


def test_json_is_the_document_model(corpus) -> None:
    doc = compose(corpus, select(corpus, "jeugdhulp-1"))
    data = json.loads(doc.render("json"))
    assert data["schema_version"] == 2 and data["segment"]["id"] == "jeugdhulp-1"
    assert data["document"]["procedure"] == "aanbesteding"
    soorten = {b["type"] for s in data["secties"] for sub in [s, *s["subsecties"]] for b in sub["blokken"]}
    assert {"alinea", "eis", "vraag", "tabel"} <= soorten
    assert [v["weging"] for v in data["gunning"]["vragen"]] == [v.weging for v in doc.vragen]
    assert len(data["traceerbaarheid"]) == len(doc.traceerbaarheid)


def test_csv_is_the_traceability_and_safe_for_spreadsheets(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"))
    raw = doc.render("csv")
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:7] == ["ID", "Kader", "Kadertitel", "Editie", "Thema", "Doelgroep", "Rol"]
    wettelijk = [r for r in rows[1:] if r[1] == "wet"]
    assert len(rows) - 1 == len(doc.traceerbaarheid) == len(doc.selectie.keuzes) + len(doc.selectie.gemeente) + len(wettelijk)
    assert wettelijk and all(r[0].startswith("wet-") and "art." in r[9] for r in wettelijk)
    nummers = {r[0]: r[8] for r in rows[1:]}
    assert nummers["wbs-11"].startswith("M")
    from inkoopkader.render.csv import veilige_cel

    assert veilige_cel("=SOM(A1)") == "'=SOM(A1)" and veilige_cel("-5") == "'-5" and veilige_cel(True) == "ja"


def test_requirement_numbers_are_unique_and_in_document_order(corpus) -> None:
    doc = compose(corpus, select(corpus, "jeugdhulp-1"), personeel=True)
    nummers = [e.nummer for e in doc.eisen]
    assert len(nummers) == len(set(nummers))
    per_letter: dict[str, list[int]] = {}
    for nummer in nummers:
        per_letter.setdefault(nummer[0], []).append(int(nummer[1:]))
    assert all(v == list(range(1, len(v) + 1)) for v in per_letter.values())
    assert all(isinstance(b, (Eis, Vraag)) for b in [*doc.eisen, *doc.vragen])


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
    import inkoopkader.render
    import inkoopkader.select  # noqa: F401

    assert callable(inkoopkader.compose) and inkoopkader.compose.__module__ == "inkoopkader.compose"
    assert callable(inkoopkader.select) and callable(inkoopkader.check) and callable(inkoopkader.render)
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


# --- issue 14: titles, sub-list labels, duplicates, criteria for gemeente and aanbieder ---------------


def _markdown(corpus, *args, **kwargs) -> str:
    return compose(corpus, select(corpus, *args, **kwargs), bijlagen=True).render("md").decode("utf-8")


def test_a_title_is_printed_bold_before_the_text(corpus) -> None:
    doc = compose(corpus, select(corpus, Verzoek("jeugdhulp-4", ids=("mps-05",))))
    (eis,) = [b for b in doc.blokken() if getattr(b, "anker", None) == "mps-05"] or [
        a for v in doc.vragen for a in v.aspecten if a.anker == "mps-05"]
    assert eis.tekst.startswith("**Erkenning van de professionele verantwoordelijkheid** De organisatie")
    rij = next(r for r in doc.traceerbaarheid if r.id == "mps-05")
    assert rij.tekst_bron.startswith("Erkenning van de professionele verantwoordelijkheid. De organisatie")
    # In the gemeente annex as well (was-25 is addressed to the gemeente)
    md = _markdown(corpus, Verzoek("wmo-1a", kaders=(13,)))
    assert "**Kosten verminderen** De gemeente kan" in md


def test_sub_list_labels_are_printed(corpus) -> None:
    md = _markdown(corpus, Verzoek("wmo-1a", kaders=(1, 2)))  # kader 2 is inspiration: verbatim in the annex
    assert "- a. in staat zijn te werken met de Meldcode" in md and "- e. in staat zijn systeemgericht" in md
    assert "- 3\\. Veiligheid heeft harde kanten" in md  # an NB of bwmo-17, with the body; '1.' escaped


def test_a_text_the_source_repeats_is_printed_once(corpus) -> None:
    sel = select(corpus, Verzoek("jeugdhulp-1", ids=("jzp-08", "jzp-13", "jzp-09")))
    assert {k.criterium.id for k in sel.keuzes} >= {"jzp-08", "jzp-13"}
    doc = compose(corpus, sel)
    md = doc.render("md").decode("utf-8")
    assert md.count("Opdrachtnemer werkt voor elke jeugdige met een plan") == 1  # the tender wording of both
    rijen = {r.id: r for r in doc.traceerbaarheid}
    assert "zelfde tekst als jzp-08" in rijen["jzp-13"].plaats and rijen["jzp-13"].nummer == rijen["jzp-08"].nummer
    assert len(doc.traceerbaarheid) == len(doc.selectie.keuzes) + len(doc.selectie.gemeente)
    # When only the repetition is in the body, it is the one that is printed (hmo-53 over hmo-32)
    sel = select(corpus, "wmo-1a")
    rollen = {k.criterium.id: k.rol for k in sel.keuzes}
    assert rollen["hmo-32"] is Rol.INSPIRATIE and rollen["hmo-53"] is not Rol.INSPIRATIE
    md = compose(corpus, sel, bijlagen=True).render("md").decode("utf-8")
    assert md.count("zorgt voor samenhang, afstemming en zorgvuldige overdracht") == 1  # 'De professional …'


def test_a_criterion_for_gemeente_and_aanbieder_is_in_the_body_and_the_gemeente_annex(corpus) -> None:
    sel = select(corpus, Verzoek("wmo-1a", ids=("wav-09", "wav-10")))
    assert [k.criterium.id for k in sel.keuzes] == ["wav-09"] and [k.criterium.id for k in sel.gemeente] == ["wav-10"]
    doc = compose(corpus, sel, bijlagen=True)
    in_lichaam = [b for b in doc.eisen if b.anker == "wav-09"]
    assert len(in_lichaam) == 1 and in_lichaam[0].rol is Rol.UITVOERINGSVOORWAARDE
    gemeente = next(s for s in doc.bijlagen if s.id == "bijlage-gemeente")
    teksten = [b.tekst for b in gemeente.walk() if hasattr(b, "bron")]
    assert any("Zorg dat Veilig Thuis" in t for t in teksten) and any("voldoende capaciteit" in t for t in teksten)
    ankers = [a for a, _, _ in doc.ankers()]
    assert ankers.count("wav-09") == 1  # one bookmark per criterion: the body keeps it
    # --doelgroep gemeente also finds the criteria that address the gemeente together with the aanbieder
    gemeente_sel = select(corpus, "wmo-1a", doelgroepen=[Doelgroep.GEMEENTE])
    assert {"wcp-01", "wbs-10"} <= {k.criterium.id for k in (*gemeente_sel.keuzes, *gemeente_sel.gemeente)}


def test_an_editorial_note_and_the_kaders_own_url_reach_the_document(corpus) -> None:
    md = _markdown(corpus, Verzoek("jeugdhulp-2", kaders=(4,)))
    assert "Noot van de redactie" in md and "verminkt" in md  # vsm-19, in the inspiration annex
    md = _markdown(corpus, "sociaal-werk")
    assert "https://www.sociaalwerknederland.nl/kwaliteitslabel/318-alle-documenten-op-een-rij" in md


def test_notes_of_annex_criteria_are_kept(corpus) -> None:
    doc = compose(corpus, select(corpus, Verzoek("wmo-1a", kaders=(1,))), bijlagen=True)
    inspiratie = next(s for s in doc.bijlagen if s.id == "bijlage-inspiratie")
    assert any(a.toelichtingen for a in inspiratie.walk() if hasattr(a, "toelichtingen"))


def test_own_award_questions_may_name_both_twins_of_a_repeated_text(corpus) -> None:
    sel = select(corpus, Verzoek("jeugdhulp-1", ids=("jzp-09", "jzp-14", "jzp-10")))
    assert {k.criterium.id: k.rol for k in sel.keuzes}["jzp-14"] is Rol.GUNNINGSCRITERIUM
    vragen = (VraagInstelling("Duidelijkheid", ("jzp-09", "jzp-14"), weging=60), VraagInstelling("Bejegening", ("jzp-10",), weging=40))
    doc = compose(corpus, sel, gunning=GunningInstelling(vragen=vragen))
    (eerste, _) = doc.vragen
    assert [a.anker for a in eerste.aspecten] == ["jzp-09"]  # the repetition is printed once


def test_text_formats_number_headings_three_levels_deep() -> None:
    from inkoopkader.document import Kopnummering

    n = Kopnummering()
    assert [n.volgende(1), n.volgende(2), n.volgende(3), n.volgende(2), n.volgende(1), n.volgende(2), n.volgende(4),
            n.volgende(1, genummerd=False), n.volgende(2)] == ["1 ", "1.1 ", "1.1.1 ", "1.2 ", "2 ", "2.1 ", "", "", "2.2 "]


def test_traceability_names_every_addressee(corpus) -> None:
    """A criterion for aanbieder and gemeente together (gdp-17) says so in the traceability output."""
    doc = compose(corpus, select(corpus, "wmo-1a"))
    rij = next(r for r in doc.traceerbaarheid if r.id == "gdp-17")
    assert rij.doelgroep == "organisatie, gemeente"


def test_a_price_weight_outside_a_tender_is_refused(corpus) -> None:
    """Open house and subsidie have no gunning: a price weight there (library, profile) is an error, not ignored."""
    from inkoopkader.compose import GunningFout, GunningInstelling

    for procedure in ("open-house", "subsidie"):
        with pytest.raises(GunningFout, match="hoort bij een aanbesteding"):
            compose(corpus, select(corpus, "wmo-1a", procedure=procedure), gunning=GunningInstelling(prijs=30))
    assert compose(corpus, select(corpus, "wmo-1a", procedure="subsidie"), gunning=GunningInstelling()).vragen
