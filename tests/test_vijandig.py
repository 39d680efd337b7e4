"""Issue 17: every hostile or careless input is refused or handled fast, without a traceback.

Each class of the issue has a test with a pathological input at the size the issue names (built by
tests/vijandig.py, which benchmarks/bench_vijandig.py shares). Nothing here measures speed: a
generous guard (`binnen`) only turns a hang into a failure; benchmarks/bench_vijandig.py prints the
time and peak memory per case.
"""

from __future__ import annotations

import random
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import inkoopkader
from inkoopkader import InkoopkaderError, limieten
from inkoopkader.check.read import markdown as read_markdown
from inkoopkader.check.read import pdf as read_pdf
from inkoopkader.check.read import ConceptFout, read_bytes, read_concept, read_text

import vijandig


@contextmanager
def binnen(seconden: float = 60.0) -> Iterator[None]:
    """Fail instead of hanging. A guard against a regression to quadratic code, not a timing test."""

    def alarm(*_: object) -> None:
        raise TimeoutError(f"niet binnen {seconden:.0f} s klaar")

    oud = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconden)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, oud)


def schrijf(tmp_path: Path, naam: str, data: bytes) -> Path:
    pad = tmp_path / naam
    pad.write_bytes(data)
    return pad


def weigering(fout: BaseException, *fragmenten: str) -> str:
    """The message of a refusal, which must say each fragment and never look like a traceback."""
    melding = str(fout)
    assert isinstance(fout, InkoopkaderError)
    for fragment in fragmenten:
        assert fragment.lower() in melding.lower(), melding
    assert "Traceback" not in melding and "Interne fout" not in melding
    return melding


# --- 1. small inputs, huge cost: the readers --------------------------------------------------------


def test_unclosed_bookmarks_mark_only_their_own_paragraph(tmp_path: Path) -> None:
    with binnen():
        concept = read_concept(schrijf(tmp_path, "bladwijzers.docx", vijandig.docx_open_bladwijzers(5000)))
        odt = read_concept(schrijf(tmp_path, "bladwijzers.odt", vijandig.odt_open_bladwijzers(5000)))
    for gelezen in (concept, odt):
        assert len(gelezen.blokken) == 5000
        assert all(len(b.ankers) == 1 for b in gelezen.blokken)  # not every earlier bookmark as well
        assert gelezen.blokken[1234].ankers == (f"x{vijandig._letters(1234)}-01",)


def test_bookmarks_still_span_the_paragraphs_up_to_their_end(tmp_path: Path) -> None:
    body = ('<w:p><w:bookmarkStart w:id="1" w:name="ik_bwmo_04"/><w:r><w:t>een</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>twee</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p><w:p><w:r><w:t>drie</w:t></w:r></w:p>')
    concept = read_concept(schrijf(tmp_path, "span.docx", vijandig.docx_bytes(body)))
    assert [b.ankers for b in concept.blokken] == [("bwmo-04",), ("bwmo-04",), ()]


def test_bookmarks_spanning_a_whole_draft_mark_only_its_first_paragraphs(tmp_path: Path) -> None:
    from inkoopkader.check.read.record import _MAX_ANKER_ALINEAS

    with binnen():
        docx = read_concept(schrijf(tmp_path, "lang.docx", vijandig.docx_lange_bladwijzers(100, 60_000)))
        odt = read_concept(schrijf(tmp_path, "lang.odt", vijandig.odt_lange_bladwijzers(100, 60_000)))
    for gelezen in (docx, odt):
        assert len(gelezen.blokken) == 60_000
        eerste = gelezen.blokken[0].ankers
        assert len(eerste) == 100
        assert gelezen.blokken[_MAX_ANKER_ALINEAS - 1].ankers == eerste  # a criterion's paragraphs
        assert gelezen.blokken[_MAX_ANKER_ALINEAS].ankers == () == gelezen.blokken[-1].ankers


def test_fields_that_never_end_are_counted_not_rescanned(tmp_path: Path) -> None:
    with binnen():
        concept = read_concept(schrijf(tmp_path, "velden.docx", vijandig.docx_open_velden(80_000)))
    assert len(concept.blokken) == 2000
    assert vijandig.ZIN in concept.blokken[0].tekst and concept.blokken[0].tekst.startswith("1" * 40 + "De")


@pytest.mark.parametrize("soort", sorted(vijandig.MARKDOWN))
def test_markdown_lines_that_made_patterns_backtrack(tmp_path: Path, soort: str) -> None:
    with binnen():
        concept = read_concept(schrijf(tmp_path, f"{soort}.md", vijandig.markdown(soort, 100_000)))
    assert concept.blokken
    if soort == "kop-met-spaties":
        assert [b.tekst for b in concept.blokken] == ["a x"]


# The patterns the readers used before (they backtracked); the new code must mean the same.
_OUDE_KOP = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_OUDE_SCHEIDING = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def test_heading_and_separator_parsing_mean_what_the_patterns_meant() -> None:
    rng = random.Random(17)
    for _ in range(20_000):
        regel = "".join(rng.choice(" #\t|-:ab") for _ in range(rng.randint(0, 12)))
        oud = _OUDE_KOP.match(regel)
        assert read_markdown._kop(regel) == ((oud.group(2) or "") if oud else None), repr(regel)
        assert read_markdown._is_scheidingsrij(regel) == bool(_OUDE_SCHEIDING.match(regel)), repr(regel)


_OUDE_NADRUK = re.compile(r"(?<!\w)(?:[*_]+|~~)(?=\S)|(?<=\S)(?:[*_]+|~~)(?!\w)")


def test_emphasis_removal_means_what_the_unbounded_pattern_meant() -> None:
    rng = random.Random(23)
    for _ in range(20_000):
        regel = "".join(rng.choice(" a*_~.") for _ in range(rng.randint(0, 20)))
        assert read_markdown._md_inline(regel) == _OUDE_NADRUK.sub("", regel).replace("`", ""), repr(regel)
    with binnen():
        assert read_markdown._md_inline("a" + "_" * 50_000 + "b") == "a" + "_" * 50_000 + "b"


def test_one_long_paragraph_full_of_outdated_references(tmp_path: Path, corpus) -> None:
    from inkoopkader.check.references import find_verouderd

    with binnen():
        concept = read_concept(schrijf(tmp_path, "wbp.txt", vijandig.tekst_verouderde_wet(400_000)))
        verouderd = find_verouderd(concept, corpus)
    assert len(verouderd) > 4000  # one per sentence
    assert all(v.onderwerp == verouderd[0].onderwerp for v in verouderd)


