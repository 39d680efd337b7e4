from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MINICORPUS = TESTS / "fixtures" / "minicorpus"  # one kader, valid and self-contained (see its README.md)
sys.path.insert(0, str(TESTS))  # for sourcecheck


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real cache; never inherit a corpus from the environment."""
    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("INKOOPKADER_CORPUS", raising=False)


@pytest.fixture(scope="session")
def corpus():
    import inkoopkader

    return inkoopkader.load_corpus(cache=False)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus directory.

    Validating it takes a second or more (five on a busy machine): use it for tests about the real data.
    A test that changes data to see how validation or loading reacts takes `mini_corpus`.
    """
    target = tmp_path / "corpus"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.fixture
def mini_corpus(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/minicorpus: one kader (8, JIJ-kader) with its tender layer,
    the segments, two laws with three duties and two staff requirements; valid, validated in ~0.1 s."""
    target = tmp_path / "minicorpus"
    shutil.copytree(MINICORPUS, target)
    return target


@pytest.fixture
def kader_corpus(tmp_path: Path):
    """A factory: `kader_corpus(6)` or `kader_corpus(2, 6)` gives a writable, valid corpus with only those
    kaders of data/ (and their tender layers) in the minicorpus around them; validated in a fraction of
    the time the full corpus takes. For tests that change one kader's data to see how validation reacts."""

    def make(*nummers: int) -> Path:
        target = tmp_path / "kadercorpus"
        shutil.copytree(MINICORPUS, target)
        for sub in ("frameworks", "inkoop"):
            for path in (target / sub).glob("*.yaml"):
                path.unlink()
            for nummer in nummers:
                (source,) = (ROOT / "data" / sub).glob(f"{nummer:02d}-*.yaml")
                shutil.copy(source, target / sub / source.name)
        return target

    return make
