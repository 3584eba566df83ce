"""The ASGI entry point: the reader edge in front of Django, in one process."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bulletin.project.settings")

from django.core.asgi import get_asgi_application  # noqa: E402  (settings must be named first)

django_application = get_asgi_application()

from bulletin.reader.edge import ReaderEdge  # noqa: E402  (needs the apps loaded)

application = ReaderEdge(django_application)