@pytest.mark.parametrize("soort", sorted(vijandig.LANGE_ZINNEN))
def test_one_long_sentence_full_of_names_is_not_rescanned_per_name(tmp_path: Path, corpus, soort: str) -> None:
    from inkoopkader.check.references import find_verwijzingen

    with binnen():
        concept = read_concept(schrijf(tmp_path, f"{soort}.txt", vijandig.lange_zin(soort, 400_000)))
        kaders, verouderd = find_verwijzingen(concept, corpus)
    if soort == "verklaringen":
        assert len(kaders) == 1  # one reference per block, however often it is declared
    if soort == "wbp-zonder-punt":
        assert len(verouderd) == 1  # one finding per sentence


def test_sentence_bounds_by_bisection_equal_the_scan() -> None:
    from inkoopkader.check.references import _ZINSGRENS, _Tekst

    def oud(norm: str, start: int, end: int) -> tuple[int, int]:
        begin = 0
        for m in _ZINSGRENS.finditer(norm, 0, min(len(norm), start + 2)):
            if m.end() <= start:
                begin = m.end()
        m = _ZINSGRENS.search(norm, end)
        return begin, (m.start() + 1 if m else len(norm))

    rng = random.Random(4)
    for _ in range(3000):
        tekst = _Tekst.van("".join(rng.choice(["De ", "wet", ". ", "; ", "o.a. ", "Wbp", "! ", "x"])
                                   for _ in range(rng.randint(1, 30))))
        start = rng.randint(0, len(tekst.norm))
        end = rng.randint(start, len(tekst.norm))
        assert tekst.zin(start, end) == oud(tekst.norm, start, end)


def test_pdf_pages_sharing_one_content_stream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with binnen():
        fout = pytest.raises(ConceptFout, read_concept,
                             schrijf(tmp_path, "gedeeld.pdf", vijandig.pdf_gedeelde_inhoud(30, 60_000)))
    weigering(fout.value, "pagina 1", "INKOOPKADER_MAX_PDF_PAGINA=")

    # Under the limits, a shared stream is extracted once and every page still gets its text.
    geteld: list[int] = []
    origineel = read_pdf._pdf_regels
    monkeypatch.setattr(read_pdf, "_pdf_regels", lambda page: geteld.append(1) or origineel(page))
    concept = read_concept(schrijf(tmp_path, "klein.pdf", vijandig.pdf_gedeelde_inhoud(30, 20)))
    assert len(geteld) == 1
    assert {b.locatie.pagina for b in concept.blokken} == set(range(1, 31))

    monkeypatch.setenv("INKOOPKADER_MAX_PDF_INHOUD", "10KB")
    fout = pytest.raises(ConceptFout, read_concept, tmp_path / "klein.pdf")
    weigering(fout.value, "samen", "INKOOPKADER_MAX_PDF_INHOUD=")


def test_pdf_forms_count_once_per_time_they_are_drawn(tmp_path: Path) -> None:
    """A 4.5 KB PDF that draws one form 100 times ran 213 s / 1.09 GB: only /Contents was measured."""
    with binnen():
        fout = pytest.raises(ConceptFout, read_concept,
                             schrijf(tmp_path, "herhaald.pdf", vijandig.pdf_formulier_herhaald(100, 30_000)))
    weigering(fout.value, "pagina 1", "formulieren", "INKOOPKADER_MAX_PDF_PAGINA=")
    # A small form drawn a few times is read, with its text.
    concept = read_concept(schrijf(tmp_path, "klein.pdf", vijandig.pdf_formulier_herhaald(3, 2)))
    assert "meldcode" in " ".join(b.tekst for b in concept.blokken)


@pytest.mark.parametrize(("niveaus", "keer", "limiet"), [(20, 1, "PDF_NESTING"), (10, 4, "PDF_PAGINA")])
def test_pdf_nested_forms_are_bounded(tmp_path: Path, niveaus: int, keer: int, limiet: str) -> None:
    """20 levels of nested forms ran 9.7 s / 265 MB; forms that each draw the next 4 times multiply."""
    with binnen():
        fout = pytest.raises(ConceptFout, read_concept,
                             schrijf(tmp_path, "genest.pdf", vijandig.pdf_formulieren_genest(niveaus, keer)))
    weigering(fout.value, f"INKOOPKADER_MAX_{limiet}=")
    concept = read_concept(schrijf(tmp_path, "ondiep.pdf", vijandig.pdf_formulieren_genest(4, 2)))
    assert "meldcode" in " ".join(b.tekst for b in concept.blokken)


@pytest.mark.parametrize(("paginas", "regels"), [(16, 36_000), (5000, 115)])
def test_pdf_content_within_the_page_limit_is_bounded_in_total(tmp_path: Path, paginas: int, regels: int) -> None:
    """16 pages of 1.9 MB (under 2 MB a page, 32 MB in all) ran 114 s; 5,000 pages of 6 KB over 30 s."""
    with binnen():
        fout = pytest.raises(ConceptFout, read_concept,
                             schrijf(tmp_path, "veel.pdf", vijandig.pdf_paginas(paginas, regels)))
    weigering(fout.value, "samen", "INKOOPKADER_MAX_PDF_INHOUD=")


@pytest.mark.parametrize(("limiet", "waarde", "naam", "maak"), [
    ("BLADWIJZERS", "100", "b.docx", lambda: vijandig.docx_open_bladwijzers(101)),
    ("BLADWIJZERS", "100", "b.odt", lambda: vijandig.odt_open_bladwijzers(101)),
    ("VELDEN", "1000", "v.docx", lambda: vijandig.docx_open_velden(1040)),
    ("ALINEAS", "50", "a.md", lambda: ("alinea\n\n" * 51).encode()),
    ("TEKENS", "1000", "t.txt", lambda: ("woord " * 200).encode()),
    ("PDF_PAGINAS", "2", "p.pdf", lambda: vijandig.pdf_gedeelde_inhoud(3, 5)),
    ("TEKST", "1KB", "groot.md", lambda: b"# Kop\n" * 200),
    ("CONCEPT", "1KB", "groot.docx", lambda: vijandig.docx_open_bladwijzers(100)),
])
def test_every_reader_limit_names_itself_and_how_to_raise_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             limiet: str, waarde: str, naam: str, maak) -> None:
    pad = schrijf(tmp_path, naam, maak())
    read_concept(pad)  # within the default limits
    monkeypatch.setenv(f"INKOOPKADER_MAX_{limiet}", waarde)
    with pytest.raises(ConceptFout) as info:
        read_concept(pad)
    weigering(info.value, naam, f"INKOOPKADER_MAX_{limiet}=")


def test_a_limit_from_the_environment_must_be_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INKOOPKADER_MAX_CONCEPT", "veel")
    with pytest.raises(InkoopkaderError, match="INKOOPKADER_MAX_CONCEPT='veel' is geen geldige grens"):
        limieten.CONCEPT.waarde()
    monkeypatch.setenv("INKOOPKADER_MAX_CONCEPT", "2 MB")
    assert limieten.CONCEPT.waarde() == 2 * 1024 * 1024
    monkeypatch.setenv("INKOOPKADER_MAX_ALINEAS", "10MB")  # a count has no unit
    with pytest.raises(InkoopkaderError, match="geheel getal"):
        limieten.ALINEAS.waarde()


