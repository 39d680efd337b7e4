"""Exports for tender platforms (issue 16): the xlsx questionnaire and the award criteria as OCDS/eForms."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from typer.testing import CliRunner

import inkoopkader
from inkoopkader import InkoopkaderError, Procedure
from inkoopkader.cli import app
from inkoopkader.compose import GunningInstelling, compose
from inkoopkader.document import Eis, Vraag
from inkoopkader.render.ocds import BESCHRIJVING_MAX, SCHEMA, GeenGunningscriteria
from inkoopkader.render.spreadsheet import TRACE_KOLOMMEN
from inkoopkader.render.xlsx import MAX_CEL, VRAAG_KOLOMMEN, vragenlijst
from inkoopkader.select import select

ROOT = Path(__file__).resolve().parent.parent
KOPPEN = [kop for kop, _, _ in VRAAG_KOLOMMEN]


@pytest.fixture(scope="module")
def wmo(corpus):
    return compose(corpus, select(corpus, "wmo-1a"), gemeente="Gemeente Voorbeeld", kenmerk="2027-014")


@pytest.fixture(scope="module")
def wmo_prijs(corpus):
    return compose(corpus, select(corpus, "wmo-1a"), gunning=GunningInstelling(prijs=30))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def werkmap(data: bytes):
    return load_workbook(io.BytesIO(data))


def vervang_blok(doc, nummer: str, wijzig):
    """The document with the Eis or Vraag numbered `nummer` replaced by wijzig(blok), everywhere it occurs."""
    def sectie(s):
        blokken = tuple(wijzig(b) if isinstance(b, (Eis, Vraag)) and b.nummer == nummer else b for b in s.blokken)
        return replace(s, blokken=blokken, subsecties=tuple(sectie(sub) for sub in s.subsecties))

    gunning = doc.gunning
    if gunning is not None:
        gunning = replace(gunning, vragen=tuple(wijzig(v) if v.nummer == nummer else v for v in gunning.vragen))
    return replace(doc, secties=tuple(sectie(s) for s in doc.secties), gunning=gunning)


def eerste_minimumeis(doc) -> str:
    """The number of the first minimumeis from a criterion (the statutory duties come before it, also as M…)."""
    return next(r.nummer for r in vragenlijst(doc) if r.vragengroep == "Minimumeisen")


def word_wegingen(doc) -> dict[str, int]:
    """The table 'Nr. | Gunningscriterium | Weging' as the Word document prints it."""
    word = WordDocument(io.BytesIO(doc.render("docx")))
    for tabel in word.tables:
        rijen = [[c.text.strip() for c in rij.cells] for rij in tabel.rows]
        if rijen and rijen[0] == ["Nr.", "Gunningscriterium", "Weging"]:
            return {r[0] or r[1]: int(r[2].rstrip("%")) for r in rijen[1:]}
    raise AssertionError("geen wegingstabel in het Word-document")


# --- the questionnaire ---------------------------------------------------------------------------------------


def test_the_kader_column_names_statutory_and_staff_rows_as_the_traceability_does(corpus, wmo) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"), personeel=True)
    per_id = {r.id: r.kader for r in doc.traceerbaarheid}
    rijen = vragenlijst(doc)
    assert all(r.kader for r in rijen), [r.nummer for r in rijen if not r.kader]
    wet = [r for r in rijen if r.criteria.startswith("wet-")]
    personeel = [r for r in rijen if r.criteria.startswith("pe-")]
    assert wet and personeel
    assert {r.kader for r in wet} == {"wet"} and {r.kader for r in personeel} == {"personeel"}
    for r in rijen:  # the same names as the Traceerbaarheid sheet, numbers first
        namen = {per_id[i] for i in r.criteria.split(", ") if i in per_id}
        assert not namen or set(r.kader.split(", ")) == namen, r.nummer  # no IDs: a kader as a whole
    blad = werkmap(doc.render("xlsx"))["Vragenlijst"]
    kolom = [c.value for c in blad[1]].index("Kader")
    assert {rij[kolom].value for rij in blad.iter_rows(min_row=2)} >= {"wet", "personeel", "1"}


def test_questionnaire_has_one_row_per_eis_and_vraag_in_document_order(wmo) -> None:
    rijen = vragenlijst(wmo)
    assert [r.nummer for r in rijen] == [b.nummer for b in wmo.blokken() if isinstance(b, (Eis, Vraag))]
    per_nummer = {r.nummer: r for r in rijen}
    wet, m1, k1 = per_nummer["M1"], per_nummer[eerste_minimumeis(wmo)], per_nummer["K1"]
    assert (wet.vragengroep, wet.knock_out, wet.rol) == ("Wettelijke verplichtingen › Minimumeisen", True, "Minimumeis")
    assert wet.criteria.startswith("wet-") and "\n\nWettekst: “" in wet.vraagtekst
    assert (m1.vragengroep, m1.vraagtype, m1.knock_out, m1.gewicht, m1.max_tekens) == ("Minimumeisen", "ja/nee", True,
                                                                                       None, None)
    assert m1.criteria == "bwmo-30" and m1.kader == "1" and m1.rol == "Minimumeis"
    assert "vóór gunning" in m1.bewijsmiddel and "**" not in m1.vraagtitel + m1.vraagtekst
    vraag = next(v for v in wmo.vragen if v.nummer == "K1")
    assert (k1.vragengroep, k1.vraagtitel, k1.vraagtype, k1.knock_out) == (
        "Gunningscriteria en beoordeling", vraag.titel, "open", False)
    assert (k1.gewicht, k1.max_tekens) == (vraag.weging, vraag.tekens)
    assert k1.criteria.split(", ") == [a.anker for a in vraag.aspecten]
    assert k1.vraagtekst.startswith(vraag.vraag) and "\n\nBeoordelingsaspecten:\n1. " in k1.vraagtekst
    assert f"\n{len(vraag.aspecten)}. " in k1.vraagtekst and "NB: Ook in de nachtopvang" in k1.vraagtekst
    uitvoering = [r for r in rijen if r.nummer.startswith("U")]
    assert all(not r.knock_out and r.vraagtype == "ja/nee" for r in uitvoering)
    assert any(r.vragengroep == "Uitvoeringsvoorwaarden › Toepasselijke kwaliteitskaders" for r in uitvoering)


def test_plan_items_of_open_house_are_attachments_and_knock_out(corpus) -> None:
    doc = compose(corpus, select(corpus, "jeugdhulp-4", procedure=Procedure.OPEN_HOUSE))
    rijen = vragenlijst(doc)
    plan = [r for r in rijen if r.nummer.startswith("P")]
    assert plan and all(r.vraagtype == "bijlage" and r.knock_out and r.gewicht is None and r.max_tekens for r in plan)
    assert {r.vragengroep for r in plan} == {"Plan van aanpak"}
    toelating = [r for r in rijen if r.nummer.startswith("T")]
    assert toelating and all(r.knock_out and r.rol == "Toelatingseis" for r in toelating)
    assert all(r.rol == "Contractvoorwaarde" or r.rol == "Toepasselijk kwaliteitskader"
               for r in rijen if r.nummer.startswith("C"))


def test_xlsx_opens_in_openpyxl_with_the_documented_columns(wmo) -> None:
    wb = werkmap(inkoopkader.render(wmo, "xlsx"))
    assert wb.sheetnames == ["Vragenlijst", "Traceerbaarheid", "Document"]
    ws = wb["Vragenlijst"]
    assert [c.value for c in ws[1]] == KOPPEN
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == ws.dimensions
    assert all(ws.column_dimensions[c.column_letter].width >= 9 for c in ws[1])
    rijen = vragenlijst(wmo)
    assert ws.max_row == len(rijen) + 1
    velden = [veld for _, veld, _ in VRAAG_KOLOMMEN]
    for rij, verwacht in zip(ws.iter_rows(min_row=2), rijen, strict=True):
        waarden = {veld: cel.value for veld, cel in zip(velden, rij, strict=True)}
        assert waarden["nummer"] == verwacht.nummer and waarden["vraagtekst"] == verwacht.vraagtekst
        assert waarden["knock_out"] == ("ja" if verwacht.knock_out else "nee")
        assert all(c.alignment.wrap_text for c in rij)
    tr = wb["Traceerbaarheid"]
    assert [c.value for c in tr[1]] == [kop for kop, _ in TRACE_KOLOMMEN]
    assert tr.max_row == len(wmo.traceerbaarheid) + 1 and tr.freeze_panes == "A2"
    meta = {r[0].value: r[1].value for r in wb["Document"].iter_rows(min_row=2)}
    assert meta["Segment"].startswith("wmo-1a – ") and meta["Procedure"] == "Aanbesteding"
    assert meta["Corpusversie"] == wmo.meta.corpus_naam and meta["Kenmerk"] == "2027-014"
    assert meta["Datum"].date() == wmo.meta.datum and meta["Ondergrens per vraag"] == "6 (Voldoende)"
    assert meta["Weging prijs (%)"] == 0 and meta["Weging kwaliteit (%)"] == 100


@pytest.mark.parametrize("prijs", [0, 30])
def test_weights_in_the_questionnaire_equal_those_in_the_word_document(corpus, prijs) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a"), gunning=GunningInstelling(prijs=prijs))
    ws = werkmap(doc.render("xlsx"))["Vragenlijst"]
    kolom = {kop: i for i, kop in enumerate(KOPPEN)}
    gewichten = {r[kolom["Nummer"]]: r[kolom["Gewicht (%)"]] for r in ws.iter_rows(min_row=2, values_only=True)
                 if r[kolom["Gewicht (%)"]] is not None}
    word = word_wegingen(doc)
    assert gewichten == {k: v for k, v in word.items() if k.startswith("K")} and len(gewichten) == len(doc.vragen)
    assert word["Totaal"] == 100 and sum(gewichten.values()) == 100 - prijs
    assert word.get("Prijs", 0) == prijs


def test_text_that_looks_like_a_formula_is_written_as_text(wmo) -> None:
    nummer = eerste_minimumeis(wmo)
    doc = vervang_blok(wmo, nummer, lambda e: replace(e, tekst="=1+1", bewijs="@SOM(A1)"))
    doc = vervang_blok(doc, "K2", lambda v: replace(v, titel="+31 vakmanschap", vraag="-2 beschrijf"))
    doc = replace(doc, traceerbaarheid=(replace(doc.traceerbaarheid[0], tekst_document="=2+3"),
                                        *doc.traceerbaarheid[1:]), meta=replace(doc.meta, titel="=HYPERLINK(\"x\")"))
    wb = werkmap(doc.render("xlsx"))
    cellen = [c for ws in wb for rij in ws.iter_rows() for c in rij if isinstance(c.value, str)
              and c.value[:1] in "=+-@"]
    waarden = {c.value for c in cellen}
    assert {"=1+1", "@SOM(A1)", "+31 vakmanschap", "=2+3", "=HYPERLINK(\"x\")"} <= waarden
    assert any(v.startswith("-2 beschrijf") for v in waarden)
    assert all(c.data_type == "s" and c.quotePrefix for c in cellen)
    with zipfile.ZipFile(io.BytesIO(doc.render("xlsx"))) as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    rij = next(r for r in vragenlijst(doc) if r.nummer == nummer)
    assert (rij.vraagtitel, rij.vraagtekst) == ("=1+1", "=1+1")  # unchanged text, only the cell type protects it


def test_a_cell_longer_than_excel_allows_is_refused_not_cut(wmo) -> None:
    doc = vervang_blok(wmo, "M2", lambda e: replace(e, tekst="woord " * (MAX_CEL // 5)))
    with pytest.raises(InkoopkaderError, match=r"Vragenlijst.*Vraagtekst.*32\.767"):
        doc.render("xlsx")


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.fail("LibreOffice (soffice) is niet geïnstalleerd; CI installeert libreoffice-calc-nogui.")
    return exe


@pytest.mark.slow
def test_xlsx_opens_in_libreoffice_calc(wmo, tmp_path: Path) -> None:
    """LibreOffice Calc converts every sheet to CSV: the columns and texts survive, '=' is not computed."""
    nummer = eerste_minimumeis(wmo)
    doc = vervang_blok(wmo, nummer, lambda e: replace(e, tekst="=1+1"))
    bron = tmp_path / "vragenlijst.xlsx"
    doc.save(bron)
    profiel = tmp_path / "lo-profiel"
    # Filter options: ',' separator, '"' quotes, UTF-8 (76), …, sheet -1 = every sheet to its own file.
    filter_opties = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    completed = subprocess.run(
        [soffice(), f"-env:UserInstallation={profiel.as_uri()}", "--headless", "--convert-to", filter_opties,
         "--outdir", str(tmp_path), str(bron)], check=False, capture_output=True, text=True, timeout=180)
    bladen = {}
    for naam in ("Vragenlijst", "Traceerbaarheid", "Document"):
        pad = tmp_path / f"vragenlijst-{naam}.csv"
        assert pad.exists(), f"LibreOffice Calc maakte geen CSV van {naam} (libreoffice-calc-nogui?): " \
                             f"{completed.stdout}\n{completed.stderr}"
        bladen[naam] = list(csv.reader(io.StringIO(pad.read_text(encoding="utf-8"))))
    vragen = bladen["Vragenlijst"]
    assert vragen[0] == KOPPEN
    rijen = vragenlijst(doc)
    assert [r[1] for r in vragen[1:]] == [r.nummer for r in rijen]
    assert [r[3] for r in vragen[1:]] == [r.vraagtekst for r in rijen]  # multi-line texts intact
    m1 = next(r for r in vragen[1:] if r[1] == nummer)
    assert m1[2] == m1[3] == "=1+1"  # text, not the computed 2
    gewichten = {r[1]: int(r[6]) for r in vragen[1:] if r[6]}
    assert gewichten == {v.nummer: v.weging for v in doc.vragen}
    assert bladen["Traceerbaarheid"][0] == [kop for kop, _ in TRACE_KOLOMMEN]
    assert len(bladen["Traceerbaarheid"]) == len(doc.traceerbaarheid) + 1
    assert ["Procedure", "Aanbesteding"] in bladen["Document"]


# --- OCDS / eForms -------------------------------------------------------------------------------------------


def criteria(data: dict) -> list[dict]:
    (lot,) = data["tender"]["lots"]
    return lot["awardCriteria"]["criteria"]


def test_ocds_validates_and_holds_the_weights_of_the_document(wmo, validator) -> None:
    data = json.loads(inkoopkader.render(wmo, "ocds"))
    validator.validate(data)
    tender = data["tender"]
    assert tender["id"] == "2027-014" and tender["awardCriteria"] == "qualityOnly"
    assert tender["lots"][0]["id"] == "LOT-0001" and tender["awardCriteriaDetails"].startswith("Opdrachtgever stelt")
    gevonden = criteria(data)
    assert [c["name"] for c in gevonden] == [f"{v.nummer} – {v.titel}" for v in wmo.vragen]
    assert {c["type"] for c in gevonden} == {"quality"}
    assert [c["numbers"] for c in gevonden] == [
        [{"number": v.weging, "weight": "percentageExact"}, {"number": 6, "threshold": "minimumScore"}]
        for v in wmo.vragen]
    assert sum(c["numbers"][0]["number"] for c in gevonden) == 100
    k1 = gevonden[0]["description"]
    assert k1.startswith(wmo.vragen[0].vraag) and "Beoordelingsaspecten:" in k1 and "**" not in k1
    assert len(k1) <= BESCHRIJVING_MAX


def test_ocds_adds_the_price_with_its_weight(wmo_prijs, validator) -> None:
    data = json.loads(wmo_prijs.render("ocds"))
    validator.validate(data)
    assert data["tender"]["awardCriteria"] == "ratedCriteria"
    *kwaliteit, prijs = criteria(data)
    assert prijs["type"] == "price" and prijs["numbers"] == [{"number": 30, "weight": "percentageExact"}]
    assert "De prijs weegt 30%" in prijs["description"]
    assert sum(c["numbers"][0]["number"] for c in kwaliteit) == 70
    assert {c["name"][:2]: c["numbers"][0]["number"] for c in kwaliteit} == {
        k: v for k, v in word_wegingen(wmo_prijs).items() if k.startswith("K")}


def test_ocds_without_threshold_has_only_weights(corpus, validator) -> None:
    doc = compose(corpus, select(corpus, "jeugdhulp-1"), gunning=GunningInstelling(ondergrens=None))
    data = json.loads(doc.render("ocds"))
    validator.validate(data)
    assert all(c["numbers"] == [{"number": c["numbers"][0]["number"], "weight": "percentageExact"}]
               for c in criteria(data))


def test_a_long_question_is_shortened_at_an_aspect_to_fit_bt_540(wmo, validator) -> None:
    def lang(v):
        aspecten = tuple(replace(a, tekst=f"Aspect {i}: " + "zeer uitgebreide toelichting " * 12)
                         for i, a in enumerate(v.aspecten * 2, start=1))
        return replace(v, aspecten=aspecten)

    doc = vervang_blok(wmo, "K1", lang)
    data = json.loads(doc.render("ocds"))
    validator.validate(data)
    k1 = criteria(data)[0]["description"]
    assert len(k1) <= BESCHRIJVING_MAX
    aantal = len(doc.vragen[0].aspecten)
    getoond = len(re.findall(r"^\d+\. Aspect", k1, re.MULTILINE))
    assert 0 < getoond < aantal
    assert k1.endswith(f"… en nog {aantal - getoond} beoordelingsaspecten: zie vraag K1 in de aanbestedingsstukken.")


def test_the_schema_rejects_what_eforms_would_reject(wmo, validator) -> None:
    goed = json.loads(wmo.render("ocds"))
    fouten = []
    for wijzig in (
        lambda c: c.update(type="kwaliteit"),  # BT-539 code list
        lambda c: c.update(name="x" * 401),  # BT-734 maximum length
        lambda c: c.pop("description"),  # BT-540 is mandatory in a contract notice
        lambda c: c["numbers"][0].update(threshold="minimumScore"),  # one kind of number per BT-541
        lambda c: c["numbers"][0].update(weight="per-exa"),  # the OCDS code, not the eForms code
    ):
        data = json.loads(json.dumps(goed))
        wijzig(criteria(data)[0])
        fouten.append(not validator.is_valid(data))
    data = json.loads(json.dumps(goed))
    data["tender"]["lots"][0]["id"] = "perceel 1"
    fouten.append(not validator.is_valid(data))
    assert all(fouten), fouten


@pytest.mark.parametrize("procedure", [Procedure.OPEN_HOUSE, Procedure.SUBSIDIE])
def test_ocds_is_refused_without_award_criteria(corpus, procedure, tmp_path) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a", procedure=procedure))
    with pytest.raises(GeenGunningscriteria, match=f"procedure '{procedure.value}' heeft die niet"):
        doc.render("ocds")
    with pytest.raises(InkoopkaderError):
        doc.save(tmp_path / "x.ocds.json")
    assert not any(tmp_path.iterdir())  # nothing half-written
    assert doc.render("xlsx")  # the questionnaire works for every procedure


def test_ocds_is_refused_for_an_aanbesteding_without_award_questions(corpus) -> None:
    doc = compose(corpus, select(corpus, "wmo-1a", ids=["bwmo-30", "bwmo-32"]))
    assert doc.gunning is None
    with pytest.raises(GeenGunningscriteria, match="geen gunningsvragen"):
        doc.render("ocds")


def test_every_segment_and_procedure_exports(corpus, validator) -> None:
    """Every segment × procedure (with staff requirements): questionnaire rows in document order, and
    for an aanbesteding award criteria that validate and add up to 100%."""
    for segment in corpus.segmenten:
        for procedure in Procedure:
            doc = compose(corpus, select(corpus, segment.id, procedure=procedure), personeel=True)
            rijen = vragenlijst(doc)
            assert [r.nummer for r in rijen] == [b.nummer for b in doc.blokken() if isinstance(b, (Eis, Vraag))]
            assert all(r.vraagtekst and r.vraagtitel and r.vragengroep for r in rijen), (segment.id, procedure)
            if procedure is Procedure.AANBESTEDING:
                data = json.loads(doc.render("ocds"))
                validator.validate(data)
                assert sum(c["numbers"][0]["number"] for c in criteria(data)) == 100, segment.id


# --- library and command line --------------------------------------------------------------------------------


def test_save_chooses_the_format_by_suffix(wmo, tmp_path: Path) -> None:
    assert zipfile.is_zipfile(wmo.save(tmp_path / "vragenlijst.xlsx"))
    assert "tender" in json.loads(wmo.save(tmp_path / "gunning.ocds.json").read_text(encoding="utf-8"))
    assert "secties" in json.loads(wmo.save(tmp_path / "model.json").read_text(encoding="utf-8"))


def test_cli_writes_xlsx_and_ocds_and_refuses_what_it_cannot(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (["-f", "xlsx"], ["-f", "ocds", "--prijs", "20"]):
        result = runner.invoke(app, ["compose", "-s", "wmo-1a", *args])
        assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.iterdir()} == {"kwaliteitscriteria-wmo-1a.xlsx",
                                                    "kwaliteitscriteria-wmo-1a.ocds.json"}
    assert load_workbook(tmp_path / "kwaliteitscriteria-wmo-1a.xlsx").sheetnames[0] == "Vragenlijst"
    data = json.loads((tmp_path / "kwaliteitscriteria-wmo-1a.ocds.json").read_text(encoding="utf-8"))
    assert criteria(data)[-1]["numbers"] == [{"number": 20, "weight": "percentageExact"}]
    result = runner.invoke(app, ["compose", "-s", "wmo-1a", "--procedure", "open-house", "-f", "ocds"])
    assert result.exit_code == 2 and "eForms BG-707" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "kwaliteitscriteria-wmo-1a-open-house.ocds.json").exists()
    result = runner.invoke(app, ["compose", "-s", "wmo-1a", "-f", "xlsx", "-o", "-"])
    assert result.exit_code == 2 and "Excel-bestand kan niet naar standaarduitvoer" in result.output
    result = runner.invoke(app, ["compose", "-s", "wmo-1a", "-f", "ocds", "-o", "-"])
    assert result.exit_code == 0 and json.loads(result.stdout)["tender"]["lots"][0]["id"] == "LOT-0001"


def test_readme_documents_the_columns_and_the_eforms_terms() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sectie = readme.split("### Exports voor aanbestedingsplatforms", 1)[1].split("\n### ", 1)[0]
    tabellen = re.findall(r"^\| ([^|]+?) \|", sectie, re.MULTILINE)
    kolommen = tabellen[tabellen.index("Kolom") + 1: tabellen.index("Kolom") + 1 + len(KOPPEN)]
    assert kolommen == KOPPEN
    for term in ("BG-707", "BG-38", "BT-539", "BT-734", "BT-540", "BT-541", "BT-5421", "BT-5423", "BT-137"):
        assert term in sectie, term


def test_save_refuses_a_format_that_does_not_fit_the_name(wmo, tmp_path) -> None:
    from inkoopkader.document import FormaatFout, formaat_bij_bestand

    for naam, formaat, past in (("x.md", "docx", "x.docx"), ("v.xls", "xlsx", "v.xlsx"), ("x.docx", "md", "x.md"),
                                ("g.csv", "ocds", "g.ocds.json")):
        with pytest.raises(FormaatFout) as fout:
            wmo.save(tmp_path / naam, formaat)
        assert f"Het formaat {formaat} past niet bij '{naam}'" in str(fout.value) and past in str(fout.value)
        assert "--" not in str(fout.value)  # the library names no flags
    with pytest.raises(FormaatFout, match="Aan de naam 'x.txt' is het formaat niet te zien"):
        wmo.save(tmp_path / "x.txt")
    assert not any(tmp_path.iterdir())  # nothing written
    assert formaat_bij_bestand("eisen.ocds.json") == "ocds" and formaat_bij_bestand("g.json", "ocds") == "ocds"
    assert formaat_bij_bestand("notities.txt", "md") == "md" and formaat_bij_bestand("eisen", "csv") == "csv"
    assert wmo.save(tmp_path / "eisen.markdown").read_bytes() == wmo.render("md")
    assert zipfile.is_zipfile(wmo.save(tmp_path / "zonder-extensie"))  # no ending: Word, as before
