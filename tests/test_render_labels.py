"""Items with the source's own label ('1.', 'a.'): the label replaces the bullet, never both."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document as Word

from inkoopkader.compose import compose
from inkoopkader.select import select


@pytest.fixture(scope="module")
def wmo(corpus):
    return compose(corpus, select(corpus, "wmo-1a"), bijlagen=True)


def gelabelde_items(doc):
    for sectie in (*doc.secties, *doc.bijlagen):
        stapel = [sectie]
        while stapel:
            s = stapel.pop()
            stapel += s.subsecties
            for blok in s.blokken:
                items = [*getattr(blok, "items", ()), *(i for t in getattr(blok, "toelichtingen", ()) for i in t.items)]
                while items:
                    item = items.pop()
                    if isinstance(item, str):  # an Opsomming's plain lines
                        continue
                    items += item.items
                    if item.label:
                        yield item


def test_the_document_keeps_the_label_apart_from_the_text(wmo) -> None:
    items = list(gelabelde_items(wmo))
    assert {"1.", "a."} <= {i.label for i in items}
    assert not [i for i in items if i.tekst.startswith(i.label)]  # not printed twice


def test_a_labelled_item_in_word_has_its_label_and_no_bullet(wmo) -> None:
    word = Word(io.BytesIO(wmo.render("docx")))
    alineas = {p.text: p for p in word.paragraphs}
    for begin in ("1.\tHet betreft veiligheid van cliënten", "a.\tdaadwerkelijk werkt conform"):
        p = next(p for tekst, p in alineas.items() if tekst.startswith(begin))
        assert p._p.pPr.numPr is None, begin  # no bullet from the numbering
        assert p.paragraph_format.first_line_indent < 0  # a hanging indent: the text aligns after the label
    # an unlabelled item keeps its bullet
    assert any(p._p.pPr is not None and p._p.pPr.numPr is not None for p in word.paragraphs
               if p.style.name.startswith("List Bullet"))


def test_a_labelled_item_in_markdown_is_no_nested_ordered_list(wmo) -> None:
    md = wmo.render("md").decode()
    assert re.search(r"^\s*(> )?- 1\\\. Het betreft veiligheid", md, re.MULTILINE)
    assert re.search(r"^\s*- a\. daadwerkelijk werkt conform", md, re.MULTILINE)
    assert not re.search(r"^[\s>]*- \d+\. ", md, re.MULTILINE)  # '- 1. …' would be a list in a list


def test_a_labelled_item_in_the_web_preview_has_no_bullet(wmo) -> None:
    from inkoopkader.render.html import fragment

    html = fragment(wmo)
    assert re.search(r'<li class="utrecht-unordered-list__item ik-gelabeld">a\. daadwerkelijk werkt conform', html)
    assert '<li class="utrecht-unordered-list__item">' in html  # an unlabelled item keeps its bullet
    css = (Path(__file__).resolve().parent.parent / "src/inkoopkader/web/static/inkoopkader.css").read_text()
    assert re.search(r"\.ik-gelabeld\s*\{\s*list-style-type:\s*none", css)
