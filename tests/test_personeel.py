"""Staff requirements: profiles traceable to their sources, sourced requirements, the composed chapter."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sourcecheck
from docx import Document

from inkoopkader import OnbekendeWaarde, Rol, compose, select
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
    profiel_bestanden = {p.sleutel: p.bestand for p in corpus.beroepsprofielen}
    documenten = {d.id: d.bestand for d in corpus.brondocumenten}
    for eis in corpus.personeelseisen:
        for bron in eis.onderbouwing:
            bestand = profiel_bestanden.get(bron.bron) or documenten[bron.bron]
            line = sourcecheck.normalise(_lines(bestand)[bron.regel - 1])
            assert sourcecheck.normalise(bron.citaat) in line, (eis.id, bron.regel)


def test_defaults_per_domain(corpus) -> None:
    jeugd = [e.id for e in standaard_eisen(corpus.personeelseisen, "Jeugdhulp")]
    wmo = [e.id for e in standaard_eisen(corpus.personeelseisen, "Wmo")]
    sw = [e.id for e in standaard_eisen(corpus.personeelseisen, "Sociaal Werk")]
    assert "pe-registratie-jeugd" in jeugd and "pe-registratie-jeugd" not in wmo + sw
    assert "pe-beleid-registratie-sociaal-werk" in wmo and "pe-beleid-registratie-sociaal-werk" in sw
    registratie = next(e for e in corpus.personeelseisen if e.id == "pe-registratie-jeugd")
    assert registratie.rol is Rol.UITVOERINGSVOORWAARDE and registratie.bewijs
    assert "SKJ" in registratie.tekst and "werktoedeling" in registratie.tekst
    # Registerplein: the source supports asking about policy, not requiring registration.
    beleid = next(e for e in corpus.personeelseisen if e.id == "pe-beleid-registratie-sociaal-werk")
    assert beleid.rol is Rol.GUNNINGSCRITERIUM


def test_compose_jeugdhulp_4_with_personeel(corpus) -> None:
    doc = compose(corpus, select(corpus, "jeugdhulp-4"), personeel=True)
    sectie = next(s for s in doc.secties if s.id == "personeel")
    eisen = [b for b in sectie.blokken if getattr(b, "anker", None)]
    assert [e.anker for e in eisen][:2] == ["pe-registratie-jeugd", "pe-opleiding-functieniveau"]
    assert all(e.bewijs and e.rol is Rol.UITVOERINGSVOORWAARDE for e in eisen)
    opleiding = eisen[1]
    assert opleiding.item_ankers == ("wce-niv-a", "wce-niv-b", "wce-niv-c", "wce-niv-d")
    assert "minimaal mbo 4" in opleiding.items[0].tekst and "SKJ" in opleiding.items[1].tekst
    vraag = next(v for v in doc.vragen if v.titel == "Deskundigheid en inzet van personeel")
    assert [a.anker for a in vraag.aspecten][0] == "pe-beleid-registratie-jeugd" and vraag.weging
    rijen = {r.id: r for r in doc.traceerbaarheid}
    assert rijen["pe-registratie-jeugd"].kader == "personeel" and rijen["pe-registratie-jeugd"].nummer.startswith("U")
    document = Document(__import__("io").BytesIO(doc.render("docx")))
    texts = [p.text for p in document.paragraphs]
    assert any(t.endswith("Deskundigheid en inzet van personeel") for t in texts)
    body = document.element.body
    names = {b.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}name")
             for b in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bookmarkStart")}
    assert {"ik_pe_registratie_jeugd", "ik_pe_beleid_registratie_jeugd", "ik_wce_niv_b"} <= names


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


def test_no_personeel_by_default(corpus) -> None:
    doc = compose(corpus, select(corpus, "jeugdhulp-4"))
    assert not any(s.id == "personeel" for s in doc.secties)
    assert not any(r.kader == "personeel" for r in doc.traceerbaarheid)


def test_level_requirements_are_verbatim(corpus) -> None:
    """Education and registration texts per level are quoted from the source line they cite."""
    for profiel in corpus.beroepsprofielen:
        lines = _lines(profiel.bestand)
        for niveau in profiel.niveaus:
            for text, regel in [(niveau.opleiding, niveau.opleiding_regel), *((r.tekst, r.regel) for r in niveau.registraties)]:
                window = sourcecheck.normalise("\n".join(lines[regel - 1 : regel + 6]))
                assert _in_window(sourcecheck.normalise(text), window), (niveau.id, text[:60])


def test_check_recognises_staff_requirements(corpus, tmp_path: Path) -> None:
    """A composed staff chapter is found in full; a hand-written draft's level requirement too."""
    import inkoopkader

    docx = tmp_path / "jh4.docx"
    compose(corpus, select(corpus, "jeugdhulp-4"), personeel=True).save(docx)
    rapport = inkoopkader.check(docx, corpus, personeel=True)
    personeel = [r for r in rapport.resultaten if r.criterium.kader == 0]
    assert len(personeel) > 10 and all(r.status.value == "gedekt" for r in personeel)

    draft = tmp_path / "concept.md"
    draft.write_text(
        "# Personeel\n\nDe Aanbieder zet uitsluitend medewerkers in met een afgeronde sociaal-agogische opleiding op "
        "hbo-niveau waarmee SKJ-registratie mogelijk is. Zij zijn bereid de registratie te behalen en bij te houden.\n\n"
        "## Prijzen\n\nDe tarieven worden jaarlijks geïndexeerd volgens de CBS-prijsindex.\n",
        encoding="utf-8",
    )
    rapport = inkoopkader.check(draft, corpus, segment="jeugdhulp-4", personeel=True)
    found = {r.criterium.id for r in rapport.resultaten if r.criterium.kader == 0 and r.status.value != "ontbreekt"}
    assert "wce-niv-b" in found or "wce-niv-c" in found
    assert "wce-comp-01" not in found and "pe-beleid-registratie-jeugd" not in found
    with pytest.raises(OnbekendeWaarde):
        inkoopkader.check(draft, corpus, segment="jeugdhulp-4", personeel=["pe-bestaat-niet"])
