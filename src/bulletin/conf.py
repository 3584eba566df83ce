"""Bulletin's settings: one ``BULLETIN`` dict in Django settings over these defaults.

Values are read when used, never at import, so tests can override them.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULTS = {
    # memory:// (one process) or redis://host:port/db (several processes).
    "BROKER_URL": "memory://",
    # Absolute base for links that leave the site: Open Graph, feeds, embeds.
    "PUBLIC_URL": "http://127.0.0.1:8000",
    # Posts on one page of the live page and the lite page.
    "PAGE_SIZE": 20,
    "LITE_PAGE_SIZE": 30,
    # Changes in one response of /live/<slug>/changes.
    "CHANGES_WINDOW": 50,
    # How often each server process looks for changes made by other processes.
    "CHANGE_POLL_SECONDS": 0.5,
    # How often each server process records its open streams (the desk's "readers watching").
    "READER_REPORT_SECONDS": 10,
    # Every so often, freeze what the garbage collector tracks, so that collections do not
    # rescan thousands of long-lived streams (0 turns freezing off)...
    "GC_FREEZE_SECONDS": 5,
    # ...and, more rarely, thaw, collect the cycles that froze dead, and freeze again.
    "GC_COLLECT_SECONDS": 900,
}


# Counts and periods that make no sense at zero or below (a zero period is a busy loop).
POSITIVE = frozenset({"PAGE_SIZE", "LITE_PAGE_SIZE", "CHANGES_WINDOW", "CHANGE_POLL_SECONDS",
                      "READER_REPORT_SECONDS", "GC_COLLECT_SECONDS"})


def get(key: str):
    """Return BULLETIN[key] from settings, else its default."""
    if key not in DEFAULTS:
        raise ImproperlyConfigured(f"BULLETIN has no setting named {key!r}.")
    value = getattr(settings, "BULLETIN", {}).get(key, DEFAULTS[key])
    if key in POSITIVE and not value > 0:
        raise ImproperlyConfigured(f"BULLETIN {key} must be above 0, not {value!r}.")
    return value
