"""`inkoopkader check` on the command line: the gate's exit codes, formats, files and Dutch errors."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inkoopkader.cli import _parse_dekking, app
from inkoopkader.errors import InkoopkaderError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "concept-bestek-wmo-1a.md"
# The options .ci/run uses on the example draft (keep both in step).
CI_OPTIONS = ["--segment", "wmo-1a", "--alleen-specifiek", "--vereist", "bwmo-01,bwmo-32,bwmo-37"]

runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "160"}, input=input)
    # Exits are fine (that is the gate); anything else is a traceback the user would see.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def no_traceback(result) -> None:
    assert "Traceback" not in result.output


# --- the example draft ---------------------------------------------------------------------------


def test_example_draft_passes_the_gate_and_shows_what_needs_attention() -> None:
    result = invoke("check", EXAMPLE, *CI_OPTIONS)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Poort geslaagd" in out
    assert "Dekking per thema" in out and "Dekking per kader" in out
    assert "Wet bescherming persoonsgegevens" in out and "25-05-2018" in out and "AVG" in out
    assert "Gewijzigde criteria" in out
    assert "Verwijzingen naar een kader als geheel" in out
    assert "editie 2017 (het corpus bevat 2018)" in out  # the Beroepscompetentieprofiel's year


def test_example_draft_json_details() -> None:
    data = json.loads(invoke("check", EXAMPLE, *CI_OPTIONS, "--format", "json").output)
    assert data["geslaagd"] is True and data["schema_version"] == 3
    status = {c["id"]: c["status"] for c in data["criteria"]}
    assert all(status[i] != "ontbreekt" for i in ("bwmo-01", "bwmo-32", "bwmo-37"))
    assert {c["id"] for c in data["criteria"] if c["vereist"]} == {"bwmo-01", "bwmo-32", "bwmo-37"}
    assert [v["onderwerp"] for v in data["verouderd"]] == ["wbp"]  # not Wet BIG, Wmcz 2018, Warenwetbesluit …
    assert data["verouderd"][0]["locatie"]["regel"] == _line_of(EXAMPLE, "Wet bescherming persoonsgegevens")
    kaders = {(v["kader"], v["afwijkende_editie"]) for v in data["kaderverwijzingen"]}
    assert kaders == {(1, False), (11, True)}  # the basisset mention (kader 6) is not a reference
    # Nothing in the chapters on prices, invoicing and the contract matches a criterion.
    unrelated = _line_of(EXAMPLE, "## 3 Tarieven")
    for crit in data["criteria"]:
        for bewijs in crit["bewijs"]:
            if crit["status"] != "ontbreekt":
                assert bewijs["locatie"]["regel"] < unrelated, crit["id"]


def _line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


# --- exit codes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "reden"),
    [
        (["--vereist", "bwmo-40", "--zonder-via-kader"], "vereist criterium ontbreekt: bwmo-40"),
        (["--min-dekking", "90%"], "is lager dan de vereiste 90%"),
        (["--strikt"], "verouderde verwijzing"),
    ],
)
def test_gate_fails_with_exit_1(extra: list[str], reden: str) -> None:
    result = invoke("check", EXAMPLE, *CI_OPTIONS, *extra)
    assert result.exit_code == 1, result.output
    assert "Poort afgekeurd" in result.output and reden in result.output


def test_min_dekking_that_is_met_passes() -> None:
    data = json.loads(invoke("check", EXAMPLE, *CI_OPTIONS, "--min-dekking", "0", "-f", "json").output)
    assert data["poort"]["min_dekking"] == 0 and data["geslaagd"] is True


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["check", "bestaat-niet.md", "--segment", "wmo-1a"], "bestaat niet"),
        (["check", EXAMPLE, "--segment", "wmo-9z"], "Onbekend segment 'wmo-9z'"),
        (["check", EXAMPLE, "--segment", "wmo-1a", "--vereist", "bwmo-99"], "Onbekend criterium 'bwmo-99'"),
        (["check", EXAMPLE, "--segment", "wmo-1a", "--min-dekking", "veel"], "Ongeldige waarde voor --min-dekking"),
        (["check", EXAMPLE, "--segment", "wmo-1a", "--min-dekking", "150%"], "meer dan 100%"),
        (["check", EXAMPLE], "Waartegen moet"),
        (["check", EXAMPLE, "--profiel", "p.yaml", "--kader", "1"], "gaat niet samen met een profiel"),
        (["check", EXAMPLE, "--segment", "wmo-1a", "--thema", "kwaliteit"], "thema"),
    ],
)
def test_bad_input_exits_2_with_a_dutch_message(args: list, melding: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "Fout:" in result.output and melding in result.output
    no_traceback(result)


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("leeg.docx", b"", None),
        ("geen-zip.docx", b"dit is geen Word-document", None),
        ("oud.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, None),
        ("kapot.md", b"\x00\x01\x02binair", None),
        ("concept.doc", b"whatever", ".doc"),
    ],
)
def test_hostile_or_broken_files_exit_2(tmp_path: Path, naam: str, inhoud: bytes, melding: str | None) -> None:
    path = tmp_path / naam
    path.write_bytes(inhoud)
    result = invoke("check", path, "--segment", "wmo-1a")
    assert result.exit_code == 2, result.output
    assert "Fout:" in result.output and naam in result.output
    if melding:
        assert melding in result.output
    no_traceback(result)


def test_docx_with_doctype_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "doctype.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Types/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    result = invoke("check", path, "--segment", "wmo-1a")
    assert result.exit_code == 2 and "Fout:" in result.output
    no_traceback(result)


def test_unexpected_error_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import inkoopkader.check  # noqa: F401  (the package attribute is the function; the module is in sys.modules)

    check_module = sys.modules["inkoopkader.check"]

    def boom(*args, **kwargs):
        raise ValueError("kapot")

    monkeypatch.setattr(check_module, "check", boom)
    result = invoke("check", EXAMPLE, "--segment", "wmo-1a")
    assert result.exit_code == 2 and "Interne fout" in result.output and "ValueError: kapot" in result.output
    no_traceback(result)


# --- formats and files -------------------------------------------------------------------------------


def test_junit_format_parses_with_a_testcase_per_criterion() -> None:
    result = invoke("check", EXAMPLE, *CI_OPTIONS, "--vereist", "bwmo-40", "--zonder-via-kader", "-f", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    data = json.loads(invoke("check", EXAMPLE, *CI_OPTIONS, "--vereist", "bwmo-40", "-f", "json").output)
    criteria = [c for s in root.findall("testsuite") if s.get("name") != "verouderde verwijzingen"
                for c in s.findall("testcase")]
    assert len(criteria) == len(data["criteria"])
    failed = [c.get("name").split(":")[0] for c in criteria if c.find("failure") is not None]
    assert failed == ["bwmo-40"]


def test_github_format_annotates_the_draft_with_lines() -> None:
    rel = os.path.relpath(EXAMPLE)
    result = invoke("check", rel, *CI_OPTIONS, "-f", "github")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(line.startswith(("::error", "::warning", "::notice")) for line in lines)
    wbp = next(line for line in lines if "Wet bescherming persoonsgegevens" in line and line.startswith("::warning"))
    assert f"file={Path(rel).as_posix()},line={_line_of(EXAMPLE, 'Wet bescherming persoonsgegevens')}," in wbp
    assert lines[-1].startswith("::notice title=inkoopkader check::Poort geslaagd")


def test_output_file_is_written_atomically_and_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "rapport.json"
    result = invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "json", "-o", target)
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["geslaagd"] is True
    assert "Geschreven" in result.output

    target.write_text("van de gebruiker", encoding="utf-8")
    result = invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "json", "-o", target)
    assert result.exit_code == 2 and "bestaat al" in result.output
    assert target.read_text(encoding="utf-8") == "van de gebruiker"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.json"]  # no temporary file left

    result = invoke("check", EXAMPLE, *CI_OPTIONS, "--strikt", "-f", "json", "-o", target, "--force")
    assert result.exit_code == 1  # the file is written and the gate still decides the exit code
    assert json.loads(target.read_text(encoding="utf-8"))["geslaagd"] is False


def test_an_output_file_that_would_be_refused_is_refused_before_checking(tmp_path: Path, monkeypatch) -> None:
    import importlib

    check_pakket = importlib.import_module("inkoopkader.check")  # the package, not the function

    def niet_aanroepen(*args, **kwargs):
        raise AssertionError("the draft should not have been checked")

    monkeypatch.setattr(check_pakket, "check", niet_aanroepen)
    bestaand = tmp_path / "rapport.json"
    bestaand.write_text("van de gebruiker", encoding="utf-8")
    for doel, melding in ((bestaand, "bestaat al"), (tmp_path, "is een map"), (tmp_path / "geen-map" / "r.json", "bestaat niet")):
        result = invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "json", "-o", doel)
        assert result.exit_code == 2 and melding in result.output, result.output
    assert bestaand.read_text(encoding="utf-8") == "van de gebruiker"


def test_text_report_to_file_is_plain(tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    assert invoke("check", EXAMPLE, *CI_OPTIONS, "-o", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "Poort geslaagd" in text and "Dekking per thema" in text
    assert "\x1b[" not in text and "[bold" not in text


def test_draft_from_standard_input() -> None:
    result = invoke("check", "-", *CI_OPTIONS, "-f", "json", input=EXAMPLE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["concept"]["formaat"] == "tekst" and data["geslaagd"] is True
    assert data["verouderd"][0]["locatie"]["regel"] == _line_of(EXAMPLE, "Wet bescherming persoonsgegevens")


def test_selection_options_narrow_the_check() -> None:
    data = json.loads(
        invoke("check", EXAMPLE, "--segment", "wmo-1a", "--kader", "1", "--thema", "organisatie", "-f", "json").output
    )
    assert data["criteria"] and {(c["kader"], c["thema"]) for c in data["criteria"]} == {(1, "organisatie")}


def test_profile_criteria_are_required(tmp_path: Path) -> None:
    profiel = tmp_path / "profiel.yaml"
    assert invoke("init", "--segment", "wmo-1a", "-o", profiel).exit_code == 0
    result = invoke("check", EXAMPLE, "--profiel", profiel, "-f", "json")
    data = json.loads(result.stdout)
    assert data["selectie"]["bron"] == "profiel: profiel.yaml"
    assert all(c["vereist"] for c in data["criteria"])
    assert result.exit_code == 1 and data["samenvatting"]["vereist_ontbrekend"] > 0


def test_composed_document_carries_its_own_selection(tmp_path: Path) -> None:
    docx = tmp_path / "eisen.docx"
    assert invoke("compose", "--segment", "wmo-1a", "--alleen-specifiek", "-o", docx).exit_code == 0
    result = invoke("check", docx, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["segment"] == "wmo-1a" and data["selectie"]["bron"].startswith("document")
    assert data["samenvatting"]["ontbreekt"] == 0
    assert any(v["kader"] == 1 and not v["afwijkende_editie"] for v in data["kaderverwijzingen"])


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [("0.8", 0.8), ("0,8", 0.8), ("80%", 0.8), ("80 %", 0.8), ("80", 0.8), ("1", 0.01), ("2", 0.02), ("1.0", 1.0), ("1,0", 1.0), ("0", 0.0), ("100%", 1.0)],
)
def test_min_dekking_spellings(waarde: str, verwacht: float) -> None:
    assert _parse_dekking(waarde) == pytest.approx(verwacht)


@pytest.mark.parametrize("waarde", ["", "abc", "-0.1", "101", "nan", "inf", "80%%"])
def test_min_dekking_rejects_nonsense(waarde: str) -> None:
    with pytest.raises(InkoopkaderError, match="--min-dekking"):
        _parse_dekking(waarde)


def test_progress_indicator_on_a_terminal_for_large_input(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from inkoopkader.cli import check as check_cli, uitvoer

    buffer = io.StringIO()
    uitvoer.zet_console("err", Console(file=buffer, force_terminal=True, width=100))
    monkeypatch.setattr(check_cli, "GROOT_CONCEPT", 0)
    try:
        result = invoke("check", EXAMPLE, *CI_OPTIONS, "-f", "json")
    finally:
        uitvoer.zet_console("err", None)
    assert result.exit_code == 0 and json.loads(result.stdout)["geslaagd"] is True
    assert "Klaar" in buffer.getvalue()  # the transient progress bar was drawn on stderr, up to the last step


def test_library_reports_its_steps_for_a_progress_bar() -> None:
    import inkoopkader

    stappen: list[tuple[str, int, int]] = []
    inkoopkader.check(EXAMPLE, segment="wmo-1a", voortgang=lambda *stap: stappen.append(stap))
    assert [gedaan for _, gedaan, _ in stappen] == [0, 1, 2, 3, 4]
    assert {totaal for _, _, totaal in stappen} == {4}
    assert stappen[0][0] == "Concept lezen" and stappen[1][0].startswith("Criteria zoeken (")


@pytest.mark.slow
def test_console_script_runs_the_gate(tmp_path: Path) -> None:
    script = shutil.which("inkoopkader", path=str(Path(sys.executable).parent)) or shutil.which("inkoopkader")
    assert script, "het console-script 'inkoopkader' is niet geïnstalleerd"
    env = {**os.environ, "INKOOPKADER_CACHE": str(tmp_path / "cache")}
    ok = subprocess.run([script, "check", str(EXAMPLE), *CI_OPTIONS, "-f", "github"],
                        capture_output=True, text=True, env=env)
    assert ok.returncode == 0, ok.stderr
    assert "::warning" in ok.stdout and "Wet bescherming persoonsgegevens" in ok.stdout
    failed = subprocess.run([script, "check", str(EXAMPLE), *CI_OPTIONS, "--strikt"], capture_output=True, text=True, env=env)
    assert failed.returncode == 1 and "Poort afgekeurd" in failed.stdout
    bad = subprocess.run([script, "check", str(tmp_path / "nergens.docx"), "-s", "wmo-1a"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "Fout:" in bad.stderr and "Traceback" not in bad.stderr


# --- pre-commit hook -------------------------------------------------------------------------------------


def test_hook_splits_options_from_files() -> None:
    from inkoopkader.cli.hook import split_args

    algemeen, opties, bestanden = split_args(
        ["--corpus", "mijn-corpus", "-s", "wmo-1a", "--strikt", "--vereist=bwmo-01", "--min-dekking", "80%", "a.docx", "b.md"]
    )
    assert algemeen == ["--corpus", "mijn-corpus"]
    assert opties == ["-s", "wmo-1a", "--strikt", "--vereist=bwmo-01", "--min-dekking", "80%"]
    assert bestanden == ["a.docx", "b.md"]


def test_hook_knows_every_option_of_check_that_takes_a_value() -> None:
    """The list comes from the command itself: an option added later is never taken for a file."""
    from inkoopkader.cli.hook import _met_waarde, split_args

    assert {"--personeelseis", "--segment", "-s", "--min-dekking", "--corpus", "-o"} <= _met_waarde()
    assert not {"--strikt", "--personeel", "--alleen-specifiek"} & _met_waarde()
    _, opties, bestanden = split_args(["--personeelseis", "pe-registratie-jeugd", "-s", "jeugdhulp-1", "a.md"])
    assert opties == ["--personeelseis", "pe-registratie-jeugd", "-s", "jeugdhulp-1"]
    assert bestanden == ["a.md"]


def test_hook_exit_code_is_the_worst_of_all_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from inkoopkader.cli.hook import main

    kopie = tmp_path / "kopie.md"
    kopie.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main([*CI_OPTIONS, str(EXAMPLE), str(kopie)]) == 0
    assert main([*CI_OPTIONS, "--strikt", str(EXAMPLE), str(kopie)]) == 1
    assert main([*CI_OPTIONS, str(EXAMPLE), str(tmp_path / "weg.docx")]) == 2
    assert main([*CI_OPTIONS, "-o", "x.json", str(EXAMPLE)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_hook_staged_file_named_like_an_option_is_checked_not_obeyed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A staged file '--zoek=meldcode.md' narrowed the selection for the real draft and was never
    checked: the gate passed (exit 0) where it fails (exit 1) without that file."""
    from inkoopkader.cli.hook import main, split_args

    monkeypatch.chdir(tmp_path)
    (tmp_path / "concept.md").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "--zoek=meldcode.md").write_text("Meldcode huiselijk geweld.\n", encoding="utf-8")
    opties = ["--segment", "wmo-1a", "--min-dekking", "50%"]
    assert split_args([*opties, "--zoek=meldcode.md", "concept.md"]) == ([], opties, ["--zoek=meldcode.md", "concept.md"])
    assert main([*opties, "concept.md"]) == 1
    assert main([*opties, "--zoek=meldcode.md", "concept.md"]) == 1


