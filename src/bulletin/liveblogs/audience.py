"""How many readers are watching a live blog right now, across every server process.

Each process reports its open streams every READER_REPORT_SECONDS; a report three times
older than that is from a process that has stopped, and no longer counts.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from bulletin import conf

from .models import LiveBlog, ReaderCount


def stale() -> dt.timedelta:
    """How old a process's report may be before its readers stop counting."""
    return dt.timedelta(seconds=3 * conf.get("READER_REPORT_SECONDS"))


def report(process: str, counts: dict[int, int]) -> None:
    """Record this process's open streams per blog id, replacing its previous report."""
    now = timezone.now()
    with transaction.atomic():
        ReaderCount.objects.filter(process=process).exclude(liveblog_id__in=counts).delete()
        existing = set(LiveBlog.objects.filter(pk__in=counts).values_list("pk", flat=True))
        for liveblog_id in existing:
            ReaderCount.objects.update_or_create(
                process=process, liveblog_id=liveblog_id,
                defaults={"count": counts[liveblog_id], "updated_at": now},
            )


def watching(liveblog: LiveBlog) -> int:
    """Readers with the live blog open now, summed over the processes that reported lately."""
    fresh = ReaderCount.objects.filter(liveblog=liveblog, updated_at__gte=timezone.now() - stale())
    return fresh.aggregate(total=Sum("count"))["total"] or 0
