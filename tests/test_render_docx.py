"""The Word document: structure (python-docx), a second reader (docx2python), LibreOffice, templates."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from inkoopkader import InkoopkaderError, Item, Procedure
from inkoopkader.compose import compose
from inkoopkader.render.docx import NAMESPACE, bladwijzer_naam, read_selectie
from inkoopkader.select import select
from inkoopkader.text import strip_markup

TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def samenstelling(corpus, segment: str = "wmo-1a", *, met_toelichting: bool = True, bijlagen: bool = True, **kwargs):
    sel = select(corpus, segment, **kwargs)
    return compose(corpus, sel, gemeente="Gemeente Voorbeeld", kenmerk="2026-001",
                   met_toelichting=met_toelichting, bijlagen=bijlagen)


@pytest.fixture(scope="module")
def wmo(corpus):
    doc = samenstelling(corpus)
    return doc, doc.render("docx")


@pytest.fixture(scope="module")
def jeugdhulp(corpus):
    doc = samenstelling(corpus, "jeugdhulp-1", bijlagen=False)
    return doc, doc.render("docx")


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def style_name(paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def headings(document, level: int = 1) -> list[str]:
    return [p.text for p in document.paragraphs if style_name(p).lower() == f"heading {level}"]


def bookmarks(document) -> dict[str, object]:
    """Bookmark name -> the paragraph element that holds its start."""
    found = {}
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        found[start.get(qn("w:name"))] = start.getparent()
    return found


def part_xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


# --- structure ---------------------------------------------------------------------------------


def test_chapters_in_order(wmo, jeugdhulp) -> None:
    doc, data = wmo
    found = headings(open_docx(data))
    assert found == [*(s.titel for s in doc.secties), *(s.titel for s in doc.bijlagen)]
    assert found[:6] == ["Inleiding en leeswijzer", "Wettelijke verplichtingen", "Minimumeisen",
                         "Gunningscriteria en beoordeling", "Uitvoeringsvoorwaarden",
                         "Bijlage A – Overige criteria uit de kaders (ter inspiratie)"]
    assert headings(open_docx(jeugdhulp[1]))[-1] == "Uitvoeringsvoorwaarden"  # no annexes unless asked


def test_award_questions_are_laid_out_with_weight_length_and_aspects(wmo) -> None:
    doc, data = wmo
    document = open_docx(data)
    level2 = headings(document, 2)
    for vraag in doc.vragen:
        assert f"{vraag.nummer} – {vraag.titel}" in level2
    texts = [p.text for p in document.paragraphs]
    assert sum(t.startswith("Weging\t") for t in texts) == len(doc.vragen)
    assert sum(t.startswith("Maximale omvang\t") for t in texts) == len(doc.vragen)
    weging = document.tables[0]
    rows = [[c.text for c in r.cells] for r in weging.rows]
    assert rows[0] == ["Nr.", "Gunningscriterium", "Weging"] and rows[-1][1:] == ["Totaal", "100%"]
    assert [r[2] for r in rows[1:-1]] == [f"{v.weging}%" for v in doc.vragen]
    schaal = document.tables[1]
    assert [c.text for c in schaal.rows[0].cells] == ["Score", "Oordeel", "Omschrijving"]
    assert [r.cells[1].text for r in schaal.rows[1:]] == [n.label for n in doc.gunning.schaal]


def test_requirements_have_number_text_evidence_and_source(wmo) -> None:
    doc, data = wmo
    document = open_docx(data)
    eisen = [p for p in document.paragraphs if style_name(p) == "Eis"]
    assert [p.text.split("\t")[0] for p in eisen] == [e.nummer for e in doc.eisen]
    bewijs = [p.text for p in document.paragraphs if style_name(p) == "Bewijs"]
    assert len(bewijs) == sum(1 for e in doc.eisen if e.bewijs) > 0
    assert all(t.startswith("Bewijs: ") for t in bewijs)


def test_title_page_and_table_of_contents(wmo) -> None:
    doc, data = wmo
    document = open_docx(data)
    first = document.paragraphs[0]
    assert style_name(first) == "Title" and first.text == doc.meta.titel
    page_one = " ".join(p.text for p in document.paragraphs[:12])
    meta = doc.meta
    for value in ("wmo-1a", meta.segment_titel, meta.segment_doelgroep, "Gemeente Voorbeeld", "2026-001",
                  meta.versie, str(meta.datum.year), "Aanbesteding"):
        assert value in page_one
    assert doc.meta.samengesteld_met.split(",")[0][1:] in page_one

    body = document.element.body
    instr = [el for el in body.iter(qn("w:instrText")) if "TOC" in el.text]
    assert len(instr) == 1 and instr[0].text.strip() == 'TOC \\o "1-2" \\h \\z \\u'
    begin = instr[0].getparent().getprevious().find(qn("w:fldChar"))
    assert begin.get(qn("w:fldCharType")) == "begin" and begin.get(qn("w:dirty")) == "true"
    dirty = [el for el in document.element.iter(qn("w:fldChar")) if el.get(qn("w:dirty"))]
    assert dirty == [begin]  # only the TOC is marked dirty
    types = [el.get(qn("w:fldCharType")) for el in body.iter(qn("w:fldChar"))]
    assert types.count("begin") == types.count("separate") == types.count("end")


def test_settings_and_language(wmo) -> None:
    _, data = wmo
    document = open_docx(data)
    settings = document.settings.element
    names = [el.tag.rsplit("}", 1)[1] for el in settings]
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    for later in ("compat", "rsids", "themeFontLang", "clrSchemeMapping"):
        if later in names:
            assert names.index("updateFields") < names.index(later)
    for earlier in ("zoom", "defaultTabStop", "characterSpacingControl"):
        if earlier in names:
            assert names.index(earlier) < names.index("updateFields")
    assert settings.find(qn("w:themeFontLang")).get(qn("w:val")) == "nl-NL"
    path = "/".join(qn(tag) for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang"))
    lang = document.styles.element.find(path)
    assert lang.get(qn("w:val")) == "nl-NL"


def test_one_section_with_a_clean_title_page(wmo) -> None:
    doc, data = wmo
    document = open_docx(data)
    assert len(document.sections) == 1
    assert all(p.find(qn("w:sectPr")) is None for p in document.element.body.iter(qn("w:pPr")))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    assert "".join(p.text for p in section.first_page_header.paragraphs).strip() == ""
    assert "".join(p.text for p in section.first_page_footer.paragraphs).strip() == ""
    assert doc.meta.titel in "".join(p.text for p in section.header.paragraphs)
    footer = section.footer._element
    assert "Pagina" in "".join(p.text for p in section.footer.paragraphs)
    fields = [el.text.strip() for el in footer.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]


def criterion_paragraphs(document) -> dict[str, object]:
    return {name: p for name, p in bookmarks(document).items() if name.startswith("ik_") and name != "ik_bijlagen"}


def test_a_bookmark_per_anchored_block_and_one_for_the_annexes(wmo, jeugdhulp) -> None:
    for doc, data in (wmo, jeugdhulp):
        document = open_docx(data)
        found = criterion_paragraphs(document)
        expected = {bladwijzer_naam(anker) for anker, _, _ in doc.ankers()}
        assert set(found) == expected and len(found) == len(doc.ankers())
        starts = list(document.element.body.iter(qn("w:bookmarkStart")))
        ids = [s.get(qn("w:id")) for s in starts]
        assert len(ids) == len(set(ids))
        ends = {e.get(qn("w:id")) for e in document.element.body.iter(qn("w:bookmarkEnd"))}
        assert set(ids) == ends
        for name in found:
            assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", name)
    doc, data = wmo
    document = open_docx(data)
    marks = bookmarks(document)
    from docx.text.paragraph import Paragraph

    annex = Paragraph(marks["ik_bijlagen"], None)
    assert style_name(Paragraph(marks["ik_bijlagen"], document._body)) == "Heading 1"
    assert annex.text == doc.bijlagen[0].titel
    eis = doc.eisen[0]
    paragraph = Paragraph(criterion_paragraphs(document)[bladwijzer_naam(eis.anker)], None)
    assert paragraph.text == f"{eis.nummer}\t{strip_markup(eis.tekst)}"


def test_bookmark_names() -> None:
    assert bladwijzer_naam("bwmo-04") == "ik_bwmo_04"
    assert bladwijzer_naam("bcp-148") == "ik_bcp_148"
    long = bladwijzer_naam("x" * 80)
    assert len(long) <= 40 and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", long)
    assert long != bladwijzer_naam("x" * 79)


def num_pr(paragraph_element) -> tuple[int, int] | None:
    ppr = paragraph_element.find(qn("w:pPr"))
    num = ppr.find(qn("w:numPr")) if ppr is not None else None
    if num is None:
        return None
    return int(num.find(qn("w:numId")).get(qn("w:val"))), int(num.find(qn("w:ilvl")).get(qn("w:val")))


def test_aspects_are_real_numbered_lists_that_restart(wmo) -> None:
    doc, data = wmo
    document = open_docx(data)
    found = criterion_paragraphs(document)
    lists = []
    for vraag in doc.vragen:
        nums = {num_pr(found[bladwijzer_naam(a.anker)]) for a in vraag.aspecten}
        assert len(nums) == 1 and next(iter(nums))[1] == 0
        lists.append(next(iter(nums))[0])
    assert len(lists) == len(set(lists))
    numbering = document.part.numbering_part.element
    children = [el.tag.rsplit("}", 1)[1] for el in numbering]
    last_abstract = max(i for i, t in enumerate(children) if t == "abstractNum")
    assert last_abstract < children.index("num")  # schema order: every abstractNum before the first num
    nums = {int(n.get(qn("w:numId"))): n for n in numbering.iterchildren(qn("w:num"))}
    for num_id in lists:
        override = nums[num_id].find(qn("w:lvlOverride"))
        assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_sub_items_are_bullets_under_their_requirement(wmo) -> None:
    doc, data = wmo
    document = open_docx(data)
    found = criterion_paragraphs(document)
    eis = next(e for e in doc.eisen if len(e.items) >= 3)
    start = found[bladwijzer_naam(eis.anker)]
    from docx.text.paragraph import Paragraph

    texts, element = [], start.getnext()
    while element is not None and num_pr(element) is not None:
        texts.append(Paragraph(element, None).text)
        element = element.getnext()
    assert texts == [strip_markup(i.tekst) for i in eis.items]


def test_deeper_items_get_deeper_levels(corpus) -> None:
    doc = samenstelling(corpus, ids=["bwmo-04"], bijlagen=False)
    eis = doc.eisen[0]
    nested = dataclasses.replace(eis, items=(Item("bovenste", (Item("tweede", (Item("derde"),)),)),))
    secties = tuple(
        dataclasses.replace(s, blokken=tuple(nested if b is eis else b for b in s.blokken),
                            subsecties=tuple(dataclasses.replace(sub, blokken=tuple(nested if b is eis else b
                                                                                    for b in sub.blokken))
                                             for sub in s.subsecties))
        for s in doc.secties
    )
    document = open_docx(dataclasses.replace(doc, secties=secties).render("docx"))
    levels = {p.text: num_pr(p._p) for p in document.paragraphs if p.text in ("bovenste", "tweede", "derde")}
    assert [levels[t][1] for t in ("bovenste", "tweede", "derde")] == [0, 1, 2]
    assert len({levels[t][0] for t in levels}) == 1


def all_texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for tc in table._tbl.iter(qn("w:tc")):
            texts.append("".join(t.text for t in tc.iter(qn("w:t"))))
    return texts


def test_inline_emphasis_is_real_bold_never_asterisks(wmo, jeugdhulp) -> None:
    for _, data in (wmo, jeugdhulp):
        document = open_docx(data)
        for text in all_texts(document):
            assert "*" not in text, text
    doc, data = wmo
    document = open_docx(data)
    eis = next(e for e in doc.eisen if "**" in e.tekst)
    fragment = re.search(r"\*\*(.+?)\*\*", eis.tekst).group(1)
    paragraph = next(p for p in document.paragraphs if p.text.endswith(strip_markup(eis.tekst)))
    assert any(run.bold and run.text == fragment for run in paragraph.runs)
    assert not all(run.bold for run in paragraph.runs)


def heading_index(paragraphs, text: str) -> int:
    """Where a chapter starts (not its entry in the table of contents)."""
    return next(i for i, p in enumerate(paragraphs) if p.text == text and style_name(p) == "Heading 1")


def test_gemeente_criteria_only_in_their_annex(wmo) -> None:
    doc, data = wmo
    document = open_docx(data)
    paragraphs = document.paragraphs
    gemeente = next(s for s in doc.bijlagen if s.id == "bijlage-gemeente")
    start = heading_index(paragraphs, gemeente.titel)
    volgende = heading_index(paragraphs, doc.bijlagen[-1].titel)
    bookmarked = criterion_paragraphs(document)
    positions = {p._p: i for i, p in enumerate(paragraphs)}
    for keuze in doc.selectie.gemeente:
        assert start < positions[bookmarked[bladwijzer_naam(keuze.criterium.id)]] < volgende


def test_notes_go_with_their_requirement_and_can_be_left_out(corpus) -> None:
    doc = samenstelling(corpus, "jeugdhulp-4", bijlagen=False)
    document = open_docx(doc.render("docx"))
    notes = [p for p in document.paragraphs if style_name(p) == "Toelichting"]
    assert notes and any(p.runs[0].bold and p.runs[0].text.startswith("Waar kijkt de inspectie naar? ") for p in notes)
    plain = samenstelling(corpus, "jeugdhulp-4", bijlagen=False, met_toelichting=False)
    document = open_docx(plain.render("docx"))
    assert not [p for p in document.paragraphs if style_name(p) == "Toelichting"]


def test_source_line_under_each_requirement(wmo) -> None:
    doc, data = wmo
    document = open_docx(data)
    texts = [p.text for p in document.paragraphs if style_name(p) == "Bron"]
    for eis in doc.eisen:
        assert eis.bron in texts


def test_annex_c_describes_every_kader_once(wmo) -> None:
    doc, data = wmo
    document = open_docx(data)
    texts = [p.text for p in document.paragraphs]
    kaders = next(s for s in doc.bijlagen if s.id == "bijlage-kaders")
    start = heading_index(document.paragraphs, kaders.titel)
    annex = "\n".join(texts[start:]) + "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for kk in doc.selectie.kaders:
        assert f"Kader {kk.kader.nummer} – {kk.kader.titel} ({kk.kader.jaar})" in texts[start:]
        assert kk.kader.uitgever in annex
        assert annex.count(strip_markup(kk.kader.overzicht.hoe_te_gebruiken)) == 1
    assert "Standaardvorm" not in annex


def test_styles_are_real_named_styles(wmo) -> None:
    _, data = wmo
    document = open_docx(data)
    names = {s.name for s in document.styles}
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "List Number", "Toelichting", "Actualiteit",
                 "Bron", "Eis", "Bewijs", "Inkoopkader tabel"):
        assert name in names
    used = {style_name(p) for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Number", "List Bullet", "Bron", "Toelichting", "Eis",
            "Bewijs", "Titelgegevens", "Tabeltekst"} <= used | {"Tabeltekst"}


def test_core_and_custom_properties(wmo) -> None:
    doc, data = wmo
    props = open_docx(data).core_properties
    assert props.title == doc.meta.titel
    assert "wmo-1a" in props.subject and doc.meta.segment_titel in props.subject
    assert doc.meta.segment_doelgroep in props.subject
    assert props.author == "Gemeente Voorbeeld" and "python-docx" not in props.author
    assert "wmo-1a" in props.keywords and "kwaliteitscriteria" in props.keywords
    assert doc.meta.samengesteld_met[1:] in props.comments and "python-docx" not in props.comments
    assert props.identifier == "2026-001" and props.version == doc.meta.versie and props.language == "nl-NL"
    assert props.last_modified_by == "inkoopkader"

    custom = part_xml(data, "docProps/custom.xml")
    values = dict(re.findall(r'name="([^"]+)"><vt:\w+>([^<]*)<', custom))
    lichaam = [anker for anker, plaats, _ in doc.ankers() if not plaats.startswith("bijlage")]
    assert values["inkoopkader.segment"] == "wmo-1a" and values["inkoopkader.procedure"] == "aanbesteding"
    assert values["inkoopkader.corpus"] == doc.meta.corpus_versie
    assert values["inkoopkader.aantal"] == str(len(lichaam))
    chunks = [values[k] for k in sorted((k for k in values if k.startswith("inkoopkader.criteria.")),
                                        key=lambda k: int(k.rsplit(".", 1)[1]))]
    assert all(len(c) <= 255 for c in chunks)
    assert ",".join(chunks).split(",") == lichaam

    selectie = read_selectie(data)
    assert selectie["segment"] == "wmo-1a" and selectie["corpus"] == doc.meta.corpus_versie
    assert selectie["procedure"] == "aanbesteding" and selectie["schema"] == 2
    assert selectie["criteria"] == lichaam
    assert selectie["bladwijzers"]["wbs-11"] == "ik_wbs_11" and selectie["rollen"]["wbs-11"] == "minimumeis"
    assert selectie["plaatsen"][doc.selectie.gemeente[0].criterium.id] == "bijlage-gemeente"
    assert selectie["bijlagen"] == "ik_bijlagen" and set(selectie["verwezen"]) == {1, 5}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        items = [n for n in archive.namelist()
                 if n.startswith("customXml/item") and NAMESPACE.encode() in archive.read(n)]
        assert any(n.startswith("customXml/itemProps") for n in items)
        assert "docProps/thumbnail.jpeg" not in archive.namelist()


def test_selection_is_readable_from_properties_alone(wmo, tmp_path: Path) -> None:
    doc, data = wmo
    stripped = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(stripped, "w") as target:
        for info in source.infolist():
            if not info.filename.startswith("customXml/"):
                target.writestr(info, source.read(info.filename))
    path = tmp_path / "alleen-eigenschappen.docx"
    path.write_bytes(stripped.getvalue())
    selectie = read_selectie(path)
    assert selectie["segment"] == "wmo-1a" and selectie["procedure"] == "aanbesteding"
    assert selectie["criteria"] == [a for a, plaats, _ in doc.ankers() if not plaats.startswith("bijlage")]
    assert read_selectie(empty_docx_bytes()) is None


def empty_docx_bytes() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def test_save_writes_a_docx(wmo, tmp_path: Path) -> None:
    doc, _ = wmo
    path = doc.save(tmp_path / "kwaliteitscriteria.docx")
    assert headings(Document(str(path)))[0] == "Inleiding en leeswijzer"


# --- a second, independent reader ---------------------------------------------------------------


def test_docx2python_reads_criteria_and_ids(wmo, tmp_path: Path) -> None:
    from docx2python import docx2python

    doc, data = wmo
    path = tmp_path / "wmo.docx"
    path.write_bytes(data)
    with docx2python(str(path)) as result:
        text = result.text
        properties = result.core_properties
    flat = " ".join(text.split())
    for eis in doc.eisen:
        assert " ".join(strip_markup(eis.tekst).split()) in flat
        assert eis.bron in flat
    for vraag in doc.vragen:
        for aspect in vraag.aspecten:
            assert " ".join(strip_markup(aspect.tekst).split()) in flat
    assert "**" not in text
    assert properties["title"] == doc.meta.titel
    assert properties["language"] == "nl-NL"


# --- LibreOffice ------------------------------------------------------------------------------


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.fail("LibreOffice (soffice) is niet geïnstalleerd; CI installeert het "
                    "(libreoffice-writer-nogui).")
    for tool in ("pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} ontbreekt; installeer poppler-utils.")
    return exe


def convert_to_pdf(sources: list[Path], directory: Path, processes: int = 2) -> dict[str, Path]:
    """Convert Word documents to PDF with LibreOffice: one soffice per batch, `processes` batches side by
    side, each with its own user profile (two soffice processes must never share one). One start of
    LibreOffice costs ~1.3 s and a document ~0.2 s, so the module converts everything it needs at once."""
    exe = soffice()
    batches = [sources[i::processes] for i in range(processes) if sources[i::processes]]
    running = [
        subprocess.Popen(
            [exe, f"-env:UserInstallation={(directory / f'lo-profiel-{n}').as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(directory), *map(str, batch)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n, batch in enumerate(batches)
    ]
    output = [process.communicate(timeout=600) for process in running]
    pdfs = {source.stem: directory / f"{source.stem}.pdf" for source in sources}
    missing = [name for name, pdf in pdfs.items() if not pdf.exists()]
    assert not missing, f"LibreOffice maakte geen PDF van {missing}: {output}"
    return pdfs


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def every_segment_and_procedure(corpus) -> list[tuple[str, object]]:
    return [(f"{segment.id}-{procedure.value}", select(corpus, segment.id, procedure=procedure))
            for segment in corpus.segmenten for procedure in Procedure]


@pytest.fixture(scope="module")
def pdfs(corpus, wmo, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every PDF the LibreOffice tests of this module read, made in one go: the wmo document ('document'),
    the wmo document on a house-style template ('sjabloon') and 12 segments x 3 procedures."""
    directory = tmp_path_factory.mktemp("libreoffice")
    doc, data = wmo
    (directory / "document.docx").write_bytes(data)
    template = directory / "huisstijl.docx"
    make_template(template)
    (directory / "sjabloon.docx").write_bytes(doc.render("docx", sjabloon=template))
    sources = [directory / "document.docx", directory / "sjabloon.docx"]
    for naam, selectie in every_segment_and_procedure(corpus):
        compose(corpus, selectie).save(directory / f"{naam}.docx")
        sources.append(directory / f"{naam}.docx")
    return convert_to_pdf(sources, directory)


