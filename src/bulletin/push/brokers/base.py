"""The interface every broker offers."""

import asyncio
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field

Callback = Callable[[bytes], None]


@dataclass(eq=False)
class Subscription:
    """One subscriber: its callback runs in its own event loop, or inline when loop is None."""

    channel: str
    callback: Callback
    loop: asyncio.AbstractEventLoop | None = None
    active: bool = field(default=True)

    def deliver(self, message: bytes) -> None:
        """Run the callback where the subscriber lives; a closed loop ends the subscription."""
        if self.loop is None:
            self.callback(message)
            return
        try:
            self.loop.call_soon_threadsafe(self.callback, message)
        except RuntimeError:  # the subscriber's loop has closed
            self.active = False


class Broker(ABC):
    """Carries messages from publishers (any thread) to subscribers (callbacks).

    Every broker keeps its own process's subscribers here; subclasses carry messages
    between processes and hand each arriving one to ``deliver``.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscriptions: dict[str, list[Subscription]] = {}

    async def connect(self) -> None:  # noqa: B027 - brokers without connections need nothing
        """Open connections; called in the ASGI lifespan, never at import."""

    async def disconnect(self) -> None:  # noqa: B027
        """Close connections."""

    def close(self) -> None:  # noqa: B027 - brokers without connections need nothing
        """Close what publishing opened; publishing again opens it anew."""

    @abstractmethod
    def publish(self, channel: str, message: bytes) -> None:
        """Send message to every subscriber of channel, in this process and others."""

    def subscribe(self, channel: str, callback: Callback, *, loop=None) -> Subscription:
        """Call callback(message) for each message on channel until unsubscribed."""
        subscription = Subscription(channel, callback, loop)
        with self._lock:
            self._subscriptions.setdefault(channel, []).append(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        """Stop delivering to subscription."""
        subscription.active = False
        with self._lock:
            subscriptions = self._subscriptions.get(subscription.channel, [])
            if subscription in subscriptions:
                subscriptions.remove(subscription)

    def deliver(self, channel: str, message: bytes) -> None:
        """Hand a message to this process's subscribers of channel."""
        with self._lock:
            subscriptions = list(self._subscriptions.get(channel, ()))
        for subscription in subscriptions:
            subscription.deliver(message)
            if not subscription.active:
                self.unsubscribe(subscription)

    def channels(self) -> set[str]:
        with self._lock:
            return {channel for channel, subscriptions in self._subscriptions.items() if subscriptions}

    @property
    def healthy(self) -> bool:
        """Whether messages currently flow; False tells readers to fall back to polling."""
        return True
