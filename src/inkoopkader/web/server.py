"""Running the web app: bind a socket, print the address, serve with uvicorn until Ctrl-C."""

from __future__ import annotations

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
        raise InkoopkaderError(f"Kan niet luisteren op {host}:{port}: {exc.strerror or exc}. Kies een andere "
                               "--port, of laat --port weg voor een vrije poort.") from None
    port = sock.getsockname()[1]
    lokaal = host in LOKALE_HOSTS or host.startswith("127.")
    if lokaal:
        hosts: tuple[str, ...] | None = (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"{host}:{port}")
    elif toegestane_hosts:
        hosts = tuple(h for naam in toegestane_hosts for h in ((naam,) if ":" in naam else (naam, f"{naam}:{port}")))
    else:
        hosts = None
    zichtbaar = "127.0.0.1" if host in ("0.0.0.0", "::") else (f"[{host}]" if ":" in host else host)
    url = f"http://{zichtbaar}:{port}/" + (f"?token={token}" if token else "")
    return Adres(sock, host, port, url, token, hosts)


def serve(app: Any, adres: Adres) -> None:
    """Serve until Ctrl-C (uvicorn shuts down gracefully on SIGINT/SIGTERM)."""
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", server_header=False, proxy_headers=True, access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[adres.sock])
    except KeyboardInterrupt:  # uvicorn has shut down and passes the Ctrl-C on: a normal stop
        pass
