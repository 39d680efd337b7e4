"""Reading tender drafts (check/read.py): what a reader sees, anchors, selection, hostile input.

Every test builds its input in tmp_path: composed Word documents edited with lxml as an inkoper
would edit them in Word, hand-made .docx/.odt/.pdf packages, Markdown and text files.
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import inkoopkader
from inkoopkader import InkoopkaderError, limieten
from inkoopkader.check import read as read_module
from inkoopkader.check.read import pdf as read_pdf
from inkoopkader.check.model import Concept, Tekstblok
from inkoopkader.check.read import ConceptFout, criterium_van_bladwijzer, read_concept, read_text
from inkoopkader.anchors import bladwijzer_naam
from inkoopkader.text import strip_markup

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"
W = f"{{{W_NS}}}"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def alles(concept: Concept) -> str:
    return "\n".join(b.tekst for b in concept.blokken)


def blok_met(concept: Concept, fragment: str) -> Tekstblok:
    found = [b for b in concept.blokken if fragment in b.tekst]
    assert found, f"{fragment!r} niet gevonden in {[b.tekst for b in concept.blokken][:50]}"
    return found[0]


def fout(path: Path, *fragments: str, **kwargs: object) -> ConceptFout:
    """read_concept must refuse `path` with a ConceptFout naming the file and saying `fragments`."""
    with pytest.raises(ConceptFout) as info:
        read_concept(path, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert isinstance(info.value, InkoopkaderError)
    assert path.name in message
    for fragment in fragments:
        assert fragment.lower() in message.lower(), message
    assert "Traceback" not in message
    return info.value


# --- building Word packages ------------------------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"/>' for rid, kind, target in rels)
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def ns_decl(ns: str = W_NS) -> str:
    return f'xmlns:w="{ns}" xmlns:r="{R_NS}" xmlns:mc="{MC_NS}" xmlns:wps="{WPS_NS}" xmlns:v="{V_NS}"'


def docx_bytes(body: str, *, parts: dict[str, str] | None = None, rels: list[tuple[str, str, str]] = (),
               ns: str = W_NS, main: str = "word/document.xml") -> bytes:
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns_decl(ns)}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", rels_xml([("rId1", "officeDocument", main)]))
        z.writestr(main, document)
        if rels:
            z.writestr(f"{main.rsplit('/', 1)[0]}/_rels/{main.rsplit('/', 1)[1]}.rels", rels_xml(list(rels)))
        for name, xml in (parts or {}).items():
            z.writestr(name, xml)
    return out.getvalue()


def p(*content: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(content)}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def tabel(*rows: list[str]) -> str:
    return "<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>"
                               for row in rows) + "</w:tbl>"


def veld(instructie: str, resultaat: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instructie} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"{r(resultaat)}"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def schrijf(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def lees_docx(tmp_path: Path, body: str, **kwargs: object) -> Concept:
    return read_concept(schrijf(tmp_path, "concept.docx", docx_bytes(body, **kwargs)))  # type: ignore[arg-type]


def bewerk(data: bytes, functies: dict[str, Callable[[etree._Element], None]]) -> bytes:
    """Rewrite parts of a package with lxml, as an edit in Word would; other parts stay as they are."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename in functies:
                root = etree.fromstring(content)
                functies[info.filename](root)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, content)
    return out.getvalue()


def element(xml: str) -> etree._Element:
    return etree.fromstring(f"<w:wrap {ns_decl()}>{xml}</w:wrap>")[0]


# --- a document composed by inkoopkader, edited by hand ---------------------------------------------


@pytest.fixture(scope="module")
def samengesteld(corpus):
    doc = inkoopkader.compose(corpus, inkoopkader.select(corpus, "wmo-1a"), gemeente="Gemeente Voorbeeld")
    return doc, doc.render("docx")


def verwachte_teksten(doc) -> dict[str, str]:
    """Anchor -> the text of its paragraph as a reader sees it: 'M3 tekst' for a requirement, the aspect's text."""
    from inkoopkader.document import Aspect, Eis, Vraag

    result = {}
    for blok in doc.blokken():
        if isinstance(blok, Eis) and blok.anker:
            result[blok.anker] = f"{blok.nummer} " + " ".join(strip_markup(blok.tekst).split())
        elif isinstance(blok, Vraag):
            for aspect in blok.aspecten:
                result[aspect.anker] = " ".join(strip_markup(aspect.tekst).split())
        elif isinstance(blok, Aspect) and blok.anker:
            result[blok.anker] = " ".join(strip_markup(blok.tekst).split())
    return result


def bladwijzer_alinea(root: etree._Element, criterium_id: str) -> etree._Element:
    for start in root.iter(f"{W}bookmarkStart"):
        if start.get(f"{W}name") == bladwijzer_naam(criterium_id):
            return start.getparent()
    raise AssertionError(f"geen bladwijzer voor {criterium_id}")


def herschrijf(paragraph: etree._Element, tekst: str) -> None:
    """Replace the text of a paragraph but keep its bookmark, as Word does when the inkoper retypes it."""
    for run in paragraph.findall(f"{W}r"):
        paragraph.remove(run)
    end = paragraph.find(f"{W}bookmarkEnd")
    end.addprevious(element(r(tekst)))


def test_composed_document_edited_by_hand(samengesteld, tmp_path: Path, corpus) -> None:
    doc, data = samengesteld
    lichaam = [anker for anker, _, _ in doc.ankers()]
    eerste, tweede = lichaam[0], lichaam[1]
    herschreven = "Opdrachtnemer waarborgt dat iedere inwoner zelf de regie houdt over zijn ondersteuning."

    def document(root: etree._Element) -> None:
        target = bladwijzer_alinea(root, eerste)
        herschrijf(target, herschreven)
        extra = [
            p(r("Vaste tekst "),
              '<w:ins w:id="901" w:author="Inkoper" w:date="2026-01-01T00:00:00Z">'
              f'{r("INGEVOEGDE-ZIN")}</w:ins>',
              '<w:del w:id="902" w:author="Inkoper" w:date="2026-01-01T00:00:00Z">'
              '<w:r><w:delText>VERWIJDERDE-ZIN</w:delText></w:r></w:del>',
              r(" datum: "), veld("DOCPROPERTY GeheimeInstructie \\* MERGEFORMAT", "VELDRESULTAAT")),
            ('<w:sdt><w:sdtPr><w:alias w:val="Perceel"/></w:sdtPr><w:sdtContent>'
            f'{p(r("INHOUDSBESTURING-BLOK"))}</w:sdtContent></w:sdt>'),
            p(r("Perceel: "), '<w:sdt><w:sdtPr/><w:sdtContent>'
              f'{r("INHOUDSBESTURING-RUN")}</w:sdtContent></w:sdt>'),
            tabel([p(r("BUITEN-CEL")), tabel([p(r("GENESTE-CEL"))]) + p()]),
        ]
        for xml in reversed(extra):
            target.addnext(element(xml))
        # A second criterion, edited in place: a word changed inside the bookmark.
        tweede_p = bladwijzer_alinea(root, tweede)
        tweede_p.find(f".//{W}t").text = "De Aanbieder " + (tweede_p.find(f".//{W}t").text or "")

    def kop(root: etree._Element) -> None:
        root.append(element(p(r("KOPTEKST-EXTRA"))))

    edited = bewerk(data, {"word/document.xml": document, "word/header2.xml": kop})
    concept = read_concept(schrijf(tmp_path, "bewerkt.docx", edited))
    text = alles(concept)

    assert concept.formaat == "docx"
    assert "INGEVOEGDE-ZIN" in text
    assert "VERWIJDERDE-ZIN" not in text
    assert "VELDRESULTAAT" in text
    assert "GeheimeInstructie" not in text and "MERGEFORMAT" not in text
    assert "INHOUDSBESTURING-BLOK" in text and "INHOUDSBESTURING-RUN" in text
    assert blok_met(concept, "Perceel: INHOUDSBESTURING-RUN").tekst == "Perceel: INHOUDSBESTURING-RUN"
    buiten, genest = blok_met(concept, "BUITEN-CEL"), blok_met(concept, "GENESTE-CEL")
    assert buiten.locatie.soort == genest.locatie.soort == "tabel"
    assert buiten.locatie.tabel == (buiten.locatie.tabel[0], 1, 1)
    assert genest.locatie.tabel == (buiten.locatie.tabel[0] + 1, 1, 1)  # nested tables get their own number
    assert blok_met(concept, "KOPTEKST-EXTRA").locatie.soort == "koptekst"
    # The running header (title, gemeente) once, though several sections and parts repeat it.
    koppen = [b.tekst for b in concept.blokken if b.locatie.soort == "koptekst"]
    assert koppen.count(f"{doc.meta.titel} Gemeente Voorbeeld") == 1
    assert any(b.locatie.soort == "voettekst" and "Pagina" in b.tekst for b in concept.blokken)

    # Anchors: the retyped criterion is still found through its bookmark, and so is every other one.
    edited_block = blok_met(concept, herschreven)
    assert edited_block.ankers == (eerste,)
    assert verwachte_teksten(doc)[eerste] not in text
    assert blok_met(concept, "De Aanbieder ").ankers == (tweede,)
    verankerd = {a for b in concept.blokken for a in b.ankers}
    assert set(lichaam) <= verankerd
    # The anchor does not leak into the paragraphs around it (the source line, inserted text).
    assert blok_met(concept, f"{eerste} · ").ankers == ()  # its source line
    assert blok_met(concept, "INGEVOEGDE-ZIN").ankers == ()
    # Only criteria carry anchors, each exactly once in the body.
    for cid in lichaam:
        assert sum(1 for b in concept.blokken if cid in b.ankers) == 1

    assert concept.selectie is not None
    assert concept.selectie["segment"] == "wmo-1a"
    assert concept.selectie["corpus_versie"] == corpus.versie
    assert concept.selectie["criteria"] == lichaam
    assert concept.selectie["rollen"][eerste] == doc.ankers()[0][2].value


