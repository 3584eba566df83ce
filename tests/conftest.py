"""Fixtures every test may use: the cast, the reader edge in-process, a real server."""

import asyncio
import concurrent.futures
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.sse import parse

# pytest-playwright's sync API runs an event loop in the main thread; the ORM calls the
# tests make beside it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CI = os.environ.get("CI") == "true"


def run_async(coroutine):
    """Run a coroutine to the end on a loop of its own, whatever loop this thread runs.

    Playwright's sync API keeps an event loop running in the main thread once a browser
    test has run, and asyncio.run() refuses to start inside it.
    """
    with concurrent.futures.ThreadPoolExecutor(1) as executor:
        return executor.submit(asyncio.run, coroutine).result()


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
    loop.close()


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

    def stream(self, path: str, headers: dict | None = None) -> "StreamConnection":
        return StreamConnection(self, path, headers or {})


class StreamConnection:
    """One open SSE request to the edge, read as it arrives (httpx's ASGI transport buffers)."""

    def __init__(self, client: EdgeClient, path: str, headers: dict) -> None:
        self.client = client
        self.messages: queue.Queue = queue.Queue()
        self.status: int | None = None
        self.text = ""
        self.events: list = []
        self.comments: list[str] = []
        self.ended = False
        path, _, query = path.partition("?")
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
            "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query.encode(),
            "root_path": "", "server": ("testserver", 80), "client": ("127.0.0.1", 50000),
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        }
        self.gone = self.client.run(self._make_event())
        self.task = asyncio.run_coroutine_threadsafe(self._run(scope), client.loop)

    async def _make_event(self) -> asyncio.Event:
        return asyncio.Event()

    async def _run(self, scope) -> None:
        async def receive():
            await self.gone.wait()
            return {"type": "http.disconnect"}

        async def send(message):
            self.messages.put(message)

        await self.client.app(scope, receive, send)

    def _take(self, timeout: float) -> bool:
        try:
            message = self.messages.get(timeout=timeout)
        except queue.Empty:
            return False
        if message["type"] == "http.response.start":
            self.status = message["status"]
        else:
            events, comments, self.text = parse(self.text + message.get("body", b"").decode())
            self.events += events
            self.comments += comments
            self.ended = not message.get("more_body", False)
        return True

    def wait_for(self, condition, timeout: float = 5.0) -> None:
        """Read from the stream until condition(self) holds; fail after timeout seconds."""
        deadline = time.monotonic() + timeout
        while not condition(self):
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"stream condition not met; events so far: {[e.id for e in self.events]}"
            self._take(remaining)

    def sequences(self) -> list[int]:
        return [event.id for event in self.events]

    def close(self) -> None:
        self.client.loop.call_soon_threadsafe(self.gone.set)
        self.task.result(timeout=10)


@pytest.fixture
def edge(transactional_db, edge_loop, settings):
    """The real reader edge in front of Django, fresh for each test, over committed data."""
    from bulletin.project.asgi import django_application

    # Freezing the garbage collector is for long-lived servers, not for a test process.
    settings.BULLETIN = {**settings.BULLETIN, "GC_FREEZE_SECONDS": 0}
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
    # The server must not need the escape hatch the test process uses for Playwright.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": database_url(connection.settings_dict),
        "BULLETIN_CHANGE_POLL_SECONDS": "0.1",
        **(env_overrides or {}),
    }
    bulletin = Path(sys.executable).with_name("bulletin")
    # A session of its own: granian's workers are child processes, and stopping or
    # killing the server must take them along.
    process = subprocess.Popen(
        [str(bulletin), "serve", "--no-migrate", "--host", "127.0.0.1", "--port", str(port)],
        env=env, start_new_session=True,
    )
    try:
        wait_for_port(port, process)
    except RuntimeError:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    return Server(port, process)


def kill_server(server: Server, sig: int = signal.SIGKILL) -> None:
    """Signal the server and its workers (its whole process group), and wait for it."""
    try:
        os.killpg(server.process.pid, sig)
    except ProcessLookupError:
        pass
    server.process.wait(timeout=15)


def stop_server(server: Server) -> None:
    try:
        kill_server(server, signal.SIGTERM)
    except subprocess.TimeoutExpired:
        kill_server(server, signal.SIGKILL)


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
