"""Reading Markdown and plain-text drafts: one block per paragraph, heading, list item, table cell.

Each block's `Locatie` is a line (soort "regel", index = line number) so that a CI annotation can
point at it; a block joined from several lines remembers where each line begins. Markdown syntax is
stripped without backtracking patterns (every stage is linear in its input). Compose's annexes,
after the comment ``<!-- inkoopkader:bijlagen -->``, are not draft text.
"""

from __future__ import annotations

import re

from ..model import Concept, Tekstblok
from .veilig import ConceptFout, _concept, _soort_inhoud, _Uitvoer

# Where compose's annexes begin in Markdown (contract with compose, owned by anchors.MD_BIJLAGEN):
# matched with any spacing inside the comment.
BIJLAGEN_MARKERING = re.compile(r"^[ \t]*<!--\s*inkoopkader:bijlagen\s*-->[ \t]*$", re.MULTILINE)


def decode_text(naam: str, data: bytes, formaat: str) -> str:
    soort = _soort_inhoud(data)
    if soort:
        wat = {"zip": "een Word- of OpenDocument-bestand (zip)", "pdf": "een PDF-bestand",
               "cfb": "een oud Office-bestand (.doc)"}[soort]
        raise ConceptFout(naam, f"dit is geen tekstbestand maar {wat}; geef het de juiste extensie.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            tekst = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ConceptFout(naam, "het bestand begint als UTF-16 maar is onleesbaar.") from None
    else:
        try:
            tekst = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                tekst = data.decode("cp1252")  # Windows-1252: Kladblok and older Word 'Tekst zonder opmaak'
            except UnicodeDecodeError:
                raise ConceptFout(naam, "het bestand is geen leesbare tekst (geen UTF-8 of Windows-1252); "
                                        "mogelijk binaire gegevens.") from None
    controle = len(_CONTROLE.findall(tekst))
    if "\x00" in tekst or controle > max(2, len(tekst) // 200):
        raise ConceptFout(naam, f"het bestand bevat binaire gegevens; het is geen .{formaat}-tekst.")
    return tekst


_CONTROLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # control characters other than whitespace
_LIJST_REGEL = re.compile(r"^(\s*)(?:[-*+•·◦▪–]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s+(.*)$")


_SCHEIDINGSLIJN = re.compile(r"\s*([-=_*#~])\1{2,}\s*")  # '-----', '=====' between paragraphs


def _tekst_blokken(tekst: str, naam: str = "tekst") -> list[Tekstblok]:
    """Plain text: paragraphs (wrapped lines joined) and list lines; form feeds count pages."""
    uit = _Uitvoer(naam)
    met_paginas = "\f" in tekst
    pagina = 1
    huidig: list[tuple[int, str]] = []  # (line number, text)
    start_pagina = 1

    def flush() -> None:
        if huidig:
            uit.add_regels(huidig, pagina=start_pagina if met_paginas else None)
            huidig.clear()

    for nummer, regel in enumerate(_regels(tekst), start=1):
        if "\f" in regel:
            flush()
            pagina += regel.count("\f")
            regel = regel.replace("\f", "")
        lijst = _LIJST_REGEL.match(regel)
        if not regel.strip() or _SCHEIDINGSLIJN.fullmatch(regel):
            flush()
            continue
        if lijst or not huidig:
            flush()
            huidig.append((nummer, lijst.group(2) if lijst else regel.strip()))
            start_pagina = pagina
        else:
            huidig.append((nummer, regel.strip()))
    flush()
    return uit.blokken


def _regels(tekst: str) -> list[str]:
    return tekst.replace("\r\n", "\n").replace("\r", "\n").split("\n")


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
# Links and tags are bounded spans (at most _SPAN characters) and emphasis is removed as delimiter
# runs next to a word, never as a lazy '*(.+?)*' match: those make a hostile line of unclosed
# '*' or '[a](' quadratic (120 KB took 90 s).
_SPAN = 1000
_EMFASE = 64  # longest run of emphasis markers removed in one piece


def _begrensd(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("SPAN", str(_SPAN)))


_URL = r"\((?:[^()\n]|\([^()\n]{0,SPAN}\)){0,SPAN}\)"
_MD_INLINE = [
    # Link texts stop at a '[' as well: a run of '[' then fails at once instead of scanning ahead.
    (_begrensd(r"!\[([^\[\]\n]{0,SPAN})\]" + _URL), r"\1"),  # image -> alt text
    (_begrensd(r"\[([^\[\]\n]{1,SPAN})\]" + _URL), r"\1"),  # [text](url)
    (_begrensd(r"\[([^\[\]\n]{1,SPAN})\]\[[^\[\]\n]{0,SPAN}\]"), r"\1"),  # [text][ref]
    (_begrensd(r"<((?:https?|mailto|ftp):[^<>\s]{1,SPAN})>"), r"\1"),  # autolink
    (_begrensd(r"<([^@<>\s]{1,SPAN}@[^<>\s]{1,SPAN})>"), r"\1"),
    (_begrensd(r"</?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>\n]{0,SPAN})?/?>"), " "),  # <sub>, <br/> …
    (re.compile(r"`+"), ""),  # inline code: the text stays
    # **vet**, *cursief*, __vet__, _cursief_, ~~doorgehaald~~: a run of markers that opens before a
    # word or closes after one; 'snake_case', '5 * 3' and '2*3' keep theirs. A run is taken at most
    # _EMFASE characters at a time: an unbounded '[*_]+' backtracked through the whole run at every
    # position of it ("a" + "_" * 50000 + "b" took over 30 s); bounded, the work is linear.
    (re.compile(r"(?<!\w)(?:[*_]{1,EMFASE}|~~)(?=\S)|(?<=\S)(?:[*_]{1,EMFASE}|~~)(?!\w)"
                .replace("EMFASE", str(_EMFASE))), ""),
]
_PRIVE = 0xE000  # escaped characters are parked in the private use area while markup is stripped


def _md_inline(tekst: str) -> str:
    """Markdown inline syntax removed, the words kept."""
    geparkeerd = "\\" in tekst and _ESCAPE.search(tekst) is not None  # most paragraphs escape nothing
    if geparkeerd:
        tekst = _ESCAPE.sub(lambda m: chr(_PRIVE + ord(m.group(1))), tekst)
    for pattern, vervanging in _MD_INLINE:
        tekst = pattern.sub(vervanging, tekst)
    if geparkeerd:
        tekst = "".join(chr(ord(ch) - _PRIVE) if _PRIVE <= ord(ch) < _PRIVE + 128 else ch for ch in tekst)
    if "&" not in tekst:
        return tekst
    import html  # only text with entities needs it

    return html.unescape(tekst)


_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_LIJN = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_MD_LIJST = re.compile(r"^(\s*)(?:[-*+•]|\d{1,9}[.)]|[a-zA-Z][.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
_CITAAT = re.compile(r"^ {0,3}>\s?")
_CITAAT_HIER = re.compile(r" {0,3}>\s?")  # the same at a given position (match(regel, pos))
_HEK = re.compile(r"^ {0,3}(```+|~~~+)")
_REFERENTIE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_SCHEIDINGSCEL = re.compile(r":?-+:?")
_COMMENTAAR = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def _kop(regel: str) -> str | None:
    """The text of an ATX heading ('## Eisen ##' -> 'Eisen'), or None when the line is not one.

    Written out instead of one pattern: '^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$' backtracks
    quadratically over a long run of spaces (a 100 KB line took minutes).
    """
    inspringing = len(regel) - len(regel.lstrip(" "))
    if inspringing > 3:
        return None
    kop = regel[inspringing:]
    hekjes = len(kop) - len(kop.lstrip("#"))
    if not 1 <= hekjes <= 6:
        return None
    rest = kop[hekjes:]
    if rest and not rest[0].isspace():
        return None  # '#hashtag', '#5'
    inhoud = rest.strip()
    zonder = inhoud.rstrip("#")
    if zonder != inhoud and zonder and zonder[-1].isspace():
        inhoud = zonder.rstrip()  # the optional closing sequence ' ##'
    return inhoud


def _is_scheidingsrij(regel: str) -> bool:
    """A table's separator row ('|---|:--:|', '--- | ---'): cells of dashes with optional colons.

    Checked cell by cell: one pattern for the whole row backtracked over runs of spaces.
    """
    rij = regel.strip()
    rij = rij.removeprefix("|")
    rij = rij.removesuffix("|")
    return bool(rij) and all(_SCHEIDINGSCEL.fullmatch(cel.strip()) for cel in rij.split("|"))


def _cellen(regel: str) -> list[str]:
    regel = regel.strip()
    regel = regel.removeprefix("|")
    if regel.endswith("|") and not regel.endswith("\\|"):
        regel = regel[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", regel)]


def _markdown_blokken(tekst: str, naam: str = "tekst") -> list[Tekstblok]:
    """Markdown: one block per paragraph, heading, list item and table cell, each with its line."""
    if "inkoopkader:bijlagen" in tekst and (bijlagen := BIJLAGEN_MARKERING.search(tekst)):
        tekst = tekst[: bijlagen.start()]  # compose's annexes: not draft text
    tekst = _COMMENTAAR.sub(lambda m: "\n" * m.group().count("\n"), tekst.replace("\r\n", "\n"))
    regels = _regels(tekst)
    uit = _Uitvoer(naam)
    huidig: list[tuple[int, str]] = []  # (line number, text) of the paragraph so far
    tabellen = 0
    hek: str | None = None
    citaat = 0

    def flush() -> None:
        if huidig:
            uit.add_regels(huidig, bewerk=_md_inline)
            huidig.clear()

    nummer = 0
    if regels and regels[0].strip() == "---":  # YAML front matter: metadata, not text
        for einde in range(1, len(regels)):
            if regels[einde].strip() in ("---", "..."):
                nummer = einde + 1
                break
    while nummer < len(regels):
        regel = regels[nummer]
        nummer += 1
        if hek is not None:  # inside a fenced code block: text as it stands
            if regel.strip().startswith(hek):
                flush()
                hek = None
            elif regel.strip():
                huidig.append((nummer, regel.strip()))
            continue
        diepte = pos = 0
        while citaat_teken := _CITAAT_HIER.match(regel, pos):  # by position: no copy per '>'
            pos = citaat_teken.end()
            diepte += 1
        regel = regel[pos:] if pos else regel
        if diepte != citaat:  # entering or leaving a block quote ends the paragraph
            flush()
            citaat = diepte
        fence = _HEK.match(regel)
        if fence:
            flush()
            hek = fence.group(1)[:3]
            continue
        if not regel.strip():
            flush()
            continue
        kop = _kop(regel) if "#" in regel[:4] else None
        if kop is not None:
            flush()
            uit.add(_md_inline(kop), "regel", index=nummer, kop=True)
            continue
        if huidig and _SETEXT.match(regel):
            flush()  # the underline of a setext heading
            continue
        if _LIJN.match(regel) or _REFERENTIE.match(regel):
            flush()
            continue
        if ("|" in regel and nummer < len(regels) and "|" in regels[nummer] and "-" in regels[nummer]
                and _is_scheidingsrij(regels[nummer])):
            flush()
            tabellen += 1
            rijen = [(nummer, regel)]
            nummer += 1  # the separator line
            while nummer < len(regels) and "|" in regels[nummer] and regels[nummer].strip():
                rijen.append((nummer + 1, _CITAAT.sub("", regels[nummer])))
                nummer += 1
            for rij, (regelnummer, rij_tekst) in enumerate(rijen, start=1):
                for kolom, cel in enumerate(_cellen(rij_tekst), start=1):
                    uit.add(_md_inline(cel.replace("\\|", "|")), "regel", index=regelnummer,
                            tabel=(tabellen, rij, kolom))
            continue
        lijst = _MD_LIJST.match(regel)
        if lijst:
            flush()
            huidig.append((nummer, lijst.group(2)))
            continue
        huidig.append((nummer, regel.strip().rstrip("\\")))
    flush()
    return uit.blokken


def read_markdown(naam: str, data: bytes, formaat: str) -> Concept:
    """A Markdown ("md"), plain-text ("txt") or unknown text ("tekst", from standard input) draft;
    plain text keeps its wrapped lines and form feeds (pages), the others have Markdown stripped."""
    tekst = decode_text(naam, data, formaat)
    blokken = _tekst_blokken(tekst, naam) if formaat == "txt" else _markdown_blokken(tekst, naam)
    return _concept(naam, formaat, blokken)
