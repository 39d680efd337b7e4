from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
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
    """A writable copy of the bundled corpus directory."""
    import shutil

    target = tmp_path / "corpus"
    shutil.copytree(ROOT / "data", target)
    return target
