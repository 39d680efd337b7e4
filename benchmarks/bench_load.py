"""Benchmark: warm corpus load versus the floor `python -c "import pydantic"`.

Target (issue 2): a warm `python -c "import inkoopkader; inkoopkader.load_corpus()"` takes at most
1.3x the time of `python -c "import pydantic"`. Each command runs in a fresh process, alternating,
and the medians are compared. Run: python benchmarks/bench_load.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile

from meten import bytecode_zoals_geinstalleerd, timed

FLOOR = "import pydantic"
SUBJECT = "import inkoopkader; inkoopkader.load_corpus()"
TARGET = 1.3


def run(code: str, env: dict[str, str]) -> float:
    return timed([sys.executable, "-c", code], env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    print(bytecode_zoals_geinstalleerd())
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "INKOOPKADER_CACHE": cache}
        cold = run(SUBJECT, env)  # fills the cache
        floor, subject = [], []
        for _ in range(args.runs):
            floor.append(run(FLOOR, env))
            subject.append(run(SUBJECT, env))
    floor_ms, subject_ms = statistics.median(floor) * 1000, statistics.median(subject) * 1000
    ratio = subject_ms / floor_ms
    print(f"koude load (cache leeg):       {cold * 1000:7.1f} ms")
    print(f"vloer  `{FLOOR}`:        {floor_ms:7.1f} ms (mediaan van {args.runs})")
    print(f"warme load `{SUBJECT}`: {subject_ms:7.1f} ms (mediaan van {args.runs})")
    print(f"verhouding: {ratio:.2f}x (doel <= {TARGET}x) -> {'GEHAALD' if ratio <= TARGET else 'NIET GEHAALD'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
