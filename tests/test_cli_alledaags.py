"""Everyday use of the command line (issue 15): -o and --format agree, PDF, Dutch usage texts, no
wrapping in a pipe, and the messages a new user runs into."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inkoopkader.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "concept-bestek-wmo-1a.md"
CI_OPTIONS = ["--segment", "wmo-1a", "--alleen-specifiek", "--vereist", "bwmo-01,bwmo-32,bwmo-37"]

runner = CliRunner()


def invoke(*args: object, columns: str | None = "200"):
    """CliRunner is no terminal: this is output to a pipe. COLUMNS=None: as in a script."""
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": columns})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


# --- -o and --format ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "controle"),
    [
        ("eisen.md", lambda data: data.startswith(b"# ") or b"\n## " in data),
        ("eisen.json", lambda data: json.loads(data)["segment"]["id"] == "wmo-1a"),
        ("eisen.csv", lambda data: data.startswith("\ufeffID;".encode())),
        ("eisen.docx", lambda data: zipfile.is_zipfile(__import__("io").BytesIO(data))),
        ("eisen.ocds.json", lambda data: "tender" in json.dumps(json.loads(data))),
    ],
)
def test_format_follows_the_extension_of_o(tmp_path: Path, naam: str, controle) -> None:
    doel = tmp_path / naam
    result = invoke("compose", "-s", "wmo-1a", "-o", doel)
    assert result.exit_code == 0, result.output
    assert controle(doel.read_bytes()), naam


def test_format_and_extension_that_disagree_are_refused(tmp_path: Path) -> None:
    doel = tmp_path / "x.docx"
    result = invoke("compose", "-s", "wmo-1a", "-f", "md", "-o", doel)
    assert result.exit_code == 2
    assert "--format md past niet bij -o x.docx" in result.output and "-o x.md" in result.output
    assert not doel.exists() and list(tmp_path.iterdir()) == []
    result = invoke("compose", "-s", "wmo-1a", "-o", tmp_path / "x.txt")
    assert result.exit_code == 2 and "Aan de naam 'x.txt' is het formaat niet te zien" in result.output
    assert invoke("compose", "-s", "wmo-1a", "-f", "ocds", "-o", tmp_path / "gunning.json").exit_code == 0
    # check infers its report format the same way
    rapport = tmp_path / "rapport.json"
    assert invoke("check", EXAMPLE, *CI_OPTIONS, "-o", rapport).exit_code == 0
    assert json.loads(rapport.read_text(encoding="utf-8"))["geslaagd"] is True
    result = invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "junit", "-o", tmp_path / "r.json")
    assert result.exit_code == 2 and "past niet bij" in result.output


@pytest.mark.parametrize("naam", ["r.pdf", "r.docx", "r.html", "r.csv", "r.yaml", "rapport"])
def test_check_refuses_a_report_name_whose_extension_it_cannot_write(tmp_path: Path, monkeypatch, naam: str) -> None:
    import importlib

    def niet_aanroepen(*args, **kwargs):
        raise AssertionError("the draft should not have been checked")

    monkeypatch.setattr(importlib.import_module("inkoopkader.check"), "check", niet_aanroepen)
    result = invoke("check", EXAMPLE, *CI_OPTIONS, "-o", tmp_path / naam)
    assert result.exit_code == 2, result.output
    assert f"Een rapport kan niet naar '{naam}'" in result.output
    assert ".txt, .json, .xml" in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
    result = invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "json", "-o", tmp_path / "r.pdf")
    assert result.exit_code == 2 and "Een rapport kan niet naar 'r.pdf'" in result.output


def test_check_format_and_report_extension_must_agree(tmp_path: Path) -> None:
    result = invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "json", "-o", tmp_path / "r.xml")
    assert result.exit_code == 2 and "--format json past niet bij -o r.xml" in result.output
    assert "-o r.json" in result.output
    result = invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "github", "-o", tmp_path / "r.json")
    assert result.exit_code == 2 and "-o r.txt" in result.output
    assert invoke("check", EXAMPLE, *CI_OPTIONS, "-o", tmp_path / "r.xml").exit_code == 0
    assert (tmp_path / "r.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "github", "-o", tmp_path / "a.txt").exit_code == 0
    assert invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "json", "-o", tmp_path / "rapport").exit_code == 0
    assert json.loads((tmp_path / "rapport").read_text(encoding="utf-8"))["geslaagd"] is True


def test_pdf_without_libreoffice_names_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda *a, **k: None)
    doel = tmp_path / "eisen.pdf"
    result = invoke("compose", "-s", "wmo-1a", "-o", doel)
    assert result.exit_code == 2
    assert "LibreOffice" in result.output and "libreoffice-writer-nogui" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_pdf_is_a_real_pdf_made_by_libreoffice(tmp_path: Path) -> None:
    assert shutil.which("soffice"), "LibreOffice (soffice) is niet geïnstalleerd; CI installeert het"
    doel = tmp_path / "eisen.pdf"
    result = invoke("compose", "-s", "wmo-1a", "--gemeente", "Gemeente Voorbeeld", "-o", doel)
    assert result.exit_code == 0, result.output
    data = doel.read_bytes()
    assert data.startswith(b"%PDF-")
    assert (tmp_path / "eisen-traceerbaarheid.csv").exists()
    tekst = subprocess.run(["pdftotext", str(doel), "-"], capture_output=True, text=True, check=True).stdout
    assert "Gemeente Voorbeeld" in tekst and "Gunningscriteria en beoordeling" in tekst
    # the usual write rules: an existing file is not overwritten without --force
    result = invoke("compose", "-s", "wmo-1a", "-f", "pdf", "-o", doel)
    assert result.exit_code == 2 and "bestaat al" in result.output and doel.read_bytes() == data
    assert invoke("compose", "-s", "wmo-1a", "-f", "pdf", "-o", "-").exit_code == 2  # no PDF to a pipe


# --- Dutch all the way -----------------------------------------------------------------------------

ENGELS = re.compile(
    r"Usage|Options|Arguments|Commands|Show this message|No such|Missing|Got unexpected|Invalid value|"
    r"Did you mean|Possible options|Error:|Try '|\[default|\[required\]|env var|is not one of|is not a valid|"
    r"requires an argument|not in the range|\bTEXT\b|\bINTEGER\b|\bPATH\b|<path>|Aborted"
)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        *[[naam, "--help"] for naam in ("frameworks", "segments", "search", "compose", "init", "check", "diff",
                                        "validate", "serve")],
        ["compose", "--segmnt", "wmo-1a"],  # no such option, did you mean
        ["check"],  # missing argument
        ["frameworks", "1", "2"],  # unexpected extra argument
        ["compose", "-f", "pfd"],  # invalid choice
        ["compose", "--prijs", "200"],  # out of range
        ["search", "x", "--limiet", "veel"],  # not a number
        ["compose", "-s"],  # option without its value
        ["framework"],  # no such command, did you mean
        ["--corpus"],
    ],
)
def test_usage_help_and_usage_errors_are_dutch(args: list[str]) -> None:
    result = invoke(*args)
    tekst = result.output
    assert tekst.strip()
    assert not ENGELS.search(tekst), tekst
    if args and args[-1] != "--help":
        assert result.exit_code == 2 and ("Fout:" in tekst or "Gebruik:" in tekst)


def test_usage_error_has_dutch_did_you_mean() -> None:
    result = invoke("compose", "--segmnt", "wmo-1a")
    assert "Onbekende optie: --segmnt" in result.output and "--segment" in result.output
    assert "Gebruik: inkoopkader compose [OPTIES]" in result.output
    result = invoke("framework")
    assert "Onbekende opdracht 'framework'. Bedoelt u 'frameworks'?" in result.output


@pytest.mark.parametrize("args", [["compose", "--corpus", "nieuw", "-s", "wmo-1a"],
                                  ["compose", "-s", "wmo-1a", "--corpus=nieuw"],
                                  ["check", EXAMPLE, "--corpus", "nieuw"]])
def test_a_global_option_after_the_command_says_where_it_belongs(args: list) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    opdracht = args[0]
    assert (f"--corpus is een algemene optie van inkoopkader en hoort vóór de opdracht: inkoopkader --corpus MAP "
            f"{opdracht} …") in result.output
    assert "Mogelijke opties" not in result.output and "Traceback" not in result.output
    result = invoke("segments", "--version")
    assert result.exit_code == 2 and "Gebruik: inkoopkader --version" in result.output
    result = invoke("compose", "--bla")  # an option of no command: still the suggestions
    assert "Onbekende optie: --bla (Mogelijke opties:" in result.output


def test_console_script_puts_a_global_option_before_the_command() -> None:
    import sys

    script = shutil.which("inkoopkader", path=str(Path(sys.executable).parent)) or shutil.which("inkoopkader")
    assert script
    run = subprocess.run([script, "compose", "--corpus", "nieuw", "-s", "wmo-1a"], capture_output=True, text=True)
    assert run.returncode == 2 and "inkoopkader --corpus MAP compose …" in run.stderr


def test_check_without_a_selection_gives_its_advice_once() -> None:
    result = invoke("check", EXAMPLE)
    assert result.exit_code == 2
    tekst = " ".join(result.output.split())
    assert (f"Waartegen moet '{EXAMPLE}' worden gecontroleerd? Geef --segment (b.v. --segment wmo-1a) of --profiel; "
            "alleen documenten van 'inkoopkader compose' dragen hun selectie zelf mee.") in tekst
    assert tekst.count("Geef ") == 1 and "selectieprofiel" not in tekst


def test_a_value_out_of_range_is_said_in_dutch() -> None:
    result = invoke("compose", "-s", "wmo-1a", "--prijs", "120")
    assert result.exit_code == 2
    assert "Ongeldige waarde voor '--prijs': 120 ligt niet tussen 0 en 99." in result.output
    assert "bereik" not in result.output and "<=" not in result.output


@pytest.mark.parametrize(("engels", "nederlands"), [
    ("-1 is not in the range 0<=x<=99.", "-1 ligt niet tussen 0 en 99."),
    ("5 is not in the range x>=10.", "5 is niet toegestaan: de waarde moet ten minste 10 zijn."),
    ("5 is not in the range x<3.", "5 is niet toegestaan: de waarde moet kleiner dan 3 zijn."),
    ("1.5 is not in the range 0<=x<1.", "1.5 ligt niet tussen 0 en 1 (1 niet inbegrepen)."),
    ("7 is not in the valid range of 0<=x<=5.", "7 ligt niet tussen 0 en 5."),
])
def test_click_ranges_in_dutch(engels: str, nederlands: str) -> None:
    from inkoopkader.cli.nederlands import vertaal

    assert vertaal(engels) == nederlands


def test_console_script_speaks_dutch_too(tmp_path: Path) -> None:
    import sys

    script = shutil.which("inkoopkader", path=str(Path(sys.executable).parent)) or shutil.which("inkoopkader")
    assert script, "het console-script 'inkoopkader' is niet geïnstalleerd"
    run = subprocess.run([script, "check", "--formaat", "json"], capture_output=True, text=True)
    assert run.returncode == 2 and "Onbekende optie" in run.stderr and not ENGELS.search(run.stderr)


# --- no wrapping in a pipe -------------------------------------------------------------------------------


def test_output_to_a_pipe_is_not_wrapped_at_80_columns() -> None:
    result = invoke("frameworks", columns=None)
    regel = next(r for r in result.output.splitlines() if "wat-werkt-clientenparticipatie" in r)
    assert "Wat werkt bij cliëntenparticipatie" in regel and len(regel) > 100  # one row, one line
    result = invoke("check", EXAMPLE, *CI_OPTIONS, columns=None)
    regel = next(r for r in result.output.splitlines() if "'Wet bescherming persoonsgegevens' is verouderd" in r)
    assert "Uitvoeringswet AVG." in regel
    kop = next(r for r in result.output.splitlines() if r.startswith("kader "))
    rij = next(r for r in result.output.splitlines() if r.startswith("1. Kwaliteitseisen Beschermd wonen"))
    assert rij.index("16") < kop.index("criteria") + len("criteria")  # columns line up
    detail = invoke("frameworks", "8", columns=None).output
    regels = [r for r in detail.splitlines() if r.startswith("──")]
    assert regels and max(len(r) for r in regels) <= 100  # rules stay short


# --- messages ------------------------------------------------------------------------------------------


def test_kader_outside_the_segment_says_so() -> None:
    result = invoke("compose", "-s", "wmo-1a", "--kader", "8", "-f", "md", "-o", "-")
    assert result.exit_code == 2
    assert "Kader 8 (JIJ-kader) hoort niet bij segment wmo-1a" in result.output
    assert "1 (beschermd-wonen-mo)" in result.output and "Geen criteria geselecteerd" not in result.output
    result = invoke("check", EXAMPLE, "-s", "wmo-1a", "--kader", "2", "--alleen-specifiek")
    assert result.exit_code == 2 and "als algemeen kader" in result.output


def test_unknown_segment_suggests_its_own_domain() -> None:
    result = invoke("segments", "wmo-4")
    assert result.exit_code == 2
    assert "Bedoelt u 'wmo-3'?" in result.output and "Wmo-segmenten: wmo-1a, wmo-1b, wmo-2, wmo-3" in result.output
    assert "jeugdhulp" not in result.output
    assert "Bedoelt u 'jeugdhulp-7'" in invoke("compose", "-s", "jh9").output


def test_directory_as_draft_says_it_is_a_directory(tmp_path: Path) -> None:
    result = invoke("check", tmp_path, "-s", "wmo-1a")
    assert result.exit_code == 2 and f"'{tmp_path}' is een map, geen concept" in result.output


@pytest.mark.parametrize(
    ("naam", "inhoud", "soort"),
    [
        ("profiel.docx", b"PK\x03\x04rest", "een zip-bestand"),
        ("profiel.pdf", b"%PDF-1.7\n", "een PDF-bestand"),
        ("profiel.yaml", b"segment: wmo-1a\n\xff\xfe kapot\n" + b"x" * 20, "geen UTF-8-tekst"),
        ("verslag.docx", b"", "een Word-document"),
    ],
)
def test_profile_that_is_no_yaml_says_so(tmp_path: Path, naam: str, inhoud: bytes, soort: str) -> None:
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    for args in (["compose", "--profiel", pad, "-f", "md", "-o", "-"], ["check", EXAMPLE, "--profiel", pad],
                 ["init", "-o", pad]):
        result = invoke(*args)
        assert result.exit_code == 2, (args, result.output)
        assert f"'{pad}' is geen selectieprofiel (YAML) maar {soort}" in result.output
        assert "UnicodeDecodeError" not in result.output and "utf-8' codec" not in result.output
    assert pad.read_bytes() == inhoud  # init did not touch it


def test_missing_profile_suggests_init(tmp_path: Path) -> None:
    pad = tmp_path / "profiel-wmo.yaml"
    for args in (["compose", "--profiel", pad, "-f", "md", "-o", "-"], ["check", EXAMPLE, "--profiel", pad]):
        result = invoke(*args)
        assert result.exit_code == 2 and "bestaat niet" in result.output, (args, result.output)
        assert "inkoopkader init --segment SEGMENT -o profiel-wmo.yaml" in result.output


@pytest.mark.parametrize("datum", ["01-03-2027", "1-3-2027", "01/03/2027", "2027-03-01"])
def test_dates_in_dutch_and_iso_order(datum: str) -> None:
    result = invoke("compose", "-s", "wmo-1a", "--datum", datum, "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["document"]["datum"].startswith(("2027-03-01", "01-03-2027", "1 maart 2027"))


def test_impossible_date_names_both_orders() -> None:
    result = invoke("compose", "-s", "wmo-1a", "--datum", "31-02-2027", "-f", "md", "-o", "-")
    assert result.exit_code == 2 and "die dag bestaat niet" in result.output and "DD-MM-JJJJ" in result.output


def test_number_agreement() -> None:
    from inkoopkader.errors import aantal

    assert (aantal(1, "criterium", "criteria"), aantal(0, "criterium", "criteria")) == ("1 criterium", "0 criteria")
    result = invoke("check", EXAMPLE, *CI_OPTIONS, "--strikt")
    assert "1 verouderde verwijzing en de strikte controle staat aan" in result.output
    assert "(en)" not in result.output and "(s)" not in result.output


def test_library_messages_name_no_cli_flags(tmp_path: Path) -> None:
    import inkoopkader
    from inkoopkader.errors import InkoopkaderError
    from inkoopkader.output import write_atomic

    doel = tmp_path / "x.md"
    doel.write_text("van de gebruiker", encoding="utf-8")
    with pytest.raises(InkoopkaderError) as fout:
        write_atomic(doel, b"nieuw")
    assert "bestaat al" in str(fout.value) and "--force" not in str(fout.value) and " -o " not in str(fout.value)
    with pytest.raises(InkoopkaderError) as fout:
        inkoopkader.check(EXAMPLE)
    assert "--segment" not in str(fout.value) and "segment" in str(fout.value)
    # the command line still names its flags
    assert "overschrijf met --force" in invoke("compose", "-s", "wmo-1a", "-o", doel).output


# --- init never brings back what the user deleted --------------------------------------------------


def test_init_keeps_deleted_criterion_and_kader_block_out(tmp_path: Path) -> None:
    profiel = tmp_path / "profiel.yaml"
    assert invoke("init", "-s", "wmo-1a", "-o", profiel).exit_code == 0
    tekst = profiel.read_text(encoding="utf-8")
    # The inkoper deletes criterion bwmo-02 (its whole entry) and the whole block of kader 13.
    tekst = re.sub(r"^      bwmo-02:.*\n(?:        .*\n)+", "", tekst, count=1, flags=re.MULTILINE)
    tekst = re.sub(r"^  - nummer: 13  #.*\n(?:    .*\n)+", "", tekst, count=1, flags=re.MULTILINE)
    assert "bwmo-02:" not in tekst and "nummer: 13" not in tekst
    profiel.write_text(tekst, encoding="utf-8")

    result = invoke("init", "-o", profiel)
    assert result.exit_code == 0, result.output
    assert "NIEUW" not in result.output and "nieuw" not in result.output
    na = profiel.read_text(encoding="utf-8")
    assert na == tekst  # same corpus version: nothing to add, nothing written
    assert not re.search(r"#\s*NIEUW in corpus", na) and "bwmo-02:" not in na and "nummer: 13" not in na
    data = json.loads(invoke("compose", "--profiel", profiel, "-f", "json", "-o", "-").output)
    ids = {r["id"] for r in data["traceerbaarheid"]}
    assert "bwmo-02" not in ids and not any(i.startswith("was-") for i in ids) and "bwmo-01" in ids


# --- the text summary as a library function ----------------------------------------------------------


def test_format_tekst_is_a_pure_library_function() -> None:
    import inkoopkader
    from inkoopkader.check import format_tekst

    corpus = inkoopkader.load_corpus()
    rapport = inkoopkader.check(EXAMPLE, corpus, segment="wmo-1a", alleen_specifiek=True, strikt=True)
    tekst = format_tekst(rapport, corpus)
    assert tekst.startswith("Controle van") and "Poort afgekeurd" in tekst and "\x1b[" not in tekst
    assert "Dekking per thema" in tekst and "Verouderde verwijzingen" in tekst
    smal = format_tekst(rapport, corpus, breedte=60)
    assert max(len(r) for r in smal.splitlines() if not r.startswith(("thema", "kader", "─", "dienst", "vakman",
                                                                    "samenw", "organi", "1.", "5.", "11.")))  <= 60
    assert "…" in smal  # long kader titles are cut to the width
    kleur = format_tekst(rapport, corpus, kleur=True)
    assert "\x1b[1;31mPoort afgekeurd\x1b[0m" in kleur


@pytest.mark.parametrize(("opdracht", "gemeente"), [("init", "Naam van de gemeente."),
                                                    ("compose", "Naam van de gemeente (titelpagina).")])
def test_title_page_options_are_declared_once_with_unchanged_help(opdracht: str, gemeente: str) -> None:
    hulp = invoke(opdracht, "--help").output
    for optie, uitleg in (("--gemeente", gemeente), ("--titel", "Titel van het document."),
                          ("--kenmerk", "Kenmerk of zaaknummer.")):
        assert re.search(rf"(?m)^  {optie} <tekst> +{re.escape(uitleg)}$", hulp), (optie, hulp)
    bronnen = ROOT / "src" / "inkoopkader" / "cli"
    for optie in ("--gemeente", "--titel", "--kenmerk"):
        waar = [p.name for p in sorted(bronnen.glob("*.py")) if f'"{optie}"' in p.read_text(encoding="utf-8")]
        assert waar == ["opties.py"], (optie, waar)


def test_title_page_options_still_reach_profile_and_document(tmp_path: Path) -> None:
    profiel = tmp_path / "p.yaml"
    assert invoke("init", "-s", "wmo-1a", "-o", profiel, "--gemeente", "Gemeente Sneek", "--titel", "Zorg 2027",
                  "--kenmerk", "Z-1").exit_code == 0
    tekst = profiel.read_text(encoding="utf-8")
    assert "Gemeente Sneek" in tekst and "Zorg 2027" in tekst and "Z-1" in tekst
    uit = invoke("compose", "-s", "wmo-1a", "-f", "md", "-o", "-", "--gemeente", "Gemeente Sneek", "--titel",
                 "Zorg 2027", "--kenmerk", "Z-2").output
    assert "Gemeente Sneek" in uit and "Zorg 2027" in uit and "Z-2" in uit


def test_compose_refuses_xlsx_named_xls_and_summarises_the_ocds_file(tmp_path: Path) -> None:
    result = invoke("compose", "-s", "wmo-1a", "-f", "xlsx", "-o", tmp_path / "v.xls")
    assert result.exit_code == 2
    assert "--format xlsx past niet bij -o v.xls (een .xls-bestand is Excel 97-2003)" in result.output
    assert "-o v.xlsx" in result.output and not (tmp_path / "v.xls").exists()
    doel = tmp_path / "gunning.ocds.json"
    result = invoke("compose", "-s", "wmo-1a", "--prijs", "20", "-o", doel)
    assert result.exit_code == 0, result.output
    data = json.loads(doel.read_text(encoding="utf-8"))
    criteria = data["tender"]["lots"][0]["awardCriteria"]["criteria"]
    regel = " ".join(result.output.split())
    assert f"{len(criteria)} gunningscriteria (OCDS): " in regel
    for criterium in criteria:
        assert f"{criterium['name']} ({criterium['numbers'][0]['number']}%)" in regel
    assert "Prijs (20%)" in regel and "minimumeisen" not in regel and "uitvoeringsvoorwaarden" not in regel
