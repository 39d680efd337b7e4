"""`inkoopkader serve`: the web app."""

# No `from __future__ import annotations`: typer reads the option types from the annotations.
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .basis import app, laad_corpus, user_errors
from .uitvoer import schrijf_fout


@app.command("serve")
@user_errors
def serve_command(
    port: Annotated[int, typer.Option("--port", help="Poort; 0 (standaard) kiest een vrije poort.")] = 0,
    host: Annotated[
        str,
        typer.Option("--host", help="Adres om op te luisteren. Standaard alleen deze computer (127.0.0.1); "
                                    "0.0.0.0 voor een server achter een reverse proxy."),
    ] = "127.0.0.1",
    no_open: Annotated[bool, typer.Option("--no-open", help="Open de browser niet.")] = False,
    geen_token: Annotated[
        bool,
        typer.Option("--geen-token", help="Geen toegangstoken in de URL (voor een server; de reverse proxy regelt "
                                          "wie erbij mag)."),
    ] = False,
    toegestane_host: Annotated[
        Optional[list[str]],
        typer.Option("--toegestane-host", help="Hostnaam waaronder de server bereikbaar is (herhaalbaar); andere "
                                               "Host-headers worden geweigerd."),
    ] = None,
    thema_css: Annotated[
        Optional[Path],
        typer.Option("--thema-css", help="Eigen themabestand (CSS) van de gemeente, geladen na het NL Design "
                                         "System-voorbeeldthema."),
    ] = None,
    thema_klasse: Annotated[
        Optional[str], typer.Option("--thema-klasse", help="CSS-klasse op de pagina waaraan uw thema hangt.")
    ] = None,
    max_upload: Annotated[int, typer.Option("--max-upload", help="Grootste upload in MB.", min=1, max=200)] = 20,
) -> None:
    """Start de webapp: criteria kiezen, document downloaden en concepten controleren in de browser.

    De eerste regel van de uitvoer is het adres (met toegangstoken); stop met Ctrl-C.
    """
    import gc
    import secrets
    import webbrowser

    from ..web import controleer_installatie, maak_app
    from ..web.server import bind, serve

    gc.enable()  # main() switches it off for one short command; a server runs for hours
    controleer_installatie()
    token = None if geen_token else secrets.token_urlsafe(24)
    corpus = laad_corpus()
    adres = bind(host, port, token=token, toegestane_hosts=tuple(toegestane_host or ()))
    try:
        app_ = maak_app(corpus, token=token, hosts=adres.hosts, thema_css=thema_css, thema_klasse=thema_klasse,
                        max_upload_mb=max_upload)
    except BaseException:
        adres.sock.close()
        raise
    sys.stdout.write(adres.url + "\n")
    sys.stdout.flush()
    if adres.toelichting:
        schrijf_fout(adres.toelichting)
    schrijf_fout("inkoopkader webapp draait; stop met Ctrl-C.")
    if not no_open:
        webbrowser.open(adres.url)
    serve(app_, adres)
    schrijf_fout("inkoopkader webapp gestopt.")
