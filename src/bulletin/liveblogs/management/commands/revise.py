"""``bulletin revise SLUG NUMBER --body …``: correct a published post from a script."""

from django.core.management.base import BaseCommand

from bulletin.liveblogs import services
from bulletin.liveblogs.roles import SYSTEM

from ._common import find_post, report_errors


class Command(BaseCommand):
    help = "Revise a published post."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("number", type=int)
        parser.add_argument("--body")
        parser.add_argument("--headline")
        parser.add_argument("--note", default="", help="Correction note shown to readers.")
        parser.add_argument("--revision", type=int, help="The revision you started from (default: the current one).")

    @report_errors
    def handle(self, *args, **options) -> None:
        post = find_post(options["slug"], options["number"])
        post = services.revise_post(
            post, editor=SYSTEM, revision=options["revision"] or post.revision,
            body=options["body"], headline=options["headline"], note=options["note"],
        )
        self.stdout.write(f"Post {post.number} is now at revision {post.revision}.")
