"""``bulletin createuser NAME --role editor``: add a newsroom member."""

import getpass
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from bulletin.liveblogs import roles
from bulletin.liveblogs.roles import Role

CHOICES = [role.group for role in Role if role is not Role.NONE]


class Command(BaseCommand):
    help = "Create a newsroom member with a role (reporter, editor or admin), or change the role."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=CHOICES)
        parser.add_argument("--password", help="Set this password (default: ask, or keep the current one).")

    def handle(self, *args, username: str, role: str, password: str | None, **options) -> None:
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username)
        if password:
            user.set_password(password)
        elif created:
            password = self._ask_password()
            user.set_password(password)
        user.is_staff = role == "admin"
        user.save()
        roles.assign(user, Role[role.upper()])
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} {username} as {role}.")

    def _ask_password(self) -> str:
        if not sys.stdin.isatty():
            raise CommandError("Give a password with --password when not running interactively.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords did not match.")
        return first
