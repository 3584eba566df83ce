"""Running the ASGI application under granian, shared by ``serve`` and ``demo``."""

import argparse
import os

from django.conf import settings
from django.db import connections
from granian import Granian
from granian.constants import HTTPModes, Interfaces, Loops
from granian.http import HTTP1Settings

APPLICATION = "bulletin.project.asgi:application"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
    parser.add_argument("--port", type=int, default=8000, help="Port to listen on (default 8000).")
    parser.add_argument("--workers", type=int, default=1, help="Worker processes (default 1).")
    parser.add_argument(
        "--max-connections", type=int, default=20_000,
        help="Concurrent connections per worker, SSE streams included (default 20000).",
    )


def run(options: dict) -> None:
    """Serve until interrupted; granian stops workers gracefully on SIGINT and SIGTERM."""
    # Workers are forked from this process and inherit its settings: absolute links name
    # the address served unless the operator set BULLETIN_PUBLIC_URL.
    if "BULLETIN_PUBLIC_URL" not in os.environ:
        public_url = f"http://{options['host']}:{options['port']}"
        settings.BULLETIN = {**getattr(settings, "BULLETIN", {}), "PUBLIC_URL": public_url}
    # Workers are forked: an SQLite connection carried across fork() can corrupt the
    # database (sqlite.org/howtocorrupt.html, 2.6), and a shared PostgreSQL socket breaks.
    connections.close_all()
    Granian(
        APPLICATION,
        address=options["host"],
        port=options["port"],
        interface=Interfaces.ASGI,
        # HTTP/1.1 only: browsers speak HTTP/2 only over TLS, which the proxy or CDN in
        # front ends; sniffing for cleartext HTTP/2 cost each open stream 0.7 KB.
        http=HTTPModes.http1,
        # uvloop: cheaper callbacks for every wake-up of every stream (named, so that an
        # experimental loop installed alongside is not picked up by "auto").
        loop=Loops.uvloop,
        workers=options["workers"],
        # A listen backlog too small turns a burst of connects into second-long SYN retries.
        backlog=4096,
        # Granian's default backpressure (backlog / workers) silently stalls every stream
        # past it; each open SSE stream holds one slot for its whole life.
        backpressure=options["max_connections"],
        # Each connection's read buffer may grow to this; with the default (408 KB) an idle
        # SSE stream held 27 KB, with 8 KB (hyper's floor) 17 KB (docs/benchmarks-fanout.md).
        # It also bounds a request's head: plenty for readers and the desk's two cookies.
        http1_settings=HTTP1Settings(max_buffer_size=8192),
        log_access=False,
    ).serve()
