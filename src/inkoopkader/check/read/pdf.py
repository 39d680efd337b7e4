"""Reading .pdf drafts: the text of every page (pypdf), split into paragraph-like blocks.

Each block has its page. Lines are grouped into paragraphs by list markers, font size and vertical
gaps; words broken at a line end are joined again. Page content is measured against the limits
before any text is extracted, and pages that share a content stream are extracted once.
"""

from __future__ import annotations

import io
import re
import warnings
from functools import cache
from itertools import pairwise
from typing import Any

from ... import limieten
from ..model import Concept
from .veilig import ConceptFout, _concept, _mb, _soort_inhoud, _te_veel, _Uitvoer

_LIJSTTEKEN = re.compile(r"^(?:[-*+•·◦▪▫■□●○–—➢►✓✔]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\d{1,2}(?:\.\d{1,2})+\.?)\s+")
_AFBREKING = re.compile(r"(\w+)-$")
_WEGLATING = re.compile(r"(?:en|of|tot|noch|t/m)\b")
_EINDE_ZIN = re.compile(r"[.!?:;]['’”)]?$")


_Regel = tuple[str, "float | None", "float | None"]  # text, baseline y, font size


def _pdf_regels(page: Any) -> list[_Regel]:
    """The text lines of a PDF page as pypdf extracts them, each with its baseline and font size."""
    regels: list[_Regel] = []
    stukken: list[str] = []
    positie: list[float] = []

    def bezoeker(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        for i, stuk in enumerate(text.split("\n")):
            if i:
                regels.append(("".join(stukken), *(positie or (None, None))))
                stukken.clear()
                positie.clear()
            if stuk:
                stukken.append(stuk)
                if not positie and stuk.strip():
                    schaal = abs(tm[3] * cm[3]) or 1.0
                    positie.extend((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], float(size or 0) * schaal))

    page.extract_text(visitor_text=bezoeker)
    regels.append(("".join(stukken), *(positie or (None, None))))
    return regels


