"""Machine-readable forms of a check `Rapport`: JSON, JUnit XML and GitHub workflow commands.

The human summary is `samenvatting.format_tekst`; these formats are for CI systems and
scripts. All three describe the same gate as `Rapport.geslaagd`.

JSON (`to_json`, ``schema_version`` 3). Top level:

=====================  =====================================================================================
``schema_version``     3 (2: `vorm` became `rol`; 3: ``kader`` is null for staff requirements and statutory
                       duties, which ``herkomst`` names; they were kader 0 and -1); raised only for
                       incompatible changes (fields may be added within a version)
``concept``            ``{"naam", "formaat"}``: the draft and how it was read (docx, odt, pdf, md, txt, tekst)
``segment``            segment ID the draft was checked against, e.g. ``wmo-1a``
``corpus_versie``      content hash of the corpus used
``selectie``           ``{"bron"}``: where the selection came from (``segment: …``, ``profiel: …``, document)
``poort``              ``{"min_dekking", "strikt"}``: the gate's settings (``min_dekking`` 0-1 or null)
``geslaagd``           the gate: true = exit code 0
``redenen``            why the gate failed (Dutch sentences; empty when it passed)
``samenvatting``       counts: criteria, gedekt, gewijzigd, via_kader, ontkracht, ontbreekt, vereist,
                       vereist_ontbrekend (not found: ontbreekt or ontkracht), kaderverwijzingen, verouderd
``dekking``            per thema: thema, criteria, gedekt, gewijzigd, ontbreekt, dekking (0-1), voldoende
                       (true/false against ``min_dekking``; null without one)
``dekking_per_kader``  per kader: kader (nummer, or null), herkomst (kader | personeel | wettelijk: the staff
                       requirements and the statutory duties are one row each), criteria, gedekt, gewijzigd,
                       ontbreekt, dekking,
                       als_geheel_verwezen (the draft references the kader as a whole)
``criteria``           every checked criterion: id, kader (nummer, or null), herkomst (kader | personeel |
                       wettelijk), thema (hoofdthema), themas, doelgroep, rol,
                       tekst (plain, no markup), status (gedekt | gewijzigd | via-kader | ontkracht |
                       ontbreekt), score (0-100),
                       vereist, via_anker, vergeleken_met (the wording the evidence was compared
                       with: bron | aanbestedingstekst | toelichting), verschil (list of Dutch lines),
                       bewijs (list of ``{"tekst", "score", "locatie"}``)
``kaderverwijzingen``  kader, tekst, editie (or null), afwijkende_editie, locatie
``verouderd``          onderwerp (ID in actualiteit.yaml), term, vervangen_door, sinds (ISO date), tekst, locatie
=====================  =====================================================================================

A ``locatie`` is ``{"beschrijving", "soort", "index", "regel", "pagina", "tabel"}``: ``beschrijving`` is
Dutch ("pagina 3, alinea 41"), ``regel`` the line number for .md/.txt drafts (else null), ``pagina`` the
page where known, ``tabel`` ``{"tabel", "rij", "kolom"}`` or null.

JUnit (`to_junit`): one ``<testsuite>`` per thema with one ``<testcase>`` per checked criterion
(classname ``inkoopkader.<segment>.<thema>``, name ``<id>: <begin van de tekst>``), plus a suite
``verouderde verwijzingen`` with one testcase per outdated reference. A testcase fails when the
criterion is required (``--vereist`` or profile) and missing, or when it is missing in a thema whose
coverage is below ``--min-dekking``; an outdated reference fails only with ``--strikt``. Other missing
criteria are ``<skipped>``; found criteria pass and carry their evidence in ``<system-out>``. Every
suite has properties segment, corpus_versie, concept, selectie, min_dekking, strikt.

GitHub (`to_github`): workflow commands, one per line. ``::error`` for a missing required criterion,
each thema below ``--min-dekking`` and (with ``--strikt``) each outdated reference; ``::warning`` for
edited criteria, outdated references and kader references to another edition; ``::notice`` for kader
references and a closing summary. ``file`` is the draft, ``line`` is set where the location is a
line (.md, .txt). Values are escaped as GitHub requires (``%``, CR, LF; in properties also ``:`` and ``,``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import aantal
from ..model import Herkomst, Thema
from ..text import strip_markup
from .model import (
    Bewijs,
    CriteriumResultaat,
    KaderVerwijzing,
    Locatie,
    Rapport,
    Status,
    VerouderdeVerwijzing,
    kader_volgorde,
)

if TYPE_CHECKING:  # ElementTree: JUnit output only, the default summary should not pay for importing it
    import xml.etree.ElementTree as ET

    from ..model import Corpus

__all__ = [
    "SCHEMA_VERSION",
    "beste_bewijs",
    "gefaalde_themas",
    "kader_label",
    "kader_naam",
    "kader_volgorde",
    "locatie_data",
    "regel_van",
    "to_data",
    "to_github",
    "to_json",
    "to_junit",
    "verouderd_zin",
]

SCHEMA_VERSION = 3


# --- shared helpers --------------------------------------------------------------------------------------


def regel_van(locatie: Locatie) -> int | None:
    """The line number of a location in a line-based draft (.md, .txt), else None."""
    return locatie.index if locatie.soort == "regel" else None


def locatie_data(locatie: Locatie) -> dict[str, Any]:
    """A location as plain data: Dutch description plus the structured fields."""
    tabel = None
    if locatie.tabel:
        t, r, c = locatie.tabel
        tabel = {"tabel": t, "rij": r, "kolom": c}
    return {
        "beschrijving": locatie.beschrijving(),
        "soort": locatie.soort,
        "index": locatie.index,
        "regel": regel_van(locatie),
        "pagina": locatie.pagina,
        "tabel": tabel,
        "kop": locatie.kop,
        "alinea_in_kop": locatie.alinea_in_kop,
    }


def gefaalde_themas(rapport: Rapport) -> set[Thema]:
    """Themas whose coverage is below the report's `min_dekking`."""
    return {d.thema for d in rapport.te_lage_dekking()}


