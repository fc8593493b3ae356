"""Requests per second of the WSGI servers `pursuit serve` could run in-process.

    uv run --with waitress --with cheroot --with gunicorn python bench/server.py [--seconds 3]

Each candidate serves the real Pursuit app (settings, middleware, static files) in its own child
process on a free loopback port. A few client processes send keep-alive GETs for a fixed time,
then the server is stopped; nothing leaves the machine. Prints requests/s for a trivial view
(/healthz) and a static file, and each result as a ratio to the fastest.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pursuit.server import THREADS

VIEW = "/healthz"
STATIC = "/static/admin/css/base.css"
CLIENTS = 4


def serve_granian(port: int, processes: int) -> None:
    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server import Server

    Server(
        "pursuit.wsgi:application",
        address="127.0.0.1",
        port=port,
        interface=Interfaces.WSGI,
        workers=processes,
        blocking_threads=THREADS,
        log_level=LogLevels.warning,
    ).serve()


def serve_waitress(port: int, processes: int) -> None:
    import waitress

    from pursuit.wsgi import application

    waitress.serve(application, host="127.0.0.1", port=port, threads=THREADS, _quiet=True)


def serve_cheroot(port: int, processes: int) -> None:
    from cheroot import wsgi

    from pursuit.wsgi import application

    wsgi.Server(("127.0.0.1", port), application, numthreads=THREADS).safe_start()


def serve_gunicorn(port: int, processes: int) -> None:
    from gunicorn.app.base import BaseApplication

    class App(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"127.0.0.1:{port}")
            self.cfg.set("workers", processes)
            # gthread: threads and keep-alive, like the others; sync workers close every connection.
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", THREADS)
            self.cfg.set("loglevel", "warning")

        def load(self) -> Callable[..., object]:
            from pursuit.wsgi import application

            return application

    App().run()


SERVERS: dict[str, Callable[[int, int], None]] = {
    "granian": serve_granian,
    "waitress": serve_waitress,
    "cheroot": serve_cheroot,
    "gunicorn": serve_gunicorn,
}
# (server, processes): one process is the seeker's laptop; two is a coach's box with 2 cores.
CANDIDATES = [
    ("granian", 1),
    ("waitress", 1),
    ("cheroot", 1),
    ("gunicorn", 1),
    ("granian", 2),
    ("gunicorn", 2),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_up(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", VIEW)
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer on port {port}")


def client(port: int, path: str, seconds: float, counts: multiprocessing.Queue[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    done = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        done += 1
    counts.put(done)


def requests_per_second(port: int, path: str, seconds: float) -> float:
    counts: multiprocessing.Queue[int] = multiprocessing.Queue()
    clients = [
        multiprocessing.Process(target=client, args=(port, path, seconds, counts))
        for _ in range(CLIENTS)
    ]
    for process in clients:
        process.start()
    total = sum(counts.get(timeout=seconds + 30) for _ in clients)
    for process in clients:
        process.join()
    return total / seconds


def measure(name: str, processes: int, seconds: float) -> tuple[float, float]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", name, str(port), str(processes)],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_until_up(port, time.monotonic() + 30)
        requests_per_second(port, VIEW, 0.5)  # warm-up: imports, thread pools, first connections
        return (
            requests_per_second(port, VIEW, seconds),
            requests_per_second(port, STATIC, seconds),
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--serve", nargs=3, metavar=("SERVER", "PORT", "PROCESSES"))
    args = parser.parse_args()

    if args.serve:
        name, port, processes = args.serve
        SERVERS[name](int(port), int(processes))
        return

    os.environ["DJANGO_SETTINGS_MODULE"] = "pursuit.settings"
    os.environ["PURSUIT_DATA_DIR"] = tempfile.mkdtemp(prefix="pursuit-bench-")
    os.environ["PURSUIT_SECRET_KEY"] = "bench"
    os.environ.pop("DATABASE_URL", None)
    print(
        f"{os.cpu_count()} cores, {THREADS} server threads a process, "
        f"{CLIENTS} keep-alive clients, {args.seconds:g} s a run\n"
    )

    results = {}
    for name, processes in CANDIDATES:
        label = f"{name} ×{processes}"
        results[label] = measure(name, processes, args.seconds)
        print(f"  measured {label}", file=sys.stderr)

    best_view = max(view for view, _ in results.values())
    best_static = max(static for _, static in results.values())
    header = ("server × processes", "view req/s", "ratio", "static req/s", "ratio")
    print("{:<20}{:>12}{:>8}{:>14}{:>8}".format(*header))
    for label, (view, static) in results.items():
        print(
            f"{label:<20}{view:>12.0f}{view / best_view:>8.2f}"
            f"{static:>14.0f}{static / best_static:>8.2f}"
        )
    Path(os.environ["PURSUIT_DATA_DIR"]).rmdir()


if __name__ == "__main__":
    main()