def _pdf_alineas(regels: list[_Regel]) -> list[str]:
    """Lines of one PDF page grouped into paragraphs: wrapped lines joined, list items separate.

    A new paragraph starts at a list marker, a change of font size, a larger vertical gap than the
    page's usual line spacing for that size, or after a short line (a heading, a paragraph's end).
    """
    regels = [(t.strip(), y, s) for t, y, s in regels if t.strip()]
    if not regels:
        return []
    lengtes = sorted(len(t) for t, _, _ in regels)
    vol = lengtes[int(0.8 * (len(lengtes) - 1))]  # a full line's length on this page
    afstanden: dict[float, list[float]] = {}
    for (_, y1, s1), (_, y2, s2) in pairwise(regels):
        if y1 is not None and y2 is not None and s1 and s2 and abs(s1 - s2) <= 0.05 * s1 and 0 < y1 - y2 < 3 * s1:
            afstanden.setdefault(round(s1, 1), []).append(y1 - y2)
    # The usual line spacing per font size: the smaller gaps are lines within a paragraph.
    regelafstand = {s: sorted(g)[len(g) // 5] for s, g in afstanden.items()}

    alineas: list[str] = []
    huidig = ""
    vorige: _Regel = ("", None, None)
    for regel in regels:
        tekst, y, size = regel
        vtekst, vy, vsize = vorige
        nieuw = (not huidig or bool(_LIJSTTEKEN.match(tekst))
                 or (bool(_EINDE_ZIN.search(vtekst)) and len(vtekst) < 0.85 * vol)
                 or len(vtekst) < 0.5 * vol)
        if not nieuw and y is not None and vy is not None and size and vsize:
            afstand = vy - y
            normaal = regelafstand.get(round(vsize, 1), 1.25 * vsize)
            nieuw = (abs(size - vsize) > 0.1 * vsize or afstand <= 0 or afstand > 1.12 * normaal + 0.3)
        if nieuw:
            if huidig:
                alineas.append(huidig)
            huidig = tekst
        elif huidig.endswith("-") and _WEGLATING.match(tekst):
            huidig = f"{huidig} {tekst}"  # 'jeugd-' + 'en gezinsprofessional': an elided word, not a break
        elif huidig.endswith("-") and tekst[:1].isalpha() and (afgebroken := _AFBREKING.search(huidig)):
            # 'zorg-' + 'verlening' -> 'zorgverlening', 'Kwaliteits-' + 'kader' -> 'Kwaliteitskader';
            # 'Wmo-' + 'ondersteuning' and 'JIJ-' + 'kader' keep their hyphen (an abbreviation).
            huidig = (huidig[:-1] if _afgebroken_woord(afgebroken.group(1), tekst) else huidig) + tekst
        else:
            huidig = f"{huidig} {tekst}"
        vorige = regel
    if huidig:
        alineas.append(huidig)
    return alineas


def _afgebroken_woord(deel: str, vervolg: str = "") -> bool:
    """Whether the part before a line-end hyphen is a word broken off (rejoin without hyphen) rather
    than an abbreviation or name that keeps its hyphen ('Wmo-', 'JIJ-', 'GGZ-', 'Jeugdwet2015-').

    A capitalised next line ('Jeugdzorg-' + 'Plus') is a break only when the joined word is one the
    corpus uses ('JeugdzorgPlus'); otherwise the hyphen stays ('Noord-' + 'Brabant')."""
    if vervolg[:1].isupper():
        woord = re.match(r"[^\W\d_]+", vervolg)
        return woord is not None and (deel + woord.group()).casefold() in _corpuswoorden()
    if deel.islower():
        return True
    if any(ch.isdigit() for ch in deel) or len(deel) <= 4:
        return False
    # Capitalised: 'Kwaliteits-' is a broken word; 'BOPZ-' or 'JeugdzorgPlus-' are names.
    return deel[0].isupper() and deel[1:].islower()


@cache
def _corpuswoorden() -> frozenset[str]:
    """The words (folded) of the bundled corpus texts and kader names, read once."""
    from ...corpus import bundled_data_dir

    woorden: set[str] = set()
    for pad in sorted((bundled_data_dir() / "frameworks").glob("*.yaml")):
        woorden.update(w.casefold() for w in re.findall(r"[^\W\d_]{4,}", pad.read_text(encoding="utf-8")))
    return frozenset(woorden)


def read_pdf(naam: str, data: bytes) -> Concept:
    soort = _soort_inhoud(data)
    if soort != "pdf":
        wat = {"zip": "een zip-archief (Word of OpenDocument?)", "cfb": "een oud Office-bestand"}.get(
            soort or "", "geen PDF-bestand")
        raise ConceptFout(naam, f"dit is geen geldige PDF: het bestand is {wat}.")
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise ConceptFout(naam, "PDF's lezen vereist het pakket pypdf (pip install pypdf).") from None
    _pypdf_stil()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    ok = bool(reader.decrypt(""))
                except (DependencyError, NotImplementedError, FileNotDecryptedError):
                    ok = False
                if not ok:
                    raise ConceptFout(naam, "de PDF is versleuteld (met een wachtwoord beveiligd). "
                                            "Sla een onbeveiligde versie op en probeer opnieuw.")
            aantal = len(reader.pages)
        except ConceptFout:
            raise
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of errors on broken files
            raise ConceptFout(naam, f"de PDF is beschadigd en kan niet worden gelezen ({type(exc).__name__}: "
                                    f"{exc}).") from None
        if aantal > limieten.PDF_PAGINAS.waarde():
            raise _te_veel(naam, limieten.PDF_PAGINAS, aantal)
        sleutels = _pdf_inhoud_gemeten(naam, reader, aantal)
        uit = _Uitvoer(naam)
        # Pages that share their content (and resources) give the same lines: extracted once, not
        # once per page (one 7.5 KB stream shared by 30 pages took 68 s).
        gelezen: dict[tuple[Any, ...], list[_Regel]] = {}
        for nummer in range(1, aantal + 1):
            sleutel = sleutels[nummer - 1]
            regels = gelezen.get(sleutel) if sleutel is not None else None
            if regels is None:
                try:
                    regels = _pdf_regels(reader.pages[nummer - 1])
                except ConceptFout:
                    raise
                except Exception as exc:  # noqa: BLE001 - a broken content stream or font on this page
                    raise ConceptFout(naam, f"pagina {nummer} van de PDF is beschadigd ({type(exc).__name__}: "
                                            f"{exc}).") from None
                if sleutel is not None:
                    gelezen[sleutel] = regels
            uit.nieuwe_pagina()
            for alinea in _pdf_alineas(regels):
                uit.add(alinea, "alinea", pagina=nummer)
    return _concept(naam, "pdf", uit.blokken,
                    hint=" Is het een scan? Laat er eerst tekstherkenning (OCR) op los.")


# A form XObject drawn by a content stream: '/Naam Do' (a name ends at whitespace or a delimiter).
# Counted in the decoded bytes, also inside a string: a count too high errs on the safe side.
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s/\[\]()<>{}%])")
_AANROEP = 1024  # what drawing a form costs pypdf beyond its bytes (state, resources), in bytes of content


