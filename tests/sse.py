"""Reading Server-Sent Events in tests, as a browser's EventSource would."""

from dataclasses import dataclass


@dataclass
class Event:
    id: int | None
    type: str
    data: str


def parse(text: str) -> tuple[list[Event], list[str], str]:
    """Split a stream's text into complete events, comments, and the unfinished rest."""
    events, comments = [], []
    *blocks, rest = text.split("\n\n")
    for block in blocks:
        fields: dict[str, str] = {}
        for line in block.split("\n"):
            if line.startswith(":"):
                comments.append(line[1:].strip())
            elif ":" in line:
                name, value = line.split(":", 1)
                fields[name] = value[1:] if value.startswith(" ") else value
        if "data" in fields:
            event_id = fields.get("id")
            events.append(Event(int(event_id) if event_id else None, fields.get("event", "message"), fields["data"]))
    return events, comments, rest
