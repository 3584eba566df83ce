"""Readers watching now: summed over processes, forgotten when a process stops reporting."""

import datetime as dt

import pytest
from django.utils import timezone

from bulletin.liveblogs import audience
from bulletin.liveblogs.models import ReaderCount
from tests.factories import make_liveblog

pytestmark = pytest.mark.django_db


def test_counts_from_every_process_add_up_and_replace_earlier_reports():
    liveblog = make_liveblog()
    audience.report("host-a:1", {liveblog.pk: 120})
    audience.report("host-b:2", {liveblog.pk: 30})
    assert audience.watching(liveblog) == 150
    audience.report("host-a:1", {liveblog.pk: 100})
    assert audience.watching(liveblog) == 130
    audience.report("host-a:1", {})  # its readers left
    assert audience.watching(liveblog) == 30


def test_a_process_that_stopped_reporting_no_longer_counts():
    liveblog = make_liveblog()
    audience.report("host-a:1", {liveblog.pk: 40})
    ReaderCount.objects.update(updated_at=timezone.now() - audience.stale() - dt.timedelta(seconds=1))
    assert audience.watching(liveblog) == 0


def test_blogs_deleted_meanwhile_are_skipped():
    liveblog = make_liveblog()
    audience.report("host-a:1", {liveblog.pk: 5, 987654: 3})
    assert audience.watching(liveblog) == 5
