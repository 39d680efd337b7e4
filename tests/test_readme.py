"""The README's Python examples work as written: the library block runs, every `import`/`from`
statement in inline code imports, and every dotted name `inkoopkader.x.y` resolves after a plain
`import inkoopkader` (in a fresh interpreter, as a reader would type it)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

_BLOK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
_INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_PAD = re.compile(r"inkoopkader(?:\.[A-Za-z_]\w*)+(?:\(.*\))?")

_CONTROLE = """
import importlib, json, sys, warnings
warnings.simplefilter("ignore", DeprecationWarning)
import inkoopkader
fouten = []
for regel in json.loads(sys.argv[1]):
    try:
        if regel.startswith(("import ", "from ")):
            exec(regel, {})
        else:
            doel = inkoopkader
            for deel in regel.split("(")[0].split(".")[1:]:
                doel = getattr(doel, deel)
    except Exception as exc:
        fouten.append(f"{regel}: {type(exc).__name__}: {exc}")
print(json.dumps(fouten))
"""


def _omgeving(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "INKOOPKADER_CACHE": os.environ.get("INKOOPKADER_CACHE", str(tmp_path / "cache"))}


def test_inline_library_names_in_the_readme_work(tmp_path: Path) -> None:
    regels = []
    for span in _INLINE.findall(README):
        if span.startswith(("import inkoopkader", "from inkoopkader")) or _PAD.fullmatch(span):
            regels.append(span)
    assert "from inkoopkader.check import format_tekst" in regels and "from inkoopkader.render.ocds import SCHEMA" in regels
    uit = subprocess.run([sys.executable, "-c", _CONTROLE, json.dumps(regels)], capture_output=True, text=True,
                         cwd=tmp_path, env=_omgeving(tmp_path), timeout=120)
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout) == []


def test_the_readme_library_block_runs(tmp_path: Path) -> None:
    blokken = _BLOK.findall(README)
    assert blokken and any("inkoopkader.compose" in b for b in blokken)
    for blok in blokken:
        uit = subprocess.run([sys.executable, "-c", blok], capture_output=True, text=True, cwd=tmp_path,
                             env=_omgeving(tmp_path), timeout=300)
        assert uit.returncode == 0, f"{blok}\n{uit.stderr}"
    assert (tmp_path / "eisen.docx").exists()
