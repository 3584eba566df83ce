"""A fictional breaking-news story for trying Bulletin: seeded, then kept moving live.

``story`` holds the text, ``images`` draws its illustrations, ``seed`` publishes it once
(``seed_demo``), ``wire`` keeps posting while the demo runs (``DemoWire``) and ``launch``
readies ``bulletin demo``: database, editor login, story. Depends on ``bulletin.liveblogs``
(services for every write) and, in the ``demo`` command only, ``bulletin.reader.server``.
"""
