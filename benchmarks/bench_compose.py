"""Benchmark: the whole `inkoopkader compose --segment wmo-1a` process versus a naive floor.

The floor is the idiomatic python-docx way to write the same amount of content: import python-docx,
add as many paragraphs as the composed document has (style passed as a style object), add a table
with as many rows (via add_row) and save. Target (issue 3): ratio <= 1.0, i.e. the complete tool,
start-up and corpus load included, is no slower than naively writing the same content.

Run: python benchmarks/bench_compose.py [--runs N] [--segment ID]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from meten import bytecode_zoals_geinstalleerd, timed

FLOOR = """
import sys
from docx import Document
paragraphs, rows, cols, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
doc = Document()
style = doc.styles["Normal"]
for i in range(paragraphs):
    doc.add_paragraph(f"Paragraaf {i} met een kwaliteitscriterium van gemiddelde lengte voor de vergelijking.", style)
table = doc.add_table(rows=1, cols=cols)
for r in range(rows):
    cells = table.add_row().cells
    for c in range(cols):
        cells[c].text = f"cel {r}.{c}"
doc.save(out)
"""


def count_content(path: Path) -> tuple[int, int, int]:
    from docx import Document

    doc = Document(str(path))
    tables = doc.tables
    rows = sum(len(t.rows) for t in tables)
    cols = max((len(t.columns) for t in tables), default=1)
    return len(doc.paragraphs), rows, cols


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--segment", default="wmo-1a")
    args = parser.parse_args()
    exe = shutil.which("inkoopkader") or str(Path(sys.executable).with_name("inkoopkader"))
    print(bytecode_zoals_geinstalleerd())
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "INKOOPKADER_CACHE": os.path.join(tmp, "cache")}
        out = Path(tmp, "doc.docx")
        tool = [exe, "compose", "--segment", args.segment, "-o", str(out), "--force"]
        timed(tool, env)  # warm the corpus cache, as on any machine after the first run
        paragraphs, rows, cols = count_content(out)
        floor = [sys.executable, "-c", FLOOR, str(paragraphs), str(rows), str(cols), str(Path(tmp, "floor.docx"))]
        tool_t, floor_t = [], []
        for _ in range(args.runs):
            tool_t.append(timed(tool, env))
            floor_t.append(timed(floor, env))
    tool_s, floor_s = statistics.median(tool_t), statistics.median(floor_t)
    ratio = tool_s / floor_s
    print(f"inhoud: {paragraphs} alinea's, tabel van {rows} rijen x {cols} kolommen ({args.segment})")
    print(f"vloer  (python-docx naïef):          {floor_s * 1000:8.0f} ms (mediaan van {args.runs})")
    print(f"inkoopkader compose --segment {args.segment}: {tool_s * 1000:8.0f} ms (mediaan van {args.runs})")
    print(f"verhouding: {ratio:.2f}x (doel <= 1.0x) -> {'GEHAALD' if ratio <= 1.0 else 'NIET GEHAALD'}")
    return 0 if ratio <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
