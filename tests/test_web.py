"""Route tests of the web app (`inkoopkader serve`) with Starlette's TestClient.

Access token and Host check, CSRF on every POST, upload limits checked before reading, hostile
uploads through the same defences as `check`, Dutch error pages without tracebacks, and the flows:
segment -> criteria -> gunning -> preview -> downloads, profile up- and download, draft -> report.
"""

from __future__ import annotations

import base64
import io
import json
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
import zlib
from http.cookiejar import CookieJar
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from starlette.testclient import TestClient

import inkoopkader
from inkoopkader.document import Schaalniveau
from inkoopkader.model import Rol
from inkoopkader.profile import load_profile
from inkoopkader.render.html import fragment
from inkoopkader.web import WebNietGeinstalleerd, controleer_installatie, maak_app
from inkoopkader.web.staat import Staat, Vraagkeuze

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "proef-token-123"
HOST = "testserver"


@pytest.fixture(scope="module")
def web_app(corpus):  # type: ignore[no-untyped-def]
    return maak_app(corpus, token=TOKEN, hosts=(HOST,), geheim=b"k" * 32, max_upload_mb=2)


@pytest.fixture
def client(web_app):  # type: ignore[no-untyped-def]
    """A client that has opened the token URL (so it holds the access and CSRF cookies)."""
    with TestClient(web_app, base_url=f"http://{HOST}") as c:
        r = c.get(f"/?token={TOKEN}")
        assert r.status_code == 200
        yield c


def csrf(html: str) -> str:
    match = re.search(r"csrf=([0-9a-f]{64})", html)
    assert match, "geen CSRF-token in de pagina"
    return match.group(1)


def staat_uit(html: str) -> str:
    match = re.search(r'name="staat" value="([^"]*)"', html)
    assert match
    import html as html_module

    return html_module.unescape(match.group(1))


def criteria_form(html: str) -> dict[str, object]:
    """The criteria form as a browser would post it unchanged (ticked boxes, selected roles)."""
    velden: dict[str, object] = {
        "staat": staat_uit(html), "formulier": "criteria",
        "getoond": re.search(r'name="getoond" value="([^"]*)"', html).group(1),  # type: ignore[union-attr]
        "kaders_getoond": re.search(r'name="kaders_getoond" value="([^"]*)"', html).group(1),  # type: ignore[union-attr]
        "crit": re.findall(r'name="crit" value="([^"]+)" id="[^"]+" checked', html),
        "kader": re.findall(r'name="kader" value="(\d+)" id="[^"]+" checked', html),
    }
    for cid, blok in re.findall(r'name="rol-([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        velden[f"rol-{cid}"] = re.search(r'value="([^"]+)" selected', blok).group(1)  # type: ignore[union-attr]
    for nummer in re.findall(r'name="verwijzing-(\d+)-getoond"', html):
        velden[f"verwijzing-{nummer}-getoond"] = "ja"
        if re.search(rf'name="verwijzing-{nummer}" value="ja" id="[^"]+" checked', html):
            velden[f"verwijzing-{nummer}"] = "ja"
    return velden


def telling(html: str) -> int:
    return int(re.search(r'id="telling-hoofdtekst">(\d+)<', html).group(1))  # type: ignore[union-attr]


def open_criteria(client: TestClient, segment: str = "wmo-1a", procedure: str = "aanbesteding") -> str:
    r = client.get(f"/criteria?segment={segment}&procedure={procedure}")
    assert r.status_code == 200, r.text
    return r.text


# --- access, host, headers --------------------------------------------------------------------------


