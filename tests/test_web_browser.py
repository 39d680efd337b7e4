"""Browser tests of the web app: pytest-playwright driving Debian's Chromium (/usr/bin/chromium).

No browser is ever downloaded (`playwright install` is not used): the launch arguments point at the
system Chromium that `.ci/run` installs. The app runs for real (uvicorn on a free loopback port, with
the access token). Each flow is one a user does without a terminal: segment -> criteria -> gunning ->
preview -> docx, and draft upload -> report. axe-core checks every page for WCAG 2.1 AA violations;
screenshots at 1280x800 go to a temporary folder and are named in the output of a failing test.
"""

from __future__ import annotations

import contextlib
import json
import re
import struct
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="pytest-playwright hoort bij de test-extra")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import Page, expect  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# A ticked criterion in the body (not ter inspiratie): unticking it lowers the count of the body.
IN_HOOFDTEKST = "li.ik-criterium:has(select option[selected]:not([value=inspiratie])) input[name=crit]:checked"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
BREEDTE, HOOGTE = 1280, 800
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        pytest.fail("Chromium ontbreekt (/usr/bin/chromium): installeer het Debian-pakket 'chromium' (.ci/run doet dat).")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):  # type: ignore[no-untyped-def]
    return {**browser_context_args, "viewport": {"width": BREEDTE, "height": HOOGTE}, "accept_downloads": True,
            "locale": "nl-NL"}


@pytest.fixture(scope="module")
def server(corpus):  # type: ignore[no-untyped-def]
    import uvicorn

    from inkoopkader.web import maak_app
    from inkoopkader.web.server import bind

    adres = bind("127.0.0.1", 0, token="browser-test-token")
    app = maak_app(corpus, token=adres.token, hosts=adres.hosts)
    uv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    draad = threading.Thread(target=uv.run, kwargs={"sockets": [adres.sock]}, daemon=True)
    draad.start()
    for _ in range(100):
        if uv.started:
            break
        time.sleep(0.05)
    yield adres
    uv.should_exit = True
    draad.join(timeout=10)


@pytest.fixture(scope="session")
def schermen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("schermafbeeldingen")


@contextlib.contextmanager
def bij_fout(page: Page, request: pytest.FixtureRequest, schermen: Path) -> Iterator[None]:
    """On failure: a screenshot of the page as it was, attached to the test report."""
    try:
        yield
    except BaseException:
        pad = schermen / f"fout-{request.node.name}.png"
        with contextlib.suppress(Exception):
            page.screenshot(path=str(pad), full_page=True)
            request.node.user_properties.append(("schermafbeelding", str(pad)))
            print(f"Schermafbeelding bij de fout: {pad}")
        raise


def scherm(page: Page, schermen: Path, naam: str) -> Path:
    pad = schermen / f"{naam}.png"
    page.screenshot(path=str(pad))
    breedte, hoogte = struct.unpack(">II", pad.read_bytes()[16:24])
    assert (breedte, hoogte) == (BREEDTE, HOOGTE)
    return pad


def toegankelijk(page: Page, wat: str) -> None:
    """axe-core: no WCAG 2.0/2.1 A or AA violation on the page as it is now."""
    resultaat = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    assert resultaat.violations_count == 0, f"{wat}: {resultaat.generate_report()}"