def test_every_criterion_text_of_a_composed_document_is_read(samengesteld, tmp_path: Path) -> None:
    doc, data = samengesteld
    concept = read_concept(schrijf(tmp_path, "kwaliteitscriteria.docx", data))
    per_anker = {a: b.tekst for b in concept.blokken for a in b.ankers}
    assert per_anker == verwachte_teksten(doc)
    # Paragraph numbers run through the document; composed documents have no rendered page breaks.
    assert [b.locatie.index for b in concept.blokken] == list(range(1, len(concept.blokken) + 1))
    assert all(b.locatie.pagina is None for b in concept.blokken)


def test_selection_falls_back_to_document_properties(samengesteld, tmp_path: Path) -> None:
    doc, data = samengesteld
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            if not info.filename.startswith("customXml/"):
                zout.writestr(info, zin.read(info.filename))
    concept = read_concept(schrijf(tmp_path, "zonder-customxml.docx", out.getvalue()))
    assert concept.selectie["segment"] == "wmo-1a"
    assert concept.selectie["criteria"] == [a for a, _, _ in doc.ankers()]
    assert {a for b in concept.blokken for a in b.ankers} == set(concept.selectie["criteria"])


def test_plain_word_document_has_no_selection(tmp_path: Path) -> None:
    concept = lees_docx(tmp_path, p(r("Gewoon een bestek.")))
    assert concept.selectie is None
    assert concept.blokken[0].tekst == "Gewoon een bestek."
    assert concept.blokken[0].locatie.soort == "alinea"
    assert concept.blokken[0].locatie.beschrijving() == "alinea 1"


# --- anchors ---------------------------------------------------------------------------------------


def test_bookmark_names_invert_for_every_corpus_id(corpus) -> None:
    for crit in corpus.criteria():
        assert criterium_van_bladwijzer(bladwijzer_naam(crit.id)) == crit.id
    assert criterium_van_bladwijzer("IK_BWMO_04") == "bwmo-04"
    for other in ("_GoBack", "_Toc100000001", "ik_", "ik_bwmo", "bwmo_04", "ik_bwmo_04_extra", "mijn_bladwijzer"):
        assert criterium_van_bladwijzer(other) is None
    # A name compose recorded in the document wins (shortened names cannot be inverted).
    assert criterium_van_bladwijzer("ik_lang_a1b2c3d4", {"ik_lang_a1b2c3d4": "lang-01"}) == "lang-01"


def test_bookmark_across_paragraphs_and_tables(tmp_path: Path) -> None:
    body = (
        p(r("Ervoor.")),
        p('<w:bookmarkStart w:id="7" w:name="ik_bwmo_04"/>', r("Eerste deel van het criterium.")),
        p(r("Tweede deel, in een nieuwe alinea gezet.")),
        tabel([p(r("Nog in de bladwijzer, in een tabel."))]),
        p(r("Laatste deel."), '<w:bookmarkEnd w:id="7"/>', r(" Nog in dezelfde alinea.")),
        '<w:bookmarkStart w:id="8" w:name="ik_jij_06"/>',
        p(r("Bladwijzer tussen alinea's geopend.")),
        '<w:bookmarkEnd w:id="8"/>',
        p('<w:bookmarkStart w:id="9" w:name="_GoBack"/><w:bookmarkEnd w:id="9"/>', r("Daarna.")),
    )
    concept = lees_docx(tmp_path, "".join(body))
    ankers = {b.tekst: b.ankers for b in concept.blokken}
    assert ankers["Ervoor."] == ()
    assert ankers["Eerste deel van het criterium."] == ("bwmo-04",)
    assert ankers["Tweede deel, in een nieuwe alinea gezet."] == ("bwmo-04",)
    assert ankers["Nog in de bladwijzer, in een tabel."] == ("bwmo-04",)
    assert ankers["Laatste deel. Nog in dezelfde alinea."] == ("bwmo-04",)
    assert ankers["Bladwijzer tussen alinea's geopend."] == ("jij-06",)
    assert ankers["Daarna."] == ()


def test_bookmark_ends_are_matched_by_id(tmp_path: Path) -> None:
    body = p('<w:bookmarkStart w:id="1" w:name="ik_bwmo_01"/><w:bookmarkStart w:id="2" w:name="ik_bwmo_02"/>',
             r("Twee criteria samengevoegd."), '<w:bookmarkEnd w:id="1"/>') + p(r("Alleen het tweede."),
                                                                              '<w:bookmarkEnd w:id="2"/>')
    concept = lees_docx(tmp_path, body)
    assert concept.blokken[0].ankers == ("bwmo-01", "bwmo-02")
    assert concept.blokken[1].ankers == ("bwmo-02",)


# --- what a reader sees (and does not) -------------------------------------------------------------


