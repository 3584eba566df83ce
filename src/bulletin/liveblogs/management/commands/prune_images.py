"""``bulletin prune_images``: remove image files that no post refers to."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from bulletin.liveblogs import images
from bulletin.liveblogs.models import PostImage


class Command(BaseCommand):
    help = ("Remove stored image files that no post refers to: left behind when saving a post failed "
            "after its images were written, or when a server stopped in the middle of saving one.")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--older-than", type=int, default=60, metavar="MINUTES",
            help="Only files last written this many minutes ago or earlier (default 60): a younger "
                 "file may belong to a post being saved right now.",
        )
        parser.add_argument("--dry-run", action="store_true", help="List the files; remove nothing.")
        parser.add_argument(
            "--force", action="store_true",
            help="Remove them even when that is most of the files, or every file though posts have none.",
        )

    def handle(self, *args, **options) -> None:
        if options["older_than"] < 1:
            raise CommandError("--older-than must be at least 1 minute: a post may be saving its images now.")
        field = PostImage._meta.get_field("file")
        kept = set()
        for name, renditions in PostImage.objects.values_list("file", "renditions"):
            kept.add(name)
            kept.update(rendition["name"] for rendition in renditions)
        before = timezone.now() - dt.timedelta(minutes=options["older_than"])
        names = images.stored_files(field.storage, str(field.upload_to).split("/", 1)[0])
        orphans = images.unreferenced(field.storage, names, kept, before=before)
        for name in orphans:
            self.stdout.write(name)
        # Run against the wrong database (an unset DATABASE_URL falls back to the data
        # folder's SQLite file), every image would look unreferenced.
        if orphans and (not kept or 2 * len(orphans) > len(names)) and not options["force"]:
            raise CommandError(
                f"{len(orphans)} of the {len(names)} stored image files are not referred to by any post in "
                f"this database; is it the right one (DATABASE_URL)? Nothing was removed. --force removes them."
            )
        if options["dry_run"]:
            self.stdout.write(f"{len(orphans)} files no post refers to; nothing removed (--dry-run).")
            return
        images.delete(field.storage, orphans)
        self.stdout.write(f"Removed {len(orphans)} files no post refers to.")
