"""The ASGI entry point: the reader edge in front of Django, in one process."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bulletin.project.settings")

from django.core.asgi import get_asgi_application  # noqa: E402  (settings must be named first)

django_application = get_asgi_application()

from bulletin.liveblogs.services import publish_due_posts  # noqa: E402  (needs the apps loaded)
from bulletin.reader.edge import ReaderEdge  # noqa: E402

# Every process looks for scheduled posts that are due; the service makes sure each one
# is published once however many look.
SCHEDULER_SECONDS = 5

application = ReaderEdge(django_application, periodic=[(SCHEDULER_SECONDS, publish_due_posts)])
