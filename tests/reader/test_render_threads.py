"""The edge's render threads: one database connection each, kept from job to job."""

import pytest
from django.db import connection
from django.db.backends.signals import connection_created

from bulletin.reader.edge import RENDER_THREADS
from tests.factories import make_liveblog

pytestmark = pytest.mark.django_db(transaction=True)


def _query() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


async def _run_jobs(edge, count: int) -> None:
    for _ in range(count):
        await edge.app.run_sync(_query)


def test_render_threads_keep_their_connections_between_jobs(edge):
    make_liveblog()
    opened = []

    def count(sender, connection, **kwargs) -> None:
        opened.append(connection.alias)

    connection_created.connect(count)
    try:
        edge.run(_run_jobs(edge, 40))
    finally:
        connection_created.disconnect(count)
    assert 0 < len(opened) <= RENDER_THREADS, f"{len(opened)} connections opened for 40 jobs"
