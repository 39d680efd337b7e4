"""Page counts: the body of the composed document for every segment and procedure, measured with LibreOffice.

Issue 'Aanbestedingsklaar' sets the target: the body (everything before the first annex) is at most
20 pages for each of the 12 segments under each of the three procedures. The default document has no
annexes, so its page count is the body's; with --bijlagen the script also counts the full document.

Run: python benchmarks/bench_paginas.py [--bijlagen] [--markdown]
(needs soffice and pdfinfo: LibreOffice and poppler-utils)
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOEL = 20


def paginas(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bijlagen", action="store_true", help="tel ook het document met bijlagen")
    parser.add_argument("--markdown", action="store_true", help="druk de tabel af als Markdown (voor de README)")
    args = parser.parse_args()
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None or shutil.which("pdfinfo") is None:
        print("LibreOffice (soffice) en pdfinfo (poppler-utils) zijn nodig.", file=sys.stderr)
        return 2

    import inkoopkader
    from inkoopkader import Procedure

    corpus = inkoopkader.load_corpus()
    varianten = [False, True] if args.bijlagen else [False]
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        namen = []
        for segment in corpus.segmenten:
            for procedure in Procedure:
                for bijlagen in varianten:
                    naam = f"{segment.id}--{procedure.value}{'--bijlagen' if bijlagen else ''}"
                    selectie = inkoopkader.select(corpus, segment.id, procedure=procedure)
                    inkoopkader.compose(corpus, selectie, bijlagen=bijlagen).save(map_ / f"{naam}.docx")
                    namen.append(naam)
        profiel = map_ / "lo-profiel"
        subprocess.run([exe, f"-env:UserInstallation={profiel.as_uri()}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(map_), *(str(map_ / f"{n}.docx") for n in namen)],
                       capture_output=True, text=True, timeout=900, check=False)
        telling = {n: paginas(map_ / f"{n}.pdf") for n in namen}

    procedures = [p.value for p in Procedure]
    kop = ["segment", *procedures] + ([f"{p} + bijlagen" for p in procedures] if args.bijlagen else [])
    if args.markdown:
        print("| " + " | ".join(kop) + " |")
        print("|---|" + "---:|" * (len(kop) - 1))
    else:
        print("  ".join(f"{k:>22}" if i else f"{k:<14}" for i, k in enumerate(kop)))
    for segment in corpus.segmenten:
        rij = [str(telling[f"{segment.id}--{p}"]) for p in procedures]
        if args.bijlagen:
            rij += [str(telling[f"{segment.id}--{p}--bijlagen"]) for p in procedures]
        if args.markdown:
            print(f"| {segment.id} | " + " | ".join(rij) + " |")
        else:
            print(f"{segment.id:<14}" + "".join(f"{r:>24}" for r in rij))
    lichaam = [v for k, v in telling.items() if not k.endswith("--bijlagen")]
    ok = max(lichaam) <= DOEL
    print(f"\nhoofdtekst: {min(lichaam)}–{max(lichaam)} pagina's (doel <= {DOEL}) -> {'GEHAALD' if ok else 'NIET GEHAALD'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
