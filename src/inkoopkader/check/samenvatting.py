"""The human summary of a check `Rapport`, as plain text: the fourth format beside JSON, JUnit and
GitHub (`check/report.py`).

    >>> print(format_tekst(rapport, corpus))                       # doctest: +SKIP

A pure function: no terminal, no rich. `breedte` (columns) cuts long kader titles and wraps long
lines for a terminal; None (a file, a pipe) wraps nothing. `kleur=True` adds ANSI colours to the
verdict and the section headings (the CLI decides that: only on a terminal, never with NO_COLOR).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from ..errors import aantal
from ..model import Corpus, Herkomst
from ..text import strip_markup
from .model import Rapport, Status

_ANSI = {"vet": "1", "rood": "1;31", "groen": "1;32", "geel": "1;33", "grijs": "2"}


def format_tekst(rapport: Rapport, corpus: Corpus, breedte: int | None = None, *, kleur: bool = False) -> str:
    """The summary a person reads: the gate, coverage per thema and per kader, and what needs
    attention (missing required criteria, negated and edited criteria, outdated references,
    references to a kader as a whole, criteria not found).

    Args:
        rapport: what `check()` returned.
        corpus: the corpus it was checked against (for kader titles and editions).
        breedte: the terminal's width; None: no wrapping (for files and pipes).
        kleur: ANSI colours for a terminal.
    """
    return _Tekst(rapport, corpus, breedte, kleur).maak()


class _Tekst:
    def __init__(self, rapport: Rapport, corpus: Corpus, breedte: int | None, kleur: bool) -> None:
        self.rapport = rapport
        self.corpus = corpus
        self.breedte = breedte
        self.kleur = kleur
        self.regels: list[str] = []

    # --- building blocks ------------------------------------------------------------------------

    def stijl(self, tekst: str, soort: str) -> str:
        return f"\x1b[{_ANSI[soort]}m{tekst}\x1b[0m" if self.kleur and tekst else tekst

    def regel(self, tekst: str = "", inspringen: int = 0, vervolg: int | None = None) -> None:
        """A line, indented, wrapped at `breedte` (continuation lines indented by `vervolg`)."""
        voor = " " * inspringen
        if self.breedte is None or len(voor) + len(tekst) <= self.breedte or "\x1b[" in tekst:
            self.regels.append(voor + tekst)
            return
        self.regels.extend(textwrap.wrap(
            tekst, width=max(self.breedte, 30), initial_indent=voor,
            subsequent_indent=" " * (inspringen if vervolg is None else vervolg),
            break_long_words=False, break_on_hyphens=False,
        ))

    def kop(self, tekst: str, soort: str = "vet", uitleg: str = "") -> None:
        self.regels.append("")
        self.regel(self.stijl(tekst, soort) + (f" {uitleg}" if uitleg else ""))

    def tabel(self, titel: str, kolommen: Sequence[str], rijen: Sequence[Sequence[str]], uitlijning: str, *,
              onderschrift: str = "", markeer: Sequence[bool] = ()) -> None:
        """A table with aligned columns; `uitlijning` has an 'l' (text) or 'r' (numbers) per column."""
        breedtes = [max(len(k), *(len(r[i]) for r in rijen)) if rijen else len(k) for i, k in enumerate(kolommen)]

        def lijn(cellen: Sequence[str]) -> str:
            delen = [c.ljust(b) if u == "l" else c.rjust(b) for c, b, u in zip(cellen, breedtes, uitlijning)]
            return "  ".join(delen).rstrip()

        self.kop(titel)
        self.regels.append(lijn(kolommen))
        self.regels.append("  ".join("─" * b for b in breedtes))
        for i, rij in enumerate(rijen):
            tekst = lijn(rij)
            self.regels.append(self.stijl(tekst, "rood") if i < len(markeer) and markeer[i] else tekst)
        if onderschrift:
            self.regel(self.stijl(onderschrift, "grijs"))

    def kader_titel(self, kader: Any) -> str:
        """'3. Kwaliteitskader …' (short), or 'Personeel (…)' / 'Wettelijke verplichtingen'."""
        from .report import kader_label

        return _afgekapt(kader_label(self.corpus, kader, kort=True), 64)

    def _corpus_naam(self) -> str:
        """'2026.1 (0598a1880af9)' when the report is of this corpus; else the hash the report names."""
        versie = self.rapport.corpus_versie
        if self.corpus.versie == versie:
            return self.corpus.versienaam
        return versie

    # --- the summary ----------------------------------------------------------------------------

    def maak(self) -> str:
        r = self.rapport
        self.regel(f"Controle van {r.concept} ({r.formaat}) tegen {r.segment} — selectie uit "
                   f"{r.bron_van_selectie}, corpus {self._corpus_naam()}")
        self.regels.append("")
        if r.geslaagd:
            self.regels.append(self.stijl("Poort geslaagd", "groen"))
        else:
            self.regels.append(self.stijl("Poort afgekeurd", "rood"))
            for reden in r.redenen_afgekeurd:
                self.regel(f"• {reden}", 2, 4)
        self.per_thema()
        self.per_kader()
        self.ontbrekend()
        self.ontkracht()
        self.gewijzigd()
        self.verouderd()
        self.kaderverwijzingen()
        self.niet_gevonden()
        return "\n".join(self.regels) + "\n"

    def per_thema(self) -> None:
        from .report import gefaalde_themas

        r = self.rapport
        gefaald = gefaalde_themas(r)
        dekkingen = r.per_thema()
        rijen = [[d.thema.value, str(d.totaal), str(d.gedekt), str(d.gewijzigd), str(d.via_kader), str(d.ontkracht),
                  str(d.ontbreekt), f"{d.dekking:.0%}"] for d in dekkingen]
        onderschrift = f"vereiste dekking per thema: {r.min_dekking:.0%}" if r.min_dekking is not None else ""
        self.tabel("Dekking per thema",
                   ("thema", "criteria", "gedekt", "gewijzigd", "via kader", "ontkracht", "ontbreekt", "dekking"),
                   rijen, "lrrrrrrr", onderschrift=onderschrift, markeer=[d.thema in gefaald for d in dekkingen])

    def per_kader(self) -> None:
        r = self.rapport
        verwezen: dict[int, list[Any]] = {}
        for v in r.kaderverwijzingen:
            verwezen.setdefault(v.kader, []).append(v)
        per_kader = {d.kader: d for d in r.per_kader()}
        # Titles are cut to what a terminal leaves after the number columns, so those never wrap.
        ruimte = None if self.breedte is None else max(20, self.breedte - 50)
        rijen = []
        from .report import kader_volgorde

        for nummer in sorted(set(per_kader) | set(verwezen), key=kader_volgorde):  # also kaders referenced as a whole
            dekking = per_kader.get(nummer)
            geheel = ""
            if nummer in verwezen:
                edities = [v for v in verwezen[nummer] if v.afwijkende_editie]
                geheel = "ja" + (f", ed. {edities[0].editie}!" if edities else "")
            cijfers = ([str(dekking.totaal), str(dekking.gedekt), str(dekking.gewijzigd), f"{dekking.dekking:.0%}"]
                       if dekking else ["0", "0", "0", "–"])
            titel = self.kader_titel(nummer)
            rijen.append([_afgekapt(titel, ruimte) if ruimte else titel, *cijfers, geheel])
        self.tabel("Dekking per kader", ("kader", "criteria", "gedekt", "gewijz.", "dekking", "als geheel"), rijen,
                   "lrrrrl", onderschrift="als geheel: het concept verklaart het kader als geheel van toepassing")

    def ontbrekend(self) -> None:
        weg = [r for r in self.rapport.resultaten if r.vereist and r.status is Status.ONTBREEKT]
        if not weg:
            return
        self.kop("Ontbrekende vereiste criteria", "rood")
        for r in weg:
            c = r.criterium
            waar = {Herkomst.WETTELIJK: "wettelijke verplichting", Herkomst.PERSONEEL: "personeel"}.get(
                c.herkomst, f"kader {c.kader}")
            self.regel(f"{c.id} ({waar}, {c.hoofdthema.value}) {strip_markup(c.tekst)}", 2, 4)

    def ontkracht(self) -> None:
        from .report import beste_bewijs

        rijen = self.rapport.met_status(Status.ONTKRACHT)
        if not rijen:
            return
        self.kop("Ontkrachte criteria", "rood", "(staan in het concept, maar ontkend, kwijtgescholden of bij een "
                                                "andere actor gelegd; tellen niet als gevonden)")
        for r in rijen:
            bewijs = beste_bewijs(r)
            self.regel(f"{r.criterium.id} — {bewijs.locatie.beschrijving() if bewijs else 'locatie onbekend'}", 2)
            for verschil in [v for v in r.verschil if v.startswith(("ontkend", "kwijtgescholden", "andere actor"))][:3]:
                self.regel(verschil, 6)

    def gewijzigd(self) -> None:
        from .report import beste_bewijs

        rijen = self.rapport.met_status(Status.GEWIJZIGD)
        if not rijen:
            return
        self.kop("Gewijzigde criteria", "geel", "(gevonden, maar wezenlijk anders dan de bron)")
        for r in rijen[:25]:
            bewijs = beste_bewijs(r)
            waar = bewijs.locatie.beschrijving() if bewijs else "locatie onbekend"
            anker = ", via anker" if r.via_anker else ""
            self.regel(f"{r.criterium.id} — {waar}, score {r.score:.0f}{anker}", 2)
            for verschil in r.verschil[:4]:
                self.regel(verschil, 6)
            if len(r.verschil) > 4:
                self.regel(f"… en nog {aantal(len(r.verschil) - 4, 'verschil', 'verschillen')}", 6)
        if len(rijen) > 25:
            rest = len(rijen) - 25
            self.regel(f"… en nog {aantal(rest, 'gewijzigd criterium', 'gewijzigde criteria')} "
                       "(alle details in het JSON-formaat)", 2)

    def verouderd(self) -> None:
        from .report import verouderd_zin

        r = self.rapport
        if not r.verouderd:
            return
        self.kop("Verouderde verwijzingen", "rood" if r.strikt else "geel")
        for v in r.verouderd:
            self.regel(f"{v.locatie.beschrijving()}: {verouderd_zin(v)}", 2, 4)
            self.regel(self.stijl(" ".join(v.tekst.split()), "grijs"), 6)

    def kaderverwijzingen(self) -> None:
        r = self.rapport
        if not r.kaderverwijzingen:
            return
        self.kop("Verwijzingen naar een kader als geheel", uitleg="(hun criteria tellen mee in de dekking: via kader)")
        for v in r.kaderverwijzingen:
            editie = ""
            if v.editie:
                editie = f", editie {v.editie}"
                if v.afwijkende_editie:
                    try:
                        editie += " " + self.stijl(f"(het corpus bevat {self.corpus.kader(v.kader).jaar})", "geel")
                    except KeyError:
                        editie += " " + self.stijl("(afwijkende editie)", "geel")
            self.regel(f"{self.kader_titel(v.kader)} — {v.locatie.beschrijving()}{editie}", 2, 4)

    def niet_gevonden(self) -> None:
        overig = [r for r in self.rapport.met_status(Status.ONTBREEKT) if not r.vereist]
        if not overig:
            return
        ids = ", ".join(r.criterium.id for r in overig[:30]) + (" …" if len(overig) > 30 else "")
        self.regels.append("")
        self.regel(self.stijl(f"Niet gevonden (niet vereist): {aantal(len(overig), 'criterium', 'criteria')}: {ids}",
                              "grijs"))


def _afgekapt(tekst: str, breedte: int) -> str:
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1].rstrip() + "…"