def _faalt(resultaat: CriteriumResultaat, gefaald: set[Thema]) -> str | None:
    """Why this criterion fails the gate, or None."""
    if resultaat.status.gevonden:
        return None
    ontkracht = resultaat.status is Status.ONTKRACHT
    if resultaat.vereist:
        return "Vereist criterium is ontkracht" if ontkracht else "Vereist criterium ontbreekt"
    if resultaat.criterium.hoofdthema in gefaald:
        wat = "Ontkracht" if ontkracht else "Ontbreekt"
        return f"{wat}; de dekking van {resultaat.criterium.hoofdthema.value} is te laag"
    return None


def beste_bewijs(resultaat: CriteriumResultaat) -> Bewijs | None:
    """The strongest piece of evidence (its location is where an annotation points)."""
    return max(resultaat.bewijs, key=lambda b: b.score) if resultaat.bewijs else None


def _datum(iso: str) -> str:
    """'2018-05-25' -> '25-05-2018' (Dutch order); anything else unchanged."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    return f"{m[3]}-{m[2]}-{m[1]}" if m else iso


def _kort(tekst: str, maximum: int = 80) -> str:
    tekst = " ".join(strip_markup(tekst).split())
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1].rstrip() + "…"


def verouderd_zin(v: VerouderdeVerwijzing) -> str:
    """One Dutch sentence about an outdated reference."""
    return f"'{v.term}' is verouderd: sinds {_datum(v.sinds)} vervangen door {v.vervangen_door}."


_PERSONEEL_TITEL = "Personeel (opleiding, registratie, competenties)"


def kader_naam(corpus: Corpus, kader: int | Herkomst, *, kort: bool = False) -> str:
    """How a report names what a result belongs to (`KaderDekking.kader`, `CriteriumResultaat.kader`):
    a kader by number, '3. Kwaliteitskader … (2021)', or with `kort` only the title's first sentence;
    staff requirements and statutory duties (`Herkomst.PERSONEEL`, `Herkomst.WETTELIJK`) by what they hold."""
    if kader is Herkomst.PERSONEEL:
        return _PERSONEEL_TITEL
    if kader is Herkomst.WETTELIJK:
        from ..wettelijk import WETTELIJK_TITEL

        return WETTELIJK_TITEL
    try:
        gevonden = corpus.kader(int(kader))
    except (KeyError, ValueError):
        return f"kader {kader}"
    return gevonden.titel.split(". ")[0] if kort else f"{gevonden.nummer}. {gevonden.titel} ({gevonden.jaar})"


def kader_label(corpus: Corpus, kader: int | Herkomst, *, kort: bool = False) -> str:
    """A row label for a table per kader: '3. Kwaliteitskader …' (the number first, also with `kort`),
    or 'Personeel (…)' / 'Wettelijke verplichtingen' without a number."""
    naam = kader_naam(corpus, kader, kort=kort)
    return f"{kader}. {naam}" if kort and isinstance(kader, int) else naam


def _bron(r: CriteriumResultaat) -> str:
    """Where a result comes from, for a one-line message: 'kader 3', 'personeel', 'wettelijk'."""
    return f"kader {r.kader}" if isinstance(r.kader, int) else r.kader.value


def _per_kader(rapport: Rapport) -> list[dict[str, Any]]:
    verwezen = {v.kader for v in rapport.kaderverwijzingen}
    return [
        {
            "kader": d.kader if isinstance(d.kader, int) else None,
            "herkomst": d.kader.value if isinstance(d.kader, Herkomst) else Herkomst.KADER.value,
            "criteria": d.totaal,
            "gedekt": d.gedekt,
            "gewijzigd": d.gewijzigd,
            "via_kader": d.via_kader,
            "ontkracht": d.ontkracht,
            "ontbreekt": d.ontbreekt,
            "dekking": round(d.dekking, 4),
            "als_geheel_verwezen": d.kader in verwezen,
        }
        for d in rapport.per_kader()
    ]


# --- JSON --------------------------------------------------------------------------------------------------


def _criterium_data(r: CriteriumResultaat) -> dict[str, Any]:
    c = r.criterium
    return {
        "id": c.id,
        "kader": c.kader if c.herkomst is Herkomst.KADER else None,
        "herkomst": c.herkomst.value,
        "thema": c.hoofdthema.value,
        "themas": [t.value for t in c.thema],
        "doelgroep": c.doelgroep.value,
        "rol": r.rol.value,
        "tekst": strip_markup(c.tekst),
        "status": r.status.value,
        "score": round(float(r.score), 1),
        "vereist": r.vereist,
        "via_anker": r.via_anker,
        "vergeleken_met": r.vergeleken_met,
        "verschil": list(r.verschil),
        "bewijs": [
            {"tekst": b.tekst, "score": round(float(b.score), 1), "locatie": locatie_data(b.locatie)} for b in r.bewijs
        ],
    }


def _kaderverwijzing_data(v: KaderVerwijzing) -> dict[str, Any]:
    return {
        "kader": v.kader,
        "tekst": v.tekst,
        "editie": v.editie,
        "afwijkende_editie": v.afwijkende_editie,
        "locatie": locatie_data(v.locatie),
        "locaties": [locatie_data(loc) for loc in v.alle_locaties],
    }


def _verouderd_data(v: VerouderdeVerwijzing) -> dict[str, Any]:
    return {
        "onderwerp": v.onderwerp,
        "term": v.term,
        "vervangen_door": v.vervangen_door,
        "sinds": v.sinds,
        "tekst": v.tekst,
        "locatie": locatie_data(v.locatie),
    }


def to_data(rapport: Rapport) -> dict[str, Any]:
    """The report as JSON-ready data (see the module docstring for the schema)."""
    counts = {s: len(rapport.met_status(s)) for s in Status}
    vereist = [r for r in rapport.resultaten if r.vereist]
    return {
        "schema_version": SCHEMA_VERSION,
        "concept": {"naam": rapport.concept, "formaat": rapport.formaat},
        "segment": rapport.segment,
        "corpus_versie": rapport.corpus_versie,
        "selectie": {"bron": rapport.bron_van_selectie},
        "poort": {"min_dekking": rapport.min_dekking, "strikt": rapport.strikt},
        "geslaagd": rapport.geslaagd,
        "redenen": list(rapport.redenen_afgekeurd),
        "samenvatting": {
            "criteria": len(rapport.resultaten),
            "gedekt": counts[Status.GEDEKT],
            "gewijzigd": counts[Status.GEWIJZIGD],
            "via_kader": counts[Status.VIA_KADER],
            "ontkracht": counts[Status.ONTKRACHT],
            "ontbreekt": counts[Status.ONTBREEKT],
            "vereist": len(vereist),
            "vereist_ontbrekend": sum(1 for r in vereist if not r.status.gevonden),
            "kaderverwijzingen": len(rapport.kaderverwijzingen),
            "verouderd": len(rapport.verouderd),
        },
        "dekking": [
            {
                "thema": d.thema.value,
                "criteria": d.totaal,
                "gedekt": d.gedekt,
                "gewijzigd": d.gewijzigd,
                "via_kader": d.via_kader,
                "ontkracht": d.ontkracht,
                "ontbreekt": d.ontbreekt,
                "dekking": round(d.dekking, 4),
                "voldoende": None if rapport.min_dekking is None else d.dekking >= rapport.min_dekking,
            }
            for d in rapport.per_thema()
        ],
        "dekking_per_kader": _per_kader(rapport),
        "criteria": [_criterium_data(r) for r in rapport.resultaten],
        "kaderverwijzingen": [_kaderverwijzing_data(v) for v in rapport.kaderverwijzingen],
        "verouderd": [_verouderd_data(v) for v in rapport.verouderd],
    }


def to_json(rapport: Rapport) -> str:
    """The report as JSON text (UTF-8, indented), schema_version 3; see the module docstring."""
    return json.dumps(to_data(rapport), ensure_ascii=False, indent=2) + "\n"


# --- JUnit XML ---------------------------------------------------------------------------------------------

# Characters XML 1.0 cannot carry at all (Word text can hold e.g. vertical tabs); replaced, not escaped.
@cache
def _niet_xml() -> re.Pattern[str]:
    # Compiled on first use: a class spanning all of Unicode takes milliseconds to compile.
    return re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(tekst: object) -> str:
    return _niet_xml().sub("\ufffd", str(tekst))


def _bewijs_tekst(r: CriteriumResultaat) -> str:
    lines = [f"Status: {r.status.value}, score {r.score:.0f}" + (" (gevonden via anker)" if r.via_anker else "")
             + (f" (vergeleken met de {r.vergeleken_met})" if r.vergeleken_met != "bron" else "")]
    lines += [f"Verschil: {v}" for v in r.verschil]
    lines += [f"Bewijs ({b.locatie.beschrijving()}, score {b.score:.0f}): {b.tekst}" for b in r.bewijs]
    return "\n".join(lines)


def _suite(parent: ET.Element, naam: str, properties: dict[str, str]) -> ET.Element:
    import xml.etree.ElementTree as ET
    suite = ET.SubElement(parent, "testsuite", {"name": naam})
    props = ET.SubElement(suite, "properties")
    for key, value in properties.items():
        ET.SubElement(props, "property", {"name": key, "value": _xml(value)})
    return suite


def _tel(suite: ET.Element) -> tuple[int, int, int]:
    cases = suite.findall("testcase")
    failures = sum(1 for c in cases if c.find("failure") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    suite.set("time", "0")
    return len(cases), failures, skipped


def to_junit(rapport: Rapport) -> str:
    """The report as JUnit XML (GitLab, Azure DevOps, Jenkins); see the module docstring."""
    import xml.etree.ElementTree as ET

    gefaald = gefaalde_themas(rapport)
    properties = {
        "segment": rapport.segment,
        "corpus_versie": rapport.corpus_versie,
        "concept": rapport.concept,
        "selectie": rapport.bron_van_selectie,
        "min_dekking": "" if rapport.min_dekking is None else f"{rapport.min_dekking:g}",
        "strikt": "ja" if rapport.strikt else "nee",
    }
    root = ET.Element("testsuites", {"name": f"inkoopkader check {rapport.segment}"})
    dekking = {d.thema: d for d in rapport.per_thema()}
    for thema in Thema:
        rows = [r for r in rapport.resultaten if r.criterium.hoofdthema is thema]
        if not rows:
            continue
        suite = _suite(root, thema.value, properties)
        for r in rows:
            case = ET.SubElement(
                suite,
                "testcase",
                {
                    "name": _xml(f"{r.criterium.id}: {_kort(r.criterium.tekst)}"),
                    "classname": _xml(f"inkoopkader.{rapport.segment}.{thema.value}"),
                    "time": "0",
                },
            )
            reden = _faalt(r, gefaald)
            tekst = f"{r.criterium.id} ({_bron(r)}, {thema.value}): {strip_markup(r.criterium.tekst)}"
            if reden:
                if not r.vereist:
                    d = dekking[thema]
                    reden += f" ({d.dekking:.0%}, vereist {rapport.min_dekking:.0%})"
                failure = ET.SubElement(case, "failure", {"message": _xml(reden), "type": r.status.value})
                failure.text = _xml(tekst)
            elif r.status is Status.ONTBREEKT:
                ET.SubElement(case, "skipped", {"message": "Ontbreekt in het concept (niet vereist)"})
            elif r.status is Status.ONTKRACHT:
                skipped = ET.SubElement(case, "skipped", {
                    "message": _xml("Ontkracht in het concept (niet vereist): " + "; ".join(r.verschil[:2]))})
                skipped.text = _xml(_bewijs_tekst(r))
            else:
                out = ET.SubElement(case, "system-out")
                out.text = _xml(_bewijs_tekst(r))
    suite = _suite(root, "verouderde verwijzingen", properties)
    for v in rapport.verouderd:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "name": _xml(f"{v.onderwerp}: {v.term} ({v.locatie.beschrijving()})"),
                "classname": _xml(f"inkoopkader.{rapport.segment}.verouderd"),
                "time": "0",
            },
        )
        detail = f"{verouderd_zin(v)}\nTekst ({v.locatie.beschrijving()}): {v.tekst}"
        if rapport.strikt:
            failure = ET.SubElement(case, "failure", {"message": _xml(verouderd_zin(v)), "type": "verouderd"})
            failure.text = _xml(detail)
        else:
            ET.SubElement(case, "system-out").text = _xml(detail)
    if rapport.kaderverwijzingen:
        lines = [
            f"Kader {v.kader} als geheel ({v.locatie.beschrijving()})"
            + (f", editie {v.editie}" if v.editie else "")
            + (" — AFWIJKENDE EDITIE" if v.afwijkende_editie else "")
            + f": {v.tekst}"
            for v in rapport.kaderverwijzingen
        ]
        ET.SubElement(suite, "system-out").text = _xml("\n".join(lines))
    totals = [0, 0, 0]
    for s in root.findall("testsuite"):
        for i, n in enumerate(_tel(s)):
            totals[i] += n
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", "0")
    root.set("skipped", str(totals[2]))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- GitHub workflow commands ----------------------------------------------------------------------------


def _gh_data(tekst: str) -> str:
    return tekst.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(tekst: str) -> str:
    return _gh_data(tekst).replace(":", "%3A").replace(",", "%2C")


def _gh(niveau: str, bericht: str, *, bestand: str | None = None, regel: int | None = None,
        titel: str | None = None) -> str:
    props = []
    if bestand:
        props.append(f"file={_gh_property(bestand)}")
    if regel is not None and bestand:
        props.append(f"line={regel}")
    if titel:
        props.append(f"title={_gh_property(titel)}")
    head = f"::{niveau}" + (" " + ",".join(props) if props else "")
    return f"{head}::{_gh_data(bericht)}"


def _ids(results: Iterable[CriteriumResultaat]) -> str:
    return ", ".join(r.criterium.id for r in results)


def to_github(rapport: Rapport, bestand: str | None = None) -> str:
    """The report as GitHub Actions workflow commands (annotations), one per line.

    Args:
        rapport: the check report.
        bestand: the path to annotate (relative to the repository); default the report's concept name.
    """
    bestand = bestand or rapport.concept
    gefaald = gefaalde_themas(rapport)
    lines: list[str] = []
    for r in rapport.resultaten:
        reden = _faalt(r, gefaald)
        if reden and r.vereist:
            wat = "is ontkracht" if r.status is Status.ONTKRACHT else "ontbreekt"
            lines.append(
                _gh("error", f"{r.criterium.id} ({_bron(r)}, {r.criterium.hoofdthema.value}) "
                             f"{wat} in het concept: {strip_markup(r.criterium.tekst)}",
                    bestand=bestand, titel=f"Vereist criterium {wat}: {r.criterium.id}")
            )
    for d in rapport.per_thema():
        if d.thema in gefaald:
            missing = [r for r in rapport.met_status(Status.ONTBREEKT) if r.criterium.hoofdthema is d.thema]
            lines.append(
                _gh("error", f"Dekking {d.thema.value} is {d.dekking:.0%} ({d.gedekt + d.gewijzigd} van {d.totaal}); "
                             f"vereist is {rapport.min_dekking:.0%}. Ontbrekend: {_ids(missing)}",
                    bestand=bestand, titel=f"Dekking {d.thema.value} te laag")
            )
    for r in rapport.met_status(Status.ONTKRACHT):
        b = beste_bewijs(r)
        waar = f" ({b.locatie.beschrijving()})" if b else ""
        waarom = "; ".join(v for v in r.verschil if v.startswith(("ontkend", "kwijtgescholden", "andere actor")))
        lines.append(
            _gh("error" if r.vereist else "warning",
                f"{r.criterium.id} staat in het concept maar is ontkracht{waar}: {waarom}. Het telt niet als gevonden.",
                bestand=bestand, regel=regel_van(b.locatie) if b else None,
                titel=f"Criterium ontkracht: {r.criterium.id}")
        )
    for r in rapport.met_status(Status.GEWIJZIGD):
        b = beste_bewijs(r)
        verschil = "; ".join(r.verschil) or "de tekst wijkt wezenlijk af van de bron"
        waar = f" ({b.locatie.beschrijving()})" if b else ""
        vorm = f", vergeleken met de {r.vergeleken_met}" if r.vergeleken_met != "bron" else ""
        lines.append(
            _gh("warning", f"{r.criterium.id} is gewijzigd overgenomen{waar}, score {r.score:.0f}{vorm}: {verschil}",
                bestand=bestand, regel=regel_van(b.locatie) if b else None,
                titel=f"Criterium gewijzigd: {r.criterium.id}")
        )
    for v in rapport.verouderd:
        lines.append(
            _gh("error" if rapport.strikt else "warning", f"{verouderd_zin(v)} Tekst: {v.tekst}",
                bestand=bestand, regel=regel_van(v.locatie), titel=f"Verouderde verwijzing: {v.term}")
        )
    for v in rapport.kaderverwijzingen:
        if v.afwijkende_editie:
            lines.append(
                _gh("warning", f"Verwijzing naar kader {v.kader} noemt editie {v.editie}; het corpus bevat een "
                               f"andere editie. Tekst: {v.tekst}",
                    bestand=bestand, regel=regel_van(v.locatie), titel=f"Afwijkende editie van kader {v.kader}")
            )
        else:
            lines.append(
                _gh("notice", f"Kader {v.kader} wordt als geheel van toepassing verklaard: {v.tekst}",
                    bestand=bestand, regel=regel_van(v.locatie), titel=f"Kaderverwijzing: kader {v.kader}")
            )
    counts = {s: len(rapport.met_status(s)) for s in Status}
    gevonden = counts[Status.GEDEKT] + counts[Status.GEWIJZIGD] + counts[Status.VIA_KADER]
    samenvatting = (
        f"{gevonden} van {aantal(len(rapport.resultaten), 'criterium', 'criteria')} gevonden ({counts[Status.GEDEKT]} gedekt, "
        f"{counts[Status.GEWIJZIGD]} gewijzigd, {counts[Status.VIA_KADER]} via kader; "
        f"{counts[Status.ONTKRACHT]} ontkracht) voor {rapport.segment}; "
        + "; ".join(f"{d.thema.value} {d.dekking:.0%}" for d in rapport.per_thema())
        + f"; {aantal(len(rapport.kaderverwijzingen), 'kaderverwijzing', 'kaderverwijzingen')}, "
        f"{aantal(len(rapport.verouderd), 'verouderde verwijzing', 'verouderde verwijzingen')}."
    )
    niet_vereist = [r for r in rapport.met_status(Status.ONTBREEKT) if not _faalt(r, gefaald)]
    if niet_vereist:
        samenvatting += f" Ontbrekend (niet vereist): {_ids(niet_vereist)}."
    if rapport.geslaagd:
        lines.append(_gh("notice", f"Poort geslaagd. {samenvatting}", titel="inkoopkader check"))
    else:
        lines.append(
            _gh("error", f"Poort afgekeurd: {'; '.join(rapport.redenen_afgekeurd)}. {samenvatting}",
                titel="inkoopkader check")
        )
    return "\n".join(lines) + "\n"