@pytest.mark.slow
def test_libreoffice_renders_the_document(wmo, pdfs) -> None:
    doc, _ = wmo
    text, pages = pdf_text(pdfs["document"]), pdf_pages(pdfs["document"])
    flat = " ".join(text.split())
    assert pages > 3
    assert " ".join(doc.meta.titel.split()[:2]) in flat
    eis = doc.eisen[0]
    assert " ".join(strip_markup(eis.tekst).split()[:6]) in flat
    # The title page has no footer; numbering counts it, so page 2 is the first numbered page.
    assert f"Pagina 2 van {pages}" in flat
    assert f"Pagina {pages} van {pages}" in flat
    assert "Pagina 1 van" not in flat
    # The table of contents is filled (pre-filled by inkoopkader, refreshed by Word): every chapter is
    # listed between 'Inhoudsopgave' and the start of the introduction, and appears again as a heading.
    inleiding = next(b.tekst for b in doc.secties[0].blokken if hasattr(b, "tekst"))
    toc = flat.split("Inhoudsopgave", 1)[1].split(" ".join(inleiding.split()[:8]), 1)[0]
    for chapter in [*(s.titel for s in doc.secties), *(s.titel for s in doc.bijlagen)]:
        assert chapter in toc
        assert flat.count(chapter) >= 2
    assert "**" not in text


