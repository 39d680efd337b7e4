"""The command line: output, JSON, exit codes and Dutch messages without tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inkoopkader.cli import app

runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_frameworks_table_lists_all_kaders() -> None:
    result = invoke("frameworks")
    assert result.exit_code == 0
    for sleutel in ("beschermd-wonen-mo", "jij-kader", "wat-werkt-clientenparticipatie"):
        assert sleutel in result.output
    assert "15 kaders, 604 criteria" in result.output


def test_frameworks_json_has_schema_version_and_counts() -> None:
    data = json.loads(invoke("frameworks", "--format", "json").output)
    assert data["schema_version"] == 1
    assert len(data["kaders"]) == 15
    jij = next(k for k in data["kaders"] if k["sleutel"] == "jij-kader")
    assert sum(jij["criteria_per_thema"].values()) == 14


@pytest.mark.parametrize("reference", ["8", "jij-kader", "JIJ"])
def test_frameworks_detail_by_number_or_key(reference: str) -> None:
    result = invoke("frameworks", reference)
    assert result.exit_code == 0
    assert "JIJ-kader" in result.output
    assert "Waar kijkt de inspectie naar?" in result.output
    assert "jij-01" in result.output
    assert "**" not in result.output  # emphasis is rendered, not shown as asterisks


def test_frameworks_detail_shows_currency_and_corrections() -> None:
    output = invoke("frameworks", "1").output
    assert "Let op:" in output and "AVG" in output
    assert "werkkrelatie" in output  # the correction list names the original slip


def test_frameworks_detail_json_is_complete() -> None:
    data = json.loads(invoke("frameworks", "2", "-f", "json").output)
    kader = data["kader"]
    assert kader["sleutel"] == "werken-aan-veiligheid"
    assert kader["korte_toelichting"] and kader["totstandkoming"] and kader["opbouw"]
    assert {c["id"] for c in kader["criteria"]} == {f"wav-{n:02d}" for n in range(1, 11)}


def test_unknown_kader_exit_2_with_suggestion() -> None:
    result = invoke("frameworks", "jij-kadr")
    assert result.exit_code == 2
    assert "Onbekend kader 'jij-kadr'" in result.output and "Bedoelt u 'jij-kader'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("spelling", ["wmo-1a", "Wmo 1a", "WMO-1A", "wmo1a", "Wmo segment 1a"])
def test_segment_spellings(spelling: str) -> None:
    result = invoke("segments", spelling)
    assert result.exit_code == 0
    assert "Volwassenen gericht op herstel" in result.output
    assert "Kwaliteitseisen Beschermd wonen" in result.output and "specifiek" in result.output


@pytest.mark.parametrize(("spelling", "segment"), [("jh1", "jeugdhulp-1"), ("JEUGDHULP-3", "jeugdhulp-3"), ("sw", "sociaal-werk")])
def test_segment_abbreviations(spelling: str, segment: str) -> None:
    data = json.loads(invoke("segments", spelling, "-f", "json").output)
    assert data["segment"]["id"] == segment


def test_segment_json_lists_kaders_with_relevance() -> None:
    data = json.loads(invoke("segments", "wmo-1a", "-f", "json").output)
    relations = {k["nummer"]: k["relevantie"] for k in data["kaders"]}
    assert relations[1] == "specifiek" and relations[5] == "specifiek" and relations[2] == "algemeen"
    assert 3 not in relations and 9 not in relations


def test_segment_typo_exit_2_with_did_you_mean() -> None:
    result = invoke("segments", "wmo-1c")
    assert result.exit_code == 2
    assert "Onbekend segment 'wmo-1c'" in result.output and "Bedoelt u 'wmo-1" in result.output


def test_segments_overview() -> None:
    result = invoke("segments")
    assert result.exit_code == 0
    assert "jeugdhulp-7" in result.output and "sociaal-werk" in result.output


def test_search_finds_meldcode_with_ids() -> None:
    result = invoke("search", "meldcode")
    assert result.exit_code == 0
    assert "jzp-51" in result.output and "bwmo-04" in result.output


def test_search_filters() -> None:
    data = json.loads(invoke("search", "meldcode", "--thema", "organisatie", "-f", "json").output)
    assert data["resultaten"]
    assert all("organisatie" in r["criterium"]["thema"] for r in data["resultaten"])
    data = json.loads(invoke("search", "meldcode", "--kader", "1", "-f", "json").output)
    assert {r["criterium"]["kader"] for r in data["resultaten"]} == {1}
    data = json.loads(invoke("search", "meldcode", "--segment", "Wmo 1a", "-f", "json").output)
    assert data["resultaten"] and all(r["criterium"]["kader"] != 3 for r in data["resultaten"])


def test_search_unknown_thema_exit_2() -> None:
    result = invoke("search", "meldcode", "--thema", "vakmansschap")
    assert result.exit_code == 2 and "Bedoelt u 'vakmanschap'" in result.output


def test_validate_ok_and_findings(data_copy: Path) -> None:
    result = invoke("validate")
    assert result.exit_code == 0 and "604 criteria" in result.output
    path = data_copy / "frameworks" / "08-jij-kader.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("doelgroep: professional", "doelgroep: professionals", 1), encoding="utf-8")
    result = invoke("validate", str(data_copy))
    assert result.exit_code == 1
    assert "08-jij-kader.yaml:" in result.output and "'professionals'" in result.output


def test_validate_missing_directory_exit_2(tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path / "bestaat-niet"))
    assert result.exit_code == 2 and "bestaat niet" in result.output


def test_corpus_option_with_invalid_corpus_exit_2(data_copy: Path) -> None:
    path = data_copy / "frameworks" / "08-jij-kader.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("jaar: 2021", "jaar: nooit"), encoding="utf-8")
    result = invoke("--corpus", str(data_copy), "frameworks")
    assert result.exit_code == 2
    assert "08-jij-kader.yaml" in result.output and "geheel getal" in result.output


def test_version_shows_package_and_corpus() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert "inkoopkader 0.1.0" in result.output and "15 kaders" in result.output


def test_console_script_runs_without_traceback() -> None:
    """The installed entry point, as a user runs it: bad input gives exit 2 and no traceback."""
    exe = Path(sys.executable).with_name("inkoopkader")
    result = subprocess.run([str(exe), "segments", "jeugdhulp-9"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Onbekend segment" in result.stderr and "Traceback" not in result.stderr


# --- compose ----------------------------------------------------------------------------------------


def test_compose_markdown_default_name_and_overwrite_protection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("compose", "--segment", "Wmo 1a", "--format", "md", "--gemeente", "Gemeente Voorbeeld")
    assert result.exit_code == 0, result.output
    target = tmp_path / "kwaliteitscriteria-wmo-1a.md"
    spoor = tmp_path / "kwaliteitscriteria-wmo-1a-traceerbaarheid.csv"
    text = target.read_text(encoding="utf-8")
    assert "Gemeente Voorbeeld" in text and "## 2 Wettelijke verplichtingen" in text
    assert "## 4 Gunningscriteria en beoordeling" in text
    assert spoor.read_bytes().startswith("\ufeffID;Kader".encode()) and "Traceerbaarheid:" in result.output
    target.write_text("mijn eigen werk", encoding="utf-8")
    result = invoke("compose", "--segment", "wmo-1a", "--format", "md")
    assert result.exit_code == 2 and "bestaat al" in result.output
    assert target.read_text(encoding="utf-8") == "mijn eigen werk"
    target.unlink()
    result = invoke("compose", "--segment", "wmo-1a", "--format", "md")  # the traceability file is also kept
    assert result.exit_code == 2 and "traceerbaarheid.csv" in result.output and not target.exists()
    assert invoke("compose", "--segment", "wmo-1a", "--format", "md", "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != "mijn eigen werk"
    assert invoke("compose", "-s", "wmo-1a", "-f", "md", "-o", "zonder.md", "--zonder-traceerbaarheid").exit_code == 0
    assert not (tmp_path / "zonder-traceerbaarheid.csv").exists()
    result = invoke("compose", "-s", "wmo-1a", "--procedure", "open-house", "-f", "md")
    assert result.exit_code == 0 and (tmp_path / "kwaliteitscriteria-wmo-1a-open-house.md").exists()


def test_compose_filters_to_stdout_json() -> None:
    result = invoke("compose", "-s", "jh4", "--thema", "vakmanschap", "--doelgroep", "professional",
                    "--zonder-kader", "11", "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["segment"]["id"] == "jeugdhulp-4"
    rijen = data["traceerbaarheid"]
    assert rijen and all("vakmanschap" in r["thema"] and r["doelgroep"] == "professional" for r in rijen)
    assert all(r["kader"] != "11" for r in rijen)


def test_compose_ids_and_rol_csv() -> None:
    result = invoke("compose", "-s", "wmo-1a", "--id", "bwmo-04,jij-01,wbs-11", "--rol", "minimumeis", "-f", "csv",
                    "-o", "-")
    assert result.exit_code == 0, result.output
    lines = result.output.lstrip("\ufeff").strip().splitlines()
    assert [line.split(";")[0] for line in lines[1:]] == ["bwmo-04", "wbs-11", "jij-01"]
    rollen = {line.split(";")[0]: line.split(";")[6] for line in lines[1:]}
    assert rollen == {"bwmo-04": "uitvoeringsvoorwaarde", "wbs-11": "minimumeis", "jij-01": "gunningscriterium"}
    result = invoke("compose", "-s", "wmo-1a", "--rol", "minimumeis", "-f", "md", "-o", "-")
    assert result.exit_code == 0 and "kunnen geen minimumeis zijn" in result.output


def test_compose_bad_input_exit_2() -> None:
    assert "Geef een segment op" in invoke("compose").output
    result = invoke("compose", "-s", "wmo-1a", "--rol", "minimumeys", "-f", "md", "-o", "-")
    assert result.exit_code == 2 and "Bedoelt u 'minimumeis'" in result.output
    result = invoke("compose", "-s", "wmo-1a", "--vorm", "eis", "-f", "md", "-o", "-")
    assert result.exit_code == 2 and "--vorm bestaat niet meer" in result.output and "--rol" in result.output
    result = invoke("compose", "-s", "wmo-1a", "--procedure", "openhuis", "-f", "md", "-o", "-")
    assert result.exit_code == 2 and "Bedoelt u 'open-house'" in result.output
    result = invoke("compose", "-s", "wmo-1a", "--prijs", "100", "-f", "md", "-o", "-")
    assert result.exit_code == 2
    result = invoke("compose", "-s", "wmo-1a", "--procedure", "subsidie", "--prijs", "30", "-f", "md", "-o", "-")
    assert result.exit_code == 2 and "--prijs hoort bij een aanbesteding" in result.output
    result = invoke("compose", "-s", "wmo-1a", "--id", "bwmo-99", "-f", "md", "-o", "-")
    assert result.exit_code == 2 and "Bedoelt u 'bwmo-09'" in result.output
    result = invoke("compose", "-s", "wmo-1a", "--datum", "31-13-2026", "-f", "md", "-o", "-")
    assert result.exit_code == 2 and "DD-MM-JJJJ of JJJJ-MM-DD" in result.output
    result = invoke("compose", "-s", "wmo-1a", "-o", "-")
    assert result.exit_code == 2 and "standaarduitvoer" in result.output


def test_compose_into_missing_directory_exit_2(tmp_path: Path) -> None:
    result = invoke("compose", "-s", "wmo-1a", "-f", "md", "-o", str(tmp_path / "nergens" / "x.md"))
    assert result.exit_code == 2 and "bestaat niet" in result.output


def test_init_then_compose_with_profile(tmp_path: Path) -> None:
    profile = tmp_path / "profiel.yaml"
    result = invoke("init", "--segment", "wmo-1a", "-o", str(profile), "--gemeente", "Gemeente Voorbeeld")
    assert result.exit_code == 0, result.output
    text = profile.read_text(encoding="utf-8")
    assert "bwmo-04:" in text and "Gemeente Voorbeeld" in text
    # The inkoper drops a criterion.
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("bwmo-04:"))
    lines[index + 1] = lines[index + 1].replace("opnemen: ja", "opnemen: nee")
    profile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = json.loads(invoke("compose", "--profiel", str(profile), "-f", "json", "-o", "-").output)
    ids = {r["id"] for r in data["traceerbaarheid"]}
    assert "bwmo-04" not in ids and "bwmo-05" in ids
    assert data["document"]["gemeente"] == "Gemeente Voorbeeld"
    again = invoke("init", "-o", str(profile))
    assert again.exit_code == 0 and "al actueel" in again.output
    # Only the recorded corpus version is behind: the file is rewritten, and the message says so.
    text = profile.read_text(encoding="utf-8")
    versie = re.search(r'corpus_versie: "([^"]+)"', text).group(1)
    profile.write_text(text.replace(f'corpus_versie: "{versie}"', 'corpus_versie: "oud"'), encoding="utf-8")
    bijgewerkt = invoke("init", "-o", str(profile))
    assert bijgewerkt.exit_code == 0 and "Bijgewerkt" in bijgewerkt.output and "al actueel" not in bijgewerkt.output
    assert f'corpus_versie: "{versie}"' in profile.read_text(encoding="utf-8")


def test_profile_errors_exit_2_with_line(tmp_path: Path) -> None:
    profile = tmp_path / "profiel.yaml"
    invoke("init", "--segment", "wmo-1a", "-o", str(profile))
    text = profile.read_text(encoding="utf-8").replace("bwmo-04:", "bwmo-4:", 1)
    profile.write_text(text, encoding="utf-8")
    result = invoke("compose", "--profiel", str(profile), "-f", "md", "-o", "-")
    assert result.exit_code == 2
    assert "profiel.yaml:" in result.output and "bwmo-04" in result.output


# --- personeel ------------------------------------------------------------------------------------


def test_compose_jeugdhulp_4_personeel_docx(tmp_path: Path) -> None:
    target = tmp_path / "jh4.docx"
    result = invoke("compose", "--segment", "jeugdhulp-4", "--personeel", "-o", str(target))
    assert result.exit_code == 0, result.output
    from docx import Document

    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "K4 – Deskundigheid en inzet van personeel" in texts
    assert any("Kwaliteitsregister Jeugd (SKJ)" in t for t in texts)
    assert not any("minimaal mbo 4 niveau" in t for t in texts)  # the Enschede levels only when asked for
    result = invoke("compose", "--segment", "jeugdhulp-4", "--personeel", "--zonder-wettelijk", "--functieniveau", "A",
                    "-o", str(target), "--force")
    assert result.exit_code == 0, result.output
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "Deskundigheid en inzet van personeel" in texts and "Wettelijke verplichtingen" not in texts
    assert any("minimaal mbo 4 niveau" in t for t in texts) and any("gemeente Enschede" in t for t in texts)


def test_compose_personeel_options_json() -> None:
    data = json.loads(invoke("compose", "-s", "jh4", "--personeel", "--functieniveau", "B,C",
                             "--personeel-rol", "gunningscriterium", "-f", "json", "-o", "-").output)
    rollen = {r["id"]: r["rol"] for r in data["traceerbaarheid"] if r["kader"] == "personeel"}
    assert rollen and set(rollen.values()) == {"gunningscriterium"}
    gunning = next(s for s in data["secties"] if s["id"] == "gunning")
    personeel = next(sub for sub in gunning["subsecties"] if sub["titel"].endswith("Deskundigheid en inzet van personeel"))
    opleiding = next(a for a in personeel["blokken"][0]["aspecten"] if a["anker"] == "pe-opleiding-functieniveau")
    assert opleiding["item_ankers"] == ["wce-niv-b", "wce-niv-c"]
    result = invoke("compose", "-s", "wmo-1a", "--personeelseis", "pe-registratie-jeugt", "-f", "md", "-o", "-")
    assert result.exit_code == 2 and "Onbekende personeelseis" in result.output and "pe-registratie-jeugd" in result.output


def test_segments_show_personeel_defaults() -> None:
    jeugd = json.loads(invoke("segments", "jeugdhulp-4", "-f", "json").output)
    assert "pe-registratie-jeugd" in {e["id"] for e in jeugd["personeelseisen"]}
    wmo = json.loads(invoke("segments", "wmo-1a", "-f", "json").output)
    assert "pe-registratie-jeugd" not in {e["id"] for e in wmo["personeelseisen"]}
    assert "Personeelseisen" in invoke("segments", "jh4").output


def test_search_lists_profile_items() -> None:
    data = json.loads(invoke("search", "SKJ-registratie", "-f", "json").output)
    assert {"wce-niv-b", "wce-niv-c"} <= {p["item"]["id"] for p in data["profielen"]}
    assert json.loads(invoke("search", "SKJ-registratie", "--thema", "vakmanschap", "-f", "json").output)["profielen"] == []


def test_console_script_builds_only_the_called_command_and_behaves_the_same() -> None:
    """main() hands typer an app with just the called command; help and results must not change."""
    from inkoopkader.cli import _app_voor

    namen = [c.name for c in app.registered_commands]
    assert set(namen) >= {"frameworks", "segments", "search", "compose", "init", "check", "validate"}
    for naam in namen:
        deel = _app_voor([naam, "--help"])
        assert [c.name for c in deel.registered_commands] == [naam]
        heel = runner.invoke(app, [naam, "--help"], env={"COLUMNS": "120"})
        smal = runner.invoke(deel, [naam, "--help"], env={"COLUMNS": "120"})
        assert (smal.exit_code, smal.output) == (heel.exit_code, heel.output)
    data_dir = Path(__file__).resolve().parents[1] / "data"
    for args in (["--corpus", str(data_dir), "frameworks", "--format", "json"],
                 [f"--corpus={data_dir}", "frameworks", "--format", "json"]):
        deel = _app_voor(args)
        assert [c.name for c in deel.registered_commands] == ["frameworks"]
        assert runner.invoke(deel, args).output == runner.invoke(app, args).output
    # Unclear or no command: the whole app, for its help, --version and did-you-mean.
    for args in ([], ["--help"], ["--version"], ["framework"], ["--corpus"]):
        assert _app_voor(args) is app
    fout = runner.invoke(_app_voor(["framework"]), ["framework"])
    assert fout.exit_code == 2 and "frameworks" in fout.output


def test_compose_versie_from_option_then_profile_then_default(tmp_path: Path) -> None:
    """'--versie 1.0' is a choice like any other: it overrides the profile's version."""
    profile = tmp_path / "profiel.yaml"
    invoke("init", "--segment", "wmo-1a", "-o", str(profile))
    profile.write_text(profile.read_text(encoding="utf-8").replace('versie: "1.0"', 'versie: "2.3"', 1), encoding="utf-8")

    def versie(*extra: str) -> str:
        result = invoke("compose", *extra, "-f", "json", "-o", "-")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["document"]["versie"]

    assert versie("--profiel", str(profile)) == "2.3"
    assert versie("--profiel", str(profile), "--versie", "1.0") == "1.0"
    assert versie("--segment", "wmo-1a") == "1.0"


def test_search_says_when_the_limit_cuts_results_off() -> None:
    result = invoke("search", "klachtenregeling", "--limiet", "3")
    assert result.exit_code == 0
    assert "3 van 1" in result.output and "--limiet" in result.output  # '3 van 10 criteria getoond'
    data = json.loads(invoke("search", "VOG", "-f", "json").output)
    assert data["totaal"] == 2 and data["afgekapt"] is False
    assert data["resultaten"][0]["criterium"]["id"] in ("jzp-50", "vsm-26")


def test_version_names_the_corpus_release() -> None:
    result = invoke("--version")
    assert re.search(r"corpus \d{4}\.\d+ \([0-9a-f]{12}\)", result.output), result.output
