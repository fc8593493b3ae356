"""The HTTP server `pursuit serve` runs in-process: Granian, serving Pursuit's WSGI application.

Granian was the fastest of the candidates measured by bench/server.py (docs/scaling.md), and the
same call serves one seeker's laptop (one process) and a coach's server (several).
"""

from __future__ import annotations

import errno
import ipaddress
import multiprocessing
import os
import socket

from pursuit.bootstrap import StartupError

APP = "pursuit.wsgi:application"
# Request threads a process runs. Past about two a core they only fight over the GIL (a trivial
# view served 4700 req/s with 2 threads, 3250 with 8 on 2 cores), but a slow page (a PDF) must
# not hold up the rest; Granian's own ceiling, 2 × cores + 1, balances the two.
THREADS = min(8, 2 * (os.cpu_count() or 1) + 1)


def _family(host: str) -> socket.AddressFamily:
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return socket.AF_INET
    return socket.AF_INET6 if ip.version == 6 else socket.AF_INET


def url_for(host: str, port: int) -> str:
    host = host.strip("[]")
    shown = f"[{host}]" if _family(host) == socket.AF_INET6 else host
    return f"http://{shown}:{port}/"


def check_port_free(host: str, port: int) -> None:
    """Bind and release the port, so a taken one fails in one line before anything starts."""
    try:
        with socket.create_server((host.strip("[]"), port), family=_family(host)):
            pass
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise StartupError(f"port {port} is in use; pass --port with a free one") from error
        raise StartupError(f"cannot listen on {host}:{port}: {error.strerror}") from error


def serve(host: str, port: int, *, processes: int = 1) -> None:
    """Serve until Ctrl-C or SIGTERM; returns after the server processes have stopped."""
    from granian import Granian
    from granian.constants import Interfaces
    from granian.log import LogLevels

    # The server processes start from a fresh interpreter rather than a fork: the worker loop's
    # thread and the migration's database connection stay behind in this process.
    multiprocessing.set_start_method("spawn", force=True)
    Granian(
        APP,
        address=host.strip("[]"),
        port=port,
        interface=Interfaces.WSGI,
        workers=processes,
        blocking_threads=THREADS,
        log_level=LogLevels.warning,
    ).serve()
