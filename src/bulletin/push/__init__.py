"""The broker: carries bytes on named channels between server processes. Nothing more.

It knows channels and bytes, never posts, and imports nothing else from Bulletin.
``broadcast`` is called after a transaction commits; ``subscribe`` by the reader edge.
"""

from .brokers import Broker, Subscription, broker_for_url

__all__ = ["Broker", "Subscription", "broadcast", "get_broker", "broker_for_url"]

_brokers: dict[str, Broker] = {}


def get_broker(url: str) -> Broker:
    """Return the process-wide broker for url, creating it on first use."""
    if url not in _brokers:
        _brokers[url] = broker_for_url(url)
    return _brokers[url]


def broadcast(url: str, channel: str, message: bytes) -> None:
    """Hand message to every subscriber of channel on the broker at url."""
    get_broker(url).publish(channel, message)
