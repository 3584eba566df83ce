"""Several editors publishing at once into one live blog: no gaps, no duplicates."""

import threading

import pytest
from django.db import connection

from bulletin.liveblogs import services
from bulletin.liveblogs.models import Change
from tests.factories import ada, make_liveblog

WRITERS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_threads_publishing_get_twenty_consecutive_sequence_numbers():
    liveblog = make_liveblog()
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            start.wait()
            services.publish_post(liveblog, author=ada(), body=f"Report {n} from the count.")
        except BaseException as error:  # reported below; a thread cannot fail the test itself
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    sequences = list(Change.objects.filter(liveblog=liveblog).values_list("sequence", flat=True))
    assert sequences == list(range(1, WRITERS + 2))
    numbers = sorted(liveblog.posts.values_list("number", flat=True))
    assert numbers == list(range(1, WRITERS + 1))
    liveblog.refresh_from_db()
    assert liveblog.sequence == WRITERS + 1