@pytest.mark.slow
def test_every_segment_and_procedure_has_a_body_of_at_most_20_pages(corpus, pdfs) -> None:
    """The acceptance of 'Aanbestedingsklaar': 12 segments × 3 procedures, each ≤ 20 pages in LibreOffice."""
    namen = [naam for naam, _ in every_segment_and_procedure(corpus)]
    assert len(namen) == 36
    paginas = {naam: pdf_pages(pdfs[naam]) for naam in namen}
    assert all(3 <= n <= 20 for n in paginas.values()), paginas


# --- house-style templates ---------------------------------------------------------------------


def make_template(path: Path, *, without_numbering: bool = True) -> None:
    """A template as Word might save it: Dutch style IDs, a missing Heading 1, no numbering.xml, content."""
    template = Document()
    styles = template.styles.element
    for style in list(styles.iterchildren(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name in ("heading 1", "List Number"):
            styles.remove(style)  # Word-saved templates lack styles they never used
        elif name == "heading 2":
            style.set(qn("w:styleId"), "Kop2")  # Dutch Word
            style.find(qn("w:name")).set(qn("w:val"), "Heading 2")  # LibreOffice's capital H
    normal = template.styles["Normal"]
    normal.font.name = "Georgia"
    template.add_paragraph("Sjabloontekst die moet verdwijnen")
    template.sections[0].header.paragraphs[0].text = "Huisstijl Gemeente Voorbeeld"
    if without_numbering:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        part = template.part
        for rid, rel in list(part.rels.items()):
            if rel.reltype == RT.NUMBERING:
                part.rels.pop(rid)
        for style in list(styles.iterchildren(qn("w:style"))):
            for num_pr_el in style.iter(qn("w:numPr")):
                num_pr_el.getparent().remove(num_pr_el)
    template.save(str(path))


def as_dotx(source: Path, target: Path) -> None:
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            content = archive.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(DOCUMENT_MAIN.encode(), TEMPLATE_MAIN.encode())
            out.writestr(info, content)


def check_rendered_on_template(doc, data: bytes) -> None:
    document = open_docx(data)
    styles = {s.name: s for s in document.styles}
    for name in ("Heading 1", "Heading 2", "List Number", "Toelichting", "Actualiteit", "Bron", "Eis",
                 "Bewijs", "Inkoopkader tabel"):
        assert name in styles, name
    heading_styles = [s for s in document.styles.element.iterchildren(qn("w:style"))
                      if s.find(qn("w:name")).get(qn("w:val")).lower() == "heading 2"]
    assert len(heading_styles) == 1  # found by name, not duplicated
    assert styles["Heading 2"].style_id == "Kop2"
    assert any(style_name(p) == "Heading 2" for p in document.paragraphs)
    assert styles["Normal"].font.name == "Georgia"  # the house style wins
    texts = [p.text for p in document.paragraphs]
    assert "Sjabloontekst die moet verdwijnen" not in texts
    assert headings(document)[0] == "Inleiding en leeswijzer"
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Huisstijl Gemeente Voorbeeld" in header and doc.meta.titel in header
    assert len(criterion_paragraphs(document)) == len(doc.ankers())
    assert document.part.numbering_part.element.find(qn("w:num")) is not None
    assert document.sections[0].page_width.twips == 12240  # the template's page size is kept


def test_render_on_a_docx_template(wmo, tmp_path: Path) -> None:
    doc, _ = wmo
    template = tmp_path / "huisstijl.docx"
    make_template(template)
    check_rendered_on_template(doc, doc.render("docx", sjabloon=template))


def test_render_on_a_dotx_template(wmo, tmp_path: Path) -> None:
    doc, _ = wmo
    template = tmp_path / "huisstijl.docx"
    make_template(template, without_numbering=False)
    dotx = tmp_path / "huisstijl.dotx"
    as_dotx(template, dotx)
    assert TEMPLATE_MAIN in zipfile.ZipFile(dotx).read("[Content_Types].xml").decode()
    data = doc.render("docx", sjabloon=str(dotx))
    assert DOCUMENT_MAIN in part_xml(data, "[Content_Types].xml")
    assert TEMPLATE_MAIN not in part_xml(data, "[Content_Types].xml")
    check_rendered_on_template(doc, data)


@pytest.mark.slow
def test_libreoffice_renders_a_template_document(pdfs) -> None:
    text, pages = pdf_text(pdfs["sjabloon"]), pdf_pages(pdfs["sjabloon"])
    assert pages > 3 and f"Pagina {pages} van {pages}" in " ".join(text.split())
    assert "Huisstijl Gemeente Voorbeeld" in text  # the template's header, so this is the template document


def test_a_template_that_numbers_pages_keeps_its_footer(wmo, tmp_path: Path) -> None:
    doc, _ = wmo
    template = Document()
    footer = template.sections[0].footer.paragraphs[0]
    footer.text = "Blad "
    footer._p.append(footer._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): " PAGE "}))
    path = tmp_path / "met-paginanummer.docx"
    template.save(str(path))
    document = open_docx(doc.render("docx", sjabloon=path))
    paragraphs = document.sections[0].footer.paragraphs
    assert len(paragraphs) == 1 and paragraphs[0].text.startswith("Blad")


