"""Fixtures every test may use: the cast, the reader edge in-process, a real server."""

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

# pytest-playwright's sync API runs an event loop in the main thread; the ORM calls the
# tests make beside it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CI = os.environ.get("CI") == "true"


def require(available: bool, reason: str) -> None:
    """Skip when a real part is missing on a developer machine; fail under CI=true."""
    if available:
        return
    if CI:
        pytest.fail(f"CI=true, and {reason}", pytrace=False)
    pytest.skip(reason)


# The reader edge, in this process ------------------------------------------------------


@pytest.fixture(scope="session")
def edge_loop():
    """One event loop in a thread, standing in for the server's."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="edge-loop", daemon=True)
    thread.start()
    yield loop
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=5)


class EdgeClient:
    """Sends requests to a ReaderEdge running on edge_loop and waits for the answer.

    Changes announced before a request are heard before it: the broker schedules its
    callbacks on the same loop, first come first served.
    """

    def __init__(self, app, loop) -> None:
        self.app, self.loop = app, loop
        transport = httpx.ASGITransport(app=app)
        # Plain bytes unless a test asks for gzip (httpx would ask for it by default).
        self.client = httpx.AsyncClient(transport=transport, base_url="http://testserver",
                                        headers={"Accept-Encoding": "identity"})

    def run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=30)

    def get(self, path: str, **kwargs) -> httpx.Response:
        return self.run(self.client.get(path, **kwargs))

    def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        return self.run(self.client.request(method, path, **kwargs))


@pytest.fixture
def edge(transactional_db, edge_loop):
    """The real reader edge in front of Django, fresh for each test, over committed data."""
    from bulletin.project.asgi import django_application
    from bulletin.reader.edge import ReaderEdge

    client = EdgeClient(ReaderEdge(django_application), edge_loop)
    client.run(client.app.start())
    yield client
    client.run(client.client.aclose())
    client.run(client.app.stop())


@pytest.fixture
def announced():
    """Every change message the in-process broker carries during the test, decoded."""
    from bulletin import conf
    from bulletin.liveblogs.changes import CHANNEL
    from bulletin.push import get_broker

    broker = get_broker(conf.get("BROKER_URL"))
    messages: list[dict] = []
    subscription = broker.subscribe(CHANNEL, lambda message: messages.append(json.loads(message)))
    yield messages
    broker.unsubscribe(subscription)


# A real server process ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict: dict) -> str:
    """The URL of the test database, for a server process to open the same one."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    return (
        f"postgres://{settings_dict['USER']}{password}@{settings_dict['HOST']}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server exited with status {process.returncode}.")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"The server did not listen on port {port} within {timeout} s.")


class Server:
    def __init__(self, port: int, process: subprocess.Popen) -> None:
        self.port, self.process = port, process
        self.url = f"http://127.0.0.1:{port}"


def start_server(env_overrides: dict | None = None) -> Server:
    """Start `bulletin serve` on a free loopback port against the test database."""
    from django.db import connection

    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(connection.settings_dict),
        "BULLETIN_CHANGE_POLL_SECONDS": "0.1",
        **(env_overrides or {}),
    }
    bulletin = Path(sys.executable).with_name("bulletin")
    process = subprocess.Popen(
        [str(bulletin), "serve", "--no-migrate", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
    )
    try:
        wait_for_port(port, process)
    except RuntimeError:
        process.kill()
        raise
    return Server(port, process)


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server(django_db_setup, django_db_blocker):
    """A real `bulletin serve` process sharing the test database; tests commit their data."""
    running = start_server()
    yield running
    stop_server(running)


# Browser ----------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
    "--disable-extensions", "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    # Chromium's own look-ups of outside hosts fail here; loopback keeps working.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require(os.path.exists(CHROMIUM), f"Debian's chromium is not installed at {CHROMIUM}")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
