"""Benchmark: the pathological inputs of issue 17, each as one `inkoopkader` process.

Per case the wall-clock time, the peak memory (RSS) of the process, its exit code and the verdict
against the issue's bar: a result (exit 0 or 1) within 5 s, or a refusal (exit 2) within 1 s, under
500 MB, never a traceback. The inputs are built by tests/vijandig.py, which the tests share.

Run: python benchmarks/bench_vijandig.py [--timeout S] [--filter TEKST]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from meten import bytecode_zoals_geinstalleerd

ROOT = Path(__file__).resolve().parents[1]
GRENS_RESULTAAT = 5.0
GRENS_WEIGERING = 1.0
GRENS_MB = 500


def _begrens_geheugen() -> None:
    """At most 4 GB of address space: a regression must not take a shared machine's memory."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def run(argv: list[str], stdin: Path | None, env: dict[str, str], timeout: float, module: str = "inkoopkader",
        cwd: Path | None = None) -> tuple[float, float, int | None, str]:
    """(seconds, peak RSS in MB, exit code or None on timeout, stderr) of one fresh process."""
    command = [sys.executable, "-m", module, *argv]
    invoer = open(stdin, "rb") if stdin is not None else subprocess.DEVNULL  # noqa: SIM115
    fout = tempfile.TemporaryFile()
    try:
        start = time.perf_counter()
        proces = subprocess.Popen(command, stdin=invoer, stdout=subprocess.DEVNULL, stderr=fout, env=env,
                                  start_new_session=True, preexec_fn=_begrens_geheugen, cwd=cwd)
        code: int | None = None
        while True:
            pid, status, gebruik = os.wait4(proces.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - start > timeout:
                os.killpg(proces.pid, signal.SIGKILL)
                _, _, gebruik = os.wait4(proces.pid, 0)
                break
            time.sleep(0.005)
        duur = time.perf_counter() - start
        proces.returncode = code if code is not None else -9  # reaped by wait4 above
        fout.seek(0)
        stderr = fout.read().decode("utf-8", "replace")
    finally:
        fout.close()
        if stdin is not None:
            invoer.close()  # type: ignore[union-attr]
    return duur, gebruik.ru_maxrss / 1024, code, stderr


def oordeel(duur: float, mb: float, code: int | None, stderr: str, uitkomst: str, verwacht: int | None) -> str:
    if code is None:
        return "TE LANG"
    if verwacht is not None and code != verwacht:
        return f"EXITCODE {code}, VERWACHT {verwacht}"
    if "Traceback" in stderr:
        return "TRACEBACK"
    if "Interne fout" in stderr:
        return "INTERNE FOUT"
    if mb > GRENS_MB:
        return "TE VEEL GEHEUGEN"
    if code == 2:
        return "ok" if duur <= GRENS_WEIGERING else "weigering te traag"
    if code in (0, 1):
        if uitkomst == "weigering":
            return "NIET GEWEIGERD"
        return "ok" if duur <= GRENS_RESULTAAT else "te traag"
    return f"exitcode {code}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="stop a case after this many seconds")
    parser.add_argument("--filter", default="", help="only cases whose name contains this text")
    parser.add_argument("--meldingen", action="store_true", help="print the last line of stderr per case")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / "tests"))
    from vijandig import Geval, gevallen

    print(bytecode_zoals_geinstalleerd())
    map_ = Path(tempfile.mkdtemp(prefix="vijandig-"))
    cache = map_ / "cache"
    env = {**os.environ, "INKOOPKADER_CACHE": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("INKOOPKADER_CORPUS", None)
    try:
        subprocess.run([sys.executable, "-c", "import inkoopkader; inkoopkader.load_corpus()"], env=env, check=True)
        lijst = gevallen(map_ / "invoer")
        # Every cache entry garbage: check must rebuild them, not fail (and never blame the draft).
        kapot = map_ / "cache-kapot"
        shutil.copytree(cache, kapot)
        for entry in kapot.iterdir():
            entry.write_bytes(os.urandom(4096))
        lijst.append(Geval("cache: elk item onleesbaar", "omweg",
                           ["check", str(ROOT / "examples" / "concept-bestek-wmo-1a.md"), "--segment", "wmo-1a"],
                           env={"INKOOPKADER_CACHE": str(kapot)}, code=0))
        lijst = [g for g in lijst if args.filter in g.naam]
        print(f"{'geval':44} {'tijd':>7} {'piek RSS':>9} {'exit':>4}  oordeel")
        slecht = 0
        for geval in lijst:
            duur, mb, code, stderr = run(geval.argv, geval.stdin, {**env, **geval.env}, args.timeout,
                                         geval.module, geval.map)
            uitslag = oordeel(duur, mb, code, stderr, geval.uitkomst, geval.code)
            slecht += uitslag != "ok"
            tijd = f">{args.timeout:.0f} s" if code is None else f"{duur:5.2f} s"
            print(f"{geval.naam[:44]:44} {tijd:>7} {mb:6.0f} MB {code if code is not None else '-':>4}  {uitslag}",
                  flush=True)
            if args.meldingen and stderr.strip():
                print("    " + stderr.strip().splitlines()[-1][:200])
        print(f"{len(lijst) - slecht} van {len(lijst)} gevallen binnen de grens (resultaat ≤ {GRENS_RESULTAAT:.0f} s, "
              f"weigering ≤ {GRENS_WEIGERING:.0f} s, ≤ {GRENS_MB} MB, geen traceback)")
    finally:
        shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    main()
