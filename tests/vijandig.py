"""Hostile and careless inputs of issue 17, built on the spot at the sizes the issue names.

Shared by tests/test_vijandig.py (each class must finish, with a result or a refusal, no traceback)
and benchmarks/bench_vijandig.py (time and peak memory per case). Every builder writes into a
directory it is given and returns what to run: the arguments after `inkoopkader` and, for stdin
cases, a file to feed.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ODF_DECL = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "{extra}</Types>"
)
PAKKET_RELS = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
ZIN = "De organisatie heeft een meldcode huiselijk geweld en kindermishandeling en handelt ernaar."


def docx_bytes(body: str, *, parts: dict[str, str | bytes] | None = None, types_extra: str = "",
               document: str | None = None, opslag: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal Word package around `body` (the inside of w:body)."""
    if document is None:
        document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
                    f"<w:body>{body}</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", opslag) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(extra=types_extra))
        z.writestr("_rels/.rels", PAKKET_RELS)
        z.writestr("word/document.xml", document)
        for name, data in (parts or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def _letters(i: int) -> str:
    out = ""
    while True:
        i, rest = divmod(i, 26)
        out = chr(97 + rest) + out
        if not i:
            return out


# --- 1. small inputs, huge cost --------------------------------------------------------------------


def docx_open_bladwijzers(n: int = 5000) -> bytes:
    """n criterion bookmarks that are never closed, one per paragraph (46 KB in the issue)."""
    body = "".join(f'<w:p><w:bookmarkStart w:id="{i}" w:name="ik_x{_letters(i)}_01"/>'
                   f"<w:r><w:t>alinea {i}</w:t></w:r></w:p>" for i in range(n))
    return docx_bytes(body)


def _bladwijzernamen(ankers: int, namen: list[str] | None) -> list[str]:
    return [f"ik_{namen[i % len(namen)]}" if namen else f"ik_x{_letters(i)}_01" for i in range(ankers)]


def docx_lange_bladwijzers(ankers: int = 100, alineas: int = 60_000, namen: list[str] | None = None) -> bytes:
    """`ankers` criterion bookmarks opened in the first paragraph and closed after the last of
    `alineas` paragraphs (179 KB in the issue: over 400 s and 585 MB); `namen`: criterion IDs
    ('bwmo_04') to use instead of made-up ones."""
    open_ = "".join(f'<w:bookmarkStart w:id="{i}" w:name="{naam}"/>'
                    for i, naam in enumerate(_bladwijzernamen(ankers, namen)))
    dicht = "".join(f'<w:bookmarkEnd w:id="{i}"/>' for i in range(ankers))
    body = (f"<w:p>{open_}<w:r><w:t>{ZIN}</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>a</w:t></w:r></w:p>" * (alineas - 2)
            + f"<w:p><w:r><w:t>b</w:t></w:r>{dicht}</w:p>")
    return docx_bytes(body, opslag=zipfile.ZIP_STORED)  # stored: no compression ratio to refuse it by


def odt_lange_bladwijzers(ankers: int = 100, alineas: int = 60_000, namen: list[str] | None = None) -> bytes:
    """The same in ODF: bookmarks opened in the first paragraph, closed in the last."""
    open_ = "".join(f'<text:bookmark-start text:name="{naam}"/>' for naam in _bladwijzernamen(ankers, namen))
    dicht = "".join(f'<text:bookmark-end text:name="{naam}"/>' for naam in _bladwijzernamen(ankers, namen))
    body = (f"<text:p>{open_}{ZIN}</text:p>" + "<text:p>a</text:p>" * (alineas - 2) + f"<text:p>b{dicht}</text:p>")
    return _odt(body, zipfile.ZIP_STORED)


def docx_open_velden(n: int = 80_000) -> bytes:
    """n complex fields that begin and never end (8 MB in the issue)."""
    run = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>')  # a result, no end
    per = 40
    body = "".join(f"<w:p>{run * per}<w:r><w:t>{ZIN}</w:t></w:r></w:p>" for _ in range(n // per))
    return docx_bytes(body, opslag=zipfile.ZIP_STORED)  # stored: no compression ratio to refuse it by


def odt_open_bladwijzers(n: int = 5000) -> bytes:
    """n ODF bookmark starts without an end (an 11 KB .odt in the issue)."""
    body = "".join(f'<text:p><text:bookmark-start text:name="ik_x{_letters(i)}_01"/>alinea {i}</text:p>'
                   for i in range(n))
    return _odt(body)


def _odt(body: str, opslag: int = zipfile.ZIP_DEFLATED) -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_DECL}>'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", opslag) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    return out.getvalue()


MARKDOWN: dict[str, Callable[[int], str]] = {
    # One line that a backtracking pattern tries in n ways at n places (the issue: 25 KB took 10 s).
    "kop-met-spaties": lambda n: "# a" + " " * n + "x\n",
    "scheidingsrij-spaties-voor": lambda n: "| a | b |\n" + " " * n + "|x-\n",
    "scheidingsrij-spaties-na": lambda n: "| a | b |\n|---" + " " * n + "x|\n",
    "citaat-pijlen": lambda n: ">" * n + " a\n",
    "open-haken": lambda n: "[" * n + "\n",
    "haken-en-tekst": lambda n: "[a" * (n // 2) + "\n",
    "liggende-streepjes-tussen-letters": lambda n: "a" + "_" * n + "b\n",
    "regels-liggende-streepjes": lambda n: ("a" + "_" * 2000 + "b\n") * max(1, n // 2002),
}


def markdown(soort: str, n: int = 100_000) -> bytes:
    return MARKDOWN[soort](n).encode()


def tekst_verouderde_wet(n: int = 100_000) -> bytes:
    """One paragraph of n characters that keeps naming an outdated law (the issue: 100 KB took 17-37 s)."""
    zin = "Opdrachtnemer volgt de Wet bescherming persoonsgegevens en de Wbp bij elke melding. "
    return (zin * (n // len(zin) + 1))[:n].encode()


# One sentence (or block) that keeps naming an outdated law or a kader: each pass over it looked at
# the whole sentence again for every name in it (100 KB took over 30 s; 400 KB 14 s for the last).
LANGE_ZINNEN = {
    "wbp-zonder-punt": "de Wbp en ",
    "awbz-met-komma": "onder de AWBZ, ",
    "kadernamen": "het JIJ-kader en ",
    "kaderlijst": "het JIJ-kader; ",
    "verklaringen-met-komma": "werkt conform het JIJ-kader, ",
    "verklaringen": "Opdrachtnemer werkt conform het JIJ-kader. ",
}


def lange_zin(soort: str, n: int = 100_000) -> bytes:
    zin = LANGE_ZINNEN[soort]
    return (zin * (n // len(zin) + 1))[:n].encode()


def pdf_gedeelde_inhoud(paginas: int = 30, regels: int = 60_000) -> bytes:
    """`paginas` pages that share one compressed content stream of `regels` text lines (7.5 KB in the issue)."""
    ops = ["BT /F1 9 Tf 12 TL 40 800 Td"]
    ops += ["(De organisatie heeft een meldcode en handelt ernaar.) Tj T*"] * regels
    ops.append("ET")
    stream = zlib.compress("\n".join(ops).encode("latin-1"), 9)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    kids = []
    for _ in range(paginas):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    return _pdf(objects)


def _stroom(inhoud: bytes, extra: bytes = b"") -> bytes:
    gepakt = zlib.compress(inhoud, 9)
    return b"<< %s/Length %d /Filter /FlateDecode >>\nstream\n" % (extra, len(gepakt)) + gepakt + b"\nendstream"


def _regels(n: int, tekst: str = "De organisatie heeft een meldcode en handelt ernaar.") -> bytes:
    return "\n".join(["BT /F1 9 Tf 12 TL 40 800 Td", *[f"({tekst}) Tj T*"] * n, "ET"]).encode("latin-1")


def pdf_formulier_herhaald(keer: int = 100, regels: int = 30_000) -> bytes:
    """One page that draws one compressed form of `regels` text lines `keer` times (4.5 KB in the issue)."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    pagina = b" ".join([b"q /X0 Do Q"] * keer)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        font,
        _stroom(_regels(regels), b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X0 4 0 R >> >> "
        b"/Contents 6 0 R >>",
        _stroom(pagina),
    ])


def pdf_formulieren_genest(niveaus: int = 20, keer: int = 2) -> bytes:
    """Forms in forms: each level draws the next `keer` times, the deepest has one text line."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 6 0 R >> >> "
        b"/Contents 5 0 R >>",
        _stroom(b"/X Do"),
    ]
    for niveau in range(niveaus):
        volgende = len(objects) + 2
        binnen = (b" ".join([b"q /X Do Q"] * keer), b"/XObject << /X %d 0 R >> " % volgende) if niveau < niveaus - 1 \
            else (_regels(1), b"")
        objects.append(_stroom(binnen[0], b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                                          b"/Resources << /Font << /F1 3 0 R >> %s>> " % binnen[1]))
    return _pdf(objects)


def pdf_paginas(paginas: int = 16, regels: int = 36_000) -> bytes:
    """`paginas` pages, each with its own compressed content of `regels` text lines (53 bytes each:
    36,000 lines is 1.9 MB, just under the limit per page)."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for nummer in range(paginas):
        objects.append(_stroom(_regels(regels, f"Pagina {nummer}: de organisatie heeft een meldcode.")))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def pdf_tekst(regels: list[str]) -> bytes:
    """A one-page PDF with these lines (for stdin: PDF bytes that must not be read as text)."""
    ops = ["BT /F1 11 Tf 14 TL 72 800 Td"]
    for regel in regels:
        veilig = regel.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({veilig}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 4 0 R >>",
    ])


PROFIEL_BASIS = "segment: wmo-1a\nkaders:\n  - nummer: 1\n    criteria:\n      bwmo-04:\n        opnemen: ja\n"


def profiel_aliasbom() -> bytes:
    """A 'billion laughs' profile: nine levels of nine aliases (about 400 bytes)."""
    regels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    vorige = "a"
    for naam in "bcdefghi":
        regels.append(f"{naam}: &{naam} [{','.join(['*' + vorige] * 9)}]")
        vorige = naam
    return ("\n".join(regels) + "\nsegment: *i\n").encode()


def profiel_groot(megabytes: int = 10) -> bytes:
    regel = "# " + "commentaar " * 9 + "\n"
    return (PROFIEL_BASIS + regel * (megabytes * 1024 * 1024 // len(regel))).encode()


def profiel_samenvoegingen(grootte: int = 27_000) -> bytes:
    """A profile of many merge keys ('<<: *o'), 27 KB: ruamel compares each with all earlier ones."""
    tekst = PROFIEL_BASIS.replace("bwmo-04:\n        opnemen: ja\n", "bwmo-04: &o {opnemen: ja}\n")
    i = 0
    while len(tekst) < grootte:
        tekst += f"      bwmo-{i:04d}: {{<<: *o}}\n"
        i += 1
    return tekst.encode()


PROFIELEN: dict[str, Callable[[], bytes]] = {
    "samenvoegsleutels": profiel_samenvoegingen,
    "aliasbom": profiel_aliasbom,
    "complexe-sleutel": lambda: (PROFIEL_BASIS + "? [a, b]\n: c\n").encode(),
    "diep-genest": lambda: (PROFIEL_BASIS + "titel: " + "[" * 300 + "]" * 300 + "\n").encode(),
    "groot-getal": lambda: (PROFIEL_BASIS + "versie: " + "1" * 4301 + "\n").encode(),
    "stuurteken": lambda: (PROFIEL_BASIS + 'titel: "Inkoop\\vWmo"\n').encode(),
}


def sjabloon_content_types_bom(megabytes: int = 1000) -> bytes:
    """A template whose [Content_Types].xml unpacks to `megabytes` MB of white space (about 1 MB
    packed at the default: the issue's bomb cost 12 s and 2.1 GB before it was refused)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("[Content_Types].xml", "w", force_zip64=True) as deel:
            deel.write(CONTENT_TYPES.format(extra="").replace("</Types>", "").encode())
            blok = b" " * (1024 * 1024)
            for _ in range(megabytes):
                deel.write(blok)
            deel.write(b"</Types>")
        z.writestr("_rels/.rels", PAKKET_RELS)
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body><w:p/></w:body></w:document>')
    return out.getvalue()


def sjabloon_versleuteld() -> bytes:
    data = bytearray(docx_bytes("<w:p/>"))
    # Set the 'encrypted' flag (bit 0 of the general purpose flags) in every header.
    for handtekening, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(handtekening, start)) != -1:
            data[start + offset] |= 0x01
            start += 4
    return bytes(data)


def sjabloon_zonder_body() -> bytes:
    return docx_bytes("", document=f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"/>')


EXTERN_SJABLOON = "https://aanvaller.example/macro.dotm"


def sjabloon_extern_attached() -> bytes:
    settings = (f'<?xml version="1.0"?><w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
                '<w:attachedTemplate r:id="rId1"/></w:settings>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/attachedTemplate" Target="{EXTERN_SJABLOON}" '
            'TargetMode="External"/></Relationships>')
    doc_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId9" Type="{REL}/settings" Target="settings.xml"/></Relationships>')
    types = ('<Override PartName="/word/settings.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>')
    return docx_bytes("<w:p/>", types_extra=types, parts={
        "word/settings.xml": settings, "word/_rels/settings.xml.rels": rels,
        "word/_rels/document.xml.rels": doc_rels})


def docx_zip_versie(versie: int = 99) -> bytes:
    """A draft whose zip entries say they need zip version `versie / 10` to extract."""
    data = bytearray(docx_bytes(f"<w:p><w:r><w:t>{ZIN}</w:t></w:r></w:p>"))
    for handtekening, offset in ((b"PK\x03\x04", 4), (b"PK\x01\x02", 6)):
        start = 0
        while (start := data.find(handtekening, start)) != -1:
            data[start + offset] = versie
            start += 4
    return bytes(data)


def docx_groot_deelnummer(cijfers: int = 4301) -> bytes:
    """A draft with a custom XML part whose number has `cijfers` digits."""
    return docx_bytes(f"<w:p><w:r><w:t>{ZIN}</w:t></w:r></w:p>",
                      parts={f"customXml/item{'9' * cijfers}.xml": "<x xmlns='urn:inkoopkader:selectie'/>"})


# --- the set for the benchmark ----------------------------------------------------------------------


@dataclass
class Geval:
    """One hostile run of the command line."""

    naam: str
    klasse: str
    argv: list[str]
    stdin: Path | None = None
    uitkomst: str = "resultaat"  # "resultaat" (exit 0 or 1 within 5 s) or "weigering" (exit 2 within 1 s)
    env: dict[str, str] = field(default_factory=dict)
    module: str = "inkoopkader"  # run as python -m MODULE
    code: int | None = None  # the exit code it must have, when one is right
    map: Path | None = None  # working directory


def gevallen(map_: Path) -> list[Geval]:
    """The pathological set: every case class of issue 17 that one CLI run can show."""
    map_.mkdir(parents=True, exist_ok=True)

    def bestand(naam: str, data: bytes) -> str:
        pad = map_ / naam
        pad.write_bytes(data)
        return str(pad)

    seg = ["--segment", "wmo-1a"]
    lijst = [
        Geval("docx: 5.000 open bladwijzers", "kosten", ["check", bestand("bladwijzers.docx", docx_open_bladwijzers()), *seg]),
        Geval("docx: 80.000 open velden", "kosten", ["check", bestand("velden.docx", docx_open_velden()), *seg]),
        Geval("odt: 5.000 open bladwijzers", "kosten", ["check", bestand("bladwijzers.odt", odt_open_bladwijzers()), *seg]),
    ]
    for soort in MARKDOWN:
        lijst.append(Geval(f"md: {soort} (100 KB)", "kosten",
                           ["check", bestand(f"{soort}.md", markdown(soort)), *seg]))
    lijst += [
        Geval("txt: verouderde wet, 100 KB alinea", "kosten", ["check", bestand("wbp-100k.txt", tekst_verouderde_wet()), *seg]),
        Geval("txt: verouderde wet, 400 KB alinea", "kosten", ["check", bestand("wbp-400k.txt", tekst_verouderde_wet(400_000)), *seg]),
        Geval("pdf: 30 pagina's, één inhoudsstroom", "kosten", ["check", bestand("gedeeld.pdf", pdf_gedeelde_inhoud()), *seg]),
        Geval("pdf: één formulier 100 keer getekend", "kosten",
              ["check", bestand("formulier.pdf", pdf_formulier_herhaald()), *seg], uitkomst="weigering"),
        Geval("pdf: 20 geneste formulieren", "kosten",
              ["check", bestand("genest.pdf", pdf_formulieren_genest()), *seg], uitkomst="weigering"),
        Geval("pdf: 16 pagina's van 1,9 MB", "kosten",
              ["check", bestand("zwaar.pdf", pdf_paginas()), *seg], uitkomst="weigering"),
        Geval("pdf: 5.000 pagina's van 6 KB", "kosten",
              ["check", bestand("pagina5000.pdf", pdf_paginas(5000, 115)), *seg], uitkomst="weigering"),
        Geval("zoeken: vraag van 100 KB", "kosten", ["search", "meldcode " * 11_000], uitkomst="weigering"),
        Geval("stdin: /dev/zero", "kosten", ["check", "-", *seg], stdin=Path("/dev/zero"), uitkomst="weigering"),
        Geval("profiel: /dev/zero", "kosten", ["compose", "--profiel", "/dev/zero", "-f", "md", "-o", "-"],
              uitkomst="weigering"),
        Geval("profiel: 10 MB", "kosten", ["compose", "--profiel", bestand("groot.yaml", profiel_groot()), "-f", "md", "-o", "-"],
              uitkomst="weigering"),
        Geval("sjabloon: content-types-bom (1 MB)", "kosten",
              ["compose", *seg, "--sjabloon", bestand("types.dotx", sjabloon_content_types_bom()),
               "-o", str(map_ / "uit-types.docx"), "--force"], uitkomst="weigering"),
    ]
    fifo = map_ / "profiel.fifo"
    if not fifo.exists():
        os.mkfifo(fifo)
    lijst.append(Geval("profiel: FIFO", "kosten", ["compose", "--profiel", str(fifo), "-f", "md", "-o", "-"],
                       uitkomst="weigering"))
    for soort, maak in PROFIELEN.items():
        lijst.append(Geval(f"profiel: {soort}", "traceback",
                           ["compose", "--profiel", bestand(f"{soort}.yaml", maak()), "-f", "md", "-o", "-"],
                           uitkomst="weigering"))
    lijst += [
        Geval("sjabloon: versleuteld", "traceback", ["compose", *seg, "--sjabloon", bestand("versleuteld.docx", sjabloon_versleuteld()),
                                                    "-o", str(map_ / "uit-v.docx"), "--force"], uitkomst="weigering"),
        Geval("sjabloon: zonder body", "traceback", ["compose", *seg, "--sjabloon", bestand("leeg.docx", sjabloon_zonder_body()),
                                                    "-o", str(map_ / "uit-l.docx"), "--force"], uitkomst="weigering"),
        Geval("docx: zip-versie 9.9", "traceback", ["check", bestand("versie.docx", docx_zip_versie()), *seg], uitkomst="weigering"),
        Geval("docx: deelnaam met 4.301 cijfers", "traceback",
              ["check", bestand("deelnummer.docx", docx_groot_deelnummer()), *seg]),
        Geval("--kader met 4.300 cijfers", "traceback", ["compose", *seg, "--kader", "9" * 4300, "-f", "md", "-o", "-"],
              uitkomst="weigering"),
        Geval("--titel met verticale tab", "traceback",
              ["compose", *seg, "--titel", "Inkoop\vWmo", "-o", str(map_ / "uit-vt.docx"), "--force"]),
        Geval("-o ''", "traceback", ["compose", *seg, "-o", ""], uitkomst="weigering"),
        Geval("stdin: ongeldige UTF-8 met -o", "traceback",
              ["check", "-", *seg, "-o", str(map_ / "rapport-utf8.txt"), "--force"],
              stdin=Path(bestand("ongeldig.txt", b"De organisatie \xff\xfe\xfa heeft een meldcode.\n" * 3))),
        Geval("stdin: UTF-16 met BOM", "stil", ["check", "-", *seg],
              stdin=Path(bestand("utf16.txt", ("\ufeff" + ZIN + "\n").encode("utf-16-le")))),
        Geval("stdin: PDF", "stil", ["check", "-", *seg], stdin=Path(bestand("stdin.pdf", pdf_tekst([ZIN])))),
        Geval("--min-dekking 1_0", "stil", ["check", bestand("concept.md", (ZIN + "\n").encode()), *seg,
                                            "--min-dekking", "1_0"], uitkomst="weigering"),
        Geval("--functieniveau Z", "stil", ["compose", "-s", "jeugdhulp-4", "--personeel", "--functieniveau", "Z",
                                            "-f", "md", "-o", "-"], uitkomst="weigering"),
        Geval("sjabloon: extern attachedTemplate", "omweg",
              ["compose", *seg, "--sjabloon", bestand("extern.docx", sjabloon_extern_attached()),
               "-o", str(map_ / "uit-extern.docx"), "--force"], code=0),
        Geval("-o symbolische koppeling --force", "omweg",
              ["compose", *seg, "-f", "md", "-o", _koppeling(map_), "--force"], uitkomst="weigering"),
        Geval("-o FIFO --force", "omweg", ["compose", *seg, "-f", "md", "-o", _fifo(map_ / "uit.fifo"), "--force"],
              uitkomst="weigering"),
    ]
    haakje = map_ / "hook"
    haakje.mkdir(exist_ok=True)
    (haakje / "-concept.md").write_text(ZIN + "\n", encoding="utf-8")
    lijst.append(Geval("pre-commit: bestand '-concept.md'", "omweg",
                       ["--segment", "wmo-1a", "--vereist", "bwmo-04", "-concept.md"],
                       module="inkoopkader.cli.hook", code=1, map=haakje))
    return lijst


def _fifo(pad: Path) -> str:
    if not pad.exists():
        os.mkfifo(pad)
    return str(pad)


def _koppeling(map_: Path) -> str:
    elders = map_ / "van-iemand-anders.md"
    elders.write_text("niet overschrijven", encoding="utf-8")
    koppeling = map_ / "koppeling.md"
    if not koppeling.is_symlink():
        koppeling.symlink_to(elders)
    return str(koppeling)
