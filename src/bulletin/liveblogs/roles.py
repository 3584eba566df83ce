"""Who may do what in the newsroom, checked by the services themselves.

Roles are Django groups, highest wins: a **reporter** writes drafts and submits them; an
**editor** publishes, revises, pins, retracts, approves, edits key points, creates and ends
live blogs; an **admin** also manages people. Superusers are admins. Scripts and the demo
act as ``SYSTEM``, the operator at the shell, who may do everything.
"""

import enum

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied


class Role(enum.IntEnum):
    NONE = 0
    REPORTER = 1
    EDITOR = 2
    ADMIN = 3

    @property
    def group(self) -> str:
        return self.name.lower()


class _System:
    """The operator acting from the command line or a script."""

    username = "system"
    pk = None

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = _System()


def role_of(actor) -> Role:
    """The highest role an actor holds; NONE for anonymous or inactive users."""
    if actor is SYSTEM:
        return Role.ADMIN
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return Role.NONE
    if actor.is_superuser:
        return Role.ADMIN
    names = set(actor.groups.values_list("name", flat=True))
    return max((role for role in Role if role.group in names), default=Role.NONE)


def require(actor, role: Role, action: str) -> None:
    """Raise PermissionDenied, saying what was refused, unless actor holds role or higher."""
    if role_of(actor) < role:
        article = "an" if role.group[0] in "aeiou" else "a"
        raise PermissionDenied(f"Only {article} {role.group} or above may {action}.")


def user_or_none(actor):
    """The user to record as author or editor: None for SYSTEM."""
    return None if actor is SYSTEM else actor


def assign(user, role: Role) -> None:
    """Give user exactly this role (NONE takes every role away)."""
    user.groups.remove(*Group.objects.filter(name__in=[r.group for r in Role if r is not Role.NONE]))
    if role is not Role.NONE:
        group, _created = Group.objects.get_or_create(name=role.group)
        user.groups.add(group)
