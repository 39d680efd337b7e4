"""Running the web app: bind a socket, print the address, serve with uvicorn until Ctrl-C."""

from __future__ import annotations

import errno
import socket
from dataclasses import dataclass
from typing import Any

from ..errors import InkoopkaderError
from . import LOKALE_HOSTS


@dataclass(frozen=True)
class Adres:
    sock: socket.socket
    host: str
    port: int
    url: str  # what the user opens (with the token in local mode)
    token: str | None
    hosts: tuple[str, ...] | None  # Host header values the app accepts
    toelichting: str | None = None  # where to open the app when the URL alone does not say it (a proxy)


def bind(host: str = "127.0.0.1", port: int = 0, *, token: str | None = None,
         toegestane_hosts: tuple[str, ...] = ()) -> Adres:
    """Bind a listening socket (port 0: a free port) and work out the URL and the accepted Host values.

    Loopback addresses accept only themselves and 'localhost' on that port (against DNS rebinding);
    any other address accepts `toegestane_hosts` (names, with or without port), or every Host header
    when none are given (a reverse proxy in front decides).

    Raises:
        InkoopkaderError: the port is taken, the address is not of this machine, or invalid input.
    """
    if not 0 <= port <= 65535:
        raise InkoopkaderError(f"Ongeldige poort {port}: kies 1-65535, of 0 voor een vrije poort.")
    try:
        familie, _, _, _, adres = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.create_server(adres[:2], family=familie, backlog=128)
    except socket.gaierror:
        raise InkoopkaderError(f"Onbekend adres voor --host: '{host}'.") from None
    except OSError as exc:
        raise InkoopkaderError(_bindfout(exc, host, port)) from None
    port = sock.getsockname()[1]
    lokaal = host in LOKALE_HOSTS or host.startswith("127.")
    if lokaal:
        hosts: tuple[str, ...] | None = (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"{host}:{port}")
    elif toegestane_hosts:
        hosts = tuple(h for naam in toegestane_hosts for h in ((naam,) if ":" in naam else (naam, f"{naam}:{port}")))
    else:
        hosts = None
    zichtbaar = "127.0.0.1" if host in ("0.0.0.0", "::") else (f"[{host}]" if ":" in host else host)
    toelichting = None
    if not lokaal and toegestane_hosts:  # only these names are accepted: the address is one of them
        naam = toegestane_hosts[0]
        zichtbaar, met_poort = (naam, True) if ":" in naam else (naam, False)
        url = f"http://{zichtbaar}/" if met_poort else f"http://{zichtbaar}:{port}/"
        toelichting = (f"Alleen verzoeken aan {', '.join(toegestane_hosts)} worden beantwoord: open de webapp via "
                       f"die naam, achter een reverse proxy via het adres van de proxy (b.v. https://{naam}/).")
    else:
        url = f"http://{zichtbaar}:{port}/"
    url += f"?token={token}" if token else ""
    return Adres(sock, host, port, url, token, hosts, toelichting)


def _bindfout(exc: OSError, host: str, port: int) -> str:
    """Dutch for the operating system's English reason."""
    if exc.errno == errno.EADDRINUSE:
        return (f"Poort {port} is al in gebruik op {host}, misschien door een andere inkoopkader-webapp. Kies een "
                "andere poort met --port, of laat --port weg voor een vrije poort.")
    if exc.errno == errno.EACCES:
        return (f"Geen toestemming om op poort {port} te luisteren (poorten onder 1024 vragen beheerrechten). Kies "
                "een poort vanaf 1024 met --port, of laat --port weg voor een vrije poort.")
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"Het adres {host} hoort niet bij deze computer. Kies een ander adres met --host, b.v. 127.0.0.1."
    return (f"Kan niet luisteren op {host}:{port} (systeemfout {exc.errno}). Kies een andere poort met --port, of "
            "laat --port weg voor een vrije poort.")


def serve(app: Any, adres: Adres) -> None:
    """Serve until Ctrl-C (uvicorn shuts down gracefully on SIGINT/SIGTERM)."""
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", server_header=False, proxy_headers=True, access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[adres.sock])
    except KeyboardInterrupt:  # uvicorn has shut down and passes the Ctrl-C on: a normal stop
        pass
