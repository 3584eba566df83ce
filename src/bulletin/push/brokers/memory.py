"""The in-process broker: the default for one server process on SQLite."""

import threading

from .base import Broker, Callback, Subscription


class MemoryBroker(Broker):
    """Delivers to subscribers in this process only."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscriptions: dict[str, list[Subscription]] = {}

    def publish(self, channel: str, message: bytes) -> None:
        with self._lock:
            subscriptions = list(self._subscriptions.get(channel, ()))
        for subscription in subscriptions:
            subscription.deliver(message)
            if not subscription.active:
                self.unsubscribe(subscription)

    def subscribe(self, channel: str, callback: Callback, *, loop=None) -> Subscription:
        subscription = Subscription(channel, callback, loop)
        with self._lock:
            self._subscriptions.setdefault(channel, []).append(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        subscription.active = False
        with self._lock:
            subscriptions = self._subscriptions.get(subscription.channel, [])
            if subscription in subscriptions:
                subscriptions.remove(subscription)