def test_zip_versions_and_huge_part_numbers_are_refusals_not_internal_errors(tmp_path: Path) -> None:
    fout = pytest.raises(ConceptFout, read_concept, schrijf(tmp_path, "versie.docx", vijandig.docx_zip_versie()))
    weigering(fout.value, "versie.docx", "niet wordt ondersteund")
    concept = read_concept(schrijf(tmp_path, "deel.docx", vijandig.docx_groot_deelnummer()))
    assert concept.blokken[0].tekst == vijandig.ZIN and concept.selectie is None


def test_bytes_are_read_by_their_content(tmp_path: Path) -> None:
    utf16 = read_bytes(("\ufeff" + vijandig.ZIN + "\n").encode("utf-16-le"))
    assert utf16.formaat == "tekst" and utf16.blokken[0].tekst == vijandig.ZIN
    pdf = read_bytes(vijandig.pdf_tekst([vijandig.ZIN]))
    assert pdf.formaat == "pdf" and vijandig.ZIN in pdf.blokken[0].tekst
    docx = read_bytes(vijandig.docx_bytes(f"<w:p><w:r><w:t>{vijandig.ZIN}</w:t></w:r></w:p>"))
    assert docx.formaat == "docx"
    cp1252 = read_bytes("Cliënt heeft regie.".encode("cp1252"))
    assert cp1252.blokken[0].tekst == "Cliënt heeft regie."
    for data, fragment in ((b"", "leeg"), (bytes(range(256)) * 8, "binaire gegevens")):
        weigering(pytest.raises(ConceptFout, read_bytes, data).value, fragment)
    with pytest.raises(InkoopkaderError, match="bytes"):
        read_bytes("tekst")  # type: ignore[arg-type]


def test_a_fifo_or_device_as_draft_is_refused_without_reading(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "concept.md"
    os.mkfifo(fifo)
    with binnen(20):
        weigering(pytest.raises(ConceptFout, read_concept, fifo).value, "geen gewoon bestand")
    weigering(pytest.raises(ConceptFout, read_concept, Path("/dev/zero")).value, "extensie")
    weigering(pytest.raises(InkoopkaderError, read_text, "x" * (10 * 1024 * 1024 + 1)).value, "INKOOPKADER_MAX_TEKST=")


# --- profiles (YAML) --------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", sorted(vijandig.PROFIELEN))
def test_hostile_profiles_are_refused_with_their_line(tmp_path: Path, corpus, soort: str) -> None:
    from inkoopkader.profile import ProfielFout, load_profile

    pad = schrijf(tmp_path, f"{soort}.yaml", vijandig.PROFIELEN[soort]())
    with binnen(), pytest.raises(ProfielFout) as info:
        load_profile(corpus, pad)
    melding = weigering(info.value, f"{soort}.yaml:")
    verwacht = {"aliasbom": "INKOOPKADER_MAX_YAML_ALIASSEN=", "complexe-sleutel": "complexe sleutel",
                "diep-genest": "INKOOPKADER_MAX_YAML_DIEPTE=", "groot-getal": "4301 cijfers",
                "stuurteken": "U+000B", "samenvoegsleutels": "'<<: *naam'"}[soort]
    assert verwacht in melding
    assert len(melding) < 1000  # never the expanded value


def test_profile_that_is_no_regular_file_or_too_large(tmp_path: Path, corpus) -> None:
    import os

    from inkoopkader.profile import load_profile

    fifo = tmp_path / "profiel.yaml"
    os.mkfifo(fifo)
    with binnen(20):
        weigering(pytest.raises(InkoopkaderError, load_profile, corpus, fifo).value, "geen gewoon bestand")
        weigering(pytest.raises(InkoopkaderError, load_profile, corpus, Path("/dev/zero")).value,
                  "geen gewoon bestand")
        groot = schrijf(tmp_path, "groot.yaml", vijandig.profiel_groot(2))
        weigering(pytest.raises(InkoopkaderError, load_profile, corpus, groot).value, "INKOOPKADER_MAX_PROFIEL=")


def test_a_few_aliases_in_a_real_profile_are_fine(tmp_path: Path, corpus) -> None:
    from inkoopkader.profile import load_profile, profiel_yaml

    tekst = profiel_yaml(corpus, "wmo-1a").replace("\ntitel: ", "\ntitel: &titel ", 1)
    tekst = re.sub(r'\nkenmerk: ""[^\n]*', "\nkenmerk: *titel", tekst, count=1)
    profiel = load_profile(corpus, schrijf(tmp_path, "alias.yaml", tekst.encode()))
    assert profiel.kenmerk == profiel.titel


# --- 3. ways around the rules: writing -------------------------------------------------------------


def test_concurrent_writers_without_force_never_both_write(tmp_path: Path) -> None:
    import threading

    from inkoopkader.output import write_atomic

    doel = tmp_path / "eisen.docx"
    for ronde in range(5):
        doel.unlink(missing_ok=True)
        start = threading.Barrier(6)
        uitslag: list[str] = []

        def schrijver(n: int) -> None:
            start.wait()
            try:
                write_atomic(doel, f"schrijver {n}".encode())
                uitslag.append(f"schrijver {n}")
            except InkoopkaderError as exc:
                assert "bestaat al" in str(exc)

        draden = [threading.Thread(target=schrijver, args=(n,)) for n in range(6)]
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join()
        assert len(uitslag) == 1, (ronde, uitslag)
        assert doel.read_text() == uitslag[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eisen.docx"]  # no temporary files left


def test_symlinks_devices_and_fifos_are_never_replaced(tmp_path: Path) -> None:
    import os

    from inkoopkader.output import controleer_doel, write_atomic

    elders = tmp_path / "elders.txt"
    elders.write_text("van iemand anders")
    koppeling = tmp_path / "rapport.json"
    koppeling.symlink_to(elders)
    fifo = tmp_path / "rapport.xml"
    os.mkfifo(fifo)
    for doel, fragment in ((koppeling, "symbolische koppeling"), (fifo, "pijp (FIFO)")):
        for force in (False, True):
            with binnen(20):
                weigering(pytest.raises(InkoopkaderError, write_atomic, doel, b"x", force=force).value, fragment)
    assert koppeling.is_symlink() and elders.read_text() == "van iemand anders"
    assert fifo.is_fifo()
    # /dev/null is only looked at here: controleer_doel refuses before anything would be written.
    weigering(pytest.raises(InkoopkaderError, controleer_doel, Path("/dev/null"), force=True).value, "apparaat")
    for leeg in ("", ".", "map/.."):
        weigering(pytest.raises(InkoopkaderError, controleer_doel, Path(leeg), force=True).value, "bestandsnaam")


def test_force_still_replaces_a_regular_file_and_keeps_its_mode(tmp_path: Path) -> None:
    from inkoopkader.output import write_atomic

    doel = tmp_path / "eisen.md"
    doel.write_text("oud")
    doel.chmod(0o640)
    weigering(pytest.raises(InkoopkaderError, write_atomic, doel, b"nieuw").value, "bestaat al")
    write_atomic(doel, b"nieuw", force=True)
    assert doel.read_text() == "nieuw" and doel.stat().st_mode & 0o777 == 0o640


# --- 3. the disk cache --------------------------------------------------------------------------------


def _entry(soort: str, document: dict) -> bytes:
    import hashlib
    import json

    from inkoopkader import cache

    inhoud = json.dumps(document).encode()
    return cache.FORMAAT + hashlib.sha256(inhoud).hexdigest().encode() + b"\n" + inhoud


def test_no_code_runs_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import pickle

    from inkoopkader import cache

    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path))
    gewaarschuwd = tmp_path / "uitgevoerd"

    class Kwaad:
        def __reduce__(self):  # what a planted pickle does on loading
            return (os.system, (f"touch {gewaarschuwd}",))

    sleutel = "a" * 64
    cache.write("corpus", sleutel, (1, "twee"))
    assert cache.read("corpus", sleutel) == (1, "twee")
    (tmp_path / f"corpus-{sleutel[:40]}.pickle").write_bytes(pickle.dumps(Kwaad()))  # the old name
    pad = tmp_path / f"corpus-{sleutel[:40]}.json"
    for document in (
        {"soort": "corpus", "sleutel": sleutel, "typen": [["os", "system", []]], "waarde": ["o", 0]},
        {"soort": "corpus", "sleutel": sleutel, "typen": [["inkoopkader.cache", "Path", []]], "waarde": ["o", 0]},
        {"soort": "corpus", "sleutel": sleutel, "typen": [["inkoopkader.model", "Item", ["tekst"]]],
         "waarde": ["o", 0, "veld ontbreekt"]},  # Item has two fields now: written by other code
        {"soort": "anders", "sleutel": sleutel, "typen": [], "waarde": 1},
        {"soort": "corpus", "sleutel": "b" * 64, "typen": [], "waarde": 1},
    ):
        pad.write_bytes(_entry("corpus", document))
        assert cache.read("corpus", sleutel) is None
    assert not gewaarschuwd.exists()
    pad.write_bytes(pickle.dumps(Kwaad()))
    assert cache.read("corpus", sleutel) is None and not gewaarschuwd.exists()


