"""Benchmark: what reading a draft imports, per format (check/read/ loads only the reader it needs).

For a .md, .docx and .pdf draft, a fresh process runs `read_concept` under `python -X importtime`;
the report gives the cumulative import time of inkoopkader.check.read and its modules (after what
every check loads anyway: the report model, limits, errors), of the
third-party libraries the reader pulls in (lxml, pypdf, zipfile), and which reader modules were
loaded. The floor for a Markdown draft: none of the Word, OpenDocument or PDF code is imported.

Run: python benchmarks/bench_import_read.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from meten import bytecode_zoals_geinstalleerd

_GEMETEN = ("inkoopkader.check.read", "lxml", "pypdf", "zipfile")


def importtijden(pad: Path) -> tuple[dict[str, float], set[str]]:
    """Milliseconds per top-level import of interest (cumulative), and the reader modules loaded."""
    # What every check loads anyway (the report model, limits, errors) is imported first, so that the
    # lines measure the readers themselves.
    code = ("import inkoopkader.check.model, inkoopkader.limieten, inkoopkader.errors\n"
            f"from inkoopkader.check.read import read_concept; read_concept({str(pad)!r})")
    uit = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    tijden: dict[str, float] = {}
    modules: set[str] = set()
    for regel in uit.stderr.splitlines():
        if not regel.startswith("import time:") or "|" not in regel:
            continue
        _, cumulatief, naam = (deel.strip() for deel in regel.split("|"))
        if not cumulatief.isdigit():
            continue
        if naam.startswith("inkoopkader.check.read"):
            modules.add(naam)
            tijden[naam] = int(cumulatief) / 1000  # a reader module imported lazily has its own line
            continue
        wortel = next((m for m in _GEMETEN[1:] if naam == m or naam.startswith(f"{m}.")), None)
        if wortel is not None:  # the outermost line of a library holds its whole cost
            tijden[wortel] = max(tijden.get(wortel, 0.0), int(cumulatief) / 1000)
    return tijden, modules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(bytecode_zoals_geinstalleerd())

    import inkoopkader

    corpus = inkoopkader.load_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        md = map_ / "concept.md"
        md.write_text("# Kwaliteit\n\nDe aanbieder heeft een klachtenregeling.\n", encoding="utf-8")
        docx = inkoopkader.compose(corpus, inkoopkader.select(corpus, "wmo-1a")).save(map_ / "concept.docx")
        pdf = map_ / "concept.pdf"
        pdf.write_bytes(_kleine_pdf())
        ok = True
        for pad in (md, docx, pdf):
            metingen = [importtijden(pad) for _ in range(args.runs)]
            modules = metingen[0][1]
            namen = sorted({n for t, _ in metingen for n in t})
            regels = ", ".join(f"{n} {statistics.median(t.get(n, 0.0) for t, _ in metingen):.1f} ms" for n in namen)
            lezers = sorted(m.rsplit(".", 1)[-1] for m in modules if m.count(".") == 3)
            print(f"{pad.suffix:6} lezers: {', '.join(lezers) or '-'}; {regels}")
            if pad is md and set(lezers) & {"docx", "odt", "pdf"}:
                ok = False
        print("Markdown laadt alleen de Markdown-lezer:", "ja" if ok else "NEE")
        if not ok:
            raise SystemExit(1)


def _kleine_pdf() -> bytes:
    """A one-page PDF with a line of text, written by hand (no PDF writer needed)."""
    stroom = b"BT /F1 12 Tf 72 720 Td (De aanbieder heeft een klachtenregeling.) Tj ET"
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> >> >>"),
        b"<< /Length %d >>\nstream\n" % len(stroom) + stroom + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    uit = bytearray(b"%PDF-1.4\n")
    posities = []
    for nummer, obj in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += b"%d 0 obj\n" % nummer + obj + b"\nendobj\n"
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    uit += b"".join(b"%010d 00000 n \n" % p for p in posities)
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objecten) + 1, xref)
    return bytes(uit)


if __name__ == "__main__":
    main()