def test_token_sets_cookie_and_redirects_without_it(web_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(web_app, base_url=f"http://{HOST}") as c:
        r = c.get("/criteria?segment=wmo-1a")
        assert r.status_code == 403 and "toegangstoken" in r.text and "Traceback" not in r.text
        assert c.get(f"/?token={TOKEN}x", follow_redirects=False).status_code == 403
        r = c.get(f"/criteria?segment=wmo-1a&token={TOKEN}", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/criteria?segment=wmo-1a"
        cookie = r.headers["set-cookie"]
        assert f"ik_toegang={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert c.get("/criteria?segment=wmo-1a").status_code == 200  # the cookie does from now on
        # no open redirect through the token URL
        r = c.get(f"//evil.example/?token={TOKEN}", follow_redirects=False)
        assert r.headers["location"] == "/"


def test_host_header_is_checked(client: TestClient) -> None:
    r = client.get("/", headers={"host": "evil.example"})
    assert r.status_code == 400 and "niet via dit adres" in r.text


def test_security_headers_on_pages_and_errors(client: TestClient) -> None:
    for r in (client.get("/"), client.get("/bestaat-niet")):
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
        assert r.headers["cache-control"] == "no-store"
    r = client.get("/bestaat-niet")
    assert r.status_code == 404 and "Deze pagina bestaat niet" in r.text and '<html lang="nl"' in r.text
    statisch = client.get("/static/vendor/htmx/htmx.min.js")
    assert statisch.status_code == 200 and "htmx" in statisch.text and "cache-control" not in statisch.headers


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for html in (client.get("/").text, open_criteria(client), client.get("/controle").text):
        assert "<script>" not in html and " style=" not in html and "<style" not in html
        assert '<script src="/static/vendor/htmx/htmx.min.js" defer></script>' in html


# --- CSRF -------------------------------------------------------------------------------------------


def test_every_post_needs_the_csrf_token(client: TestClient) -> None:
    html = open_criteria(client)
    token = csrf(html)
    velden = criteria_form(html)
    for pad in ("/criteria", "/criteria/telling", "/gunning", "/voorbeeld", "/download/docx", "/profiel", "/controle",
                "/controle/download/json"):
        geen = client.post(pad, data=velden)
        assert geen.status_code == 403 and "CSRF" in geen.text, pad
        fout = client.post(f"{pad}?csrf={'0' * 64}", data=velden)
        assert fout.status_code == 403, pad
    r = client.post(f"/criteria?csrf={token}", data=velden, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403 and "andere website" in r.text
    r = client.post(f"/criteria?csrf={token}", data=velden, headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    assert client.post(f"/criteria?csrf={token}", data=velden, headers={"sec-fetch-site": "same-origin"}).status_code == 200
    # the token belongs to this browser's cookie: another browser's token is refused
    with TestClient(client.app, base_url=f"http://{HOST}") as ander:
        ander.get(f"/?token={TOKEN}")
        assert ander.post(f"/criteria?csrf={token}", data=velden).status_code == 403


def test_other_methods_are_refused(client: TestClient) -> None:
    r = client.put(f"/criteria?csrf={csrf(client.get('/').text)}", content=b"x")
    assert r.status_code == 405


def test_start_page_lists_the_usual_offer_as_text(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    import html as html_module

    tekst = html_module.unescape(client.get("/").text)
    segment = next(s for s in corpus.segmenten if len(s.gebruikelijk_aanbod) > 1)
    assert "Gebruikelijk aanbod:</strong> " + "; ".join(segment.gebruikelijk_aanbod) in tekst
    assert "('" not in tekst and "')" not in tekst


# --- criteria, counts and roles ---------------------------------------------------------------------


def test_criteria_page_shows_segment_kaders_and_counts(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    html = open_criteria(client)
    selectie = inkoopkader.select(corpus, "wmo-1a")
    assert telling(html) == len(selectie.lichaam)
    for kader, _ in corpus.kaders_voor_segment("wmo-1a"):
        assert f'name="kader" value="{kader.nummer}"' in html
    assert html.count('name="crit"') == 50  # paginated
    assert "pagina 1 van" in html


def test_unknown_segment_is_a_dutch_400_with_suggestion(client: TestClient) -> None:
    r = client.get("/criteria?segment=wmo-1x")
    assert r.status_code == 400 and "Bedoelt u" in r.text and "Traceback" not in r.text


def test_unticking_and_roles_change_the_counts(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    html = open_criteria(client)
    token = csrf(html)
    velden = criteria_form(html)
    eerste = velden["crit"][0]  # type: ignore[index]
    velden["crit"] = velden["crit"][1:]  # type: ignore[index]
    r = client.post(f"/criteria/telling?csrf={token}", data=velden)
    assert r.status_code == 200 and 'id="telling"' in r.text and "<html" not in r.text
    assert telling(r.text) == telling(html) - 1
    # a role the tender layer allows: the criterion moves to the inspiration annex
    tweede = velden["crit"][0]  # type: ignore[index]
    velden[f"rol-{tweede}"] = "inspiratie"
    r = client.post(f"/criteria?csrf={token}", data=velden)
    assert r.status_code == 200 and telling(r.text) == telling(html) - 2
    staat = Staat.uit_json(staat_uit(r.text))
    assert eerste in staat.uitgesloten and dict(staat.rollen)[tweede] is Rol.INSPIRATIE
    # a role it cannot serve is refused with the tender layer's reason
    kan_niet = next(k for k in inkoopkader.select(corpus, "wmo-1a").lichaam
                    if not k.gebruik.kan(Rol.GESCHIKTHEIDSEIS) and k.criterium.id in velden["getoond"])  # type: ignore[operator]
    velden[f"rol-{kan_niet.criterium.id}"] = "geschiktheidseis"
    r = client.post(f"/criteria?csrf={token}", data=velden)
    assert r.status_code == 400 and "kan geen geschiktheidseis zijn" in r.text


def test_unticking_a_kader_removes_its_criteria(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    html = open_criteria(client)
    velden = criteria_form(html)
    velden["kader"] = [k for k in velden["kader"] if k != "1"]  # type: ignore[union-attr]
    r = client.post(f"/criteria?csrf={csrf(html)}", data=velden)
    staat = Staat.uit_json(staat_uit(r.text))
    assert 1 in staat.zonder_kaders
    assert all(k.kader.nummer != 1 for k in staat.selecteer(corpus).keuzes)
    assert telling(r.text) < telling(html)


def test_filters_search_and_pages(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    html = open_criteria(client)
    velden = criteria_form(html)
    r = client.post(f"/criteria?csrf={csrf(html)}", data={**velden, "f_zoek": "meldcode", "pagina": "1"})
    treffers = {h.criterium.id for h in inkoopkader.find(corpus, "meldcode", segment="wmo-1a", limiet=None)}
    getoond = set(re.findall(r'name="crit" value="([^"]+)"', r.text))
    assert treffers and getoond == treffers
    r = client.post(f"/criteria?csrf={csrf(html)}", data={**velden, "f_thema": "vakmanschap", "f_kader": "7"})
    ids = re.findall(r'name="crit" value="([^"]+)"', r.text)
    assert ids and all(corpus.criterium(i).kader == 7 and "vakmanschap" in [t.value for t in corpus.criterium(i).thema]
                       for i in ids)
    r = client.post(f"/criteria?csrf={csrf(html)}", data={**velden, "pagina": "2"})
    tweede = re.findall(r'name="crit" value="([^"]+)"', r.text)
    assert tweede and not set(tweede) & set(re.findall(r'name="crit" value="([^"]+)"', html))
    # the choices of page 1 survive a visit to page 2 (they travel in the hidden field)
    velden["crit"] = velden["crit"][1:]  # type: ignore[index]
    r = client.post(f"/criteria?csrf={csrf(html)}", data={**velden, "pagina": "2"})
    assert criteria_form(html)["crit"][0] in Staat.uit_json(staat_uit(r.text)).uitgesloten  # type: ignore[index]


def test_tampered_state_is_a_400(client: TestClient) -> None:
    html = open_criteria(client)
    for staat in ("{niet json", '{"segment": "wmo-1a", "prijs": "veel"}', '{"segment": 3}', '{"segment":"wmo-1a","x":1}'):
        r = client.post(f"/voorbeeld?csrf={csrf(html)}", data={"staat": staat})
        assert r.status_code == 400 and "selectie" in r.text.lower() and "Traceback" not in r.text


# --- gunning ---------------------------------------------------------------------------------------


def _gunning(client: TestClient, segment: str = "wmo-1a") -> tuple[str, str]:
    html = open_criteria(client, segment)
    r = client.post(f"/gunning?csrf={csrf(html)}", data=criteria_form(html))
    assert r.status_code == 200, r.text
    return r.text, csrf(html)


def gunning_form(html: str) -> dict[str, object]:
    velden: dict[str, object] = {"staat": staat_uit(html), "formulier": "gunning"}
    for naam in ("aantal_vragen", "aspecten", "aantal_niveaus"):
        gevonden = re.search(rf'name="{naam}" value="([^"]*)"', html)
        if gevonden:  # the scale only on a scored procedure's form
            velden[naam] = gevonden.group(1)
    for naam, waarde in re.findall(r'name="((?:vraag|niveau)-[^"]+)" value="([^"]*)"', html):
        if not naam.endswith("-weg"):  # checkboxes, unticked
            velden[naam] = waarde
    for naam, waarde in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', html):
        velden[naam] = waarde
    prijs = re.search(r'name="prijs" value="(\d+)"', html)
    if prijs:
        velden["prijs"] = prijs.group(1)
        velden["ondergrens"] = "6"
    for cid, blok in re.findall(r'name="aspect-([^"]+)">(.*?)</select>', html, re.S):
        velden[f"aspect-{cid}"] = re.search(r'value="([^"]+)" selected', blok).group(1)  # type: ignore[union-attr]
    return velden


def test_gunning_wegingen_must_total_100(client: TestClient) -> None:
    html, token = _gunning(client)
    velden = gunning_form(html)
    aantal = int(velden["aantal_vragen"])  # type: ignore[arg-type]
    assert aantal >= 2
    assert "Dat is precies 100 %" in html  # the default: equal shares
    velden["vraag-0-weging"] = str(int(velden["vraag-0-weging"]) + 5)  # type: ignore[arg-type]
    r = client.post(f"/gunning/totaal?csrf={token}", data=velden)
    assert r.status_code == 200 and 'id="totaal-som">105<' in r.text and "moet precies 100 %" in r.text
    r = client.post(f"/voorbeeld?csrf={token}", data=velden)
    assert r.status_code == 422 and "105%" in r.text and "in plaats van 100%" in r.text  # compose's own message
    velden["prijs"] = "20"
    wegingen = [80 // aantal] * aantal
    wegingen[0] += 80 - sum(wegingen)
    for i, w in enumerate(wegingen):
        velden[f"vraag-{i}-weging"] = str(w)
    velden["vraag-0-titel"] = "Regie bij de cliënt"
    velden["vraag-0-omvang"] = "4"
    r = client.post(f"/voorbeeld?csrf={token}", data=velden)
    assert r.status_code == 200, r.text
    assert "Regie bij de cliënt" in r.text and f"{wegingen[0]}%" in r.text and "maximaal 4 A4" in r.text
    md = client.post(f"/download/md?csrf={token}", data={"staat": staat_uit(r.text)}).text
    assert f"**Weging:** {wegingen[0]}%" in md and "| Prijs | 20% |" in md


@pytest.mark.parametrize(("veld", "waarde", "melding"), [
    ("vraag-0-weging", "abc", "De weging van vraag 1 moet een geheel getal van 0 tot en met 100 zijn, niet ‘abc’."),
    ("vraag-0-weging", "12,5", "De weging van vraag 1 moet een geheel getal van 0 tot en met 100 zijn, niet ‘12,5’."),
    ("vraag-1-omvang", "0", "De omvang van vraag 2 moet een geheel getal van 1 tot en met 20 zijn, niet ‘0’."),
    ("vraag-0-omvang", "25", "De omvang van vraag 1 moet een geheel getal van 1 tot en met 20 zijn, niet ‘25’."),
    ("prijs", "100", "De weging van de prijs moet een geheel getal van 0 tot en met 99 zijn, niet ‘100’."),
])
@pytest.mark.parametrize("pad", ["/gunning", "/voorbeeld"])
def test_gunning_input_errors_show_the_form_again(client: TestClient, pad: str, veld: str, waarde: str,
                                                 melding: str) -> None:
    import html as html_module

    html, token = _gunning(client)
    velden = gunning_form(html)
    velden["vraag-0-titel"] = "Mijn eigen titel"
    velden[veld] = waarde
    r = client.post(f"{pad}?csrf={token}", data=velden)
    tekst = html_module.unescape(r.text)
    assert r.status_code == 422 and "<h1" in tekst and ">Gunningsvragen</h1>" in tekst, tekst[:500]
    assert "Met de terugknop" not in tekst and "Foutcode" not in tekst
    # the message next to the field, the field marked, and what the user typed kept
    assert re.search(rf'<p class="utrecht-form-field-error-message" id="veldfout">{re.escape(melding)}</p>', tekst)
    assert re.search(rf'id="{veld}" name="{veld}" value="{re.escape(waarde)}"[^>]*aria-invalid="true"', tekst) or \
        re.search(rf'id="{veld}" name="{veld}" value="{re.escape(waarde)}"[^>]*aria-describedby="[^"]*veldfout', tekst)
    assert 'value="Mijn eigen titel"' in tekst
    # the live total (htmx) says what is wrong instead of an error page
    t = client.post(f"/gunning/totaal?csrf={token}", data=velden)
    assert t.status_code == 200 and "Nog niet te berekenen" in html_module.unescape(t.text) and melding in \
        html_module.unescape(t.text)


def test_gunning_regroup_and_scale(client: TestClient) -> None:
    html, token = _gunning(client)
    velden = gunning_form(html)
    aspecten = [a for a in str(velden["aspecten"]).split(",") if a]
    velden[f"aspect-{aspecten[0]}"] = "nieuw"
    velden["niveau-0-label"] = "Uitmuntend"
    velden["niveau-nieuw-score"] = "1"
    velden["niveau-nieuw-label"] = "Nauwelijks"
    r = client.post(f"/gunning?csrf={token}", data=velden)
    staat = Staat.uit_json(staat_uit(r.text))
    assert staat.vragen[-1].criteria == (aspecten[0],) and staat.vragen[-1].titel == "Nieuwe vraag"
    assert [n.label for n in staat.schaal][:1] == ["Uitmuntend"] and staat.schaal[-2].label == "Nauwelijks"
    # the new question has no weging yet: compose refuses, the page says why
    assert r.status_code == 422 and "Geef elke gunningsvraag een weging" in r.text
    velden = gunning_form(r.text)
    velden["actie"] = "standaard"
    r = client.post(f"/gunning?csrf={token}", data=velden)
    assert r.status_code == 200 and Staat.uit_json(staat_uit(r.text)).vragen == ()


def test_open_house_has_plan_items_without_weging(client: TestClient) -> None:
    html = open_criteria(client, "jeugdhulp-4", "open-house")
    assert "Toelatingseis" in html and "Gunningscriterium" not in html
    r = client.post(f"/gunning?csrf={csrf(html)}", data=criteria_form(html))
    assert r.status_code == 200 and "Plan van aanpak" in r.text and "Weging (%)" not in r.text


@pytest.mark.parametrize("procedure", ["open-house", "subsidie"])
def test_counts_have_one_row_per_label(client: TestClient, corpus, procedure: str) -> None:  # type: ignore[no-untyped-def]
    from inkoopkader.select import parse_procedure

    html = open_criteria(client, "jeugdhulp-4")
    velden = criteria_form(html)
    velden["procedure"] = procedure  # switched on the criteria page
    r = client.post(f"/criteria/telling?csrf={csrf(html)}", data=velden)
    assert r.status_code == 200
    rijen = re.findall(r'<th class="utrecht-table__header-cell" scope="row">([^<]+)</th>\s*<td[^>]*data-rol="([^"]+)">(\d+)<',
                       r.text)
    labels = [label for label, _, _ in rijen]
    assert len(labels) == len(set(labels)), labels
    selectie = Staat("jeugdhulp-4", procedure=parse_procedure(procedure)).selecteer(corpus)
    eisen = selectie.aantal(Rol.GESCHIKTHEIDSEIS) + selectie.aantal(Rol.MINIMUMEIS)
    eis = {"open-house": "Toelatingseis", "subsidie": "Subsidievoorwaarde"}[procedure]
    assert (eis, "geschiktheidseis minimumeis", str(eisen)) in rijen and eisen > 0


@pytest.mark.parametrize(("segment", "procedure", "kop"), [("jeugdhulp-4", "open-house", "Plan van aanpak"),
                                                          ("sociaal-werk", "subsidie", "Activiteitenplan")])
def test_plan_form_posts_to_preview_and_back(client: TestClient, segment: str, procedure: str, kop: str) -> None:
    html = open_criteria(client, segment, procedure)
    token = csrf(html)
    r = client.post(f"/gunning?csrf={token}", data=criteria_form(html))
    assert r.status_code == 200 and kop in r.text and 'name="aantal_niveaus"' not in r.text
    velden = gunning_form(r.text)
    assert int(velden["aantal_vragen"]) >= 1  # type: ignore[arg-type]
    velden["vraag-0-titel"] = "Eigen onderdeel"
    velden["vraag-0-omvang"] = "3"
    g = client.post(f"/gunning?csrf={token}", data=velden)
    assert g.status_code == 200, g.text
    assert "Eigen onderdeel" in g.text and 'name="niveau-0-score"' not in g.text
    v = client.post(f"/voorbeeld?csrf={token}", data=velden)
    assert v.status_code == 200, v.text
    assert "Voorbeeld en downloaden" in v.text and "Eigen onderdeel" in v.text
    staat = Staat.uit_json(staat_uit(v.text))
    assert staat.vragen[0].titel == "Eigen onderdeel" and staat.vragen[0].omvang == 3 and staat.procedure.value == procedure


# --- preview and downloads ---------------------------------------------------------------------------


def test_preview_is_the_document_and_escapes_user_text(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    html = open_criteria(client)
    token = csrf(html)
    r = client.post(f"/voorbeeld?csrf={token}", data=criteria_form(html))
    assert r.status_code == 200
    doc = Staat.uit_json(staat_uit(r.text)).compose(corpus)
    for eis in doc.eisen:
        assert f">{eis.nummer}</strong>" in r.text
    velden = {"staat": staat_uit(r.text), "formulier": "voorbeeld", "gemeente": "<script>alert(1)</script> & Co",
              "titel": "Eisen \"Wmo\"", "kenmerk": "K-1", "versie": "2.0", "bijlagen": "ja"}
    r = client.post(f"/voorbeeld?csrf={token}", data=velden)
    assert "<script>alert(1)" not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in r.text
    assert "Bijlage" in r.text


def test_statutory_chapter_can_be_switched_off_and_travels_in_the_profile(client: TestClient) -> None:
    html = open_criteria(client)
    token = csrf(html)
    r = client.post(f"/voorbeeld?csrf={token}", data=criteria_form(html))
    assert "Wettelijke verplichtingen" in r.text and 'id="wettelijk" name="wettelijk" value="ja" checked' in r.text
    velden = {"staat": staat_uit(r.text), "formulier": "voorbeeld", "versie": "1.0"}  # the box unticked
    r = client.post(f"/voorbeeld?csrf={token}", data=velden)
    assert r.status_code == 200 and "Wettelijke verplichtingen" not in r.text.split('id="kop-voorbeeld"')[1]
    profiel = client.post(f"/download/profiel?csrf={token}", data={"staat": staat_uit(r.text)}).text
    assert "\nwettelijk: nee" in profiel


@pytest.mark.slow
def test_pdf_download_through_libreoffice(client: TestClient) -> None:
    html = open_criteria(client)
    token = csrf(html)
    r = client.post(f"/voorbeeld?csrf={token}", data=criteria_form(html))
    assert 'data-formaat="pdf"' in r.text  # LibreOffice is installed where the tests run (.ci/run)
    pdf = client.post(f"/download/pdf?csrf={token}", data={"staat": staat_uit(r.text)})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and 'filename="kwaliteitscriteria-wmo-1a.pdf"' in pdf.headers["content-disposition"]


def test_ocds_export_only_where_there_is_an_award(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    import json

    html = open_criteria(client)
    token = csrf(html)
    r = client.post(f"/voorbeeld?csrf={token}", data=criteria_form(html))
    assert 'data-formaat="ocds"' in r.text
    ocds = client.post(f"/download/ocds?csrf={token}", data={"staat": staat_uit(r.text)})
    assert ocds.status_code == 200 and ocds.headers["content-type"].startswith("application/json")
    assert 'filename="kwaliteitscriteria-wmo-1a.ocds.json"' in ocds.headers["content-disposition"]
    assert json.loads(ocds.content)
    html = open_criteria(client, "jeugdhulp-4", "open-house")
    r = client.post(f"/voorbeeld?csrf={csrf(html)}", data=criteria_form(html))
    assert r.status_code == 200 and 'data-formaat="ocds"' not in r.text  # open house: no award criteria
    # an aanbesteding without award questions (every aspect made inspiratie) has no OCDS button either
    selectie = Staat("wmo-1a").selecteer(corpus)
    staat = Staat("wmo-1a", rollen=tuple((k.criterium.id, Rol.INSPIRATIE) for k in selectie.met_rol(Rol.GUNNINGSCRITERIUM)))
    r = client.post(f"/voorbeeld?csrf={token}", data={"staat": staat.naar_json()})
    assert r.status_code == 200 and 'data-formaat="ocds"' not in r.text and 'data-formaat="docx"' in r.text
    assert "Gunningscriteria en beoordeling" not in r.text
    r = client.post(f"/download/ocds?csrf={token}", data={"staat": staat.naar_json()})  # posted by hand
    assert r.status_code == 400 and "Geef op de pagina met criteria" in r.text and "hele document" not in r.text


def test_downloads(client: TestClient, corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document as Word

    html = open_criteria(client)
    token = csrf(html)
    velden = criteria_form(html)
    weg = velden["crit"][0]  # type: ignore[index]
    velden["crit"] = velden["crit"][1:]  # type: ignore[index]
    r = client.post(f"/download/docx?csrf={token}", data=velden)
    assert r.status_code == 200
    assert r.headers["content-disposition"] == 'attachment; filename="kwaliteitscriteria-wmo-1a.docx"'
    pad = tmp_path / "x.docx"
    pad.write_bytes(r.content)
    tekst = "\n".join(p.text for p in Word(str(pad)).paragraphs)
    assert "Minimumeisen" in tekst and weg not in tekst
    md = client.post(f"/download/md?csrf={token}", data=velden)
    assert md.headers["content-type"].startswith("text/markdown") and weg not in md.text
    data = client.post(f"/download/json?csrf={token}", data=velden).json()
    assert data
    csv = client.post(f"/download/csv?csrf={token}", data=velden)
    assert "traceerbaarheid" in csv.headers["content-disposition"] and weg not in csv.text and "ID;Kader" in csv.text
    assert client.post(f"/download/exe?csrf={token}", data=velden).status_code == 404


def test_profile_download_and_upload_round_trip(client: TestClient, corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    staat = Staat("wmo-1b", prijs=30, bijlagen=True, gemeente="Gemeente Voorbeeld", uitgesloten=("bwmo-04",),
                  zonder_kaders=(14,), rollen=(("bwmo-05", Rol.INSPIRATIE),))
    doc = staat.compose(corpus)
    vragen = tuple(Vraagkeuze(v.titel, tuple(a.anker for a in v.aspecten if a.anker), v.weging, 2) for v in doc.vragen)
    schaal = (Schaalniveau(5, "Goed", "Overtuigend."), Schaalniveau(3, "Voldoende", ""), Schaalniveau(0, "Slecht", "x"))
    staat = staat.met(vragen=vragen, schaal=schaal, ondergrens=3)
    html = open_criteria(client)
    token = csrf(html)
    r = client.post(f"/download/profiel?csrf={token}", data={"staat": staat.naar_json()})
    assert r.status_code == 200 and r.headers["content-disposition"] == 'attachment; filename="profiel-wmo-1b.yaml"'
    pad = tmp_path / "profiel.yaml"
    pad.write_bytes(r.content)
    profiel = load_profile(corpus, pad)  # the CLI reads what the web writes
    terug = Staat.uit_profiel(corpus, profiel)
    assert [(k.criterium.id, k.rol) for k in terug.selecteer(corpus).keuzes] == \
        [(k.criterium.id, k.rol) for k in staat.selecteer(corpus).keuzes]
    assert terug.compose(corpus).render("md") == staat.compose(corpus).render("md")
    assert terug.schaal == schaal and terug.ondergrens == 3 and terug.vragen == staat.vragen
    r = client.post(f"/profiel?csrf={token}", files={"profiel": ("mijn profiel.yaml", r.content, "application/yaml")})
    assert r.status_code == 200 and "Profiel ‘mijn profiel.yaml’ geopend" in r.text
    geopend = Staat.uit_json(staat_uit(r.text))
    assert geopend.uitgesloten == terug.uitgesloten and geopend.prijs == 30 and geopend.gemeente == "Gemeente Voorbeeld"


def test_profile_scale_is_validated(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inkoopkader.profile import ProfielFout

    tekst = Staat("wmo-1a").profiel_tekst(corpus, "p.yaml").replace(
        "  vragen: []\n", "  vragen: []\n  schaal:\n    - {score: 4, label: Goed}\n    - {score: 4, label: Ook}\n"
                          "    - {label: Zonder score}\n    - {score: 1, label: Kort, kleur: rood}\n")
    pad = tmp_path / "p.yaml"
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(ProfielFout) as fout:
        load_profile(corpus, pad)
    meldingen = " | ".join(b.melding for b in fout.value.bevindingen)
    assert "score 4 staat twee keer" in meldingen and "heeft een score" in meldingen and "kleur" in meldingen


def test_hostile_and_invalid_profiles(client: TestClient) -> None:
    token = csrf(client.get("/").text)

    def stuur(naam: str, inhoud: bytes) -> object:
        return client.post(f"/profiel?csrf={token}", files={"profiel": (naam, inhoud, "application/yaml")})

    bom = b'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nsegment: *b\nkaders: []\n'
    r = stuur("bom.yaml", bom)
    assert r.status_code == 400 and "YAML-ankers" in r.text  # type: ignore[attr-defined]
    r = stuur("fout.yaml", b"segment: wmo-1x\nkaders: []\n")
    assert r.status_code == 400 and "fout.yaml, regel 1" in r.text and "Bedoelt u" in r.text  # type: ignore[attr-defined]
    assert "/tmp" not in r.text  # type: ignore[attr-defined]
    r = stuur("kapot.yaml", b"segment: [wmo-1a\n")
    assert r.status_code == 400 and "geen geldige YAML" in r.text  # type: ignore[attr-defined]
    r = stuur("profiel.exe", b"segment: wmo-1a\n")
    assert r.status_code == 415 and "bestandstype" in r.text  # type: ignore[attr-defined]
    r = stuur("groot.yaml", b"# " + b"x" * (3 * 1024 * 1024))
    assert r.status_code == 413  # type: ignore[attr-defined]
    r = client.post(f"/profiel?csrf={token}", data={"profiel": "geen bestand"})
    assert r.status_code == 400
    r = stuur("eisen.yaml", b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n")  # a PDF renamed: the library's message
    assert r.status_code == 400 and "is geen selectieprofiel (YAML) maar een PDF-bestand" in r.text  # type: ignore[attr-defined]
    assert "UTF-8" not in r.text and "/tmp" not in r.text  # type: ignore[attr-defined]
    for leeg in (b"", b"\n  \n"):
        r = stuur("leeg.yaml", leeg)
        tekst = r.text.replace("&#39;", "'")  # type: ignore[attr-defined]
        assert r.status_code == 400 and "leeg.yaml: het profiel is leeg" in tekst  # type: ignore[attr-defined]
        assert "Voorbeeld en downloaden" in tekst and "inkoopkader init" not in tekst


def test_error_pages_do_not_repeat_the_heading_and_give_true_advice(web_app, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    import html as html_module

    def melding(html: str) -> list[str]:
        return re.findall(r'utrecht-alert__message">(.*?)</p>', html_module.unescape(html), re.S)

    r = client.get("/bestaat-niet")
    assert r.status_code == 404 and melding(r.text) == ["Het adres ‘/bestaat-niet’ hoort bij geen pagina van inkoopkader."]
    assert "terugknop" not in r.text and "selectieprofiel dat u eerder downloadde" in r.text
    with TestClient(web_app, base_url=f"http://{HOST}") as vreemde:  # no token: no access
        r = vreemde.get("/controle")
    assert r.status_code == 403 and melding(r.text)[0].startswith("Open de webapp via de link")
    assert "Geen toegang. Geen toegang." not in html_module.unescape(r.text)


# --- uploads: limits before reading ------------------------------------------------------------------


def test_upload_size_is_refused_before_reading(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from inkoopkader.web import app as web_app_module

    token = csrf(client.get("/controle").text)
    gelezen = []
    monkeypatch.setattr(web_app_module, "_bewaar", lambda *a, **k: gelezen.append(a))
    groot = b"x" * (3 * 1024 * 1024)  # the app's limit is 2 MB
    r = client.post(f"/controle?csrf={token}", files={"concept": ("groot.md", groot, "text/markdown")})
    assert r.status_code == 413 and "ten hoogste 2 MB" in r.text and not gelezen
    # without a declared length (chunked), the body is cut off while it streams in
    def stroom():  # type: ignore[no-untyped-def]
        for _ in range(40):
            yield b"y" * (100 * 1024)

    r = client.post(f"/controle?csrf={token}", content=stroom(),
                    headers={"content-type": "multipart/form-data; boundary=xyz"})
    assert r.status_code == 413 and not gelezen
    # an ordinary form has a smaller limit
    r = client.post(f"/criteria?csrf={token}", content=b"staat=" + b"x" * (5 * 1024 * 1024),
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


def test_upload_count_is_limited(client: TestClient) -> None:
    token = csrf(client.get("/controle").text)
    bestanden = [("concept", ("a.md", b"a", "text/markdown")), ("profiel", ("b.yaml", b"b", "text/yaml")),
                 ("extra", ("c.md", b"c", "text/markdown"))]
    r = client.post(f"/controle?csrf={token}", files=bestanden)
    assert r.status_code == 400 and "Traceback" not in r.text
    assert "Te veel bestanden in één keer: hier kunnen ten hoogste twee bestanden" in r.text
    assert r.text.count("Het verzoek is ongeldig.") == 2  # the heading (and the title), not repeated as the message
    bestanden = [("profiel", ("a.yaml", b"a", "text/yaml")), ("profiel", ("b.yaml", b"b", "text/yaml"))]
    r = client.post(f"/profiel?csrf={token}", files=bestanden)
    assert r.status_code == 400 and "hier kan één profielbestand (.yaml)" in r.text


def _docx_met(bestanden: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        for naam, inhoud in bestanden.items():
            z.writestr(naam, inhoud)
    return out.getvalue()


def test_hostile_drafts_are_refused_and_temp_files_removed(client: TestClient, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    token = csrf(client.get("/controle").text)

    def stuur(naam: str, inhoud: bytes) -> object:
        return client.post(f"/controle?csrf={token}", data={"segment": "wmo-1a"},
                           files={"concept": (naam, inhoud, "application/octet-stream")})

    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
           '<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    r = stuur("Concept bestek.docx", _docx_met({"word/document.xml": lol}))
    assert r.status_code == 400 and "DOCTYPE" in r.text and "Concept bestek.docx" in r.text  # type: ignore[attr-defined]
    bom = io.BytesIO()
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/media/bom.bin", b"\0" * (5 * 1024 * 1024))
    r = stuur("bom.docx", bom.getvalue())
    assert r.status_code == 400 and "zip-bom" in r.text  # type: ignore[attr-defined]
    r = stuur("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert r.status_code == 415  # type: ignore[attr-defined]
    r = stuur("leeg.md", b"")
    assert r.status_code == 400 and "leeg.md" in r.text  # type: ignore[attr-defined]
    assert str(tmp_path) not in r.text  # type: ignore[attr-defined]
    assert not list(tmp_path.glob("inkoopkader-web-*")), "tijdelijke uploadmap niet verwijderd"


# --- check report -------------------------------------------------------------------------------------


def test_draft_upload_gives_the_report_and_downloads(client: TestClient, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    token = csrf(client.get("/controle").text)
    concept = (ROOT / "examples" / "concept-bestek-wmo-1a.md").read_bytes()
    r = client.post(f"/controle?csrf={token}", data={"segment": "wmo-1a", "strikt": "ja"},
                    files={"concept": ("concept-bestek-wmo-1a.md", concept, "text/markdown")})
    assert r.status_code == 200, r.text
    rapport = inkoopkader.check(ROOT / "examples" / "concept-bestek-wmo-1a.md", segment="wmo-1a", strikt=True)
    assert "Poort niet geslaagd" in r.text and "Wet bescherming persoonsgegevens" in r.text
    assert "Dekking per thema" in r.text and "Dekking per kader" in r.text
    for res in rapport.resultaten:
        if res.status.value in ("ontbreekt", "gewijzigd"):
            assert f"<strong>{res.criterium.id}</strong>" in r.text
    assert not list(tmp_path.glob("inkoopkader-web-*"))
    velden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', r.text))
    j = client.post(f"/controle/download/json?csrf={token}", data=velden)
    assert j.status_code == 200 and j.headers["content-disposition"].endswith('.json"')
    data = json.loads(j.content)
    assert data["concept"]["naam"] == "concept-bestek-wmo-1a.md" and data["geslaagd"] is False
    assert data["samenvatting"]["verouderd"] == len(rapport.verouderd)
    x = client.post(f"/controle/download/junit?csrf={token}", data=velden)
    assert ET.fromstring(x.content).tag == "testsuites"
    # a forged report is refused: the signature is the app's
    nep = base64.b64encode(zlib.compress(b'{"geslaagd": true}')).decode()
    r = client.post(f"/controle/download/json?csrf={token}", data={**velden, "json": nep})
    assert r.status_code == 403


def test_report_names_real_locations(client: TestClient) -> None:
    token = csrf(client.get("/controle").text)
    concept = (ROOT / "examples" / "concept-bestek-wmo-1a.md").read_bytes()
    r = client.post(f"/controle?csrf={token}", data={"segment": "wmo-1a"},
                    files={"concept": ("concept-bestek-wmo-1a.md", concept, "text/markdown")})
    assert r.status_code == 200, r.text
    assert "bound method" not in r.text and "Locatie(" not in r.text
    rapport = inkoopkader.check(ROOT / "examples" / "concept-bestek-wmo-1a.md", segment="wmo-1a")
    locaties = {v.locatie.beschrijving() for v in rapport.verouderd}
    assert locaties
    import html as html_module

    tekst = html_module.unescape(r.text)
    for locatie in locaties:
        assert f"({locatie})" in tekst


def test_report_columns_add_up_to_the_summary(client: TestClient) -> None:
    from inkoopkader.check import Status

    token = csrf(client.get("/controle").text)
    concept = (ROOT / "examples" / "concept-bestek-wmo-1a.md").read_bytes()
    r = client.post(f"/controle?csrf={token}", data={"segment": "wmo-1a"},
                    files={"concept": ("concept-bestek-wmo-1a.md", concept, "text/markdown")})
    assert r.status_code == 200
    rapport = inkoopkader.check(ROOT / "examples" / "concept-bestek-wmo-1a.md", segment="wmo-1a")
    assert rapport.met_status(Status.VIA_KADER)  # the case where 'Gedekt' used to count them too
    samenvatting = dict(re.findall(r'item-key">([^<]+)</dt><dd class="utrecht-data-list__item-value">(\d+)<', r.text))
    for kop in ("kop-thema", "kop-kader"):
        tabel = r.text.split(f'id="{kop}"')[1].split("</table>")[0]
        koppen = re.findall(r'scope="col">([^<]+)</th>', tabel)
        assert koppen == ["Thema" if kop == "kop-thema" else "Kader", "Criteria", "Gedekt", "Via een kader als geheel",
                          "Bewerkt", "Ontkracht", "Ontbreekt", "Dekking"]
        rijen = [re.findall(r'<td class="utrecht-table__cell">([^<]+)</td>', rij) for rij in tabel.split("<tr")[2:]]
        for i, naam in enumerate(["Gedekt", "Via een kader als geheel", "Bewerkt", "Ontkracht", "Ontbreekt"], start=1):
            assert sum(int(rij[i]) for rij in rijen) == int(samenvatting[naam]), (kop, naam)


def test_check_needs_a_selection(client: TestClient) -> None:
    import html as html_module

    from vijandig import pdf_tekst

    token = csrf(client.get("/controle").text)
    r = client.post(f"/controle?csrf={token}", files={"concept": ("c.md", b"# Bestek\n\nTekst.\n", "text/markdown")})
    assert r.status_code == 400 and "Kies een segment" in html_module.unescape(r.text)
    pdf = pdf_tekst(["Bestek Wmo", "De opdrachtnemer heeft een klachtenregeling."])
    r = client.post(f"/controle?csrf={token}", files={"concept": ("bestek.pdf", pdf, "application/pdf")})
    tekst = html_module.unescape(r.text)
    assert r.status_code == 400 and "Kies een segment (of open een selectieprofiel) om ‘bestek.pdf’" in tekst
    assert "Alleen Word- en OpenDocument-bestanden (.docx, .odt)" in tekst and "een .pdf-bestand niet" in tekst
    r = client.post(f"/controle?csrf={token}", data={"segment": "wmo-1a"})
    assert r.status_code == 400 and "Kies een concept" in r.text


def test_composed_docx_checks_against_its_own_record(client: TestClient) -> None:
    html = open_criteria(client)
    token = csrf(html)
    docx = client.post(f"/download/docx?csrf={token}", data=criteria_form(html)).content
    r = client.post(f"/controle?csrf={token}", files={"concept": ("eisen.docx", docx, "application/octet-stream")})
    assert r.status_code == 200 and "Poort geslaagd" in r.text and "document (samengesteld" in r.text
    assert "Wettelijke verplichtingen" in r.text  # the statutory duties, reported under their own heading


# --- errors, theme, installation, CLI -----------------------------------------------------------------


def test_unexpected_errors_show_no_traceback(web_app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from inkoopkader.web import app as web_app_module

    def kapot(*args: object, **kwargs: object) -> None:
        raise RuntimeError("intern-geheim-detail")

    monkeypatch.setattr(web_app_module, "_telling", kapot)
    with TestClient(web_app, base_url=f"http://{HOST}", raise_server_exceptions=False) as c:
        c.get(f"/?token={TOKEN}")
        r = c.get("/criteria?segment=wmo-1a")
    assert r.status_code == 500 and "onverwacht" in r.text
    assert "intern-geheim-detail" not in r.text and "Traceback" not in r.text


def test_gemeente_theme_css(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    css = tmp_path / "thema.css"
    css.write_text(".mijn-gemeente { --utrecht-document-color: #123456; }\n")
    app = maak_app(corpus, thema_css=css, thema_klasse="mijn-gemeente")
    with TestClient(app) as c:
        html = c.get("/").text
        assert '<link rel="stylesheet" href="/thema.css">' in html and 'class="utrecht-document' in html
        assert "mijn-gemeente" in html and html.index("voorbeeld/theme.css") < html.index("/thema.css")
        assert c.get("/thema.css").text == css.read_text()
    with pytest.raises(inkoopkader.InkoopkaderError, match="Themabestand niet gevonden"):
        maak_app(corpus, thema_css=tmp_path / "ontbreekt.css")
    with pytest.raises(inkoopkader.InkoopkaderError, match="klassenaam"):
        maak_app(corpus, thema_klasse='x" onload="y')


def test_without_token_and_host_list_it_serves_anyone(corpus) -> None:  # type: ignore[no-untyped-def]
    with TestClient(maak_app(corpus)) as c:
        assert c.get("/", headers={"host": "inkoop.gemeente.example"}).status_code == 200


def test_missing_extra_gives_a_dutch_instruction(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    echt = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda naam, *a: None if naam == "uvicorn" else echt(naam, *a))
    with pytest.raises(WebNietGeinstalleerd, match=r'pip install "inkoopkader\[web\]"'):
        controleer_installatie()
    from typer.testing import CliRunner

    from inkoopkader.cli import app as cli_app

    result = CliRunner().invoke(cli_app, ["serve", "--no-open"])
    assert result.exit_code == 2 and "inkoopkader[web]" in result.output and "uvicorn" in result.output


def test_html_renderer_escapes_and_follows_the_document(corpus) -> None:  # type: ignore[no-untyped-def]
    selectie = inkoopkader.select(corpus, "jeugdhulp-4", procedure="aanbesteding")
    doc = inkoopkader.compose(corpus, selectie, gemeente="A <b>&</b> B", titel="T <i>x</i>", bijlagen=True)
    html = fragment(doc)
    assert "A &lt;b&gt;&amp;&lt;/b&gt; B" in html and "<b>" not in html and "<i>x" not in html
    for blok in doc.eisen:
        assert f'<strong class="ik-nummer">{blok.nummer}</strong>' in html
    for vraag in doc.vragen:
        assert f"{vraag.weging}%" in html
    assert html.count("<section") == html.count("</section>")
    pagina = doc.render("md")  # the same document in Markdown names the same requirement numbers
    assert all(f"**{e.nummer}**" in pagina.decode() for e in doc.eisen)
    from inkoopkader.render.html import render as render_html

    volledig = render_html(doc).decode()
    assert volledig.startswith("<!DOCTYPE html>") and '<html lang="nl">' in volledig


def test_serve_behind_an_allowed_host_prints_a_url_that_works(corpus) -> None:  # type: ignore[no-untyped-def]
    from inkoopkader.web.server import bind

    adres = bind("0.0.0.0", 0, token="proef-token-456", toegestane_hosts=("inkoop.gemeente.nl",))
    try:
        assert adres.url == f"http://inkoop.gemeente.nl:{adres.port}/?token=proef-token-456"
        assert adres.toelichting and "reverse proxy" in adres.toelichting and "https://inkoop.gemeente.nl/" in adres.toelichting
        app = maak_app(corpus, token=adres.token, hosts=adres.hosts)
        with TestClient(app, base_url=adres.url.split("?")[0].rstrip("/")) as c:
            assert c.get(adres.url).status_code == 200  # the printed URL is answered, not refused (400)
        with TestClient(app, base_url=f"http://127.0.0.1:{adres.port}") as c:
            assert c.get(f"/?token={adres.token}").status_code == 400  # what it printed before
    finally:
        adres.sock.close()


@pytest.mark.slow
def test_cli_serve_with_a_port_in_use_is_a_dutch_exit_2() -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as bezet:
        poort = bezet.getsockname()[1]
        proces = subprocess.run([sys.executable, "-m", "inkoopkader.cli", "serve", "--port", str(poort), "--no-open"],
                                capture_output=True, text=True, timeout=120)
    assert proces.returncode == 2, proces.stderr
    assert f"Poort {poort} is al in gebruik" in proces.stderr and "--port" in proces.stderr
    assert "Address already in use" not in proces.stderr and "Traceback" not in proces.stderr
    assert proces.stdout == ""


@pytest.mark.slow
def test_cli_serve_prints_the_url_first_and_stops_on_ctrl_c() -> None:
    proces = subprocess.Popen([sys.executable, "-m", "inkoopkader.cli", "serve", "--port", "0", "--no-open"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        regel = proces.stdout.readline().strip()  # type: ignore[union-attr]
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_-]{20,}", regel), regel
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        for _ in range(50):
            try:
                html = opener.open(regel, timeout=5).read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert "Kwaliteitscriteria voor uw aanbesteding" in html
        zonder = regel.split("?")[0]
        with pytest.raises(urllib.error.HTTPError) as fout:
            urllib.request.urlopen(zonder + "controle", timeout=5)
        assert fout.value.code == 403
        proces.send_signal(signal.SIGINT)
        assert proces.wait(timeout=15) == 0
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.wait()
