"""A post's public revision history: each correction, its note, and what changed in words."""

import difflib
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from django.utils.safestring import SafeString, mark_safe

from bulletin.liveblogs.markup import plain_text
from bulletin.liveblogs.models import Post, PostRevision


@dataclass(frozen=True)
class Correction:
    revision: PostRevision
    changes: SafeString


def _words(revision: PostRevision) -> list[str]:
    return f"{revision.headline} {plain_text(revision.body)}".split()


def word_diff(before: list[str], after: list[str]) -> SafeString:
    """The later text, with removed words in <del> and added ones in <ins>; all escaped."""
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape(" ".join(after[b1:b2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(' '.join(before[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(' '.join(after[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts))


def corrections(post: Post) -> list[Correction]:
    """Every revision after the first, newest first, with what it changed."""
    revisions = list(post.revisions.order_by("revision"))
    return [
        Correction(current, word_diff(_words(previous), _words(current)))
        for previous, current in reversed(list(pairwise(revisions)))
    ]