def test_tracked_changes_fields_hidden_text(tmp_path: Path) -> None:
    body = "".join((
        p(r("Zichtbaar "), '<w:del w:id="1" w:author="x"><w:r><w:delText>weg</w:delText></w:r></w:del>',
          '<w:ins w:id="2" w:author="x">' + r("erbij") + "</w:ins>",
          '<w:moveFrom w:id="3" w:author="x">' + r("verplaatst-oud") + "</w:moveFrom>",
          '<w:moveTo w:id="4" w:author="x">' + r(" verplaatst-nieuw") + "</w:moveTo>"),
        p(r("Verborgen tekst: "), r("GEHEIM", rpr="<w:vanish/>"), r("zichtbaar", rpr='<w:vanish w:val="0"/>')),
        p('<w:fldSimple w:instr=" AUTHOR \\* MERGEFORMAT ">' + r("Auteursnaam") + "</w:fldSimple>"),
        # Nested field: the inner field's result is part of the outer instruction, so hidden.
        p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>',
          veld("PAGE", "BINNENVELD"), '<w:r><w:instrText> = 1 "a" "b" </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("BUITENRESULTAAT"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        p(r("Met"), "<w:r><w:tab/></w:r>", r("tab en"), '<w:r><w:br/></w:r>', r("regeleinde en "),
          "<w:r><w:noBreakHyphen/></w:r>", r("streepje en zacht\u00adafbreek­streepje")),
        # A tracked deleted row of a table.
        ('<w:tbl><w:tr><w:trPr><w:del w:id="5" w:author="x"/></w:trPr><w:tc>'
        '<w:p><w:del w:id="6" w:author="x"><w:r><w:delText>Rij weg</w:delText></w:r></w:del></w:p></w:tc></w:tr>'
        f'<w:tr><w:tc>{p(r("Rij blijft"))}</w:tc></w:tr></w:tbl>'),
    ))
    text = alles(lees_docx(tmp_path, body))
    assert "Zichtbaar erbij verplaatst-nieuw" in text
    assert "weg" not in text.replace("Rij weg", "") and "verplaatst-oud" not in text
    assert "Verborgen tekst: zichtbaar" in text and "GEHEIM" not in text
    assert "Auteursnaam" in text and "AUTHOR" not in text
    assert "BUITENRESULTAAT" in text and "BINNENVELD" not in text and "IF" not in text
    assert "Met tab en regeleinde en -streepje en zachtafbreekstreepje" in text
    assert "Rij blijft" in text and "Rij weg" not in text


def test_deleted_paragraph_mark_joins_paragraphs(tmp_path: Path) -> None:
    body = (p(r("Opdrachtnemer heeft een klachtenregeling"),
              ppr='<w:rPr><w:del w:id="1" w:author="x"/></w:rPr>')
            + p(r(" die voldoet aan de wet.")) + p(r("Los.")))
    concept = lees_docx(tmp_path, body)
    assert [b.tekst for b in concept.blokken] == ["Opdrachtnemer heeft een klachtenregeling die voldoet aan de wet.",
                                                  "Los."]


def test_content_controls_at_every_level(tmp_path: Path) -> None:
    sdt = "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"
    cel = "<w:tc>" + p(r("Cel in sdt")) + "</w:tc>"
    rij = "<w:tr>" + sdt.format(cel) + "<w:tc>" + p(r("Tweede cel")) + "</w:tc></w:tr>"
    body = (sdt.format(p(r("Blok"))) + p(r("Run: "), sdt.format(r("inhoud")))
            + "<w:tbl>" + sdt.format(rij) + "</w:tbl>"
            + '<w:customXml w:element="x">' + p(r("In customXml")) + "</w:customXml>")
    concept = lees_docx(tmp_path, body)
    assert [b.tekst for b in concept.blokken] == ["Blok", "Run: inhoud", "Cel in sdt", "Tweede cel", "In customXml"]
    assert blok_met(concept, "Tweede cel").locatie.tabel == (1, 1, 2)


def test_table_coordinates_with_merged_cells_and_several_paragraphs(tmp_path: Path) -> None:
    body = ("<w:tbl><w:tr>"
            f'<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{p(r("Breed"))}</w:tc><w:tc>{p(r("Derde kolom"))}</w:tc>'
            f"</w:tr><w:tr><w:tc>{p(r('A'))}{p(r('A2'))}</w:tc><w:tc>{p()}</w:tc><w:tc>{p(r('C'))}</w:tc></w:tr>"
            "</w:tbl>" + tabel([p(r("Tweede tabel"))]))
    concept = lees_docx(tmp_path, body)
    plek = {b.tekst: b.locatie.tabel for b in concept.blokken}
    assert plek == {"Breed": (1, 1, 1), "Derde kolom": (1, 1, 3), "A": (1, 2, 1), "A2": (1, 2, 1), "C": (1, 2, 3),
                    "Tweede tabel": (2, 1, 1)}
    assert blok_met(concept, "Derde kolom").locatie.beschrijving() == "tabel 1, rij 1, kolom 3"


def test_text_boxes_once_even_with_fallback(tmp_path: Path) -> None:
    drawing = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
        f"<w:txbxContent>{p(r('Tekst in een tekstvak'))}</w:txbxContent>"
        "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{p(r('Tekst in een tekstvak'))}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    old_vml = f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{p(r('Oud tekstvak'))}</w:txbxContent>" \
              "</v:textbox></v:shape></w:pict></w:r>"
    concept = lees_docx(tmp_path, p(r("Anker"), drawing) + p(old_vml) + p(r("Daarna")))
    assert [(b.tekst, b.locatie.soort) for b in concept.blokken] == [
        ("Anker", "alinea"), ("Tekst in een tekstvak", "tekstvak"), ("Oud tekstvak", "tekstvak"), ("Daarna", "alinea")]


def test_headers_footers_footnotes_endnotes(tmp_path: Path) -> None:
    def hdr(tag: str, text: str) -> str:
        return f'<?xml version="1.0"?><w:{tag} {ns_decl()}>{p(r(text))}</w:{tag}>'

    notes = (f'<w:footnotes {ns_decl()}>'
             f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             f'<w:footnote w:id="1">{p(r("Voetnoottekst over de Wmo 2015."))}</w:footnote></w:footnotes>')
    endnotes = f'<w:endnotes {ns_decl()}><w:endnote w:id="1">{p(r("Eindnoottekst."))}</w:endnote></w:endnotes>'
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rH1"/>'
            '<w:headerReference w:type="first" r:id="rH2"/><w:footerReference w:type="default" r:id="rF1"/>'
            "</w:sectPr>")
    body = (p(r("Sectie een"), '<w:r><w:footnoteReference w:id="1"/></w:r>', ppr=sect)
            + p(r("Sectie twee"))
            + '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/>'
              '<w:headerReference w:type="even" r:id="rH3"/></w:sectPr>')
    concept = lees_docx(
        tmp_path, body,
        parts={"word/header1.xml": hdr("hdr", "Bestek Wmo 2027"), "word/header2.xml": hdr("hdr", "Eerste pagina"),
               "word/header3.xml": hdr("hdr", "Bestek Wmo 2027"), "word/footer1.xml": hdr("ftr", "Voettekst"),
               "word/footnotes.xml": notes, "word/endnotes.xml": endnotes},
        rels=[("rH1", "header", "header1.xml"), ("rH2", "header", "header2.xml"), ("rH3", "header", "/word/header3.xml"),
              ("rF1", "footer", "footer1.xml"), ("rN", "footnotes", "footnotes.xml"),
              ("rE", "endnotes", "endnotes.xml"), ("rX", "hyperlink", "https://example.org")],
    )
    soorten = [(b.tekst, b.locatie.soort) for b in concept.blokken]
    assert soorten == [("Sectie een", "alinea"), ("Sectie twee", "alinea"), ("Bestek Wmo 2027", "koptekst"),
                       ("Eerste pagina", "koptekst"), ("Voettekst", "voettekst"),
                       ("Voetnoottekst over de Wmo 2015.", "voetnoot"), ("Eindnoottekst.", "voetnoot")]
    assert concept.blokken[2].locatie.beschrijving() == "koptekst"


