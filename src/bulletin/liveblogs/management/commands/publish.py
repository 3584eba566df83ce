"""``bulletin publish SLUG --body …``: publish a post from a script."""

from django.core.management.base import BaseCommand

from bulletin.liveblogs import services
from bulletin.liveblogs.roles import SYSTEM

from ._common import find_liveblog, report_errors


class Command(BaseCommand):
    help = "Publish a post into a live blog."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("--body", required=True, help="The post, in post markup.")
        parser.add_argument("--headline", default="")
        parser.add_argument("--credit", default="", help="Contributor credit line.")
        parser.add_argument("--kind", default="update", choices=["update", "digest"])

    @report_errors
    def handle(self, *args, **options) -> None:
        post = services.publish_post(
            find_liveblog(options["slug"]), author=SYSTEM, body=options["body"],
            headline=options["headline"], credit=options["credit"], kind=options["kind"],
        )
        self.stdout.write(f"Published post {post.number}: {post.get_absolute_url()}")