def test_a_planted_or_corrupt_entry_is_ignored_and_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from inkoopkader import cache

    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path))
    sleutel = "c" * 64
    cache.write("kaderverwijzingen", sleutel, {"kaders": [1, 2]})
    (pad,) = tmp_path.glob("kaderverwijzingen-*.json")
    goed = pad.read_bytes()
    assert cache.read("kaderverwijzingen", sleutel) == {"kaders": [1, 2]}
    pad.chmod(0o666)  # writable by anyone: a shared directory
    assert cache.read("kaderverwijzingen", sleutel) is None
    pad.chmod(0o600)
    if os.geteuid() == 0:
        os.chown(pad, 4242, 4242)  # another user's file
        assert cache.read("kaderverwijzingen", sleutel) is None
        os.chown(pad, 0, 0)
    rng = random.Random(7)
    for _ in range(300):  # flipped bytes, truncation, garbage: never an exception, never a wrong value
        data = bytearray(goed)
        if rng.random() < 0.5:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        else:
            del data[rng.randrange(len(data)):]
        pad.write_bytes(bytes(data))
        assert cache.read("kaderverwijzingen", sleutel) in (None, {"kaders": [1, 2]})
        assert bytes(data) == goed or cache.read("kaderverwijzingen", sleutel) is None


def test_check_survives_every_cache_entry_being_garbage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       corpus) -> None:
    from inkoopkader.check import match, references, taal

    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path))
    tekst = vijandig.ZIN + " Opdrachtnemer werkt conform het JIJ-kader en de Wbp."
    taal._load.cache_clear()  # what this process has in memory already: read from the disk cache
    references._MEMO.clear()
    match._VOORBEREID.clear()
    eerst = inkoopkader.check(tekst, corpus, segment="wmo-1a", tekst=True)
    entries = list(tmp_path.glob("*.json"))
    assert {p.name.split("-")[0] for p in entries} >= {"matching", "kaderverwijzingen", "synoniemen"}
    rng = random.Random(1)
    for pad in entries:
        pad.write_bytes(bytes(rng.randrange(256) for _ in range(2000)))
    taal._load.cache_clear()
    references._MEMO.clear()
    match._VOORBEREID.clear()
    assert inkoopkader.check(tekst, corpus, segment="wmo-1a", tekst=True) == eerst
    herschreven = {p.name.split("-")[0] for p in tmp_path.glob("*.json") if p.read_bytes().startswith(b"inkoopkader")}
    assert herschreven >= {"matching", "kaderverwijzingen", "synoniemen"}  # read again, so rebuilt


# --- 3. the pre-commit hook ---------------------------------------------------------------------------


def test_the_hook_checks_files_whose_names_start_with_a_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from inkoopkader.cli.hook import main, split_args

    monkeypatch.chdir(tmp_path)
    for naam in ("-concept.md", "--strikt.md", "--vereist=bwmo-01.md"):
        (tmp_path / naam).write_text("Een concept zonder de vereiste criteria.\n", encoding="utf-8")
    args = ["--segment", "wmo-1a", "--vereist", "bwmo-04", "-concept.md", "--strikt.md", "--vereist=bwmo-01.md"]
    assert split_args(args) == ([], ["--segment", "wmo-1a", "--vereist", "bwmo-04"],
                                ["-concept.md", "--strikt.md", "--vereist=bwmo-01.md"])
    assert main(args) == 1  # each file checked, and each misses bwmo-04
    uit = capsys.readouterr()
    assert "Traceback" not in uit.err
    # An unknown option that is no file is passed on, so check refuses it: the hook fails, never passes.
    assert split_args(["--segmnt", "wmo-1a", "a.md"])[1] == ["--segmnt"]
    (tmp_path / "a.md").write_text(vijandig.ZIN, encoding="utf-8")
    assert main(["--segmnt", "wmo-1a", "a.md"]) == 2


# --- 2. the library raises its own errors -----------------------------------------------------------


