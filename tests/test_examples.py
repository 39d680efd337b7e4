"""The examples a policy advisor or a gemeente copies must keep working."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from docx import Document

ROOT = Path(__file__).resolve().parent.parent


def test_policy_advisor_example_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "beleidsadvies.py"), str(tmp_path / "uit")],
        capture_output=True, text=True, check=True,
    )
    assert "Segment wmo-1a" in result.stdout and "criteria in de hoofdtekst" in result.stdout
    docx = tmp_path / "uit" / "kwaliteitseisen-wmo-1a.docx"
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Kwaliteitseisen beschermd wonen" in text and "Gemeente Voorbeeld" in text
    assert (tmp_path / "uit" / "kwaliteitseisen-wmo-1a-traceerbaarheid.csv").read_bytes().startswith("\ufeff".encode())
    wegingen = [int(w) for w in __import__("re").findall(r"weging (\d+)%", result.stdout)]
    assert wegingen and sum(wegingen) == 80, result.stdout  # 20% prijs
