"""Staff requirements: profiles traceable to their sources, sourced requirements, the composed chapter."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sourcecheck
from docx import Document

from inkoopkader import OnbekendeWaarde, Rol, compose, select
from inkoopkader.model import Herkomst
from inkoopkader.personeel import standaard_eisen

ROOT = Path(__file__).resolve().parent.parent
BRONNEN = ROOT / "data" / "bronnen"


def _lines(bestand: str) -> list[str]:
    return (BRONNEN / bestand).read_text(encoding="utf-8").splitlines()


def test_three_profiles_with_verified_sources(corpus) -> None:
    assert {p.prefix for p in corpus.beroepsprofielen} == {"mdj", "smd", "wce"}
    for profiel in corpus.beroepsprofielen:
        assert hashlib.sha256((BRONNEN / profiel.bestand).read_bytes()).hexdigest() == profiel.sha256
        assert profiel.niveaus and profiel.competenties


def test_every_profile_item_is_in_its_source(corpus) -> None:
    """Each identified item's text occurs in its source near `regel` (its recorded corrections undone).

    Table cells can be split over a page break, so the text is checked per sentence within a few
    lines after `regel`.
    """
    import re

    from ruamel.yaml import YAML

    missing = []
    for profiel in corpus.beroepsprofielen:
        lines = _lines(profiel.bestand)
        raw = YAML(typ="safe").load(Path(ROOT, profiel.pad).read_text(encoding="utf-8"))
        corrections = raw.get("correcties", []) or []
        for item in profiel.items:
            text = item.tekst
            for corr in corrections:
                if corr.get("item") == item.id and corr.get("veld") == item.veld and corr.get("wordt") in text:
                    text = text.replace(corr["wordt"], corr["was"])
            window = sourcecheck.normalise("\n".join(lines[max(0, item.regel - 2) : item.regel + 8]).replace("^", ""))
            pieces = [sourcecheck.normalise(p) for p in re.split(r"(?<=[.;:])\s+", text)]
            if not all(_in_window(p, window) for p in pieces if p):
                missing.append((item.id, item.regel, text[:60]))
    assert missing == []


def _in_window(piece: str, window: str) -> bool:
    """Exactly in the window, or as at most two runs of 4+ words (a cell split by a page break)."""
    if piece in window:
        return True
    words = piece.split()
    return any(
        " ".join(words[:cut]) in window and " ".join(words[cut:]) in window
        for cut in range(4, len(words) - 3)
    )


def test_requirement_sources_are_quoted_exactly(corpus) -> None:
    """A kader or profile passage is on its line; a law passage starts on its line of the saved law text."""
    from test_wettelijk import norm

    profiel_bestanden = {p.sleutel: p.bestand for p in corpus.beroepsprofielen}
    documenten = {d.id: d.bestand for d in corpus.brondocumenten}
    wetten = {w.id: w.bestand for w in corpus.wetten}
    gecontroleerd = 0
    for eis in corpus.personeelseisen:
        for bron in eis.onderbouwing:
            if bron.bron in wetten:  # a law's sentence runs over several lines of its copy: it starts on `regel`
                lines = _lines(wetten[bron.bron])
                venster = norm("\n".join(lines[bron.regel - 1 : bron.regel + 12]))
                assert 0 <= venster.find(norm(bron.citaat)) < len(norm(lines[bron.regel - 1])), (eis.id, bron.regel)
            else:
                bestand = profiel_bestanden.get(bron.bron) or documenten[bron.bron]
                line = sourcecheck.normalise(_lines(bestand)[bron.regel - 1])
                assert sourcecheck.normalise(bron.citaat) in line, (eis.id, bron.regel)
            gecontroleerd += 1
    assert gecontroleerd >= 20


def test_no_requirement_cites_a_passage_that_does_not_support_it(corpus) -> None:
    """Issue 11: the registration requirement rests on the law, not on one gemeente's job profile
    ('bereid om registratie te behalen' is no registration duty); no kader outside the corpus is named."""
    eisen = {e.id: e for e in corpus.personeelseisen}
    registratie = eisen["pe-registratie-jeugd"]
    assert {b.bron for b in registratie.onderbouwing} >= {"besluit-jeugdwet", "kwaliteitskaders-inkoop-v1.1"}
    assert not any(b.bron == "wijkcoach-enschede" for b in registratie.onderbouwing)
    assert "aannemelijk" in registratie.tekst  # the exception of art. 5.1.1, second lid, is part of the norm
    vog = eisen["pe-vog-jeugd"]
    assert {b.bron for b in vog.onderbouwing} >= {"jeugdwet", "kwaliteitskaders-inkoop-v1.1"}
    assert {"jzp-50", "vsm-26"} <= set(vog.dekt)
    for eis in corpus.personeelseisen:
        for tekst in (eis.tekst, eis.eistekst or "", eis.bewijs or ""):
            assert "Kwaliteitskader Jeugd " not in tekst + " ", eis.id
        # only requirements that list the Enschede levels may cite the Enschede level table
        if any(b.bron == "wijkcoach-enschede" and b.regel == 144 for b in eis.onderbouwing):
            assert eis.niveaus_uit == "wijkcoach-enschede", eis.id


def test_defaults_per_domain(corpus) -> None:
    jeugd = [e.id for e in standaard_eisen(corpus.personeelseisen, "Jeugdhulp")]
    wmo = [e.id for e in standaard_eisen(corpus.personeelseisen, "Wmo")]
    sw = [e.id for e in standaard_eisen(corpus.personeelseisen, "Sociaal Werk")]
    assert "pe-registratie-jeugd" in jeugd and "pe-registratie-jeugd" not in wmo + sw
    assert "pe-vog-jeugd" in jeugd
    # one gemeente's job levels are an example on request, never a default, and a question unless chosen
    assert "pe-opleiding-functieniveau" not in jeugd + wmo + sw
    niveaus = next(e for e in corpus.personeelseisen if e.id == "pe-opleiding-functieniveau")
    assert niveaus.rol is Rol.GUNNINGSCRITERIUM and "Enschede" in niveaus.titel and "Enschede" in niveaus.tekst
    assert niveaus.eistekst and niveaus.tekst_voor(Rol.MINIMUMEIS) == niveaus.eistekst
    assert "pe-beleid-registratie-sociaal-werk" in wmo and "pe-beleid-registratie-sociaal-werk" in sw
    registratie = next(e for e in corpus.personeelseisen if e.id == "pe-registratie-jeugd")
    assert registratie.rol is Rol.UITVOERINGSVOORWAARDE and registratie.bewijs
    assert "SKJ" in registratie.tekst and "werktoedeling" in registratie.tekst
    # Registerplein: the source supports asking about policy, not requiring registration.
    beleid = next(e for e in corpus.personeelseisen if e.id == "pe-beleid-registratie-sociaal-werk")
    assert beleid.rol is Rol.GUNNINGSCRITERIUM


def _bladwijzers(doc) -> set[str]:  # type: ignore[no-untyped-def]
    document = Document(__import__("io").BytesIO(doc.render("docx")))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return {b.get(f"{w}name") for b in document.element.body.iter(f"{w}bookmarkStart")}


def test_compose_jeugdhulp_4_with_personeel(corpus) -> None:
    """Done when (issue 11): no wijkcoach levels unless asked for; VOG and werktoedeling once, as law."""
    doc = compose(corpus, select(corpus, "jeugdhulp-4"), personeel=True)
    ankers = [a for a, _, _ in doc.ankers()]
    assert not any(a.startswith("wce-niv") for a in ankers) and "pe-opleiding-functieniveau" not in ankers
    # the statutory chapter has the VOG and the werktoedeling: the staff chapter does not repeat them
    assert {"wet-jeugd-vog", "wet-besluitjeugd-werktoedeling"} <= set(ankers)
    assert "pe-vog-jeugd" not in ankers and "pe-registratie-jeugd" not in ankers
    assert "jzp-50" not in ankers and "vsm-26" not in ankers
    rijen = {r.id: r for r in doc.traceerbaarheid}
    assert "gedekt door wet-besluitjeugd-werktoedeling" in rijen["pe-registratie-jeugd"].plaats
    assert rijen["pe-registratie-jeugd"].nummer == next(e.nummer for e in doc.eisen if e.anker == "wet-besluitjeugd-werktoedeling")
    assert "gedekt door wet-jeugd-vog" in rijen["vsm-26"].plaats and rijen["vsm-26"].tekst_document == ""
    vraag = next(v for v in doc.vragen if v.titel == "Deskundigheid en inzet van personeel")
    assert [a.anker for a in vraag.aspecten][0] == "pe-beleid-registratie-jeugd" and vraag.weging

    # Without the statutory chapter the staff chapter carries them, each once (vsm-26 is covered by the VOG).
    doc = compose(corpus, select(corpus, "jeugdhulp-4"), personeel=True, wettelijk=False)
    sectie = next(s for s in doc.secties if s.id == "personeel")
    eisen = [b for b in sectie.blokken if getattr(b, "anker", None)]
    assert [e.anker for e in eisen] == ["pe-registratie-jeugd", "pe-vog-jeugd"]
    assert all(e.bewijs and e.rol is Rol.UITVOERINGSVOORWAARDE for e in eisen)
    assert "Besluit Jeugdwet" in eisen[0].tekst and "Kwaliteitskader Jeugd" not in eisen[0].tekst
    assert any(t.label == "Onderbouwing (Besluit Jeugdwet, artikel 5.1.1, tweede lid)" for t in eisen[0].toelichtingen)
    assert "vsm-26" not in [a for a, _, _ in doc.ankers()]
    assert {r.id: r for r in doc.traceerbaarheid}["vsm-26"].plaats.endswith("(gedekt door pe-vog-jeugd)")
    names = _bladwijzers(doc)
    assert {"ik_pe_registratie_jeugd", "ik_pe_vog_jeugd", "ik_pe_beleid_registratie_jeugd"} <= names
    assert not any(n.startswith("ik_wce_niv") for n in names)


def test_levels_on_request_as_a_question_labelled_as_the_enschede_example(corpus) -> None:
    doc = compose(corpus, select(corpus, "jeugdhulp-4"), personeel=True, functieniveaus=["B", "C"])
    vraag = next(v for v in doc.vragen if v.titel == "Deskundigheid en inzet van personeel")
    niveaus = next(a for a in vraag.aspecten if a.anker == "pe-opleiding-functieniveau")
    assert niveaus.item_ankers == ("wce-niv-b", "wce-niv-c") and "gemeente Enschede" in niveaus.tekst
    assert niveaus.tekst.startswith("Beschrijf")
    # chosen as a requirement: the requirement's wording, still naming whose example it is
    doc = compose(corpus, select(corpus, "jeugdhulp-4"), personeel=["pe-opleiding-functieniveau"],
                  personeel_rol=Rol.MINIMUMEIS)
    (eis,) = [e for e in doc.eisen if e.anker == "pe-opleiding-functieniveau"]
    assert eis.rol is Rol.MINIMUMEIS and eis.tekst.startswith("Opdrachtnemer zet") and "Enschede" in eis.tekst
    assert eis.item_ankers == ("wce-niv-a", "wce-niv-b", "wce-niv-c", "wce-niv-d")
    # the broken sentence of level D is completed (a recorded correction), not printed as in the source
    assert eis.items[3].tekst.endswith("hbo+-niveau en SKJ-registratie. Bereid om registratie bij te houden.")
    assert not any("registratie en bij te houden" in i.tekst for i in eis.items)


def test_function_levels_and_explicit_choice(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1b"), personeel=["pe-opleiding-justitie"], functieniveaus=["mdj-niv-hbo"],
                  personeel_rol=Rol.GUNNINGSCRITERIUM)
    vraag = next(v for v in doc.vragen if v.titel == "Deskundigheid en inzet van personeel")
    (aspect,) = vraag.aspecten
    assert aspect.anker == "pe-opleiding-justitie" and len(aspect.items) <= 1
    assert not any(s.id == "personeel" for s in doc.secties)
    with pytest.raises(OnbekendeWaarde, match="Onbekend functieniveau 'mdj-niv-2'"):  # never every level dropped
        compose(corpus, select(corpus, "wmo-1b"), personeel=["pe-opleiding-justitie"], functieniveaus=["mdj-niv-2"])
    with pytest.raises(OnbekendeWaarde, match="Bedoelt u 'pe-registratie-jeugd'"):
        compose(corpus, select(corpus, "wmo-1b"), personeel=["pe-registratie-jeugt"])


def test_segments_table_shows_each_citation_once() -> None:
    from typer.testing import CliRunner

    from inkoopkader.cli import app

    result = CliRunner().invoke(app, ["segments", "jeugdhulp-4"], env={"COLUMNS": "2000"})
    assert result.exit_code == 0, result.output
    rij = next(r for r in result.output.splitlines() if "pe-registratie-jeugd" in r)
    assert rij.count("korte toelichting (regel 559)") == 1
    assert "wet-jeugd-vog" in result.output and "Jeugdwet, art. 4.1.6, lid 1 en 2" in result.output


def test_no_personeel_by_default(corpus) -> None:
    doc = compose(corpus, select(corpus, "jeugdhulp-4"))
    assert not any(s.id == "personeel" for s in doc.secties)
    assert not any(r.kader == "personeel" for r in doc.traceerbaarheid)


def test_level_requirements_are_verbatim(corpus) -> None:
    """Education and registration texts per level are quoted from the source line they cite (with the
    profile's recorded corrections undone)."""
    from ruamel.yaml import YAML

    for profiel in corpus.beroepsprofielen:
        lines = _lines(profiel.bestand)
        raw = YAML(typ="safe").load(Path(ROOT, profiel.pad).read_text(encoding="utf-8"))
        corrections = raw.get("correcties", []) or []
        for niveau in profiel.niveaus:
            for veld, text, regel in [("opleiding.tekst", niveau.opleiding, niveau.opleiding_regel),
                                      *(("registratie.tekst", r.tekst, r.regel) for r in niveau.registraties)]:
                for corr in corrections:
                    if corr.get("item") == niveau.id and corr.get("veld") == veld and corr["wordt"] in text:
                        text = text.replace(corr["wordt"], corr["was"])
                window = sourcecheck.normalise("\n".join(lines[regel - 1 : regel + 6]))
                assert _in_window(sourcecheck.normalise(text), window), (niveau.id, text[:60])


def test_check_recognises_staff_requirements(corpus, tmp_path: Path) -> None:
    """A composed staff chapter is found in full; a hand-written draft's level requirement too."""
    import inkoopkader

    docx = tmp_path / "jh4.docx"
    keuze = ["pe-registratie-jeugd", "pe-vog-jeugd", "pe-beleid-registratie-jeugd", "pe-competenties-wijkcoach",
             "pe-opleiding-functieniveau"]
    compose(corpus, select(corpus, "jeugdhulp-4"), personeel=keuze, functieniveaus=["A", "B", "C", "D"]).save(docx)
    rapport = inkoopkader.check(docx, corpus, personeel=keuze, functieniveaus=["A", "B", "C", "D"])
    personeel = [r for r in rapport.resultaten if r.herkomst is Herkomst.PERSONEEL]
    assert len(personeel) > 10 and all(r.status.value == "gedekt" for r in personeel)
    assert {"wce-niv-b", "wce-comp-01"} <= {r.criterium.id for r in personeel}
    # the staff requirements the statutory chapter covers are not looked for twice
    assert not {"pe-vog-jeugd", "pe-registratie-jeugd"} & {r.criterium.id for r in personeel}
    _assert_reports_name_staff_requirements_by_their_herkomst(corpus, rapport, len(personeel))

    draft = tmp_path / "concept.md"
    draft.write_text(
        "# Personeel\n\nDe Aanbieder zet uitsluitend medewerkers in met een afgeronde sociaal-agogische opleiding op "
        "hbo-niveau waarmee SKJ-registratie mogelijk is. Zij zijn bereid de registratie te behalen en bij te houden.\n\n"
        "## Prijzen\n\nDe tarieven worden jaarlijks geïndexeerd volgens de CBS-prijsindex.\n",
        encoding="utf-8",
    )
    rapport = inkoopkader.check(draft, corpus, segment="jeugdhulp-4", personeel=True, functieniveaus=["B", "C"])
    found = {r.criterium.id for r in rapport.resultaten
             if r.herkomst is Herkomst.PERSONEEL and r.status.value != "ontbreekt"}
    assert "wce-niv-b" in found or "wce-niv-c" in found
    assert "wce-comp-01" not in found and "pe-beleid-registratie-jeugd" not in found
    with pytest.raises(OnbekendeWaarde):
        inkoopkader.check(draft, corpus, segment="jeugdhulp-4", personeel=["pe-bestaat-niet"])


def _assert_reports_name_staff_requirements_by_their_herkomst(corpus, rapport, aantal: int) -> None:
    """Staff requirements belong to no kader: every report names and groups them by `Herkomst`, never
    by a stand-in kader number (they were 'kader 0' before)."""
    import json

    from inkoopkader.check.report import kader_label, kader_naam, to_github, to_json, to_junit

    groepen = {d.kader: d for d in rapport.per_kader()}
    assert groepen[Herkomst.PERSONEEL].totaal == aantal and 0 not in groepen
    assert list(groepen)[:2] == [Herkomst.WETTELIJK, Herkomst.PERSONEEL]  # as in the document: before the kaders
    assert all(isinstance(k, int) and k > 0 for k in list(groepen)[2:])
    assert kader_naam(corpus, Herkomst.PERSONEEL) == kader_label(corpus, Herkomst.PERSONEEL, kort=True)
    assert kader_label(corpus, 3, kort=True).startswith("3. ")
    assert "personeel" in kader_naam(corpus, Herkomst.PERSONEEL).lower()

    data = json.loads(to_json(rapport))
    rijen = {(d["kader"], d["herkomst"]) for d in data["dekking_per_kader"]}
    assert {(None, "personeel"), (None, "wettelijk")} <= rijen and not {(0, "personeel"), (-1, "wettelijk")} & rijen
    eisen = [c for c in data["criteria"] if c["herkomst"] == "personeel"]
    assert len(eisen) == aantal and all(c["kader"] is None for c in eisen)
    assert all(isinstance(c["kader"], int) for c in data["criteria"] if c["herkomst"] == "kader")

    # a required staff requirement that is missing fails in JUnit and GitHub under its herkomst
    from dataclasses import replace

    from inkoopkader.check import Status

    eerste = next(r for r in rapport.resultaten if r.herkomst is Herkomst.PERSONEEL)
    mist = replace(eerste, status=Status.ONTBREEKT, vereist=True, bewijs=())
    gefaald = replace(rapport, resultaten=tuple(mist if r is eerste else r for r in rapport.resultaten),
                      redenen_afgekeurd=("vereist criterium ontbreekt",))
    junit, github = to_junit(gefaald), to_github(gefaald)
    assert f"{eerste.criterium.id} (personeel, vakmanschap)" in junit and "(kader 0" not in junit
    assert f"{eerste.criterium.id} (personeel, vakmanschap) ontbreekt" in github and "(kader 0" not in github


def test_the_check_summary_names_staff_requirements_without_a_kader_number(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from inkoopkader.cli import app

    draft = tmp_path / "concept.md"
    draft.write_text("# Personeel\n\nDe Aanbieder zet uitsluitend medewerkers in met een afgeronde opleiding op "
                     "hbo-niveau waarmee SKJ-registratie mogelijk is.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft), "-s", "jeugdhulp-4", "--personeel", "--wettelijk"],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    regels = [r.strip() for r in result.output.splitlines()]
    assert any(r.startswith("Personeel (opleiding, registratie, competenties)") for r in regels), result.output
    assert any(r.startswith("Wettelijke verplichtingen") for r in regels)
    assert not any(r.startswith(("0. ", "-1. ")) for r in regels)
    assert any(r.startswith("8. JIJ-kader") for r in regels)  # a real kader keeps its number


def test_wijkcoach_competences_only_on_request_and_each_traceable(corpus) -> None:
    """The Enschede job profile is one gemeente's: its competences are never a default (issue 11), and
    every level or competence printed has its own row with ID and source line in the traceability."""
    for segment in ("jeugdhulp-4", "wmo-1a"):
        doc = compose(corpus, select(corpus, segment), personeel=True)
        assert "pe-competenties-wijkcoach" not in [a for a, _, _ in doc.ankers()], segment
    doc = compose(corpus, select(corpus, "jeugdhulp-4"), personeel=["pe-competenties-wijkcoach"])
    rijen = [r for r in doc.traceerbaarheid if r.kader == "personeel" and r.id.startswith("wce-")]
    vraag = next(v for v in doc.vragen if v.titel == "Deskundigheid en inzet van personeel")
    aspect = next(a for a in vraag.aspecten if a.anker == "pe-competenties-wijkcoach")
    assert [r.id for r in rijen] == list(aspect.item_ankers) and len(rijen) >= 5
    profiel = corpus.beroepsprofiel("wijkcoach-enschede")
    for rij in rijen:
        assert rij.plaats.endswith("(onderdeel van pe-competenties-wijkcoach)") and rij.nummer == vraag.nummer
        regel = int(rij.bronregel.rsplit("regel ", 1)[1])
        assert rij.tekst_document and rij.bronregel.startswith(profiel.titel) and regel > 0


def test_a_staff_requirement_can_be_required_in_check(corpus, tmp_path: Path) -> None:
    """`check --vereist pe-vog-jeugd` looks for the staff requirement, also without --personeel and also
    when the statutory chapter covers it; the text report names it without a kader number."""
    import inkoopkader
    from inkoopkader.check import format_tekst

    draft = tmp_path / "concept.md"
    draft.write_text("# Eisen\n\nDe tarieven worden jaarlijks geïndexeerd volgens de CBS-prijsindex.\n", encoding="utf-8")
    rapport = inkoopkader.check(draft, corpus, segment="jeugdhulp-4", vereist=["pe-vog-jeugd", "wet-jeugd-meldcode"])
    vereist = {r.criterium.id: r for r in rapport.resultaten if r.vereist}
    assert set(vereist) == {"pe-vog-jeugd", "wet-jeugd-meldcode"}
    assert vereist["pe-vog-jeugd"].herkomst is Herkomst.PERSONEEL and vereist["pe-vog-jeugd"].status.value == "ontbreekt"
    tekst = format_tekst(rapport, corpus)
    assert "pe-vog-jeugd (personeel," in tekst and "wet-jeugd-meldcode (wettelijke verplichting," in tekst
    assert "kader -1" not in tekst and "kader 0" not in tekst
    with pytest.raises(OnbekendeWaarde, match="pe-vog-jeugd"):
        inkoopkader.check(draft, corpus, segment="jeugdhulp-4", vereist=["pe-vog-jeugdd"])
