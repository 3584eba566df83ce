"""Several server processes, a broker that dies, a server that is killed: nothing is lost."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import redis
from django.db import connection

from bulletin.liveblogs import audience
from bulletin.liveblogs.models import Change, Post
from bulletin.push import get_broker
from tests.conftest import (
    database_url,
    free_port,
    kill_server,
    require,
    start_server,
    stop_server,
    wait_for_port,
)
from tests.factories import make_liveblog, publish
from tests.sse import parse

pytestmark = pytest.mark.django_db(transaction=True)


class Redis:
    """A redis-server of the test's own, so stopping it disturbs nobody else."""

    def __init__(self) -> None:
        require(shutil.which("redis-server") is not None, "redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process)

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def redis_server():
    redis = Redis()
    yield redis
    redis.stop()


class Reader:
    """An SSE client reading with plain sockets, resuming by Last-Event-ID when cut off."""

    def __init__(self, url: str, slug: str, after: int) -> None:
        self.url, self.slug, self.last, self.ids = url, slug, after, []
        self.connect()

    def connect(self) -> None:
        self.client = httpx.Client(base_url=self.url, timeout=httpx.Timeout(5, read=0.5))
        request = self.client.build_request(
            "GET", f"/live/{self.slug}/stream", headers={"Last-Event-ID": str(self.last)})
        self.response = self.client.send(request, stream=True)
        self.chunks = self.response.iter_raw()
        self.text = ""

    def read_until(self, last_id: int, timeout: float = 10, reconnect: bool = False) -> None:
        deadline = time.monotonic() + timeout
        while self.last < last_id:
            assert time.monotonic() < deadline, f"stopped at {self.last}, wanted {last_id}"
            try:
                chunk = next(self.chunks)
            except httpx.ReadTimeout:
                continue
            except (StopIteration, httpx.HTTPError):
                assert reconnect, "the stream ended"
                self.close()
                self._reconnect(deadline)
                continue
            events, _comments, self.text = parse(self.text + chunk.decode())
            for event in events:
                self.ids.append(event.id)
                self.last = event.id

    def wait_for_end(self, timeout: float = 10) -> None:
        """Read until the server ends the stream."""
        deadline = time.monotonic() + timeout
        while True:
            assert time.monotonic() < deadline, "the stream is still open"
            try:
                next(self.chunks)
            except httpx.ReadTimeout:
                continue
            except (StopIteration, httpx.HTTPError):
                return

    def _reconnect(self, deadline: float) -> None:
        while True:
            try:
                return self.connect()
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "could not reconnect"
                time.sleep(0.1)

    def close(self) -> None:
        self.response.close()
        self.client.close()


def test_a_change_reaches_readers_of_every_process_through_redis(redis_server):
    liveblog = make_liveblog()
    # Reading sequences from the database once a minute: only Redis can be this quick.
    env = {"BULLETIN_BROKER_URL": redis_server.url, "BULLETIN_CHANGE_POLL_SECONDS": "60"}
    servers = [start_server(env) for _ in range(2)]
    readers = [Reader(server.url, liveblog.slug, after=1) for server in servers]
    try:
        _publish_in_other_process(liveblog.slug, "Both processes hear this", env)
        for reader in readers:
            reader.read_until(2, timeout=3)
            assert reader.ids == [2]
    finally:
        for reader in readers:
            reader.close()
        for server in servers:
            stop_server(server)


def test_publishing_survives_the_broker_dying_and_push_comes_back(redis_server, settings):
    settings.BULLETIN = {**settings.BULLETIN, "BROKER_URL": redis_server.url}
    liveblog = make_liveblog()
    env = {"BULLETIN_BROKER_URL": redis_server.url, "BULLETIN_CHANGE_POLL_SECONDS": "0.3"}
    server = start_server(env)
    reader = Reader(server.url, liveblog.slug, after=1)
    try:
        publish(liveblog)  # 2, through Redis
        reader.read_until(2)
        redis_server.stop()
        publish(liveblog)  # 3 and 4: Redis is down, the change table carries them
        publish(liveblog)
        assert Change.objects.filter(liveblog=liveblog).count() == 4
        reader.read_until(4)
        redis_server.start()
        _wait_for_resubscription(redis_server.url)
        publish(liveblog)  # 5, through Redis again
        reader.read_until(5)
        assert reader.ids == [2, 3, 4, 5]
    finally:
        reader.close()
        stop_server(server)
        get_broker(redis_server.url).close()  # this test process published through it


def _wait_for_resubscription(url: str, timeout: float = 15) -> None:
    """Wait until the server, retrying with backoff, listens to the restarted Redis again."""
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + timeout
    while client.pubsub_numsub("bulletin.changes")[0][1] < 1:
        assert time.monotonic() < deadline, "the server never subscribed to Redis again"
        time.sleep(0.1)
    client.close()


def _publish_in_other_process(slug: str, body: str, env: dict) -> None:
    bulletin = Path(sys.executable).with_name("bulletin")
    full_env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict), **env}
    subprocess.run([str(bulletin), "publish", slug, "--body", body], check=True, env=full_env,
                   stdout=subprocess.DEVNULL)