def test_library_arguments_of_the_wrong_type_give_the_projects_own_errors(corpus) -> None:
    from inkoopkader.errors import ArgumentFout

    gevallen = [
        (lambda: inkoopkader.select(corpus, "wmo-1a", ids="bwmo-04"), "Bedoelt u ids=['bwmo-04']"),
        (lambda: inkoopkader.select(corpus, "wmo-1a", kaders="8"), "kaders moet een lijst"),
        (lambda: inkoopkader.select(corpus, "wmo-1a", kaders=[True]), "kaders bevat True"),
        (lambda: inkoopkader.select(corpus, 1), "segment moet"),
        (lambda: inkoopkader.select(None, "wmo-1a"), "corpus moet een Corpus"),
        (lambda: inkoopkader.compose(corpus, "wmo-1a"), "selectie moet een Selectie"),
        (lambda: inkoopkader.check(123, corpus, segment="wmo-1a"), "bron moet"),
        (lambda: inkoopkader.check("x", corpus, segment="wmo-1a", tekst=True, vereist="bwmo-04"), "vereist moet"),
        (lambda: inkoopkader.check("x", corpus, segment="wmo-1a", tekst=True, min_dekking=float("nan")), "nan"),
        (lambda: inkoopkader.check("x", corpus, segment="wmo-1a", tekst=True, min_dekking="80%"), "min_dekking moet"),
        (lambda: inkoopkader.check("x", corpus, segment="wmo-1a", tekst=True, min_dekking=1.5), "tussen 0 en 1"),
        (lambda: inkoopkader.find(corpus, None), "zoekterm moet"),
        (lambda: inkoopkader.resolve_kader(corpus, 10 ** 5000), "meer dan 900 cijfers"),
        (lambda: inkoopkader.resolve_kader(corpus, "9" * 4301), "Onbekend kader"),
        (lambda: inkoopkader.resolve_kader(corpus, "²"), "Onbekend kader"),
        (lambda: inkoopkader.resolve_thema(None), "thema moet"),
        (lambda: read_concept(42), "pad"),
    ]
    for aanroep, fragment in gevallen:
        with pytest.raises(InkoopkaderError) as info:
            aanroep()
        weigering(info.value, fragment)
        assert len(str(info.value)) < 700  # never the whole value
    assert issubclass(ArgumentFout, TypeError)  # what Python's own error would have been


_SEL = lambda corpus: inkoopkader.select(corpus, "wmo-1a", ids=["bwmo-04"])  # noqa: E731
_DOC = lambda corpus: inkoopkader.compose(corpus, _SEL(corpus))  # noqa: E731


@pytest.mark.parametrize(("aanroep", "fragment"), [
    (lambda c: inkoopkader.compose(c, _SEL(c), titel="A\uffffB"), "titel (--titel) bevat een teken"),
    (lambda c: inkoopkader.compose(c, _SEL(c), gemeente="\ufffe"), "U+FFFE op positie 1"),
    (lambda c: inkoopkader.compose(c, _SEL(c), kenmerk="2027-\uffff"), "kenmerk"),
    (lambda c: inkoopkader.compose(c, _SEL(c), versie="1\uffff"), "versie"),
    (lambda c: inkoopkader.check("x", c, segment="wmo-1a", tekst=True, personeel="pe-vog-jeugd"),
     "personeel=['pe-vog-jeugd']"),
    (lambda c: inkoopkader.find(c, "x", themas="organisatie"), "themas moet een lijst"),
    (lambda c: inkoopkader.select(c, "wmo-1a", rol_per_criterium={"bwmo-04": "bogus"}), "Onbekende rol 'bogus'"),
    (lambda c: inkoopkader.select(c, "wmo-1a", rol_per_criterium=[1]), "rol_per_criterium moet een dict"),
    (lambda c: inkoopkader.render(_DOC(c), 5), "formaat moet"),
    (lambda c: _DOC(c).save(5), "pad moet"),
    (lambda c: inkoopkader.load_corpus(5), "path moet"),
    (lambda c: inkoopkader.check("x", c, segment="wmo-1a", tekst=True, profiel=5), "profiel moet"),
    (lambda c: inkoopkader.find(c, "x", limiet="5"), "limiet moet"),
    (lambda c: c.criterium(5), "criterium_id moet"),
    (lambda c: c.kader("8"), "nummer moet"),
])
def test_library_arguments_and_metadata_give_the_projects_own_errors(corpus, aanroep, fragment: str) -> None:
    """Each gave a TypeError, AttributeError, KeyError, lxml's ValueError, a wrong answer ([]) or
    read a text letter by letter ("Onbekende personeelseis 'p'")."""
    with pytest.raises(InkoopkaderError) as info:
        aanroep(corpus)
    weigering(info.value, fragment)


def test_rol_per_criterium_accepts_a_role_written_as_text(corpus) -> None:
    selectie = inkoopkader.select(corpus, "wmo-1a", ids=["bwmo-04"], rol_per_criterium={"bwmo-04": "minimumeis"})
    assert selectie.verzoek.rol_per_criterium == (("bwmo-04", inkoopkader.Rol.MINIMUMEIS),)


def test_non_xml_characters_on_the_command_line_exit_2(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    uit = subprocess.run([sys.executable, "-m", "inkoopkader", "compose", "-s", "wmo-1a", "--titel", "A\uffffB",
                          "-f", "md", "-o", "-"], capture_output=True, text=True, env=os.environ)
    assert uit.returncode == 2 and "--titel" in uit.stderr and "positie 2" in uit.stderr
    assert "Traceback" not in uit.stderr and "Interne fout" not in uit.stderr


def test_control_characters_in_document_metadata(corpus, tmp_path: Path) -> None:
    from inkoopkader.check.read import read_selectie

    selectie = inkoopkader.select(corpus, "wmo-1a", ids=["bwmo-04"])
    doc = inkoopkader.compose(corpus, selectie, titel="Inkoop\vWmo", gemeente="Gemeente\x00Voorbeeld",
                              kenmerk="2027\udcff014")
    assert doc.meta.titel == "Inkoop Wmo" and doc.meta.gemeente == "Gemeente Voorbeeld"
    pad = doc.save(tmp_path / "eisen.docx")  # Word refuses control characters: they are spaces now
    assert read_selectie(pad)["segment"] == "wmo-1a"
    assert "Inkoop Wmo" in doc.render("md").decode()


def test_unknown_function_level_is_refused_with_the_known_ones(corpus) -> None:
    from inkoopkader.errors import OnbekendeWaarde

    selectie = inkoopkader.select(corpus, "jeugdhulp-4")
    with pytest.raises(OnbekendeWaarde) as info:
        inkoopkader.compose(corpus, selectie, personeel=True, functieniveaus=["Z"])
    weigering(info.value, "Onbekend functieniveau 'Z'", "A, B, C, D")
    with pytest.raises(OnbekendeWaarde, match="Bedoelt u 'wce-niv-b'"):
        inkoopkader.compose(corpus, selectie, personeel=True, functieniveaus=["wce-niv-bb"])


def test_validate_refuses_a_segment_listed_twice_in_one_kader(kader_corpus) -> None:
    from inkoopkader import validate_corpus

    data_copy = kader_corpus(1)
    pad = data_copy / "frameworks" / "01-beschermd-wonen-mo.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("    relevantie: specifiek\n", "    relevantie: specifiek\n  - id: wmo-1a\n"
                                 "    relevantie: algemeen\n", 1), encoding="utf-8")
    bevindingen = [str(b) for b in validate_corpus(data_copy)]
    assert any("segment 'wmo-1a' staat meer dan eens" in b and "specifiek en algemeen" in b for b in bevindingen)


