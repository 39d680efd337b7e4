"""The references found by a child process (console script, long draft) are exactly the sequential ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import inkoopkader
from inkoopkader.check import achtergrond
from inkoopkader.check.achtergrond import Achtergrond, mag_vorken
from inkoopkader.check.read import read_concept
from inkoopkader.check.references import find_verwijzingen

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "concept-bestek-wmo-1a.md"

linux = pytest.mark.skipif(
    sys.platform != "linux" or len(os.sched_getaffinity(0)) < 2, reason="forking is only used on Linux, 2+ cores"
)


@pytest.fixture
def toegestaan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(achtergrond, "_toegestaan", True)


def test_the_library_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(achtergrond, "_toegestaan", False)
    assert not mag_vorken(10**6)


@linux
def test_console_script_forks_only_for_long_drafts_and_with_two_cores(toegestaan: None, monkeypatch) -> None:
    assert mag_vorken(achtergrond.MIN_BLOKKEN)
    assert not mag_vorken(achtergrond.MIN_BLOKKEN - 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert not mag_vorken(achtergrond.MIN_BLOKKEN)


@linux
def test_child_result_equals_the_direct_result(toegestaan: None, corpus) -> None:
    draft = read_concept(EXAMPLE)
    assert Achtergrond(os.getpid, vorken=True).resultaat() != os.getpid()  # it really ran elsewhere
    direct = find_verwijzingen(draft, corpus)
    assert direct[0] and direct[1]  # the example has both kinds: a real comparison
    assert Achtergrond(lambda: find_verwijzingen(draft, corpus), vorken=True).resultaat() == direct


@linux
def test_a_failing_or_dying_child_leaves_the_step_to_the_parent() -> None:
    ouder = os.getpid()

    def alleen_hier() -> str:
        if os.getpid() != ouder:
            raise RuntimeError("in het kind")
        return "ouder"

    assert Achtergrond(alleen_hier, vorken=True).resultaat() == "ouder"

    def sterft() -> str:
        if os.getpid() != ouder:
            os._exit(3)
        return "ouder"

    assert Achtergrond(sterft, vorken=True).resultaat() == "ouder"

    def altijd_fout() -> str:
        raise ValueError("ongeldige regels")

    with pytest.raises(ValueError, match="ongeldige regels"):  # raised here, as without a child
        Achtergrond(altijd_fout, vorken=True).resultaat()


@linux
def test_afbreken_stops_and_reaps_the_child() -> None:
    import time

    achter = Achtergrond(lambda: time.sleep(60), vorken=True)
    pid = achter._pid
    assert pid is not None
    achter.afbreken()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie left behind


@linux
def test_check_with_a_child_gives_the_same_report(toegestaan: None, monkeypatch: pytest.MonkeyPatch, corpus) -> None:
    sequentieel = inkoopkader.check(EXAMPLE, corpus, segment="wmo-1a")
    monkeypatch.setattr(achtergrond, "MIN_BLOKKEN", 1)
    gevorkt: list[int] = []
    echte_fork = os.fork

    def fork() -> int:
        pid = echte_fork()
        if pid:
            gevorkt.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    parallel = inkoopkader.check(EXAMPLE, corpus, segment="wmo-1a")
    assert gevorkt
    assert parallel == sequentieel
    assert parallel.verouderd and parallel.kaderverwijzingen


@linux
def test_console_script_on_a_long_draft_forks_and_reports_the_same(tmp_path: Path) -> None:
    alinea = EXAMPLE.read_text(encoding="utf-8").split("\n\n")
    lang = tmp_path / "lang-concept.md"
    herhaald = (alinea * (achtergrond.MIN_BLOKKEN // len(alinea) + 2))[: achtergrond.MIN_BLOKKEN + 50]
    lang.write_text("\n\n".join(herhaald), encoding="utf-8")
    assert len(read_concept(lang).blokken) >= achtergrond.MIN_BLOKKEN
    env = {**os.environ, "INKOOPKADER_CACHE": str(tmp_path / "cache")}
    args = ["check", str(lang), "--segment", "wmo-1a", "--format", "json"]
    spion = (
        "import os, sys\n"
        "echt = os.fork\n"
        "def fork():\n"
        "    pid = echt()\n"
        "    if pid: os.write(2, b'GEVORKT\\n')\n"
        "    return pid\n"
        "os.fork = fork\n"
        "from inkoopkader.cli import main\n"
        "main()\n"
    )
    gevorkt = subprocess.run([sys.executable, "-c", spion, *args], env=env, capture_output=True, text=True, check=False)
    binnen = subprocess.run(
        [sys.executable, "-c", "from inkoopkader.cli import app; app()", *args],  # not main(): no fork
        env=env, capture_output=True, text=True, check=False,
    )
    assert "GEVORKT" in gevorkt.stderr, gevorkt.stderr
    assert "GEVORKT" not in binnen.stderr
    assert gevorkt.returncode == binnen.returncode == 0, gevorkt.stderr + binnen.stderr
    uit = json.loads(gevorkt.stdout)
    assert uit == json.loads(binnen.stdout)
    assert uit["verouderd"]
