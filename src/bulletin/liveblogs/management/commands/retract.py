"""``bulletin retract SLUG NUMBER --reason …``: retract a post from a script."""

from django.core.management.base import BaseCommand

from bulletin.liveblogs import services
from bulletin.liveblogs.roles import SYSTEM

from ._common import find_post, report_errors


class Command(BaseCommand):
    help = "Retract a published post, leaving a note with the reason."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("number", type=int)
        parser.add_argument("--reason", required=True)

    @report_errors
    def handle(self, *args, **options) -> None:
        post = services.retract_post(find_post(options["slug"], options["number"]), editor=SYSTEM,
                                     reason=options["reason"])
        self.stdout.write(f"Post {post.number} is retracted.")
