"""Benchmark: the exports for tender platforms (issue 16) against the floor of writing the same cells.

xlsx: `render(document, "xlsx")` for a composed document, in one process, versus the idiomatic way
to write the same content with openpyxl: `ws.append` of exactly the same cell values (questionnaire,
traceability and metadata sheets), then one `Alignment(wrap_text=True, vertical="top")` assigned to
every cell (the text must wrap to be readable), and saving to memory. The renderer does more (a
styled, frozen, filtered header row, column widths, row heights, formula-safe cells) and must still
be no slower: target ratio <= 1.0. For reference it also prints the bare floor (values only, no
styles at all), and, without a target, the whole `inkoopkader compose -f xlsx` and `-f ocds`
processes next to `-f md`, and the size of the file.

Run: python benchmarks/bench_export.py [--runs N] [--segment ID]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from meten import bytecode_zoals_geinstalleerd, timed


def cellen(doc) -> list[tuple[str, list[list[object]]]]:  # type: ignore[no-untyped-def]
    """The cell values the xlsx renderer writes, per sheet (taken from its own row builders)."""
    from inkoopkader.render.spreadsheet import TRACE_KOLOMMEN
    from inkoopkader.render.xlsx import VRAAG_KOLOMMEN, _metadata, vragenlijst

    vragen = [[k for k, _, _ in VRAAG_KOLOMMEN]] + [
        [getattr(r, v) for _, v, _ in VRAAG_KOLOMMEN] for r in vragenlijst(doc)
    ]
    trace = [[k for k, _ in TRACE_KOLOMMEN]] + [
        [getattr(t, v) for _, v in TRACE_KOLOMMEN] for t in doc.traceerbaarheid
    ]
    meta = [["Gegeven", "Waarde"]] + [list(r) for r in _metadata(doc)]
    return [("Vragenlijst", vragen), ("Traceerbaarheid", trace), ("Document", meta)]


def vloer(bladen: list[tuple[str, list[list[object]]]], *, terugloop: bool = True) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    wb.remove(wb.active)
    for naam, rijen in bladen:
        ws = wb.create_sheet(naam)
        for rij in rijen:
            ws.append(rij)
        if terugloop:
            uitlijning = Alignment(wrap_text=True, vertical="top")
            for rij in ws.iter_rows():
                for cel in rij:
                    cel.alignment = uitlijning
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def mediaan(functie, runs: int) -> float:  # type: ignore[no-untyped-def]
    tijden = []
    for _ in range(runs):
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--segment", default="wmo-1a")
    args = parser.parse_args()
    print(bytecode_zoals_geinstalleerd())

    import inkoopkader
    from inkoopkader.render import render

    corpus = inkoopkader.load_corpus()
    doc = inkoopkader.compose(corpus, inkoopkader.select(corpus, args.segment))
    bladen = [
        (naam, [[("ja" if w else "nee") if isinstance(w, bool) else w for w in rij] for rij in rijen])
        for naam, rijen in cellen(doc)
    ]
    data = render(doc, "xlsx")  # warm: imports openpyxl once, as the floor's first run does
    vloer(bladen)
    tool_s = mediaan(lambda: render(doc, "xlsx"), args.runs)
    vloer_s = mediaan(lambda: vloer(bladen), args.runs)
    kaal_s = mediaan(lambda: vloer(bladen, terugloop=False), args.runs)
    ocds_s = mediaan(lambda: render(doc, "ocds"), args.runs)
    ratio = tool_s / vloer_s
    aantal = sum(len(r) - 1 for _, r in bladen)
    print(f"inhoud: {aantal} rijen op 3 bladen, {len(data) / 1024:.0f} KiB xlsx ({args.segment})")
    print(f"kale waarden (openpyxl, geen opmaak):             {kaal_s * 1000:7.1f} ms (ter vergelijking)")
    print(
        f"vloer  (openpyxl idiomatisch, tekst met terugloop): {vloer_s * 1000:7.1f} ms (mediaan van {args.runs})"
    )
    print(
        f"render(document, 'xlsx'):                           {tool_s * 1000:7.1f} ms (mediaan van {args.runs})"
    )
    print(f"render(document, 'ocds'):                           {ocds_s * 1000:7.1f} ms")

    exe = shutil.which("inkoopkader") or str(Path(sys.executable).with_name("inkoopkader"))
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "INKOOPKADER_CACHE": os.path.join(tmp, "cache")}
        proces = {}
        for formaat in ("md", "xlsx", "ocds"):
            command = [
                exe,
                "compose",
                "--segment",
                args.segment,
                "-f",
                formaat,
                "-o",
                str(Path(tmp, f"uit.{formaat}")),
                "--force",
                "--zonder-traceerbaarheid",
            ]
            timed(command, env)  # warm the corpus cache
            proces[formaat] = statistics.median(timed(command, env) for _ in range(max(3, args.runs // 3)))
    print(
        "hele proces inkoopkader compose: "
        + ", ".join(f"-f {f} {s * 1000:.0f} ms" for f, s in proces.items())
    )
    print(
        f"verhouding xlsx/vloer: {ratio:.2f}x (doel <= 1.0x) -> {'GEHAALD' if ratio <= 1.0 else 'NIET GEHAALD'}"
    )
    return 0 if ratio <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
