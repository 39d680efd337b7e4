"""The corpus ships inside the wheel and loads from an installation elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installed_elsewhere_loads_the_corpus(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = dist.glob("inkoopkader-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    # Every data file ships (compared with data/ itself), except the test cases next to the data
    # (data/check/cases/, run by tests/test_check_gevallen.py; they ship in the sdist with tests/).
    data = ROOT / "data"
    expected = {f"inkoopkader/data/{p.relative_to(data).as_posix()}" for p in data.rglob("*")
                if p.is_file() and p.relative_to(data).parts[:2] != ("check", "cases")}
    assert expected <= set(names), sorted(expected - set(names))[:5]
    assert "inkoopkader/data/check/kaderverwijzingen.yaml" in names
    assert not [n for n in names if n.startswith("inkoopkader/data/check/cases/")]
    assert any(p.parts[:2] == ("check", "cases") for p in (q.relative_to(data) for q in data.rglob("*.yaml")))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        check=True, capture_output=True,
    )
    # Dependencies come from the test environment. A .pth entry is appended after the new venv's
    # own site-packages, so the freshly installed package wins over any editable install.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    Path(site, "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    env = {**os.environ, "INKOOPKADER_CACHE": str(tmp_path / "cache")}
    env.pop("INKOOPKADER_CORPUS", None)
    code = (
        "import inkoopkader, json; c = inkoopkader.load_corpus();"
        "print(json.dumps([inkoopkader.__file__, c.pad, len(c.kaders), sum(1 for _ in c.criteria())]))"
    )
    out = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path, env=env)
    module_file, corpus_dir, kaders, criteria = json.loads(out.stdout)
    assert Path(module_file).is_relative_to(venv)
    assert Path(corpus_dir).is_relative_to(venv) and Path(corpus_dir).name == "data"
    assert (kaders, criteria) == (15, 604)

    cli = subprocess.run(
        [str(venv / "bin" / "inkoopkader"), "segments", "wmo-1a", "--format", "json"],
        check=True, capture_output=True, text=True, cwd=tmp_path, env=env,
    )
    assert json.loads(cli.stdout)["segment"]["id"] == "wmo-1a"

    # The JSON Schema of the OCDS export ships inside the package (issue 16).
    code = "import json; from inkoopkader.render.ocds import SCHEMA; print(json.loads(SCHEMA.read_text())['$id'])"
    schema = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path,
                            env=env)
    assert schema.stdout.strip() == "urn:inkoopkader:schema:ocds-gunningscriteria:1"
