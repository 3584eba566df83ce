"""Reads, named for what they return."""

from django.db import models


class PostQuerySet(models.QuerySet):
    def public(self):
        """Posts readers see: published ones and the tombstones of retracted ones."""
        return self.filter(state__in=("published", "retracted")).exclude(number=None)

    def for_display(self):
        """Prefetch what the post fragment shows, so templates never query."""
        return self.select_related("liveblog").prefetch_related("images")

    def page(self, *, before: int | None, size: int):
        """Up to size public posts with numbers below before (all when None), newest first."""
        posts = self.public().order_by("-number")
        if before is not None:
            posts = posts.filter(number__lt=before)
        return posts.for_display()[:size]


class ChangeQuerySet(models.QuerySet):
    def changed_since(self, sequence: int):
        """Changes after sequence, oldest first."""
        return self.filter(sequence__gt=sequence).order_by("sequence")
