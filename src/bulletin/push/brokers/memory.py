"""The in-process broker: the default for one server process on SQLite."""

from .base import Broker


class MemoryBroker(Broker):
    """Delivers to subscribers in this process only."""

    def publish(self, channel: str, message: bytes) -> None:
        self.deliver(channel, message)