def test_page_numbers_from_rendered_and_hard_breaks(tmp_path: Path) -> None:
    body = "".join((
        p(r("Pagina een")),
        p(r("Nog een, daarna een harde pagina-einde"), '<w:r><w:br w:type="page"/></w:r>'),
        # Word records a rendered break right after the hard one: still page 2, not 3.
        p("<w:r><w:lastRenderedPageBreak/>", '<w:t>Pagina twee</w:t></w:r>'),
        p(r("Lange alinea die doorloopt "), "<w:r><w:lastRenderedPageBreak/><w:t>op pagina drie</w:t></w:r>"),
        p(r("Pagina drie")),
        p(r("Pagina vier (nieuwe pagina ervoor)"), ppr="<w:pageBreakBefore/>"),
        tabel([p("<w:r><w:lastRenderedPageBreak/><w:t>Cel op pagina vijf</w:t></w:r>")]),
    ))
    concept = lees_docx(tmp_path, body)
    paginas = {b.tekst: b.locatie.pagina for b in concept.blokken}
    assert paginas == {"Pagina een": 1, "Nog een, daarna een harde pagina-einde": 1, "Pagina twee": 2,
                       "Lange alinea die doorloopt op pagina drie": 2, "Pagina drie": 3,
                       "Pagina vier (nieuwe pagina ervoor)": 4, "Cel op pagina vijf": 5}
    assert blok_met(concept, "Pagina drie").locatie.beschrijving() == "pagina 3, alinea 5"


def test_no_page_numbers_without_rendered_layout(tmp_path: Path) -> None:
    concept = lees_docx(tmp_path, p(r("Een")) + p(r("Twee"), ppr="<w:pageBreakBefore/>"))
    assert [b.locatie.pagina for b in concept.blokken] == [None, None]


def test_strict_ooxml_and_main_part_from_relationships(tmp_path: Path) -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    concept = lees_docx(tmp_path, p(r("Strikt formaat")), ns=strict, main="word/document2.xml")
    assert alles(concept) == "Strikt formaat"


def test_utf16_document_part(tmp_path: Path) -> None:
    xml = f'<?xml version="1.0" encoding="UTF-16"?><w:document {ns_decl()}><w:body>{p(r("Cliënt"))}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", xml.encode("utf-16"))
    assert alles(read_concept(schrijf(tmp_path, "utf16.docx", out.getvalue()))) == "Cliënt"


# --- hostile or broken input ---------------------------------------------------------------------


def test_missing_directory_empty(tmp_path: Path) -> None:
    fout(tmp_path / "weg.docx", "bestaat niet")
    (tmp_path / "map.docx").mkdir()
    fout(tmp_path / "map.docx", "map")
    fout(schrijf(tmp_path, "leeg.docx", b""), "leeg", "0 bytes")
    fout(schrijf(tmp_path, "leeg.txt", b""), "leeg")
    fout(schrijf(tmp_path, "witruimte.txt", b"  \n\n \t\n"), "geen leesbare tekst")


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    groot = tmp_path / "groot.docx"
    with groot.open("wb") as handle:  # sparse: 60 MB on paper, nothing on disk
        handle.truncate(60 * 1024 * 1024)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("het bestand had niet geopend mogen worden")

    monkeypatch.setattr(Path, "open", never)
    fout(groot, "te groot", "60.0 MB")
    monkeypatch.undo()
    fout(schrijf(tmp_path, "klein.md", b"# Kop\n" * 200), "te groot", max_bytes=1000)