def test_bad_templates_give_a_dutch_error_naming_the_file(wmo, tmp_path: Path) -> None:
    doc, _ = wmo
    missing = tmp_path / "bestaat-niet.dotx"
    with pytest.raises(InkoopkaderError, match="bestaat-niet.dotx") as info:
        doc.render("docx", sjabloon=missing)
    assert "sjabloon" in str(info.value).lower()
    not_word = tmp_path / "notities.docx"
    not_word.write_text("geen Word-document", encoding="utf-8")
    with pytest.raises(InkoopkaderError, match="notities.docx") as info:
        doc.render("docx", sjabloon=not_word)
    assert "geen Word-document" in str(info.value)
    other_zip = tmp_path / "archief.docx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InkoopkaderError, match="archief.docx"):
        doc.render("docx", sjabloon=other_zip)
    with pytest.raises(InkoopkaderError, match=re.escape(tmp_path.name)):
        doc.render("docx", sjabloon=tmp_path)


def schema_errors(path: Path) -> list[dict]:
    """Schema errors reported by openxml-audit, an independent OOXML validator (no Word needed).

    Only errors of type schema count: other categories are heuristics about specific apps.
    """
    exe = Path(sys.executable).with_name("openxml-audit")
    result = subprocess.run([str(exe), "-o", "json", "-m", "0", str(path)], capture_output=True, text=True)
    (report,) = json.loads(result.stdout)
    errors = report.get("errors")
    errors = errors if isinstance(errors, list) else []
    return [e for e in errors if e.get("type") == "schema"]


def test_document_is_schema_valid_for_word(wmo, jeugdhulp, tmp_path: Path) -> None:
    for name, (_, data) in (("wmo.docx", wmo), ("jeugdhulp.docx", jeugdhulp)):
        path = tmp_path / name
        path.write_bytes(data)
        assert schema_errors(path) == [], name


def test_template_document_is_schema_valid_for_word(wmo, tmp_path: Path) -> None:
    doc, _ = wmo
    template = tmp_path / "huisstijl.docx"
    make_template(template)
    path = tmp_path / "op-sjabloon.docx"
    path.write_bytes(doc.render("docx", sjabloon=template))
    assert schema_errors(path) == []
