"""``bulletin demo``: seed a fictional story, serve it, and keep it moving with the demo wire."""

from django.core.management.base import BaseCommand

from bulletin.demo import launch
from bulletin.demo.wire import DemoWire
from bulletin.reader import server


class Command(BaseCommand):
    help = "Serve a fictional live blog on this machine while a demo wire keeps posting to it."

    def add_arguments(self, parser) -> None:
        server.add_arguments(parser)

    def handle(self, *args, **options) -> None:
        login = launch.prepare_demo()
        wire = DemoWire()
        self.stdout.write(launch.welcome(login, options["host"], options["port"], interval=wire.interval))
        self.stdout.flush()
        # The wire's first tick comes a whole interval after this, once the workers exist.
        wire.start()
        try:
            server.run(options)
        finally:
            wire.stop()
