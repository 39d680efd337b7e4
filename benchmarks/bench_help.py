"""Benchmark of `inkoopkader --help` (and a usage error) against `python -c "import typer"`.

Help and usage errors are what a new user sees first, often several times in a row; they should
cost little more than starting typer itself. The floor is a fresh `python -c "import typer"`; the
tool is the installed console script `inkoopkader --help`, and, for information, `inkoopkader check
--help` and a usage error (`inkoopkader compose --segmnt x`, exit 2). Runs are interleaved
(rotating who goes first) and the machine load is printed, since the machine is shared.

Also checked: `--help` imports neither rich, pydantic, ruamel.yaml nor the corpus code.

Target (issue 15): median of `inkoopkader --help` <= 1.5 x the floor.

Run: python benchmarks/bench_help.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from meten import bytecode_zoals_geinstalleerd, timed

DOEL = 1.5
ZWAAR = ("rich", "pydantic", "ruamel.yaml", "inkoopkader.corpus", "inkoopkader.model", "rapidfuzz")

GELADEN = """
import sys
sys.argv = ["inkoopkader", "--help"]
from inkoopkader.cli import main
import inkoopkader.cli.basis as basis
basis._exit_now = lambda code: None
try:
    main()
except SystemExit:
    pass
print(" ".join(m for m in %r if m in sys.modules), file=sys.stderr)
""" % (ZWAAR,)


def _belasting() -> str:
    try:
        een, vijf, _ = os.getloadavg()
    except OSError:
        return "onbekend"
    return f"{een:.2f} (1 min), {vijf:.2f} (5 min) op {os.cpu_count()} kernen"


def zware_imports() -> list[str]:
    """The heavy modules a `--help` run imports (should be none)."""
    run = subprocess.run([sys.executable, "-c", GELADEN], capture_output=True, text=True, check=False)
    return run.stderr.strip().splitlines()[-1].split() if run.stderr.strip() else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    exe = shutil.which("inkoopkader") or str(Path(sys.executable).with_name("inkoopkader"))
    print(bytecode_zoals_geinstalleerd())
    env = {**os.environ, "COLUMNS": "100"}
    commando = {
        "vloer": [sys.executable, "-c", "import typer"],
        "help": [exe, "--help"],
        "check --help": [exe, "check", "--help"],
        "gebruiksfout": [exe, "compose", "--segmnt", "x"],
    }
    for naam, cmd in commando.items():  # warm the file cache
        timed(cmd, env, check=naam in ("vloer", "help", "check --help"))
    tijden: dict[str, list[float]] = {naam: [] for naam in commando}
    volgorde = list(commando.items())
    belasting_voor = _belasting()
    for run in range(args.runs):
        k = run % len(volgorde)
        for naam, cmd in volgorde[k:] + volgorde[:k]:  # rotate who goes first
            tijden[naam].append(timed(cmd, env, check=naam != "gebruiksfout"))
    belasting_na = _belasting()
    mediaan = {naam: statistics.median(t) for naam, t in tijden.items()}
    minimum = {naam: min(t) for naam, t in tijden.items()}
    print(f"machinebelasting: vooraf {belasting_voor}; achteraf {belasting_na}")
    print(f"{args.runs} runs, om en om (mediaan / minimum):")
    for naam in commando:
        verhouding = "" if naam == "vloer" else f"  -> {mediaan[naam] / mediaan['vloer']:.2f}x"
        print(f"  {naam:<34} {mediaan[naam] * 1000:5.0f} / {minimum[naam] * 1000:4.0f} ms{verhouding}")
    zwaar = zware_imports()
    print(f"zware modules bij --help: {', '.join(zwaar) if zwaar else 'geen'}")
    ratio = mediaan["help"] / mediaan["vloer"]
    gehaald = ratio <= DOEL and not zwaar
    print(f"verhouding inkoopkader --help: {ratio:.2f}x (doel <= {DOEL}x) -> {'GEHAALD' if gehaald else 'NIET GEHAALD'}")
    return 0 if gehaald else 1


if __name__ == "__main__":
    sys.exit(main())
