"""The Redis broker: pub/sub between server processes, one message per change per process.

Publishing uses a plain client from whatever thread commits the change. Each process runs
one listener task that receives every message and calls the local subscribers. When Redis
is unreachable the listener keeps retrying and ``healthy`` is False; nothing is lost
meanwhile, because every process also reads new changes from the database.
"""

import asyncio
import logging

import redis
import redis.asyncio as aioredis

from .base import Broker, Callback, Subscription

logger = logging.getLogger(__name__)

# A publish must not hold up an editor for long when Redis is down: the change is already
# committed, so give up quickly and let the database tail carry it.
TIMEOUT = 1.0
RETRY_MAX = 5.0


class RedisBroker(Broker):
    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self._publisher = redis.Redis.from_url(url, socket_timeout=TIMEOUT, socket_connect_timeout=TIMEOUT)
        self._listener: asyncio.Task | None = None
        self._healthy = False
        self._channels_changed = asyncio.Event()

    @property
    def healthy(self) -> bool:
        return self._healthy

    async def connect(self) -> None:
        if self._listener is None:
            self._channels_changed = asyncio.Event()
            self._listener = asyncio.create_task(self._listen(), name="bulletin-redis-listener")

    async def disconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
            self._listener = None
        self._healthy = False
        self.close()

    def publish(self, channel: str, message: bytes) -> None:
        self._publisher.publish(channel, message)

    def close(self) -> None:
        self._publisher.close()

    def subscribe(self, channel: str, callback: Callback, *, loop=None) -> Subscription:
        subscription = super().subscribe(channel, callback, loop=loop)
        # Wake the listener, which may be idle with nothing to listen to yet.
        if loop is not None:
            loop.call_soon_threadsafe(self._channels_changed.set)
        return subscription

    async def _listen(self) -> None:
        delay = 0.2
        while True:
            try:
                await self._listen_once()
            except asyncio.CancelledError:
                raise
            except (redis.RedisError, OSError) as error:
                if self._healthy:
                    logger.warning("Lost Redis at %s (%s); retrying", self.url, error)
                self._healthy = False
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX)
            else:
                delay = 0.2

    async def _listen_once(self) -> None:
        # health_check_interval: PING an idle subscription, so a dead Redis is noticed.
        client = aioredis.Redis.from_url(self.url, socket_connect_timeout=TIMEOUT, health_check_interval=5)
        try:
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            subscribed: set[str] = set()
            while True:
                wanted = self.channels()
                if wanted - subscribed:
                    await pubsub.subscribe(*(wanted - subscribed))
                    subscribed |= wanted
                    if not self._healthy:
                        logger.info("Listening to Redis at %s", self.url)
                    self._healthy = True
                if not subscribed:
                    self._channels_changed.clear()
                    await self._channels_changed.wait()
                    continue
                message = await pubsub.get_message(timeout=1.0)
                if message is not None and message["type"] == "message":
                    self.deliver(message["channel"].decode(), message["data"])
        finally:
            await client.aclose()