def test_a_long_search_query_is_refused_before_scoring(corpus) -> None:
    from inkoopkader.errors import LimietFout

    with binnen(20), pytest.raises(LimietFout) as info:
        inkoopkader.find(corpus, "meldcode " * 11_000)
    weigering(info.value, "zoekterm", "INKOOPKADER_MAX_ZOEKTERM=")
    with pytest.raises(LimietFout):
        inkoopkader.select(corpus, "wmo-1a", zoekterm="x" * 201)
    assert inkoopkader.find(corpus, "meldcode huiselijk geweld " * 7)  # 182 characters: fine


# --- templates ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def klein_document(corpus):
    return inkoopkader.compose(corpus, inkoopkader.select(corpus, "wmo-1a", ids=["bwmo-04"]))


def test_hostile_templates_are_refused_before_they_cost_anything(klein_document, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    gevallen = {
        "bom.dotx": (vijandig.sjabloon_content_types_bom(20), "zip-bom"),
        "versleuteld.docx": (vijandig.sjabloon_versleuteld(), "versleuteld"),
        "leeg.docx": (vijandig.sjabloon_zonder_body(), "w:body ontbreekt"),
        "versie.docx": (vijandig.docx_zip_versie(), "niet wordt ondersteund"),
    }
    for naam, (data, fragment) in gevallen.items():
        with binnen(20), pytest.raises(InkoopkaderError) as info:
            klein_document.render("docx", sjabloon=schrijf(tmp_path, naam, data))
        weigering(info.value, naam, fragment)
    monkeypatch.setenv("INKOOPKADER_MAX_SJABLOON", "1KB")
    with pytest.raises(InkoopkaderError) as info:
        klein_document.render("docx", sjabloon=tmp_path / "bom.dotx")
    weigering(info.value, "INKOOPKADER_MAX_SJABLOON=")


def test_an_external_attached_template_is_not_copied(klein_document, tmp_path: Path) -> None:
    import zipfile

    sjabloon = schrijf(tmp_path, "huisstijl.docx", vijandig.sjabloon_extern_attached())
    data = klein_document.render("docx", sjabloon=sjabloon)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        alles = b"".join(z.read(n) for n in z.namelist())
    assert vijandig.EXTERN_SJABLOON.encode() not in alles and b"attachedTemplate" not in alles


# --- the command line: exit 2 and a Dutch message, never 1 or a traceback ---------------------------


def cli(*args: str, input: bytes | None = None):
    from typer.testing import CliRunner

    from inkoopkader.cli import app

    resultaat = CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})
    assert resultaat.exception is None or isinstance(resultaat.exception, SystemExit), repr(resultaat.exception)
    assert "Traceback" not in resultaat.output
    return resultaat