BURST = """
import sys
import django
django.setup()
from bulletin.liveblogs import services
from bulletin.liveblogs.models import LiveBlog
from bulletin.liveblogs.roles import SYSTEM
blog = LiveBlog.objects.get(slug=sys.argv[1])
for n in range(int(sys.argv[2])):
    post = services.publish_post(blog, author=SYSTEM, body=f"Burst post {n}.")
    print("ACK", post.number, flush=True)
"""


def test_killing_the_server_mid_burst_loses_nothing(tmp_path):
    liveblog = make_liveblog()
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict),
           "DJANGO_SETTINGS_MODULE": "bulletin.project.settings"}
    server = start_server()
    reader = Reader(server.url, liveblog.slug, after=1)
    script = tmp_path / "burst.py"
    script.write_text(BURST)
    burst = subprocess.Popen([sys.executable, str(script), liveblog.slug, "60"],
                             env=env, stdout=subprocess.PIPE, text=True)
    acknowledged = []
    try:
        for line in burst.stdout:
            acknowledged.append(int(line.split()[1]))
            if len(acknowledged) == 20:
                kill_server(server)  # kill -9, workers included
                server = start_server()  # a new process on a new port; the reader must move
                reader.url = server.url
        burst.wait(timeout=60)
        assert burst.returncode == 0 and acknowledged == list(range(1, 61))
        assert sorted(Post.objects.filter(liveblog=liveblog).values_list("number", flat=True)) == acknowledged
        reader.read_until(61, timeout=20, reconnect=True)
        assert reader.ids == list(range(2, 62))
    finally:
        burst.kill()
        burst.wait()
        burst.stdout.close()
        reader.close()
        stop_server(server)


def test_stopping_the_server_ends_open_streams_so_readers_reconnect():
    liveblog = make_liveblog()
    server = start_server()
    reader = Reader(server.url, liveblog.slug, after=0)
    reader.read_until(1)
    try:
        os.killpg(server.process.pid, signal.SIGTERM)
        reader.wait_for_end()
        # Without closing its streams the server would wait on them for ever.
        server.process.wait(timeout=10)
    finally:
        reader.close()
        stop_server(server)


def test_readers_who_leave_stop_counting_as_watching():
    """granian's send() to a reader who left returns silently: the stream must notice anyway."""
    liveblog = make_liveblog()
    server = start_server({"BULLETIN_READER_REPORT_SECONDS": "0.2"})
    readers = [Reader(server.url, liveblog.slug, after=0) for _ in range(3)]
    try:
        for reader in readers:
            reader.read_until(1)
        _wait_for_watching(liveblog, 3)
        for reader in readers[1:]:
            reader.close()
        _wait_for_watching(liveblog, 1)
    finally:
        for reader in readers:
            reader.close()
        stop_server(server)


def _wait_for_watching(liveblog, expected: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while (now := audience.watching(liveblog)) != expected:
        assert time.monotonic() < deadline, f"{now} readers watching, expected {expected}"
        time.sleep(0.05)
