"""Checks on what editors send, each failure a message naming the field and the limit."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

MAX_BODY = 20_000
MAX_HEADLINE = 200
MAX_CREDIT = 200
MAX_LINKS = 10
MAX_LINK_TITLE = 200
MAX_REASON = 500
MAX_KEY_POINTS = 12
MAX_KEY_POINT = 300

_http_url = URLValidator(schemes=["http", "https"])


def clean_text(value) -> str:
    """Stripped text without NUL characters: never content, and PostgreSQL refuses them."""
    return str(value).replace("\0", "").strip()


def _limit(errors: dict, field: str, value: str, maximum: int) -> None:
    if len(value) > maximum:
        errors.setdefault(field, []).append(
            f"{field.capitalize()} is {len(value):,} characters long; the limit is {maximum:,}."
        )


def links(raw: Iterable[dict], errors: dict) -> list[dict]:
    """Related links as [{"title", "url"}], http(s) only."""
    cleaned = []
    for index, link in enumerate(raw, start=1):
        title, url = clean_text(link.get("title", "")), clean_text(link.get("url", ""))
        try:
            _http_url(url)
        except ValidationError:
            errors.setdefault("links", []).append(
                f"Link {index}: {url!r} is not an http(s) address."
            )
            continue
        if not title:
            errors.setdefault("links", []).append(f"Link {index} needs a title.")
        _limit(errors, "links", title, MAX_LINK_TITLE)
        cleaned.append({"title": title, "url": url})
    if len(cleaned) > MAX_LINKS:
        errors.setdefault("links", []).append(f"A post takes at most {MAX_LINKS} related links.")
    return cleaned


def post_content(*, headline: str, body: str, credit: str, links_: Iterable[dict]) -> dict:
    """Return the stripped fields of a post, or raise ValidationError naming each problem."""
    errors: dict[str, list[str]] = {}
    headline, body, credit = clean_text(headline), clean_text(body), clean_text(credit)
    if not body:
        errors["body"] = ["A post needs a body."]
    _limit(errors, "body", body, MAX_BODY)
    _limit(errors, "headline", headline, MAX_HEADLINE)
    _limit(errors, "credit", credit, MAX_CREDIT)
    cleaned_links = links(links_, errors)
    if errors:
        raise ValidationError(errors)
    return {"headline": headline, "body": body, "credit": credit, "links": cleaned_links}


def kind(value: str) -> str:
    """The kind of a post, update or digest."""
    kinds = ("update", "digest")
    if value not in kinds:
        raise ValidationError({"kind": [f"Kind must be one of {', '.join(kinds)}."]})
    return value


def note(text: str) -> str:
    """An optional correction note, shown to readers on the post's page."""
    text = clean_text(text)
    if len(text) > MAX_REASON:
        raise ValidationError({"note": [f"A correction note takes at most {MAX_REASON} characters."]})
    return text


def reason(text: str) -> str:
    text = clean_text(text)
    errors: dict[str, list[str]] = {}
    if not text:
        errors["reason"] = ["Say why the post is retracted; readers will see it."]
    _limit(errors, "reason", text, MAX_REASON)
    if errors:
        raise ValidationError(errors)
    return text


def key_points(points: Iterable[dict]) -> list[dict]:
    """Key points as [{"text", "post": number or None}]."""
    errors: dict[str, list[str]] = {}
    cleaned = []
    for index, point in enumerate(points, start=1):
        text = clean_text(point.get("text", ""))
        if not text:
            errors.setdefault("points", []).append(f"Key point {index} is empty.")
        _limit(errors, "points", text, MAX_KEY_POINT)
        cleaned.append({"text": text, "post": point.get("post")})
    if len(cleaned) > MAX_KEY_POINTS:
        errors.setdefault("points", []).append(f"Keep it to {MAX_KEY_POINTS} key points at most.")
    if errors:
        raise ValidationError(errors)
    return cleaned