class _Meting:
    """The decoded size of content streams and of the forms (Form XObjects) they draw.

    A page costs its own content plus, for every form it draws, that form's cost times the number of
    times it is drawn; a form costs its bytes plus the forms it draws in turn. pypdf extracts a form
    again at every invocation, so one 4.5 KB form drawn 100 times took 213 s before: bytes times
    invocations is what extraction costs. Streams and forms are measured once (by reference); a
    cost never grows beyond `grens`, so a form drawn 2^20 times is a number, not a big integer.
    """

    def __init__(self, naam: str, grens: int) -> None:
        self.naam = naam
        self.grens = grens
        self.stromen: dict[tuple[int, int], tuple[int, dict[bytes, int]]] = {}
        self.formen: dict[tuple[int, int], int] = {}

    def stroom(self, deel: Any) -> tuple[int, dict[bytes, int]]:
        """(decoded size, {XObject name: times drawn}) of one content stream."""
        from pypdf.generic import IndirectObject

        ref = (deel.idnum, deel.generation) if isinstance(deel, IndirectObject) else None
        if ref is not None and ref in self.stromen:
            return self.stromen[ref]
        get_data = getattr(deel.get_object(), "get_data", None)
        data = get_data() if callable(get_data) else b""
        namen: dict[bytes, int] = {}
        if b"Do" in data:
            for match in _DO.finditer(data):
                namen[match.group(1)] = namen.get(match.group(1), 0) + 1
        uitkomst = (len(data), namen)
        if ref is not None:
            self.stromen[ref] = uitkomst
        return uitkomst

    def aanroepen(self, namen: dict[bytes, int], bronnen: Any, diepte: int = 0,
                  pad: frozenset[tuple[int, int]] = frozenset()) -> int:
        """What drawing these forms (by name, in these resources) costs, capped at `grens`."""
        from pypdf.generic import DictionaryObject, NameObject

        bronnen = bronnen.get_object() if bronnen is not None else None
        xobjecten = bronnen.get("/XObject") if isinstance(bronnen, DictionaryObject) else None
        xobjecten = xobjecten.get_object() if xobjecten is not None else None
        if not namen or not isinstance(xobjecten, DictionaryObject):
            return 0
        totaal = 0
        for naam, keer in namen.items():
            sleutel = NameObject("/" + NameObject.unnumber(naam).decode("utf-8", "replace"))
            if sleutel not in xobjecten:
                continue
            totaal += keer * (_AANROEP + self.form(xobjecten.raw_get(sleutel), diepte + 1, pad))
            if totaal > self.grens:
                return self.grens + 1
        return totaal

    def form(self, raw: Any, diepte: int, pad: frozenset[tuple[int, int]]) -> int:
        """What drawing one XObject once costs: 0 for an image, bytes and nested forms for a form."""
        from pypdf.generic import DictionaryObject, IndirectObject

        ref = (raw.idnum, raw.generation) if isinstance(raw, IndirectObject) else None
        if ref is not None:
            if ref in self.formen:
                return self.formen[ref]
            if ref in pad:
                return 0  # pypdf skips a form that draws itself
        obj = raw.get_object()
        if not isinstance(obj, DictionaryObject) or obj.get("/Subtype") != "/Form":
            return 0
        if diepte > limieten.PDF_NESTING.waarde():
            raise ConceptFout(self.naam, f"de PDF nest formulieren (Form XObjects) dieper dan "
                                         f"{limieten.PDF_NESTING.tekst()}; de PDF wordt niet gelezen "
                                         f"({limieten.PDF_NESTING.uitleg()}).")
        grootte, namen = self.stroom(raw)
        binnen = pad | {ref} if ref is not None else pad
        kosten = min(self.grens + 1, grootte + self.aanroepen(namen, obj.get("/Resources"), diepte, binnen))
        if ref is not None:
            self.formen[ref] = kosten
        return kosten


