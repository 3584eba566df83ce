"""Sign-in attempts, counted in Django's cache (shared by every process when it is Redis)."""

from django.core.cache import cache

WINDOW = 15 * 60
# Per username from one address, and per address whatever the usernames: guessing one
# password is slow, and so is trying many accounts from one place.
LIMITS = {"user": 5, "address": 30}


def _keys(username: str, address: str) -> dict[str, str]:
    return {
        "user": f"bulletin:signin:user:{username.strip().lower()}:{address}",
        "address": f"bulletin:signin:address:{address}",
    }


def blocked(username: str, address: str) -> bool:
    counts = cache.get_many(list(_keys(username, address).values()))
    return any(counts.get(key, 0) >= LIMITS[kind] for kind, key in _keys(username, address).items())


def record_failure(username: str, address: str) -> None:
    for key in _keys(username, address).values():
        if not cache.add(key, 1, WINDOW):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, WINDOW)


def forget(username: str, address: str) -> None:
    cache.delete(_keys(username, address)["user"])
