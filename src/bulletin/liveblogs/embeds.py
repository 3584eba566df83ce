"""Links to videos and social posts, recognized safely and shown as cards we render ourselves.

A card is our own markup (provider, the editor's title, the source, a link out), so a
reader's browser contacts no third party until the reader asks: only embeds.js, on a
click, swaps a YouTube card for a youtube-nocookie.com player. Addresses are parsed with
urllib and matched against exact host names, and the card links to an address we rebuild
from the checked parts, which also drops tracking parameters (YouTube's ``si``, ``utm_*``).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Embed:
    """A recognized link: who hosts it, where it leads, and what to call the link out."""

    provider: str
    url: str
    action: str
    source: str = ""  # "@user" when the address names one
    video: str = ""  # a YouTube video id, for the click-to-load player
    start: int = 0  # seconds into the video


_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_DIGITS = re.compile(r"[0-9]{1,20}")
_X_USER = re.compile(r"[A-Za-z0-9_]{1,15}")
# Telegram public usernames: 5 to 32 characters, starting with a letter.
_TELEGRAM_CHANNEL = re.compile(r"[A-Za-z][A-Za-z0-9_]{4,31}")
_INSTAGRAM_CODE = re.compile(r"[A-Za-z0-9_-]{5,64}")
_TIKTOK_USER = re.compile(r"@([A-Za-z0-9_.]{2,24})")
# YouTube's t= takes 90, 90s or 1h2m3s.
_YOUTUBE_TIME = re.compile(r"(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?")


def _start_seconds(query: dict[str, list[str]]) -> int:
    value = (query.get("t") or query.get("start") or [""])[0]
    match = _YOUTUBE_TIME.fullmatch(value)
    if not value or not match:
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _youtube_video(host: str, segments: list[str], query: dict[str, list[str]]) -> tuple[str, bool] | None:
    """The video id and whether it is a Short, from any of YouTube's address shapes."""
    if host == "youtu.be" and len(segments) == 1:
        return segments[0], False
    if segments == ["watch"] and len(query.get("v", [])) == 1:
        return query["v"][0], False
    if len(segments) == 2 and segments[0] == "shorts":
        return segments[1], True
    return None


def _youtube(host: str, segments: list[str], query: dict[str, list[str]]) -> Embed | None:
    found = _youtube_video(host, segments, query)
    if found is None or not _YOUTUBE_ID.fullmatch(found[0]):
        return None
    video, short = found
    start = _start_seconds(query)
    if short:
        url = f"https://www.youtube.com/shorts/{video}"
    else:
        url = f"https://www.youtube.com/watch?v={video}" + (f"&t={start}s" if start else "")
    return Embed("YouTube", url, "Watch on YouTube", video=video, start=start)


def _x(host: str, segments: list[str], query: dict[str, list[str]]) -> Embed | None:
    if len(segments) != 3 or segments[1] != "status":
        return None
    user, _, post = segments
    if not _X_USER.fullmatch(user) or not _DIGITS.fullmatch(post):
        return None
    return Embed("X", f"https://x.com/{user}/status/{post}", "View on X", source=f"@{user}")


def _telegram(host: str, segments: list[str], query: dict[str, list[str]]) -> Embed | None:
    if len(segments) == 3 and segments[0] == "s":  # t.me/s/<channel>/<id>, the web preview
        segments = segments[1:]
    if len(segments) != 2 or not _TELEGRAM_CHANNEL.fullmatch(segments[0]) or not _DIGITS.fullmatch(segments[1]):
        return None
    channel, post = segments
    return Embed("Telegram", f"https://t.me/{channel}/{post}", "View on Telegram", source=f"@{channel}")


def _instagram(host: str, segments: list[str], query: dict[str, list[str]]) -> Embed | None:
    if len(segments) != 2 or segments[0] not in ("p", "reel") or not _INSTAGRAM_CODE.fullmatch(segments[1]):
        return None
    kind, code = segments
    return Embed("Instagram", f"https://www.instagram.com/{kind}/{code}/", "View on Instagram")


def _tiktok(host: str, segments: list[str], query: dict[str, list[str]]) -> Embed | None:
    if len(segments) != 3 or segments[1] != "video" or not _DIGITS.fullmatch(segments[2]):
        return None
    user = _TIKTOK_USER.fullmatch(segments[0])
    if user is None:
        return None
    return Embed("TikTok", f"https://www.tiktok.com/@{user[1]}/video/{segments[2]}", "View on TikTok",
                 source=f"@{user[1]}")


Matcher = Callable[[str, list[str], dict[str, list[str]]], Embed | None]

# Exact host names only: "youtube.com.evil.example" or "notyoutube.com" match nothing.
PROVIDERS: dict[str, Matcher] = {
    **dict.fromkeys(("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"), _youtube),
    **dict.fromkeys(("x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com",
                     "mobile.twitter.com"), _x),
    **dict.fromkeys(("t.me", "telegram.me"), _telegram),
    **dict.fromkeys(("instagram.com", "www.instagram.com"), _instagram),
    **dict.fromkeys(("tiktok.com", "www.tiktok.com", "m.tiktok.com"), _tiktok),
}


def recognize(url: str) -> Embed | None:
    """The embed an address points to, or None when it is not one we show as a card."""
    # Browsers read a backslash as a slash and skip whitespace: refuse rather than guess.
    if not url or any(char.isspace() or char == "\\" for char in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc or port is not None:
        return None
    matcher = PROVIDERS.get(parts.hostname or "")
    if matcher is None:
        return None
    path = parts.path[:-1] if parts.path.endswith("/") else parts.path
    if not path.startswith("/"):
        return None
    return matcher(parts.hostname, path[1:].split("/"), parse_qs(parts.query))


def card(embed: Embed, *, title: str = "") -> str:
    """The card's HTML: one paragraph, so the lite page spends few bytes on it."""
    lines = [f'<span class="embed__provider">{escape(embed.provider)}</span>']
    if title.strip():
        lines.append(f"<b>{escape(title.strip())}</b>")
    if embed.source:
        lines.append(escape(embed.source))
    lines.append(f'<a href="{escape(embed.url)}">{escape(embed.action)}</a>')
    data = ""
    if embed.video:
        data = f' data-video="{escape(embed.video)}"' + (f' data-start="{embed.start}"' if embed.start else "")
    return f'<p class="embed"{data}>' + "<br>".join(lines) + "</p>"