def test_pre_commit_hook_definition_points_at_the_hook() -> None:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "inkoopkader-check")
    assert hook["entry"] == "python -m inkoopkader.cli.hook" and hook["language"] == "python"
    assert hook["pass_filenames"] is True


def test_ci_examples_use_existing_options() -> None:
    """The GitHub/GitLab examples a gemeente copies only use options that the command knows."""
    import re as _re

    from ruamel.yaml import YAML

    help_text = invoke("check", "--help").output
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        text = (ROOT / "examples" / "ci" / name).read_text(encoding="utf-8")
        YAML(typ="safe").load(text)  # valid YAML
        commands = [line for line in text.splitlines() if "inkoopkader check" in line and not line.strip().startswith("#")]
        assert commands, name
        for option in {o for line in commands for o in _re.findall(r"(?<=\s)--[a-z-]+", line)}:
            assert option in help_text, f"{name}: onbekende optie {option}"


def test_warm_check_run_imports_neither_pydantic_nor_ruamel(tmp_path: Path) -> None:
    """A CI run of `check` after the first one should not pay for validation libraries (~100 ms).

    pydantic and ruamel.yaml are only needed when data files are validated (a cold cache). typer 0.29
    imports pydantic to coerce every option; that is why pyproject caps typer below 0.29.
    """
    script = (
        "import sys\n"
        "from inkoopkader.cli import app\n"  # main() itself ends the process
        f"sys.argv = ['inkoopkader', 'check', {str(EXAMPLE)!r}, *{CI_OPTIONS!r}, '--format', 'json']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('GELADEN', sorted(m for m in ('pydantic', 'ruamel.yaml') if m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "INKOOPKADER_CACHE": str(tmp_path / "cache")}
    for _ in range(2):  # the first run fills the cache
        run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False)
    assert "GELADEN" in run.stderr, run.stderr
    assert run.stderr.strip().splitlines()[-1] == "GELADEN []", run.stderr


