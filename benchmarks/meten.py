"""Shared helpers of the benchmark scripts: time a fresh process; measure code as users run it."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path


def timed(command: list[str], env: dict[str, str], *, check: bool = True) -> float:
    """Wall-clock seconds of one fresh process (output discarded)."""
    start = time.perf_counter()
    subprocess.run(command, check=check, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bytecode_zoals_geinstalleerd() -> str:
    """Compile inkoopkader's modules to bytecode, as pip does when it installs the wheel.

    An editable checkout run with PYTHONDONTWRITEBYTECODE=1 (usual in containers and CI images)
    never gets .pyc files, so every process would compile all of inkoopkader again (~40-50 ms) — a
    cost no installed user pays, while the floor's libraries (python-docx, pydantic) are compiled.
    Returns a line for the report.
    """
    import compileall

    import inkoopkader

    package = Path(inkoopkader.__file__).resolve().parent
    ok = compileall.compile_dir(str(package), quiet=1)
    return f"bytecode van {package} {'bijgewerkt' if ok else 'NIET volledig bijgewerkt'} (zoals pip bij installeren)"
