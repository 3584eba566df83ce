"""What the post commands share: finding their subject and reporting broken rules."""

import functools

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from bulletin.liveblogs.exceptions import BulletinError
from bulletin.liveblogs.models import LiveBlog, Post


def find_liveblog(slug: str) -> LiveBlog:
    try:
        return LiveBlog.objects.get(slug=slug)
    except LiveBlog.DoesNotExist:
        raise CommandError(f"No live blog with the slug {slug!r}.") from None


def find_post(slug: str, number: int) -> Post:
    try:
        return Post.objects.select_related("liveblog").get(liveblog=find_liveblog(slug), number=number)
    except Post.DoesNotExist:
        raise CommandError(f"{slug!r} has no post numbered {number}.") from None


def report_errors(handle):
    """Turn the services' errors into a command error with their message (exit status 1)."""

    @functools.wraps(handle)
    def wrapper(*args, **options):
        try:
            return handle(*args, **options)
        except ValidationError as error:
            messages = [f"{field}: {m}" for field, ms in error.message_dict.items() for m in ms]
            raise CommandError("; ".join(messages)) from None
        except BulletinError as error:
            raise CommandError(str(error)) from None

    return wrapper