def _pdf_inhoud_gemeten(naam: str, reader: Any, aantal: int) -> list[tuple[Any, ...] | None]:
    """Check the decoded content of every page against the limits before any text is extracted;
    return per page a key that is equal for pages with the same content streams and resources
    (None when a page's content is not shared by reference).

    A page's content includes the forms (Form XObjects) it draws, once per time it draws them, and
    the forms those draw (see `_Meting`). The total counts a shared stream once per page that shows
    it: each such page adds its text to the draft. A stream is decoded once for this (pypdf caps each
    at 75 MB).
    """
    from pypdf.generic import ArrayObject, IndirectObject

    sleutels: list[tuple[Any, ...] | None] = []
    totaal = 0
    per_pagina = limieten.PDF_PAGINA.waarde()
    meting = _Meting(naam, max(per_pagina, limieten.PDF_INHOUD.waarde()))
    for nummer in range(1, aantal + 1):
        try:
            page = reader.pages[nummer - 1]
            inhoud = page.raw_get("/Contents") if "/Contents" in page else None
            if isinstance(inhoud, IndirectObject) and isinstance(inhoud.get_object(), ArrayObject):
                inhoud = inhoud.get_object()
            delen = list(inhoud) if isinstance(inhoud, ArrayObject) else [] if inhoud is None else [inhoud]
            grootte = 0
            refs: list[tuple[int, int]] = []
            namen: dict[bytes, int] = {}
            for deel in delen:
                if isinstance(deel, IndirectObject):
                    refs.append((deel.idnum, deel.generation))
                deel_grootte, deel_namen = meting.stroom(deel)
                grootte += deel_grootte
                for xnaam, keer in deel_namen.items():
                    namen[xnaam] = namen.get(xnaam, 0) + keer
            if namen:
                grootte += meting.aanroepen(namen, page.get("/Resources"))  # inherited resources too
            bronnen = page.raw_get("/Resources") if "/Resources" in page else None
        except ConceptFout:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken page tree or stream
            raise ConceptFout(naam, f"pagina {nummer} van de PDF is beschadigd ({type(exc).__name__}: {exc}).") from None
        if grootte > per_pagina:
            hoeveel = f"meer dan {_mb(meting.grens)}" if grootte > meting.grens else _mb(grootte)
            raise ConceptFout(naam, f"pagina {nummer} van de PDF heeft {hoeveel} aan inhoud (met de formulieren die ze "
                                    f"tekent), meer dan de grens per pagina; de PDF wordt niet gelezen "
                                    f"({limieten.PDF_PAGINA.uitleg()}).")
        totaal += grootte
        if totaal > limieten.PDF_INHOUD.waarde():
            raise ConceptFout(naam, f"de pagina's van de PDF hebben samen meer inhoud dan de grens (al {_mb(totaal)} "
                                    f"bij pagina {nummer}); de PDF wordt niet gelezen ({limieten.PDF_INHOUD.uitleg()}).")
        sleutels.append((tuple(refs), _pdf_bronsleutel(bronnen)) if refs and len(refs) == len(delen) else None)
    return sleutels


def _pdf_bronsleutel(bronnen: Any) -> object:
    """What makes two pages with the same content give the same text: their resources (fonts), by
    reference, or for a small dictionary written on the page itself by its contents."""
    from pypdf.generic import IndirectObject

    if bronnen is None:
        return None
    if isinstance(bronnen, IndirectObject):
        return (bronnen.idnum, bronnen.generation)
    tekst = repr(bronnen)
    return tekst if len(tekst) <= 10_000 else object()  # a unique key: not shared


def _pypdf_stil() -> None:
    """pypdf logs warnings about sloppy PDFs; a library must not print them (no handler -> stderr)."""
    import logging  # only PDFs need it

    logger = logging.getLogger("pypdf")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())

