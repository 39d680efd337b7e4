"""Benchmark: how fast the web app serves the criteria page (issue 13: wmo-1a in under 300 ms).

The app runs for real: uvicorn on a free loopback port, with the access token, in a child process;
requests go over HTTP (http.client) as a browser's would, cookies included. Measured, each as the
median of --runs requests after two warm-up requests:

- GET  /criteria?segment=wmo-1a                  the page a user lands on (floor: 300 ms)
- POST /criteria  (wmo-1a, one criterion unticked, a role changed)  the page after a change
- POST /criteria/telling                          the live count (htmx) after a change
- POST /criteria  jeugdhulp-1, the largest segment (404 of the 604 criteria), page 5: pages of 50
  criteria keep the page the same size however many criteria a segment has
- POST /voorbeeld  the HTML preview of the composed document

Run: python benchmarks/bench_web.py [--runs N]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import time
from html import unescape
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from meten import bytecode_zoals_geinstalleerd

DREMPEL_MS = 300.0

SERVER = """
import sys
from inkoopkader.web import maak_app
from inkoopkader.web.server import bind, serve
adres = bind("127.0.0.1", 0, token="bench-token")
sys.stdout.write(adres.url + "\\n"); sys.stdout.flush()
serve(maak_app(token=adres.token, hosts=adres.hosts), adres)
"""


class Browser:
    def __init__(self, url: str) -> None:
        delen = urlsplit(url)
        self.host, self.port = delen.hostname or "127.0.0.1", delen.port or 80
        self.cookies: dict[str, str] = {}
        self.verbinding = http.client.HTTPConnection(self.host, self.port, timeout=30)
        self.vraag("GET", f"/?{delen.query}")
        self.csrf = ""

    def vraag(self, methode: str, pad: str, velden: dict[str, object] | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if velden is not None:
            body = urlencode(velden, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.verbinding.request(methode, pad, body=body, headers=headers)
        antwoord = self.verbinding.getresponse()
        tekst = antwoord.read().decode("utf-8")
        for naam, waarde in antwoord.getheaders():
            if naam.lower() == "set-cookie":
                k, v = waarde.split(";", 1)[0].split("=", 1)
                self.cookies[k] = v
        if antwoord.status in (302, 303):
            return self.vraag("GET", antwoord.getheader("location") or "/")
        if m := re.search(r"csrf=([0-9a-f]{64})", tekst):
            self.csrf = m.group(1)
        return antwoord.status, tekst


def formulier(html: str) -> dict[str, object]:
    velden: dict[str, object] = {"formulier": "criteria"}
    for naam in ("staat", "getoond", "kaders_getoond"):
        velden[naam] = unescape(re.search(rf'name="{naam}" value="([^"]*)"', html).group(1))  # type: ignore[union-attr]
    velden["crit"] = re.findall(r'name="crit" value="([^"]+)" id="[^"]+" checked', html)
    velden["kader"] = re.findall(r'name="kader" value="(\d+)" id="[^"]+" checked', html)
    for cid, blok in re.findall(r'name="rol-([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        velden[f"rol-{cid}"] = re.search(r'value="([^"]+)" selected', blok).group(1)  # type: ignore[union-attr]
    return velden


def meet(browser: Browser, runs: int, methode: str, pad: str, velden: dict[str, object] | None = None) -> tuple[float, str]:
    tijden, tekst = [], ""
    for i in range(runs + 2):
        start = time.perf_counter()
        status, tekst = browser.vraag(methode, pad.replace("{csrf}", browser.csrf), velden)
        duur = (time.perf_counter() - start) * 1000
        assert status == 200, (status, tekst[:500])
        if i >= 2:
            tijden.append(duur)
    return statistics.median(tijden), tekst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(bytecode_zoals_geinstalleerd())
    proces = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")})
    try:
        url = proces.stdout.readline().strip()  # type: ignore[union-attr]
        browser = Browser(url)
        ms, html = meet(browser, args.runs, "GET", "/criteria?segment=wmo-1a")
        rijen = [("GET  /criteria wmo-1a (landingspagina)", ms, len(html))]
        velden = formulier(html)
        gekozen = velden["crit"]
        velden["crit"] = gekozen[1:]  # type: ignore[index]
        rol = next(k for k in velden if k.startswith("rol-"))
        velden[rol] = "inspiratie"
        ms, html2 = meet(browser, args.runs, "POST", "/criteria?csrf={csrf}", velden)
        rijen.append(("POST /criteria wmo-1a na een wijziging", ms, len(html2)))
        ms, fragment = meet(browser, args.runs, "POST", "/criteria/telling?csrf={csrf}", velden)
        rijen.append(("POST /criteria/telling (htmx)", ms, len(fragment)))
        _, groot = browser.vraag("GET", "/criteria?segment=jeugdhulp-1")
        ms, html3 = meet(browser, args.runs, "POST", "/criteria?csrf={csrf}", {**formulier(groot), "pagina": "5"})
        aantal = re.search(r"(\d+) van de (\d+) criteria", html3)
        rijen.append((f"POST /criteria jeugdhulp-1 ({aantal.group(2) if aantal else '?'} criteria, pagina 5)", ms,
                      len(html3)))
        ms, html4 = meet(browser, max(5, args.runs // 2), "POST", "/voorbeeld?csrf={csrf}", velden)
        rijen.append(("POST /voorbeeld wmo-1a (HTML-voorbeeld)", ms, len(html4)))
    finally:
        proces.terminate()
        proces.wait(timeout=15)
    print(f"{'verzoek':58} {'mediaan':>9} {'grootte':>9}")
    for naam, ms, grootte in rijen:
        print(f"{naam:58} {ms:7.1f} ms {grootte // 1024:6d} kB")
    landing = rijen[0][1]
    ok = landing < DREMPEL_MS and rijen[1][1] < DREMPEL_MS
    print(f"criteriapagina wmo-1a: {landing:.1f} ms (drempel {DREMPEL_MS:.0f} ms) -> {'OK' if ok else 'TE TRAAG'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
