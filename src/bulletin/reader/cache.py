"""What the edge holds in memory: per live blog, its sequence and its prepared responses."""

from collections import OrderedDict
from dataclasses import dataclass, field

from .pages import BlogInfo
from .responses import Prepared

# Enough for every page a live event's readers actually open; the rest render on demand.
MAX_ENTRIES = 256


@dataclass(eq=False)
class BlogState:
    """A live blog as this process last saw it, and the responses prepared for that sequence.

    A change replaces the whole object, so a render that started before the change can
    only ever store its (older) bytes in the object nobody looks at any more.
    """

    info: BlogInfo
    responses: OrderedDict = field(default_factory=OrderedDict)

    def get(self, key) -> Prepared | None:
        prepared = self.responses.get(key)
        if prepared is not None:
            self.responses.move_to_end(key)
        return prepared

    def put(self, key, prepared: Prepared) -> None:
        self.responses[key] = prepared
        if len(self.responses) > MAX_ENTRIES:
            self.responses.popitem(last=False)


class LRU(OrderedDict):
    """A bounded mapping that forgets the least recently used entry."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def lookup(self, key):
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def store(self, key, value) -> None:
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)
