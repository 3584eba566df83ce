"""``bulletin demo_seed``: publish the demo story into the database and print its slug."""

from django.core.management.base import BaseCommand

from bulletin.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Seed the fictional demo story (once; a second run changes nothing) and print its slug."

    def handle(self, *args, **options) -> None:
        self.stdout.write(seed_demo().slug)
