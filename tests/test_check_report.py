"""Report formats of `inkoopkader check`: JSON schema, JUnit XML and GitHub workflow commands."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from inkoopkader.check.model import (
    Bewijs,
    CriteriumResultaat,
    KaderVerwijzing,
    Locatie,
    Rapport,
    Status,
    VerouderdeVerwijzing,
)
from inkoopkader.check.report import SCHEMA_VERSION, to_github, to_json, to_junit
from inkoopkader.model import Rol, Thema


def resultaat(corpus, cid: str, status: Status, *, vereist: bool = False, score: float = 0.0,
              bewijs: tuple[Bewijs, ...] = (), verschil: tuple[str, ...] = ()) -> CriteriumResultaat:
    return CriteriumResultaat(
        criterium=corpus.criterium(cid), rol=Rol.MINIMUMEIS, status=status, score=score, bewijs=bewijs,
        verschil=verschil, vereist=vereist,
    )


def rapport(corpus, *, strikt: bool = False, min_dekking: float | None = None, concept: str = "concept.md",
            redenen: tuple[str, ...] = ()) -> Rapport:
    regel = Locatie("regel", 12)
    resultaten = (
        # bwmo-01 has **vet** markup in the corpus: JSON must give plain text.
        resultaat(corpus, "bwmo-01", Status.GEDEKT, score=97.5,
                  bewijs=(Bewijs("Opdrachtnemer toont aan dat de inwoner correct & respectvol <bejegend> wordt.", regel, 97.5),)),
        resultaat(corpus, "bwmo-02", Status.GEWIJZIGD, score=71,
                  bewijs=(Bewijs("zwak", Locatie("regel", 3), 10), Bewijs("sterk", Locatie("regel", 20), 71)),
                  verschil=("ontbreekt: «Keuzevrijheid van de cliënt»", "toegevoegd: «50% korting, ja: echt»")),
        resultaat(corpus, "bwmo-04", Status.ONTBREEKT),
        resultaat(corpus, "bwmo-32", Status.ONTBREEKT, vereist=True),
        resultaat(corpus, "bwmo-33", Status.GEDEKT, score=100, bewijs=(Bewijs("x\x0by", Locatie("tabel", 4, 2, (1, 2, 3)), 100),)),
        resultaat(corpus, "bwmo-25", Status.ONTBREEKT),  # samenwerking
    )
    return Rapport(
        concept=concept,
        formaat="md",
        segment="wmo-1a",
        corpus_versie="abc123",
        bron_van_selectie="segment: wmo-1a",
        resultaten=resultaten,
        kaderverwijzingen=(
            KaderVerwijzing(1, "Opdrachtnemer werkt conform de Kwaliteitseisen BW en MO (VNG, 2016).", Locatie("regel", 5), "2016"),
            KaderVerwijzing(11, "… Beroepscompetentieprofiel sociaal werker (2017) …", Locatie("regel", 7), "2017", True),
        ),
        verouderd=(
            VerouderdeVerwijzing("wbp", "Wbp", "AVG", "2018-05-25", "Conform de Wbp.", Locatie("regel", 40)),
            VerouderdeVerwijzing("awbz", "AWBZ", "Wlz", "2015-01-01", "De AWBZ.", Locatie("alinea", 9, pagina=3)),
        ),
        min_dekking=min_dekking,
        strikt=strikt,
        redenen_afgekeurd=redenen,
    )


# --- JSON ----------------------------------------------------------------------------------------------


def test_json_follows_the_documented_schema(corpus) -> None:
    data = json.loads(to_json(rapport(corpus)))
    assert data["schema_version"] == SCHEMA_VERSION == 3
    assert set(data) == {
        "schema_version", "concept", "segment", "corpus_versie", "selectie", "poort", "geslaagd", "redenen",
        "samenvatting", "dekking", "dekking_per_kader", "criteria", "kaderverwijzingen", "verouderd",
    }
    assert data["concept"] == {"naam": "concept.md", "formaat": "md"}
    assert data["selectie"] == {"bron": "segment: wmo-1a"}
    assert data["geslaagd"] is True and data["redenen"] == []
    assert data["samenvatting"] == {
        "criteria": 6, "gedekt": 2, "gewijzigd": 1, "via_kader": 0, "ontkracht": 0, "ontbreekt": 3, "vereist": 1,
        "vereist_ontbrekend": 1,
        "kaderverwijzingen": 2, "verouderd": 2,
    }
    crit = {c["id"]: c for c in data["criteria"]}
    assert set(crit["bwmo-01"]) == {
        "id", "kader", "herkomst", "thema", "themas", "doelgroep", "rol", "tekst", "status", "score", "vereist",
        "via_anker", "vergeleken_met", "verschil", "bewijs",
    }
    assert crit["bwmo-01"]["kader"] == 1 and crit["bwmo-01"]["herkomst"] == "kader"
    assert crit["bwmo-01"]["vergeleken_met"] == "bron"
    assert "**" not in crit["bwmo-01"]["tekst"] and "correct en respectvol wordt bejegend" in crit["bwmo-01"]["tekst"]
    assert crit["bwmo-01"]["status"] == "gedekt" and crit["bwmo-01"]["score"] == 97.5
    assert crit["bwmo-01"]["bewijs"][0]["locatie"] == {
        "beschrijving": "regel 12", "soort": "regel", "index": 12, "regel": 12, "pagina": None, "tabel": None,
        "kop": None, "alinea_in_kop": None,
    }
    assert crit["bwmo-33"]["bewijs"][0]["locatie"]["tabel"] == {"tabel": 1, "rij": 2, "kolom": 3}
    assert crit["bwmo-33"]["bewijs"][0]["locatie"]["regel"] is None
    assert crit["bwmo-02"]["verschil"][0].startswith("ontbreekt")
    assert crit["bwmo-32"]["vereist"] is True and crit["bwmo-32"]["status"] == "ontbreekt"
    assert data["kaderverwijzingen"][1]["afwijkende_editie"] is True
    assert data["verouderd"][0] | {"locatie": None} == {
        "onderwerp": "wbp", "term": "Wbp", "vervangen_door": "AVG", "sinds": "2018-05-25", "tekst": "Conform de Wbp.",
        "locatie": None,
    }


def test_json_coverage_per_thema_and_kader(corpus) -> None:
    data = json.loads(to_json(rapport(corpus, min_dekking=0.5)))
    dekking = {d["thema"]: d for d in data["dekking"]}
    assert dekking["dienstverlening"] == {
        "thema": "dienstverlening", "criteria": 3, "gedekt": 1, "gewijzigd": 1, "via_kader": 0, "ontkracht": 0, "ontbreekt": 1,
        "dekking": 0.6667, "voldoende": True,
    }
    assert dekking["samenwerking"]["voldoende"] is False
    kader1 = data["dekking_per_kader"][0]
    assert kader1["kader"] == 1 and kader1["criteria"] == 6 and kader1["als_geheel_verwezen"] is True
    assert kader1["herkomst"] == "kader"
    assert data["poort"] == {"min_dekking": 0.5, "strikt": False}
    r = rapport(corpus, min_dekking=0.5)
    assert [(d.kader, d.totaal, d.gedekt, d.gewijzigd) for d in r.per_kader()] == [
        (k["kader"], k["criteria"], k["gedekt"], k["gewijzigd"]) for k in data["dekking_per_kader"]
    ]
    assert [d.thema for d in r.te_lage_dekking()] == [Thema(t) for t, d in dekking.items() if not d["voldoende"]]


# --- JUnit ----------------------------------------------------------------------------------------------


def _suites(xml: str) -> dict[str, ET.Element]:
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites"
    return {s.get("name"): s for s in root.findall("testsuite")}


def test_junit_has_one_testcase_per_checked_criterion(corpus) -> None:
    r = rapport(corpus)
    suites = _suites(to_junit(r))
    criteria = [c for name, s in suites.items() if name != "verouderde verwijzingen" for c in s.findall("testcase")]
    assert len(criteria) == len(r.resultaten)
    assert set(suites) == {"dienstverlening", "samenwerking", "organisatie", "verouderde verwijzingen"}
    for suite in suites.values():
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        props = {p.get("name"): p.get("value") for p in suite.find("properties")}
        assert props["segment"] == "wmo-1a" and props["corpus_versie"] == "abc123"


def test_junit_failures_follow_the_gate(corpus) -> None:
    # Without min_dekking only the missing required criterion fails; other missing ones are skipped.
    suites = _suites(to_junit(rapport(corpus)))
    cases = {c.get("name").split(":")[0]: c for s in suites.values() for c in s.findall("testcase")}
    assert cases["bwmo-32"].find("failure").get("message") == "Vereist criterium ontbreekt"
    assert cases["bwmo-04"].find("skipped") is not None and cases["bwmo-04"].find("failure") is None
    assert "Bewijs (regel 12" in cases["bwmo-01"].find("system-out").text
    assert all(c.find("failure") is None for c in suites["verouderde verwijzingen"].findall("testcase"))

    # Coverage of samenwerking (0%) fails 50%: everything missing in that thema fails too.
    suites = _suites(to_junit(rapport(corpus, min_dekking=0.5)))
    cases = {c.get("name").split(":")[0]: c for s in suites.values() for c in s.findall("testcase")}
    assert "te laag" in cases["bwmo-25"].find("failure").get("message")
    assert cases["bwmo-04"].find("skipped") is not None  # dienstverlening is at 67%: not failing

    # --strikt: outdated references are failures.
    suites = _suites(to_junit(rapport(corpus, strikt=True)))
    verouderd = suites["verouderde verwijzingen"].findall("testcase")
    assert len(verouderd) == 2 and all(c.find("failure") is not None for c in verouderd)
    assert suites["verouderde verwijzingen"].get("failures") == "2"


def test_junit_escapes_and_drops_invalid_xml_characters(corpus) -> None:
    xml = to_junit(rapport(corpus, concept='c&o "nc" <ept>.md'))
    root = ET.fromstring(xml.encode("utf-8"))  # parses: &, <, > and " are escaped, \x0b replaced
    props = {p.get("name"): p.get("value") for p in root.find("testsuite/properties")}
    assert props["concept"] == 'c&o "nc" <ept>.md'
    assert "\x0b" not in xml
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')


# --- GitHub ------------------------------------------------------------------------------------------------

_COMMAND = re.compile(r"^::(error|warning|notice)(?: ((?:file|line|title)=[^,:]*(?:,(?:file|line|title)=[^,:]*)*))?::(.*)$")


def _commands(text: str) -> list[tuple[str, dict[str, str], str]]:
    result = []
    for line in text.splitlines():
        m = _COMMAND.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(",")) if m.group(2) else {}
        assert "\r" not in m.group(3)
        result.append((m.group(1), props, m.group(3)))
    return result


def test_github_annotations_have_the_right_shape(corpus) -> None:
    commands = _commands(to_github(rapport(corpus)))
    levels = [c[0] for c in commands]
    assert levels.count("error") == 1  # only the missing required criterion
    missing = next(c for c in commands if c[0] == "error")
    assert "bwmo-32" in missing[2] and missing[1]["file"] == "concept.md" and "line" not in missing[1]
    edited = next(c for c in commands if "bwmo-02" in c[1].get("title", ""))
    assert edited[0] == "warning" and edited[1]["line"] == "20"  # the strongest evidence
    wbp = next(c for c in commands if "Wbp" in c[1].get("title", ""))
    assert wbp[0] == "warning" and wbp[1]["line"] == "40" and "25-05-2018" in wbp[2]
    awbz = next(c for c in commands if "AWBZ" in c[1].get("title", ""))
    assert "line" not in awbz[1]  # a paragraph in a Word document has no line
    edition = next(c for c in commands if "kader 11" in c[1].get("title", ""))
    assert edition[0] == "warning" and edition[1]["line"] == "7"
    assert commands[-1][0] == "notice" and "Poort geslaagd" in commands[-1][2]


def test_reports_say_which_wording_an_edited_criterion_was_compared_with(corpus) -> None:
    from dataclasses import replace

    basis = rapport(corpus)
    resultaten = tuple(replace(r, vergeleken_met="toelichting") if r.criterium.id == "bwmo-02" else r
                       for r in basis.resultaten)
    anders = replace(basis, resultaten=resultaten)
    edited = next(c for c in _commands(to_github(anders)) if "bwmo-02" in c[1].get("title", ""))
    assert "score 71, vergeleken met de toelichting:" in edited[2]
    assert "vergeleken met de toelichting" in to_junit(anders)
    assert "vergeleken met" not in to_junit(basis)
    crit = {c["id"]: c for c in json.loads(to_json(anders))["criteria"]}
    assert crit["bwmo-02"]["vergeleken_met"] == "toelichting" and crit["bwmo-01"]["vergeleken_met"] == "bron"


def test_github_escaping(corpus) -> None:
    text = to_github(rapport(corpus, strikt=True, redenen=("1 verouderde verwijzing\nen --strikt",)),
                     bestand="map, met: tekens/concept%.md")
    commands = _commands(text)
    assert all(c[1].get("file") in (None, "map%2C met%3A tekens/concept%25.md") for c in commands)
    edited = next(c for c in commands if "bwmo-02" in c[1].get("title", ""))
    assert edited[1]["title"] == "Criterium gewijzigd%3A bwmo-02"
    assert "50%25 korting, ja: echt" in edited[2]  # data: % escaped, ':' and ',' kept
    assert [c[0] for c in commands if "title" in c[1] and "Verouderde" in c[1]["title"]] == ["error", "error"]
    assert commands[-1][0] == "error" and "verwijzing%0Aen --strikt" in commands[-1][2]


@pytest.mark.parametrize("min_dekking", [0.5])
def test_github_reports_thema_below_min_dekking(corpus, min_dekking: float) -> None:
    commands = _commands(to_github(rapport(corpus, min_dekking=min_dekking)))
    low = [c for c in commands if c[0] == "error" and "Dekking" in c[1].get("title", "")]
    assert len(low) == 1 and "samenwerking" in low[0][1]["title"] and "bwmo-25" in low[0][2]


def test_thema_enum_order_is_kept_in_junit(corpus) -> None:
    names = list(_suites(to_junit(rapport(corpus))))
    order = [t.value for t in Thema if t.value in names]
    assert names[: len(order)] == order


def test_a_required_criterion_that_is_ontkracht_is_reported_as_ontkracht_not_missing(corpus) -> None:
    # Issue 12 review: GitHub said "ontbreekt in het concept" and JUnit type="ontbreekt" for an ontkracht one.
    from dataclasses import replace

    basis = rapport(corpus)
    resultaten = tuple(replace(r, status=Status.ONTKRACHT, verschil=("ontkend: «niet»",))
                       if r.criterium.id == "bwmo-32" else r for r in basis.resultaten)
    ontkracht = replace(basis, resultaten=resultaten)
    fout = next(c for c in _commands(to_github(ontkracht)) if c[0] == "error" and "bwmo-32" in c[2])
    assert "is ontkracht in het concept" in fout[2] and "ontbreekt" not in fout[2]
    assert "ontkracht" in fout[1]["title"]
    cases = {c.get("name").split(":")[0]: c for s in _suites(to_junit(ontkracht)).values() for c in s.findall("testcase")}
    assert cases["bwmo-32"].find("failure").get("type") == "ontkracht"
    cases = {c.get("name").split(":")[0]: c for s in _suites(to_junit(basis)).values() for c in s.findall("testcase")}
    assert cases["bwmo-32"].find("failure").get("type") == "ontbreekt"


def test_text_summary_says_kader_references_count_via_kader(corpus) -> None:
    from inkoopkader.check import format_tekst

    tekst = format_tekst(rapport(corpus), corpus)
    assert "Verwijzingen naar een kader als geheel" in tekst
    assert "tellen los van de dekking" not in tekst and "via kader" in tekst