def run_cli(*args: str | bytes, stdin: object = None, stdout: object = None, timeout: float = 60,
            **kwargs: object):
    """The console script in a fresh process (as `inkoopkader` is installed: inkoopkader.__main__)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "inkoopkader", *args], stdin=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, env=env, timeout=timeout, **kwargs)


@pytest.mark.parametrize(("args", "fragment"), [
    (["compose", "-s", "wmo-1a", "-o", ""], "geen bestandsnaam"),
    (["check", "concept.md", "-s", "wmo-1a", "-o", ""], "geen bestandsnaam"),
    (["compose", "-s", "wmo-1a", "--kader", "9" * 4300, "-f", "md", "-o", "-"], "Onbekend kader '999"),
    (["compose", "-s", "jeugdhulp-4", "--personeel", "--functieniveau", "Z", "-f", "md", "-o", "-"],
     "Onbekend functieniveau 'Z'"),
    (["search", "meldcode " * 11_000], "INKOOPKADER_MAX_ZOEKTERM="),
    (["compose", "-s", "wmo-1a", "--zoek", "x" * 300, "-f", "md", "-o", "-"], "INKOOPKADER_MAX_ZOEKTERM="),
    (["check", "concept.md", "-s", "wmo-1a", "--min-dekking", "1_0"], "--min-dekking"),
    (["check", "-", "-s", "wmo-1a"], "binaire gegevens"),
])
def test_bad_input_on_the_command_line_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               args: list[str], fragment: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "concept.md").write_text(vijandig.ZIN + "\n", encoding="utf-8")
    with binnen():
        resultaat = cli(*args, input=bytes(range(256)) * 4 if "-" in args else None)
    assert resultaat.exit_code == 2, resultaat.output
    assert fragment in resultaat.output, resultaat.output


@pytest.mark.parametrize(("waarde", "verwacht"), [
    ("0.8", 0.8), ("0,8", 0.8), ("80%", 0.8), ("80 %", 0.8), ("80", 0.8), ("12,5%", 0.125), ("1", 0.01),
    ("100", 1.0), ("100%", 1.0), ("0", 0.0), (" 0.75 ", 0.75),
    ("1.0000001", None), ("1,5", None), ("1_0", None), ("1e-1", None), ("nan", None), ("inf", None),
    ("-0.5", None), ("101", None), ("150%", None), ("0.8.1", None), ("80%%", None), ("", None), ("٨٠", None),
])
def test_min_dekking_is_parsed_strictly(waarde: str, verwacht: float | None) -> None:
    from inkoopkader.cli import _parse_dekking

    if verwacht is None:
        with pytest.raises(InkoopkaderError, match="--min-dekking"):
            _parse_dekking(waarde)
    else:
        assert _parse_dekking(waarde) == pytest.approx(verwacht)


def test_standard_input_is_read_by_its_content(tmp_path: Path) -> None:
    import json

    zin = "Opdrachtnemer houdt zich aan de Wet bescherming persoonsgegevens."
    utf16 = ("\ufeff" + zin + "\n").encode("utf-16-le")
    for data, formaat in ((utf16, "tekst"), (vijandig.pdf_tekst([zin]), "pdf")):
        resultaat = cli("check", "-", "-s", "wmo-1a", "-f", "json", input=data)
        assert resultaat.exit_code == 0, resultaat.output
        rapport = json.loads(resultaat.stdout)
        assert rapport["concept"]["formaat"] == formaat
        assert [v["tekst"] for v in rapport["verouderd"]] == [zin]  # the text was read, not its bytes
    doel = tmp_path / "rapport.txt"
    resultaat = cli("check", "-", "-s", "wmo-1a", "-o", str(doel), input=b"De organisatie \xff heeft een meldcode.\n")
    assert resultaat.exit_code == 0 and doel.exists()  # Windows-1252 as a fallback, no UnicodeDecodeError


def test_control_characters_and_invalid_utf8_in_options(tmp_path: Path) -> None:
    doel = tmp_path / "eisen.docx"
    resultaat = cli("compose", "-s", "wmo-1a", "--id", "bwmo-04", "--titel", "Inkoop\vWmo", "--gemeente",
                    "Gemeente\x0cVoorbeeld", "--kenmerk", "A\x1bB", "--versie", "2\v0", "-o", str(doel))
    assert resultaat.exit_code == 0, resultaat.output
    from inkoopkader.check.read import read_selectie

    assert read_selectie(doel)["segment"] == "wmo-1a"
    resultaat = cli("compose", "-s", "wmo-1a", "--titel", "a\udcffb", "-f", "md", "-o", "-")
    assert resultaat.exit_code == 2 and "--titel" in resultaat.output and "UTF-8" in resultaat.output


def test_draft_names_and_arguments_that_are_not_utf8(tmp_path: Path) -> None:
    import os

    naam = os.fsencode(tmp_path) + b"/concept-\xff.md"
    with open(naam, "wb") as handle:
        handle.write((vijandig.ZIN + "\n").encode())
    for args in ([b"check", naam, b"-s", b"wmo-1a", b"-f", b"json"], [b"check", naam, b"-s", b"wmo-1a"],
                 [b"check", naam, b"-s", b"wmo-\xff"], [b"segments", b"\xff"]):
        resultaat = run_cli(*args, stdout=__import__("subprocess").PIPE)
        assert b"Traceback" not in resultaat.stderr, resultaat.stderr.decode(errors="replace")
        assert resultaat.returncode in (0, 1, 2)
    resultaat = run_cli(b"check", naam, b"-s", b"wmo-1a", b"-f", b"json", b"-o", os.fsencode(tmp_path / "r.json"))
    assert resultaat.returncode == 0 and b"concept-\\udcff.md" in (tmp_path / "r.json").read_bytes()


def test_a_full_or_closed_standard_output_is_an_io_error(tmp_path: Path) -> None:
    import subprocess

    for args in (["segments"], ["frameworks", "-f", "json"], ["compose", "-s", "wmo-1a", "-f", "md", "-o", "-"]):
        with open("/dev/full", "wb") as vol:
            resultaat = run_cli(*args, stdout=vol)
        assert resultaat.returncode == 2 and b"geen ruimte meer" in resultaat.stderr, resultaat.stderr
        gesloten = run_cli(*args, stdout=None, close_fds=True, pass_fds=(), preexec_fn=lambda: __import__("os").close(1))
        assert gesloten.returncode == 2 and b"gesloten" in gesloten.stderr, gesloten.stderr
        assert b"Traceback" not in resultaat.stderr + gesloten.stderr
    # A reader that stops early (`| head`): no traceback, no message.
    proces = subprocess.Popen([__import__("sys").executable, "-m", "inkoopkader", "frameworks", "8"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proces.stdout.read(10)
    proces.stdout.close()
    _, fout = proces.communicate(timeout=60)
    assert b"Traceback" not in fout


def test_standard_input_without_end_is_refused(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as nul:
        resultaat = run_cli("check", "-", "-s", "wmo-1a", stdin=nul)
    assert resultaat.returncode == 2 and b"INKOOPKADER_MAX_STDIN=" in resultaat.stderr


def test_ctrl_c_at_any_moment_ends_quietly(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    concept = schrijf(tmp_path, "groot.txt", vijandig.tekst_verouderde_wet(400_000))
    for wachten in (0.15, 0.3, 0.6, 1.0):
        proces = subprocess.Popen([sys.executable, "-m", "inkoopkader", "check", str(concept), "-s", "wmo-1a",
                                   "-o", str(tmp_path / "rapport.txt"), "--force"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(wachten)
        proces.send_signal(signal.SIGINT)
        _, fout = proces.communicate(timeout=60)
        assert b"Traceback" not in fout, fout.decode()
        assert proces.returncode in (130, 0, 1), (wachten, proces.returncode, fout)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no half-written file


# --- 3. CSV formulas and Markdown metadata ---------------------------------------------------------


def test_spreadsheet_cells_never_start_a_formula_and_markdown_metadata_stays_text(corpus) -> None:
    import csv
    import io

    from inkoopkader.check.read import read_text
    from inkoopkader.text import csv_veilig, md_tekst

    for waarde in ("=HYPERLINK(\"http://x\")", "+31 6", "-1+1", "@SUM(A1)", "\t=1", "\r=1"):
        assert csv_veilig(waarde) == "'" + waarde
    assert csv_veilig("Gemeente") == "Gemeente" and csv_veilig(2019) == 2019
    assert md_tekst("a\n# Kop\n<img src=x onerror=alert(1)>") == "a # Kop &lt;img src=x onerror=alert(1)&gt;"
    assert md_tekst("[klik](javascript:alert(1)) **vet** a|b") == "\\[klik\\](javascript:alert(1)) \\*\\*vet\\*\\* a\\|b"

    # The renderers use them (a criterion whose text starts with '-' is what a hostile corpus could hold).
    selectie = inkoopkader.select(corpus, "wmo-1a", ids=["bwmo-04"])
    doc = inkoopkader.compose(corpus, selectie, titel="Eisen\n<script>alert(1)</script>", gemeente="=cmd|'/c calc'!A1",
                              kenmerk="2027\n## Nep-hoofdstuk")
    rijen = list(csv.reader(io.StringIO(doc.render("csv").decode("utf-8-sig")), delimiter=";"))
    assert all(not cel.startswith(("=", "+", "-", "@")) for rij in rijen for cel in rij)
    md = doc.render("md").decode()
    assert "<script>" not in md and "\n## Nep-hoofdstuk" not in md
    assert md.splitlines()[0] == "# Eisen &lt;script&gt;alert(1)&lt;/script&gt;"
    assert "- **Gemeente:** =cmd\\|'/c calc'!A1" in md
    assert read_text(md).blokken[0].tekst == "Eisen <script>alert(1)</script>"  # check reads it back as text


# --- the limits themselves -----------------------------------------------------------------------------


def test_the_readme_lists_every_limit_as_the_code_has_it() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    tabel = readme.split("### Grenzen aan invoer", 1)[1].split("\n\n", 3)[2]
    verwacht = ["| omgevingsvariabele | standaard | geldt voor |", "|---|---|---|"]
    verwacht += [f"| `{l.omgevingsvariabele}` | {l.tekst(l.standaard)} | {l.geldt_voor} |" for l in limieten.ALLE]
    assert tabel.splitlines() == verwacht
    assert len({l.naam for l in limieten.ALLE}) == len(limieten.ALLE)


def test_the_defaults_let_a_long_real_document_through_with_room_to_spare(corpus, tmp_path: Path) -> None:
    """The largest document compose makes (every criterion of every kader, about 135 pages) uses a
    small part of each limit; a 300-page tender is about twice as large."""
    import zipfile

    selectie = inkoopkader.select(corpus, "wmo-1a", ids=[c.id for c in corpus.criteria()])
    pad = inkoopkader.compose(corpus, selectie).save(tmp_path / "alles.docx")
    concept = read_concept(pad)
    with zipfile.ZipFile(pad) as z:
        xml = z.read("word/document.xml")
        onderdelen, uitgepakt = len(z.infolist()), sum(i.file_size for i in z.infolist())
    gebruik = {
        limieten.CONCEPT: pad.stat().st_size,
        limieten.ALINEAS: len(concept.blokken),
        limieten.TEKENS: sum(len(b.tekst) for b in concept.blokken),
        limieten.BLADWIJZERS: xml.count(b"<w:bookmarkStart"),
        limieten.VELDEN: xml.count(b'w:fldCharType="begin"') + xml.count(b"<w:fldSimple"),
        limieten.ZIP_ONDERDELEN: onderdelen,
        limieten.ZIP_UITGEPAKT: uitgepakt,
    }
    for limiet, aantal in gebruik.items():
        assert aantal * 10 < limiet.standaard, (limiet.naam, aantal)


def test_the_pdf_limits_let_a_300_page_tender_through(corpus, tmp_path: Path) -> None:
    """The PDF of every criterion (LibreOffice, about 24 KB of content a page) is read; 300 such
    pages fit in the total PDF limit."""
    import shutil

    import pypdf

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice ontbreekt")
    selectie = inkoopkader.select(corpus, "wmo-1a", ids=[c.id for c in corpus.criteria()])
    pad = inkoopkader.compose(corpus, selectie).save(tmp_path / "alles.pdf")
    assert read_concept(pad).blokken
    paginas = pypdf.PdfReader(pad).pages
    inhoud = sum(len(p.get_contents().get_data()) for p in paginas)
    assert inhoud / len(paginas) * 300 < limieten.PDF_INHOUD.standaard


def test_cache_entries_of_the_wrong_structure_are_rebuilt(tmp_path: Path) -> None:
    """An entry with a valid hash but other types (another version sharing the cache) broke `check`
    for good ("Interne fout … meld het probleem"); a corpus with its kaders emptied made compose
    write a document without requirements."""
    import dataclasses
    import json
    import os
    import subprocess
    import sys

    from inkoopkader import cache

    env = {**os.environ, "INKOOPKADER_CACHE": str(tmp_path)}
    voorbeeld = Path(__file__).resolve().parents[1] / "examples" / "concept-bestek-wmo-1a.md"
    check = [sys.executable, "-m", "inkoopkader", "check", str(voorbeeld), "-s", "wmo-1a"]
    compose = [sys.executable, "-m", "inkoopkader", "compose", "-s", "wmo-1a", "--id", "bwmo-04", "-f", "md", "-o", "-"]
    goed = subprocess.run(check, capture_output=True, text=True, env=env)
    assert goed.returncode in (0, 1), goed.stderr

    def sleutel(soort: str) -> str:
        (pad,) = tmp_path.glob(f"{soort}-*.json")
        return json.loads(pad.read_bytes().split(b"\n", 2)[2])["sleutel"]

    oud = os.environ.get("INKOOPKADER_CACHE")
    os.environ["INKOOPKADER_CACHE"] = str(tmp_path)
    try:
        corpus_sleutel, matching_sleutel = sleutel("corpus"), sleutel("matching")
        corpus, voorbereid = cache.read("corpus", corpus_sleutel), cache.read("matching", matching_sleutel)
        assert corpus is not None and voorbereid is not None
        for soort, sl, fout in (
            ("matching", matching_sleutel, dataclasses.replace(voorbereid, n="veel", df=[1])),
            ("corpus", corpus_sleutel, dataclasses.replace(corpus, versie=5, kaders=("kader",))),
            ("corpus", corpus_sleutel, dataclasses.replace(corpus, kaders=())),
        ):
            cache.write(soort, sl, fout)
            uit = subprocess.run(check, capture_output=True, text=True, env=env)
            assert uit.returncode == goed.returncode and "Interne fout" not in uit.stderr, uit.stderr
            assert uit.stdout == goed.stdout
            document = subprocess.run(compose, capture_output=True, text=True, env=env)
            assert document.returncode == 0 and "bwmo-04" in document.stdout.lower(), document.stderr
            assert cache.read(soort, sl) is not None  # rebuilt and rewritten
    finally:
        if oud is None:
            del os.environ["INKOOPKADER_CACHE"]
        else:
            os.environ["INKOOPKADER_CACHE"] = oud


def test_the_cache_format_round_trips_every_kind_of_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         corpus) -> None:
    import datetime as dt
    import math

    from inkoopkader import cache
    from inkoopkader.check.match import _Eenheid
    from inkoopkader.model import Thema

    monkeypatch.setenv("INKOOPKADER_CACHE", str(tmp_path))
    eenheid = _Eenheid("tekst", "De organisatie", {"organisati": 0.5, "a": 1.0, "b": 2.0, "c": 3.0}, 6.5)
    waarde = {
        "getallen": {"a": 0.1, "b": -0.0, "c": math.inf, "d": 1e-300, "e": 2.5},
        "rij": (0.1, 0.2, 0.30000000000000004, 1 / 3),
        "leeg": (), "sets": ({"x", "y"}, frozenset({("a", 1)})), "datum": dt.date(2020, 1, 1),
        "thema": Thema.VAKMANSCHAP, 7: [None, True, "t\udcff"], "eenheid": eenheid,
        "verplichting": corpus.wettelijk[0],  # a NamedTuple holding a NamedTuple (Wet)
    }
    cache.write("proef", "k" * 64, waarde)
    terug = cache.read("proef", "k" * 64)
    assert terug == waarde and math.copysign(1, terug["getallen"]["b"]) == -1
    assert terug["eenheid"].termen == eenheid.termen and terug["eenheid"].waarden == eenheid.waarden
    assert type(terug["verplichting"]) is type(corpus.wettelijk[0]) and type(terug["verplichting"].wet).__name__ == "Wet"
    cache.write("corpus", "c" * 64, corpus)
    assert cache.read("corpus", "c" * 64) == corpus
    ingepakt = cache.inpakken(waarde["eenheid"])  # packed inside an entry, unpacked when needed
    assert isinstance(ingepakt, str) and cache.uitpakken(ingepakt).termen == eenheid.termen
    with pytest.raises(ValueError):
        cache.uitpakken('[[["os", "system", []]], ["o", 0]]')  # only the package's own types
    cache.write("vreemd", "v" * 64, object())  # unknown types are not cached at all
    assert cache.read("vreemd", "v" * 64) is None and not list(tmp_path.glob("vreemd-*"))
