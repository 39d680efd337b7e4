"""`inkoopkader serve`: the web app for inkopers who do not use a terminal (optional extra `inkoopkader[web]`).

    >>> from inkoopkader.web import maak_app            # doctest: +SKIP
    >>> app = maak_app(token="geheim")                   # an ASGI app; `serve` runs it with uvicorn

The app is a thin layer over the library (select, compose, render, check): see `app.py` for the routes,
`staat.py` for how the selection travels in the page, `poort.py` for the defences.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
from pathlib import Path
from typing import Any

from ..errors import InkoopkaderError

__all__ = ["WebNietGeinstalleerd", "maak_app", "controleer_installatie", "LOKALE_HOSTS"]

# Import name -> the package pip installs it from.
VEREISTEN = {"starlette": "starlette", "jinja2": "jinja2", "uvicorn": "uvicorn", "multipart": "python-multipart"}
LOKALE_HOSTS = ("127.0.0.1", "localhost", "::1")
ENV_GEHEIM = "INKOOPKADER_WEB_GEHEIM"


class WebNietGeinstalleerd(InkoopkaderError):
    """The optional packages of the web app are missing."""


def controleer_installatie() -> None:
    """Raise `WebNietGeinstalleerd` with a Dutch instruction when a package of the web extra is missing."""
    ontbrekend = [pakket for module, pakket in VEREISTEN.items() if importlib.util.find_spec(module) is None]
    if ontbrekend:
        raise WebNietGeinstalleerd(
            f"De webapp heeft extra pakketten nodig die niet geïnstalleerd zijn ({', '.join(ontbrekend)}). "
            "Installeer ze met:  pip install \"inkoopkader[web]\"  (of in een checkout: pip install \".[web]\")."
        )


def maak_app(
    corpus: Any = None,
    *,
    token: str | None = None,
    hosts: tuple[str, ...] | None = None,
    thema_css: str | os.PathLike[str] | None = None,
    thema_klasse: str | None = None,
    geheim: bytes | None = None,
    max_upload_mb: int = 20,
) -> Any:
    """The ASGI app.

    Args:
        corpus: defaults to `load_corpus()`.
        token: local mode: every request needs this token (first in the URL, then as a cookie).
        hosts: the Host header values to accept ('127.0.0.1:8000'); None accepts any (behind a proxy
            that checks it).
        thema_css: a gemeente's own theme stylesheet, loaded after the NL Design System theme.
        thema_klasse: a CSS class to put on the page (the class the gemeente's theme is scoped to).
        geheim: key for the CSRF tokens and signed downloads; default: $INKOOPKADER_WEB_GEHEIM, else a
            random key per process (set it when several workers serve the same site).
        max_upload_mb: largest draft or profile upload.

    Raises:
        WebNietGeinstalleerd: the extra `inkoopkader[web]` is not installed.
        InkoopkaderError: the theme stylesheet cannot be read, or an invalid class name.
    """
    controleer_installatie()
    from ..corpus import load_corpus
    from .app import Instellingen, maak_starlette
    from .poort import MiB, Beveiliging

    css_pad = None
    if thema_css is not None:
        css_pad = Path(thema_css)
        if not css_pad.is_file():
            raise InkoopkaderError(f"Themabestand niet gevonden: {css_pad}")
        if css_pad.stat().st_size > 5 * MiB:
            raise InkoopkaderError(f"Themabestand {css_pad} is groter dan 5 MB.")
    if thema_klasse is not None and not thema_klasse.replace("-", "").replace("_", "").isalnum():
        raise InkoopkaderError(f"Ongeldige klassenaam voor het thema: '{thema_klasse}' (alleen letters, cijfers, - en _).")
    if geheim is None:
        omgeving = os.environ.get(ENV_GEHEIM)
        geheim = omgeving.encode() if omgeving else secrets.token_bytes(32)
    beveiliging = Beveiliging(geheim=geheim, token=token, hosts=tuple(h.lower() for h in hosts) if hosts else None,
                              max_upload=max_upload_mb * MiB)
    return maak_starlette(corpus or load_corpus(), beveiliging, Instellingen(css_pad, thema_klasse))
