"""``bulletin serve``: migrate, then run the reader edge and Django under granian."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from bulletin.reader import server


class Command(BaseCommand):
    help = "Run Bulletin's production server: the reader edge in front of Django."

    def add_arguments(self, parser) -> None:
        server.add_arguments(parser)
        parser.add_argument("--no-migrate", action="store_true", help="Skip applying migrations first.")

    def handle(self, *args, **options) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        server.run(options)
