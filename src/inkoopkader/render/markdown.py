"""Markdown: the same document as the Word file, readable as plain text and in any Markdown viewer.

Layout only: the structure and every sentence come from the `Document`. Headings are numbered like
the Word document (1, 1.1, 1.1.1); annexes are unnumbered and preceded by the marker line
`anchors.MD_BIJLAGEN`, so that `check` does not read them as draft text. Metadata typed by the user
(title, gemeente, kenmerk) is escaped: no raw HTML, no line breaks that would start a new block.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import framing
from ..anchors import MD_BIJLAGEN
from ..document import Alinea, Aspect, Eis, Kopnummering, Opsomming, Sectie, Tabel, Toelichting, Vraag
from ..model import Item
from ..text import md_tekst

if TYPE_CHECKING:
    from ..document import Document

def inline(tekst: str) -> str:
    """User text as one safe inline Markdown fragment (text.md_tekst: literal, one line, no HTML)."""
    return md_tekst(tekst)


def _cel(tekst: str) -> str:
    return inline(tekst).replace("|", "\\|")


def _label(label: str) -> str:
    """The source's own label as literal text: '1.' -> '1\\.' ('- 1. …' would be a nested ordered list)."""
    return re.sub(r"^(\d+)([.)])$", r"\1\\\2", label)


def _items(items: tuple[Item, ...], depth: int) -> list[str]:
    lines = []
    for item in items:
        label = f"{_label(item.label)} " if item.label else ""
        lines.append(f"{'   ' * depth}- {label}{item.tekst}")
        lines += _items(item.items, depth + 1)
    return lines


def _toelichting(t: Toelichting, indent: str) -> list[str]:
    lines = [f"{indent}> *{framing.label(t.label)}* {t.tekst}".replace("\n\n", f"\n{indent}>\n{indent}> ")]
    lines += [f"{indent}> {line}" for line in _items(t.items, 0)]
    return lines


class _Schrijver:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.out: list[str] = []
        self.nummering = Kopnummering()

    def kop(self, level: int, titel: str, genummerd: bool) -> None:
        nummer = self.nummering.volgende(level, genummerd)
        self.out += [f"{'#' * min(level + 1, 6)} {nummer}{titel}", ""]

    def eis(self, blok: Eis) -> None:
        self.out.append(f"**{blok.nummer}** {blok.tekst}")
        extra = [*(f"   {line}" for line in _items(blok.items, 0)), *(f"   {v}" for v in blok.vervolg)]
        if blok.citaat:
            extra.append(f"   > *Wettekst:* “{blok.citaat}”")
        for t in blok.toelichtingen:
            extra += _toelichting(t, "   ")
        if extra:
            self.out += ["", *extra]
        if blok.bewijs:
            self.out += ["", f"   *Bewijs:* {blok.bewijs}"]
        self.out += ["", f"   <sub>{blok.bron}</sub>", ""]

    def aspect(self, blok: Aspect, nummer: int | None) -> None:
        prefix, indent = (f"{nummer}. ", "   ") if nummer is not None else ("- ", "  ")
        self.out.append(f"{prefix}{blok.tekst}")
        self.out += [f"{indent}{line}" for line in _items(blok.items, 0)]
        self.out += [f"{indent}{v}" for v in blok.vervolg]
        for t in blok.toelichtingen:
            self.out += _toelichting(t, indent)
        self.out.append(f"{indent}<sub>{blok.bron}</sub>")

    def vraag(self, blok: Vraag) -> None:
        self.out += [blok.vraag, "", f"- **Maximale omvang:** {framing.omvang_tekst(blok.omvang_a4, blok.tekens)}"]
        if blok.weging is not None:
            self.out.append(f"- **Weging:** {blok.weging}%")
        else:
            self.out.append("- **Beoordeling:** voldoende of onvoldoende")
        label = "Beoordelingsaspecten" if blok.oordeel == "score" else "Onderdelen"
        self.out += ["", f"**{label}:**", ""]
        for index, aspect in enumerate(blok.aspecten, start=1):
            self.aspect(aspect, index)
        self.out.append("")

    def tabel(self, blok: Tabel) -> None:
        kolommen = blok.kolommen if any(blok.kolommen) else tuple(" " for _ in blok.kolommen)
        self.out.append("| " + " | ".join(_cel(k) for k in kolommen) + " |")
        self.out.append("|" + "|".join("---" for _ in kolommen) + "|")
        for rij in blok.rijen:
            self.out.append("| " + " | ".join(_cel(c) for c in rij) + " |")
        self.out.append("")

    def blok(self, blok: object) -> None:
        if isinstance(blok, Alinea):
            if blok.soort == "toelichting":
                self.out += [f"> {blok.tekst}", ""]
            elif blok.soort == "melding":
                self.out += [f"> **⚠ {blok.tekst}**", ""]
            elif blok.soort == "klein":
                self.out += [f"<sub>{blok.tekst}</sub>", ""]
            else:
                self.out += [blok.tekst, ""]
        elif isinstance(blok, Opsomming):
            self.out += [*(f"- {item}" for item in blok.items), ""]
        elif isinstance(blok, Tabel):
            self.tabel(blok)
        elif isinstance(blok, Eis):
            self.eis(blok)
        elif isinstance(blok, Vraag):
            self.vraag(blok)
        elif isinstance(blok, Aspect):
            self.aspect(blok, None)
            self.out.append("")
        else:  # pragma: no cover
            raise TypeError(f"geen opmaak voor {type(blok).__name__}")

    def sectie(self, sectie: Sectie, level: int, genummerd: bool) -> None:
        self.kop(level, sectie.titel, genummerd)
        for blok in sectie.blokken:
            self.blok(blok)
        for sub in sectie.subsecties:
            self.sectie(sub, level + 1, genummerd)

    def write(self) -> str:
        doc, meta = self.doc, self.doc.meta
        self.out += [f"# {inline(meta.titel)}", ""]
        segment = f"{meta.segment_id} – {meta.segment_titel}" + (
            f" ({meta.segment_doelgroep})" if meta.segment_doelgroep else "")
        for label, value in (("Segment", segment), ("Procedure", meta.procedure.label), ("Gemeente", meta.gemeente),
                             ("Kenmerk", meta.kenmerk), ("Versie", meta.versie), ("Datum", f"{meta.datum:%d-%m-%Y}")):
            if value:
                self.out.append(f"- **{label}:** {inline(value)}")
        self.out += [f"- *{meta.samengesteld_met}*", ""]
        for sectie in doc.secties:
            self.sectie(sectie, 1, genummerd=True)
        if doc.bijlagen:
            self.out += [MD_BIJLAGEN, ""]
            for sectie in doc.bijlagen:
                self.sectie(sectie, 1, genummerd=False)
        return "\n".join(self.out).rstrip() + "\n"


def render(doc: Document) -> bytes:
    return _Schrijver(doc).write().encode("utf-8")
