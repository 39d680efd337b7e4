"""Where a user reads which corpus was used, the corpus version of data/corpus.yaml comes first
('corpus 2026.1 (0598a1880af9)'); the content hash alone is for the machine record."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from docx import Document as Word
from typer.testing import CliRunner

from inkoopkader.check.model import Rapport
from inkoopkader.check.samenvatting import format_tekst
from inkoopkader.cli import app
from inkoopkader.compose import compose
from inkoopkader.select import select

runner = CliRunner()


@pytest.fixture(scope="module")
def wmo(corpus):
    return compose(corpus, select(corpus, "wmo-1a"))


def test_corpus_has_a_version_and_a_hash(corpus) -> None:
    assert corpus.uitgave is not None and corpus.uitgave.versie != corpus.versie


def test_the_title_page_names_the_corpus_version_with_its_hash(corpus, wmo) -> None:
    naam = f"corpus {corpus.uitgave.versie} ({corpus.versie})"
    assert wmo.meta.corpus_naam == naam[len("corpus "):]
    word = Word(io.BytesIO(wmo.render("docx")))
    tekst = "\n".join(p.text for p in word.paragraphs)
    assert naam in tekst and f"corpus {corpus.versie}," not in tekst
    assert naam in wmo.render("md").decode()
    assert wmo.meta.corpus_versie == corpus.versie  # the record that check compares stays the hash


def test_the_check_summary_names_the_corpus_version(corpus) -> None:
    rapport = Rapport(concept="concept.md", formaat="md", segment="wmo-1a", corpus_versie=corpus.versie,
                      bron_van_selectie="segment: wmo-1a", resultaten=())
    kop = format_tekst(rapport, corpus, 200).splitlines()[0]
    assert kop.endswith(f"corpus {corpus.uitgave.versie} ({corpus.versie})"), kop
    # a report of another corpus keeps the hash it names
    ander = dataclasses.replace(rapport, corpus_versie="abc123")
    assert format_tekst(ander, corpus, 200).splitlines()[0].endswith("corpus abc123")


def test_init_on_a_current_profile_names_the_corpus_version(corpus, tmp_path: Path) -> None:
    profiel = tmp_path / "profiel.yaml"
    assert runner.invoke(app, ["init", "-s", "wmo-1a", "-o", str(profiel)]).exit_code == 0
    result = runner.invoke(app, ["init", "-o", str(profiel)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"al actueel (corpus {corpus.uitgave.versie} ({corpus.versie}))" in " ".join(result.output.split())


def test_the_web_footer_names_the_corpus_version(corpus) -> None:
    from starlette.testclient import TestClient

    from inkoopkader.web import maak_app

    web = maak_app(corpus, token="t-123", hosts=("testserver",), geheim=b"k" * 32, max_upload_mb=2)
    with TestClient(web, base_url="http://testserver") as client:
        pagina = client.get("/?token=t-123").text
    assert f"corpus {corpus.uitgave.versie} ({corpus.versie})" in pagina
