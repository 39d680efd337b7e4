"""A document composed by inkoopkader, checked against itself: every body criterion is gedekt.

Compose prints requirement numbers ('M3', 'U12') before a requirement, an evidence line ('Bewijs: …')
under it, and for some criteria the tender wording of data/inkoop/ (`formulering`, or the text with
current law names, `actueel`) instead of the source text. check must see through all of that: on the
bookmarks compose puts around each criterion, and on the text alone (Markdown, or a Word document whose
bookmarks were lost when an inkoper copied the text into a house-style template).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from inkoopkader import Procedure
from inkoopkader.check import Status, check
from inkoopkader.check.read import read_concept
from inkoopkader.compose import compose
from inkoopkader.select import select


def _niet_gedekt(rapport) -> list[tuple[str, str, float, tuple[str, ...]]]:
    return [(r.criterium.id, r.status.value, r.score, r.verschil[:2])
            for r in rapport.resultaten if r.status is not Status.GEDEKT]


def _zonder_bladwijzers(bron: Path, doel: Path) -> Path:
    """A copy of a .docx without any bookmark (the record of the selection stays)."""
    with zipfile.ZipFile(bron) as zin, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data, n = re.subn(rb"<w:bookmark(?:Start|End)\b[^>]*/>", b"", data)
                assert n > 0
            zout.writestr(item, data)
    return doel


@pytest.mark.parametrize("proc", list(Procedure))
def test_every_composed_markdown_document_covers_its_own_criteria(corpus, proc) -> None:
    varianten: set[str] = set()
    for segment in corpus.segmenten:
        selectie = select(corpus, segment.id, procedure=proc)
        doc = compose(corpus, selectie)
        # The document has the chapter 'Wettelijke verplichtingen' (compose's default): check looks for
        # the duties too, and not for the criteria they cover.
        rapport = check(doc.render("md").decode(), corpus, segment=segment.id, procedure=proc, tekst=True,
                        wettelijk=True)
        gedrukt = {t.id for t in doc.traceerbaarheid if t.nummer and t.tekst_document}
        assert {r.criterium.id for r in rapport.resultaten} == gedrukt, segment.id
        assert not _niet_gedekt(rapport), (segment.id, proc.value, _niet_gedekt(rapport))
        varianten |= {r.vergeleken_met for r in rapport.resultaten}
    # The tender wording (not the verbatim source) is what several of these documents print.
    assert "aanbestedingstekst" in varianten


@pytest.mark.parametrize("segment, proc", [
    ("jeugdhulp-1", Procedure.AANBESTEDING),  # most tender wordings, award questions with notes
    ("jeugdhulp-2", Procedure.OPEN_HOUSE),  # JIJ-kader norms with 'Waar kijkt de inspectie naar?'
    ("sociaal-werk", Procedure.SUBSIDIE),
])
def test_composed_word_document_covers_its_own_criteria_with_and_without_bookmarks(
        corpus, tmp_path, segment, proc) -> None:
    pad = compose(corpus, select(corpus, segment, procedure=proc)).save(tmp_path / f"{segment}.docx")
    kaal = _zonder_bladwijzers(pad, tmp_path / f"{segment}-kaal.docx")
    assert not any(b.ankers for b in read_concept(kaal).blokken)

    met = check(pad, corpus)  # against the selection recorded in the document
    assert met.resultaten and all(r.via_anker for r in met.resultaten)
    assert not _niet_gedekt(met), _niet_gedekt(met)

    zonder = check(kaal, corpus)
    assert [r.criterium.id for r in zonder.resultaten] == [r.criterium.id for r in met.resultaten]
    assert not any(r.via_anker for r in zonder.resultaten)
    assert not _niet_gedekt(zonder), _niet_gedekt(zonder)
    # Where compose printed a tender wording that says more than an actor swap, the text path compared
    # the draft with that wording (a tie goes to the source); only criteria that have one.
    met_formulering = {k.criterium.id for k in select(corpus, segment, procedure=proc).lichaam
                       if k.gebruik.formulering or k.gebruik.actueel or k.gebruik.actueel_items is not None}
    via_formulering = {r.criterium.id for r in zonder.resultaten if r.vergeleken_met == "aanbestedingstekst"}
    assert via_formulering <= met_formulering
    if segment == "jeugdhulp-1":
        assert {"jzp-20", "vsm-22", "jij-14"} <= via_formulering, via_formulering


def test_staff_requirements_of_a_composed_document_are_checked_from_its_record(corpus, tmp_path) -> None:
    """compose records the staff requirements (and their listed levels) it printed; check looks for
    exactly those, with the role the document gives them, without being told --personeel."""
    from docx import Document as Word

    from inkoopkader.model import Herkomst

    doc = compose(corpus, select(corpus, "jeugdhulp-4"), personeel=True, functieniveaus=["B", "C"])
    pad = doc.save(tmp_path / "jh4.docx")
    rapport = check(pad, corpus)
    personeel = {r.criterium.id: r for r in rapport.resultaten if r.herkomst is Herkomst.PERSONEEL}
    gedrukt = {t.id for t in doc.traceerbaarheid if t.kader == "personeel" and t.tekst_document}
    assert gedrukt and gedrukt <= set(personeel)
    assert {"wce-niv-b", "wce-niv-c"} <= set(personeel) and "wce-niv-d" not in personeel
    assert not _niet_gedekt(rapport), _niet_gedekt(rapport)
    # Without the chapter's text the requirements are missing, and the report says so.
    word = Word(str(pad))
    for alinea in word.paragraphs:
        if "beroepsregistratie" in alinea.text.lower() or "registratie in het" in alinea.text.lower():
            alinea.text = ""
    word.save(str(tmp_path / "zonder.docx"))
    zonder = check(tmp_path / "zonder.docx", corpus)
    assert any(r.herkomst is Herkomst.PERSONEEL and r.status is Status.ONTBREEKT for r in zonder.resultaten)
