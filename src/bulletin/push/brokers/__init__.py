"""Broker implementations behind one small interface, chosen by URL scheme."""

from .base import Broker, Subscription


def broker_for_url(url: str) -> Broker:
    """Build the broker a URL names: memory:// or redis://host:port/db."""
    scheme = url.split(":", 1)[0]
    if scheme == "memory":
        from .memory import MemoryBroker

        return MemoryBroker()
    if scheme in ("redis", "rediss"):
        # Imported only when asked for: the embedded default needs no redis package.
        from .redis import RedisBroker

        return RedisBroker(url)
    raise ValueError(f"BULLETIN['BROKER_URL'] must start with memory:// or redis://, not {url!r}.")


__all__ = ["Broker", "Subscription", "broker_for_url"]
