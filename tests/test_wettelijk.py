"""The wettelijke basisset (issue 11): statutory duties quoted verbatim from saved law texts, the chapter
"Wettelijke verplichtingen" in composed documents, and `check` recognising the duties in drafts."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import inkoopkader
from inkoopkader import OnbekendeWaarde, Procedure, Rol, compose, select
from inkoopkader.model import Herkomst
from inkoopkader.check import check
from inkoopkader.wettelijk import verplichtingen_voor

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def norm(tekst: str) -> str:
    """The comparison rule for law texts (as in data/wettelijk.yaml), written out again here so that a
    mistake in the library's version cannot hide a quote that is not verbatim: header lines (#) and
    reference definitions ([refN]: url) dropped, [text][refN] -> text, white space runs -> one space."""
    regels = [r for r in tekst.splitlines() if not r.lstrip().startswith("#") and not re.match(r"^\[ref\d+\]:", r.strip())]
    tekst = re.sub(r"\[([^\]]*)\]\[ref\d+\]", r"\1", "\n".join(regels))
    return re.sub(r"\s+", " ", tekst).strip()


def _data() -> dict:
    return YAML(typ="safe").load((DATA / "wettelijk.yaml").read_text(encoding="utf-8"))


def _artikelen(ruw: str) -> dict[str, tuple[str, set[int]]]:
    """The saved copy per article ('4.1.6', '5.1.1', '28'), normalised: the text under its '## ' headers,
    whether the copy has one header per article ('## Artikel 4.1.6 | …') or per lid or onderdeel
    ('## 5.1.1.2 (artikel 5.1.1, tweede lid) | …')."""
    delen: dict[str, list[list[str]]] = {}
    huidig = None
    for regel in ruw.splitlines():
        if regel.startswith("## "):
            kop = regel[3:].split("|")[0]
            gevonden = re.search(r"\(artikel ([0-9.]+[a-z]?)", kop) or re.match(r"Artikel ([0-9.]+[a-z]?)", kop)
            huidig = gevonden.group(1).rstrip(".") if gevonden else None
            delen.setdefault(huidig, []).append([])
        elif huidig is not None:
            delen[huidig][-1].append(regel)
    result = {}
    for artikel, secties in delen.items():
        teksten = [t for t in (norm("\n".join(s)) for s in secties) if t]
        grenzen, positie = set(), 0
        for t in teksten:  # where a section (a lid or onderdeel in some copies) begins and ends
            grenzen |= {positie, positie + len(t)}
            positie += len(t) + 1
        result[artikel] = (" ".join(teksten), grenzen)
    return result


def test_every_quote_is_verbatim_in_its_own_article_and_marks_what_it_leaves_out() -> None:
    """Each part of a quote (between omission marks ' … ') is in the stated article of the law text, in
    order; a quote that stops inside a lid (the text goes on without a new lid or onderdeel) ends with
    '…', and one that starts inside a sentence starts with '…'."""
    data = _data()
    wetten = {w["id"]: w for w in data["wetten"]}
    artikelen = {i: _artikelen((DATA / "bronnen" / w["bestand"]).read_text(encoding="utf-8")) for i, w in wetten.items()}
    assert len(data["verplichtingen"]) >= 20
    for v in data["verplichtingen"]:
        assert str(v["artikel"]) in artikelen[v["wet"]], (v["id"], f"artikel {v['artikel']} staat niet in de kopie")
        tekst, grenzen = artikelen[v["wet"]][str(v["artikel"])]
        delen = [d.strip() for d in v["citaat"].split("…") if d.strip()]
        assert sum(len(d) for d in delen) >= 100 or len(delen) == 1, v["id"]
        positie, begin = 0, None
        for deel in delen:
            gevonden = tekst.find(norm(deel), positie)
            assert gevonden >= 0, (v["id"], deel[:80])
            begin = gevonden if begin is None else begin
            positie = gevonden + len(norm(deel))
        rest, ervoor = tekst[positie:].lstrip(), tekst[:begin].rstrip()
        citaat = v["citaat"].strip()
        assert citaat.endswith("…") or positie in grenzen or re.match(r"(\d+\.? [A-Z]|[a-z]\. |\d+°)", rest), (
            v["id"], "het citaat stopt midden in een lid zonder '…'", rest[:60])
        assert citaat.startswith("…") or begin in grenzen or re.search(r"(^|[.;:])\s*(\d+\.?|[a-z]\.)?$", ervoor), (
            v["id"], "het citaat begint midden in een zin zonder '…'", ervoor[-60:])


def test_law_copies_carry_their_provenance() -> None:
    """Every saved text: its sha256, a header naming the url on wetten.overheid.nl (or EUR-Lex), the version
    and the date consulted; every duty links to its article in the version that was quoted."""
    data = _data()
    for w in data["wetten"]:
        pad = DATA / "bronnen" / w["bestand"]
        assert hashlib.sha256(pad.read_bytes()).hexdigest() == w["sha256"], w["id"]
        kop = pad.read_text(encoding="utf-8").splitlines()[0]
        assert kop.startswith("# BRON |") and w["url"] in kop and f"geraadpleegd: {w['geraadpleegd']}" in kop, w["id"]
        assert str(w["geldig_vanaf"]) in w["url"] or w["id"] == "avg"
    wetten = {w["id"]: w for w in data["wetten"]}
    for v in data["verplichtingen"]:
        wet = wetten[v["wet"]]
        if "wetten.overheid.nl" in v["url"]:
            assert v["url"] == f"{wet['url']}#Artikel{v['artikel']}", v["id"]
        else:
            assert v["url"] == wet["url"], v["id"]
    # the reasoning for what stayed out is data too
    assert any("Wkkgz" in n["onderwerp"] for n in data["niet_opgenomen"])


def test_the_basisset_covers_what_the_issue_asks(corpus) -> None:
    ids = {v.id for v in corpus.wettelijk}
    for verplicht in ("wet-wmo-kwaliteit", "wet-wmo-klachtenregeling", "wet-wmo-medezeggenschap", "wet-wmo-meldcode",
                      "wet-wmo-calamiteiten-geweld", "wet-wmo-vog", "wet-jeugd-verantwoorde-hulp",
                      "wet-jeugd-kwaliteitssysteem", "wet-jeugd-meldcode", "wet-jeugd-calamiteiten-geweld",
                      "wet-jeugd-klachtenregeling", "wet-jeugd-medezeggenschap", "wet-jeugd-vog",
                      "wet-besluitjeugd-werktoedeling", "wet-meldcode-inhoud", "wet-avg-verwerkersovereenkomst"):
        assert verplicht in ids, verplicht
    for v in corpus.wettelijk:
        assert all(v.rol(p) in (Rol.GESCHIKTHEIDSEIS, Rol.MINIMUMEIS, Rol.UITVOERINGSVOORWAARDE) for p in Procedure)
        assert v.eis.startswith(("Opdrachtnemer", "Is Opdrachtnemer", "Mag Opdrachtnemer", "Voor zover Opdrachtnemer",
                                 "De meldcode van Opdrachtnemer", "Het stappenplan in de meldcode van Opdrachtnemer")), v.id
    # pitfalls the research found, kept in the data
    vog = corpus.verplichting("wet-wmo-vog")
    assert vog.lid == "2 en 3" and "vermoeden" in vog.eis  # the Wmo 2015 has no general VOG duty
    assert "verordening" in corpus.verplichting("wet-wmo-klachtenregeling").eis  # art. 3.2 is conditional
    assert corpus.verplichting("wet-jeugd-vog-solist").lid == "3"  # renumbered in 2026 (was lid 4)
    werktoedeling = corpus.verplichting("wet-besluitjeugd-werktoedeling")
    assert "aannemelijk" in werktoedeling.eis and "SKJ" not in werktoedeling.eis  # the law names no SKJ
    assert "IGJ" not in corpus.verplichting("wet-jeugd-calamiteiten-geweld").eis  # not in the law's text


def test_validation_names_file_and_line_of_a_quote_that_is_not_verbatim(mini_corpus: Path) -> None:
    """On the minicorpus (its wettelijk.yaml: two laws and three duties copied from data/)."""
    pad = mini_corpus / "wettelijk.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("die in ieder geval veilig, doeltreffend,", "die in ieder geval veilig, effectief,", 1),
                   encoding="utf-8")
    meldingen = [str(b) for b in inkoopkader.validate_corpus(mini_corpus)]
    regel = next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
                 if r.startswith("  - id: wet-jeugd-verantwoorde-hulp"))
    assert any("wettelijk.yaml:" in m and "wet-jeugd-verantwoorde-hulp: citaat staat niet letterlijk in bronnen/wetten/jeugdwet.txt" in m
               and int(m.split("wettelijk.yaml:")[1].split(":")[0]) > regel for m in meldingen), meldingen

    pad.write_text(tekst.replace("dekt: [pe-registratie-jeugd]", "dekt: [pe-registratie-jeugdd]")
                   .replace("wet: besluit-jeugdwet", "wet: besluit-jeugwdet"), encoding="utf-8")
    meldingen = [str(b) for b in inkoopkader.validate_corpus(mini_corpus)]
    assert any("onbekende wet 'besluit-jeugwdet'; bedoelt u 'besluit-jeugdwet'?" in m for m in meldingen), meldingen
    pad.write_text(tekst.replace("dekt: [pe-registratie-jeugd]", "dekt: [pe-registratie-jeugdd]"), encoding="utf-8")
    meldingen = [str(b) for b in inkoopkader.validate_corpus(mini_corpus)]
    assert any("dekt onbekend criterium of personeelseis 'pe-registratie-jeugdd'; bedoelt u 'pe-registratie-jeugd'?" in m
               for m in meldingen), meldingen

    pad.write_text(tekst, encoding="utf-8")
    wet = mini_corpus / "bronnen" / "wetten" / "jeugdwet.txt"
    wet.write_text(wet.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    meldingen = [str(b) for b in inkoopkader.validate_corpus(mini_corpus)]
    assert any("sha256 van bronnen/wetten/jeugdwet.txt klopt niet" in m for m in meldingen), meldingen


# --- the chapter in composed documents ---------------------------------------------------------------------

_GRONDSLAG = re.compile(r"^wet-[a-z0-9-]+ · (Wmo 2015|Jeugdwet|Besluit Jeugdwet|Besluit verplichte meldcode|Wmcz 2018|AVG), "
                        r"art\. [0-9.]+")


@pytest.mark.parametrize("segment", ["wmo-1a", "jeugdhulp-4"])
def test_done_when_the_chapter_names_law_and_article_for_each_duty(corpus, segment) -> None:
    """Issue 11: VOG, meldcode, calamiteiten, klachten and medezeggenschap items, each naming law and article."""
    doc = compose(corpus, select(corpus, segment))
    assert doc.secties[1].id == "wettelijk" and doc.secties[1].titel == "Wettelijke verplichtingen"
    eisen = [e for e in doc.eisen if e.anker and e.anker.startswith("wet-")]
    for onderwerp in ("vog", "meldcode", "calamiteiten", "klachten", "medezeggenschap"):
        assert any(onderwerp in e.anker for e in eisen), (segment, onderwerp)
    for eis in eisen:
        assert _GRONDSLAG.match(eis.bron), eis.bron
        assert eis.citaat and eis.bewijs and eis.rol.is_eis
    tekst = doc.render("md").decode()
    assert "*Wettekst:* “" in tekst
    assert ("Wmo 2015, art. 3.5, lid 2 en 3" if segment == "wmo-1a" else "Jeugdwet, art. 4.1.6, lid 1 en 2") in tekst
    rijen = {r.id: r for r in doc.traceerbaarheid if r.kader == "wet"}
    assert set(rijen) == {e.anker for e in eisen}
    for rij in rijen.values():
        eis = next(e for e in eisen if e.anker == rij.id)
        assert rij.nummer == eis.nummer and rij.tekst_bron == eis.citaat
        assert rij.bronregel.startswith(eis.bron.split(" · ")[1]) and "(http" in rij.bronregel


def test_the_chapter_follows_the_domain_and_the_procedure(corpus) -> None:
    jeugd = {a for a, _, _ in compose(corpus, select(corpus, "jeugdhulp-1")).ankers() if a.startswith("wet-")}
    wmo = {a for a, _, _ in compose(corpus, select(corpus, "wmo-2")).ankers() if a.startswith("wet-")}
    sociaal = compose(corpus, select(corpus, "sociaal-werk"))
    assert "wet-jeugd-vog" in jeugd and not any(a.startswith("wet-wmo") for a in jeugd)
    assert "wet-wmo-vog" in wmo and not any(a.startswith("wet-jeugd") for a in wmo)
    assert "artikel 1.1.1 Wmo 2015" in sociaal.render("md").decode()  # only where the organisation is an aanbieder

    for procedure, groepen, woord in ((Procedure.OPEN_HOUSE, ["Toelatingseisen", "Contractvoorwaarden"], "Opdrachtnemer"),
                                      (Procedure.SUBSIDIE, ["Subsidievoorwaarden", "Verplichtingen van de subsidieontvanger"],
                                       "subsidieontvanger")):
        doc = compose(corpus, select(corpus, "jeugdhulp-4", procedure=procedure))
        sectie = next(s for s in doc.secties if s.id == "wettelijk")
        assert [s.titel for s in sectie.subsecties] == groepen
        teksten = [b.tekst for b in sectie.walk() if getattr(b, "anker", None)]
        assert all(woord.lower() in t.lower() for t in teksten if "Opdrachtnemer" in t or "subsidieontvanger" in t)
        if procedure is Procedure.SUBSIDIE:
            assert not any("Opdrachtnemer" in t for t in teksten)
    meldplicht = next(e for e in compose(corpus, select(corpus, "jeugdhulp-4")).eisen if e.anker == "wet-jeugd-meldplicht")
    # a provider that has yet to start reports before it starts: a duty during the contract, not at the bid
    assert meldplicht.rol is Rol.UITVOERINGSVOORWAARDE and meldplicht.nummer.startswith("U")
    assert "vóór de start" in meldplicht.tekst


def test_a_duty_is_printed_once_and_without_the_chapter_the_criteria_return(corpus) -> None:
    met = compose(corpus, select(corpus, "jeugdhulp-1"))
    ankers = [a for a, _, _ in met.ankers()]
    assert "wet-jeugd-vog" in ankers and not {"jzp-50", "vsm-26", "jzp-51", "jzp-43", "jzp-44"} & set(ankers)
    assert len(ankers) == len(set(ankers))
    zonder = compose(corpus, select(corpus, "jeugdhulp-1"), wettelijk=False)
    ankers = [a for a, _, _ in zonder.ankers()]
    assert not any(a.startswith("wet-") for a in ankers) and {"jzp-50", "vsm-26", "jzp-51"} <= set(ankers)
    assert not any(s.id == "wettelijk" for s in zonder.secties)
    # picked explicitly, a covered criterion is printed next to the duty
    assert not any(a.startswith("wet-") for a, _, _ in compose(corpus, select(corpus, "jeugdhulp-1", ids=["vsm-26"])).ankers())
    gekozen = compose(corpus, select(corpus, "jeugdhulp-1", ids=["vsm-26"]), wettelijk=True)
    assert {"vsm-26", "wet-jeugd-vog"} <= {a for a, _, _ in gekozen.ankers()}
    # without source notes, the law's text is left out too (a shorter document); the basis stays
    kort = compose(corpus, select(corpus, "wmo-1a"), met_toelichting=False)
    assert all(e.citaat is None and "art." in e.bron for e in kort.eisen if (e.anker or "").startswith("wet-"))
    with pytest.raises(inkoopkader.InkoopkaderError, match="wettelijk moet True, False of None"):
        compose(corpus, select(corpus, "wmo-1a"), wettelijk="nee")


def test_word_document_anchors_each_duty(corpus, tmp_path: Path) -> None:
    from docx import Document

    pad = compose(corpus, select(corpus, "wmo-1a")).save(tmp_path / "wmo.docx")
    document = Document(str(pad))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    namen = {b.get(f"{w}name") for b in document.element.body.iter(f"{w}bookmarkStart")}
    assert {"ik_wet_wmo_vog", "ik_wet_wmo_meldcode", "ik_wet_meldcode_inhoud"} <= namen
    teksten = [p.text for p in document.paragraphs]
    assert any(t.endswith("Wettelijke verplichtingen") for t in teksten)
    assert any(t.startswith("Wettekst: “1 De aanbieder draagt er zorg voor") for t in teksten)


# --- check ---------------------------------------------------------------------------------------------------


def test_check_finds_the_duties_in_a_composed_document(corpus, tmp_path: Path) -> None:
    pad = compose(corpus, select(corpus, "jeugdhulp-4", procedure=Procedure.OPEN_HOUSE)).save(tmp_path / "jh4.docx")
    rapport = check(pad, corpus, strikt=True)  # against the record: the duties it printed, in their roles
    wet = [r for r in rapport.resultaten if r.criterium.id.startswith("wet-")]
    assert len(wet) == len(verplichtingen_voor(corpus, "Jeugdhulp"))
    assert all(r.status.value == "gedekt" and r.herkomst is Herkomst.WETTELIJK for r in wet)
    assert {r.rol for r in wet} == {Rol.MINIMUMEIS, Rol.UITVOERINGSVOORWAARDE}
    assert rapport.geslaagd, rapport.redenen_afgekeurd

    tekst = compose(corpus, select(corpus, "wmo-1a"), wettelijk=False).render("md").decode()
    rapport = check(tekst, corpus, segment="wmo-1a", tekst=True, wettelijk=True, vereist=["wet-wmo-meldcode"])
    assert not rapport.geslaagd and "wet-wmo-meldcode" in rapport.redenen_afgekeurd[0]


def test_check_recognises_duties_in_a_hand_written_draft(corpus) -> None:
    concept = (
        "# Kwaliteitseisen\n\n"
        "De aanbieder heeft een meldcode vastgesteld waarin stapsgewijs is aangegeven hoe met signalen van "
        "huiselijk geweld of kindermishandeling wordt omgegaan, en bevordert de kennis en het gebruik daarvan.\n\n"
        "De aanbieder meldt iedere calamiteit en elk geval van geweld bij de verstrekking van een voorziening "
        "onverwijld bij de toezichthoudende ambtenaar.\n\n"
        "## Tarieven\n\nDe tarieven worden jaarlijks geïndexeerd.\n"
    )
    rapport = check(concept, corpus, segment="wmo-1a", tekst=True, wettelijk=True)
    status = {r.criterium.id: r.status.value for r in rapport.resultaten if r.criterium.id.startswith("wet-")}
    assert status["wet-wmo-meldcode"] in ("gedekt", "gewijzigd")
    assert status["wet-wmo-calamiteiten-geweld"] in ("gedekt", "gewijzigd")
    assert status["wet-avg-verwerkersovereenkomst"] == "ontbreekt"
    assert not any(r.criterium.id.startswith("wet-") for r in check(concept, corpus, segment="wmo-1a", tekst=True).resultaten)
    with pytest.raises(OnbekendeWaarde, match="wet-wmo-meldcode"):
        check(concept, corpus, segment="wmo-1a", tekst=True, vereist=["wet-wmo-meldcod"])


# --- CLI and profile -----------------------------------------------------------------------------------------


def test_cli_compose_without_the_chapter_and_the_profile_key(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from inkoopkader.cli import app

    runner = CliRunner()
    met = runner.invoke(app, ["compose", "-s", "wmo-1a", "-f", "md", "-o", "-"])
    zonder = runner.invoke(app, ["compose", "-s", "wmo-1a", "-f", "md", "-o", "-", "--zonder-wettelijk"])
    assert met.exit_code == 0 and zonder.exit_code == 0
    assert "Wettelijke verplichtingen" in met.output and "Wettelijke verplichtingen" not in zonder.output

    profiel = tmp_path / "wmo.yaml"
    assert runner.invoke(app, ["init", "-s", "wmo-1a", "-o", str(profiel)]).exit_code == 0
    tekst = profiel.read_text(encoding="utf-8")
    assert "\nwettelijk: ja  #" in tekst and "schema_version: 2" in tekst
    profiel.write_text(tekst.replace("\nwettelijk: ja", "\nwettelijk: nee"), encoding="utf-8")
    result = runner.invoke(app, ["compose", "-p", str(profiel), "-f", "md", "-o", "-"])
    assert result.exit_code == 0 and "Wettelijke verplichtingen" not in result.output
    profiel.write_text(tekst.replace("\nwettelijk: ja", "\nwettelijk: misschien"), encoding="utf-8")
    result = runner.invoke(app, ["compose", "-p", str(profiel), "-f", "md", "-o", "-"])
    regel = next(i for i, r in enumerate(tekst.splitlines(), 1) if r.startswith("wettelijk:"))
    assert result.exit_code == 2 and f"wmo.yaml:{regel}" in result.output and "wettelijk: 'misschien'" in result.output
    # an older profile without the key keeps the chapter
    profiel.write_text("\n".join(r for r in tekst.splitlines() if not r.startswith("wettelijk:")) + "\n", encoding="utf-8")
    assert inkoopkader.load_profile(inkoopkader.load_corpus(), profiel).compose_kwargs()["wettelijk"] is None
    result = runner.invoke(app, ["compose", "-p", str(profiel), "-f", "md", "-o", "-"])
    assert result.exit_code == 0 and "Wettelijke verplichtingen" in result.output
    # --id leaves the chapter out unless --wettelijk asks for it
    ids = runner.invoke(app, ["compose", "-s", "wmo-1a", "--id", "bwmo-04", "-f", "md", "-o", "-"])
    erbij = runner.invoke(app, ["compose", "-s", "wmo-1a", "--id", "bwmo-04", "--wettelijk", "-f", "md", "-o", "-"])
    assert "Wettelijke verplichtingen" not in ids.output and "Wettelijke verplichtingen" in erbij.output


def test_the_gecertificeerde_instelling_gets_the_duties_that_apply_to_it(corpus) -> None:
    """jeugdhulp-6 (gecertificeerde instellingen): no meldplicht or solist-VOG (the law puts those on
    jeugdhulpaanbieders), and the VOG, calamiteiten and verslag worded for its tasks."""
    doc = compose(corpus, select(corpus, "jeugdhulp-6"))
    eisen = {e.anker: e.tekst for e in doc.eisen}
    assert "wet-jeugd-meldplicht" not in eisen and "wet-jeugd-vog-solist" not in eisen
    for vid in ("wet-jeugd-vog", "wet-jeugd-calamiteiten-geweld"):
        assert "kinderbeschermingsmaatregel of jeugdreclassering" in eisen[vid] and "jeugdhulp" not in eisen[vid], vid
    assert "uitvoering van zijn taken" in eisen["wet-jeugd-kwaliteitsverslag"]
    # a jeugdhulp segment keeps them, in the jeugdhulp wording
    eisen4 = {e.anker: e.tekst for e in compose(corpus, select(corpus, "jeugdhulp-4")).eisen}
    assert "wet-jeugd-meldplicht" in eisen4 and "kinderbeschermingsmaatregel" not in eisen4["wet-jeugd-vog"]
    # check looks for the wording the document has
    rapport = check(doc.render("md").decode(), corpus, tekst=True, segment="jeugdhulp-6", wettelijk=True)
    gevonden = {r.criterium.id: r.status.value for r in rapport.resultaten}
    assert gevonden["wet-jeugd-vog"] == "gedekt" and "wet-jeugd-meldplicht" not in gevonden


def test_validation_refuses_a_quote_cut_inside_a_lid_without_a_mark(mini_corpus: Path) -> None:
    """`validate` (the library, not only this test file) checks each quote against its own article: a quote
    that stops inside a lid without '…' is reported with file, line and what follows in the law."""
    pad = mini_corpus / "wettelijk.yaml"
    tekst = pad.read_text(encoding="utf-8")
    zin = (" In afwijking van het eerste lid belast de jeugdhulpaanbieder, de\n      gecertificeerde instelling of het "
           "college anderen met die taken, indien dit noodzakelijk is voor de kwaliteit\n      van uit te voeren taak.")
    assert zin in tekst
    pad.write_text(tekst.replace(zin, "", 1), encoding="utf-8")
    meldingen = [str(b) for b in inkoopkader.validate_corpus(mini_corpus)]
    assert any("wet-besluitjeugd-werktoedeling: citaat uit bronnen/wetten/besluit-jeugdwet.txt (artikel 5.1.1) is "
               "ingekort: het stopt midden in een lid zonder '…'" in m for m in meldingen), meldingen
    pad.write_text(tekst.replace(zin, " …", 1), encoding="utf-8")  # marked: accepted
    assert not any("ingekort" in str(b) for b in inkoopkader.validate_corpus(mini_corpus))
