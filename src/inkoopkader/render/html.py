"""HTML: the document body as a web page fragment (the preview of `inkoopkader serve`) or a whole page.

Layout only, like `markdown.py`: the structure and every sentence come from the `Document`. Headings
are numbered like the Word document (1, 1.1, 1.1.1); annexes are unnumbered. Every text is escaped
(`html.escape`); inline `**vet**`/`*cursief*` markup becomes `<strong>`/`<em>`, blank lines separate
paragraphs. Class names are those of the NL Design System's Utrecht component library, so the
fragment takes the look of whatever theme the page uses; without a stylesheet it is plain, semantic
HTML. No scripts, no inline styles (the web app's Content-Security-Policy forbids both).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .. import framing
from ..document import Alinea, Aspect, Eis, Kopnummering, Opsomming, Sectie, Tabel, Toelichting, Vraag
from ..model import Item
from ..text import markup_runs

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["fragment", "render"]


def inline(tekst: str) -> str:
    """Text with inline markup as escaped HTML: `**vet**` -> <strong>, `*cursief*` -> <em>."""
    delen = []
    for deel, vet, cursief in markup_runs(tekst):
        html = escape(deel)
        if cursief:
            html = f"<em>{html}</em>"
        if vet:
            html = f"<strong>{html}</strong>"
        delen.append(html)
    return "".join(delen)


def _alineas(tekst: str, klasse: str = "utrecht-paragraph") -> list[str]:
    return [f'<p class="{klasse}">{inline(deel.strip())}</p>' for deel in tekst.split("\n\n") if deel.strip()]


def _items(items: tuple[Item, ...]) -> list[str]:
    if not items:
        return []
    out = ['<ul class="utrecht-unordered-list">']
    for item in items:
        sub = _items(item.items)
        klasse = "utrecht-unordered-list__item" + (" ik-gelabeld" if item.label else "")  # its own '1.', no bullet
        out.append(f'<li class="{klasse}">{inline(item.weergave)}{"".join(sub)}</li>')
    out.append("</ul>")
    return out


def _toelichting(t: Toelichting) -> list[str]:
    eerste, *rest = t.tekst.split("\n\n") or [""]
    out = ['<blockquote class="ik-toelichting">',
           f'<p class="utrecht-paragraph"><em>{escape(framing.label(t.label))}</em> {inline(eerste.strip())}</p>']
    for deel in rest:
        out += _alineas(deel)
    out += _items(t.items)
    out.append("</blockquote>")
    return out


def _bron(bron: str) -> str:
    return f'<p class="utrecht-paragraph ik-bron"><small>{inline(bron)}</small></p>'


class _Schrijver:
    def __init__(self, doc: Document, kopniveau: int) -> None:
        self.doc = doc
        self.kopniveau = kopniveau
        self.out: list[str] = []
        self.nummering = Kopnummering()

    def kop(self, diepte: int, sectie: Sectie, genummerd: bool) -> None:
        nummer = self.nummering.volgende(diepte, genummerd)
        niveau = min(self.kopniveau + diepte - 1, 6)
        anker = f' id="sectie-{escape(sectie.id)}"' if sectie.id else ""
        self.out.append(f'<h{niveau} class="utrecht-heading-{niveau}"{anker}>{escape(nummer)}{inline(sectie.titel)}'
                        f"</h{niveau}>")

    def eis(self, blok: Eis) -> None:
        anker = f' id="eis-{escape(blok.anker)}"' if blok.anker else ""
        self.out.append(f'<div class="ik-eis"{anker}>')
        eerste, *rest = blok.tekst.split("\n\n")
        self.out.append(f'<p class="utrecht-paragraph"><strong class="ik-nummer">{escape(blok.nummer)}</strong> '
                        f"{inline(eerste.strip())}</p>")
        for deel in rest:
            self.out += _alineas(deel)
        self.out += _items(blok.items)
        for vervolg in blok.vervolg:
            self.out += _alineas(vervolg)
        if blok.citaat:
            self.out.append(f'<blockquote class="ik-citaat"><p class="utrecht-paragraph"><em>Wettekst:</em> '
                            f"“{inline(blok.citaat)}”</p></blockquote>")
        for t in blok.toelichtingen:
            self.out += _toelichting(t)
        if blok.bewijs:
            self.out.append(f'<p class="utrecht-paragraph ik-bewijs"><em>Bewijs:</em> {inline(blok.bewijs)}</p>')
        self.out.append(_bron(blok.bron))
        self.out.append("</div>")

    def aspect(self, blok: Aspect) -> list[str]:
        out = [inline(blok.tekst)]
        out += _items(blok.items)
        for vervolg in blok.vervolg:
            out += _alineas(vervolg)
        for t in blok.toelichtingen:
            out += _toelichting(t)
        out.append(_bron(blok.bron))
        return out

    def vraag(self, blok: Vraag) -> None:
        self.out += _alineas(blok.vraag)
        self.out.append('<dl class="utrecht-data-list ik-vraaggegevens">')
        self.out.append('<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">Maximale omvang'
                        f'</dt><dd class="utrecht-data-list__item-value">'
                        f"{escape(framing.omvang_tekst(blok.omvang_a4, blok.tekens))}</dd></div>")
        if blok.weging is not None:
            self.out.append('<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">Weging</dt>'
                            f'<dd class="utrecht-data-list__item-value">{blok.weging}%</dd></div>')
        else:
            self.out.append('<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">Beoordeling'
                            '</dt><dd class="utrecht-data-list__item-value">voldoende of onvoldoende</dd></div>')
        self.out.append("</dl>")
        label = "Beoordelingsaspecten" if blok.oordeel == "score" else "Onderdelen"
        self.out.append(f'<p class="utrecht-paragraph"><strong>{label}:</strong></p>')
        self.out.append('<ol class="utrecht-ordered-list ik-aspecten">')
        for aspect in blok.aspecten:
            anker = f' id="aspect-{escape(aspect.anker)}"' if aspect.anker else ""
            self.out.append(f'<li class="utrecht-ordered-list__item"{anker}>{"".join(self.aspect(aspect))}</li>')
        self.out.append("</ol>")

    def tabel(self, blok: Tabel) -> None:
        self.out.append('<div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table">')
        if any(blok.kolommen):
            cellen = "".join(f'<th class="utrecht-table__header-cell" scope="col">{inline(k)}</th>'
                             for k in blok.kolommen)
            self.out.append(f'<thead class="utrecht-table__header"><tr class="utrecht-table__row">{cellen}</tr></thead>')
        self.out.append('<tbody class="utrecht-table__body">')
        for rij in blok.rijen:
            cellen = "".join(f'<td class="utrecht-table__cell">{inline(c)}</td>' for c in rij)
            self.out.append(f'<tr class="utrecht-table__row">{cellen}</tr>')
        self.out.append("</tbody></table></div>")

    def blok(self, blok: object) -> None:
        if isinstance(blok, Alinea):
            if blok.soort == "toelichting":
                self.out += ['<blockquote class="ik-toelichting">', *_alineas(blok.tekst), "</blockquote>"]
            elif blok.soort == "melding":
                self.out += ['<div class="utrecht-alert utrecht-alert--warning ik-melding" role="note">',
                             *_alineas(blok.tekst, "utrecht-paragraph utrecht-alert__message"), "</div>"]
            elif blok.soort == "klein":
                self.out.append(_bron(blok.tekst))
            else:
                self.out += _alineas(blok.tekst)
        elif isinstance(blok, Opsomming):
            self.out.append('<ul class="utrecht-unordered-list">')
            self.out += [f'<li class="utrecht-unordered-list__item">{inline(i)}</li>' for i in blok.items]
            self.out.append("</ul>")
        elif isinstance(blok, Tabel):
            self.tabel(blok)
        elif isinstance(blok, Eis):
            self.eis(blok)
        elif isinstance(blok, Vraag):
            self.vraag(blok)
        elif isinstance(blok, Aspect):
            self.out += ['<div class="ik-aspect">', *self.aspect(blok), "</div>"]
        else:  # pragma: no cover
            raise TypeError(f"geen opmaak voor {type(blok).__name__}")

    def sectie(self, sectie: Sectie, diepte: int, genummerd: bool) -> None:
        self.out.append('<section class="ik-sectie">')
        self.kop(diepte, sectie, genummerd)
        for blok in sectie.blokken:
            self.blok(blok)
        for sub in sectie.subsecties:
            self.sectie(sub, diepte + 1, genummerd)
        self.out.append("</section>")

    def write(self) -> str:
        doc, meta = self.doc, self.doc.meta
        niveau = max(1, self.kopniveau - 1)
        self.out.append('<article class="ik-document">')
        self.out.append(f'<h{niveau} class="utrecht-heading-{niveau}">{escape(meta.titel)}</h{niveau}>')
        segment = f"{meta.segment_id} – {meta.segment_titel}" + (
            f" ({meta.segment_doelgroep})" if meta.segment_doelgroep else "")
        self.out.append('<dl class="utrecht-data-list ik-metadata">')
        for label, waarde in (("Segment", segment), ("Procedure", meta.procedure.label), ("Gemeente", meta.gemeente),
                              ("Kenmerk", meta.kenmerk), ("Versie", meta.versie), ("Datum", f"{meta.datum:%d-%m-%Y}")):
            if waarde:
                self.out.append(f'<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">{label}'
                                f'</dt><dd class="utrecht-data-list__item-value">{escape(waarde)}</dd></div>')
        self.out.append("</dl>")
        self.out.append(f'<p class="utrecht-paragraph ik-bron"><small>{escape(meta.samengesteld_met)}</small></p>')
        for sectie in doc.secties:
            self.sectie(sectie, 1, genummerd=True)
        if doc.bijlagen:
            for sectie in doc.bijlagen:
                self.sectie(sectie, 1, genummerd=False)
        self.out.append("</article>")
        return "\n".join(self.out) + "\n"


def fragment(doc: Document, *, kopniveau: int = 2) -> str:
    """The document as an `<article>`: its title at `kopniveau - 1`, chapters from `kopniveau` down."""
    return _Schrijver(doc, kopniveau).write()


def render(doc: Document) -> bytes:
    """A complete HTML page (UTF-8) with the document; no scripts, no external resources."""
    titel = escape(doc.meta.titel)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>{titel}</title>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n<body>\n'
        f"{fragment(doc, kopniveau=2)}</body>\n</html>\n"
    ).encode("utf-8")
