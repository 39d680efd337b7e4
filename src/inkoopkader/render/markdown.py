"""Markdown: the same structure as the Word document, readable as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Item, Thema
from ..select import Keuze
from ..text import md_tekst

if TYPE_CHECKING:
    from ..compose import Samenstelling


def _bron(keuze: Keuze) -> str:
    crit, kader = keuze.criterium, keuze.kader
    groep = f" · {' › '.join(crit.groep)}" if crit.groep else ""
    return f"`{crit.id}` · kader {kader.nummer} ({kader.jaar}){groep}"


def _items(items: tuple[Item, ...], depth: int) -> list[str]:
    lines = []
    for item in items:
        lines.append(f"{'   ' * depth}- {item.tekst}")
        lines += _items(item.items, depth + 1)
    return lines


def _criterium(doc: Samenstelling, nummer: int, keuze: Keuze) -> list[str]:
    crit = keuze.criterium
    lines = [f"{nummer}. {crit.tekst}", f"   <sub>{_bron(keuze)}</sub>"]
    lines += _items(crit.items, 1)
    lines += [f"   {p}" for p in crit.vervolg]
    if doc.meta.met_toelichting:
        for notitie in crit.notities:
            label = notitie.kop or notitie.soort.label
            lines.append(f"   > *{label.rstrip(':')}:* {notitie.tekst}")
            lines += [f"   > {line}" for line in _items(notitie.items, 0)]
    for waarschuwing in doc.waarschuwingen_voor(crit.id):
        lines.append(f"   > **⚠ {waarschuwing.tekst}**")
    return lines


def _prose(text: str) -> list[str]:
    return [*text.split("\n"), ""]


def render(doc: Samenstelling) -> bytes:
    meta = doc.meta
    out = [f"# {md_tekst(meta.titel)}", ""]  # metadata from the user: literal text, never markup or HTML
    for label, value in (
        ("Segment", f"{meta.segment_id} – {meta.segment_titel}" + (f" ({meta.segment_doelgroep})" if meta.segment_doelgroep else "")),
        ("Gemeente", meta.gemeente),
        ("Kenmerk", meta.kenmerk),
        ("Versie", meta.versie),
        ("Datum", f"{meta.datum:%d-%m-%Y}"),
    ):
        if value:
            out.append(f"- **{label}:** {md_tekst(value)}")
    out += [f"- *{meta.samengesteld_met}*", "", "## 1 Inleiding en leeswijzer", ""]
    for paragraph in doc.inleiding:
        out += [paragraph, ""]
    chapter = 1
    if doc.verwijzingen:
        chapter += 1
        out += [f"## {chapter} Toepasselijke kwaliteitskaders", ""]
        for kk, clausule in doc.verwijzingen:
            out += [f"### {kk.kader.titel} ({kk.kader.jaar})", "", clausule, ""]
            for waarschuwing in doc.kader_waarschuwingen(kk.kader.nummer):
                out += [f"> **⚠ {waarschuwing.tekst}**", ""]
    for hoofdstuk in doc.hoofdstukken:
        chapter += 1
        out += [f"## {chapter} {hoofdstuk.thema.label}", ""]
        for sectie in hoofdstuk.secties:
            out += [f"### Kader {sectie.kader.nummer}: {sectie.kader.titel} ({sectie.kader.jaar})", ""]
            if sectie.verwijzing:
                out += [sectie.verwijzing, ""]
            for blok in sectie.blokken:
                out += [blok.inleiding, ""]
                for index, keuze in enumerate(blok.keuzes, start=1):
                    out += _criterium(doc, index, keuze)
                out.append("")
    if doc.personeel:
        chapter += 1
        out += [f"## {chapter} Deskundigheid en inzet van personeel", ""]
        for blok in doc.personeel:
            eis = blok.eis
            out += [f"### {eis.titel}", "", eis.tekst, "", f"   <sub>`{eis.id}` · {blok.vorm.value}</sub>", ""]
            for index, item in enumerate(blok.onderdelen, start=1):
                out += [f"{index}. {item.tekst}", f"   <sub>`{item.id}` · {blok.profiel_titel}, regel {item.regel}</sub>"]
            if blok.onderdelen:
                out.append("")
            for bron in eis.onderbouwing:
                out.append(f"> *Onderbouwing ({bron.plaats}, regel {bron.regel}):* “{bron.citaat}”")
            out.append("")
    if doc.kernpunten:
        out += ["## Bijlage A – Kernpunten van de kaders waarnaar wordt verwezen", ""]
        for kader, keuzes in doc.kernpunten:
            out += [f"### {kader.titel} ({kader.uitgever}, {kader.jaar})", ""]
            for thema in Thema:
                in_thema = [k for k in keuzes if k.criterium.hoofdthema is thema]
                if in_thema:
                    out += [f"#### {thema.label}", ""]
                    for index, keuze in enumerate(in_thema, start=1):
                        out += _criterium(doc, index, keuze)
                    out.append("")
    if doc.gemeente:
        out += ["## Bijlage B – Aandachtspunten voor de gemeente als opdrachtgever", "",
                "Deze punten richten zich tot de gemeente zelf en zijn geen eisen aan Opdrachtnemer.", ""]
        for index, keuze in enumerate(doc.gemeente, start=1):
            out += _criterium(doc, index, keuze)
        out.append("")
    out += ["## Bijlage C – Traceerbaarheid", "", "| ID | Kader en jaar | Thema | Vorm | Doelgroep | Groep |",
            "|---|---|---|---|---|---|"]
    for keuze in doc.alle_keuzes:
        crit = keuze.criterium
        out.append(
            f"| {crit.id} | {keuze.kader.nummer}. {keuze.kader.titel} ({keuze.kader.jaar}) | "
            f"{', '.join(t.value for t in crit.thema)} | {keuze.vorm.value} | {crit.doelgroep.value} | "
            f"{' › '.join(crit.groep)} |"
        )
    for blok in doc.personeel:
        out.append(f"| {blok.eis.id} | Deskundigheid en inzet van personeel | vakmanschap | {blok.vorm.value} | "
                   f"organisatie | {blok.eis.titel} |")
        for item in blok.onderdelen:
            out.append(f"| {item.id} | {blok.profiel_titel} | vakmanschap | {blok.vorm.value} | professional | "
                       f"{blok.eis.titel} |")
    out += ["", "## Bijlage D – Gebruikte kwaliteitskaders", ""]
    for kk in doc.selectie.kaders:
        kader = kk.kader
        out += [f"### {kader.nummer}. {kader.titel}", "",
                f"- **Uitgever:** {kader.uitgever}", f"- **Jaar:** {kader.jaar}",
                f"- **Relatie met dit segment:** {kk.relevantie.value} (bron: ‘{kader.overzicht.inkoopsegment}’)",
                f"- **Standaardvorm:** {kader.vorm.value} – {kader.vorm_toelichting}",
                f"- **Bron:** {doc.meta.brontitel(kader.bron.document)}, hoofdstuk {kader.bron.sectie}, p. {kader.bron.pagina}", ""]
        for title, text in (("Toelichting", kader.overzicht.toelichting), ("Hoe te gebruiken", kader.overzicht.hoe_te_gebruiken),
                            ("Korte toelichting", kader.korte_toelichting), ("Hoe tot stand gekomen", kader.totstandkoming),
                            ("Opbouw", kader.opbouw)):
            out += [f"**{title}**", "", *_prose(text)]
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")
