"""Benchmark: reading a large composed draft (check/read/, the .docx reader) versus the python-docx floor.

The draft is the largest document compose makes: every criterion of every kader, as minimumeis where it can be one. The floor
is what the issue names for the whole check: open the same file with python-docx and read all
paragraph and table text. `read_concept` reads more than that floor (headers, footers, content
controls, fields, text boxes, nested tables, bookmarks, the recorded selection), so a ratio near or
below 1 leaves the matching stage most of the issue's 2x budget.

Run: python benchmarks/bench_read.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path


def floor(path: Path) -> int:
    from docx import Document

    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import inkoopkader
    from inkoopkader.check.read import read_concept

    corpus = inkoopkader.load_corpus()
    selectie = inkoopkader.select(corpus, "wmo-1a", ids=[c.id for c in corpus.criteria()], rol=inkoopkader.Rol.MINIMUMEIS)
    data = inkoopkader.compose(corpus, selectie).render("docx")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "alle-kaders-eis.docx"
        path.write_bytes(data)
        floor(path)  # warm imports
        read_concept(path)
        ours, base = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            concept = read_concept(path)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            count = floor(path)
            base.append(time.perf_counter() - start)
    anchors = sum(1 for b in concept.blokken if b.ankers)
    print(f"document: {len(data) / 1024:.0f} KB, {len(concept.blokken)} blocks "
          f"({anchors} anchored), python-docx floor sees {count} texts")
    print(f"read_concept      median {statistics.median(ours) * 1000:7.1f} ms (min {min(ours) * 1000:.1f})")
    print(f"python-docx floor median {statistics.median(base) * 1000:7.1f} ms (min {min(base) * 1000:.1f})")
    print(f"ratio {statistics.median(ours) / statistics.median(base):.2f}")


if __name__ == "__main__":
    main()