def test_unknown_and_old_formats(tmp_path: Path) -> None:
    e = fout(schrijf(tmp_path, "tabel.xlsx", b"PK\x03\x04"), "onbekend bestandstype", ".xlsx")
    for ext in (".docx", ".odt", ".pdf", ".md", ".markdown", ".txt"):
        assert ext in str(e)
    fout(schrijf(tmp_path, "oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
         "oud Word-formaat; sla op als .docx")
    fout(schrijf(tmp_path, "zonder-extensie", b"tekst"), "geen extensie")
    fout(schrijf(tmp_path, "brief.rtf", b"{\\rtf1 tekst}"), "sla op als .docx")


def test_not_a_zip_and_truncated_zip(tmp_path: Path, samengesteld) -> None:
    fout(schrijf(tmp_path, "tekst.docx", b"Dit is gewone tekst, geen Word."), "geen geldig", "geen zip")
    fout(schrijf(tmp_path, "tekst.odt", b"\x00\x01\x02 rommel"), "geen zip")
    _, data = samengesteld
    fout(schrijf(tmp_path, "afgekapt.docx", data[: len(data) // 2]), "beschadigd of afgekapt")
    fout(schrijf(tmp_path, "afgekapt.odt", data[:200]), "beschadigd of afgekapt")


def test_corrupt_member_data(tmp_path: Path) -> None:
    xml = f'<w:document {ns_decl()}><w:body>{p(r("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))}</w:body></w:document>'.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", xml)
    data = out.getvalue().replace(b"ABCDEFGHIJ", b"ABCDEFGHIX", 1)  # CRC no longer matches
    fout(schrijf(tmp_path, "crc.docx", data), "word/document.xml", "beschadigd")


def test_old_doc_renamed_and_encrypted_office(tmp_path: Path) -> None:
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048)
    fout(schrijf(tmp_path, "hernoemd.docx", cfb), "versleuteld of een oud .doc-bestand")
    fout(schrijf(tmp_path, "beveiligd.odt", cfb), "versleuteld of een oud .doc-bestand")


def test_zip_without_word_document(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    fout(schrijf(tmp_path, "rekenblad.docx", out.getvalue()), "word/document.xml")
    fout(schrijf(tmp_path, "rekenblad.odt", out.getvalue()), "content.xml")


def test_doctype_is_refused(tmp_path: Path) -> None:
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
           f'<w:document {ns_decl()}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", lol)
    fout(schrijf(tmp_path, "lol.docx", out.getvalue()), "DOCTYPE", "word/document.xml")
    # External entity in UTF-16: still seen.
    xxe = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           f'<w:document {ns_decl()}><w:body>{p(r("&e;"))}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", xxe.encode("utf-16"))
    fout(schrijf(tmp_path, "xxe.docx", out.getvalue()), "DOCTYPE")
    # In the part that records the selection, too.
    data = docx_bytes(p(r("Tekst")), parts={
        "customXml/item1.xml": '<!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                               '<ik:selectie xmlns:ik="urn:inkoopkader:selectie:1" segment="&x;"/>'})
    fout(schrijf(tmp_path, "selectie.docx", data), "DOCTYPE", "customXml/item1.xml")
    fout(schrijf(tmp_path, "lol.odt", odt_bytes("", content_prefix='<!DOCTYPE x [<!ENTITY a "b">]>')), "DOCTYPE")


def test_zip_bombs_are_refused_from_the_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    geopend: list[str] = []
    original = zipfile.ZipFile.open

    def spy(self, name, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if mode == "r":  # writing the test archives opens members too
            geopend.append(getattr(name, "filename", name))
        return original(self, name, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)

    ratio = io.BytesIO()
    with zipfile.ZipFile(ratio, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f'<w:document {ns_decl()}><w:body/></w:document>')
        z.writestr("word/media/bom.bin", b"\0" * (5 * 1024 * 1024))
    fout(schrijf(tmp_path, "ratio.docx", ratio.getvalue()), "zip-bom", "word/media/bom.bin")
    assert geopend == []  # nothing was decompressed

    veel = io.BytesIO()
    with zipfile.ZipFile(veel, "w", zipfile.ZIP_STORED) as z:
        for i in range(limieten.ZIP_ONDERDELEN.standaard + 1):
            z.writestr(f"x/{i}", b"")
    fout(schrijf(tmp_path, "veel.docx", veel.getvalue()), f"{limieten.ZIP_ONDERDELEN.standaard + 1} onderdelen",
         "INKOOPKADER_MAX_ZIP_ONDERDELEN=")
    assert geopend == []

    monkeypatch.setenv("INKOOPKADER_MAX_ZIP_UITGEPAKT", "10000")
    totaal = io.BytesIO()
    with zipfile.ZipFile(totaal, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", os.urandom(6000))
        z.writestr("word/media/foto.bin", os.urandom(6000))
    fout(schrijf(tmp_path, "totaal.odt", totaal.getvalue()), "zip-bom")
    assert geopend == []


def test_zip_with_encrypted_members(tmp_path: Path) -> None:
    data = bytearray(docx_bytes(p(r("Tekst"))))
    # Set the 'encrypted' flag of every member, in the local headers and in the central directory.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for match in re.finditer(re.escape(signature), bytes(data)):
            data[match.start() + offset] |= 0x1
    fout(schrijf(tmp_path, "zipcrypto.docx", bytes(data)), "versleuteld")


def test_wrong_extension_is_named(tmp_path: Path, samengesteld) -> None:
    _, data = samengesteld
    fout(schrijf(tmp_path, "eigenlijk-word.odt", data), "Word-document", ".docx")
    fout(schrijf(tmp_path, "eigenlijk-odt.docx", odt_bytes(p_odt("x"))), "OpenDocument", ".odt")
    fout(schrijf(tmp_path, "eigenlijk-word.txt", data), "geen tekstbestand")
    fout(schrijf(tmp_path, "eigenlijk-word.pdf", data), "geen geldige PDF")
    fout(schrijf(tmp_path, "eigenlijk-pdf.docx", pdf_bytes([["Tekst"]])), "PDF-bestand", ".pdf")


def test_every_error_is_an_inkoopkader_error_never_a_traceback(tmp_path: Path) -> None:
    """Random bytes under every supported extension: a ConceptFout or a result, nothing else."""
    rng = random.Random(4)
    for ext in read_module.FORMATEN:
        for prefix in (b"", b"PK\x03\x04", b"%PDF-1.7\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            path = schrijf(tmp_path, f"rommel{ext}", prefix + bytes(rng.randrange(256) for _ in range(3000)))
            with pytest.raises(ConceptFout):
                read_concept(path)


# --- .odt ------------------------------------------------------------------------------------------

ODF_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
ODF_DECL = " ".join(f'xmlns:{k}="{v}"' for k, v in ODF_NS.items())


def p_odt(text: str, tag: str = "p") -> str:
    return f"<text:{tag}>{text}</text:{tag}>"


def odt_bytes(body: str, *, styles: str = "", meta: dict[str, str] | None = None, encrypted: bool = False,
              mimetype: str = "application/vnd.oasis.opendocument.text", content_prefix: str = "") -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{content_prefix}<office:document-content {ODF_DECL}>'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        z.writestr("content.xml", content)
        if styles:
            z.writestr("styles.xml", f'<office:document-styles {ODF_DECL}><office:master-styles>{styles}'
                                     "</office:master-styles></office:document-styles>")
        if meta:
            props = "".join(f'<meta:user-defined meta:name="{k}">{v}</meta:user-defined>' for k, v in meta.items())
            z.writestr("meta.xml", f"<office:document-meta {ODF_DECL}><office:meta>{props}</office:meta>"
                                   "</office:document-meta>")
        manifest = '<manifest:encryption-data/>' if encrypted else ""
        z.writestr("META-INF/manifest.xml", f'<manifest:manifest xmlns:manifest="urn:x">{manifest}</manifest:manifest>')
    return out.getvalue()


def test_odt_reads_what_a_reader_sees(tmp_path: Path) -> None:
    body = "".join((
        ("<text:tracked-changes><text:changed-region text:id='c1'><text:deletion>"
        f"{p_odt('VERWIJDERDE-TEKST')}</text:deletion></text:changed-region></text:tracked-changes>"),
        '<text:h text:outline-level="1">Programma van eisen</text:h>',
        p_odt('De <text:span text:style-name="T1">organisatie</text:span> heeft<text:s text:c="3"/>een '
              '<text:change text:change-id="c1"/>meldcode<text:note text:note-class="footnote">'
              '<text:note-citation>1</text:note-citation><text:note-body>'
              f'{p_odt("Voetnoot bij de meldcode.")}</text:note-body></text:note>.'),
        ('<text:list><text:list-item><text:p>Eerste punt</text:p><text:list><text:list-item>'
        "<text:p>Genest punt</text:p></text:list-item></text:list></text:list-item></text:list>"),
        ("<table:table><table:table-column/><table:table-header-rows><table:table-row><table:table-cell>"
        f"{p_odt('Kop A')}</table:table-cell><table:table-cell>{p_odt('Kop B')}</table:table-cell></table:table-row>"
        "</table:table-header-rows><table:table-row><table:table-cell table:number-columns-spanned='2'>"
        f"{p_odt('Breed')}<table:table><table:table-row><table:table-cell>{p_odt('Geneste cel')}"
        "</table:table-cell></table:table-row></table:table></table:table-cell><table:covered-table-cell/>"
        "</table:table-row></table:table>"),
        '<text:section text:name="S1">'
        + p_odt('<text:bookmark-start text:name="ik_bwmo_04"/>Opdrachtnemer waarborgt de regie van de '
                'inwoner.<text:bookmark-end text:name="ik_bwmo_04"/>')
        + p_odt('<text:bookmark text:name="ik_jij_06"/>Punt-bladwijzer.') + "</text:section>",
        p_odt('Anker<draw:frame><draw:text-box><text:p>In een kader</text:p></draw:text-box></draw:frame>'
              '<office:annotation><text:p>OPMERKING</text:p></office:annotation>'),
    ))
    styles = ('<style:master-page style:name="Standard"><style:header>'
              f'{p_odt("Bestek Wmo")}</style:header><style:header-left>{p_odt("Bestek Wmo")}</style:header-left>'
              f'<style:footer>{p_odt("Pagina <text:page-number>3</text:page-number>")}</style:footer>'
              "</style:master-page>")
    concept = read_concept(schrijf(tmp_path, "concept.odt", odt_bytes(body, styles=styles)))
    assert concept.formaat == "odt"
    rijen = [(b.tekst, b.locatie.soort, b.locatie.tabel, b.ankers) for b in concept.blokken]
    assert rijen == [
        ("Programma van eisen", "alinea", None, ()),
        ("De organisatie heeft een meldcode.", "alinea", None, ()),
        ("Voetnoot bij de meldcode.", "voetnoot", None, ()),
        ("Eerste punt", "alinea", None, ()),
        ("Genest punt", "alinea", None, ()),
        ("Kop A", "tabel", (1, 1, 1), ()),
        ("Kop B", "tabel", (1, 1, 2), ()),
        ("Breed", "tabel", (1, 2, 1), ()),
        ("Geneste cel", "tabel", (2, 1, 1), ()),
        ("Opdrachtnemer waarborgt de regie van de inwoner.", "alinea", None, ("bwmo-04",)),
        ("Punt-bladwijzer.", "alinea", None, ("jij-06",)),
        ("Anker", "alinea", None, ()),
        ("In een kader", "tekstvak", None, ()),
        ("Bestek Wmo", "koptekst", None, ()),
        ("Pagina 3", "voettekst", None, ()),
    ]
    assert concept.selectie is None


def test_odt_selection_from_user_defined_properties(tmp_path: Path) -> None:
    meta = {"inkoopkader.segment": "wmo-1a", "inkoopkader.corpus": "abc", "inkoopkader.criteria.1": "bwmo-01,bwmo-02",
            "inkoopkader.criteria.2": "jij-06", "inkoopkader.kaders": "1,8"}
    concept = read_concept(schrijf(tmp_path, "c.odt", odt_bytes(p_odt("Tekst"), meta=meta)))
    assert concept.selectie["segment"] == "wmo-1a"
    assert concept.selectie["corpus_versie"] == "abc"
    assert concept.selectie["criteria"] == ["bwmo-01", "bwmo-02", "jij-06"]
    assert concept.selectie["kaders"] == [1, 8]


def test_odt_hostile(tmp_path: Path) -> None:
    fout(schrijf(tmp_path, "geheim.odt", odt_bytes(p_odt("x"), encrypted=True)), "versleuteld")
    fout(schrijf(tmp_path, "rekenblad.odt", odt_bytes(p_odt("x"), mimetype="application/vnd.oasis.opendocument.spreadsheet")),
         "spreadsheet")
    fout(schrijf(tmp_path, "kapot.odt", odt_bytes("<text:p>open")), "geen geldige XML")
    fout(schrijf(tmp_path, "leeg.odt", odt_bytes("")), "geen leesbare tekst")


# --- .pdf ------------------------------------------------------------------------------------------


def _pdf_string(text: str) -> str:
    out = []
    for byte in text.encode("cp1252"):
        ch = chr(byte)
        out.append(f"\\{ch}" if ch in "()\\" else ch if 32 <= byte < 127 else f"\\{byte:03o}")
    return "".join(out)


def pdf_bytes(pages: list[list[str]], size: float = 11) -> bytes:
    """A small, valid PDF with Helvetica text; an empty string leaves a paragraph gap, '#' a larger font."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        y, ops = 800.0, []
        for line in lines:
            grootte = 16.0 if line.startswith("#") else size
            if not line:
                y -= size * 0.8
                continue
            ops.append(f"BT /F1 {grootte} Tf 1 0 0 1 72 {y:.1f} Tm ({_pdf_string(line.lstrip('#'))}) Tj ET")
            y -= grootte * 1.25
        stream = "\n".join(ops).encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode("latin-1") + stream + b"\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode())
        out.write(obj if isinstance(obj, bytes) else obj.encode("latin-1"))
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


PDF_PAGINA_1 = [
    "#Programma van eisen",
    "De organisatie heeft een meldcode huiselijk geweld en kindermishandeling",
    "en zorgt dat alle medewerkers die kennen en ernaar handelen bij signalen",
    "van geweld of verwaarlozing.",
    "",
    "De cliënt heeft een ondersteuningsplan dat samen met hem is opgesteld en dat",
    "minstens eenmaal per jaar wordt geëvalueerd met de cliënt en zijn naasten.",
    "• Opdrachtnemer heeft een klachtenregeling;",
    "• Opdrachtnemer is aangesloten bij een onafhankelijke geschillencommissie.",
    "1. De begeleider is geregistreerd in het Kwaliteitsregister Jeugd of het",
    "Registerplein, zodat zijn vakbekwaamheid is geborgd en getoetst.",
]
PDF_PAGINA_2 = [
    "Facturatie verloopt via het iWmo-berichtenverkeer en de betaaltermijn is dertig",
    "dagen na ontvangst van een correcte factuur bij de gemeente.",
]


def test_pdf_pages_and_paragraphs(tmp_path: Path) -> None:
    concept = read_concept(schrijf(tmp_path, "bestek.pdf", pdf_bytes([PDF_PAGINA_1, PDF_PAGINA_2])))
    assert concept.formaat == "pdf"
    rijen = [(b.tekst, b.locatie.pagina) for b in concept.blokken]
    assert rijen == [
        ("Programma van eisen", 1),
        (("De organisatie heeft een meldcode huiselijk geweld en kindermishandeling en zorgt dat alle "
         "medewerkers die kennen en ernaar handelen bij signalen van geweld of verwaarlozing."), 1),
        (("De cliënt heeft een ondersteuningsplan dat samen met hem is opgesteld en dat minstens eenmaal per "
         "jaar wordt geëvalueerd met de cliënt en zijn naasten."), 1),
        ("• Opdrachtnemer heeft een klachtenregeling;", 1),
        ("• Opdrachtnemer is aangesloten bij een onafhankelijke geschillencommissie.", 1),
        (("1. De begeleider is geregistreerd in het Kwaliteitsregister Jeugd of het Registerplein, zodat zijn "
         "vakbekwaamheid is geborgd en getoetst."), 1),
        (("Facturatie verloopt via het iWmo-berichtenverkeer en de betaaltermijn is dertig dagen na ontvangst "
         "van een correcte factuur bij de gemeente."), 2),
    ]
    # Paragraphs are counted from the top of the page: a PDF has no headings a reader could use.
    assert concept.blokken[-1].locatie.beschrijving() == "pagina 2, alinea 1"
    assert concept.blokken[2].locatie.beschrijving() == "pagina 1, alinea 3"
    assert concept.selectie is None


def test_pdf_hyphenation_is_undone() -> None:
    regels = [("Opdrachtnemer levert zorg-", 700.0, 11.0), ("verlening aan iedere inwoner met Wmo-", 686.0, 11.0),
              ("ondersteuning in de gemeente.", 672.0, 11.0)]
    assert read_pdf._pdf_alineas(regels) == [
        "Opdrachtnemer levert zorgverlening aan iedere inwoner met Wmo-ondersteuning in de gemeente."]


def test_pdf_encrypted_and_broken(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = pdf_bytes([PDF_PAGINA_1])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="geheim", owner_password="eigenaar", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    fout(schrijf(tmp_path, "geheim.pdf", out.getvalue()), "versleuteld")

    # Only an owner password (printing or copying restricted): any reader opens it, so do we.
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="", owner_password="eigenaar", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    concept = read_concept(schrijf(tmp_path, "beperkt.pdf", out.getvalue()))
    assert "meldcode" in alles(concept)

    fout(schrijf(tmp_path, "kapot.pdf", b"%PDF-1.4\n" + os.urandom(4000)))
    fout(schrijf(tmp_path, "afgekapt.pdf", plain[: len(plain) // 3]))
    fout(schrijf(tmp_path, "scan.pdf", pdf_bytes([[]])), "geen leesbare tekst", "OCR")
    fout(schrijf(tmp_path, "geen.pdf", b"Dit is geen PDF"), "geen geldige PDF")


def test_pdf_reading_prints_nothing(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    sloppy = pdf_bytes([PDF_PAGINA_1]).replace(b"startxref\n", b"startxref\n1")  # wrong xref offset
    concept = read_concept(schrijf(tmp_path, "slordig.pdf", sloppy))
    assert "meldcode" in alles(concept)
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


# --- Markdown and text ------------------------------------------------------------------------------

MARKDOWN = """\
---
titel: Bestek
---
# Programma van **eisen** #

Inleiding met een [link](https://example.org/a_(b)) en `code_x`, *nadruk*, __vet__ en snake_case_naam.
Tweede regel van dezelfde alinea.

<!-- Interne opmerking
over twee regels -->
1. De **organisatie** heeft een meldcode
   en handelt ernaar.
2) Tweede eis met ~~doorgehaald~~ woord
- [x] Afgevinkt punt
   * Genest punt
> Geciteerd: de \\*sterretjes\\* blijven <sub>klein</sub>.

| Nr | Eis |
|---:|-----|
| 1 | De cliënt heeft **regie** |
| 2 | Inwoner \\| deelnemer |

Kop in setext-stijl
===================

[ref]: https://example.org
---
Laatste alinea met &amp; entiteit.
"""


def test_markdown_blocks_and_lines(tmp_path: Path) -> None:
    concept = read_concept(schrijf(tmp_path, "bestek.md", MARKDOWN.encode()))
    assert concept.formaat == "md"
    rijen = [(b.tekst, b.locatie.index, b.locatie.tabel) for b in concept.blokken]
    assert rijen == [
        ("Programma van eisen", 4, None),
        ("Inleiding met een link en code_x, nadruk, vet en snake_case_naam. Tweede regel van dezelfde alinea.", 6, None),
        ("De organisatie heeft een meldcode en handelt ernaar.", 11, None),
        ("Tweede eis met doorgehaald woord", 13, None),
        ("Afgevinkt punt", 14, None),
        ("Genest punt", 15, None),
        ("Geciteerd: de *sterretjes* blijven klein .", 16, None),
        ("Nr", 18, (1, 1, 1)),
        ("Eis", 18, (1, 1, 2)),
        ("1", 20, (1, 2, 1)),
        ("De cliënt heeft regie", 20, (1, 2, 2)),
        ("2", 21, (1, 3, 1)),
        ("Inwoner | deelnemer", 21, (1, 3, 2)),
        ("Kop in setext-stijl", 23, None),
        ("Laatste alinea met & entiteit.", 28, None),
    ]
    assert all(b.locatie.soort == "regel" for b in concept.blokken)
    assert concept.blokken[2].locatie.beschrijving() == "regel 11"
    lines = MARKDOWN.splitlines()
    for blok in concept.blokken:  # the line number points at the block's first line
        eerste = blok.tekst.split()[0].strip("*.,")
        assert eerste in lines[blok.locatie.index - 1]


def test_markdown_composed_by_inkoopkader(samengesteld, tmp_path: Path) -> None:
    doc, _ = samengesteld
    data = doc.render("md")
    concept = read_concept(schrijf(tmp_path, "kwaliteitscriteria.markdown", data))
    teksten = [b.tekst for b in concept.blokken]
    alle = "\n".join(teksten)
    for vraag in doc.vragen:
        for aspect in vraag.aspecten:
            # The source line '<sub>ID · kader</sub>' continues the list item: Markdown shows it in the same paragraph.
            assert " ".join(strip_markup(aspect.tekst).split()) in alle
            assert aspect.bron in alle
    for eis in doc.eisen:
        assert " ".join(strip_markup(eis.tekst).split()) in alle
    assert not any("**" in t or "<sub>" in t for t in teksten)


def test_text_paragraphs_lists_and_pages(tmp_path: Path) -> None:
    tekst = ("Eerste alinea loopt\nover twee regels.\n\n- punt een\n• punt twee\n  a) sub-punt\n"
             "3. genummerd\n----------\n\fPagina twee begint hier.\n")
    concept = read_concept(schrijf(tmp_path, "bestek.txt", tekst.encode()))
    assert [(b.tekst, b.locatie.index, b.locatie.pagina) for b in concept.blokken] == [
        ("Eerste alinea loopt over twee regels.", 1, 1), ("punt een", 4, 1), ("punt twee", 5, 1),
        ("sub-punt", 6, 1), ("genummerd", 7, 1), ("Pagina twee begint hier.", 9, 2)]
    zonder = read_concept(schrijf(tmp_path, "kort.txt", b"Zonder paginas."))
    assert zonder.blokken[0].locatie.pagina is None
    assert zonder.formaat == "txt"


def test_text_encodings(tmp_path: Path) -> None:
    zin = "De cliënt en zijn naasten – ‘ervaringsdeskundig’ – krijgen één aanspreekpunt."
    for naam, data in (("utf8.txt", zin.encode()), ("bom.txt", b"\xef\xbb\xbf" + zin.encode()),
                       ("cp1252.txt", zin.encode("cp1252")), ("utf16.txt", zin.encode("utf-16")),
                       ("cp1252.md", zin.encode("cp1252"))):
        concept = read_concept(schrijf(tmp_path, naam, data))
        assert alles(concept) == zin, naam
    fout(schrijf(tmp_path, "binair.txt", bytes(range(256)) * 20), "binaire gegevens")
    fout(schrijf(tmp_path, "nul.md", b"tekst\x00\x00\x00tekst"), "binaire gegevens")
    fout(schrijf(tmp_path, "ongeldig.txt", b"abc\x81\x8d\x8f\x90\x9d"), "geen leesbare tekst")


def test_markdown_hostile_lines_stay_linear(tmp_path: Path) -> None:
    """Unclosed markup repeated on one long line (a lazy regex would take minutes on these)."""
    for fragment in ("*a ", "_a ", "**a ", "~~a ", "[a](", "![a](", "`a ", "<a ", "<http:"):
        concept = read_text(fragment * 30000)
        assert len(concept.blokken) == 1
        assert sum(ch.isalpha() for ch in concept.blokken[0].tekst) >= 30000


def test_read_text_given_directly() -> None:
    concept = read_text("# Eisen\n\n- De **organisatie** heeft een meldcode.\n- Tweede\n", naam="plakken")
    assert concept.naam == "plakken" and concept.formaat == "tekst"
    assert [(b.tekst, b.locatie.index) for b in concept.blokken] == [
        ("Eisen", 1), ("De organisatie heeft een meldcode.", 3), ("Tweede", 4)]
    assert read_text("\ufeffZonder opmaak.").blokken[0].tekst == "Zonder opmaak."
    with pytest.raises(ConceptFout, match="plakken"):
        read_text("   \n", naam="plakken")
    with pytest.raises(ConceptFout, match="binaire"):
        read_text("a\x00b")


# --- LibreOffice: the composed document saved as .odt, .pdf and .docx by another program -----------


def soffice_convert(data: bytes, directory: Path, target: str) -> Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.fail("LibreOffice (soffice) is niet geïnstalleerd; CI installeert het (libreoffice-writer-nogui).")
    source = directory / "bron" / "concept.docx"
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    outdir = directory / target.split(":")[0]
    subprocess.run([exe, f"-env:UserInstallation={(directory / 'lo-profiel').as_uri()}", "--headless",
                    "--convert-to", target, "--outdir", str(outdir), str(source)],
                   capture_output=True, text=True, timeout=240, check=False)
    result = outdir / f"concept.{target.split(':')[0]}"
    assert result.exists(), f"LibreOffice maakte geen {target}"
    return result


@pytest.mark.slow
def test_libreoffice_conversions_keep_anchors_and_text(samengesteld, tmp_path: Path) -> None:
    doc, data = samengesteld
    ids = [a for a, _, _ in doc.ankers()]
    for target in ("odt", "docx:MS Word 2007 XML"):
        concept = read_concept(soffice_convert(data, tmp_path, target))
        verankerd = {a for b in concept.blokken for a in b.ankers}
        assert set(ids) <= verankerd, target
        assert concept.selectie is not None and concept.selectie["segment"] == "wmo-1a", target
        assert concept.selectie["criteria"] == ids, target
    pdf = read_concept(soffice_convert(data, tmp_path, "pdf"))
    teksten = "\n".join(b.tekst for b in pdf.blokken)
    verwacht = verwachte_teksten(doc)
    gevonden = sum(1 for a in ids if " ".join(verwacht[a].split()[-8:]) in teksten)
    assert gevonden >= 0.9 * len(ids)  # a few criteria break across a page
    assert max(b.locatie.pagina for b in pdf.blokken) > 5


def test_large_composed_document_reads_completely(corpus, tmp_path: Path) -> None:
    """Every criterion picked, with annexes: the largest document compose makes; the body is read, each
    anchor once, and the annexes (from the bookmark ik_bijlagen on) are not read at all."""
    selectie = inkoopkader.select(corpus, "wmo-1a", ids=[c.id for c in corpus.criteria()])
    doc = inkoopkader.compose(corpus, selectie, bijlagen=True)
    concept = read_concept(schrijf(tmp_path, "alles.docx", doc.render("docx")))
    lichaam = [a for a, plaats, _ in doc.ankers() if not plaats.startswith("bijlage")]
    # Every criterion once; a text the source repeats (duplicaat_van) is printed, and anchored, once.
    assert len(doc.ankers()) >= sum(1 for c in corpus.criteria() if not c.duplicaat_van)
    verankerd = [a for b in concept.blokken for a in b.ankers]
    assert sorted(verankerd) == sorted(lichaam)
    assert concept.selectie["criteria"] == lichaam
    from inkoopkader.framing import bijlage_intro

    tekst = " ".join(b.tekst for b in concept.blokken)
    assert bijlage_intro("bijlage-kaders") not in tekst and bijlage_intro("bijlage-gemeente") not in tekst


def test_fast_cleaning_equals_the_regex_definition() -> None:
    """`_schoon` takes shortcuts; it must still equal 'drop invisible characters, collapse \\s+'."""
    import re
    import sys

    from inkoopkader.check.read.veilig import _ONZICHTBAAR, _schoon

    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c)))
    assert "\u00a0" in spaces and "\u2007" in spaces and "\x1c" in spaces
    samples = [
        "gewoon",
        f"  a{spaces}b  ",
        "cli\u00ebnt\u00ad en\u200b zo\ufeff",
        "\u200b",
        f"x{spaces[::-1]}y\u00adz",
        "één\ttwee\r\ndrie",
    ]
    for tekst in samples:
        assert _schoon(tekst) == re.sub(r"\s+", " ", tekst.translate(_ONZICHTBAAR)).strip()


def test_superscript_digits_in_numeric_attributes_do_not_crash(tmp_path: Path) -> None:
    """'²'.isdigit() is True but int('²') fails: such values are ignored, never a traceback."""
    from inkoopkader.anchors import NAMESPACE

    body = ("<w:tbl><w:tr>"
            f'<w:tc><w:tcPr><w:gridSpan w:val="²"/></w:tcPr>{p(r("Cel"))}</w:tc><w:tc>{p(r("Volgende"))}</w:tc>'
            "</w:tr></w:tbl>")
    selectie = (f'<ik:selectie xmlns:ik="{NAMESPACE}" segment="wmo-1a" corpus="x">'
                '<ik:kader nummer="²"/><ik:kader nummer="6"/><ik:criterium id="bwmo-01"/></ik:selectie>')
    concept = lees_docx(tmp_path, body, parts={"customXml/item1.xml": selectie})
    assert [b.locatie.tabel for b in concept.blokken] == [(1, 1, 1), (1, 1, 2)]
    assert concept.selectie["kaders"] == [6]
    meta = {"inkoopkader.segment": "wmo-1a", "inkoopkader.criteria.1": "bwmo-01", "inkoopkader.kaders": "1,²"}
    odt = ("<table:table><table:table-row><table:table-cell table:number-columns-repeated='²'>"
           f"{p_odt('A')}</table:table-cell><table:table-cell>{p_odt('B')}</table:table-cell>"
           "</table:table-row></table:table>" + p_odt('x<text:s text:c="²"/>y'))
    concept = read_concept(schrijf(tmp_path, "c.odt", odt_bytes(odt, meta=meta)))
    assert [b.tekst for b in concept.blokken] == ["A", "B", "x y"]
    assert concept.selectie["kaders"] == [1]


def test_a_damaged_record_is_ignored_wherever_it_is_and_read_selectie_reads_like_check(tmp_path: Path) -> None:
    from inkoopkader.render.docx import read_selectie

    kapot = {"docProps/custom.xml": "<Properties><property name='inkoopkader.segment'>"}
    concept = lees_docx(tmp_path, p(r("Tekst")), parts=kapot)
    assert concept.selectie is None and concept.blokken[0].tekst == "Tekst"
    assert read_selectie(docx_bytes(p(r("Tekst")), parts=kapot)) is None
    with pytest.raises(InkoopkaderError, match="geen geldig Word-document"):
        read_selectie(b"geen zip")
    vijandig = {"docProps/custom.xml": '<!DOCTYPE x [<!ENTITY a "b">]><Properties/>'}
    with pytest.raises(InkoopkaderError, match="DOCTYPE"):
        read_selectie(docx_bytes(p(r("Tekst")), parts=vijandig))


def test_a_paragraph_joined_from_lines_is_cleaned_as_a_whole_and_knows_its_lines() -> None:
    """Joining line by line (to remember where each begins) must give the text joining all at once gives."""
    from inkoopkader.check.read.markdown import _md_inline
    from inkoopkader.check.read.veilig import _schoon

    rnd = random.Random(7)
    stukjes = ["**vet", "vet**", "*", "_x_", "[link", "](http://a)", "`code`", "<br/>", "\u00ad", "woord", "  ",
               "\\*", "~~", "&amp;", "\u00a0", "<a", "href='x'>", "tekst"]
    for _ in range(1500):
        # Every line starts with a word: a paragraph, never a list item, heading or quote.
        regels = ["woord " + " ".join(rnd.choice(stukjes) for _ in range(rnd.randint(1, 5))) + " slot"
                  for _ in range(rnd.randint(2, 5))]
        concept = read_text("\n".join(regels))
        verwacht = _schoon(_md_inline(" ".join(r.strip() for r in regels)))
        assert [b.tekst for b in concept.blokken] == [verwacht], regels
        blok = concept.blokken[0]
        if blok.regels:  # each line's text ('woord …') begins where it says
            assert [r for _, r in blok.regels] == list(range(1, len(regels) + 1))
            assert all(blok.tekst.startswith("woord ", begin) for begin, _ in blok.regels)
            assert blok.regel_op(len(blok.tekst) - 1) == len(regels)


def test_doctype_is_refused_in_any_encoding(tmp_path: Path) -> None:
    """UTF-16 without a byte-order mark slips past a byte search; the parser's view catches it."""
    document = (f'<?xml version="1.0" encoding="UTF-16LE"?><!DOCTYPE x [<!ENTITY a "b">]>'
                f'<w:document {ns_decl()}><w:body>{p(r("Tekst"))}</w:body></w:document>')
    data = docx_bytes(p(r("x")))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            inhoud = document.encode("utf-16-le") if info.filename == "word/document.xml" else zin.read(info)
            zout.writestr(info.filename, inhoud)
    fout(schrijf(tmp_path, "utf16.docx", out.getvalue()), "DOCTYPE")


def test_checking_a_markdown_draft_loads_only_the_markdown_reader(tmp_path: Path) -> None:
    """check/read/ has one module per format and imports only the one a draft needs: a Markdown
    draft never loads the Word, OpenDocument or PDF reader, nor lxml or pypdf."""
    import sys

    concept = tmp_path / "concept.md"
    concept.write_text("# Kwaliteit\n\nDe aanbieder heeft een klachtenregeling.\n", encoding="utf-8")
    code = (
        "import sys, inkoopkader\n"
        f"rapport = inkoopkader.check({str(concept)!r}, segment='wmo-1a')\n"
        "assert rapport.resultaten\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(('inkoopkader.check.read', 'lxml', 'pypdf')))))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    geladen = set(uit.stdout.split())
    assert {"inkoopkader.check.read", "inkoopkader.check.read.markdown"} <= geladen, geladen
    assert not geladen & {"inkoopkader.check.read.docx", "inkoopkader.check.read.odt", "inkoopkader.check.read.pdf",
                          "lxml", "lxml.etree", "pypdf"}, geladen


def test_a_directory_is_no_draft_in_the_library_as_in_the_cli(tmp_path: Path, corpus) -> None:
    import inkoopkader
    from inkoopkader.check.read import ConceptFout, read_concept

    verwacht = (f"'{tmp_path}' is een map, geen concept. Geef één bestand op (.docx, .odt, .pdf, .md of .txt); "
                "voor alle concepten in een map: de pre-commit-hook of een lus in de shell.")
    with pytest.raises(ConceptFout) as fout:
        read_concept(tmp_path)
    assert str(fout.value) == verwacht and "geen extensie" not in str(fout.value)
    (tmp_path / "map.docx").mkdir()  # a directory with a draft's name is no draft either
    with pytest.raises(ConceptFout, match="is een map, geen concept"):
        read_concept(tmp_path / "map.docx")
    with pytest.raises(ConceptFout) as fout:
        inkoopkader.check(tmp_path, corpus, segment="wmo-1a")
    assert str(fout.value) == verwacht
