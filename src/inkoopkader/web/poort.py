"""The web app's defences, as one ASGI middleware in front of every route.

- Host check: only the configured host names (local mode: 127.0.0.1, localhost and [::1] on the
  port being served), against DNS rebinding.
- Access token (local mode): the URL `inkoopkader serve` prints carries `?token=…`; the first request
  with it sets an HttpOnly, SameSite=Strict cookie and redirects to the same address without the
  token. A request without a valid cookie or token gets a Dutch 403 page.
- CSRF: every POST must carry `csrf=` in its query string, equal to an HMAC of the per-browser cookie
  `ik_csrf` under the app's secret (signed double submit). A cross-site request (`Sec-Fetch-Site:
  cross-site` or an `Origin` of another host) is refused as well. Checked before the body is read.
- Request size: a body larger than the route's limit is refused before it is read when the client
  declares its length, and cut off with `TeGroot` when it does not.
- Response headers: Content-Security-Policy (no inline script or style, nothing from elsewhere),
  nosniff, no referrer to other sites, no framing, no caching of pages.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

TOEGANG_COOKIE = "ik_toegang"
CSRF_COOKIE = "ik_csrf"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")

MiB = 1024 * 1024


class TeGroot(Exception):
    """The request body is larger than the route allows."""

    def __init__(self, limiet: int) -> None:
        self.limiet = limiet
        super().__init__(limiet)


@dataclass(frozen=True)
class Beveiliging:
    """The settings of the middleware (made by `maak_app`)."""

    geheim: bytes
    token: str | None = None
    hosts: tuple[str, ...] | None = None  # allowed Host header values (lower case); None = any
    max_upload: int = 20 * MiB  # body of the upload routes
    max_formulier: int = 4 * MiB  # body of every other POST
    upload_paden: tuple[str, ...] = ("/controle", "/profiel", "/controle/download")

    def csrf_token(self, nonce: str) -> str:
        return hmac.new(self.geheim, f"csrf:{nonce}".encode(), hashlib.sha256).hexdigest()

    def teken(self, inhoud: bytes) -> str:
        """A signature for content the page hands back later (check reports to download)."""
        return hmac.new(self.geheim, b"inhoud:" + inhoud, hashlib.sha256).hexdigest()

    def klopt(self, inhoud: bytes, handtekening: str) -> bool:
        return hmac.compare_digest(self.teken(inhoud), handtekening)


def _cookies(scope: Scope) -> dict[str, str]:
    cookie = SimpleCookie()
    for naam, waarde in scope.get("headers", []):
        if naam == b"cookie":
            try:
                cookie.load(waarde.decode("latin-1"))
            except Exception:  # a malformed cookie header is treated as no cookies
                return {}
    return {k: m.value for k, m in cookie.items()}


def _header(scope: Scope, naam: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k == naam:
            return v.decode("latin-1")
    return None


def _cookie_regel(naam: str, waarde: str, veilig: bool) -> bytes:
    regel = f"{naam}={waarde}; Path=/; HttpOnly; SameSite=Strict"
    return (regel + ("; Secure" if veilig else "")).encode("latin-1")


class Poort:
    """ASGI middleware; `weiger(scope, receive, send, status, melding)` renders the Dutch error page."""

    def __init__(self, app: Any, instellingen: Beveiliging,
                 weiger: Callable[[Scope, Receive, Send, int, str], Awaitable[None]]) -> None:
        self.app = app
        self.instellingen = instellingen
        self.weiger = weiger

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ins = self.instellingen
        scope.setdefault("state", {})
        veilig = scope.get("scheme") == "https"
        host = (_header(scope, b"host") or "").lower()
        if ins.hosts is not None and host not in ins.hosts:
            await self.weiger(scope, receive, _met_headers(send, [], statisch=False), 400,
                              "Deze webapp is niet via dit adres te bereiken. Gebruik het adres dat "
                              "'inkoopkader serve' toonde.")
            return
        cookies = _cookies(scope)
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
        extra: list[tuple[bytes, bytes]] = []

        if ins.token is not None:
            gegeven = query.get("token")
            if gegeven is not None and hmac.compare_digest(gegeven.encode(), ins.token.encode()):
                rest = urlencode([(k, v) for k, v in query.items() if k != "token"])
                pad = scope["path"] if scope["path"].startswith("/") and not scope["path"].startswith("//") else "/"
                doel = scope.get("root_path", "") + pad + (f"?{rest}" if rest else "")
                await send({"type": "http.response.start", "status": 303, "headers": [
                    (b"location", doel.encode("latin-1")),
                    (b"set-cookie", _cookie_regel(TOEGANG_COOKIE, ins.token, veilig)),
                    *_veiligheidsheaders(statisch=False),
                ]})
                await send({"type": "http.response.body", "body": b""})
                return
            koekje = cookies.get(TOEGANG_COOKIE, "")
            if not hmac.compare_digest(koekje.encode(), ins.token.encode()):
                await self.weiger(scope, receive, _met_headers(send, [], statisch=False), 403,
                                  "Geen toegang. Open de webapp via de link met het toegangstoken die "
                                  "'inkoopkader serve' bij het starten toonde.")
                return

        nonce = cookies.get(CSRF_COOKIE, "")
        if len(nonce) != 32 or not nonce.isalnum():
            nonce = secrets.token_hex(16)
            extra.append((b"set-cookie", _cookie_regel(CSRF_COOKIE, nonce, veilig)))
        scope["state"]["csrf"] = ins.csrf_token(nonce)
        statisch = scope["path"].startswith("/static/")
        send = _met_headers(send, extra, statisch=statisch)

        if scope["method"] not in ("GET", "HEAD"):
            if scope["method"] != "POST":
                await self.weiger(scope, receive, send, 405, "Deze handeling is hier niet toegestaan.")
                return
            if not self._zelfde_site(scope, host):
                await self.weiger(scope, receive, send, 403,
                                  "Het formulier kwam van een andere website en is geweigerd.")
                return
            gegeven = query.get("csrf", "")
            if not hmac.compare_digest(gegeven.encode(), ins.csrf_token(nonce).encode()) or CSRF_COOKIE not in cookies:
                await self.weiger(scope, receive, send, 403,
                                  "Het formulier is verlopen of niet door deze webapp gemaakt (CSRF-controle). "
                                  "Laad de pagina opnieuw en probeer het nog eens.")
                return
            limiet = ins.max_upload if scope["path"] in ins.upload_paden else ins.max_formulier
            lengte = _header(scope, b"content-length")
            if lengte is not None:
                if not lengte.isdigit():
                    await self.weiger(scope, receive, send, 400, "Ongeldige lengte van het verzoek.")
                    return
                if int(lengte) > limiet:
                    await self.weiger(scope, receive, send, 413, _te_groot(limiet))
                    return
            receive = _begrensd(receive, limiet)
        await self.app(scope, receive, send)

    @staticmethod
    def _zelfde_site(scope: Scope, host: str) -> bool:
        """Browsers say where a request comes from (Sec-Fetch-Site, else Origin); no header: not a browser."""
        fetch_site = _header(scope, b"sec-fetch-site")
        if fetch_site is not None:
            return fetch_site.lower() in ("same-origin", "none")
        origin = _header(scope, b"origin")
        if origin is None or origin == "null":
            return True  # the CSRF token decides
        return origin.split("://", 1)[-1].lower() == host


def _te_groot(limiet: int) -> str:
    return f"Het bestand of formulier is te groot: hier mag het ten hoogste {limiet // MiB} MB zijn."


def _begrensd(receive: Receive, limiet: int) -> Receive:
    gelezen = 0

    async def read() -> dict[str, Any]:
        nonlocal gelezen
        bericht = await receive()
        if bericht["type"] == "http.request":
            gelezen += len(bericht.get("body", b""))
            if gelezen > limiet:
                raise TeGroot(limiet)
        return bericht

    return read


def _veiligheidsheaders(*, statisch: bool) -> list[tuple[bytes, bytes]]:
    headers = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    ]
    if not statisch:
        headers.append((b"cache-control", b"no-store"))
    return headers


def _met_headers(send: Send, extra: Iterable[tuple[bytes, bytes]], *, statisch: bool) -> Send:
    toe = [*extra, *_veiligheidsheaders(statisch=statisch)]

    async def verstuur(bericht: dict[str, Any]) -> None:
        if bericht["type"] == "http.response.start":
            namen = {k for k, _ in toe if k != b"set-cookie"}
            headers = [(k, v) for k, v in bericht.get("headers", []) if k.lower() not in namen]
            bericht = {**bericht, "headers": [*headers, *toe]}
        await send(bericht)

    return verstuur
