"""One contract for every broker: what is published reaches every subscriber, in order."""

import asyncio
import os
import threading
import time
import uuid

import pytest

from bulletin.push import broker_for_url
from tests.conftest import require

REDIS_URL = os.environ.get("BULLETIN_TEST_REDIS_URL", "")


def redis_available() -> bool:
    if not REDIS_URL:
        return False
    import redis

    try:
        with redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1) as client:
            client.ping()
    except redis.RedisError:
        return False
    return True


@pytest.fixture(params=["memory", "redis"])
def broker_url(request):
    if request.param == "redis":
        require(redis_available(), f"Redis is not reachable at BULLETIN_TEST_REDIS_URL={REDIS_URL!r}")
        return REDIS_URL
    return "memory://"


def process_broker(url: str, shared):
    """The broker a second server process would have: its own for Redis, the same in memory."""
    return shared if url == "memory://" else broker_for_url(url)


class Listener:
    """A subscriber with its own event loop in a thread, as a server process would have."""

    def __init__(self, broker, channel: str) -> None:
        self.broker = broker
        self.received: list[bytes] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.run(self.broker.connect())
        self.subscription = self.broker.subscribe(channel, self.received.append, loop=self.loop)
        self.wait_until(lambda: self.broker.healthy, "the broker never became healthy")

    def run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=10)

    def wait_until(self, condition, message: str, timeout: float = 5) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, message
            time.sleep(0.01)

    def close(self) -> None:
        self.broker.unsubscribe(self.subscription)
        self.run(self.broker.disconnect())  # the memory broker's is a no-op
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)
        self.loop.close()


def test_published_messages_reach_every_subscriber_in_order(broker_url):
    channel = f"test.{uuid.uuid4().hex}"
    publisher = broker_for_url(broker_url)
    listeners = [Listener(process_broker(broker_url, publisher), channel) for _ in range(2)]
    try:
        messages = [f"change {n}".encode() for n in range(20)]
        for message in messages:
            publisher.publish(channel, message)
        for listener in listeners:
            received = listener.received
            listener.wait_until(lambda received=received: len(received) == 20, f"got {received}")
            assert listener.received == messages
    finally:
        for listener in listeners:
            listener.close()
        publisher.close()


def test_unsubscribed_callbacks_hear_nothing_more(broker_url):
    channel = f"test.{uuid.uuid4().hex}"
    listener = Listener(broker_for_url(broker_url), channel)
    broker = listener.broker
    heard: list[bytes] = []
    subscription = broker.subscribe(channel, heard.append)
    broker.publish(channel, b"one")
    deadline = time.monotonic() + 5
    while heard != [b"one"]:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    broker.unsubscribe(subscription)
    broker.publish(channel, b"two")
    listener.wait_until(lambda: len(listener.received) == 2, "the listener missed a message")
    listener.close()
    assert heard == [b"one"]


def test_unreachable_redis_is_unhealthy_and_publish_fails_fast():
    import redis

    broker = broker_for_url("redis://127.0.0.1:1/0")
    started = time.monotonic()
    with pytest.raises(redis.RedisError):
        broker.publish("test.nowhere", b"x")
    assert time.monotonic() - started < 5
    assert broker.healthy is False
    broker.close()


def test_unknown_scheme_names_the_setting():
    with pytest.raises(ValueError, match=r"BULLETIN\['BROKER_URL'\] must start with memory:// or redis://"):
        broker_for_url("amqp://localhost")
