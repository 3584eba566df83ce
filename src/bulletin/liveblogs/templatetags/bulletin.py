"""Display helpers for Bulletin's templates."""

import hashlib
from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from .. import timefmt

register = template.Library()


@register.filter
def utc_iso(instant):
    return timefmt.iso_utc(instant)


@register.filter
def blog_time(instant, liveblog):
    """The instant in the live blog's zone, day and clock: '27 Nov, 14:05'."""
    return timefmt.day_and_clock(instant, liveblog.zone)


@register.filter
def blog_clock(instant, liveblog):
    return timefmt.clock(instant, liveblog.zone)


@register.simple_tag
def asset(path: str) -> str:
    """The static URL of path with a content hash, so it can be cached for a year."""
    return f"{static(path)}?v={_digest(path)}"


@cache
def _digest(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"No static file named {path!r}.")
    with open(found, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()[:12]


@register.filter
def lite_html(html: str):
    """Drop the end tags HTML lets a parser infer (</p>, </li>): bytes the lite page saves."""
    return mark_safe(html.replace("</p>", "").replace("</li>", ""))
