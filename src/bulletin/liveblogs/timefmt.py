"""Instants shown in a live blog's home time zone, as newsrooms write them."""

import datetime as dt
import zoneinfo


def local(instant: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    return instant.astimezone(zone)


def clock(instant: dt.datetime, zone: zoneinfo.ZoneInfo) -> str:
    """'14:05' in the zone."""
    return local(instant, zone).strftime("%H:%M")


def day_and_clock(instant: dt.datetime, zone: zoneinfo.ZoneInfo) -> str:
    """'27 Nov, 14:05': absolute, so text rendered once stays true on later days."""
    moment = local(instant, zone)
    return f"{moment.day} {moment:%b}, {moment:%H:%M}"


def iso_utc(instant: dt.datetime) -> str:
    """'2026-11-27T12:05:00Z' for <time datetime>."""
    return instant.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def zone_label(zone: zoneinfo.ZoneInfo, at: dt.datetime) -> str:
    """'Kyiv (UTC+2)': the city of an IANA name with its offset at a given instant."""
    city = zone.key.rsplit("/", 1)[-1].replace("_", " ")
    offset = at.astimezone(zone).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"{city} (UTC{sign}{hours}{f':{rest:02d}' if rest else ''})"


def spoken_hour(instant: dt.datetime, zone: zoneinfo.ZoneInfo) -> str:
    """'10 p.m.', '9:30 a.m.', 'noon', 'midnight' in AP style."""
    moment = local(instant, zone)
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "noon"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes} {'a.m.' if moment.hour < 12 else 'p.m.'}"


def digest_headline(instant: dt.datetime, zone: zoneinfo.ZoneInfo) -> str:
    """"It's 10 p.m. in Kyiv. Here's what you need to know." """
    city = zone.key.rsplit("/", 1)[-1].replace("_", " ")
    return f"It’s {spoken_hour(instant, zone)} in {city}. Here’s what you need to know."
