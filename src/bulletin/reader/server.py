"""Running the ASGI application under granian, shared by ``serve`` and ``demo``."""

import argparse
import os

from granian import Granian
from granian.constants import Interfaces

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
    # Workers read their settings afresh: absolute links should name this address unless
    # the operator said otherwise.
    os.environ.setdefault("BULLETIN_PUBLIC_URL", f"http://{options['host']}:{options['port']}")
    Granian(
        APPLICATION,
        address=options["host"],
        port=options["port"],
        interface=Interfaces.ASGI,
        workers=options["workers"],
        # A listen backlog too small turns a burst of connects into second-long SYN retries.
        backlog=4096,
        # Granian's default backpressure (backlog / workers) silently stalls every stream
        # past it; each open SSE stream holds one slot for its whole life.
        backpressure=options["max_connections"],
        log_access=False,
    ).serve()