@pytest.mark.parametrize(
    ("args", "code", "uitvoer"),
    [
        (["check", str(EXAMPLE), *CI_OPTIONS, "--format", "json"], 0, '"schema_version": 3'),
        (["check", str(EXAMPLE), *CI_OPTIONS, "--vereist", "bwmo-40", "--zonder-via-kader"], 1, "Poort afgekeurd"),
        (["check", str(EXAMPLE), "--segment", "wmo-9"], 2, "Bedoelt u"),
        ([], 2, "Gebruik"),
    ],
)
def test_console_script_exit_codes_and_flushed_output(args: list[str], code: int, uitvoer: str, tmp_path: Path) -> None:
    """main() ends the process without interpreter teardown: codes and all output must survive that."""
    env = {**os.environ, "INKOOPKADER_CACHE": str(tmp_path / "cache"), "COLUMNS": "120"}
    run = subprocess.run(
        [sys.executable, "-c", "from inkoopkader.cli import main; main()", *args],
        env=env, capture_output=True, text=True, check=False,
    )
    assert run.returncode == code, run.stderr
    assert uitvoer in run.stdout + run.stderr
    if uitvoer.startswith('"schema'):
        assert json.loads(run.stdout)["geslaagd"] is True  # the whole JSON document arrived


def test_the_library_check_package_never_imports_the_cli_prints_or_exits() -> None:
    """DESIGN: only cli/ imports typer/rich, prints or exits; the pre-commit hook lives in cli/hook.py.
    (os._exit in achtergrond ends a forked child process, never the user's program.)"""
    import ast

    ui = ("typer", "rich", "click")
    pakket = ROOT / "src" / "inkoopkader" / "check"
    for bestand in sorted(pakket.rglob("*.py")):
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            waar = f"{bestand.name}:{getattr(knoop, 'lineno', 0)}"
            if isinstance(knoop, ast.ImportFrom):
                module = knoop.module or ""
                if knoop.level == 0:
                    assert module.split(".")[0] not in ui and not module.startswith("inkoopkader.cli"), waar
                else:
                    assert module.split(".")[0] != "cli" and "cli" not in {a.name for a in knoop.names}, waar
            elif isinstance(knoop, ast.Import):
                assert not any(a.name.split(".")[0] in ui or a.name.startswith("inkoopkader.cli") for a in knoop.names), waar
            elif isinstance(knoop, ast.Call):
                functie = knoop.func
                assert not (isinstance(functie, ast.Name) and functie.id in ("print", "exit")), waar
                assert not (isinstance(functie, ast.Attribute) and functie.attr == "exit"
                            and isinstance(functie.value, ast.Name) and functie.value.id == "sys"), waar
    assert not (pakket / "hook.py").exists()


def test_library_checks_against_a_request_and_refuses_another_type_before_reading(tmp_path: Path) -> None:
    import inkoopkader
    from inkoopkader.errors import ArgumentFout
    from inkoopkader.select import Verzoek

    per_segment = inkoopkader.check(EXAMPLE, segment="wmo-1a")
    per_verzoek = inkoopkader.check(EXAMPLE, verzoek=Verzoek.maak("wmo-1a"))
    assert [r.criterium.id for r in per_verzoek.resultaten] == [r.criterium.id for r in per_segment.resultaten]
    with pytest.raises(ArgumentFout, match="verzoek"):
        inkoopkader.check(tmp_path / "bestaat-niet.docx", verzoek="wmo-1a")  # type: ignore[arg-type]
    with pytest.raises(ArgumentFout, match="niet beide"):
        inkoopkader.check(EXAMPLE, segment="wmo-1a", verzoek=Verzoek.maak("wmo-1a"))