def test_segment_to_downloaded_docx(page: Page, server, schermen: Path, request: pytest.FixtureRequest,  # type: ignore[no-untyped-def]
                                    tmp_path: Path) -> None:
    from docx import Document as Word

    with bij_fout(page, request, schermen):
        page.goto(server.url)
        expect(page.get_by_role("heading", level=1)).to_have_text("Kwaliteitscriteria voor uw aanbesteding")
        scherm(page, schermen, "1-start")
        toegankelijk(page, "startpagina")

        page.get_by_label("Wmo 1b", exact=False).first.check()
        page.get_by_label("Aanbesteding").check()
        page.get_by_role("button", name="Verder: criteria kiezen").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Wmo 1b")
        scherm(page, schermen, "2-criteria")
        toegankelijk(page, "criteriapagina")

        telling = page.locator("#telling-hoofdtekst")
        voor = int(telling.inner_text())
        vinkje = page.locator(IN_HOOFDTEKST).first
        weg = vinkje.get_attribute("value")
        vinkje.uncheck()
        expect(telling).to_have_text(str(voor - 1))  # htmx updated the count, no reload
        assert page.url.endswith("/criteria?segment=wmo-1b&procedure=aanbesteding")

        page.get_by_role("button", name="Verder: gunningsvragen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Gunningsvragen")
        wegingen = page.locator("input.ik-weging")
        aantal = wegingen.count()
        assert aantal >= 2
        wegingen.nth(0).fill("1")
        expect(page.locator("#totaal")).to_contain_text("moet precies 100 %")
        delen = [100 // aantal] * aantal
        delen[0] += 100 - sum(delen)
        delen[0], delen[1] = delen[0] + 5, delen[1] - 5
        for i, w in enumerate(delen):
            wegingen.nth(i).fill(str(w))
        expect(page.locator("#totaal-som")).to_have_text("100")
        expect(page.locator("#totaal")).to_contain_text("Dat is precies 100 %")
        scherm(page, schermen, "3-gunning")
        toegankelijk(page, "gunningspagina")

        page.get_by_role("button", name="Voorbeeld en downloaden").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Voorbeeld en downloaden")
        page.get_by_label("Gemeente", exact=True).fill("Gemeente Voorbeeld")
        page.get_by_role("button", name="Voorbeeld bijwerken").click()
        voorbeeld = page.locator(".ik-voorbeeld")
        expect(voorbeeld).to_contain_text("Gemeente Voorbeeld")
        expect(voorbeeld).to_contain_text(f"{delen[0]}%")
        scherm(page, schermen, "4-voorbeeld")
        toegankelijk(page, "voorbeeldpagina")

        with page.expect_download() as download:
            page.get_by_role("button", name="Word-document (.docx)").click()
        assert download.value.suggested_filename == "kwaliteitscriteria-wmo-1b.docx"
        pad = tmp_path / "document.docx"
        download.value.save_as(pad)
        doc = Word(str(pad))
        tekst = "\n".join(p.text for p in doc.paragraphs)
        cellen = {c.text.strip() for t in doc.tables for r in t.rows for c in r.cells}
        assert "Gemeente Voorbeeld" in tekst + "\n".join(cellen)
        assert f"{delen[0]}%" in cellen and f"{delen[1]}%" in cellen
        assert weg not in tekst


def test_draft_upload_to_report(page: Page, server, schermen: Path, request: pytest.FixtureRequest,  # type: ignore[no-untyped-def]
                                tmp_path: Path) -> None:
    with bij_fout(page, request, schermen):
        page.goto(server.url)
        page.get_by_role("link", name="Concept controleren").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Een concept controleren")
        scherm(page, schermen, "5-controle")
        toegankelijk(page, "controlepagina")

        page.get_by_label("Concept", exact=True).set_input_files(ROOT / "examples" / "concept-bestek-wmo-1a.md")
        page.get_by_label("Segment").select_option("wmo-1a")
        page.get_by_role("button", name="Controleren").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Controle van concept-bestek-wmo-1a.md")
        expect(page.locator("#kop-verouderd")).to_contain_text("Verouderde verwijzingen (1)")
        expect(page.get_by_text("'Wet bescherming persoonsgegevens' is verouderd", exact=False)).to_be_visible()
        expect(page.locator("#poort")).to_contain_text("Poort geslaagd")
        scherm(page, schermen, "6-rapport")
        toegankelijk(page, "rapportpagina")

        with page.expect_download() as download:
            page.get_by_role("button", name="Rapport als JSON").click()
        data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert data["segment"] == "wmo-1a" and data["geslaagd"] is True and data["samenvatting"]["verouderd"] == 1


def test_forms_work_without_javascript(browser, server, schermen: Path, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport={"width": BREEDTE, "height": HOOGTE})
    page = context.new_page()
    try:
        with bij_fout(page, request, schermen):
            page.goto(server.url)
            page.get_by_label("Jeugdhulp 4", exact=False).first.check()
            page.get_by_label("Open house", exact=False).check()
            page.get_by_role("button", name="Verder: criteria kiezen").click()
            voor = int(page.locator("#telling-hoofdtekst").inner_text())
            page.locator(IN_HOOFDTEKST).first.uncheck()
            page.get_by_role("button", name="Selectie bijwerken").click()
            expect(page.locator("#telling-hoofdtekst")).to_have_text(str(voor - 1))
            page.get_by_role("button", name="Verder: plan").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Plan van aanpak")
            page.get_by_role("button", name="Opslaan en controleren").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Plan van aanpak")
            page.get_by_role("button", name="Voorbeeld en downloaden").click()  # no scale on the plan form
            expect(page.get_by_role("heading", level=1)).to_have_text("Voorbeeld en downloaden")
            expect(page.locator(".ik-voorbeeld")).to_contain_text("Plan van aanpak")
    finally:
        context.close()


def test_other_pages_are_accessible(page: Page, server, schermen: Path, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    """axe-core runs in the page, so these run with JavaScript (the flow above checks the pages without)."""
    with bij_fout(page, request, schermen):
        page.goto(server.url)
        page.get_by_label("Jeugdhulp 4", exact=False).first.check()
        page.get_by_label("Open house", exact=False).check()
        page.get_by_role("button", name="Verder: criteria kiezen").click()
        toegankelijk(page, "criteria (open house)")
        page.get_by_role("button", name="Verder: plan").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Plan van aanpak")
        toegankelijk(page, "plan (open house)")
        page.goto(server.url.split("?")[0] + "bestaat-niet")
        expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina bestaat niet.")
        toegankelijk(page, "foutpagina")
        # an input error on the gunning form: the form again, the message at the field (a browser without
        # constraint validation, or a value it lets through, reaches the server)
        page.goto(server.url.split("?")[0] + "criteria?segment=wmo-1a&procedure=aanbesteding")
        page.get_by_role("button", name="Verder: gunningsvragen").click()
        page.evaluate("document.querySelector('#vraag-0-omvang').removeAttribute('max')")
        page.locator("#vraag-0-omvang").fill("25")
        page.get_by_role("button", name="Opslaan en controleren").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Gunningsvragen")
        expect(page.locator("#vraag-0-omvang")).to_have_value("25")
        expect(page.locator("#vraag-0-omvang")).to_have_attribute("aria-invalid", "true")
        expect(page.locator("#veldfout")).to_contain_text("De omvang van vraag 1 moet een geheel getal van 1 tot en met 20")
        toegankelijk(page, "gunningsformulier met een invoerfout")


def test_screenshots_of_the_main_pages(schermen: Path) -> None:
    """Runs after the flows above (file order): every main page was captured at 1280x800."""
    namen = {p.stem for p in schermen.glob("*.png")}
    assert {"1-start", "2-criteria", "3-gunning", "4-voorbeeld", "5-controle", "6-rapport"} <= namen, namen
    assert not any(re.match("fout-", n) for n in namen), "een browsertest faalde (zie de schermafbeelding)"


def test_pages_reflow_at_320_css_pixels(browser, server, schermen: Path, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    """WCAG 1.4.10 (reflow): at 320 CSS px no page scrolls sideways; wide tables scroll inside their container."""
    context = browser.new_context(viewport={"width": 320, "height": 800}, locale="nl-NL")
    page = context.new_page()

    def past(naam: str) -> None:
        page.screenshot(path=str(schermen / f"320-{naam}.png"), full_page=True)
        breed = page.evaluate("""() => {
            const d = document.documentElement;
            const te_breed = [...document.querySelectorAll("body *")]
                .filter(e => (e.getBoundingClientRect().right + window.scrollX > d.clientWidth + 1
                              || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible")
                             && !e.closest(".utrecht-table-container > *"))
                .slice(-6).map(e => `${e.tagName}.${e.className} ${e.scrollWidth}: ${e.textContent.trim().slice(0, 40)}`);
            return {scroll: d.scrollWidth, client: d.clientWidth, te_breed};
        }""")
        assert breed["scroll"] <= breed["client"], f"{naam}: {breed}"

    try:
        with bij_fout(page, request, schermen):
            page.goto(server.url)
            past("start")
            page.get_by_label("Wmo 1a", exact=False).first.check()
            page.get_by_label("Aanbesteding").check()
            page.get_by_role("button", name="Verder: criteria kiezen").click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("Wmo 1a")
            past("criteria")
            page.get_by_role("button", name="Verder: gunningsvragen").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Gunningsvragen")
            past("gunning")
            page.get_by_role("button", name="Voorbeeld en downloaden").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Voorbeeld en downloaden")
            past("voorbeeld")
            page.goto(server.url.split("?")[0] + "controle")
            past("controle")
            page.get_by_label("Concept", exact=True).set_input_files(ROOT / "examples" / "concept-bestek-wmo-1a.md")
            page.get_by_label("Segment").select_option("wmo-1a")
            page.get_by_role("button", name="Controleren").click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("Controle van")
            past("rapport")
    finally:
        context.close()
